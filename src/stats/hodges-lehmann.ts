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
import { checkedSortedCopies, medianOf, medianRanks, PairwiseDifferences } from './pairwise-differences.js';
import { rZeroin2 } from './r-zeroin.js';

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
/* R's uniroot (R_zeroin2) and wilcox.test's W(d)                                              */
/* ------------------------------------------------------------------------------------------ */

/** Thrown by W(d) where R stops ("cannot compute confidence interval when all observations are tied"). */
class AllTiedAtShift extends Error {}

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
