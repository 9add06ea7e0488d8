import { logGamma } from './beta.js';
import { rZeroin2 } from './r-zeroin.js';

export interface FisherResult {
  /** Two-sided p as R and scipy define it: Σ P(table) over tables with P ≤ P(observed)·(1 + 1e-7). */
  pTwoSided: number;
  /** Canary's error rate higher. */
  pGreater: number;
  pLess: number;
  /** Conditional maximum-likelihood odds ratio (R's `estimate`); Infinity when undefined above. */
  oddsRatio: number;
  /** Interval of the odds ratio at `confidence`, two-sided (R's `conf.int`). */
  ci: [number, number];
}

/**
 * Fisher's exact test on the 2×2 table (canary errors / total vs baseline errors / total),
 * conditional on the margins: canary errors ~ hypergeometric. Matches R `fisher.test` (p-values,
 * conditional MLE of the odds ratio, and its interval from the noncentral hypergeometric, found
 * with R's own root finder and tolerance so the numbers agree with R's to the digit).
 * Cost is linear in the number of possible tables (min(errors, totals)), fine for counts in the
 * millions.
 */
export function fisherExact(
  canaryErrors: number,
  canaryTotal: number,
  baselineErrors: number,
  baselineTotal: number,
  confidence = 0.95,
): FisherResult {
  const m = canaryErrors + baselineErrors; // errors in the pooled table
  const lo = Math.max(0, m - baselineTotal);
  const hi = Math.min(m, canaryTotal);
  const support: number[] = [];
  for (let x = lo; x <= hi; x++) support.push(x);
  const logDensity = support.map((x) => logChoose(canaryTotal, x) + logChoose(baselineTotal, m - x));
  const observed = canaryErrors;

  /** Probabilities of the noncentral hypergeometric with odds ratio psi, normalised stably. */
  const probabilities = (psi: number): number[] => {
    const logPsi = Math.log(psi);
    const logs = logDensity.map((d, i) => d + (psi === 1 ? 0 : support[i]! * logPsi));
    const max = Math.max(...logs);
    const weights = logs.map((l) => Math.exp(l - max));
    const total = weights.reduce((a, b) => a + b, 0);
    return weights.map((w) => w / total);
  };
  const upperTail = (psi: number) => sumWhere(support, probabilities(psi), (x) => x >= observed);
  const lowerTail = (psi: number) => sumWhere(support, probabilities(psi), (x) => x <= observed);
  const mean = (psi: number) => probabilities(psi).reduce((acc, p, i) => acc + p * support[i]!, 0);

  const central = probabilities(1);
  const pObserved = central[observed - lo]!;
  const pTwoSided = Math.min(1, sumWhere(support, central, (_x, p) => p <= pObserved * (1 + 1e-7)));
  const pGreater = Math.min(1, upperTail(1));
  const pLess = Math.min(1, lowerTail(1));

  // R's fisher.test: the MLE and both bounds by uniroot on t in (0, 1], using psi = t or 1/t so
  // the search interval is bounded; ncp = 0 and ncp = Inf are the degenerate distributions.
  const mnhyper = (psi: number) => (psi === 0 ? lo : mean(psi));
  const pUpper = (psi: number) => (psi === 0 ? (observed <= lo ? 1 : 0) : upperTail(psi));
  const pLower = (psi: number) => (psi === 0 ? (observed >= lo ? 1 : 0) : lowerTail(psi));
  const oddsRatio =
    observed === lo ? 0 : observed === hi ? Infinity : solveLikeR(mean(1), observed, mnhyper, (psi) => mean(psi), true);

  const alpha = (1 - confidence) / 2;
  const lower = observed === lo ? 0 : solveLikeR(pUpper(1), alpha, pUpper, upperTail, true);
  const upper = observed === hi ? Infinity : solveLikeR(pLower(1), alpha, pLower, lowerTail, false);
  return { pTwoSided, pGreater, pLess, oddsRatio, ci: [lower, upper] };
}

function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

function sumWhere(support: number[], probs: number[], keep: (x: number, p: number) => boolean): number {
  let total = 0;
  for (let i = 0; i < support.length; i++) if (keep(support[i]!, probs[i]!)) total += probs[i]!;
  return total;
}

const URO_TOL = Math.pow(2.220446049250313e-16, 0.25);
const EPS = 2.220446049250313e-16;

/**
 * R's pattern for a root of g(psi) = target where g(1) = atOne: if atOne > target (for
 * `decreasingToTarget`, the root lies below 1) search t in [0, 1] with psi = t, else search t in
 * [eps, 1] with psi = 1/t — uniroot (zeroin, tol eps^0.25) either way.
 */
function solveLikeR(
  atOne: number,
  target: number,
  gAtZero: (psi: number) => number,
  g: (psi: number) => number,
  belowWhenAbove: boolean,
): number {
  if (atOne === target) return 1;
  const rootBelowOne = belowWhenAbove ? atOne > target : atOne < target;
  if (rootBelowOne) {
    const f = (t: number) => (t === 0 ? gAtZero(0) : g(t)) - target;
    return rZeroin2(f, 0, 1, f(0), f(1), URO_TOL);
  }
  const f = (t: number) => g(1 / t) - target;
  return 1 / rZeroin2(f, EPS, 1, f(EPS), f(1), URO_TOL);
}
