import { mannWhitney } from './mann-whitney.js';
import { normalQuantile } from './normal.js';

/**
 * mean(canary) / mean(baseline): Kayenta's default effect size. NaN when either mean is 0 (as
 * Kayenta) or a side is empty; NaN values in the input propagate.
 */
export function meanRatio(canary: readonly number[], baseline: readonly number[]): number {
  if (canary.length === 0 || baseline.length === 0) return NaN;
  const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const c = mean(canary);
  const b = mean(baseline);
  return c === 0 || b === 0 ? NaN : c / b;
}

/**
 * Common-language effect size P(canary > baseline) + ½·P(tie) = U_canary / (m·n), in [0, 1];
 * 0.5 means no tendency either way. 0.5 when a side is empty.
 */
export function cles(canary: readonly number[], baseline: readonly number[]): number {
  return mannWhitney(canary, baseline, { method: 'asymptotic' }).auc;
}

export interface RelativeRiskResult {
  /** (ce/ct) / (be/bt); Infinity when the baseline has no events, NaN when neither side has. */
  relativeRisk: number;
  /** Katz log interval, two-sided at `confidence`; [0, ∞] when a side has no events. */
  ci: [number, number];
}

/**
 * Relative risk of an event (an error) on the canary vs the baseline, with Katz's log interval:
 * log RR ± z·√(1/ce − 1/ct + 1/be − 1/bt). For exact intervals at low counts use
 * `poissonRateRatio` (conditional binomial, Clopper-Pearson).
 */
export function relativeRisk(ce: number, ct: number, be: number, bt: number, confidence = 0.95): RelativeRiskResult {
  const relativeRisk = ce / ct / (be / bt);
  if (ce === 0 || be === 0) return { relativeRisk, ci: [0, Infinity] };
  const se = Math.sqrt(1 / ce - 1 / ct + 1 / be - 1 / bt);
  const z = normalQuantile(1 - (1 - confidence) / 2);
  return { relativeRisk, ci: [relativeRisk * Math.exp(-z * se), relativeRisk * Math.exp(z * se)] };
}
