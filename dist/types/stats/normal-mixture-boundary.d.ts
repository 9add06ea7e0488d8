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
export declare function normalMixtureBoundary(v: number, alpha: number, rho: number): number;
/**
 * The mixture precision ρ that makes normalMixtureBoundary tightest at intrinsic time v_opt
 * (Howard et al. 2021, eq. (3.5); `best_rho` in the confseq package):
 * ρ = v_opt / (2 log(1/α) + log(1 + 2 log(1/α))).
 */
export declare function normalMixtureRho(vOpt: number, alpha: number): number;
