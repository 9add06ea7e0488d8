/**
 * mean(canary) / mean(baseline): Kayenta's default effect size. NaN when either mean is 0 (as
 * Kayenta) or a side is empty; NaN values in the input propagate.
 */
export declare function meanRatio(canary: readonly number[], baseline: readonly number[]): number;
/**
 * Common-language effect size P(canary > baseline) + ½·P(tie) = U_canary / (m·n), in [0, 1];
 * 0.5 means no tendency either way. 0.5 when a side is empty.
 */
export declare function cles(canary: readonly number[], baseline: readonly number[]): number;
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
export declare function relativeRisk(ce: number, ct: number, be: number, bt: number, confidence?: number): RelativeRiskResult;
