/**
 * Checks src/stats against R (test/stats/extra/r-reference.json, written by
 * scripts/reference/generate.R with R 4.2.2 and coin 1.4.2; the tests only read the JSON).
 *
 * Orientation: canary is R's x (wilcox.test, t.test) and the first row / first count of the 2×2
 * tables (fisher.test, poisson.test, prop.test); 'greater' means canary larger.
 *
 * Tolerances (relative unless said otherwise; each is the loosest the comparison needs, chosen
 * from what R itself guarantees, and the worst error actually seen is printed at the end):
 * - TOL.exactP 1e-9: exact p-values (pwilcox, coin, fisher, binom/poisson) — sums of exact
 *   probabilities; ours and R's differ only by the rounding of the terms.
 * - TOL.largeFisherP 1e-7: Fisher p with totals ≥ 1e5 — our log-binomial coefficients come from
 *   logGamma(1e6) ≈ 1.3e7, whose absolute rounding (~1e-9) is a relative error in each term.
 * - TOL.asymptoticP 1e-9: normal-approximation p-values (Mann–Whitney, prop.test): same z to a
 *   few ulps, then an accurate normal tail on both sides.
 * - TOL.tP 1e-9: t-test p (same t and df to ~1e-15, accurate t tails on both sides).
 * - TOL.stat 1e-12: statistics computed in closed form (t, df, chi², z², Welch interval, prop.test
 *   interval, Wilson bounds, rate ratio, power.prop.test closed form, mad).
 * - TOL.dist 1e-12: distribution functions pnorm/pt/pbeta/pbinom/dbinom and the quantiles
 *   qnorm/qt/qbeta/Clopper–Pearson (R's are accurate to ~1e-14 there; ours claim ≲ 1e-13).
 *   Results below 1e-300 also pass within an absolute 1e-310 (subnormal resolution).
 * - TOL.rNormalApprox 1e-6: pt for df > 4e5, where R uses a normal approximation (ours doesn't).
 * - TOL.uniroot: values R finds with uniroot — Fisher's conditional MLE and interval (tol
 *   eps^0.25 on the odds-ratio scale t ∈ (0, 1]); ours replays R's zeroin step for step, so the
 *   iterates agree to the rounding of the function values: relative 1e-6.
 * - HL asymptotic interval and estimate (wilcox.test exact = FALSE): R's uniroot has absolute tol
 *   1e-4, so R's bound is only within ~1e-4 of the jump of the step function: `ci` and `rEstimate`
 *   within absolute 1e-3 (TOL.hlUniroot), and `ciSnapped` must equal R's bound snapped to the
 *   nearest pairwise difference exactly.
 * - HL exact interval: the bounds are the same double subtraction x_i − y_j: exact equality; the
 *   estimate (mean of two middle differences) within 1 ulp (relative 1e-15).
 * - power.prop.test n: R's uniroot (tol eps^0.25 ≈ 1.2e-4 absolute on n): absolute 1e-3.
 * - p.adjust and quantile(type 7): relative 1e-14 (the same few floating-point operations).
 * - TOL.meanUlps 4 ulps of each mean, added to the t-test's t and interval tolerances (cancellation
 *   of nearly equal means; see the t13 note below).
 * - TOL.rDbinom 1e-11 for dbinom: R's dbinom (Loader's saddle point) is itself only ~1e-12 accurate
 *   far in the tail at n = 1e6 — dbinom(975909, 1e6, 0.97): R off by 1.35e-12, ours by 4.3e-14
 *   against a 50-digit mpmath value.
 * - Mann–Whitney/HL order-statistic interval: equal to the exact sign change of R's W(d) − z_q
 *   without ties; within one distinct pairwise difference of it with ties (as documented).
 * Known disagreements are listed in KNOWN_DISAGREEMENTS and run as `it.fails`.
 * `R_REFERENCE_REPORT=1 npx vitest run test/stats/extra` prints the worst error per function.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  betaQuantile,
  betaQuantileComplement,
  regularizedIncompleteBeta,
  regularizedIncompleteBetaComplement,
} from '../../../src/stats/beta.js';
import { binomialCdf, binomialPmf, binomialSf, clopperPearson, wilsonInterval } from '../../../src/stats/binomial.js';
import { fisherExact } from '../../../src/stats/fisher.js';
import { hodgesLehmann } from '../../../src/stats/hodges-lehmann.js';
import { mannWhitney, type Alternative } from '../../../src/stats/mann-whitney.js';
import { adjustPValues, type PAdjustMethod } from '../../../src/stats/multiple-testing.js';
import { normalCdf, normalQuantile, normalSf } from '../../../src/stats/normal.js';
import { binomialTwoSided, poissonRateRatio } from '../../../src/stats/poisson-rate.js';
import { propTestYates, twoProportionZ } from '../../../src/stats/proportions.js';
import { quantiles } from '../../../src/stats/quantile.js';
import { mad } from '../../../src/stats/robust.js';
import { sampleSizeTwoProportions } from '../../../src/stats/sample-size.js';
import { studentTCdf, studentTQuantile, studentTSf } from '../../../src/stats/student-t.js';
import { pooledTTest, welchTTest } from '../../../src/stats/welch.js';

/* ------------------------------------------------------------------------------------------ */
/* JSON and comparison helpers                                                                */
/* ------------------------------------------------------------------------------------------ */

type Num = number | string | null;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const ref: any = JSON.parse(readFileSync(new URL('./r-reference.json', import.meta.url), 'utf8'));

/** JSON number, or "Infinity"/"-Infinity"/"NaN" strings, or null (R's NA) → NaN. */
const num = (v: Num): number => (v === null ? NaN : typeof v === 'string' ? Number(v) : v);
const nums = (v: readonly Num[]): number[] => v.map(num);
const alt = (a: string): Alternative => (a === 'two.sided' ? 'two-sided' : (a as Alternative));

const TOL = {
  exactP: 1e-9,
  largeFisherP: 1e-7,
  asymptoticP: 1e-9,
  tP: 1e-9,
  stat: 1e-12,
  dist: 1e-12,
  rNormalApprox: 1e-6,
  uniroot: 1e-6,
  hlUniroot: 1e-3,
  powerUniroot: 1e-3,
  exactOrder: 1e-15,
  sameOps: 1e-14,
  meanUlps: 4,
  rDbinom: 1e-11,
} as const;

interface Worst {
  err: number;
  kind: 'rel' | 'abs';
  label: string;
  ours: number;
  r: number;
  cases: number;
}
const worst = new Map<string, Worst>();
const counted = new Set<string>();

/** Relative error |a − e|/|e| (0 when both are the same, including equal infinities and NaN). */
function relErr(a: number, e: number): number {
  if (a === e || (Number.isNaN(a) && Number.isNaN(e))) return 0;
  if (!Number.isFinite(a) || !Number.isFinite(e)) return Infinity;
  return e === 0 ? Math.abs(a) : Math.abs(a - e) / Math.abs(e);
}
function absErr(a: number, e: number): number {
  if (a === e || (Number.isNaN(a) && Number.isNaN(e))) return 0;
  if (!Number.isFinite(a) || !Number.isFinite(e)) return Infinity;
  return Math.abs(a - e);
}

function record(fn: string, caseId: string, err: number, kind: 'rel' | 'abs', label: string, ours: number, r: number): void {
  const key = `${fn} [${kind}]`;
  const w = worst.get(key) ?? { err: -1, kind, label: '', ours: NaN, r: NaN, cases: 0 };
  if (!counted.has(`${key}|${caseId}`)) {
    counted.add(`${key}|${caseId}`);
    w.cases++;
  }
  if (err > w.err) Object.assign(w, { err, label: `${caseId} ${label}`, ours, r });
  worst.set(key, w);
}

/**
 * Asserts ours ≈ R within rtol (relative) or atol (absolute), records the error under `fn`.
 * `fn` names our function, `caseId` the JSON case, `label` the quantity.
 */
function check(fn: string, caseId: string, label: string, ours: number, r: number, rtol: number, atol = 0): void {
  const rel = relErr(ours, r);
  const abs = absErr(ours, r);
  record(fn, caseId, atol > 0 && rtol === 0 ? abs : rel, atol > 0 && rtol === 0 ? 'abs' : 'rel', label, ours, r);
  if (!(rel <= rtol || abs <= atol)) {
    throw new Error(`${fn} ${caseId} ${label}: ours ${ours} vs R ${r} (rel ${rel.toExponential(2)}, abs ${abs.toExponential(2)}; rtol ${rtol}, atol ${atol})`);
  }
}

/** Dist-function comparison: relative, with the subnormal floor. */
const checkDist = (fn: string, caseId: string, label: string, ours: number, r: number, rtol: number = TOL.dist): void =>
  check(fn, caseId, label, ours, r, rtol, 1e-310);

/**
 * Cases where our result differs from R's beyond tolerance; each runs as `it.fails` (so the suite
 * notices when it gets fixed). Key: the test name. See the comment on each entry.
 */
const KNOWN_DISAGREEMENTS = new Map<string, string>([
  [
    // x = c(33, 4.4, 3.4, 0, 0, 5.8, 0, 0, 0), y = c(6.3, 0, 0, 0, 0, 0, 0, 0, 0, 26.5, 7.8) (60 % zeros).
    // R wilcox.test(x, y, conf.int = TRUE, conf.level = 0.98, exact = FALSE): [-3.399996, 4.400032]
    // (snapped -3.4, 4.4). hodgesLehmann(x, y, { confLevel: 0.98 }) ('auto' → 'order-statistic'):
    // [-1.9, 4.4], ranks [23, 77]: the lower bound is 3 distinct differences (-3.4, -2.9, -2.0,
    // -1.9) inside R's, not the "at most one" hodges-lehmann.ts documents. Cause: the closed form
    // uses σ of the original pooled sample (many tied zeros, small σ) where R's W(d) re-ranks
    // c(x − d, y), whose ties at d ≠ 0 are fewer (larger σ). method: 'asymptotic' gives R's numbers.
    'w22_zero_inflated_9x11 two.sided 0.98 order-statistic vs R W(d) jump correct=true',
    'order-statistic interval with heavy ties is 3 distinct differences narrower than R (lower -1.9 vs -3.4)',
  ],
]);

/** `it`, or `it.fails` for a known disagreement. */
function caseIt(name: string, body: () => void): void {
  if (KNOWN_DISAGREEMENTS.has(name)) it.fails(`${name} — KNOWN DISAGREEMENT: ${KNOWN_DISAGREEMENTS.get(name)}`, body);
  else it(name, body);
}

afterAll(() => {
  const rows = [...worst.entries()].sort(([a], [b]) => a.localeCompare(b));
  const lines = rows.map(([k, w]) => `${k.padEnd(52)} cases ${String(w.cases).padStart(4)}  worst ${w.err.toExponential(2)}  at ${w.label} (ours ${w.ours}, R ${w.r})`);
  if (process.env.R_REFERENCE_REPORT) console.log(`\nR reference: worst error per function\n${lines.join('\n')}`);
});

/* ------------------------------------------------------------------------------------------ */
/* wilcox.test, coin, Hodges–Lehmann                                                           */
/* ------------------------------------------------------------------------------------------ */

interface Sample {
  id: string;
  ties: boolean;
  x: Num[];
  y: Num[];
}
const wilcoxSamples = new Map<string, { x: number[]; y: number[]; ties: boolean }>(
  (ref.wilcox.samples as Sample[]).map((s) => [s.id, { x: nums(s.x), y: nums(s.y), ties: s.ties }]),
);
const sampleOf = (id: string) => {
  const s = wilcoxSamples.get(id);
  if (!s) throw new Error(`no sample ${id}`);
  return s;
};

/**
 * How many distinct pairwise differences x_i − y_j lie between a and b (0 = the same value). Values
 * within a relative 1e-9 count as one: x_i − y_j of decimal data gives near-duplicate doubles for
 * the same decimal difference (1.4 and 1.4000000000000001), which R's rank() then treats as ties
 * or not depending on the pair.
 */
function distinctSteps(x: readonly number[], y: readonly number[], a: number, b: number): number {
  if (a === b) return 0;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Infinity;
  const d = Float64Array.from(x.flatMap((xi) => y.map((yj) => xi - yj))).sort();
  const same = (u: number, v: number): boolean => Math.abs(u - v) <= 1e-9 * Math.max(1, Math.abs(u), Math.abs(v));
  const cluster = new Int32Array(d.length);
  for (let i = 1; i < d.length; i++) cluster[i] = cluster[i - 1]! + (same(d[i]!, d[i - 1]!) ? 0 : 1);
  const at = (v: number): number => {
    const i = d.findIndex((u) => same(u, v));
    if (i < 0) throw new Error(`${v} is not a pairwise difference`);
    return cluster[i]!;
  };
  return Math.abs(at(a) - at(b));
}

describe('mannWhitney vs R wilcox.test', () => {
  interface WT {
    sample: string;
    alternative: string;
    exact: boolean;
    correct: boolean | null;
    W: number;
    p: number;
  }
  for (const c of ref.wilcox.tests as WT[]) {
    const name = `${c.sample} ${c.alternative} ${c.exact ? 'exact' : `asymptotic correct=${c.correct}`}`;
    caseIt(name, () => {
      const { x, y } = sampleOf(c.sample);
      const r = mannWhitney(x, y, { alternative: alt(c.alternative), method: c.exact ? 'exact' : 'asymptotic', correct: c.correct ?? true });
      expect(r.method).toBe(c.exact ? 'exact' : 'asymptotic');
      check('mannWhitney.uCanary', name, 'W', r.uCanary, c.W, 0);
      check(c.exact ? 'mannWhitney p (exact)' : 'mannWhitney p (asymptotic)', name, 'p', r.p, c.p, c.exact ? TOL.exactP : TOL.asymptoticP);
    });
  }
});

describe('mannWhitney exact / exact-conditional vs coin::wilcox_test(distribution = "exact")', () => {
  interface CoinCase {
    sample: string;
    alternative: string;
    ties: boolean;
    p: number;
  }
  for (const c of ref.wilcox.coin as CoinCase[]) {
    const name = `${c.sample} ${c.alternative} coin exact`;
    caseIt(name, () => {
      const { x, y } = sampleOf(c.sample);
      const r = mannWhitney(x, y, { alternative: alt(c.alternative), method: 'exact' });
      expect(r.method).toBe(c.ties ? 'exact-conditional' : 'exact');
      check(c.ties ? 'mannWhitney p (exact-conditional, coin)' : 'mannWhitney p (exact, coin)', name, 'p', r.p, c.p, TOL.exactP);
    });
  }
});

describe('hodgesLehmann vs R wilcox.test(conf.int = TRUE)', () => {
  interface CiCase {
    sample: string;
    alternative: string;
    conf_level: number;
    exact: boolean;
    correct: boolean | null;
    estimate: Num;
    lower: Num;
    upper: Num;
    lower_snapped?: Num;
    upper_snapped?: Num;
    median_diff?: Num;
    lower_jump?: Num;
    upper_jump?: Num;
  }
  for (const c of ref.wilcox.conf_int as CiCase[]) {
    const base = `${c.sample} ${c.alternative} ${c.conf_level}`;
    const { x, y, ties } = sampleOf(c.sample);
    const options = { confLevel: c.conf_level, alternative: alt(c.alternative), correct: c.correct ?? true };
    if (c.exact) {
      const name = `${base} exact`;
      caseIt(name, () => {
        const r = hodgesLehmann(x, y, { ...options, method: 'exact' });
        expect(r.method).toBe('exact');
        check('hodgesLehmann exact estimate', name, 'estimate', r.estimate, num(c.estimate), TOL.exactOrder);
        check('hodgesLehmann exact ci', name, 'lower', r.ci[0], num(c.lower), 0);
        check('hodgesLehmann exact ci', name, 'upper', r.ci[1], num(c.upper), 0);
        if (x.length < 50 && y.length < 50) expect(hodgesLehmann(x, y, options).ci).toEqual(r.ci); // 'auto' picks exact like R
      });
      continue;
    }
    const name = `${base} asymptotic correct=${c.correct}`;
    caseIt(name, () => {
      const r = hodgesLehmann(x, y, { ...options, method: 'asymptotic' });
      expect(r.method).toBe('asymptotic');
      check('hodgesLehmann estimate (median) vs R median(diffs)', name, 'median', r.estimate, num(c.median_diff!), TOL.exactOrder);
      check('hodgesLehmann asymptotic rEstimate (uniroot)', name, 'estimate', r.rEstimate, num(c.estimate), 0, TOL.hlUniroot);
      check('hodgesLehmann asymptotic ci (uniroot)', name, 'lower', r.ci[0], num(c.lower), 0, TOL.hlUniroot);
      check('hodgesLehmann asymptotic ci (uniroot)', name, 'upper', r.ci[1], num(c.upper), 0, TOL.hlUniroot);
      check('hodgesLehmann asymptotic ciSnapped', name, 'lower snapped', r.ciSnapped[0], num(c.lower_snapped!), 0);
      check('hodgesLehmann asymptotic ciSnapped', name, 'upper snapped', r.ciSnapped[1], num(c.upper_snapped!), 0);
    });
    // The closed-form order-statistic interval ('auto' with ties or ≥ 50 per side) against the
    // exact sign change of R's own W(d) − z_q (found in the generator by bisection over the sorted
    // differences, `*_jump`). Without ties they must be the same double. With ties R re-counts the
    // ties of c(x − d, y) at every d; hodges-lehmann.ts documents that this "can move a bound by one
    // distinct difference value", so with ties the bound must be within one distinct value of R's.
    const nameOs = `${base} order-statistic vs R W(d) jump correct=${c.correct}`;
    caseIt(nameOs, () => {
      const r = hodgesLehmann(x, y, { ...options, method: 'order-statistic' });
      if (!ties) {
        check('hodgesLehmann order-statistic ci vs R jump (no ties)', nameOs, 'lower', r.ci[0], num(c.lower_jump!), 0);
        check('hodgesLehmann order-statistic ci vs R jump (no ties)', nameOs, 'upper', r.ci[1], num(c.upper_jump!), 0);
        return;
      }
      const fn = 'hodgesLehmann order-statistic ci vs R jump (ties), distinct-value steps';
      const steps = (ours: number, rv: number, label: string): void => {
        const k = distinctSteps(x, y, ours, rv);
        record(fn, nameOs, k, 'abs', label, ours, rv);
        if (k > 1) throw new Error(`${fn} ${nameOs} ${label}: ours ${ours} vs R ${rv} are ${k} distinct pairwise differences apart (documented: at most 1)`);
      };
      steps(r.ci[0], num(c.lower_jump!), 'lower');
      steps(r.ci[1], num(c.upper_jump!), 'upper');
    });
  }
});

/* ------------------------------------------------------------------------------------------ */
/* t.test                                                                                      */
/* ------------------------------------------------------------------------------------------ */

describe('welchTTest / pooledTTest vs R t.test', () => {
  const samples = new Map<string, { x: number[]; y: number[] }>((ref.t_test.samples as Sample[]).map((s) => [s.id, { x: nums(s.x), y: nums(s.y) }]));
  interface TCase {
    sample: string;
    var_equal: boolean;
    alternative: string;
    conf_level: number;
    t: number;
    df: number;
    p: number;
    lower: Num;
    upper: Num;
    mean_x: number;
    mean_y: number;
    stderr: number;
  }
  for (const c of ref.t_test.cases as TCase[]) {
    const fn = c.var_equal ? 'pooledTTest' : 'welchTTest';
    const name = `${c.sample} ${fn} ${c.alternative} ${c.conf_level}`;
    caseIt(name, () => {
      const { x, y } = samples.get(c.sample)!;
      const r = (c.var_equal ? pooledTTest : welchTTest)(x, y, { alternative: alt(c.alternative), confidence: c.conf_level });
      // t = (x̄ − ȳ)/se: a difference of one ulp in a mean moves t by ulp(|x̄|)/se, which is large
      // when the means nearly cancel (t13: means ≈ 100, difference 4.5e-4), so allow a few ulps of
      // each mean besides TOL.stat (TOL.meanUlps). On t13 our mean of x is 1 ulp above R's (R's
      // mean() adds a correction pass, ours is compensated summation then one division), which moves
      // t, p and the interval by ~3.5e-11 relative; exact rational arithmetic gives t =
      // 0.89356343467101, R 0.89356343467406, ours 0.89356343470213.
      const ulpsOfMeans = (TOL.meanUlps * Number.EPSILON * (Math.abs(c.mean_x) + Math.abs(c.mean_y))) / c.stderr;
      check(`${fn} t`, name, 't', r.t, c.t, TOL.stat, ulpsOfMeans);
      check(`${fn} means`, name, 'mean x', r.meanCanary, c.mean_x, TOL.meanUlps * Number.EPSILON);
      check(`${fn} means`, name, 'mean y', r.meanBaseline, c.mean_y, TOL.meanUlps * Number.EPSILON);
      check(`${fn} df`, name, 'df', r.df, c.df, TOL.stat);
      check(`${fn} stdErr`, name, 'stderr', r.stdErr, c.stderr, TOL.stat);
      check(`${fn} p`, name, 'p', r.p, c.p, TOL.tP);
      // interval ends: relative to the interval's scale (mean difference ± q·se cancels near 0)
      const scale = TOL.stat * (Math.abs(c.mean_x - c.mean_y) + c.stderr) + TOL.meanUlps * Number.EPSILON * (Math.abs(c.mean_x) + Math.abs(c.mean_y));
      check(`${fn} ci`, name, 'lower', r.ci[0], num(c.lower), TOL.stat, scale);
      check(`${fn} ci`, name, 'upper', r.ci[1], num(c.upper), TOL.stat, scale);
    });
  }
});

/* ------------------------------------------------------------------------------------------ */
/* 2×2 tables                                                                                  */
/* ------------------------------------------------------------------------------------------ */

interface TableCase {
  canary_errors: number;
  canary_total: number;
  baseline_errors: number;
  baseline_total: number;
  conf_level: number;
}
const tableId = (c: TableCase): string => `${c.canary_errors}/${c.canary_total} vs ${c.baseline_errors}/${c.baseline_total} @${c.conf_level}`;

describe('fisherExact vs R fisher.test', () => {
  interface FCase extends TableCase {
    p_two_sided: number;
    p_greater: number;
    p_less: number;
    odds_ratio: Num;
    lower: Num;
    upper: Num;
  }
  for (const c of ref.fisher as FCase[]) {
    const name = `fisher ${tableId(c)}`;
    caseIt(name, () => {
      const r = fisherExact(c.canary_errors, c.canary_total, c.baseline_errors, c.baseline_total, c.conf_level);
      const tol = Math.max(c.canary_total, c.baseline_total) >= 1e5 ? TOL.largeFisherP : TOL.exactP;
      check('fisherExact p', name, 'two-sided', r.pTwoSided, c.p_two_sided, tol);
      check('fisherExact p', name, 'greater', r.pGreater, c.p_greater, tol);
      check('fisherExact p', name, 'less', r.pLess, c.p_less, tol);
      check('fisherExact oddsRatio (uniroot)', name, 'odds ratio', r.oddsRatio, num(c.odds_ratio), TOL.uniroot);
      check('fisherExact ci (uniroot)', name, 'lower', r.ci[0], num(c.lower), TOL.uniroot);
      check('fisherExact ci (uniroot)', name, 'upper', r.ci[1], num(c.upper), TOL.uniroot);
    });
  }
});

describe('poissonRateRatio vs R poisson.test', () => {
  interface PCase extends TableCase {
    p_two_sided: number;
    p_greater: number;
    p_less: number;
    rate_ratio: Num;
    lower: Num;
    upper: Num;
  }
  for (const c of ref.poisson as PCase[]) {
    const name = `poisson ${tableId(c)}`;
    caseIt(name, () => {
      const r = poissonRateRatio(c.canary_errors, c.canary_total, c.baseline_errors, c.baseline_total, c.conf_level);
      check('poissonRateRatio p', name, 'two-sided', r.pTwoSided, c.p_two_sided, TOL.exactP);
      check('poissonRateRatio p', name, 'greater', r.pGreater, c.p_greater, TOL.exactP);
      check('poissonRateRatio p', name, 'less', r.pLess, c.p_less, TOL.exactP);
      check('poissonRateRatio rateRatio', name, 'rate ratio', r.rateRatio, num(c.rate_ratio), TOL.stat);
      check('poissonRateRatio ci', name, 'lower', r.ci[0], num(c.lower), TOL.dist, 1e-300);
      check('poissonRateRatio ci', name, 'upper', r.ci[1], num(c.upper), TOL.dist);
    });
  }
});

describe('propTestYates / twoProportionZ vs R prop.test (two samples)', () => {
  interface PropCase extends TableCase {
    correct: boolean;
    chisq: number;
    p_two_sided: number;
    p_greater: number;
    p_less: number;
    lower: number;
    upper: number;
  }
  for (const c of ref.prop_test_two_sample as PropCase[]) {
    const name = `prop.test ${tableId(c)} correct=${c.correct}`;
    caseIt(name, () => {
      if (c.correct) {
        const r = propTestYates(c.canary_errors, c.canary_total, c.baseline_errors, c.baseline_total, c.conf_level);
        check('propTestYates chisq', name, 'chisq', r.chisq, c.chisq, TOL.stat, 1e-15);
        check('propTestYates p', name, 'two-sided', r.pTwoSided, c.p_two_sided, TOL.asymptoticP);
        check('propTestYates p', name, 'greater', r.pGreater, c.p_greater, TOL.asymptoticP);
        check('propTestYates p', name, 'less', r.pLess, c.p_less, TOL.asymptoticP);
        const width = c.upper - c.lower;
        check('propTestYates ciDiff', name, 'lower', r.ciDiff[0], c.lower, TOL.stat, TOL.stat * width);
        check('propTestYates ciDiff', name, 'upper', r.ciDiff[1], c.upper, TOL.stat, TOL.stat * width);
      } else {
        const r = twoProportionZ(c.canary_errors, c.canary_total, c.baseline_errors, c.baseline_total);
        check('twoProportionZ z² vs chisq', name, 'z²', r.z * r.z, c.chisq, TOL.stat, 1e-15);
        check('twoProportionZ p', name, 'two-sided', r.pTwoSided, c.p_two_sided, TOL.asymptoticP);
        check('twoProportionZ p', name, 'greater', r.pGreater, c.p_greater, TOL.asymptoticP);
        check('twoProportionZ p', name, 'less', r.pLess, c.p_less, TOL.asymptoticP);
      }
    });
  }
});

/* ------------------------------------------------------------------------------------------ */
/* One proportion                                                                              */
/* ------------------------------------------------------------------------------------------ */

describe('clopperPearson / binomialTwoSided / binomial tails vs R binom.test', () => {
  interface BCase {
    x: number;
    n: number;
    p0: number;
    conf_level: number;
    p_two_sided: number;
    p_greater: number;
    p_less: number;
    lower: number;
    upper: number;
    lower_one_sided: number;
    upper_one_sided: number;
  }
  for (const c of ref.binom_test as BCase[]) {
    const name = `binom.test ${c.x}/${c.n} p0=${c.p0} @${c.conf_level}`;
    caseIt(name, () => {
      check('binomialTwoSided', name, 'two-sided', binomialTwoSided(c.x, c.n, c.p0), c.p_two_sided, TOL.exactP);
      check('binomialSf(x − 1) (binom.test greater)', name, 'greater', binomialSf(c.x - 1, c.n, c.p0), c.p_greater, TOL.exactP);
      check('binomialCdf (binom.test less)', name, 'less', binomialCdf(c.x, c.n, c.p0), c.p_less, TOL.exactP);
      const two = clopperPearson(c.x, c.n, c.conf_level, 2);
      const one = clopperPearson(c.x, c.n, c.conf_level, 1);
      checkDist('clopperPearson', name, 'lower', two.lower, c.lower);
      checkDist('clopperPearson', name, 'upper', two.upper, c.upper);
      checkDist('clopperPearson sides=1', name, 'lower', one.lower, c.lower_one_sided);
      checkDist('clopperPearson sides=1', name, 'upper', one.upper, c.upper_one_sided);
    });
  }
});

describe('wilsonInterval vs R prop.test(x, n, correct = FALSE)', () => {
  interface WCase {
    x: number;
    n: number;
    conf_level: number;
    lower: number;
    upper: number;
    lower_one_sided: number;
    upper_one_sided: number;
  }
  for (const c of ref.wilson as WCase[]) {
    const name = `wilson ${c.x}/${c.n} @${c.conf_level}`;
    caseIt(name, () => {
      const two = wilsonInterval(c.x, c.n, c.conf_level, 2);
      const one = wilsonInterval(c.x, c.n, c.conf_level, 1);
      check('wilsonInterval', name, 'lower', two.lower, c.lower, TOL.stat, 1e-300);
      check('wilsonInterval', name, 'upper', two.upper, c.upper, TOL.stat);
      check('wilsonInterval sides=1', name, 'lower', one.lower, c.lower_one_sided, TOL.stat, 1e-300);
      check('wilsonInterval sides=1', name, 'upper', one.upper, c.upper_one_sided, TOL.stat);
    });
  }
});

/* ------------------------------------------------------------------------------------------ */
/* Distribution functions                                                                      */
/* ------------------------------------------------------------------------------------------ */

describe('normal vs R pnorm / qnorm', () => {
  for (const c of ref.pnorm as { z: number; lower: number; upper: number }[]) {
    const name = `pnorm(${c.z})`;
    caseIt(name, () => {
      checkDist('normalCdf', name, 'lower', normalCdf(c.z), c.lower);
      checkDist('normalSf', name, 'upper', normalSf(c.z), c.upper);
    });
  }
  for (const c of ref.qnorm as { p: number; lower: number; upper: number }[]) {
    const name = `qnorm(${c.p})`;
    caseIt(name, () => {
      checkDist('normalQuantile', name, 'lower', normalQuantile(c.p), c.lower);
      checkDist('−normalQuantile (upper tail)', name, 'upper', -normalQuantile(c.p), c.upper);
    });
  }
});

describe('student t vs R pt / qt', () => {
  for (const c of ref.pt as { t: number; df: number; lower: number; upper: number; r_normal_approx?: boolean }[]) {
    const name = `pt(${c.t}, ${c.df})`;
    const tol = c.r_normal_approx ? TOL.rNormalApprox : TOL.dist;
    const suffix = c.r_normal_approx ? ' (R normal approx, df > 4e5)' : '';
    caseIt(name, () => {
      checkDist(`studentTCdf${suffix}`, name, 'lower', studentTCdf(c.t, c.df), c.lower, tol);
      checkDist(`studentTSf${suffix}`, name, 'upper', studentTSf(c.t, c.df), c.upper, tol);
    });
  }
  for (const c of ref.qt as { p: number; df: number; q: number }[]) {
    const name = `qt(${c.p}, ${c.df})`;
    caseIt(name, () => checkDist('studentTQuantile', name, 'q', studentTQuantile(c.p, c.df), c.q));
  }
});

describe('beta vs R pbeta / qbeta', () => {
  for (const c of ref.pbeta as { x: number; a: number; b: number; lower: number; upper: number }[]) {
    const name = `pbeta(${c.x}, ${c.a}, ${c.b})`;
    caseIt(name, () => {
      checkDist('regularizedIncompleteBeta', name, 'lower', regularizedIncompleteBeta(c.x, c.a, c.b), c.lower);
      checkDist('regularizedIncompleteBetaComplement', name, 'upper', regularizedIncompleteBetaComplement(c.x, c.a, c.b), c.upper);
    });
  }
  for (const c of ref.qbeta as { p: number; a: number; b: number; lower: number; upper: number }[]) {
    const name = `qbeta(${c.p}, ${c.a}, ${c.b})`;
    caseIt(name, () => {
      checkDist('betaQuantile', name, 'lower', betaQuantile(c.p, c.a, c.b), c.lower);
      checkDist('betaQuantileComplement', name, 'upper', betaQuantileComplement(c.p, c.a, c.b), c.upper);
    });
  }
});

describe('binomial vs R dbinom / pbinom', () => {
  for (const c of ref.binom_dist as { k: number; n: number; p: number; pmf: number; lower: number; upper: number }[]) {
    const name = `pbinom(${c.k}, ${c.n}, ${c.p})`;
    caseIt(name, () => {
      checkDist('binomialPmf', name, 'pmf', binomialPmf(c.k, c.n, c.p), c.pmf, TOL.rDbinom);
      checkDist('binomialCdf', name, 'lower', binomialCdf(c.k, c.n, c.p), c.lower);
      checkDist('binomialSf', name, 'upper', binomialSf(c.k, c.n, c.p), c.upper);
    });
  }
});

/* ------------------------------------------------------------------------------------------ */
/* p.adjust, quantile, mad, power.prop.test                                                    */
/* ------------------------------------------------------------------------------------------ */

describe('adjustPValues vs R p.adjust', () => {
  const methods: PAdjustMethod[] = ['holm', 'hochberg', 'bonferroni', 'BH', 'BY', 'none'];
  (ref.p_adjust as Record<string, Num[] | number>[]).forEach((c, i) => {
    for (const method of methods) {
      const name = `p.adjust case ${i} ${method}`;
      caseIt(name, () => {
        const p = nums(c.p as Num[]);
        const expected = nums(c[method] as Num[]);
        const ours = adjustPValues(p, method, { n: c.n as number });
        expect(ours.length).toBe(expected.length);
        ours.forEach((v, j) => check(`adjustPValues ${method}`, name, `[${j}]`, v, expected[j]!, TOL.sameOps));
      });
    }
  });
});

describe('quantiles / mad vs R quantile(type = 7) / mad', () => {
  (ref.quantile as { x: Num[]; probs: number[]; type7: number[]; mad_normal: number; mad_raw: number }[]).forEach((c, i) => {
    const name = `quantile case ${i} (n = ${c.x.length})`;
    caseIt(name, () => {
      const x = nums(c.x);
      const spread = Math.max(...x.map(Math.abs));
      quantiles(x, c.probs).forEach((q, j) => check('quantiles (type 7)', name, `p=${c.probs[j]}`, q, c.type7[j]!, TOL.sameOps, TOL.sameOps * spread));
      check('mad (normalConsistent)', name, 'mad', mad(x, { normalConsistent: true }), c.mad_normal, TOL.sameOps);
      check('mad (raw)', name, 'mad raw', mad(x), c.mad_raw, TOL.sameOps);
    });
  });
});

describe('sampleSizeTwoProportions vs R power.prop.test', () => {
  interface PowCase {
    p_baseline: number;
    p_canary: number;
    alpha: number;
    power: number;
    sides: 1 | 2;
    n_uniroot: number;
    n_closed_form: number;
  }
  for (const c of ref.power_prop_test as PowCase[]) {
    const name = `power.prop.test ${c.p_baseline}→${c.p_canary} α=${c.alpha} power=${c.power} sides=${c.sides}`;
    caseIt(name, () => {
      const n = sampleSizeTwoProportions({ pBaseline: c.p_baseline, pCanary: c.p_canary, alpha: c.alpha, power: c.power, sides: c.sides });
      check('sampleSizeTwoProportions vs closed form in R', name, 'n', n, c.n_closed_form, TOL.stat);
      check('sampleSizeTwoProportions vs power.prop.test (uniroot)', name, 'n', n, c.n_uniroot, 0, TOL.powerUniroot);
    });
  }
});
