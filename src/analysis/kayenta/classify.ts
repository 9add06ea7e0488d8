/**
 * Kayenta's per-metric classification (NetflixACAJudge: transformMetric + MannWhitneyClassifier),
 * restated in shared/KAYENTA.md §1.1–1.4 and kept literal so a migrated canary config gets the
 * same labels:
 *
 * 1. each side's raw values go through the NaN strategy (remove, or replace with 0) and, when
 *    enabled, IQR outlier removal (fences min(P1, Q1 − f·IQR) and max(P99, Q3 + f·IQR));
 * 2. an empty side is Nodata (or NodataFailMetric with mustHaveData; Pass under nanStrategy
 *    replace); identical data, or one distinct value over both sides, is Pass;
 * 3. two constant sides get tiny Gaussian noise (sd = value·1e−5) to break the ties — from a
 *    seeded generator here, so a run is reproducible;
 * 4. Mann-Whitney at 98% (R's asymptotic `wilcox.test(experiment, control, conf.int = TRUE,
 *    exact = FALSE, correct = TRUE)`: interval and Hodges-Lehmann uniroot estimate); the whole
 *    interval must clear ±25% of |estimate| to be High or Low, and the effect size (mean ratio or
 *    CLES) must reach allowedIncrease / allowedDecrease — a NaN effect size does not hold it back;
 * 5. a critical metric's High/Low is critical only past criticalIncrease / criticalDecrease;
 * 6. any exception is Error ("Metric Classification Failed").
 *
 * Experiment is the canary, control the baseline; shifts and ratios are experiment vs control.
 */
import { hodgesLehmann } from '../../stats/hodges-lehmann.js';
import { mannWhitney } from '../../stats/mann-whitney.js';
import { removeOutliersIqr } from '../../stats/robust.js';
import { formatNumber } from '../../core/format.js';
import type { KayentaMetricSpec } from '../../policy/types.js';
import type { KayentaLabel } from './score.js';
import { mulberry32 } from '../../stats/seeded-random.js';

/** Hard-coded in NetflixACAJudge (the classifier class defaults to 0.95). */
export const KAYENTA_CONF_LEVEL = 0.98;
/** The fraction of |Hodges-Lehmann estimate| the interval must clear (hard-coded in the judge). */
export const KAYENTA_TOLERANCE = 0.25;
/** Relative sd of the tie-breaking noise added to two constant sides. */
export const KAYENTA_NOISE_SCALE = 1e-5;
/** Seed of the tie-breaking noise: fixed, so the same data always gets the same label. */
export const KAYENTA_NOISE_SEED = 0x6b617965;

/** What the classifier needs of a metric's settings. */
export type KayentaClassifierConfig = Pick<KayentaMetricSpec, 'direction' | 'nanStrategy' | 'outliers' | 'effectSize' | 'mustHaveData'> & {
  critical: boolean;
};

/** Descriptive statistics of a side after the transforms (Kayenta's `stats` metadata; zeros when empty). */
export interface KayentaSideStats {
  count: number;
  min: number;
  max: number;
  mean: number;
  /** Sample standard deviation (n − 1); 0 for fewer than two values. */
  std: number;
}

/** How many values each transform took away from a side. */
export interface KayentaPreprocessing {
  raw: number;
  /** NaN values removed, or replaced with 0 (see `nanStrategy`). */
  nan: number;
  outliers: number;
  /** Values the classification ran on. */
  used: number;
}

export interface KayentaMannWhitney {
  confLevel: number;
  /** Interval of the shift experiment − control, exactly as R returns it: it can be inverted (lower > upper) with heavy ties. */
  lower: number;
  upper: number;
  /** R's Hodges-Lehmann estimate (the uniroot of the uncorrected statistic). */
  estimate: number;
  /** tolerance·|estimate|: the interval must lie above +bound (High) or below −bound (Low). */
  bound: number;
}

export interface KayentaClassification {
  label: KayentaLabel;
  /** A critical metric's High/Low past its critical gate, or its Nodata (KAYENTA.md §1.4). */
  critical: boolean;
  reason: string;
  /** The step of §1.4 that decided. */
  rule: 'no-data' | 'identical' | 'single-value' | 'mann-whitney' | 'error';
  /** mean(experiment)/mean(control), Kayenta's `ratio` metadata: 1 for the early exits, NaN when a mean is 0 or on Error. */
  ratio: number;
  /** The effect size the gates were applied to (Mann-Whitney cases only). */
  effect?: { measure: 'meanRatio' | 'cles'; value: number };
  mannWhitney?: KayentaMannWhitney;
  /** Both sides were constant and got tie-breaking noise. */
  noise: boolean;
  preprocessing: { experiment: KayentaPreprocessing; control: KayentaPreprocessing };
  stats: { experiment: KayentaSideStats; control: KayentaSideStats };
}

export interface ClassifyOptions {
  /** Seed of the tie-breaking noise (default KAYENTA_NOISE_SEED). */
  seed?: number;
}

/** Kayenta's NaN strategy then outlier removal on one side's raw values. */
export function transformSide(raw: readonly number[], config: Pick<KayentaClassifierConfig, 'nanStrategy' | 'outliers'>): { values: number[]; nan: number; outliers: number } {
  let nan = 0;
  const values: number[] = [];
  for (const v of raw) {
    if (Number.isNaN(v)) {
      nan++;
      if (config.nanStrategy === 'replace') values.push(0);
    } else values.push(v);
  }
  if (config.outliers.strategy !== 'remove' || values.length === 0) return { values, nan, outliers: 0 };
  const filtered = removeOutliersIqr(values, config.outliers.factor);
  return { values: filtered.kept, nan, outliers: filtered.removed };
}

export function sideStats(values: readonly number[]): KayentaSideStats {
  const count = values.length;
  if (count === 0) return { count: 0, min: 0, max: 0, mean: 0, std: 0 };
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  const mean = sum / count;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return { count, min, max, mean, std: count > 1 ? Math.sqrt(squares / (count - 1)) : 0 };
}

/** Classifies one metric from each side's raw, time-ordered values (NaN included). Never throws. */
export function classifyKayenta(
  name: string,
  experimentRaw: readonly number[],
  controlRaw: readonly number[],
  config: KayentaClassifierConfig,
  options: ClassifyOptions = {},
): KayentaClassification {
  const exp = transformSide(experimentRaw, config);
  const ctl = transformSide(controlRaw, config);
  const experiment = exp.values;
  const control = ctl.values;
  const common = {
    noise: false,
    preprocessing: {
      experiment: { raw: experimentRaw.length, nan: exp.nan, outliers: exp.outliers, used: experiment.length },
      control: { raw: controlRaw.length, nan: ctl.nan, outliers: ctl.outliers, used: control.length },
    },
    stats: { experiment: sideStats(experiment), control: sideStats(control) },
  };

  try {
    // 1. No data on a side.
    if (experiment.length === 0 || control.length === 0) {
      if (config.nanStrategy === 'replace') {
        return { ...common, label: 'Pass', critical: false, rule: 'no-data', ratio: 1, reason: `No data for ${name}, accepted by nanStrategy replace` };
      }
      const reason = `Missing data for ${name}`;
      if (config.mustHaveData && !config.critical) return { ...common, label: 'NodataFailMetric', critical: false, rule: 'no-data', ratio: 1, reason };
      return { ...common, label: 'Nodata', critical: config.critical, rule: 'no-data', ratio: 1, reason };
    }

    // 2. Identical data.
    const sortedExp = [...experiment].sort((a, b) => a - b);
    const sortedCtl = [...control].sort((a, b) => a - b);
    if (sortedExp.length === sortedCtl.length && sortedExp.every((v, i) => v === sortedCtl[i])) {
      return { ...common, label: 'Pass', critical: false, rule: 'identical', ratio: 1, reason: 'The Canary and Baseline data are identical' };
    }

    // 3. One distinct value over both sides (e.g. [5, 5] against [5, 5, 5]).
    const first = sortedExp[0]!;
    const constantExp = sortedExp[sortedExp.length - 1] === first;
    const constantCtl = sortedCtl[0] === sortedCtl[sortedCtl.length - 1];
    if (constantExp && constantCtl && sortedCtl[0] === first) {
      return { ...common, label: 'Pass', critical: false, rule: 'single-value', ratio: 1, reason: `Every value of both sides is ${formatNumber(first)}` };
    }

    // 4. Two constant sides: break the ties with noise scaled by each side's value.
    let x = experiment;
    let y = control;
    let noise = false;
    if (constantExp && constantCtl) {
      const gaussian = seededGaussian(options.seed ?? KAYENTA_NOISE_SEED);
      const jitter = (values: number[]) => {
        const sd = Math.abs(values[0]!) * KAYENTA_NOISE_SCALE;
        return values.map((v) => v + sd * gaussian());
      };
      x = jitter(experiment);
      y = jitter(control);
      noise = true;
    }

    // 5. Mann-Whitney with R's asymptotic interval and estimate at 98%.
    const hl = hodgesLehmann(x, y, { confLevel: KAYENTA_CONF_LEVEL, method: 'asymptotic', correct: true });
    if (hl.method !== 'asymptotic' || hl.degenerate !== null) {
      // Where R (and Kayenta's port) stops, e.g. "all observations are tied" at a shift.
      throw new Error(hl.note ?? 'cannot compute confidence interval when all observations are tied');
    }
    const [lower, upper] = hl.ci;
    const estimate = hl.rEstimate;
    const bound = KAYENTA_TOLERANCE * Math.abs(estimate);
    const mw: KayentaMannWhitney = { confLevel: KAYENTA_CONF_LEVEL, lower, upper, estimate, bound };

    // 6. Effect size.
    const ratio = meanRatio(x, y);
    const { effectSize, direction } = config;
    const value = effectSize.measure === 'cles' ? mannWhitney(x, y, { method: 'asymptotic' }).auc : ratio;
    const effect = { measure: effectSize.measure, value };
    const unsized = Number.isNaN(value);

    // 7. High, then Low; 8. critical.
    const significantUp = direction !== 'decrease' && lower > bound;
    const significantDown = direction !== 'increase' && upper < -bound;
    const result = { ...common, noise, rule: 'mann-whitney' as const, ratio, effect, mannWhitney: mw };
    const measure = effectSize.measure === 'cles' ? 'CLES' : 'ratio';
    if (significantUp && (unsized || value >= effectSize.allowedIncrease)) {
      const critical = config.critical && (unsized || value >= effectSize.criticalIncrease);
      return { ...result, label: 'High', critical, reason: `The metric was classified as High${critical ? ' (critical)' : ''}` };
    }
    if (significantDown && (unsized || value <= effectSize.allowedDecrease)) {
      const critical = config.critical && (unsized || value <= effectSize.criticalDecrease);
      return { ...result, label: 'Low', critical, reason: `The metric was classified as Low${critical ? ' (critical)' : ''}` };
    }
    let reason = 'The metric was classified as Pass';
    if (significantUp) reason += `: a significant increase, but ${measure} ${formatNumber(value)} is below the allowed increase ${formatNumber(effectSize.allowedIncrease)}`;
    else if (significantDown) reason += `: a significant decrease, but ${measure} ${formatNumber(value)} is above the allowed decrease ${formatNumber(effectSize.allowedDecrease)}`;
    return { ...result, label: 'Pass', critical: false, reason };
  } catch (error) {
    // 10. Any failure of the classification.
    const message = error instanceof Error ? error.message : String(error);
    return { ...common, label: 'Error', critical: false, rule: 'error', ratio: NaN, reason: `Metric Classification Failed: ${message}` };
  }
}

/** mean(experiment)/mean(control); NaN when either mean is 0 (Kayenta's rule, not ±Infinity or 0). */
export function meanRatio(experiment: readonly number[], control: readonly number[]): number {
  const e = sideStats(experiment).mean;
  const c = sideStats(control).mean;
  return e === 0 || c === 0 ? NaN : e / c;
}

/** Standard normal deviates from mulberry32 through Box-Muller: deterministic for a seed. */
export function seededGaussian(seed: number): () => number {
  const uniform = mulberry32(seed);
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    let u = 0;
    while (u === 0) u = uniform();
    const v = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}
