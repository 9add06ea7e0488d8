export interface TwoProportionResult {
    rateCanary: number;
    rateBaseline: number;
    pooledRate: number;
    /** Pooled two-proportion z, no continuity correction (= sqrt of R's prop.test(correct=FALSE) chi²). */
    z: number;
    pTwoSided: number;
    pGreater: number;
    pLess: number;
}
/**
 * Two-proportion z-test with the pooled variance. Anti-conservative at low counts (12/10000 vs
 * 4/10000: z gives p = 0.045 where Fisher gives 0.077): prefer the exact tests for error counts.
 */
export declare function twoProportionZ(canaryErrors: number, canaryTotal: number, baselineErrors: number, baselineTotal: number): TwoProportionResult;
export interface PropTestResult {
    chisq: number;
    pTwoSided: number;
    pGreater: number;
    pLess: number;
    /** Interval of rateCanary − rateBaseline at `confidence` (two-sided), Yates-corrected like R. */
    ciDiff: [number, number];
}
/** R `prop.test(c(x1, x2), c(n1, n2), correct = TRUE)`: chi² with Yates' correction and its Wald interval. */
export declare function propTestYates(canaryErrors: number, canaryTotal: number, baselineErrors: number, baselineTotal: number, confidence?: number): PropTestResult;
