import { mean, sampleVariance } from 'simple-statistics';
import { formatNumber } from '../../core/format.js';
import type { CompareTest } from '../../policy/types.js';
import { varianceInflation } from '../../stats/autocorrelation.js';
import { normalMixtureSprt } from '../../stats/normal-mixture-sprt.js';
import { poissonMixtureLogBayesFactor } from '../../stats/poisson-mixture.js';
import { poissonMixtureRateRatioInterval } from '../../stats/poisson-mixture-interval.js';
import { quantileConfidenceSequence } from '../../stats/quantile-confidence-sequence.js';
import { midRanks } from '../../stats/ranks.js';
import { normalQuantile } from '../../stats/normal.js';
import { studentTQuantile } from '../../stats/student-t.js';
import { relativeJudge } from '../judges/relative.js';
import { judgeMeasurement, type Measurement } from '../judges/statistical.js';
import type { Judge, JudgeInput } from '../judges/types.js';
import type { SequentialState } from './state.js';

/**
 * Concentration k of the Poisson mixture's Beta(kρ, k(1 − ρ)) prior. k = 10 puts the prior's
 * spread (sd of the canary's share of errors ≈ 0.15 at an even split) at about the size of a
 * doubling of the error rate, the regression a canary gate exists to catch. In the simulation
 * (bench/sequential.mjs) k from 5 to 20 detect a 2× regression within ~15% of each other; larger
 * k are slower on large effects, smaller k make the interval wider near "no change" (slower passes).
 */
export const POISSON_CONCENTRATION = 10;

export interface SequentialJudgeOptions {
  /** Samples per side expected by the deadline: the quantile sequence is tightest around half of it. */
  expectedSamples: number;
}

/**
 * The anytime-valid counterpart of every fixed-horizon test, for watch mode: a policy reads the
 * same in a one-shot run and a watch, and re-judging at every look keeps the false-alarm rate at
 * α. Intervals and p-values are folded into `state` (running intersection and minimum) and
 * judged by the same rule as everywhere: fail wholly beyond the tolerance, pass wholly inside.
 */
export function sequentialJudges(state: SequentialState, options: SequentialJudgeOptions): Record<Exclude<CompareTest, 'none'>, Judge> {
  const counts: Judge = (input) => poissonMixtureJudge(input, state);
  const samples: Judge = (input) => quantileJudge(input, state, options);
  return {
    poisson: counts,
    fisher: counts,
    proportions: counts,
    'mann-whitney': samples,
    welch: (input) => meanJudge(input, state),
    // No statistics to peek at: the two aggregates are compared as they are at each look.
    relative: relativeJudge,
  };
}

const note = (looks: string) => `anytime-valid: ${looks}`;

function decideWith(input: JudgeInput, state: SequentialState, m: Measurement) {
  const folded = state.fold(input.metric.name, m.effect, m.pValue);
  if (folded.intersected) m.notes.push('interval is the running intersection of the confidence sequence over the looks');
  return judgeMeasurement(input, { ...m, effect: folded.effect, pValue: folded.pValue }, input.spec.confidence);
}

/** Ratio metrics: Lindon & Malek's Poisson mixture on the summed error counts. */
function poissonMixtureJudge(input: JudgeInput, state: SequentialState) {
  const { canary, baseline, spec } = input;
  if (canary.errors === undefined || canary.total === undefined || baseline.errors === undefined || baseline.total === undefined) {
    throw new Error(`${spec.test} needs a ratio metric (kind: ratio) with errors and total`);
  }
  const x = Math.round(canary.errors);
  const y = Math.round(baseline.errors);
  const share = canary.total / (canary.total + baseline.total);
  const notes = [note('Poisson mixture test, Lindon & Malek 2022; valid at every look'), `canary share of traffic ${formatNumber(share * 100)}%`];
  if (x !== canary.errors || y !== baseline.errors) notes.push('error counts were not whole numbers (Prometheus increase() extrapolates) and were rounded');
  const options = { share, concentration: POISSON_CONCENTRATION };
  const alternative = spec.direction === 'increase' ? 'greater' : spec.direction === 'decrease' ? 'less' : 'two-sided';
  const logBf = x + y === 0 ? 0 : poissonMixtureLogBayesFactor(x, y, { ...options, alternative });
  const [low, high] = poissonMixtureRateRatioInterval(x, y, { ...options, confidence: spec.confidence });
  const rateC = x / canary.total;
  const rateB = y / baseline.total;
  // With no baseline errors the observed ratio is infinite; half an event on each side keeps a
  // finite point estimate for the report (the interval, not the estimate, decides).
  const ratio = y > 0 && x > 0 ? rateC / rateB : (x + 0.5) / canary.total / ((y + 0.5) / baseline.total);
  const m: Measurement = {
    test: 'Poisson mixture SPRT (anytime-valid)',
    effect: { scale: 'log-ratio', estimate: Math.log(ratio), lower: Math.log(low), upper: Math.log(high) },
    baselineLevel: rateB,
    canaryLevel: rateC,
    pValue: Math.min(1, Math.exp(-logBf)),
    n: { canary: Math.round(canary.total), baseline: Math.round(baseline.total) },
    unit: 'requests',
    size: Math.round(canary.total),
    notes,
  };
  if (y === 0 && input.spec.floor === undefined) {
    notes.push('no baseline errors yet: the rate ratio has no upper bound until the baseline sees some');
  }
  return decideWith(input, state, m);
}

/** Gauges compared on means: the normal-mixture SPRT on the difference, plug-in variance. */
function meanJudge(input: JudgeInput, state: SequentialState) {
  const { spec } = input;
  const c = input.canary.samples;
  const b = input.baseline.samples;
  const notes = [note('normal-mixture SPRT (mSPRT) confidence sequence on the difference of means; plug-in variance with a small-sample t correction')];
  const adjust = spec.autocorrelation !== 'ignore';
  const fc = adjust ? varianceInflation(c).factor : 1;
  const fb = adjust ? varianceInflation(b).factor : 1;
  const meanC = c.length > 0 ? mean(c as number[]) : NaN;
  const meanB = b.length > 0 ? mean(b as number[]) : NaN;
  const variance = c.length > 1 && b.length > 1 ? (fc * sampleVariance(c as number[])) / c.length + (fb * sampleVariance(b as number[])) / b.length : NaN;
  const diff = meanC - meanB;
  // τ, where the mixture is most powerful: the allowed change itself (or the baseline's spread).
  const allowed = Math.max(spec.tolerance !== undefined ? spec.tolerance * Math.abs(meanB) : 0, spec.floor ?? 0);
  const spread = b.length > 1 ? Math.sqrt(sampleVariance(b as number[])) : 0;
  const tau = allowed > 0 ? allowed : spread > 0 ? spread : 1;
  // The plug-in variance of a few samples is itself noisy, which lets the mSPRT cross too often
  // early on (2.5% instead of 1% in the bench's A/A runs from 3 samples); inflating it by the
  // squared ratio of the Student-t to the normal quantile on Welch's degrees of freedom brings it
  // back under α (0.55%) and fades away as the samples grow.
  const alpha = 1 - spec.confidence;
  const vc = (fc * sampleVarianceOr0(c)) / c.length;
  const vb = (fb * sampleVarianceOr0(b)) / b.length;
  const df = (vc + vb) ** 2 / (vc ** 2 / Math.max(1, c.length / fc - 1) + vb ** 2 / Math.max(1, b.length / fb - 1));
  const smallSample = df > 0 && Number.isFinite(df) ? (studentTQuantile(1 - alpha / 2, df) / normalQuantile(1 - alpha / 2)) ** 2 : 1;
  const r = normalMixtureSprt(diff, variance * smallSample, { tau, alpha });
  const m: Measurement = {
    test: 'mSPRT on means (anytime-valid)',
    effect: { scale: 'difference', estimate: diff, lower: r.ci[0], upper: r.ci[1] },
    baselineLevel: meanB,
    canaryLevel: meanC,
    pValue: Number.isNaN(r.logLambda) ? null : Math.min(1, Math.exp(-r.logLambda)),
    n: { canary: c.length, baseline: b.length },
    unit: 'samples',
    size: Math.min(c.length, b.length),
    notes,
  };
  if (adjust) {
    const vc = varianceInflation(c);
    const vb = varianceInflation(b);
    m.effectiveN = { canary: vc.effectiveN, baseline: vb.effectiveN };
    m.autocorrelation = { canary: vc.rho, baseline: vb.rho };
  }
  if (!Number.isFinite(r.ci[0]) || !Number.isFinite(r.ci[1])) m.unreachable = `with ${c.length} against ${b.length} samples there is no interval yet`;
  return decideWith(input, state, m);
}

function sampleVarianceOr0(values: readonly number[]): number {
  return values.length > 1 ? sampleVariance(values as number[]) : 0;
}

const QUANTILE_OF: Record<string, number> = { median: 0.5, p90: 0.9, p95: 0.95, p99: 0.99 };

/**
 * Distributions and gauges under mann-whitney: a time-uniform confidence sequence for a quantile
 * of each side (the aggregate's quantile, the median otherwise), each at α/2, combined into an
 * interval for the ratio canary/baseline (log scale; the difference when a side has values ≤ 0).
 */
function quantileJudge(input: JudgeInput, state: SequentialState, options: SequentialJudgeOptions) {
  const { spec, metric } = input;
  const p = metric.kind === 'ratio' ? 0.5 : (QUANTILE_OF[metric.aggregate] ?? 0.5);
  const c = Float64Array.from(input.canary.samples).sort();
  const b = Float64Array.from(input.baseline.samples).sort();
  const adjust = spec.autocorrelation !== 'ignore';
  const factorOf = (values: readonly number[]) => (adjust && values.length > 2 ? varianceInflation(Array.from(midRanks(values))).factor : 1);
  const each = { confidence: 1 - (1 - spec.confidence) / 2, tightestAt: Math.max(10, options.expectedSamples / 2) };
  const qc = quantileConfidenceSequence(c, p, { ...each, varianceFactor: factorOf(input.canary.samples) });
  const qb = quantileConfidenceSequence(b, p, { ...each, varianceFactor: factorOf(input.baseline.samples) });
  const positive = c.length > 0 && b.length > 0 && c[0]! > 0 && b[0]! > 0;
  const quantileName = p === 0.5 ? 'median' : `p${Math.round(p * 100)}`;
  const notes = [
    note(`time-uniform confidence sequences for each side's ${quantileName} (Howard & Ramdas 2022), ${formatNumber(each.confidence * 100)}% each`),
  ];
  if (adjust) notes.push('widened for serial correlation of the samples (long-run variance of the ranks)');
  const effect = positive
    ? {
        scale: 'log-ratio' as const,
        estimate: Math.log(qc.estimate / qb.estimate),
        lower: qc.lower > 0 && Number.isFinite(qb.upper) ? Math.log(qc.lower / qb.upper) : -Infinity,
        upper: Number.isFinite(qc.upper) && qb.lower > 0 ? Math.log(qc.upper / qb.lower) : Infinity,
      }
    : { scale: 'difference' as const, estimate: qc.estimate - qb.estimate, lower: qc.lower - qb.upper, upper: qc.upper - qb.lower };
  if (!positive) notes.push('values ≤ 0 present: the difference of the quantiles is judged instead of their ratio');
  const m: Measurement = {
    test: `quantile confidence sequence, ${quantileName} (anytime-valid)`,
    effect,
    baselineLevel: qb.estimate,
    canaryLevel: qc.estimate,
    pValue: null,
    n: { canary: c.length, baseline: b.length },
    unit: 'samples',
    size: Math.min(c.length, b.length),
    notes,
  };
  if (!Number.isFinite(effect.lower) && !Number.isFinite(effect.upper)) {
    m.unreachable = `with ${c.length} against ${b.length} samples the confidence sequences are still unbounded`;
  }
  return decideWith(input, state, m);
}
