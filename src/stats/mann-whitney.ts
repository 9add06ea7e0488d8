/**
 * Mann–Whitney U / Wilcoxon rank-sum test of canary against baseline, plus the exact null
 * distribution of U (R's dwilcox/pwilcox/qwilcox family) and its conditional counterpart with ties.
 *
 * Convention: canary is sample x (size m), baseline is sample y (size n);
 * U_canary = #{(i,j): x_i > y_j} + ½·#{x_i = y_j} = (rank sum of canary) − m(m+1)/2, and
 * U_canary + U_baseline = m·n. alternative 'greater' = canary stochastically larger (a latency or
 * error regression), 'less' = canary smaller, 'two-sided' = either. `auc` (the common-language
 * effect size, CLES) is U_canary/(m·n) = P(X > Y) + ½P(X = Y).
 *
 * Methods (`method: 'auto'` picks, like R's wilcox.test, exact when m < 50 and n < 50):
 * - 'exact' without ties: the exact permutation distribution of U, as R's `wilcox.test(exact=TRUE)`;
 *   two-sided p = min(1, 2·P(U ≤ u)) or min(1, 2·P(U ≥ u)) (the tail on the side of u), as R.
 * - 'exact-conditional' with ties: the exact permutation distribution of the mid-rank sum given the
 *   observed tie pattern (as coin::wilcox_test(distribution = "exact"); R's wilcox.test itself has
 *   no exact test with ties and falls back to the normal approximation — ask for
 *   method: 'asymptotic' to get R's number). Two-sided p = P(|W − E W| ≥ |w − E W|), as coin
 *   (the conditional distribution need not be symmetric, so this is not 2·min(tails)).
 *   Both exact cases use one dynamic programme over the tie groups with doubled mid-ranks as
 *   integer scores, counting subsets of the smaller sample's size in doubles (all additions of
 *   positive terms, so every tail keeps full relative precision: P = 1/C(60,30) ≈ 8.5e-18 is
 *   exact to ~1e-15). Cost O(N·k·k(N−k)) time and O(k²(N−k)) memory, k = min(m, n): ~20 ms at
 *   49 vs 49, ~0.2 s at 100 vs 100; a forced 'exact' beyond ~1e9 inner steps or 2e7 cells (e.g.
 *   400 vs 400) falls back to 'asymptotic' and says so in `note`.
 * - 'asymptotic': normal approximation with the tie-corrected variance
 *   σ² = m·n/12·((N+1) − Σ(t³−t)/(N(N−1))) and, if `correct` (default true, R's correct=TRUE),
 *   the continuity correction of ½ toward the null (sign(U − mn/2)·½ two-sided, +½ 'greater',
 *   −½ 'less'). Tails come from normalSf/normalCdf, so p keeps relative precision far out
 *   (≈1e-14 as far as normal.ts is accurate). O((m+n) log(m+n)) for the sorts, O(m+n) after.
 *
 * Degenerate input never throws and never yields NaN: an empty side, or all N values tied (σ = 0,
 * where R returns NaN), gives p = 1 ("no evidence"), z = null, method 'none' and `degenerate`
 * saying why; auc is 0.5 for an empty side. NaN samples throw a RangeError (drop them first);
 * ±Infinity are ordinary, largest/smallest, values.
 */
import { normalCdf, normalSf } from './normal.js';
import { sortedCopy, twoSampleRanksSorted, type TwoSampleRanks } from './ranks.js';

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

/** Cell and step budgets of the exact dynamic programme (see the file comment). */
const EXACT_MAX_CELLS = 2e7;
const EXACT_MAX_WORK = 1e9;
/** R's rule for exact = NULL: exact when both samples are smaller than this. */
export const EXACT_SAMPLE_LIMIT = 50;

/**
 * Counts of the doubled U statistic of a size-k subset of N pooled items grouped into ties.
 * Returns c with c[v] = number of k-subsets whose doubled mid-rank sum minus k(k+1) equals v
 * (v = 2U of the subset, 0 ≤ v ≤ 2k(N−k)), or null when over budget or overflowing. Requires
 * k ≤ N/2 (pass the smaller sample).
 */
function doubledUCounts(groupSizes: readonly number[], k: number): Float64Array | null {
  let total = 0;
  for (const t of groupSizes) total += t;
  const width = 2 * k * (total - k) + 1;
  const steps = (total * (k + 1) * width) / 3; // ≈ inner-loop steps (the bands average a third of the width)
  if ((k + 1) * width > EXACT_MAX_CELLS || steps > EXACT_MAX_WORK) return null;
  const dp = new Float64Array((k + 1) * width);
  dp[0] = 1;
  let before = 0; // pooled items already processed
  for (const t of groupSizes) {
    for (let j = Math.min(k, before); j >= 0; j--) {
      const srcMax = 2 * j * (before - j); // largest offset reachable with j chosen so far
      const src = j * width;
      const cMax = Math.min(t, k - j);
      let binom = 1;
      for (let c = 1; c <= cMax; c++) {
        binom = (binom * (t - c + 1)) / c; // C(t, c)
        // c items of this group (doubled mid-rank 2·before + t + 1) on top of j earlier ones
        const dst = (j + c) * width + c * (2 * (before - j) + t - c);
        for (let s = 0; s <= srcMax; s++) {
          const v = dp[src + s]!;
          if (v !== 0) dp[dst + s]! += binom * v;
        }
      }
    }
    before += t;
  }
  const out = dp.subarray(k * width, (k + 1) * width);
  for (let v = 0; v < out.length; v++) if (!Number.isFinite(out[v])) return null;
  return out;
}

/** Exact null counts of 2·U_canary (index v), or null when over budget. */
function canaryDoubledUCounts(groupSizes: readonly number[], m: number, n: number): Float64Array | null {
  const counts = doubledUCounts(groupSizes, Math.min(m, n));
  if (counts === null) return null;
  if (m <= n) return counts;
  // the DP counted the baseline's doubled U; U_canary = mn − U_baseline
  return Float64Array.from(counts).reverse();
}

const wilcoxCache = new Map<string, Float64Array>();

/**
 * Exact null counts of U for sizes m, n without ties: c[u] = #{arrangements with U = u},
 * u = 0..m·n, Σc = C(m+n, m) (R's cwilcox). Cached per (m, n) (a few are kept). Throws a
 * RangeError when over the exact budget (m·n·min(m,n)·(m+n) ≳ 1e9).
 */
export function wilcoxCounts(m: number, n: number): Float64Array {
  if (!Number.isInteger(m) || !Number.isInteger(n) || m < 0 || n < 0) throw new RangeError(`wilcoxCounts: sizes must be non-negative integers, got ${m}, ${n}`);
  const key = `${m},${n}`;
  const hit = wilcoxCache.get(key);
  if (hit) return hit;
  const doubled = canaryDoubledUCounts(new Array<number>(m + n).fill(1), m, n);
  if (doubled === null) throw new RangeError(`wilcoxCounts: exact distribution for m=${m}, n=${n} is over the computation budget`);
  const counts = new Float64Array(m * n + 1);
  for (let u = 0; u <= m * n; u++) counts[u] = doubled[2 * u]!;
  if (wilcoxCache.size >= 16) wilcoxCache.delete(wilcoxCache.keys().next().value!);
  wilcoxCache.set(key, counts);
  return counts;
}

/** R's pwilcox(q, m, n, lower.tail): P(U ≤ q) (or P(U > q)) without ties; full relative precision in both tails. */
export function pwilcox(q: number, m: number, n: number, lowerTail = true): number {
  const counts = wilcoxCounts(m, n);
  const mn = m * n;
  const k = Math.floor(q + 1e-7);
  if (k < 0) return lowerTail ? 0 : 1;
  if (k >= mn) return lowerTail ? 1 : 0;
  let low = 0;
  for (let u = 0; u <= k; u++) low += counts[u]!;
  let high = 0;
  for (let u = k + 1; u <= mn; u++) high += counts[u]!;
  return (lowerTail ? low : high) / (low + high);
}

/** R's qwilcox(p, m, n): the smallest q with P(U ≤ q) ≥ p (same 10·DBL_EPSILON fuzz as R). */
export function qwilcox(p: number, m: number, n: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`qwilcox: p must be in [0, 1], got ${p}`);
  const mn = m * n;
  if (p === 0) return 0;
  if (p === 1) return mn;
  const counts = wilcoxCounts(m, n);
  let total = 0;
  for (let u = 0; u <= mn; u++) total += counts[u]!;
  let acc = 0;
  if (p <= 0.5) {
    const x = p - 10 * Number.EPSILON;
    for (let q = 0; ; q++) {
      acc += counts[q]! / total;
      if (acc >= x || q >= mn) return q;
    }
  }
  const x = 1 - p + 10 * Number.EPSILON;
  for (let q = 0; ; q++) {
    acc += counts[q]! / total;
    if (acc > x || q >= mn) return mn - q;
  }
}

function normalP(z: number, alternative: Alternative): number {
  if (alternative === 'less') return normalCdf(z);
  if (alternative === 'greater') return normalSf(z);
  return Math.min(1, 2 * Math.min(normalCdf(z), normalSf(z)));
}

/** Mann–Whitney test of canary (x) against baseline (y); see the file comment. Throws only on NaN. */
export function mannWhitney(canary: ArrayLike<number>, baseline: ArrayLike<number>, options: MannWhitneyOptions = {}): MannWhitneyResult {
  return mannWhitneySorted(sortedCopy(canary, 'mannWhitney canary'), sortedCopy(baseline, 'mannWhitney baseline'), options);
}

/**
 * As {@link mannWhitney} for samples already sorted ascending (no copy, no NaN check) — lets a
 * caller that also needs Hodges–Lehmann sort once. O(m+n) plus the exact DP when used.
 */
export function mannWhitneySorted(canarySorted: ArrayLike<number>, baselineSorted: ArrayLike<number>, options: MannWhitneyOptions = {}): MannWhitneyResult {
  const needsGroups = mannWhitneyNeedsGroups(canarySorted.length, baselineSorted.length, options);
  return mannWhitneyFromRanks(twoSampleRanksSorted(canarySorted, baselineSorted, needsGroups), options);
}

/**
 * Whether the test of samples of sizes m (canary) and n (baseline) with these options may use the
 * exact distribution, and so needs the pooled tie groups (`withGroups` of twoSampleRanksSorted).
 */
export function mannWhitneyNeedsGroups(m: number, n: number, options: MannWhitneyOptions = {}): boolean {
  const requested = options.method ?? 'auto';
  return requested === 'exact' || (requested === 'auto' && m < EXACT_SAMPLE_LIMIT && n < EXACT_SAMPLE_LIMIT);
}

/**
 * The test from the pooled rank summary of canary (x) and baseline (y) — what
 * {@link mannWhitneySorted} computes after its merge, for callers that have the summary already
 * (mannWhitneyHodgesLehmann in hodges-lehmann.ts). `r` must carry the tie groups when
 * {@link mannWhitneyNeedsGroups} says so. O(1) plus the exact DP when used.
 */
export function mannWhitneyFromRanks(r: TwoSampleRanks, options: MannWhitneyOptions = {}): MannWhitneyResult {
  const alternative = options.alternative ?? 'two-sided';
  const correct = options.correct ?? true;
  const m = r.nX;
  const n = r.nY;
  const wantExactAtAll = mannWhitneyNeedsGroups(m, n, options);
  const mn = m * n;
  const uCanary = r.rankSumX - (m * (m + 1)) / 2;
  const base = {
    nCanary: m,
    nBaseline: n,
    uCanary,
    uBaseline: mn - uCanary,
    rankSumCanary: r.rankSumX,
    rankSumBaseline: r.rankSumY,
    hasTies: r.hasTies,
    tieTerm: r.tieTerm,
    meanU: mn / 2,
    alternative,
  };
  if (m === 0 || n === 0) {
    return {
      ...base,
      sigmaU: 0,
      z: null,
      p: 1,
      method: 'none',
      continuityCorrection: false,
      auc: 0.5,
      degenerate: 'empty-sample',
      note: `${m === 0 ? 'canary' : 'baseline'} sample is empty: no test possible, p = 1 (no evidence)`,
    };
  }
  const N = m + n;
  const sigmaU = Math.sqrt((mn / 12) * (N + 1 - r.tieTerm / (N * (N - 1))));
  const auc = uCanary / mn;
  if (!(sigmaU > 0)) {
    return {
      ...base,
      sigmaU: 0,
      z: null,
      p: 1,
      method: 'none',
      continuityCorrection: false,
      auc,
      degenerate: 'all-tied',
      note: 'all values are tied: the null variance of U is 0 (R returns NaN); p = 1 (no evidence)',
    };
  }
  const dz = uCanary - mn / 2;
  const correction = !correct ? 0 : alternative === 'two-sided' ? Math.sign(dz) * 0.5 : alternative === 'greater' ? 0.5 : -0.5;
  const z = (dz - correction) / sigmaU;

  let note: string | null = null;
  if (wantExactAtAll) {
    const counts = canaryDoubledUCounts(r.groupSizes, m, n);
    if (counts !== null) {
      const p = exactP(counts, 2 * uCanary, mn, alternative, r.hasTies);
      return { ...base, sigmaU, z, p, method: r.hasTies ? 'exact-conditional' : 'exact', continuityCorrection: false, auc, degenerate: null, note: null };
    }
    note = `exact distribution for m=${m}, n=${n} is over the computation budget; used the normal approximation`;
  }
  return { ...base, sigmaU, z, p: normalP(z, alternative), method: 'asymptotic', continuityCorrection: correct, auc, degenerate: null, note };
}

/** p-value from exact counts of 2U (index v = 0..2mn), observed doubled U `obs2`. */
function exactP(counts: Float64Array, obs2: number, mn: number, alternative: Alternative, ties: boolean): number {
  let lower = 0;
  let upper = 0;
  let total = 0;
  let far = 0;
  const dev = Math.abs(obs2 - mn);
  for (let v = 0; v < counts.length; v++) {
    const c = counts[v]!;
    total += c;
    if (v <= obs2) lower += c;
    if (v >= obs2) upper += c;
    if (Math.abs(v - mn) >= dev) far += c;
  }
  const pLower = Math.min(1, lower / total);
  const pUpper = Math.min(1, upper / total);
  if (alternative === 'less') return pLower;
  if (alternative === 'greater') return pUpper;
  if (ties) return Math.min(1, far / total); // coin: P(|W − E W| ≥ |w − E W|)
  return Math.min(1, 2 * (obs2 > mn ? pUpper : pLower)); // R: tail on the side of the statistic
}
