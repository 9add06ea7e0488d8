/**
 * Two-sample t tests on the difference of means, canary − baseline (canary is R's x).
 *
 * - welchTTest: unequal variances (R `t.test(canary, baseline)`, Welch–Satterthwaite df).
 * - pooledTTest: equal variances (R `t.test(..., var.equal = TRUE)`; simple-statistics
 *   `tTestTwoSample` returns this t without a p-value).
 *
 * alternative: 'two-sided' (default), 'greater' (canary mean larger — a regression for latency or
 * errors) or 'less'. The confidence interval is for mean(canary) − mean(baseline); one-sided
 * alternatives give a one-sided interval with an infinite end, as R does.
 *
 * Degenerate data: a sample with fewer than 2 values, or a zero standard error (all values equal
 * in both samples), gives t, df (Welch), p and the interval as NaN instead of R's error, so callers
 * can report "inconclusive"; NaN inputs throw a RangeError (filter them first).
 *
 * Accuracy: means and variances use a compensated two-pass algorithm; p-values and quantiles come
 * from student-t.ts (relative error ≲ 1e-13), so results match R to ~1e-13.
 */
export type Alternative = 'two-sided' | 'greater' | 'less';
export interface TTestOptions {
    /** Confidence level of the interval, default 0.95. */
    confidence?: number;
    /** Alternative hypothesis about mean(canary) − mean(baseline), default 'two-sided'. */
    alternative?: Alternative;
}
export interface TTestResult {
    t: number;
    df: number;
    /** p-value for the chosen alternative. */
    p: number;
    /** Confidence interval for mean(canary) − mean(baseline). */
    ci: [number, number];
    meanCanary: number;
    meanBaseline: number;
    /** mean(canary) − mean(baseline). */
    difference: number;
    /** Standard error of the difference. */
    stdErr: number;
    alternative: Alternative;
    confidence: number;
}
/** Welch's unequal-variance t test of mean(canary) − mean(baseline) (R `t.test(x = canary, y = baseline)`). */
export declare function welchTTest(canary: readonly number[], baseline: readonly number[], options?: TTestOptions): TTestResult;
/** Pooled-variance two-sample t test, df = n₁ + n₂ − 2 (R `t.test(canary, baseline, var.equal = TRUE)`). */
export declare function pooledTTest(canary: readonly number[], baseline: readonly number[], options?: TTestOptions): TTestResult;
