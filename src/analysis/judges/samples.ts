import { mean, sampleVariance } from 'simple-statistics';
import { varianceInflation, type VarianceInflation } from '../../stats/autocorrelation.js';
import { mannWhitneyHodgesLehmannSorted } from '../../stats/hodges-lehmann.js';
import { checkedSortedCopy, PairwiseDifferences } from '../../stats/pairwise-differences.js';
import { median } from '../../stats/quantile.js';
import { normalQuantile } from '../../stats/normal.js';
import { midRanks, twoSampleRanksSorted } from '../../stats/ranks.js';
import { studentTQuantile, studentTSf, studentTTwoSided } from '../../stats/student-t.js';
import { formatNumber } from '../../core/format.js';
import type { Direction } from '../../policy/types.js';
import { judgeMeasurement, type Measurement } from './statistical.js';
import type { Judge, JudgeInput } from './types.js';

/**
 * Judges on the samples of each side (one per step). Consecutive samples of a time series are
 * autocorrelated; by default each side's lag-1 autocorrelation (of its ranks, for Mann-Whitney)
 * inflates the variance the interval is built from, and the report gives the effective n.
 */

interface Adjustment {
  canary: VarianceInflation;
  baseline: VarianceInflation;
}

function adjustmentFor(input: JudgeInput, canary: readonly number[], baseline: readonly number[], ranks: boolean): Adjustment | undefined {
  if (input.spec.autocorrelation === 'ignore') return undefined;
  const prepare = (values: readonly number[]) => (ranks ? Array.from(midRanks(values)) : values);
  return { canary: varianceInflation(prepare(canary)), baseline: varianceInflation(prepare(baseline)) };
}

function adjustmentFields(adjustment: Adjustment | undefined) {
  if (!adjustment) return {};
  return {
    effectiveN: { canary: adjustment.canary.effectiveN, baseline: adjustment.baseline.effectiveN },
    autocorrelation: { canary: adjustment.canary.rho, baseline: adjustment.baseline.rho },
  };
}

/**
 * Mann-Whitney with the Hodges-Lehmann shift: the median of all pairwise differences and its
 * interval (exact for small samples without ties, as R; the order-statistic form with the
 * variance of U inflated for autocorrelation otherwise). Distributions are compared on the log
 * scale, so the shift is a ratio and a +20% tolerance means +20% at every latency level.
 */
export const mannWhitneyJudge: Judge = (input) => {
  const { metric, spec } = input;
  const notes: string[] = [];
  const positive = input.canary.samples.every((v) => v > 0) && input.baseline.samples.every((v) => v > 0);
  let log = spec.scale === 'log' || (spec.scale === 'auto' && metric.kind === 'distribution');
  if (log && !positive) {
    notes.push('values ≤ 0 present: compared on the linear scale instead of the log scale');
    log = false;
  }
  const transform = (values: readonly number[]) => (log ? values.map(Math.log) : values);
  const canary = transform(input.canary.samples);
  const baseline = transform(input.baseline.samples);
  const xs = checkedSortedCopy(canary, 'canary');
  const ys = checkedSortedCopy(baseline, 'baseline');
  const m = xs.length;
  const n = ys.length;
  const confidence = spec.confidence;
  const adjustment = adjustmentFor(input, canary, baseline, true);
  // Var(U) = mn/12·(n·f_canary + m·f_baseline) to first order, for long-run variance factors f.
  const factor = adjustment ? (n * adjustment.canary.factor + m * adjustment.baseline.factor) / (m + n) : 1;

  const mn = m * n;
  const N = m + n;
  const ranks = twoSampleRanksSorted(xs, ys);
  const sigma0 = N > 1 ? Math.sqrt((mn / 12) * (N + 1 - ranks.tieTerm / (N * (N - 1)))) : 0;
  let estimate: number;
  let ci: [number, number];
  let pValue: number;
  let achieved: number | null = null;
  let reachable: boolean;
  const alternative = alternativeFor(spec.direction);
  if (factor <= 1) {
    const { hodgesLehmann: hl, mannWhitney: mw } = mannWhitneyHodgesLehmannSorted(xs, ys, {
      mannWhitney: { alternative },
      hodgesLehmann: { confLevel: confidence },
    });
    estimate = hl.estimate;
    ci = hl.ci;
    pValue = mw.p;
    if (hl.note) notes.push(hl.note);
    achieved = hl.achievedConfidence;
    // The normal-approximation interval clamps to the extreme differences when the sample is
    // too small for the confidence asked: that is out of reach, not a result.
    reachable = hl.method === 'exact' || mn / 2 - 0.5 - normalQuantile(1 - (1 - confidence) / 2) * sigma0 >= 1;
  } else {
    const diffs = new PairwiseDifferences(xs, ys);
    const sigma = sigma0 * Math.sqrt(factor);
    // The inflation is itself estimated from few effective samples: a Student-t quantile on the
    // effective degrees of freedom keeps the interval honest when they are few (as batch means do).
    const df = Math.max(1, adjustment!.canary.effectiveN + adjustment!.baseline.effectiveN - 2);
    const z = studentTQuantile(1 - (1 - confidence) / 2, df);
    const k = Math.floor(mn / 2 - z * sigma);
    reachable = k >= 1 && sigma > 0;
    estimate = diffs.median();
    ci = reachable ? [diffs.select(k), diffs.select(mn + 1 - k)] : [-Infinity, Infinity];
    const u = ranks.rankSumX - (m * (m + 1)) / 2;
    pValue = sigma > 0 ? pStudent((u - mn / 2) / sigma, df, alternative) : 1;
  }

  const measurement: Measurement = {
    test: `Mann-Whitney / Hodges-Lehmann${log ? ' (log scale)' : ''}`,
    effect: log
      ? { scale: 'log-ratio', estimate, lower: ci[0], upper: ci[1] }
      : { scale: 'difference', estimate, lower: ci[0], upper: ci[1] },
    baselineLevel: median(input.baseline.samples),
    canaryLevel: median(input.canary.samples),
    pValue,
    n: { canary: m, baseline: n },
    ...adjustmentFields(adjustment),
    unit: 'samples',
    size: Math.min(m, n),
    notes,
  };
  // Like R, the exact interval falls back to the widest one the sample allows when the requested
  // confidence is out of reach (3 pods against 3 give at most 90%): that is no evidence to pass on.
  const outOfReach = !reachable || (achieved !== null && achieved < confidence - 1e-12);
  if (outOfReach) {
    const smallest = 2 / binomialCoefficient(N, m);
    measurement.unreachable =
      `with ${m} against ${n} samples no ${formatNumber(confidence * 100)}% interval exists` +
      (smallest > 1 - confidence ? ` (the smallest possible two-sided p is ${formatNumber(smallest)}): significance is unreachable at this sample` : '');
  }
  return judgeMeasurement(input, measurement, confidence);
};

/** Welch's t interval for the difference of means, standard errors inflated for autocorrelation. */
export const welchJudge: Judge = (input) => {
  const { spec } = input;
  const canary = input.canary.samples;
  const baseline = input.baseline.samples;
  const m = canary.length;
  const n = baseline.length;
  const confidence = spec.confidence;
  const adjustment = adjustmentFor(input, canary, baseline, false);
  const notes: string[] = [];
  const meanC = mean(canary as number[]);
  const meanB = mean(baseline as number[]);
  const fc = adjustment?.canary.factor ?? 1;
  const fb = adjustment?.baseline.factor ?? 1;
  const va = m > 1 ? (fc * sampleVariance(canary as number[])) / m : NaN;
  const vb = n > 1 ? (fb * sampleVariance(baseline as number[])) / n : NaN;
  const se = Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / (va ** 2 / (m / fc - 1) + vb ** 2 / (n / fb - 1));
  const diff = meanC - meanB;
  let ci: [number, number] = [-Infinity, Infinity];
  let pValue = 1;
  if (se > 0 && df > 0) {
    const q = studentTQuantile(1 - (1 - confidence) / 2, df);
    ci = [diff - q * se, diff + q * se];
    const t = diff / se;
    pValue = spec.direction === 'increase' ? studentTSf(t, df) : spec.direction === 'decrease' ? studentTSf(-t, df) : studentTTwoSided(t, df);
  } else if (se === 0) {
    ci = [diff, diff];
    pValue = diff === 0 ? 1 : 0;
    notes.push('both sides are constant: the difference of means is exact');
  }
  const measurement: Measurement = {
    test: "Welch's t (difference of means)",
    effect: { scale: 'difference', estimate: diff, lower: ci[0], upper: ci[1] },
    baselineLevel: meanB,
    canaryLevel: meanC,
    pValue,
    n: { canary: m, baseline: n },
    ...adjustmentFields(adjustment),
    unit: 'samples',
    size: Math.min(m, n),
    notes,
  };
  if (!Number.isFinite(ci[0]) || !Number.isFinite(ci[1])) measurement.unreachable = `with ${m} against ${n} samples there is no interval`;
  return judgeMeasurement(input, measurement, confidence);
};

function alternativeFor(direction: Direction): 'two-sided' | 'greater' | 'less' {
  return direction === 'increase' ? 'greater' : direction === 'decrease' ? 'less' : 'two-sided';
}

function pStudent(t: number, df: number, alternative: 'two-sided' | 'greater' | 'less'): number {
  if (alternative === 'greater') return studentTSf(t, df);
  if (alternative === 'less') return studentTSf(-t, df);
  return studentTTwoSided(t, df);
}

function binomialCoefficient(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return result;
}
