/**
 * The k-th smallest of the m·n pairwise differences x_i − y_j of two sorted samples, for the
 * Hodges–Lehmann shift and its interval, without enumerating them.
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
 * - while the bracket is open at ±∞: draws 2048 differences (a fixed seed: deterministic) and
 *   counts at the sample quantiles of the ranks ± 3 binomial sd (one interval for ranks close
 *   together) and at each rank's own quantile;
 * - with finite ends: interpolates t(k) through the nearest exact counts (quadratic; the cubic's
 *   disagreement and the √λ step noise of the count set the margin) and makes one bracket pass
 *   over t(k ∓ margin) — the staircase at the lower end, each row scanned up to the upper end —
 *   which also collects the few thousand differences in between, so k is then selected among
 *   them; on smooth data every rank is found in this round;
 * - where interpolation stops paying off (point masses, rough data): samples 8192 differences of
 *   the band instead, and single pivots once a band stops shrinking (a tie of the target).
 * Counts at sampled or interpolated thresholds only decide which exact counts are made, so the
 * result is exact — the double D_(k) itself, ties and signed zeros as a sort of all m·n
 * differences would have them. Expected O((m+n)·rounds) time with few rounds (1e6 vs 1e6: one
 * bracket pass for the ranks, five counts, three bracket passes), O(m+n) memory.
 * Mann–Whitney and Hodges–Lehmann together ({@link mannWhitneyHodgesLehmann}) on 1e6 vs 1e6,
 * sorts included (warm, Node 20): ~0.35× one Float64Array sort of the 2e6 pooled values for
 * latencies at 0.1 ms resolution, ~0.6× for continuous values (the two radix sorts are ~0.3×).
 */
import { type TwoSampleRanks } from './ranks.js';
/**
 * Sizes in the selection, only for tests (which shrink them to run every path on small samples):
 * the samples that place sampled brackets — while a band is open at ±∞ (exact counts then
 * interpolate), and when interpolation does not pay off (point masses, rough data) — and the
 * number of candidate cells at or below which a band is collected and selected from directly.
 * Smaller samples cost fewer random probes than the extra exact counts they may need: 2048/8192
 * beat 16384/65536 on 1e4 and 1e6 values per side, continuous or at 0.1 ms resolution (results are
 * exact either way; the samples only decide which counts are made).
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
/** The 1-based ranks whose values make the median of `size` sorted values. */
export declare function medianRanks(size: number): number[];
/** The median from the values at {@link medianRanks}: (a+b)/2 without overflow near ±1.8e308. */
export declare function medianOf(values: readonly number[]): number;
/**
 * Ascending copy for the Hodges–Lehmann functions: throws a RangeError on NaN or ±Infinity.
 * `scratch`: see {@link sortFloat64}.
 */
export declare function checkedSortedCopy(values: ArrayLike<number>, what: string, scratch?: Uint32Array): Float64Array;
/** {@link checkedSortedCopy} of both samples, the sorts sharing one scratch buffer. */
export declare function checkedSortedCopies(canary: ArrayLike<number>, baseline: ArrayLike<number>, what: string): [Float64Array, Float64Array];
/** D_(k) of canary − baseline (1-based k), by selection; O(m+n) after the sorts, expected. */
export declare function kthPairwiseDifference(canary: ArrayLike<number>, baseline: ArrayLike<number>, k: number): number;
