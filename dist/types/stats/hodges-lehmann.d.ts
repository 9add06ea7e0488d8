/**
 * Hodges–Lehmann shift of canary against baseline with its confidence interval, R-compatible with
 * `wilcox.test(canary, baseline, conf.int = TRUE)`, plus a log-scale (ratio) variant for latencies,
 * the Mann–Whitney test and the shift together for the price of little more than the two sorts
 * ({@link mannWhitneyHodgesLehmann}), and the selection primitive behind them: the k-th smallest
 * of the m·n pairwise differences without enumerating them.
 *
 * Convention: canary is x (size m), baseline is y (size n); the differences are D_ij = x_i − y_j
 * (computed exactly as that double subtraction); `estimate` is their median (the mean of the two
 * middle ones when m·n is even), so a positive shift means the canary is larger. D_(k) is the k-th
 * smallest difference, 1-based. alternative 'greater' gives [lower, +∞), 'less' (−∞, upper].
 *
 * Confidence interval, by `method`:
 * - 'exact' (what 'auto' uses when R would: no ties in the pooled sample, m < 50 and n < 50):
 *   R's exact interval [D_(k), D_(mn−k+1)], k = qwilcox(α/2, m, n) (1 if 0), with
 *   `achievedConfidence` = 1 − 2·pwilcox(k−1, m, n) (one-sided: k = qwilcox(α, m, n) and
 *   1 − pwilcox(k−1, m, n)). Bit-for-bit R's values. With ties (or over the exact budget) it
 *   falls back like R, to the asymptotic interval, and says so in `note`.
 * - 'order-statistic' ('auto' otherwise, i.e. with ties or from 50 values per side): the normal
 *   approximation of R's asymptotic interval solved in closed form. With σ the tie-corrected null
 *   sd of U of the ORIGINAL pooled sample, k = ceil(mn/2 − cc − z_{1−α/2}·σ) clamped to [1, mn]
 *   (cc = ½ if `correct`; z_{1−α} one-sided), the interval is [D_(k), D_(mn+1−k)]. Without ties this
 *   is exactly where R's step function z(d) crosses z_q, i.e. R's interval snapped to pairwise
 *   differences; with ties R re-counts the ties of c(x − d, y) at every d, which can move a bound
 *   by one distinct difference value. It is scale-free and returns actual differences.
 * - 'asymptotic': R's algorithm itself, for parity with R (and Kayenta, which ports it): Brent's
 *   zeroin (R_zeroin2, ported operation for operation) with R's absolute tol 1e-4 on
 *   z(d) = (W(d) − mn/2 − corr)/σ(d) − z_q, W(d) and σ(d) from ranking c(x − d, y) with its ties
 *   (one O(m+n) merge of the sorted samples per evaluation, so any size is feasible), corr =
 *   sign·½ if `correct`; `rEstimate` is R's uniroot of the uncorrected z(d) = 0. R's numbers are
 *   only within ~1e-4 of the jump of z(d), hence `ciSnapped`: each bound moved to the nearest
 *   pairwise difference (the jump). Because that tolerance is absolute, differences spaced below
 *   ~1e-4 (latencies in seconds at sub-0.1 ms resolution, or 1e300-scale data) make R's numbers,
 *   and so these, only that accurate — the snapped bounds can even cross. 'auto' never picks it.
 *
 * Agreement on the reference sets (95 %, correct = TRUE; R 4.2.2): 'exact' reproduces R's
 * intervals, order statistics and achieved confidence to R's 15 printed digits; 'asymptotic'
 * reproduces R's estimate and interval to R's printed digits (≤ 2e-14 relative, e.g.
 * 0.302508339041572 on r_doc_example) and the snapped interval exactly; 'order-statistic' gives R's snapped interval
 * exactly on all four sets (including small_ties_integer, [−1, 10]) and so differs from R's raw
 * uniroot numbers by at most 7.3e-5 (r_doc_example 1.5e-5/5.7e-5, small_ties_integer
 * 1.2e-5/5.6e-5, medium_lognormal_shift 6.2e-5/7.2e-5, complete_separation 6.8e-6/6.8e-6 for
 * lower/upper); at 98 % the largest difference is 8.0e-5.
 * `estimate` is always the median of the differences; `rEstimate` is what R prints as
 * "difference in location": the same median for 'exact' and 'order-statistic', R's uniroot value
 * for 'asymptotic' (0.302508339041572 vs the median 0.305 on r_doc_example).
 *
 * Selection of the differences without enumerating them: see pairwise-differences.ts.
 *
 * Degenerate input never throws: an empty side gives estimate 0, ci (−∞, +∞), method 'none',
 * degenerate 'empty-sample'; all values tied gives estimate 0, ci [0, 0], degenerate 'all-tied'
 * (R stops with an error there). NaN or ±Infinity samples throw a RangeError (differences of
 * infinities are undefined); finite values of any size are fine (a difference beyond ±1.8e308
 * becomes ±Infinity, never NaN).
 */
import { type Alternative, type MannWhitneyOptions, type MannWhitneyResult } from './mann-whitney.js';
export type HodgesLehmannMethod = 'auto' | 'exact' | 'asymptotic' | 'order-statistic';
export type HodgesLehmannMethodUsed = 'exact' | 'asymptotic' | 'order-statistic' | 'none';
export interface HodgesLehmannOptions {
    /** Confidence level in (0, 1). Default 0.95. */
    confLevel?: number;
    /** Default 'two-sided'; 'greater' → [lower, +∞), 'less' → (−∞, upper]. */
    alternative?: Alternative;
    /** Default 'auto': 'exact' when R would use it (no ties, m < 50, n < 50), else 'order-statistic'. */
    method?: HodgesLehmannMethod;
    /** Continuity correction in the asymptotic interval (R's `correct`). Default true. */
    correct?: boolean;
}
export interface HodgesLehmannResult {
    nCanary: number;
    nBaseline: number;
    /** Median of all canary_i − baseline_j. */
    estimate: number;
    /** R's "difference in location" for the method used (see the file comment). */
    rEstimate: number;
    /** Confidence interval (R's numbers for 'asymptotic', pairwise differences otherwise). */
    ci: [number, number];
    /** `ci` with each finite bound moved to the nearest pairwise difference. */
    ciSnapped: [number, number];
    /**
     * 1-based ranks [k, mn+1−k] of the bounds among the sorted differences ('exact',
     * 'order-statistic'; one-sided intervals still list both, the open end's bound being ±∞), else null.
     */
    ciRanks: [number, number] | null;
    confLevel: number;
    /** Exact coverage of the 'exact' interval; null for the normal approximations. */
    achievedConfidence: number | null;
    alternative: Alternative;
    method: HodgesLehmannMethodUsed;
    degenerate: 'empty-sample' | 'all-tied' | null;
    /** Why the method differs from the one asked for, or what a degenerate result means. */
    note: string | null;
}
/**
 * Hodges–Lehmann shift canary − baseline with its confidence interval (see the file comment).
 * Throws a RangeError only for NaN/±Infinity samples or a confLevel outside (0, 1).
 *
 * Cost: two sorts, one pass over the differences at 0 for the tie term, and one shared selection
 * of the median and both bounds (see the file comment). With the Mann–Whitney test as well, call
 * {@link mannWhitneyHodgesLehmann}, which sorts and counts once for both.
 */
export declare function hodgesLehmann(canary: ArrayLike<number>, baseline: ArrayLike<number>, options?: HodgesLehmannOptions): HodgesLehmannResult;
/** As {@link hodgesLehmann} for samples already sorted ascending and finite (not checked). */
export declare function hodgesLehmannSorted(xs: Float64Array, ys: Float64Array, options?: HodgesLehmannOptions): HodgesLehmannResult;
export interface MannWhitneyHodgesLehmannOptions {
    /** Options of the test, as for {@link mannWhitney}. */
    mannWhitney?: MannWhitneyOptions;
    /** Options of the shift and its interval, as for {@link hodgesLehmann}. */
    hodgesLehmann?: HodgesLehmannOptions;
}
export interface MannWhitneyHodgesLehmannResult {
    /** Exactly `mannWhitney(canary, baseline, options.mannWhitney)`. */
    mannWhitney: MannWhitneyResult;
    /** Exactly `hodgesLehmann(canary, baseline, options.hodgesLehmann)`. */
    hodgesLehmann: HodgesLehmannResult;
}
/**
 * The Mann–Whitney test and the Hodges–Lehmann shift with its interval in one go, for the price
 * of little more than the two sorts: each sample is sorted once, and the pooled ranks (U, the tie
 * term) come from one pass over the differences at 0 whose counts then join the selection of the
 * median and both bounds. Results are identical to {@link mannWhitney} and {@link hodgesLehmann} called
 * separately with the same options. As for {@link hodgesLehmann}, NaN or ±Infinity samples (and
 * a confLevel outside (0, 1)) throw a RangeError.
 */
export declare function mannWhitneyHodgesLehmann(canary: ArrayLike<number>, baseline: ArrayLike<number>, options?: MannWhitneyHodgesLehmannOptions): MannWhitneyHodgesLehmannResult;
/** As {@link mannWhitneyHodgesLehmann} for samples already sorted ascending and finite (not checked). */
export declare function mannWhitneyHodgesLehmannSorted(xs: Float64Array, ys: Float64Array, options?: MannWhitneyHodgesLehmannOptions): MannWhitneyHodgesLehmannResult;
export interface HodgesLehmannRatioResult {
    /** exp(HL shift of log canary − log baseline): the typical canary/baseline ratio (1.1 = +10 %). */
    ratio: number;
    /** exp(rEstimate) of the log-scale result. */
    rRatio: number;
    /** exp of the log-scale interval (0 and +∞ for one-sided bounds). */
    ci: [number, number];
    ciSnapped: [number, number];
    /** The full result on the log scale. */
    log: HodgesLehmannResult;
}
/**
 * Hodges–Lehmann on log values reported as a ratio: the median of the pairwise ratios
 * canary_i/baseline_j (computed as exp of the median log difference) with the interval mapped the
 * same way — scale-free, suited to latencies. Every value must be positive and finite: anything
 * else throws a RangeError naming it. Same options and cost as {@link hodgesLehmann} plus m+n logs.
 */
export declare function hodgesLehmannRatio(canary: ArrayLike<number>, baseline: ArrayLike<number>, options?: HodgesLehmannOptions): HodgesLehmannRatioResult;
