export interface RateRatioResult {
    /** (canary errors / canary exposure) / (baseline errors / baseline exposure); NaN for 0/0, Infinity for x/0. */
    rateRatio: number;
    pTwoSided: number;
    /** Canary's rate higher. */
    pGreater: number;
    pLess: number;
    /** Exact two-sided interval of the rate ratio at `confidence`. */
    ci: [number, number];
}
/**
 * Exact comparison of two Poisson rates, as R `poisson.test(c(x1, x2), c(t1, t2))`: conditional
 * on the total count, canary errors ~ Binomial(x1 + x2, t1 / (t1 + t2)) under equal rates. The
 * interval is Clopper-Pearson on that proportion mapped to the rate ratio. Exposures are request
 * totals (or durations); the test is exact at any count, which matters at low error counts.
 */
export declare function poissonRateRatio(canaryErrors: number, canaryExposure: number, baselineErrors: number, baselineExposure: number, confidence?: number): RateRatioResult;
/** R `binom.test` two-sided p: both tails, the far one up to probabilities ≤ P(observed)·(1 + 1e-7). */
export declare function binomialTwoSided(x: number, n: number, p: number): number;
