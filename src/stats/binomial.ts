/**
 * Binomial distribution Bin(n, p) and confidence intervals for a proportion x/n.
 *
 * Conventions (R): binomialCdf(k) = P(X ≤ k) (`pbinom`), binomialSf(k) = P(X > k)
 * (`pbinom(lower.tail = FALSE)`), binomialPmf(k) = P(X = k) (`dbinom`). Non-integer k is floored
 * (with R's 1e-7 fuzz), n must be a non-negative integer and p in [0, 1]; otherwise NaN.
 *
 * Method: exact, through the incomplete beta function — P(X ≤ k) = 1 − I_p(k+1, n−k) and
 * P(X = k) = dbeta(p; k+1, n−k+1)/(n+1), so the tails keep relative precision (e.g. P(X ≥ 150) for
 * Bin(1e5, 1e-3)) and no binomial coefficient is formed. Relative error ≲ 1e-13 on the smaller
 * tail for n ≤ 1e6 (see beta.ts).
 *
 * Intervals: `sides = 2` gives the two-sided interval at `confidence` (α/2 in each tail);
 * `sides = 1` gives two one-sided bounds, each at `confidence` on its own (α in one tail): use
 * `upper` for "the rate is at most …" and `lower` for "the rate is at least …". Invalid x, n or
 * confidence throw a RangeError.
 */

import { betaPdf, betaQuantile, betaQuantileComplement, incompleteBetaTails } from './beta.js';
import { normalQuantile } from './normal.js';

/** Number of tails a confidence level is split over: 2 = two-sided interval, 1 = one-sided bounds. */
export type Sides = 1 | 2;

/** A confidence interval (or a pair of one-sided bounds, see `Sides`). */
export interface ProportionInterval {
  lower: number;
  upper: number;
}

function validBinomial(n: number, p: number): boolean {
  return Number.isInteger(n) && n >= 0 && p >= 0 && p <= 1;
}

function floorFuzz(k: number): number {
  return Math.floor(k + 1e-7);
}

/** P(X = k) for X ~ Bin(n, p) (R `dbinom`); 0 for non-integer or out-of-range k. */
export function binomialPmf(k: number, n: number, p: number): number {
  if (Number.isNaN(k) || !validBinomial(n, p)) return NaN;
  if (!Number.isInteger(k) || k < 0 || k > n) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  return betaPdf(p, k + 1, n - k + 1) / (n + 1);
}

/** P(X ≤ k) for X ~ Bin(n, p) (R `pbinom(k, n, p)`), full relative precision when small. */
export function binomialCdf(k: number, n: number, p: number): number {
  if (Number.isNaN(k) || !validBinomial(n, p)) return NaN;
  const kk = floorFuzz(k);
  if (kk < 0) return 0;
  if (kk >= n) return 1;
  // P(X ≤ k) = P(Beta(k+1, n−k) > p)
  return incompleteBetaTails(p, 1 - p, kk + 1, n - kk).upper;
}

/** P(X > k) for X ~ Bin(n, p) (R `pbinom(k, n, p, lower.tail = FALSE)`); P(X ≥ k) is binomialSf(k − 1). */
export function binomialSf(k: number, n: number, p: number): number {
  if (Number.isNaN(k) || !validBinomial(n, p)) return NaN;
  const kk = floorFuzz(k);
  if (kk < 0) return 1;
  if (kk >= n) return 0;
  return incompleteBetaTails(p, 1 - p, kk + 1, n - kk).lower;
}

function checkProportionArgs(x: number, n: number, confidence: number, sides: Sides): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  if (!Number.isInteger(x) || x < 0 || x > n) throw new RangeError(`x must be an integer in [0, n], got ${x} (n = ${n})`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  if (sides !== 1 && sides !== 2) throw new RangeError(`sides must be 1 or 2, got ${String(sides)}`);
}

/**
 * Clopper-Pearson ("exact") interval for a binomial proportion x/n: lower = qbeta(α', x, n−x+1),
 * upper = qbeta(1−α', x+1, n−x) with α' = (1 − confidence)/sides; lower = 0 at x = 0 and
 * upper = 1 at x = n. Matches R `binom.test(x, n)$conf.int` for sides = 2 (and its
 * `alternative = "less"/"greater"` bounds for sides = 1). Relative error ≲ 1e-13.
 */
export function clopperPearson(x: number, n: number, confidence = 0.95, sides: Sides = 2): ProportionInterval {
  checkProportionArgs(x, n, confidence, sides);
  const tail = (1 - confidence) / sides;
  const lower = x === 0 ? 0 : betaQuantile(tail, x, n - x + 1);
  const upper = x === n ? 1 : betaQuantileComplement(tail, x + 1, n - x);
  return { lower, upper };
}

/**
 * Wilson score interval (no continuity correction) for x/n:
 * (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n), z = Φ⁻¹(1 − α'), α' = (1 − confidence)/sides.
 * Equals R `prop.test(x, n, correct = FALSE)$conf.int`. Exactly 0 at x = 0 and 1 at x = n.
 */
export function wilsonInterval(x: number, n: number, confidence = 0.95, sides: Sides = 2): ProportionInterval {
  checkProportionArgs(x, n, confidence, sides);
  const z = -normalQuantile((1 - confidence) / sides);
  const z2 = z * z;
  const phat = x / n;
  const denom = 1 + z2 / n;
  const centre = (phat + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((phat * (1 - phat)) / n + z2 / (4 * n * n));
  return {
    lower: x === 0 ? 0 : Math.max(0, centre - half),
    upper: x === n ? 1 : Math.min(1, centre + half),
  };
}
