/**
 * Howard, Ramdas, McAuliffe & Sekhon (2021), "Time-uniform, nonparametric, nonasymptotic
 * confidence sequences": the two-sided normal-mixture boundary for a sub-Gaussian process S_t
 * with variance process V_t,
 *
 *   u(V) = √((V + ρ) · log((V + ρ) / (ρ α²))),
 *
 * so that P(∃t: |S_t| ≥ u(V_t)) ≤ α. ρ > 0 is the mixture precision; it makes the boundary
 * tightest around intrinsic time V = v_opt (see normalMixtureRho). Compared with the fixed-sample
 * z·√V it is about 1.5× wider at v_opt for α = 0.05 — the price of looking at every t.
 */
export function normalMixtureBoundary(v: number, alpha: number, rho: number): number {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  if (!(rho > 0)) throw new RangeError(`rho must be > 0, got ${rho}`);
  if (!(v >= 0)) return NaN;
  return Math.sqrt((v + rho) * Math.log((v + rho) / (rho * alpha * alpha)));
}

/**
 * The mixture precision ρ that makes normalMixtureBoundary tightest at intrinsic time v_opt
 * (Howard et al. 2021, eq. (3.5); `best_rho` in the confseq package):
 * ρ = v_opt / (2 log(1/α) + log(1 + 2 log(1/α))).
 */
export function normalMixtureRho(vOpt: number, alpha: number): number {
  if (!(vOpt > 0)) throw new RangeError(`vOpt must be > 0, got ${vOpt}`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  const l = 2 * Math.log(1 / alpha);
  return vOpt / (l + Math.log1p(l));
}
