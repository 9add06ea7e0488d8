export interface NormalMixtureSprtResult {
  /** log Λ: the log likelihood ratio of the N(θ0, τ²) mixture against θ = θ0. */
  logLambda: number;
  /** The confidence sequence for θ at level 1 − α: every θ0 with Λ(θ0) < 1/α. */
  ci: [number, number];
}

/**
 * The normal-mixture sequential probability ratio test (mSPRT; Robbins 1970, Johari, Pekelis &
 * Walsh 2017) for an estimate θ̂ with variance V (e.g. a difference of two means, V = s²_c/n_c +
 * s²_b/n_b, the plug-in variance):
 *
 *   Λ = √(V / (V + τ²)) · exp(τ² (θ̂ − θ0)² / (2 V (V + τ²)))
 *
 * mixing the likelihood ratio over alternatives θ ~ N(θ0, τ²). Λ is a martingale under θ = θ0,
 * so rejecting when Λ ≥ 1/α is valid at every look; inverting it gives the confidence sequence
 *
 *   θ̂ ± √( V (V + τ²)/τ² · (log((V + τ²)/V) − 2 log α) ),
 *
 * Howard et al.'s two-sided normal-mixture boundary in the estimate's units. τ sets where the
 * test is most powerful: effects of about τ are detected fastest.
 */
export function normalMixtureSprt(estimate: number, variance: number, options: { tau: number; alpha: number; nullValue?: number }): NormalMixtureSprtResult {
  const { tau, alpha } = options;
  if (!(tau > 0)) throw new RangeError(`tau must be > 0, got ${tau}`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  if (!(variance >= 0) || Number.isNaN(estimate)) return { logLambda: NaN, ci: [-Infinity, Infinity] };
  const t2 = tau * tau;
  const d = estimate - (options.nullValue ?? 0);
  if (variance === 0) {
    // An exact estimate: any difference is certain, none is no evidence either way.
    return { logLambda: d === 0 ? 0 : Infinity, ci: [estimate, estimate] };
  }
  const logLambda = 0.5 * Math.log(variance / (variance + t2)) + (t2 * d * d) / (2 * variance * (variance + t2));
  const half = Math.sqrt(((variance * (variance + t2)) / t2) * (Math.log1p(t2 / variance) - 2 * Math.log(alpha)));
  return { logLambda, ci: [estimate - half, estimate + half] };
}
