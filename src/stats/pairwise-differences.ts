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
import { sortFloat64, twoSampleRanksSorted, type TwoSampleRanks } from './ranks.js';
import { mulberry32 } from './seeded-random.js';

/* ------------------------------------------------------------------------------------------ */
/* Selection of pairwise differences                                                           */
/* ------------------------------------------------------------------------------------------ */

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
 * Smaller samples cost fewer random probes than the extra exact counts they may need: 2048/8192
 * beat 16384/65536 on 1e4 and 1e6 values per side, continuous or at 0.1 ms resolution (results are
 * exact either way; the samples only decide which counts are made).
 * @internal
 */
export const selectionTuning = { sampleOpen: 2048, sampleBand: 8192, enumerateMax: 65536 };
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
export function medianRanks(size: number): number[] {
  return size % 2 === 1 ? [(size + 1) / 2] : [size / 2, size / 2 + 1];
}

/** The median from the values at {@link medianRanks}: (a+b)/2 without overflow near ±1.8e308. */
export function medianOf(values: readonly number[]): number {
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
export function checkedSortedCopies(canary: ArrayLike<number>, baseline: ArrayLike<number>, what: string): [Float64Array, Float64Array] {
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

