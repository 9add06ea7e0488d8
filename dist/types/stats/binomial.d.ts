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
/** Number of tails a confidence level is split over: 2 = two-sided interval, 1 = one-sided bounds. */
export type Sides = 1 | 2;
/** A confidence interval (or a pair of one-sided bounds, see `Sides`). */
export interface ProportionInterval {
    lower: number;
    upper: number;
}
/** P(X = k) for X ~ Bin(n, p) (R `dbinom`); 0 for non-integer or out-of-range k. */
export declare function binomialPmf(k: number, n: number, p: number): number;
/** P(X ≤ k) for X ~ Bin(n, p) (R `pbinom(k, n, p)`), full relative precision when small. */
export declare function binomialCdf(k: number, n: number, p: number): number;
/** P(X > k) for X ~ Bin(n, p) (R `pbinom(k, n, p, lower.tail = FALSE)`); P(X ≥ k) is binomialSf(k − 1). */
export declare function binomialSf(k: number, n: number, p: number): number;
/**
 * Clopper-Pearson ("exact") interval for a binomial proportion x/n: lower = qbeta(α', x, n−x+1),
 * upper = qbeta(1−α', x+1, n−x) with α' = (1 − confidence)/sides; lower = 0 at x = 0 and
 * upper = 1 at x = n. Matches R `binom.test(x, n)$conf.int` for sides = 2 (and its
 * `alternative = "less"/"greater"` bounds for sides = 1). Relative error ≲ 1e-13.
 */
export declare function clopperPearson(x: number, n: number, confidence?: number, sides?: Sides): ProportionInterval;
/**
 * Wilson score interval (no continuity correction) for x/n:
 * (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n), z = Φ⁻¹(1 − α'), α' = (1 − confidence)/sides.
 * Equals R `prop.test(x, n, correct = FALSE)$conf.int`. Exactly 0 at x = 0 and 1 at x = n.
 */
export declare function wilsonInterval(x: number, n: number, confidence?: number, sides?: Sides): ProportionInterval;
