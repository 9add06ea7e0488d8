import { normalMixtureBoundary, normalMixtureRho } from './normal-mixture-boundary.js';

export interface QuantileConfidenceSequenceOptions {
  /** Coverage 1 − α, holding at every sample size at once. */
  confidence: number;
  /**
   * The sample size at which the sequence should be tightest (default 100); it is valid at
   * every size regardless, this only moves where its width is spent.
   */
  tightestAt?: number;
  /**
   * Multiplies the variance process, ≥ 1: the long-run variance factor (1 + φ)/(1 − φ) of
   * serially correlated samples, a heuristic widening (the guarantee assumes independence).
   */
  varianceFactor?: number;
}

export interface QuantileConfidenceSequence {
  /** The p-quantile estimate (order statistic ⌈np⌉). */
  estimate: number;
  lower: number;
  upper: number;
  /** 1-based order statistics the bounds are; 0 / n + 1 when unbounded (−/+Infinity). */
  ranks: [number, number];
}

/**
 * A time-uniform confidence sequence for the p-quantile of i.i.d. samples, after Howard & Ramdas
 * (2022), "Sequential estimation of quantiles with applications to A/B-testing and best-arm
 * identification", Theorem 1, with the normal-mixture boundary: at the true quantile q,
 * S_n = #{X_i ≤ q} − np is a martingale whose increments are sub-Gaussian with the Kearns-Saul
 * variance proxy σ²(p) = (1 − 2p) / (2 log((1 − p)/p)) (¼ at the median), so with probability
 * 1 − α, for every n at once, |S_n| < u(σ² n). Hence
 *
 *   X_(⌈np − u⌉) ≤ q ≤ X_(⌊np + u⌋ + 1),
 *
 * order statistics of the sorted sample (−Infinity / Infinity when the rank leaves 1..n). Exact
 * for continuous data at any sample size, no normal approximation. `sorted` must be ascending.
 */
export function quantileConfidenceSequence(sorted: ArrayLike<number>, p: number, options: QuantileConfidenceSequenceOptions): QuantileConfidenceSequence {
  const n = sorted.length;
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1), got ${p}`);
  const alpha = 1 - options.confidence;
  const sigma2 = p === 0.5 ? 0.25 : (1 - 2 * p) / (2 * Math.log((1 - p) / p));
  const factor = Math.max(1, options.varianceFactor ?? 1);
  const rho = normalMixtureRho(sigma2 * (options.tightestAt ?? 100), alpha);
  if (n === 0) return { estimate: NaN, lower: -Infinity, upper: Infinity, ranks: [0, 1] };
  const u = normalMixtureBoundary(sigma2 * factor * n, alpha, rho * factor);
  const lowRank = Math.ceil(n * p - u - 1e-9);
  const highRank = Math.floor(n * p + u + 1e-9) + 1;
  const at = (rank: number) => sorted[rank - 1]!;
  return {
    estimate: at(Math.max(1, Math.ceil(n * p - 1e-9))),
    lower: lowRank >= 1 ? at(lowRank) : -Infinity,
    upper: highRank <= n ? at(highRank) : Infinity,
    ranks: [Math.max(0, lowRank), Math.min(n + 1, highRank)],
  };
}
