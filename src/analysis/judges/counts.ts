import { wilsonInterval } from '../../stats/binomial.js';
import { fisherExact } from '../../stats/fisher.js';
import { normalQuantile } from '../../stats/normal.js';
import { poissonRateRatio } from '../../stats/poisson-rate.js';
import { twoProportionZ } from '../../stats/proportions.js';
import type { Direction } from '../../policy/types.js';
import { judgeMeasurement, type Measurement } from './statistical.js';
import type { Judge, JudgeInput } from './types.js';

/**
 * Judges for ratio metrics (errors/total), on the counts summed over the window. The effect is
 * the rate ratio canary/baseline with its interval; with no baseline errors there is no ratio,
 * so the difference of the rates (Newcombe's interval) is judged against the absolute floor.
 */
export const poissonJudge: Judge = (input) =>
  countsJudge(input, 'Poisson rate ratio (exact, conditional binomial)', (c, confidence, direction) => {
    const r = poissonRateRatio(c.ce, c.ct, c.be, c.bt, confidence);
    return { ratio: r.rateRatio, ci: r.ci, p: pFor(direction, r) };
  });

export const fisherJudge: Judge = (input) =>
  countsJudge(input, "Fisher's exact test (odds ratio ≈ rate ratio for small error ratios)", (c, confidence, direction) => {
    const r = fisherExact(c.ce, c.ct, c.be, c.bt, confidence);
    return { ratio: r.oddsRatio, ci: r.ci, p: pFor(direction, r) };
  });

/** The two-proportion z-test with Katz's log rate-ratio interval: fine at high counts, anti-conservative at low ones. */
export const proportionsJudge: Judge = (input) =>
  countsJudge(input, 'two-proportion z-test (Katz log rate-ratio interval)', (c, confidence, direction) => {
    const r = twoProportionZ(c.ce, c.ct, c.be, c.bt);
    const ratio = c.ce / c.ct / (c.be / c.bt);
    const se = Math.sqrt(1 / c.ce - 1 / c.ct + 1 / c.be - 1 / c.bt);
    const z = normalQuantile(1 - (1 - confidence) / 2);
    const ci: [number, number] = c.ce > 0 ? [ratio * Math.exp(-z * se), ratio * Math.exp(z * se)] : [0, Infinity];
    return { ratio, ci, p: pFor(direction, r) };
  });

interface Counts {
  ce: number;
  ct: number;
  be: number;
  bt: number;
}

type RatioTest = (counts: Counts, confidence: number, direction: Direction) => { ratio: number; ci: [number, number]; p: number };

function countsJudge(input: JudgeInput, test: string, run: RatioTest) {
  const { canary, baseline, spec } = input;
  const confidence = spec.confidence;
  if (canary.errors === undefined || canary.total === undefined || baseline.errors === undefined || baseline.total === undefined) {
    throw new Error(`${spec.test} needs a ratio metric (kind: ratio) with errors and total`);
  }
  const counts = { ce: Math.round(canary.errors), ct: Math.round(canary.total), be: Math.round(baseline.errors), bt: Math.round(baseline.total) };
  const notes: string[] = [];
  if (counts.ce !== canary.errors || counts.be !== baseline.errors || counts.ct !== canary.total || counts.bt !== baseline.total) {
    notes.push('counts were not whole numbers (Prometheus increase() extrapolates) and were rounded for the exact test');
  }
  const rateCanary = counts.ce / counts.ct;
  const rateBaseline = counts.be / counts.bt;
  const base = {
    baselineLevel: rateBaseline,
    canaryLevel: rateCanary,
    n: { canary: counts.ct, baseline: counts.bt },
    unit: 'requests' as const,
    size: counts.ct,
    notes,
  };

  if (counts.be === 0) {
    const d = newcombeDifference(counts, confidence);
    const measurement: Measurement = {
      ...base,
      test: `${test}; no baseline errors, so the difference of rates (Newcombe) is judged`,
      effect: { scale: 'difference', estimate: rateCanary - rateBaseline, lower: d[0], upper: d[1] },
      pValue: run(counts, confidence, spec.direction).p,
    };
    return judgeMeasurement(input, measurement, confidence);
  }
  const r = run(counts, confidence, spec.direction);
  const measurement: Measurement = {
    ...base,
    test,
    effect: { scale: 'log-ratio', estimate: Math.log(r.ratio), lower: Math.log(r.ci[0]), upper: Math.log(r.ci[1]) },
    pValue: r.p,
  };
  return judgeMeasurement(input, measurement, confidence);
}

function pFor(direction: Direction, r: { pTwoSided: number; pGreater: number; pLess: number }): number {
  return direction === 'increase' ? r.pGreater : direction === 'decrease' ? r.pLess : r.pTwoSided;
}

/** Newcombe's hybrid score interval for p_canary − p_baseline (method 10), from two Wilson intervals. */
export function newcombeDifference({ ce, ct, be, bt }: Counts, confidence: number): [number, number] {
  const p1 = ce / ct;
  const p2 = be / bt;
  const w1 = wilsonInterval(ce, ct, confidence, 2);
  const w2 = wilsonInterval(be, bt, confidence, 2);
  const d = p1 - p2;
  return [d - Math.sqrt((p1 - w1.lower) ** 2 + (w2.upper - p2) ** 2), d + Math.sqrt((w1.upper - p1) ** 2 + (p2 - w2.lower) ** 2)];
}
