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
import { EXACT_SAMPLE_LIMIT, pwilcox, qwilcox, type Alternative } from './mann-whitney.js';
import { normalQuantile } from './normal.js';
import { twoSampleRanksSorted } from './ranks.js';

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

const SAMPLE_SIZE = 65536;
const ENUMERATE_MIN = 4096;

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
 * The m·n differences canary_i − baseline_j of two ascending samples, queried without
 * enumerating them: counts below a value, k-th smallest, nearest difference. Construct once per
 * pair of samples (O(n) copy of the reversed baseline); every query is O(m+n) or the expected
 * O((m+n) log(mn)) of {@link PairwiseDifferences.select}.
 */
export class PairwiseDifferences {
  readonly m: number;
  readonly n: number;
  /** m·n. */
  readonly size: number;
  private readonly xs: Float64Array;
  private readonly yd: Float64Array;

  /** Both arrays ascending, finite, no NaN (not checked here; see {@link checkedSortedCopy}). */
  constructor(canarySorted: Float64Array, baselineSorted: Float64Array) {
    this.xs = canarySorted;
    this.yd = Float64Array.from(baselineSorted).reverse();
    this.m = canarySorted.length;
    this.n = baselineSorted.length;
    this.size = this.m * this.n;
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
    return this.selectCore(k, false)[0];
  }

  /** [D_(k), D_(k+1)] (1 ≤ k < m·n), usually at the cost of one {@link select}. */
  selectPair(k: number): [number, number] {
    if (k >= this.size) throw new RangeError(`PairwiseDifferences.selectPair: k must be below ${this.size}`);
    return this.selectCore(k, true);
  }

  private selectCore(k: number, withNext: boolean): [number, number] {
    const { xs, yd, m, n, size } = this;
    if (!(Number.isInteger(k) && k >= 1 && k <= size)) throw new RangeError(`PairwiseDifferences.select: k must be an integer in [1, ${size}], got ${k}`);
    const lo = new Int32Array(m); // band of row i: columns [lo[i], hi[i])
    const hi = new Int32Array(m).fill(n);
    const cntA = new Int32Array(m);
    const cntB = new Int32Array(m);
    const cum = new Float64Array(m); // cum[i] = Σ_{r ≤ i} band width of row r
    for (let i = 0; i < m; i++) cum[i] = (i + 1) * n;
    const samples = size > Math.max(ENUMERATE_MIN, m + n) ? new Float64Array(SAMPLE_SIZE) : new Float64Array(0);
    const rand = mulberry32(0x2545f491 ^ (k % 0x7fffffff));
    const enumerateAt = Math.max(ENUMERATE_MIN, m + n);
    let below = 0; // differences left of every band: all smaller than D_(k)
    let active = size; // differences inside the bands: D_(k) is the (k − below)-th of them
    let stalled = false;
    while (active > enumerateAt) {
      // SAMPLE_SIZE stratified random positions among the candidates (ascending, so one walk over
      // `cum` maps them to (row, column)); their values are a sample of the candidate differences
      const step = active / SAMPLE_SIZE;
      let row = 0;
      for (let s = 0; s < SAMPLE_SIZE; s++) {
        const r = Math.min(active - 1, Math.floor((s + rand()) * step));
        while (cum[row]! <= r) row++;
        samples[s] = xs[row]! - yd[lo[row]! + r - (row > 0 ? cum[row - 1]! : 0)]!;
      }
      const target = k - below; // rank among the candidates, 1-based
      const frac = target / active;
      const f = ((target - 0.5) / active) * SAMPLE_SIZE;
      const spread = stalled ? 0 : 2.5 * Math.sqrt(SAMPLE_SIZE * frac * (1 - frac)) + 2;
      const iLo = Math.min(SAMPLE_SIZE - 1, Math.max(0, Math.floor(f - spread)));
      const iHi = stalled ? iLo : Math.min(SAMPLE_SIZE - 1, Math.max(0, Math.ceil(f + spread)));
      quickselect(samples, iLo, rand);
      if (iHi > iLo) quickselect(samples.subarray(iLo + 1), iHi - iLo - 1, rand);
      const pLo = samples[iLo]!;
      const pHi = samples[iHi]!;
      // cut the bands: [lo, hi) ∩ [#{< pLo}, #{≤ pHi}) in every row, or one side only when D_(k) is outside
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
      stalled = acc > active * 0.9; // e.g. a large tie around the target: single pivots next
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
    let following = Infinity; // everything after `at` is ≥ rest[at]: D_(k+1) is their minimum
    for (let i = at + 1; i < active; i++) if (rest[i]! < following) following = rest[i]!;
    return [rest[at]!, following];
  }

  /** D_(k+1) given v = D_(k): v again if tied, else the smallest difference above v. O(m+n). */
  next(k: number, v: number): number {
    if (k >= this.size) throw new RangeError(`PairwiseDifferences.next: k must be below ${this.size}`);
    const cnt = new Int32Array(this.m);
    if (this.count(v, false, cnt) >= k + 1) return v;
    let best = Infinity;
    for (let i = 0; i < this.m; i++) {
      const j = cnt[i]!;
      if (j < this.n) {
        const d = this.xs[i]! - this.yd[j]!;
        if (d < best) best = d;
      }
    }
    return best;
  }

  /** Median of the differences (mean of D_(mn/2) and D_(mn/2+1) when m·n is even). */
  median(): number {
    const size = this.size;
    if (size % 2 === 1) return this.select((size + 1) / 2);
    const [a, b] = this.selectPair(size / 2);
    return a / 2 + b / 2; // = (a+b)/2 without overflow for |a|, |b| near 1.8e308
  }

  /** The pairwise difference nearest to v (the smaller one on an exact tie of distances). O(m+n). */
  nearest(v: number): number {
    if (!Number.isFinite(v)) return v;
    const { m, n, xs, yd } = this;
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

/** Ascending copy for the Hodges–Lehmann functions: throws a RangeError on NaN or ±Infinity. */
export function checkedSortedCopy(values: ArrayLike<number>, what: string): Float64Array {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) throw new RangeError(`${what}: value at index ${i} is ${v}; Hodges–Lehmann needs finite values (drop missing samples first)`);
  }
  return Float64Array.from(values).sort();
}

/** D_(k) of canary − baseline (1-based k), by selection; O((m+n) log(m+n)) expected. */
export function kthPairwiseDifference(canary: ArrayLike<number>, baseline: ArrayLike<number>, k: number): number {
  return new PairwiseDifferences(checkedSortedCopy(canary, 'kthPairwiseDifference canary'), checkedSortedCopy(baseline, 'kthPairwiseDifference baseline')).select(k);
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

/**
 * Hodges–Lehmann shift canary − baseline with its confidence interval (see the file comment).
 * Throws a RangeError only for NaN/±Infinity samples or a confLevel outside (0, 1).
 *
 * Bench: `hodgesLehmann(x, y)` with x, y of 1e6 doubles each takes the 'order-statistic' path:
 * two Float64Array sorts, one merge for the tie term, `selectPair` for the median and two
 * `select`s for the bounds.
 */
export function hodgesLehmann(canary: ArrayLike<number>, baseline: ArrayLike<number>, options: HodgesLehmannOptions = {}): HodgesLehmannResult {
  return hodgesLehmannSorted(checkedSortedCopy(canary, 'hodgesLehmann canary'), checkedSortedCopy(baseline, 'hodgesLehmann baseline'), options);
}

/** As {@link hodgesLehmann} for samples already sorted ascending and finite (not checked). */
export function hodgesLehmannSorted(xs: Float64Array, ys: Float64Array, options: HodgesLehmannOptions = {}): HodgesLehmannResult {
  const confLevel = options.confLevel ?? 0.95;
  const alternative = options.alternative ?? 'two-sided';
  const requested = options.method ?? 'auto';
  const correct = options.correct ?? true;
  if (!(confLevel > 0 && confLevel < 1)) throw new RangeError(`hodgesLehmann: confLevel must be in (0, 1), got ${confLevel}`);
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
  const ranks = twoSampleRanksSorted(xs, ys);
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
  const diffs = new PairwiseDifferences(xs, ys);
  const estimate = diffs.median();
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

  if (method === 'exact') {
    try {
      const oneSided = alternative !== 'two-sided';
      let k = qwilcox(oneSided ? alpha : alpha / 2, m, n);
      if (k === 0) k = 1;
      const achievedAlpha = (oneSided ? 1 : 2) * pwilcox(Math.trunc(k) - 1, m, n);
      const lower = alternative === 'less' ? -Infinity : diffs.select(k);
      const upper = alternative === 'greater' ? Infinity : diffs.select(mn - k + 1);
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
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      method = 'order-statistic';
      notes.push(`exact distribution for m=${m}, n=${n} is over the computation budget`);
    }
  }

  if (method === 'asymptotic') {
    if (!Number.isFinite(xs[m - 1]! - ys[0]!) || !Number.isFinite(xs[0]! - ys[n - 1]!)) {
      method = 'order-statistic';
      notes.push('differences overflow: used the order-statistic form');
    } else {
      try {
        const r = rAsymptotic(xs, ys, confLevel, alternative, correct);
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
  const lower = alternative === 'less' ? -Infinity : diffs.select(kLow);
  const upper = alternative === 'greater' ? Infinity : diffs.select(kHigh);
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
    return out.sort();
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
