/**
 * Hodges–Lehmann shift of canary against baseline with its confidence interval, R-compatible with
 * `wilcox.test(canary, baseline, conf.int = TRUE)`, plus a log-scale (ratio) variant for latencies
 * and the selection primitive behind both: the k-th smallest of the m·n pairwise differences
 * without enumerating them.
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
 * Selection (Monahan 1984 / Johnson–Mitchell 1974 style, randomised): x ascending and y
 * descending make every row and column of D ascending, so #{D ≤ t} (and #{D < t}) is one O(m+n)
 * staircase walk with the same double subtraction. Each round keeps, per row, the band of
 * candidate columns; draws 65536 stratified random candidates (fixed seed: results are
 * deterministic), brackets the target rank between two of them (±2.5 binomial sd) and cuts every
 * band with two staircase counts, so the candidates shrink ~100-fold per round; once ≤
 * max(4096, m+n) remain they are extracted and quickselected. Expected O((m+n)·log(mn)/log 100)
 * time (3 rounds for 1e6 × 1e6), O(m+n) memory, exact: the result is the double D_(k) itself.
 * 1e6 vs 1e6 (estimate + 95 % interval, including the sorts): about 3× one Float64Array sort of
 * the 2e6 pooled values.
 *
 * Degenerate input never throws: an empty side gives estimate 0, ci (−∞, +∞), method 'none',
 * degenerate 'empty-sample'; all values tied gives estimate 0, ci [0, 0], degenerate 'all-tied'
 * (R stops with an error there). NaN or ±Infinity samples throw a RangeError (differences of
 * infinities are undefined); finite values of any size are fine (a difference beyond ±1.8e308
 * becomes ±Infinity, never NaN).
 */
import { type Alternative } from './mann-whitney.js';
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
 * The m·n differences canary_i − baseline_j of two ascending samples, queried without
 * enumerating them: counts below a value, k-th smallest, nearest difference. Construct once per
 * pair of samples (O(n) copy of the reversed baseline); every query is O(m+n) or the expected
 * O((m+n) log(mn)) of {@link PairwiseDifferences.select}.
 */
export declare class PairwiseDifferences {
    readonly m: number;
    readonly n: number;
    /** m·n. */
    readonly size: number;
    private readonly xs;
    private readonly yd;
    /** Both arrays ascending, finite, no NaN (not checked here; see {@link checkedSortedCopy}). */
    constructor(canarySorted: Float64Array, baselineSorted: Float64Array);
    /**
     * #{D ≤ t} (or #{D < t} when `strict`); fills out[i] with the count in row i (row i is
     * x_i − y sorted descending, an ascending row, so the count is a prefix length). O(m+n).
     */
    count(t: number, strict: boolean, out?: Int32Array): number;
    private countLeq;
    private countLess;
    /** D_(k), the k-th smallest difference (1 ≤ k ≤ m·n, integer). Deterministic. */
    select(k: number): number;
    /** [D_(k), D_(k+1)] (1 ≤ k < m·n), usually at the cost of one {@link select}. */
    selectPair(k: number): [number, number];
    private selectCore;
    /** D_(k+1) given v = D_(k): v again if tied, else the smallest difference above v. O(m+n). */
    next(k: number, v: number): number;
    /** Median of the differences (mean of D_(mn/2) and D_(mn/2+1) when m·n is even). */
    median(): number;
    /** The pairwise difference nearest to v (the smaller one on an exact tie of distances). O(m+n). */
    nearest(v: number): number;
}
/** Ascending copy for the Hodges–Lehmann functions: throws a RangeError on NaN or ±Infinity. */
export declare function checkedSortedCopy(values: ArrayLike<number>, what: string): Float64Array;
/** D_(k) of canary − baseline (1-based k), by selection; O((m+n) log(m+n)) expected. */
export declare function kthPairwiseDifference(canary: ArrayLike<number>, baseline: ArrayLike<number>, k: number): number;
/** Brent's root finder exactly as R's R_zeroin2 (stats/src/zeroin.c); fa = f(ax), fb = f(bx). */
export declare function rZeroin2(f: (x: number) => number, ax: number, bx: number, fa: number, fb: number, tol: number, maxit?: number): number;
/**
 * Hodges–Lehmann shift canary − baseline with its confidence interval (see the file comment).
 * Throws a RangeError only for NaN/±Infinity samples or a confLevel outside (0, 1).
 *
 * Bench: `hodgesLehmann(x, y)` with x, y of 1e6 doubles each takes the 'order-statistic' path:
 * two Float64Array sorts, one merge for the tie term, `selectPair` for the median and two
 * `select`s for the bounds.
 */
export declare function hodgesLehmann(canary: ArrayLike<number>, baseline: ArrayLike<number>, options?: HodgesLehmannOptions): HodgesLehmannResult;
/** As {@link hodgesLehmann} for samples already sorted ascending and finite (not checked). */
export declare function hodgesLehmannSorted(xs: Float64Array, ys: Float64Array, options?: HodgesLehmannOptions): HodgesLehmannResult;
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
