import { type TwoSampleRanks } from './ranks.js';
export type Alternative = 'two-sided' | 'greater' | 'less';
export type MannWhitneyMethod = 'auto' | 'exact' | 'asymptotic';
export type MannWhitneyMethodUsed = 'exact' | 'exact-conditional' | 'asymptotic' | 'none';
export interface MannWhitneyOptions {
    /** Default 'two-sided'. 'greater' = canary stochastically larger. */
    alternative?: Alternative;
    /** Default 'auto': exact (conditional with ties) when both samples have < 50 values. */
    method?: MannWhitneyMethod;
    /** Continuity correction in the normal approximation (R's `correct`). Default true. */
    correct?: boolean;
}
export interface MannWhitneyResult {
    nCanary: number;
    nBaseline: number;
    /** #{canary > baseline} + ½·#{ties} over all m·n pairs; R's W statistic for wilcox.test(canary, baseline). */
    uCanary: number;
    /** m·n − uCanary. */
    uBaseline: number;
    /** Σ mid-ranks of the canary values in the pooled sample. */
    rankSumCanary: number;
    rankSumBaseline: number;
    hasTies: boolean;
    /** Σ(t³ − t) over pooled tie groups. */
    tieTerm: number;
    /** E[U] = m·n/2 under the null. */
    meanU: number;
    /** Tie-corrected null standard deviation of U (0 when degenerate). */
    sigmaU: number;
    /**
     * (U_canary − mn/2 − correction)/σ for the requested alternative (correction only if `correct`);
     * reported whichever method gave p. null when σ = 0 or a side is empty.
     */
    z: number | null;
    /** p-value for `alternative` by `method`, in [0, 1]. */
    p: number;
    alternative: Alternative;
    method: MannWhitneyMethodUsed;
    /** Whether the continuity correction entered p (asymptotic method with correct = true). */
    continuityCorrection: boolean;
    /** CLES = uCanary/(m·n); 0.5 when a side is empty. */
    auc: number;
    degenerate: 'empty-sample' | 'all-tied' | null;
    /** Why the method differs from the one asked for, or what a degenerate result means. */
    note: string | null;
}
/** R's rule for exact = NULL: exact when both samples are smaller than this. */
export declare const EXACT_SAMPLE_LIMIT = 50;
/**
 * Exact null counts of U for sizes m, n without ties: c[u] = #{arrangements with U = u},
 * u = 0..m·n, Σc = C(m+n, m) (R's cwilcox). Cached per (m, n) (a few are kept). Throws a
 * RangeError when over the exact budget (m·n·min(m,n)·(m+n) ≳ 1e9).
 */
export declare function wilcoxCounts(m: number, n: number): Float64Array;
/** R's pwilcox(q, m, n, lower.tail): P(U ≤ q) (or P(U > q)) without ties; full relative precision in both tails. */
export declare function pwilcox(q: number, m: number, n: number, lowerTail?: boolean): number;
/** R's qwilcox(p, m, n): the smallest q with P(U ≤ q) ≥ p (same 10·DBL_EPSILON fuzz as R). */
export declare function qwilcox(p: number, m: number, n: number): number;
/** Mann–Whitney test of canary (x) against baseline (y); see the file comment. Throws only on NaN. */
export declare function mannWhitney(canary: ArrayLike<number>, baseline: ArrayLike<number>, options?: MannWhitneyOptions): MannWhitneyResult;
/**
 * As {@link mannWhitney} for samples already sorted ascending (no copy, no NaN check) — lets a
 * caller that also needs Hodges–Lehmann sort once. O(m+n) plus the exact DP when used.
 */
export declare function mannWhitneySorted(canarySorted: ArrayLike<number>, baselineSorted: ArrayLike<number>, options?: MannWhitneyOptions): MannWhitneyResult;
/**
 * Whether the test of samples of sizes m (canary) and n (baseline) with these options may use the
 * exact distribution, and so needs the pooled tie groups (`withGroups` of twoSampleRanksSorted).
 */
export declare function mannWhitneyNeedsGroups(m: number, n: number, options?: MannWhitneyOptions): boolean;
/**
 * The test from the pooled rank summary of canary (x) and baseline (y) — what
 * {@link mannWhitneySorted} computes after its merge, for callers that have the summary already
 * (mannWhitneyHodgesLehmann in hodges-lehmann.ts). `r` must carry the tie groups when
 * {@link mannWhitneyNeedsGroups} says so. O(1) plus the exact DP when used.
 */
export declare function mannWhitneyFromRanks(r: TwoSampleRanks, options?: MannWhitneyOptions): MannWhitneyResult;
