import { logBeta, regularizedIncompleteBeta, regularizedIncompleteBetaComplement } from './beta.js';

export interface PoissonMixtureOptions {
  /**
   * The canary's share ρ of the exposure (requests, or time × traffic weight) under no
   * difference: conditional on the total, canary events ~ Binomial(total, ρ) when the rates agree.
   */
  share: number;
  /**
   * Prior concentration k of the mixture: the canary's share of events p ~ Beta(k·ρ, k·(1 − ρ)),
   * centred on the null. Small k favours large effects (a regression of 2× shows fast), large k
   * small ones. Default 1 (Lindon & Malek's Dirichlet(ρ) prior). Ignored when `prior` is given.
   */
  concentration?: number;
  /** An explicit Beta(a, b) prior on p instead of the concentration. */
  prior?: { a: number; b: number };
  /**
   * two-sided (default): any difference; greater: the canary's rate is higher (the prior is
   * truncated to p > ρ and renormalised); less: lower (p < ρ).
   */
  alternative?: 'two-sided' | 'greater' | 'less';
}

/**
 * The log Bayes factor of the mixture sequential test for Poisson counts (Lindon & Malek 2022,
 * "Anytime-valid inference for multinomial count data", two groups): with B the beta function,
 *
 *   BF = [B(a + x, b + y) / B(a, b)] / (ρ^x (1 − ρ)^y),   a = kρ, b = k(1 − ρ),
 *
 * for x canary and y baseline events. Under equal rates BF is a nonnegative martingale with
 * mean 1 in the cumulative counts, so by Ville's inequality P(BF ever ≥ 1/α) ≤ α: rejecting
 * when BF ≥ 1/α keeps the false-alarm rate at α however often the counts are looked at. The
 * one-sided versions truncate the prior to the bad side (a mixture over alternatives on one side
 * is still a martingale under the null), which roughly doubles the evidence for a real regression.
 *
 * Counts must be whole numbers ≥ 0 (they are events); the result is a natural log.
 */
export function poissonMixtureLogBayesFactor(canaryErrors: number, baselineErrors: number, options: PoissonMixtureOptions): number {
  const { share } = options;
  const x = canaryErrors;
  const y = baselineErrors;
  if (!(share > 0 && share < 1)) throw new RangeError(`share must be in (0, 1), got ${share}`);
  if (!(x >= 0 && y >= 0)) throw new RangeError(`counts must be ≥ 0, got ${x} and ${y}`);
  const k = options.concentration ?? 1;
  const a = options.prior?.a ?? k * share;
  const b = options.prior?.b ?? k * (1 - share);
  if (!(a > 0 && b > 0)) throw new RangeError(`the prior needs a, b > 0, got ${a} and ${b}`);
  const logLikelihoodNull = (x > 0 ? x * Math.log(share) : 0) + (y > 0 ? y * Math.log1p(-share) : 0);
  const twoSided = logBeta(a + x, b + y) - logBeta(a, b) - logLikelihoodNull;
  switch (options.alternative ?? 'two-sided') {
    case 'two-sided':
      return twoSided;
    case 'greater':
      // ∫_ρ^1 of the posterior over the prior mass above ρ; the complements keep precision in the tail.
      return twoSided + Math.log(regularizedIncompleteBetaComplement(share, a + x, b + y)) - Math.log(regularizedIncompleteBetaComplement(share, a, b));
    case 'less':
      return twoSided + Math.log(regularizedIncompleteBeta(share, a + x, b + y)) - Math.log(regularizedIncompleteBeta(share, a, b));
  }
}
