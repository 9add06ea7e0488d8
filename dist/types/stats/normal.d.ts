/**
 * Standard normal distribution: CDF Φ, upper tail 1 − Φ and quantile Φ⁻¹.
 *
 * Method:
 * - |z| < 1.25: Marsaglia's all-positive series Φ(z) = ½ + φ(z)·Σ z^{2n+1}/(1·3·…·(2n+1)).
 * - |z| ≥ 1.25: the tail 1 − Φ(|z|) = φ(z)·R(z), with the Mills ratio R(z) from its continued
 *   fraction R(z) = 1/(z + 1/(z + 2/(z + 3/(z + …)))) evaluated by modified Lentz.
 * - φ(z) = exp(−z²/2)/√(2π) is evaluated with z split into a 1/16-exact part and a remainder so
 *   the exponent keeps full precision even for z² ≈ 1400 (the trick in R's pnorm).
 *
 * Accuracy (checked against mpmath and R): relative error ≲ 1e-14 for normalCdf/normalSf over
 * the whole real line, including the far tail (normalSf(20) = 2.7536241186062e-89 to ~1e-15).
 * The tail that is computed directly (Sf for z > 0, Cdf for z < 0) keeps full RELATIVE precision;
 * the complementary side is 1 − tail, i.e. accurate in ABSOLUTE terms only.
 * Underflows to 0 below ≈ 5e-324 (|z| > 38.5).
 */
/** Density φ(z), with the exponent evaluated in two parts for full relative accuracy. */
export declare function normalPdf(z: number): number;
/**
 * Mills ratio (1 − Φ(z))/φ(z), with full relative precision for every finite z (for z ≥ 1.25 by
 * its continued fraction, so it stays finite where both tail and density underflow). Used for the
 * scaled complementary error function exp(s²)·erfc(s) = √(2/π)·R(s√2).
 */
export declare function normalMillsRatio(z: number): number;
/** Φ(z) = P(Z ≤ z). Full relative precision for z < 0 (lower tail); NaN in, NaN out. */
export declare function normalCdf(z: number): number;
/** Upper tail 1 − Φ(z) = P(Z > z). Full relative precision for z > 0 (e.g. z = 20 → 2.75e-89). */
export declare function normalSf(z: number): number;
/**
 * Φ⁻¹(p): the z with Φ(z) = p. Returns −Infinity at p = 0, +Infinity at p = 1, NaN outside [0, 1].
 * Start from Abramowitz–Stegun 26.2.23 (|error| < 4.5e-4) applied to the smaller tail
 * q = min(p, 1 − p) (1 − p is exact for p ≥ ½), then Halley steps on the accurate tail function
 * normalSf until the step is below 1 ulp-ish. Relative error ≲ 1e-15 for p in (0, 1), including
 * p = 1e-300. For p > ½ the precision is limited by the representation of p itself
 * (1 − p has only ~16 − log10(1/(1−p)) significant digits in p).
 */
export declare function normalQuantile(p: number): number;
