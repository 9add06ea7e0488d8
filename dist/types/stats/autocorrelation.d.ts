/**
 * Serial dependence of a time series, for tests whose variance assumes independent samples.
 * Consecutive points of a rate or a latency quantile are autocorrelated; a test that ignores it
 * is far too sure of itself (raw Mann-Whitney on AR(1) series with ρ = 0.6 falsely fails about
 * 31% of A/A runs).
 */
/** Lag-1 sample autocorrelation (the usual biased estimator, denominator Σ(x − x̄)²); 0 when undefined. */
export declare function lag1Autocorrelation(series: readonly number[]): number;
export interface VarianceInflation {
    /** Bias-corrected lag-1 autocorrelation, clamped to [0, 0.95]. */
    rho: number;
    /** Long-run variance / independent variance under AR(1): (1 + ρ) / (1 − ρ). */
    factor: number;
    /** n / factor: the independent samples the series is worth. */
    effectiveN: number;
}
/**
 * The AR(1) variance inflation of a series' mean (or of a sum of per-point scores such as ranks).
 * The lag-1 estimate is biased low by about (1 + 4ρ)/n (Kendall 1954), which at n = 30 would
 * under-correct badly, so that bias is added back. Negative autocorrelation is not credited
 * (clamped at 0): the adjustment only ever widens intervals.
 */
export declare function varianceInflation(series: readonly number[]): VarianceInflation;
