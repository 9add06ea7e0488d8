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
import {
  EXACT_SAMPLE_LIMIT,
  mannWhitneyFromRanks,
  mannWhitneyNeedsGroups,
  pwilcox,
  qwilcox,
  type Alternative,
  type MannWhitneyOptions,
  type MannWhitneyResult,
} from './mann-whitney.js';
import { normalQuantile } from './normal.js';
import { sortFloat64, twoSampleRanksSorted, type TwoSampleRanks } from './ranks.js';

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

/* ------------------------------------------------------------------------------------------ */
/* Selection of pairwise differences                                                           */
/* ------------------------------------------------------------------------------------------ */

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SELECT_SEED = 0x2545f491;

/**
 * Rearranges `a` so that a[k] is its k-th smallest value (0-based), with nothing larger before it
 * and nothing smaller after it (Hoare partition around random pivots; ties are fine). O(len) expected.
 */
function quickselect(a: Float64Array, k: number, rand: () => number): void {
  let left = 0;
  let right = a.length - 1;
  while (right > left) {
    const pivot = a[left + Math.floor(rand() * (right - left + 1))]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    // a[left..j] ≤ pivot, a[j+1..i-1] = pivot, a[i..right] ≥ pivot
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

/**
 * Puts the order statistics a[idx[0]], a[idx[1]], … (0-based, idx ascending) in place at once,
 * quickselect-style: O(len·log(idx.length)) expected.
 */
function selectOrderStatistics(a: Float64Array, idx: readonly number[], rand: () => number): void {
  const stack: number[] = [0, a.length - 1, 0, idx.length];
  while (stack.length > 0) {
    const i1 = stack.pop()!;
    let i0 = stack.pop()!;
    const right = stack.pop()!;
    let left = stack.pop()!;
    while (i0 < i1 && right > left) {
      const pivot = a[left + Math.floor(rand() * (right - left + 1))]!;
      let i = left;
      let j = right;
      while (i <= j) {
        while (a[i]! < pivot) i++;
        while (a[j]! > pivot) j--;
        if (i <= j) {
          const t = a[i]!;
          a[i] = a[j]!;
          a[j] = t;
          i++;
          j--;
        }
      }
      let m1 = i0;
      while (m1 < i1 && idx[m1]! <= j) m1++;
      let m2 = m1;
      while (m2 < i1 && idx[m2]! < i) m2++; // positions j+1 … i−1 hold the pivot: done
      if (m1 > i0) stack.push(left, j, i0, m1);
      left = i;
      i0 = m2;
    }
  }
}

/**
 * The value of weighted rank `rank` (1-based) in vals[0..len) with positive weights: the v with
 * W(< v) < rank ≤ W(≤ v). Reorders both arrays (three-way partitions around random pivots).
 * O(len) expected.
 */
function weightedSelect(vals: Float64Array, wts: Float64Array, len: number, rank: number, rand: () => number): number {
  let left = 0;
  let right = len; // [left, right)
  let k = rank;
  for (;;) {
    if (right - left <= 16) {
      for (let i = left + 1; i < right; i++) {
        const v = vals[i]!;
        const w = wts[i]!;
        let j = i - 1;
        while (j >= left && vals[j]! > v) {
          vals[j + 1] = vals[j]!;
          wts[j + 1] = wts[j]!;
          j--;
        }
        vals[j + 1] = v;
        wts[j + 1] = w;
      }
      for (let i = left; i < right; i++) {
        k -= wts[i]!;
        if (k <= 0) return vals[i]!;
      }
      return vals[right - 1]!; // (not reached for a valid rank)
    }
    const pivot = vals[left + Math.floor(rand() * (right - left))]!;
    // [left, lt) < pivot, [lt, i) = pivot, (gt, right) > pivot
    let lt = left;
    let i = left;
    let gt = right - 1;
    let wLess = 0;
    let wEqual = 0;
    while (i <= gt) {
      const v = vals[i]!;
      if (v < pivot) {
        const w = wts[i]!;
        vals[i] = vals[lt]!;
        wts[i] = wts[lt]!;
        vals[lt] = v;
        wts[lt] = w;
        wLess += w;
        lt++;
        i++;
      } else if (v > pivot) {
        const w = wts[i]!;
        vals[i] = vals[gt]!;
        wts[i] = wts[gt]!;
        vals[gt] = v;
        wts[gt] = w;
        gt--;
      } else {
        wEqual += wts[i]!;
        i++;
      }
    }
    if (k <= wLess) right = lt;
    else if (k <= wLess + wEqual) return pivot;
    else {
      k -= wLess + wEqual;
      left = gt + 1;
    }
  }
}

const bitsView = new DataView(new ArrayBuffer(8));

/** The largest double below t (−MIN_VALUE for ±0, −∞ for −MAX_VALUE and −∞; NaN stays NaN). */
function nextDown(t: number): number {
  if (t !== t || t === -Infinity) return t;
  if (t === 0) return -Number.MIN_VALUE;
  bitsView.setFloat64(0, t);
  let hi = bitsView.getUint32(0);
  let lo = bitsView.getUint32(4);
  if (t > 0) {
    if (lo === 0) {
      hi--;
      lo = 0xffffffff;
    } else lo--;
  } else if (lo === 0xffffffff) {
    hi++;
    lo = 0;
  } else lo++;
  bitsView.setUint32(0, hi);
  bitsView.setUint32(4, lo);
  return bitsView.getFloat64(0);
}

/** The smallest double above t. */
function nextUp(t: number): number {
  return -nextDown(-t);
}

/** Run-length form of an ascending array (runs of ===-equal values, so ±0 share a run). */
interface Runs {
  /** One value per run (its first element), with `pad` slots before and after. */
  values: Float64Array;
  /** Run lengths; null when there are no ties (all 1). */
  counts: Float64Array | null;
}

/**
 * Runs of `a` ascending, or of −a (ascending as well) when `negate`, i.e. in reversed order;
 * `length` = countRuns(a). Without ties, padding or negation the values are `a` itself.
 */
function runLengths(a: Float64Array, negate: boolean, pad: number, length: number): Runs {
  if (length === a.length && !negate && pad === 0) return { values: a, counts: null };
  const values = new Float64Array(length + 2 * pad);
  if (length === a.length) {
    if (negate) negatedReversed(a, values, pad);
    else values.set(a, pad);
    return { values, counts: null };
  }
  const counts = new Float64Array(length);
  if (negate) fillRunsNegated(a, values, counts, pad);
  else fillRuns(a, values, counts, pad);
  return { values, counts };
}

// The hot loops below sit one to a function, with no rarely taken path: V8 compiles a long loop
// while it runs (on-stack replacement), and code that has not run by then — after the loop, or on
// a branch not yet taken — would throw the compiled code away when first reached (a cold first
// call then costs up to twice a warm one).

function countRuns(a: Float64Array): number {
  let length = a.length > 0 ? 1 : 0;
  for (let i = 1; i < a.length; i++) length += +(a[i]! !== a[i - 1]!);
  return length;
}

function negatedReversed(a: Float64Array, out: Float64Array, pad: number): void {
  const n = a.length;
  for (let i = 0; i < n; i++) out[pad + i] = -a[n - 1 - i]!;
}

function fillRuns(a: Float64Array, values: Float64Array, counts: Float64Array, pad: number): void {
  let r = 0;
  let start = 0;
  for (let i = 1; i <= a.length; i++) {
    if (i === a.length || a[i]! !== a[start]!) {
      values[pad + r] = a[start]!;
      counts[r] = i - start;
      r++;
      start = i;
    }
  }
}

function fillRunsNegated(a: Float64Array, values: Float64Array, counts: Float64Array, pad: number): void {
  let r = counts.length - 1;
  let start = 0;
  for (let i = 1; i <= a.length; i++) {
    if (i === a.length || a[i]! !== a[start]!) {
      values[pad + r] = -a[start]!;
      counts[r] = i - start;
      r--;
      start = i;
    }
  }
}

function prefixSums(counts: Float64Array, out: Float64Array): void {
  let sum = 0;
  for (let c = 0; c < counts.length; c++) {
    out[c] = sum;
    sum += counts[c]!;
  }
  out[counts.length] = sum;
}

// Further results of the kernels below (module variables: stores to them after a loop need no
// type feedback).
/** Weighted staircase: Σ of the per-row counts. */
let kernelCells = 0;
/** Bracket kernels: the cells at the lower and upper end, #{D ≤ tHigh}, the cells in between. */
let bracketCellsLow = 0;
let bracketCellsHigh = 0;
let bracketTotalHigh = 0;
let bracketFound = 0;

/**
 * The staircase count of rows [0, h) (from column c0 down) and [h, P.length) (from c1 down, the
 * count of row h) as two interleaved walks; a row's step is a sum of 4 comparisons, repeated while
 * all 4 hold. Unit weights: out[r] = the row's count, returns Σ out = #{D ≤ t}.
 */
function staircaseUnit(P: Float64Array, Qp: Float64Array, t: number, h: number, c0: number, c1: number, out: Int32Array): number {
  const rows1 = P.length - h; // ≥ h: the second walk has the odd row
  let cells = 0;
  for (let i = 0; i < rows1; i++) {
    if (i < h) {
      const p0 = P[i]!;
      let s0: number;
      do {
        const b = KSTEP + c0;
        s0 = +(p0 + Qp[b - 1]! > t) + +(p0 + Qp[b - 2]! > t) + +(p0 + Qp[b - 3]! > t) + +(p0 + Qp[b - 4]! > t);
        c0 -= s0;
      } while (s0 === 4);
      out[i] = c0;
      cells += c0;
    }
    const r1 = h + i;
    const p1 = P[r1]!;
    let s1: number;
    do {
      const b = KSTEP + c1;
      s1 = +(p1 + Qp[b - 1]! > t) + +(p1 + Qp[b - 2]! > t) + +(p1 + Qp[b - 3]! > t) + +(p1 + Qp[b - 4]! > t);
      c1 -= s1;
    } while (s1 === 4);
    out[r1] = c1;
    cells += c1;
  }
  return cells;
}

/** {@link staircaseUnit} with row weights W and column weight prefix sums Ccum: returns #{D ≤ t}, Σ out in kernelCells. */
function staircaseWeighted(P: Float64Array, W: Float64Array, Qp: Float64Array, Ccum: Float64Array, t: number, h: number, c0: number, c1: number, out: Int32Array): number {
  const rows1 = P.length - h;
  let cells = 0;
  let total = 0;
  for (let i = 0; i < rows1; i++) {
    if (i < h) {
      const p0 = P[i]!;
      let s0: number;
      do {
        const b = KSTEP + c0;
        s0 = +(p0 + Qp[b - 1]! > t) + +(p0 + Qp[b - 2]! > t) + +(p0 + Qp[b - 3]! > t) + +(p0 + Qp[b - 4]! > t);
        c0 -= s0;
      } while (s0 === 4);
      out[i] = c0;
      cells += c0;
      total += W[i]! * Ccum[c0]!;
    }
    const r1 = h + i;
    const p1 = P[r1]!;
    let s1: number;
    do {
      const b = KSTEP + c1;
      s1 = +(p1 + Qp[b - 1]! > t) + +(p1 + Qp[b - 2]! > t) + +(p1 + Qp[b - 3]! > t) + +(p1 + Qp[b - 4]! > t);
      c1 -= s1;
    } while (s1 === 4);
    out[r1] = c1;
    cells += c1;
    total += W[r1]! * Ccum[c1]!;
  }
  kernelCells = cells;
  return total;
}

/**
 * One pass over a bracket (tLow, tHigh]: the staircase at tLow as in {@link staircaseUnit}, then
 * per row the cells above it up to tHigh (4 comparisons a step, no loop-carried chain), their
 * values stored in vals while fewer than `capacity` (vals has 4 slots more). Unit weights:
 * returns #{D ≤ tLow}; see the bracket* variables for the rest.
 */
function bracketUnit(P: Float64Array, Qp: Float64Array, tLow: number, tHigh: number, h: number, c0: number, c1: number, vals: Float64Array, capacity: number): number {
  const rows1 = P.length - h;
  let low = 0;
  let high = 0;
  let w = 0;
  for (let i = 0; i < rows1; i++) {
    if (i < h) {
      const p0 = P[i]!;
      let s0: number;
      do {
        const b = KSTEP + c0;
        s0 = +(p0 + Qp[b - 1]! > tLow) + +(p0 + Qp[b - 2]! > tLow) + +(p0 + Qp[b - 3]! > tLow) + +(p0 + Qp[b - 4]! > tLow);
        c0 -= s0;
      } while (s0 === 4);
      let e0 = c0;
      do {
        const b = KSTEP + e0;
        const v0 = p0 + Qp[b]!;
        const v1 = p0 + Qp[b + 1]!;
        const v2 = p0 + Qp[b + 2]!;
        const v3 = p0 + Qp[b + 3]!;
        s0 = +(v0 <= tHigh) + +(v1 <= tHigh) + +(v2 <= tHigh) + +(v3 <= tHigh);
        if (w < capacity) {
          vals[w] = v0;
          vals[w + 1] = v1;
          vals[w + 2] = v2;
          vals[w + 3] = v3;
        }
        w += s0;
        e0 += s0;
      } while (s0 === 4);
      low += c0;
      high += e0;
    }
    const p1 = P[h + i]!;
    let s1: number;
    do {
      const b = KSTEP + c1;
      s1 = +(p1 + Qp[b - 1]! > tLow) + +(p1 + Qp[b - 2]! > tLow) + +(p1 + Qp[b - 3]! > tLow) + +(p1 + Qp[b - 4]! > tLow);
      c1 -= s1;
    } while (s1 === 4);
    let e1 = c1;
    do {
      const b = KSTEP + e1;
      const v0 = p1 + Qp[b]!;
      const v1 = p1 + Qp[b + 1]!;
      const v2 = p1 + Qp[b + 2]!;
      const v3 = p1 + Qp[b + 3]!;
      s1 = +(v0 <= tHigh) + +(v1 <= tHigh) + +(v2 <= tHigh) + +(v3 <= tHigh);
      if (w < capacity) {
        vals[w] = v0;
        vals[w + 1] = v1;
        vals[w + 2] = v2;
        vals[w + 3] = v3;
      }
      w += s1;
      e1 += s1;
    } while (s1 === 4);
    low += c1;
    high += e1;
  }
  bracketCellsLow = low;
  bracketCellsHigh = high;
  bracketTotalHigh = high;
  bracketFound = w;
  return low;
}

/**
 * {@link bracketUnit} with weights: stores each cell's weight (row × column) and column weight
 * too (colW: column weights indexed like Qp, 0 in the padding). Returns #{D ≤ tLow}.
 */
function bracketWeighted(P: Float64Array, W: Float64Array, Qp: Float64Array, Ccum: Float64Array, colW: Float64Array, tLow: number, tHigh: number, h: number, c0: number, c1: number, vals: Float64Array, wts: Float64Array, colWeights: Float64Array, capacity: number): number {
  const rows1 = P.length - h;
  let low = 0;
  let high = 0;
  let totalLow = 0;
  let totalHigh = 0;
  let w = 0;
  for (let i = 0; i < rows1; i++) {
    if (i < h) {
      const p0 = P[i]!;
      const w0 = W[i]!;
      let s0: number;
      do {
        const b = KSTEP + c0;
        s0 = +(p0 + Qp[b - 1]! > tLow) + +(p0 + Qp[b - 2]! > tLow) + +(p0 + Qp[b - 3]! > tLow) + +(p0 + Qp[b - 4]! > tLow);
        c0 -= s0;
      } while (s0 === 4);
      let e0 = c0;
      do {
        const b = KSTEP + e0;
        const v0 = p0 + Qp[b]!;
        const v1 = p0 + Qp[b + 1]!;
        const v2 = p0 + Qp[b + 2]!;
        const v3 = p0 + Qp[b + 3]!;
        s0 = +(v0 <= tHigh) + +(v1 <= tHigh) + +(v2 <= tHigh) + +(v3 <= tHigh);
        if (w < capacity) {
          vals[w] = v0;
          vals[w + 1] = v1;
          vals[w + 2] = v2;
          vals[w + 3] = v3;
          colWeights[w] = colW[b]!;
          colWeights[w + 1] = colW[b + 1]!;
          colWeights[w + 2] = colW[b + 2]!;
          colWeights[w + 3] = colW[b + 3]!;
          wts[w] = w0 * colW[b]!;
          wts[w + 1] = w0 * colW[b + 1]!;
          wts[w + 2] = w0 * colW[b + 2]!;
          wts[w + 3] = w0 * colW[b + 3]!;
        }
        w += s0;
        e0 += s0;
      } while (s0 === 4);
      low += c0;
      high += e0;
      totalLow += w0 * Ccum[c0]!;
      totalHigh += w0 * Ccum[e0]!;
    }
    const p1 = P[h + i]!;
    const w1 = W[h + i]!;
    let s1: number;
    do {
      const b = KSTEP + c1;
      s1 = +(p1 + Qp[b - 1]! > tLow) + +(p1 + Qp[b - 2]! > tLow) + +(p1 + Qp[b - 3]! > tLow) + +(p1 + Qp[b - 4]! > tLow);
      c1 -= s1;
    } while (s1 === 4);
    let e1 = c1;
    do {
      const b = KSTEP + e1;
      const v0 = p1 + Qp[b]!;
      const v1 = p1 + Qp[b + 1]!;
      const v2 = p1 + Qp[b + 2]!;
      const v3 = p1 + Qp[b + 3]!;
      s1 = +(v0 <= tHigh) + +(v1 <= tHigh) + +(v2 <= tHigh) + +(v3 <= tHigh);
      if (w < capacity) {
        vals[w] = v0;
        vals[w + 1] = v1;
        vals[w + 2] = v2;
        vals[w + 3] = v3;
        colWeights[w] = colW[b]!;
        colWeights[w + 1] = colW[b + 1]!;
        colWeights[w + 2] = colW[b + 2]!;
        colWeights[w + 3] = colW[b + 3]!;
        wts[w] = w1 * colW[b]!;
        wts[w + 1] = w1 * colW[b + 1]!;
        wts[w + 2] = w1 * colW[b + 2]!;
        wts[w + 3] = w1 * colW[b + 3]!;
      }
      w += s1;
      e1 += s1;
    } while (s1 === 4);
    low += c1;
    high += e1;
    totalLow += w1 * Ccum[c1]!;
    totalHigh += w1 * Ccum[e1]!;
  }
  bracketCellsLow = low;
  bracketCellsHigh = high;
  bracketTotalHigh = totalHigh;
  bracketFound = w;
  return totalLow;
}

/** Σ 3wv(w + v) = Σ (w+v)³ − (w+v) − (w³ − w) − (v³ − v) over cells of weight w·v (wts) and column weight v (cols). */
function commonTieTerm(wts: Float64Array, cols: Float64Array, size: number): number {
  let sum = 0;
  for (let i = 0; i < size; i++) {
    const v = cols[i]!;
    const w = wts[i]! / v; // exact: an integer product divided by one of its factors
    sum += 3 * w * v * (w + v);
  }
  return sum;
}

/** Σ(t³ − t) over run lengths (zeros, as padding, add nothing). */
function runTieTerm(counts: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < counts.length; i++) {
    const w = counts[i]!;
    sum += (w - 1) * w * (w + 1);
  }
  return sum;
}

/**
 * Stratified random sample of the band between two counts (out.length positions among its
 * `weight` differences, one O(R) walk); returns how many were drawn. `other` is the sample of the
 * columns (expanded: the baseline, whose values enter negated, when the rows are the canary's).
 */
function sampleUnitBand(P: Float64Array, lo: Int32Array, hi: Int32Array, weight: number, other: Float64Array, negated: boolean, rand: () => number, out: Float64Array): number {
  const size = out.length;
  const last = other.length - 1;
  const step = weight / size;
  let s = 0;
  let next = Math.floor(rand() * step);
  let acc = 0;
  for (let r = 0; r < P.length && s < size; r++) {
    const base = lo[r]!;
    const end = acc + (hi[r]! - base);
    while (next < end && s < size) {
      const e = base + (next - acc); // expanded column
      out[s++] = negated ? P[r]! - other[last - e]! : P[r]! + other[e]!;
      next = Math.floor((s + rand()) * step);
    }
    acc = end;
  }
  return s;
}

/** {@link sampleUnitBand} with weights: a cell stands for W[r]·(its column's weight) differences. */
function sampleWeightedBand(P: Float64Array, W: Float64Array, Ccum: Float64Array, lo: Int32Array, hi: Int32Array, weight: number, other: Float64Array, negated: boolean, rand: () => number, out: Float64Array): number {
  const size = out.length;
  const last = other.length - 1;
  const step = weight / size;
  let s = 0;
  let next = Math.floor(rand() * step);
  let acc = 0;
  for (let r = 0; r < P.length && s < size; r++) {
    const base = Ccum[lo[r]!]!;
    const w = W[r]!;
    const end = acc + w * (Ccum[hi[r]!]! - base);
    while (next < end && s < size) {
      const e = base + Math.floor((next - acc) / w); // expanded column
      out[s++] = negated ? P[r]! - other[last - e]! : P[r]! + other[e]!;
      next = Math.floor((s + rand()) * step);
    }
    acc = end;
  }
  return s;
}

/** Column-sentinel padding of the count kernels (they compare 4 columns at a time). */
const KSTEP = 4;
/**
 * Sizes in the selection, only for tests (which shrink them to run every path on small samples):
 * the samples that place sampled brackets — while a band is open at ±∞ (exact counts then
 * interpolate), and when interpolation does not pay off (point masses, rough data) — and the
 * number of candidate cells at or below which a band is collected and selected from directly.
 * @internal
 */
export const selectionTuning = { sampleOpen: 16384, sampleBand: 65536, enumerateMax: 65536 };
/** Half-width of a sampled bracket in binomial standard deviations of the sample rank. */
const BRACKET_Z = 3;
/** Sampled rounds that shrink a band by less than this factor switch to single pivots. */
const STALL_FACTOR = 0.5;
/** An interpolated round must bring the nearer end of a rank's band this much closer, or the rank goes back to sampling. */
const INTERPOLATION_GAIN = 16;
/** Smallest half-width (in ranks) of an interpolated bracket. */
const MIN_MARGIN = 64;
/** Half-width of an interpolated bracket in (estimated) standard deviations of the interpolation. */
const MARGIN_Z = 3;
/** Brackets expected to hold at most this many cells per row are counted in one bracket pass. */
const SCAN_PER_ROW = 4;

/** The cells of a band (low, high] found by a bracket pass. */
interface FoundBand {
  low: KnownCount;
  vals: Float64Array;
  /** Weights (row weight × column weight) of the cells, and their column weights; null for a unit grid. */
  wts: Float64Array | null;
  cols: Float64Array | null;
  size: number;
}

/** Exact #{D ≤ t} at some threshold. */
interface KnownCount {
  t: number;
  /** #{D ≤ t} over the m·n differences. */
  total: number;
  /** The number of grid cells with D ≤ t. */
  cells: number;
  /**
   * leq[r]: grid columns c with P[r] + Q[c] ≤ t (a prefix of row r), only when needed (for a
   * sample of a band): made for the ±∞ ends, recounted for the others.
   */
  leq: Int32Array | null;
  /** The cells of (band.low.t, t], when a bracket pass found them. */
  band: FoundBand | null;
}

/**
 * t at rank `k` of the polynomial through the points (total, t) (Lagrange, in ranks relative to
 * `origin` so that every difference is an exact integer).
 */
function interpolateThreshold(points: readonly KnownCount[], k: number, origin: number): number {
  let sum = 0;
  const x = k - origin;
  for (let i = 0; i < points.length; i++) {
    let l = 1;
    const xi = points[i]!.total - origin;
    for (let j = 0; j < points.length; j++) {
      if (j === i) continue;
      const xj = points[j]!.total - origin;
      l *= (x - xj) / (xi - xj);
    }
    sum += l * points[i]!.t;
  }
  return sum;
}

/** A count to make: at t, or at both ends of (low, high] expecting about `between` cells there. */
type Proposal = { t: number } | { low: number; high: number; between: number };

/**
 * The m·n differences as a grid of runs: D = P[r] + Q[c] with P and Q ascending, P the runs of the
 * sample with more distinct values and Q those of the other, negated when it is the baseline, so
 * that fl(P[r] + Q[c]) is exactly fl(canary − baseline) (negation is exact and x − y is x + (−y)).
 * Every cell stands for W[r]·(weight of column c) equal differences. Rows and columns ascending
 * make #{D ≤ t} a staircase; the kernels walk it branch-free. Requires every difference finite.
 */
class DifferenceGrid {
  readonly m: number;
  readonly n: number;
  readonly mn: number;
  /** Rows and columns (runs). */
  readonly R: number;
  readonly C: number;
  private readonly P: Float64Array;
  /** Row weights (run lengths); null for a unit grid (no ties on either side: no weights kept or used). */
  private readonly W: Float64Array | null;
  /** KSTEP × −∞, the C column values, KSTEP × +∞. */
  private readonly Qp: Float64Array;
  /** Column weights indexed like Qp (0 in the padding), and Ccum[c] = Σ of those before column c; null for a unit grid. */
  private readonly colW: Float64Array | null;
  private readonly Ccum: Float64Array | null;
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  private readonly rowsAreCanary: boolean;
  /** Cells at the threshold of the last count. */
  private lastCells = 0;
  /** Counts kept between selections (sorted by t; without the ±∞ ends). */
  private known: KnownCount[] = [];
  private bottomCount: KnownCount | null = null;
  private topCount: KnownCount | null = null;
  private negativeZeroPairs = -1;
  private belowZero = -1;
  /** Per-row count arrays no longer needed, for reuse. */
  private spare: Int32Array[] = [];

  constructor(xs: Float64Array, ys: Float64Array) {
    this.xs = xs;
    this.ys = ys;
    this.m = xs.length;
    this.n = ys.length;
    this.mn = this.m * this.n;
    const xRuns = countRuns(xs);
    const yRuns = countRuns(ys);
    this.rowsAreCanary = xRuns >= yRuns;
    this.R = this.rowsAreCanary ? xRuns : yRuns;
    this.C = this.rowsAreCanary ? yRuns : xRuns;
    const rows = this.rowsAreCanary ? runLengths(xs, false, 0, xRuns) : runLengths(ys, true, 0, yRuns);
    const cols = this.rowsAreCanary ? runLengths(ys, true, KSTEP, yRuns) : runLengths(xs, false, KSTEP, xRuns);
    this.P = rows.values;
    this.Qp = cols.values;
    this.Qp.fill(-Infinity, 0, KSTEP);
    this.Qp.fill(Infinity, KSTEP + this.C);
    if (rows.counts === null && cols.counts === null) {
      this.W = this.colW = this.Ccum = null;
    } else {
      this.W = rows.counts ?? new Float64Array(this.R).fill(1);
      const colCounts = cols.counts ?? new Float64Array(this.C).fill(1);
      this.colW = new Float64Array(this.C + 2 * KSTEP);
      this.colW.set(colCounts, KSTEP);
      this.Ccum = new Float64Array(this.C + 1);
      prefixSums(colCounts, this.Ccum);
    }
  }

  /** Grid columns of row r with D ≤ t (binary search). */
  private rowLeq(r: number, t: number): number {
    const p = this.P[r]!;
    const Qp = this.Qp;
    let lo = 0;
    let hi = this.C;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (p + Qp[KSTEP + mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * #{D ≤ t}; out[r] = grid columns of row r with D ≤ t; the cells in lastCells. The staircase
   * walk from the top right, as two interleaved independent walks (rows [0, R/2) and [R/2, R))
   * whose steps are sums of comparisons rather than branches, so it is bound by neither
   * mispredictions nor one dependency chain. O(R + C).
   */
  countLeq(t: number, out: Int32Array): number {
    const h = this.R >> 1;
    const c1 = this.R > 0 ? this.rowLeq(h, t) : 0;
    if (this.W === null) {
      this.lastCells = staircaseUnit(this.P, this.Qp, t, h, this.C, c1, out);
      return this.lastCells;
    }
    const total = staircaseWeighted(this.P, this.W, this.Qp, this.Ccum!, t, h, this.C, c1, out);
    this.lastCells = kernelCells;
    return total;
  }

  private bottom(): KnownCount {
    this.bottomCount ??= { t: -Infinity, total: 0, cells: 0, leq: null, band: null };
    return this.bottomCount;
  }

  private top(): KnownCount {
    this.topCount ??= { t: Infinity, total: this.mn, cells: this.R * this.C, leq: null, band: null };
    return this.topCount;
  }

  /** The per-row counts of a count (made for the ±∞ ends, recounted for the others). */
  private rowsOf(point: KnownCount): Int32Array {
    if (point.leq === null) {
      if (point.t === -Infinity) point.leq = new Int32Array(this.R);
      else if (point.t === Infinity) point.leq = new Int32Array(this.R).fill(this.C);
      else {
        point.leq = this.spare.pop() ?? new Int32Array(this.R);
        this.countLeq(point.t, point.leq);
      }
    }
    return point.leq;
  }

  /** The count at t among `points` (sorted, ±∞ ends included), made now unless known. */
  private countAt(points: KnownCount[], t: number): KnownCount {
    let j = 0;
    while (points[j + 1]!.t < t) j++;
    if (points[j + 1]!.t === t) return points[j + 1]!;
    if (points[j]!.t === t) return points[j]!;
    const scratch = this.spare.pop() ?? new Int32Array(this.R);
    const total = this.countLeq(t, scratch);
    this.spare.push(scratch);
    const point: KnownCount = { t, total, cells: this.lastCells, leq: null, band: null };
    points.splice(j + 1, 0, point);
    return point;
  }

  /**
   * The counts at both ends of (low, high] (low < high) in one bracket pass — the staircase at
   * low, each row scanned up to high — keeping the cells in between when at most about
   * 1.5·between (the expected number); or two plain counts when more than a few per row are
   * expected. Returns the two counts.
   */
  private countBracket(points: KnownCount[], low: number, high: number, between: number): [KnownCount, KnownCount] {
    if (!(between <= SCAN_PER_ROW * this.R + selectionTuning.enumerateMax)) return [this.countAt(points, low), this.countAt(points, high)];
    const capacity = Math.min(Math.ceil(1.5 * between) + 1024, 16 * selectionTuning.enumerateMax);
    const { R, C, P, Qp } = this;
    const h = R >> 1;
    const c1 = R > 0 ? this.rowLeq(h, low) : 0;
    const tHigh = Math.min(high, Number.MAX_VALUE); // (the +∞ padding must stay above it)
    const vals = new Float64Array(capacity + 4);
    let wts: Float64Array | null = null;
    let colWeights: Float64Array | null = null;
    let totalLow: number;
    if (this.W === null) totalLow = bracketUnit(P, Qp, low, tHigh, h, C, c1, vals, capacity);
    else {
      wts = new Float64Array(capacity + 4);
      colWeights = new Float64Array(capacity + 4);
      totalLow = bracketWeighted(P, this.W, Qp, this.Ccum!, this.colW!, low, tHigh, h, C, c1, vals, wts, colWeights, capacity);
    }
    const lowPoint = this.insert(points, { t: low, total: totalLow, cells: bracketCellsLow, leq: null, band: null });
    const highPoint = this.insert(points, { t: high, total: bracketTotalHigh, cells: bracketCellsHigh, leq: null, band: null });
    if (bracketFound <= capacity && (highPoint.band === null || highPoint.band.low.t < low)) {
      highPoint.band = { low: lowPoint, vals, wts, cols: colWeights, size: bracketFound };
    }
    return [lowPoint, highPoint];
  }

  /** `point` placed among `points` (sorted by t), or the count already there at its t. */
  private insert(points: KnownCount[], point: KnownCount): KnownCount {
    let j = 0;
    while (points[j + 1]!.t < point.t) j++;
    if (points[j + 1]!.t === point.t) return points[j + 1]!;
    if (points[j]!.t === point.t) return points[j]!;
    points.splice(j + 1, 0, point);
    return point;
  }

  /** `size` values of the grid at stratified random positions (by canary index). */
  private sampleAll(size: number, rand: () => number): Float64Array {
    const { xs, ys, m, n } = this;
    const out = new Float64Array(size);
    const step = m / size;
    for (let s = 0; s < size; s++) {
      const i = Math.min(m - 1, Math.floor((s + rand()) * step));
      out[s] = xs[i]! - ys[Math.floor(rand() * n)]!;
    }
    return out;
  }

  /**
   * About `size` differences drawn from the band between two counts (each cell as often as it
   * stands for), at stratified random positions: one O(R) walk — or, for a band holding most
   * differences, a sample of all of them less those outside.
   */
  private sampleBand(lo: KnownCount, hi: KnownCount, size: number, rand: () => number): Float64Array {
    const weight = hi.total - lo.total;
    if (weight * 4 >= this.mn) {
      const all = this.sampleAll(Math.ceil((size * this.mn) / weight), rand);
      let w = 0;
      for (const v of all) if (v > lo.t && v <= hi.t) all[w++] = v;
      return all.subarray(0, w);
    }
    const out = new Float64Array(size);
    const from = this.rowsOf(lo);
    const to = this.rowsOf(hi);
    const other = this.rowsAreCanary ? this.ys : this.xs;
    const count = this.W === null ? sampleUnitBand(this.P, from, to, weight, other, this.rowsAreCanary, rand, out) : sampleWeightedBand(this.P, this.W, this.Ccum!, from, to, weight, other, this.rowsAreCanary, rand, out);
    return out.subarray(0, count);
  }

  /** The value of rank `rank` (1-based) among the cells of a band. */
  private selectInBand(band: FoundBand, rank: number, rand: () => number): number {
    if (band.wts === null) {
      const vals = band.vals.subarray(0, band.size);
      quickselect(vals, rank - 1, rand);
      return vals[rank - 1]!;
    }
    return weightedSelect(band.vals, band.wts, band.size, rank, rand);
  }

  /**
   * D_(k) for every k of `ks` (1-based, valid), sharing the work. Each round brackets every
   * unresolved rank k between the two nearest exact counts, lo.total < k ≤ hi.total, and
   * - resolves it when (lo.t, hi.t] holds one double, or selects among the cells of the bracket
   *   when a bracket pass found them, or makes that pass when the bracket holds few cells;
   * - else, while the bracket is open at ±∞ (or interpolation stopped paying off), counts at
   *   quantiles of a sample of the band: the sample rank of k ± BRACKET_Z binomial sd (intervals
   *   of neighbouring ranks merged), and at k's own sample quantile while the end is open, to
   *   leave exact points for the interpolation;
   * - else interpolates t(k) through the nearest exact counts (quadratic; its distance to the
   *   cubic through one more says how far off it may be) and makes a bracket pass over
   *   t(k ∓ margin): on smooth data that bracket holds k and a few thousand differences, found in
   *   the same pass.
   * Counts at sampled or interpolated thresholds only decide which exact counts are made, so the
   * result is exact and, with the fixed seed, deterministic.
   */
  selectMany(ks: readonly number[]): number[] {
    const targets = Array.from(new Set(ks)).sort((a, b) => a - b);
    const found = new Map<number, number>();
    const lastWeight = new Map<number, number>();
    const lastGap = new Map<number, number>();
    const interpolated = new Set<number>(); // ranks whose last round interpolated
    const sampling = new Set<number>();
    const rand = mulberry32(SELECT_SEED);
    let points: KnownCount[] = [this.bottom(), ...this.known, this.top()];
    for (let round = 0; ; round++) {
      const open = targets.filter((k) => !found.has(k));
      if (open.length === 0) break;
      if (round > 1000) throw new Error('PairwiseDifferences: selection did not converge (internal error)');
      // bracket every open rank: points[p].total < k ≤ points[p + 1].total
      const groups: { lo: KnownCount; hi: KnownCount; ks: number[] }[] = [];
      const keep = new Set<number>([0, points.length - 1]); // the ends, the brackets and one count beyond each (to interpolate)
      const ends = new Set<number>(); // the brackets: their per-row counts and found cells may be needed
      let p = 0;
      for (const k of open) {
        while (points[p + 1]!.total < k) p++;
        const last = groups[groups.length - 1];
        if (last && last.lo === points[p]) last.ks.push(k);
        else {
          groups.push({ lo: points[p]!, hi: points[p + 1]!, ks: [k] });
          for (let i = Math.max(0, p - 1); i <= Math.min(points.length - 1, p + 2); i++) keep.add(i);
          ends.add(p).add(p + 1);
        }
      }
      for (let i = 0; i < points.length; i++) {
        const point = points[i]!;
        if (ends.has(i)) continue;
        point.band = null;
        if (point.leq !== null && Number.isFinite(point.t)) {
          if (this.spare.length < 4) this.spare.push(point.leq);
          point.leq = null;
        }
      }
      points = points.filter((_, i) => keep.has(i));
      this.known = points.slice(1, -1);

      const proposals: Proposal[] = [];
      for (const { lo, hi, ks: group } of groups) {
        if (nextUp(lo.t) === hi.t) {
          for (const k of group) found.set(k, hi.t); // (lo.t, hi.t] holds one double
          continue;
        }
        const band = hi.band;
        if (band !== null && band.low === lo) {
          for (const k of group) found.set(k, this.selectInBand(band, k - lo.total, rand));
          continue;
        }
        const cells = hi.cells - lo.cells;
        if (cells <= selectionTuning.enumerateMax) {
          proposals.push({ low: lo.t, high: hi.t, between: cells });
          continue;
        }
        const weight = hi.total - lo.total;
        const finite = lo.t !== -Infinity && hi.t !== Infinity;
        let interpolate = finite;
        for (const k of group) {
          const gap = Math.min(k - lo.total, hi.total - k + 1);
          const previous = lastGap.get(k);
          if (previous !== undefined && interpolated.has(k) && gap * INTERPOLATION_GAIN > previous) sampling.add(k);
          if (sampling.has(k)) interpolate = false;
          lastGap.set(k, gap);
        }
        if (interpolate) this.interpolatedProposals(points, lo, hi, group, proposals);
        else this.sampledProposals(lo, hi, group, lastWeight, finite, rand, proposals);
        for (const k of group) {
          lastWeight.set(k, weight);
          if (interpolate) interpolated.add(k);
          else interpolated.delete(k);
        }
      }
      const at = (q: Proposal): number => ('t' in q ? q.t : q.low);
      proposals.sort((a, b) => at(a) - at(b));
      for (const q of proposals) {
        if ('t' in q) this.countAt(points, q.t);
        else this.countBracket(points, q.low, q.high, q.between);
      }
    }
    return ks.map((k) => this.signedZero(k, found.get(k)!));
  }

  /** Counts to make for the ranks `group` inside (lo, hi], by sampling the band (see selectMany). */
  private sampledProposals(lo: KnownCount, hi: KnownCount, group: readonly number[], lastWeight: Map<number, number>, finite: boolean, rand: () => number, proposals: Proposal[]): void {
    const weight = hi.total - lo.total;
    const sample = this.sampleBand(lo, hi, finite ? selectionTuning.sampleBand : selectionTuning.sampleOpen, rand);
    const size = sample.length;
    if (size === 0) return;
    const intervals: [number, number][] = [];
    const centers: number[] = [];
    for (const k of group) {
      const previous = lastWeight.get(k);
      const stalled = previous !== undefined && weight > STALL_FACTOR * previous;
      const q = (k - lo.total) / weight;
      const center = Math.min(size - 1, Math.max(0, Math.round(q * size - 0.5)));
      let from = center;
      let to = center;
      if (!stalled) {
        const spread = BRACKET_Z * Math.sqrt(size * q * (1 - q)) + 1;
        from = Math.max(-1, Math.floor(q * size - 0.5 - spread));
        to = Math.min(size, Math.ceil(q * size - 0.5 + spread));
        if (!finite && centers[centers.length - 1] !== center) centers.push(center);
      }
      const last = intervals[intervals.length - 1];
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else intervals.push([from, to]);
    }
    const idx: number[] = [];
    for (const [from, to] of intervals) {
      if (from >= 0) idx.push(from);
      if (to < size && to !== from) idx.push(to);
    }
    idx.push(...centers);
    idx.sort((a, b) => a - b);
    selectOrderStatistics(sample, idx, rand);
    const cellsPerSample = (hi.cells - lo.cells) / size;
    let collected = true; // every interval counted by a bracket pass that keeps its cells: no need for centers
    for (const [from, to] of intervals) {
      const between = (to - from + 1) * cellsPerSample;
      collected &&= from >= 0 && to < size && between <= selectionTuning.enumerateMax;
      if (from >= 0 && to < size) proposals.push({ low: nextDown(sample[from]!), high: sample[to]!, between });
      else if (from >= 0) proposals.push({ t: nextDown(sample[from]!) });
      else if (to < size) proposals.push({ t: sample[to]! });
    }
    if (!collected) for (const c of centers) proposals.push({ t: sample[c]! });
  }

  /**
   * Counts to make for the ranks `group` inside (lo, hi] (both finite), by interpolation (see
   * selectMany). The interpolation is off by noise — R(t) is a sum of steps, about √λ off any
   * smooth curve over λ differences — and by the curve's shape; the margin covers MARGIN_Z times
   * the first (λ: ranks to the nearest exact count, times the mean weight of a cell) plus four
   * times the second (the cubic's disagreement).
   */
  private interpolatedProposals(points: readonly KnownCount[], lo: KnownCount, hi: KnownCount, group: readonly number[], proposals: Proposal[]): void {
    const finitePoints = points.slice(1, -1).filter((p, i, all) => i === 0 || p.total !== all[i - 1]!.total); // distinct nodes
    const weight = hi.total - lo.total;
    const slope = weight / (hi.t - lo.t); // ranks per unit of t, on average over the band
    const cellWeight = weight / Math.max(1, hi.cells - lo.cells);
    const inside = (t: number): boolean => t > lo.t && t < hi.t;
    const intervals: [number, number, number][] = []; // low, high, ranks between
    for (const k of group) {
      const nearest = [...finitePoints].sort((a, b) => Math.abs(a.total - k) - Math.abs(b.total - k)).slice(0, 4);
      let fit: KnownCount[] = [lo, hi];
      let estimate = interpolateThreshold(fit, k, k);
      let shape = weight; // unknown: as bad as the band is wide
      if (nearest.length >= 3) {
        const quadratic = interpolateThreshold(nearest.slice(0, 3), k, k);
        const check = nearest.length >= 4 ? interpolateThreshold(nearest, k, k) : estimate;
        if (inside(quadratic)) {
          fit = nearest.slice(0, 3);
          shape = Math.abs(check - quadratic) * slope;
          estimate = quadratic;
        }
      }
      const gap = Math.min(k - lo.total, hi.total - k);
      const margin = MIN_MARGIN + MARGIN_Z * Math.sqrt(gap * cellWeight) + 4 * shape;
      let low = interpolateThreshold(fit, k - margin, k);
      let high = interpolateThreshold(fit, k + margin, k);
      if (!(margin <= this.R * cellWeight && low < high)) low = high = estimate; // too uncertain for a bracket pass: one count at the estimate
      const last = intervals[intervals.length - 1];
      if (last && low <= last[1]) {
        last[1] = Math.max(last[1], high);
        last[2] += 2 * margin;
      } else intervals.push([low, high, 2 * margin]);
    }
    for (const [low, high, ranks] of intervals) {
      const a = inside(low) ? low : lo.t;
      const b = inside(high) ? high : hi.t;
      if (low === high) {
        if (inside(low)) proposals.push({ t: low });
      } else if (a !== lo.t || b !== hi.t) proposals.push({ low: a, high: b, between: ranks / cellWeight });
    }
  }

  /**
   * Brute force sorts −0 before +0; D = −0 only for a −0 canary value against a +0 baseline one.
   * So a zero D_(k) is −0 exactly when k − #{D < 0} ≤ #{those pairs}.
   */
  private signedZero(k: number, v: number): number {
    if (v !== 0) return v;
    if (this.negativeZeroPairs < 0) {
      let negX = 0;
      for (const v of this.xs) if (v === 0 && Object.is(v, -0)) negX++;
      let posY = 0;
      for (const v of this.ys) if (v === 0 && Object.is(v, 0)) posY++;
      this.negativeZeroPairs = negX * posY;
    }
    if (this.negativeZeroPairs === 0) return 0;
    if (this.belowZero < 0) {
      const scratch = this.spare.pop() ?? new Int32Array(this.R);
      this.belowZero = this.countLeq(-Number.MIN_VALUE, scratch);
      this.spare.push(scratch);
    }
    return k - this.belowZero <= this.negativeZeroPairs ? -0 : 0;
  }

  /**
   * The pooled rank summary of the two samples (as {@link twoSampleRanksSorted} without groups)
   * from one bracket pass over (−MIN_VALUE, 0]: U_canary = #{D > 0} + ½#{D = 0} =
   * mn − (#{D ≤ 0} + #{D < 0})/2, and the tie term from the runs plus, for every value in both
   * samples (a cell with D = 0, found by the pass), Σ(t³ − t) of the pooled group minus those of
   * its two runs. Every term is an integer summed exactly, so the result is bit-for-bit the
   * merge's — unless Σt³ over the pooled groups reaches 2^52, where it returns null (the merge,
   * summing in its own order, must decide). The two counts are kept for later selections.
   */
  poolRanks(): TwoSampleRanks | null {
    const { R, C, m, n, mn } = this;
    const N = m + n;
    if (N * N > 2 ** 52) return null;
    const points = [this.bottom(), ...this.known, this.top()];
    // between: the cells with D = 0, at most one per row and column (x − y = 0 only for x = y)
    const [less, leq] = this.countBracket(points, -Number.MIN_VALUE, 0, Math.min(R, C));
    this.known = points.slice(1, -1);
    this.belowZero = less.total;
    let tie: number;
    let common: number;
    if (this.W === null) {
      common = 6 * (leq.cells - less.cells); // unit: a pooled group of 2 per equal pair, 2³ − 2
      tie = common;
    } else {
      const band = leq.band;
      if (band === null || band.low !== less || band.wts === null || band.cols === null) return null;
      common = commonTieTerm(band.wts, band.cols, band.size);
      tie = runTieTerm(this.W) + runTieTerm(this.colW!) + common;
    }
    if (tie + N > 2 ** 52) return null;
    const hasTies = R + C < N || common > 0;
    const rankSumX = mn - (leq.total + less.total) / 2 + (m * (m + 1)) / 2;
    return { nX: m, nY: n, rankSumX, rankSumY: (N * (N + 1)) / 2 - rankSumX, tieTerm: tie, hasTies, groupSizes: [], groupCountsX: [] };
  }
}

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
export class PairwiseDifferences {
  readonly m: number;
  readonly n: number;
  /** m·n. */
  readonly size: number;
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  private ydCache: Float64Array | null = null;
  private gridCache: DifferenceGrid | null | undefined = undefined;

  /** Both arrays ascending, finite, no NaN (not checked here; see {@link checkedSortedCopy}). */
  constructor(canarySorted: Float64Array, baselineSorted: Float64Array) {
    this.xs = canarySorted;
    this.ys = baselineSorted;
    this.m = canarySorted.length;
    this.n = baselineSorted.length;
    this.size = this.m * this.n;
  }

  /** The baseline descending (for the plain row-by-row counts). */
  private get yd(): Float64Array {
    this.ydCache ??= Float64Array.from(this.ys).reverse();
    return this.ydCache;
  }

  /** The run grid, or null when empty or when a difference overflows. */
  private grid(): DifferenceGrid | null {
    if (this.gridCache === undefined) {
      const { xs, ys, m, n } = this;
      const finite = m > 0 && n > 0 && Number.isFinite(xs[m - 1]! - ys[0]!) && Number.isFinite(xs[0]! - ys[n - 1]!);
      this.gridCache = finite ? new DifferenceGrid(xs, ys) : null;
    }
    return this.gridCache;
  }

  /**
   * #{D ≤ t} (or #{D < t} when `strict`); fills out[i] with the count in row i (row i is
   * x_i − y sorted descending, an ascending row, so the count is a prefix length). O(m+n).
   */
  count(t: number, strict: boolean, out?: Int32Array): number {
    const row = out ?? new Int32Array(this.m);
    return strict ? this.countLess(t, row) : this.countLeq(t, row);
  }

  private countLeq(t: number, out: Int32Array): number {
    const { xs, yd, m } = this;
    let j = this.n;
    let total = 0;
    for (let i = 0; i < m; i++) {
      const xi = xs[i]!;
      while (j > 0 && xi - yd[j - 1]! > t) j--;
      out[i] = j;
      total += j;
    }
    return total;
  }

  private countLess(t: number, out: Int32Array): number {
    const { xs, yd, m } = this;
    let j = this.n;
    let total = 0;
    for (let i = 0; i < m; i++) {
      const xi = xs[i]!;
      while (j > 0 && xi - yd[j - 1]! >= t) j--;
      out[i] = j;
      total += j;
    }
    return total;
  }

  /** D_(k), the k-th smallest difference (1 ≤ k ≤ m·n, integer). Deterministic. */
  select(k: number): number {
    return this.selectMany([k])[0]!;
  }

  /**
   * [D_(k) for k of `ranks`], in the order given (each an integer in [1, m·n]); the ranks share
   * their count passes, so e.g. a median and the two bounds of its interval cost little more than
   * one of them. Deterministic.
   */
  selectMany(ranks: ArrayLike<number>): number[] {
    const ks = Array.from(ranks);
    for (const k of ks) {
      if (!(Number.isInteger(k) && k >= 1 && k <= this.size)) throw new RangeError(`PairwiseDifferences.select: k must be an integer in [1, ${this.size}], got ${k}`);
    }
    if (ks.length === 0) return [];
    const grid = this.grid();
    if (grid !== null) return grid.selectMany(ks);
    return ks.map((k) => this.plainSelect(k, false)[0]);
  }

  /** [D_(k), D_(k+1)] (1 ≤ k < m·n). */
  selectPair(k: number): [number, number] {
    if (k >= this.size) throw new RangeError(`PairwiseDifferences.selectPair: k must be below ${this.size}`);
    const [a, b] = this.selectMany([k, k + 1]);
    return [a!, b!];
  }

  /**
   * The pooled mid-rank summary of the two samples, as {@link twoSampleRanksSorted} (without
   * groups) returns it — here from two counts of the differences at 0, which a later selection
   * reuses.
   */
  ranks(): TwoSampleRanks {
    return this.grid()?.poolRanks() ?? twoSampleRanksSorted(this.xs, this.ys);
  }

  /** One rank at a time, for differences that overflow (see the class comment). */
  private plainSelect(k: number, withNext: boolean): [number, number] {
    const { xs, yd, m, n, size } = this;
    const lo = new Int32Array(m); // band of row i: columns [lo[i], hi[i])
    const hi = new Int32Array(m).fill(n);
    const cntA = new Int32Array(m);
    const cntB = new Int32Array(m);
    const cum = new Float64Array(m); // cum[i] = Σ_{r ≤ i} band width of row r
    for (let i = 0; i < m; i++) cum[i] = (i + 1) * n;
    const sampleSize = 65536;
    const enumerateAt = Math.max(4096, m + n);
    const samples = size > enumerateAt ? new Float64Array(sampleSize) : new Float64Array(0);
    const rand = mulberry32(SELECT_SEED ^ (k % 0x7fffffff));
    let below = 0; // differences left of every band: all smaller than D_(k)
    let active = size; // differences inside the bands: D_(k) is the (k − below)-th of them
    let stalled = false;
    while (active > enumerateAt) {
      const step = active / sampleSize;
      let row = 0;
      for (let s = 0; s < sampleSize; s++) {
        const r = Math.min(active - 1, Math.floor((s + rand()) * step));
        while (cum[row]! <= r) row++;
        samples[s] = xs[row]! - yd[lo[row]! + r - (row > 0 ? cum[row - 1]! : 0)]!;
      }
      const target = k - below;
      const frac = target / active;
      const f = ((target - 0.5) / active) * sampleSize;
      const spread = stalled ? 0 : 2.5 * Math.sqrt(sampleSize * frac * (1 - frac)) + 2;
      const iLo = Math.min(sampleSize - 1, Math.max(0, Math.floor(f - spread)));
      const iHi = stalled ? iLo : Math.min(sampleSize - 1, Math.max(0, Math.ceil(f + spread)));
      quickselect(samples, iLo, rand);
      if (iHi > iLo) quickselect(samples.subarray(iLo + 1), iHi - iLo - 1, rand);
      const pLo = samples[iLo]!;
      const pHi = samples[iHi]!;
      let cutLo: Int32Array | null = null;
      let cutHi: Int32Array | null = null;
      if (k <= this.countLess(pLo, cntA)) {
        cutHi = cntA; // D_(k) < pLo
      } else if (k > this.countLeq(pHi, cntB)) {
        cutLo = cntB; // D_(k) > pHi
      } else {
        if (pLo === pHi) return [pLo, withNext ? this.next(k, pLo) : NaN]; // #{D < p} < k ≤ #{D ≤ p}
        cutLo = cntA;
        cutHi = cntB;
      }
      let newBelow = 0;
      let acc = 0;
      for (let i = 0; i < m; i++) {
        let l = lo[i]!;
        let h = hi[i]!;
        if (cutLo !== null && cutLo[i]! > l) lo[i] = l = cutLo[i]!;
        if (cutHi !== null && cutHi[i]! < h) hi[i] = h = cutHi[i]!;
        newBelow += l;
        acc += h - l;
        cum[i] = acc;
      }
      stalled = acc > active * 0.9;
      below = newBelow;
      active = acc;
    }
    const rest = new Float64Array(active);
    let w = 0;
    for (let i = 0; i < m; i++) {
      const xi = xs[i]!;
      for (let j = lo[i]!; j < hi[i]!; j++) rest[w++] = xi - yd[j]!;
    }
    const at = k - below - 1;
    quickselect(rest, at, rand);
    if (!withNext) return [rest[at]!, NaN];
    if (at + 1 >= active) return [rest[at]!, this.next(k, rest[at]!)];
    let following = Infinity;
    for (let i = at + 1; i < active; i++) if (rest[i]! < following) following = rest[i]!;
    return [rest[at]!, following];
  }

  /** D_(k+1) given v = D_(k): v again if tied, else the smallest difference above v. O(m+n). */
  next(k: number, v: number): number {
    if (k >= this.size) throw new RangeError(`PairwiseDifferences.next: k must be below ${this.size}`);
    const cnt = new Int32Array(this.m);
    if (this.count(v, false, cnt) >= k + 1) return v;
    const yd = this.yd;
    let best = Infinity;
    for (let i = 0; i < this.m; i++) {
      const j = cnt[i]!;
      if (j < this.n) {
        const d = this.xs[i]! - yd[j]!;
        if (d < best) best = d;
      }
    }
    return best;
  }

  /** Median of the differences (mean of D_(mn/2) and D_(mn/2+1) when m·n is even). */
  median(): number {
    return medianOf(this.selectMany(medianRanks(this.size)));
  }

  /** The pairwise difference nearest to v (the smaller one on an exact tie of distances). O(m+n). */
  nearest(v: number): number {
    if (!Number.isFinite(v)) return v;
    const { m, n, xs } = this;
    const yd = this.yd;
    const leq = new Int32Array(m);
    const lt = new Int32Array(m);
    this.count(v, false, leq);
    this.count(v, true, lt);
    let below = -Infinity;
    let above = Infinity;
    for (let i = 0; i < m; i++) {
      const p = leq[i]!;
      if (p > 0) {
        const d = xs[i]! - yd[p - 1]!;
        if (d > below) below = d;
      }
      const q = lt[i]!;
      if (q < n) {
        const d = xs[i]! - yd[q]!;
        if (d < above) above = d;
      }
    }
    return v - below <= above - v ? below : above;
  }
}

/** The 1-based ranks whose values make the median of `size` sorted values. */
function medianRanks(size: number): number[] {
  return size % 2 === 1 ? [(size + 1) / 2] : [size / 2, size / 2 + 1];
}

/** The median from the values at {@link medianRanks}: (a+b)/2 without overflow near ±1.8e308. */
function medianOf(values: readonly number[]): number {
  return values.length === 1 ? values[0]! : values[0]! / 2 + values[1]! / 2;
}

/**
 * Ascending copy for the Hodges–Lehmann functions: throws a RangeError on NaN or ±Infinity.
 * `scratch`: see {@link sortFloat64}.
 */
export function checkedSortedCopy(values: ArrayLike<number>, what: string, scratch?: Uint32Array): Float64Array {
  const copy = Float64Array.from(values);
  if (countNonFinite(copy) > 0) {
    const i = copy.findIndex((v) => !Number.isFinite(v));
    throw new RangeError(`${what}: value at index ${i} is ${copy[i]}; Hodges–Lehmann needs finite values (drop missing samples first)`);
  }
  return sortFloat64(copy, scratch);
}

/** {@link checkedSortedCopy} of both samples, the sorts sharing one scratch buffer. */
function checkedSortedCopies(canary: ArrayLike<number>, baseline: ArrayLike<number>, what: string): [Float64Array, Float64Array] {
  const size = Math.max(canary.length, baseline.length);
  const scratch = size >= 4096 ? new Uint32Array(2 * size) : undefined;
  return [checkedSortedCopy(canary, `${what} canary`, scratch), checkedSortedCopy(baseline, `${what} baseline`, scratch)];
}

function countNonFinite(a: Float64Array): number {
  let bad = 0;
  for (let i = 0; i < a.length; i++) bad += +(a[i]! - a[i]! !== 0); // NaN or ±∞
  return bad;
}

/** D_(k) of canary − baseline (1-based k), by selection; O(m+n) after the sorts, expected. */
export function kthPairwiseDifference(canary: ArrayLike<number>, baseline: ArrayLike<number>, k: number): number {
  const [xs, ys] = checkedSortedCopies(canary, baseline, 'kthPairwiseDifference');
  return new PairwiseDifferences(xs, ys).select(k);
}

/* ------------------------------------------------------------------------------------------ */
/* R's uniroot (R_zeroin2) and wilcox.test's W(d)                                              */
/* ------------------------------------------------------------------------------------------ */

/** Thrown by W(d) where R stops ("cannot compute confidence interval when all observations are tied"). */
class AllTiedAtShift extends Error {}

/** Brent's root finder exactly as R's R_zeroin2 (stats/src/zeroin.c); fa = f(ax), fb = f(bx). */
export function rZeroin2(f: (x: number) => number, ax: number, bx: number, fa: number, fb: number, tol: number, maxit = 1000): number {
  let a = ax;
  let b = bx;
  let c = a;
  let fc = fa;
  if (fa === 0) return a;
  if (fb === 0) return b;
  let left = maxit + 1;
  while (left--) {
    const prevStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolAct = 2 * Number.EPSILON * Math.abs(b) + tol / 2;
    let newStep = (c - b) / 2;
    if (Math.abs(newStep) <= tolAct || fb === 0) return b;
    if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
      let p: number;
      let q: number;
      const cb = c - b;
      if (a === c) {
        const t1 = fb / fa;
        p = cb * t1;
        q = 1.0 - t1;
      } else {
        q = fa / fc;
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * q * (q - t1) - (b - a) * (t1 - 1.0));
        q = (q - 1.0) * (t1 - 1.0) * (t2 - 1.0);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (p < 0.75 * cb * q - Math.abs(tolAct * q) / 2 && p < Math.abs((prevStep * q) / 2)) newStep = p / q;
    }
    if (Math.abs(newStep) < tolAct) newStep = newStep > 0 ? tolAct : -tolAct;
    a = b;
    fa = fb;
    b += newStep;
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
  return b;
}

/**
 * R's standardized W(d) of c(x − d, y) (wilcox.test's `wdiff` plus zq): one merge of the sorted
 * samples, ranks and ties by exact equality of the shifted doubles, as R's rank()/table().
 */
function rStandardizedW(xs: Float64Array, ys: Float64Array, d: number, correct: boolean, alternative: Alternative): number {
  const m = xs.length;
  const n = ys.length;
  let i = 0;
  let j = 0;
  let pos = 0;
  let rankSumX = 0;
  let tie = 0;
  while (i < m || j < n) {
    const xv = i < m ? xs[i]! - d : Infinity;
    const v = j >= n || (i < m && xv <= ys[j]!) ? xv : ys[j]!;
    let a = 0;
    while (i < m && xs[i]! - d === v) {
      i++;
      a++;
    }
    let b = 0;
    while (j < n && ys[j] === v) {
      j++;
      b++;
    }
    const t = a + b;
    rankSumX += a * (pos + (t + 1) / 2);
    tie += (t - 1) * t * (t + 1);
    pos += t;
  }
  const dz = rankSumX - (m * (m + 1)) / 2 - (m * n) / 2;
  const corr = !correct ? 0 : alternative === 'two-sided' ? Math.sign(dz) * 0.5 : alternative === 'greater' ? 0.5 : -0.5;
  const sigma = Math.sqrt(((m * n) / 12) * (m + n + 1 - tie / ((m + n) * (m + n - 1))));
  if (sigma === 0) throw new AllTiedAtShift();
  return (dz - corr) / sigma;
}

/** R's asymptotic CI and estimate (wilcox.test, exact = FALSE). Throws AllTiedAtShift where R stops. */
function rAsymptotic(xs: Float64Array, ys: Float64Array, confLevel: number, alternative: Alternative, correct: boolean): { ci: [number, number]; estimate: number | null } {
  const alpha = 1 - confLevel;
  const mumin = xs[0]! - ys[ys.length - 1]!;
  const mumax = xs[xs.length - 1]! - ys[0]!;
  const root = (zq: number): number => {
    const wdiff = (d: number): number => rStandardizedW(xs, ys, d, correct, alternative) - zq;
    const fLower = wdiff(mumin);
    if (fLower <= 0) return mumin;
    const fUpper = wdiff(mumax);
    if (fUpper >= 0) return mumax;
    return rZeroin2(wdiff, mumin, mumax, fLower, fUpper, 1e-4);
  };
  let ci: [number, number];
  if (alternative === 'two-sided') ci = [root(-normalQuantile(alpha / 2)), root(normalQuantile(alpha / 2))];
  else if (alternative === 'greater') ci = [root(-normalQuantile(alpha)), Infinity];
  else ci = [-Infinity, root(normalQuantile(alpha))];
  // R: correct <- FALSE; uniroot(wdiff, c(mumin, mumax), tol = 1e-4, zq = 0)
  const w0 = (d: number): number => rStandardizedW(xs, ys, d, false, alternative);
  let estimate: number | null = null;
  if (mumin < mumax) {
    const fl = w0(mumin);
    const fu = w0(mumax);
    if (Math.sign(fl) * Math.sign(fu) <= 0) estimate = rZeroin2(w0, mumin, mumax, fl, fu, 1e-4);
  }
  return { ci, estimate };
}

/* ------------------------------------------------------------------------------------------ */
/* Hodges–Lehmann                                                                              */
/* ------------------------------------------------------------------------------------------ */

function checkConfLevel(confLevel: number, what: string): void {
  if (!(confLevel > 0 && confLevel < 1)) throw new RangeError(`${what}: confLevel must be in (0, 1), got ${confLevel}`);
}

/**
 * Hodges–Lehmann shift canary − baseline with its confidence interval (see the file comment).
 * Throws a RangeError only for NaN/±Infinity samples or a confLevel outside (0, 1).
 *
 * Cost: two sorts, one pass over the differences at 0 for the tie term, and one shared selection
 * of the median and both bounds (see the file comment). With the Mann–Whitney test as well, call
 * {@link mannWhitneyHodgesLehmann}, which sorts and counts once for both.
 */
export function hodgesLehmann(canary: ArrayLike<number>, baseline: ArrayLike<number>, options: HodgesLehmannOptions = {}): HodgesLehmannResult {
  const [xs, ys] = checkedSortedCopies(canary, baseline, 'hodgesLehmann');
  return hodgesLehmannSorted(xs, ys, options);
}

/** As {@link hodgesLehmann} for samples already sorted ascending and finite (not checked). */
export function hodgesLehmannSorted(xs: Float64Array, ys: Float64Array, options: HodgesLehmannOptions = {}): HodgesLehmannResult {
  checkConfLevel(options.confLevel ?? 0.95, 'hodgesLehmann');
  return hodgesLehmannWith(new PairwiseDifferences(xs, ys), xs, ys, options, null);
}

/** The shared body: `ranks` (of xs and ys pooled) when already known. */
function hodgesLehmannWith(diffs: PairwiseDifferences, xs: Float64Array, ys: Float64Array, options: HodgesLehmannOptions, known: TwoSampleRanks | null): HodgesLehmannResult {
  const confLevel = options.confLevel ?? 0.95;
  const alternative = options.alternative ?? 'two-sided';
  const requested = options.method ?? 'auto';
  const correct = options.correct ?? true;
  const m = xs.length;
  const n = ys.length;
  const common = { nCanary: m, nBaseline: n, confLevel, alternative };
  if (m === 0 || n === 0) {
    return {
      ...common,
      estimate: 0,
      rEstimate: 0,
      ci: [-Infinity, Infinity],
      ciSnapped: [-Infinity, Infinity],
      ciRanks: null,
      achievedConfidence: null,
      method: 'none',
      degenerate: 'empty-sample',
      note: `${m === 0 ? 'canary' : 'baseline'} sample is empty: no shift can be estimated; estimate 0 and an unbounded interval`,
    };
  }
  const ranks = known ?? diffs.ranks();
  const mn = m * n;
  const N = m + n;
  const sigma = Math.sqrt((mn / 12) * (N + 1 - ranks.tieTerm / (N * (N - 1))));
  if (!(sigma > 0)) {
    return {
      ...common,
      estimate: 0,
      rEstimate: 0,
      ci: [0, 0],
      ciSnapped: [0, 0],
      ciRanks: [1, mn],
      achievedConfidence: null,
      method: 'none',
      degenerate: 'all-tied',
      note: 'all values are tied: every difference is 0 (R stops with an error here)',
    };
  }
  const middle = medianRanks(mn);
  const alpha = 1 - confLevel;
  const small = m < EXACT_SAMPLE_LIMIT && n < EXACT_SAMPLE_LIMIT;
  const notes: string[] = [];

  let method: 'exact' | 'asymptotic' | 'order-statistic';
  if (requested === 'exact') {
    if (ranks.hasTies) {
      method = 'asymptotic';
      notes.push('ties: no exact interval (as R), used the asymptotic one');
    } else method = 'exact';
  } else if (requested === 'asymptotic' || requested === 'order-statistic') method = requested;
  else method = !ranks.hasTies && small ? 'exact' : 'order-statistic';

  /** The estimate and the bounds D_(kLow), D_(kHigh) (the open end ±∞), by one shared selection. */
  const orderStatistics = (kLow: number, kHigh: number): { estimate: number; lower: number; upper: number } => {
    const ks = [...middle];
    if (alternative !== 'less') ks.push(kLow);
    if (alternative !== 'greater') ks.push(kHigh);
    const values = diffs.selectMany(ks);
    let at = middle.length;
    return {
      estimate: medianOf(values.slice(0, middle.length)),
      lower: alternative === 'less' ? -Infinity : values[at++]!,
      upper: alternative === 'greater' ? Infinity : values[at]!,
    };
  };

  if (method === 'exact') {
    let k = 0;
    let achievedAlpha = 0;
    try {
      const oneSided = alternative !== 'two-sided';
      k = qwilcox(oneSided ? alpha : alpha / 2, m, n);
      if (k === 0) k = 1;
      achievedAlpha = (oneSided ? 1 : 2) * pwilcox(Math.trunc(k) - 1, m, n);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      method = 'order-statistic';
      notes.push(`exact distribution for m=${m}, n=${n} is over the computation budget`);
    }
    if (method === 'exact') {
      const { estimate, lower, upper } = orderStatistics(k, mn - k + 1);
      return {
        ...common,
        estimate,
        rEstimate: estimate,
        ci: [lower, upper],
        ciSnapped: [lower, upper],
        ciRanks: [k, mn - k + 1],
        achievedConfidence: 1 - achievedAlpha,
        method,
        degenerate: null,
        note: null,
      };
    }
  }

  if (method === 'asymptotic') {
    if (!Number.isFinite(xs[m - 1]! - ys[0]!) || !Number.isFinite(xs[0]! - ys[n - 1]!)) {
      method = 'order-statistic';
      notes.push('differences overflow: used the order-statistic form');
    } else {
      try {
        const r = rAsymptotic(xs, ys, confLevel, alternative, correct);
        const estimate = medianOf(diffs.selectMany(middle));
        if (r.estimate === null) notes.push("R's uniroot for the estimate fails here (all differences equal); rEstimate is the median");
        return {
          ...common,
          estimate,
          rEstimate: r.estimate ?? estimate,
          ci: r.ci,
          ciSnapped: [diffs.nearest(r.ci[0]), diffs.nearest(r.ci[1])],
          ciRanks: null,
          achievedConfidence: null,
          method,
          degenerate: null,
          note: notes.length > 0 ? notes.join('; ') : null,
        };
      } catch (e) {
        if (!(e instanceof AllTiedAtShift)) throw e;
        method = 'order-statistic';
        notes.push("R stops here (all observations tied at a shift inside the interval); used the order-statistic form");
      }
    }
  }

  const z = -normalQuantile(alternative === 'two-sided' ? alpha / 2 : alpha);
  const cc = correct ? 0.5 : 0;
  const kLow = Math.min(mn, Math.max(1, Math.ceil(mn / 2 - cc - z * sigma)));
  const kHigh = mn + 1 - kLow;
  const { estimate, lower, upper } = orderStatistics(kLow, kHigh);
  return {
    ...common,
    estimate,
    rEstimate: estimate,
    ci: [lower, upper],
    ciSnapped: [lower, upper],
    ciRanks: [kLow, kHigh],
    achievedConfidence: null,
    method: 'order-statistic',
    degenerate: null,
    note: notes.length > 0 ? notes.join('; ') : null,
  };
}

/* ------------------------------------------------------------------------------------------ */
/* Mann–Whitney and Hodges–Lehmann together                                                    */
/* ------------------------------------------------------------------------------------------ */

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
export function mannWhitneyHodgesLehmann(canary: ArrayLike<number>, baseline: ArrayLike<number>, options: MannWhitneyHodgesLehmannOptions = {}): MannWhitneyHodgesLehmannResult {
  checkConfLevel(options.hodgesLehmann?.confLevel ?? 0.95, 'mannWhitneyHodgesLehmann');
  const [xs, ys] = checkedSortedCopies(canary, baseline, 'mannWhitneyHodgesLehmann');
  return mannWhitneyHodgesLehmannSorted(xs, ys, options);
}

/** As {@link mannWhitneyHodgesLehmann} for samples already sorted ascending and finite (not checked). */
export function mannWhitneyHodgesLehmannSorted(xs: Float64Array, ys: Float64Array, options: MannWhitneyHodgesLehmannOptions = {}): MannWhitneyHodgesLehmannResult {
  const testOptions = options.mannWhitney ?? {};
  const shiftOptions = options.hodgesLehmann ?? {};
  checkConfLevel(shiftOptions.confLevel ?? 0.95, 'mannWhitneyHodgesLehmann');
  const diffs = new PairwiseDifferences(xs, ys);
  const ranks = mannWhitneyNeedsGroups(xs.length, ys.length, testOptions) ? twoSampleRanksSorted(xs, ys, true) : diffs.ranks();
  return {
    mannWhitney: mannWhitneyFromRanks(ranks, testOptions),
    hodgesLehmann: hodgesLehmannWith(diffs, xs, ys, shiftOptions, ranks),
  };
}

/* ------------------------------------------------------------------------------------------ */
/* Log scale                                                                                   */
/* ------------------------------------------------------------------------------------------ */

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
export function hodgesLehmannRatio(canary: ArrayLike<number>, baseline: ArrayLike<number>, options: HodgesLehmannOptions = {}): HodgesLehmannRatioResult {
  const toLog = (values: ArrayLike<number>, what: string): Float64Array => {
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (!(v > 0 && v < Infinity)) {
        throw new RangeError(`hodgesLehmannRatio: ${what}[${i}] = ${v}; the log-scale shift needs strictly positive finite values (use hodgesLehmann for data with zeros)`);
      }
      out[i] = Math.log(v);
    }
    return sortFloat64(out);
  };
  const log = hodgesLehmannSorted(toLog(canary, 'canary'), toLog(baseline, 'baseline'), options);
  return {
    ratio: Math.exp(log.estimate),
    rRatio: Math.exp(log.rEstimate),
    ci: [Math.exp(log.ci[0]), Math.exp(log.ci[1])],
    ciSnapped: [Math.exp(log.ciSnapped[0]), Math.exp(log.ciSnapped[1])],
    log,
  };
}
