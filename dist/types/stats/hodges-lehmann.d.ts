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
 * Selection (Johnson–Mitchell 1974 / Monahan 1984, sampled and interpolated): D_(k) among the m·n
 * differences without enumerating them, several ranks at once (the median and both bounds share
 * the work). The samples become runs of equal values, rows of one and columns of the other
 * (negated), so the differences form a grid with ascending rows and columns whose cells stand for
 * run × run equal differences — latencies at 0.1 ms resolution have a few thousand runs, and
 * everything below costs that, not 1e6. #{D ≤ t} is then one staircase walk over rows and
 * columns, computed with the same double subtraction (x + (−y) is x − y exactly); the kernels
 * walk it branch-free, as two interleaved walks. Each round brackets every open rank k between
 * the nearest exact counts, lo < k ≤ hi, and then
 * - while the bracket is open at ±∞: draws 16384 differences (a fixed seed: deterministic) and
 *   counts at the sample quantiles of the ranks ± 3 binomial sd (one interval for ranks close
 *   together) and at each rank's own quantile;
 * - with finite ends: interpolates t(k) through the nearest exact counts (quadratic; the cubic's
 *   disagreement and the √λ step noise of the count set the margin) and makes one bracket pass
 *   over t(k ∓ margin) — the staircase at the lower end, each row scanned up to the upper end —
 *   which also collects the few thousand differences in between, so k is then selected among
 *   them; on smooth data every rank is found in this round;
 * - where interpolation stops paying off (point masses, rough data): samples 65536 differences of
 *   the band instead, and single pivots once a band stops shrinking (a tie of the target).
 * Counts at sampled or interpolated thresholds only decide which exact counts are made, so the
 * result is exact — the double D_(k) itself, ties and signed zeros as a sort of all m·n
 * differences would have them. Expected O((m+n)·rounds) time with few rounds (1e6 vs 1e6: one
 * bracket pass for the ranks, five counts, three bracket passes), O(m+n) memory.
 * Mann–Whitney and Hodges–Lehmann together ({@link mannWhitneyHodgesLehmann}) on 1e6 vs 1e6,
 * sorts included (warm, Node 20): ~0.35× one Float64Array sort of the 2e6 pooled values for
 * latencies at 0.1 ms resolution, ~0.6× for continuous values (the two radix sorts are ~0.3×).
 *
 * Degenerate input never throws: an empty side gives estimate 0, ci (−∞, +∞), method 'none',
 * degenerate 'empty-sample'; all values tied gives estimate 0, ci [0, 0], degenerate 'all-tied'
 * (R stops with an error there). NaN or ±Infinity samples throw a RangeError (differences of
 * infinities are undefined); finite values of any size are fine (a difference beyond ±1.8e308
 * becomes ±Infinity, never NaN).
 */
import { type Alternative, type MannWhitneyOptions, type MannWhitneyResult } from './mann-whitney.js';
import { type TwoSampleRanks } from './ranks.js';
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
 * Sizes in the selection, only for tests (which shrink them to run every path on small samples):
 * the samples that place sampled brackets — while a band is open at ±∞ (exact counts then
 * interpolate), and when interpolation does not pay off (point masses, rough data) — and the
 * number of candidate cells at or below which a band is collected and selected from directly.
 * @internal
 */
export declare const selectionTuning: {
    sampleOpen: number;
    sampleBand: number;
    enumerateMax: number;
};
/**
 * The m·n differences canary_i − baseline_j of two ascending samples, queried without
 * enumerating them: counts below a value, k-th smallest (several at once), nearest difference,
 * and the pooled rank sums. Construct once per pair of samples and ask it everything: the counts
 * found by one selection are kept and start the next.
 *
 * Selection (see the file comment) works on the samples' runs of equal values (a grid of cells
 * standing for run × run equal differences, so heavily tied data cost as much as their distinct
 * values), shares its counts between the ranks asked together and interpolates through them;
 * O(m+n) per round, a few rounds, O(m+n) memory; exact: the result is the double D_(k) itself,
 * ties and signed zeros as a sort of all m·n differences would have them. (When some difference
 * overflows to ±∞ a plainer one-rank-at-a-time selection is used.)
 */
export declare class PairwiseDifferences {
    readonly m: number;
    readonly n: number;
    /** m·n. */
    readonly size: number;
    private readonly xs;
    private readonly ys;
    private ydCache;
    private gridCache;
    /** Both arrays ascending, finite, no NaN (not checked here; see {@link checkedSortedCopy}). */
    constructor(canarySorted: Float64Array, baselineSorted: Float64Array);
    /** The baseline descending (for the plain row-by-row counts). */
    private get yd();
    /** The run grid, or null when empty or when a difference overflows. */
    private grid;
    /**
     * #{D ≤ t} (or #{D < t} when `strict`); fills out[i] with the count in row i (row i is
     * x_i − y sorted descending, an ascending row, so the count is a prefix length). O(m+n).
     */
    count(t: number, strict: boolean, out?: Int32Array): number;
    private countLeq;
    private countLess;
    /** D_(k), the k-th smallest difference (1 ≤ k ≤ m·n, integer). Deterministic. */
    select(k: number): number;
    /**
     * [D_(k) for k of `ranks`], in the order given (each an integer in [1, m·n]); the ranks share
     * their count passes, so e.g. a median and the two bounds of its interval cost little more than
     * one of them. Deterministic.
     */
    selectMany(ranks: ArrayLike<number>): number[];
    /** [D_(k), D_(k+1)] (1 ≤ k < m·n). */
    selectPair(k: number): [number, number];
    /**
     * The pooled mid-rank summary of the two samples, as {@link twoSampleRanksSorted} (without
     * groups) returns it — here from two counts of the differences at 0, which a later selection
     * reuses.
     */
    ranks(): TwoSampleRanks;
    /** One rank at a time, for differences that overflow (see the class comment). */
    private plainSelect;
    /** D_(k+1) given v = D_(k): v again if tied, else the smallest difference above v. O(m+n). */
    next(k: number, v: number): number;
    /** Median of the differences (mean of D_(mn/2) and D_(mn/2+1) when m·n is even). */
    median(): number;
    /** The pairwise difference nearest to v (the smaller one on an exact tie of distances). O(m+n). */
    nearest(v: number): number;
}
/**
 * Ascending copy for the Hodges–Lehmann functions: throws a RangeError on NaN or ±Infinity.
 * `scratch`: see {@link sortFloat64}.
 */
export declare function checkedSortedCopy(values: ArrayLike<number>, what: string, scratch?: Uint32Array): Float64Array;
/** D_(k) of canary − baseline (1-based k), by selection; O(m+n) after the sorts, expected. */
export declare function kthPairwiseDifference(canary: ArrayLike<number>, baseline: ArrayLike<number>, k: number): number;
/** Brent's root finder exactly as R's R_zeroin2 (stats/src/zeroin.c); fa = f(ax), fb = f(bx). */
export declare function rZeroin2(f: (x: number) => number, ax: number, bx: number, fa: number, fb: number, tol: number, maxit?: number): number;
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
