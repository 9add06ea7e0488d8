/**
 * Student's t distribution with ν > 0 degrees of freedom (ν need not be an integer): CDF, upper
 * tail and quantile. ν = Infinity is the standard normal.
 *
 * Method: P(|T| > t) = I_x(ν/2, ½) with x = ν/(ν + t²) and 1 − x = t²/(ν + t²) passed separately
 * (see `incompleteBetaTails`), so both the far tail (large |t|) and the centre (small |t|, large ν)
 * keep precision; quantiles invert the same function with the beta-quantile solver.
 *
 * Accuracy (against mpmath at 40 digits and the exact closed forms for ν = 1, 2): relative error
 * ≲ 1e-13 on the smaller tail for ν from 0.2 to 1e7 and |t| up to 1e300 (typically ~1e-15); for
 * |t| so large that ν/(ν+t²) < 1e-100 the leading term of the series is used in logs. R's own pt()
 * switches to a normal approximation (error ~1e-9) above ν = 4e5; this does not.
 * Non-positive or NaN ν, or NaN t, give NaN.
 */
/** Upper tail P(T > t) for T ~ t(ν) (R `pt(t, df, lower.tail = FALSE)`). */
export declare function studentTSf(t: number, df: number): number;
/** CDF P(T ≤ t) for T ~ t(ν) (R `pt(t, df)`); full relative precision in the lower tail. */
export declare function studentTCdf(t: number, df: number): number;
/** Two-sided p-value P(|T| ≥ |t|) (R `2 * pt(-abs(t), df)`), with relative precision when tiny. */
export declare function studentTTwoSided(t: number, df: number): number;
/**
 * Quantile of t(ν): the t with P(T ≤ t) = p (R `qt(p, df)`). ±Infinity at p = 1/0, NaN outside
 * [0, 1] or for ν ≤ 0. Inverts P(|T| > |t|) = 2·min(p, 1 − p) through the beta quantile, solving
 * for whichever of x = ν/(ν+t²) and 1 − x is the smaller so that t keeps relative precision both
 * for p near ½ (t ≈ 0) and in the far tails. Relative error ≲ 1e-13 (closed forms ν = 1, 2, scipy).
 */
export declare function studentTQuantile(p: number, df: number): number;
/** Density of t(ν) at t (R `dt`), via logs; the normal density for ν = Infinity. */
export declare function studentTPdf(t: number, df: number): number;
