/**
 * Sample sizes for detecting a regression in an error rate, at significance α and power 1 − β.
 *
 * - sampleSizeTwoProportions: requests per arm for a two-proportion z test, the closed form that
 *   R `power.prop.test(p1, p2, sig.level, power, alternative)` (strict = FALSE) solves:
 *   n = (z_α·√(2·p̄·q̄) + z_β·√(p₁q₁ + p₂q₂))² / (p₁ − p₂)², p̄ = (p₁ + p₂)/2, z_α = Φ⁻¹(1 − α/sides),
 *   z_β = Φ⁻¹(power). Returned unrounded (R prints it unrounded too); round up for use.
 *   R's value comes from uniroot, so it differs from the closed form by up to ~3e-7 relative.
 * - poissonEventsNeeded: total events (canary + baseline) needed by the conditional binomial test
 *   of two Poisson rates (R `poisson.test(c(x₁, x₂), c(T₁, T₂))`): given the total, canary's share
 *   is Bin(N, π) with π₀ = T₁/(T₁+T₂) under H₀ and π₁ = r·T₁/(r·T₁ + T₂) at rate ratio r, so
 *   N = (z_α·√(π₀(1−π₀)) + z_β·√(π₁(1−π₁)))² / (π₁ − π₀)² (normal approximation to that binomial).
 *   With equal exposure this reproduces the reference `poisson_total_events_needed_one_sided`.
 *
 * Accuracy: closed forms, exact to rounding given the normal quantiles (relative ≲ 1e-15).
 * Invalid arguments throw a RangeError.
 */
export interface TwoProportionsInput {
    /** Baseline error rate p₁ in (0, 1). */
    pBaseline: number;
    /** Canary error rate p₂ in (0, 1) to detect, ≠ pBaseline. */
    pCanary: number;
    /** Significance level α, default 0.05. */
    alpha?: number;
    /** Power 1 − β, default 0.8. */
    power?: number;
    /** 1 = one-sided test (detect an increase), 2 = two-sided (default, as R). */
    sides?: 1 | 2;
}
/** Requests per arm (unrounded) for a two-proportion test; R `power.prop.test(...)$n`. */
export declare function sampleSizeTwoProportions(input: TwoProportionsInput): number;
export interface PoissonEventsInput {
    /** Canary rate / baseline rate to detect, > 0 and ≠ 1 (e.g. 1.1 for +10%). */
    rateRatio: number;
    /** Significance level α, default 0.05. */
    alpha?: number;
    /** Power 1 − β, default 0.8. */
    power?: number;
    /** 1 = one-sided (default: detect an increase), 2 = two-sided. */
    sides?: 1 | 2;
    /** Canary exposure / baseline exposure (traffic share ratio), default 1 (equal traffic). */
    exposureRatio?: number;
}
/** Total events (canary + baseline) needed by the conditional (binomial) test of two Poisson rates. */
export declare function poissonEventsNeeded(input: PoissonEventsInput): number;
