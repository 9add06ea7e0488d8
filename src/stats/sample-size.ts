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

import { normalQuantile } from './normal.js';

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

function upperQuantile(tail: number): number {
  return -normalQuantile(tail); // Φ⁻¹(1 − tail) without forming 1 − tail
}

function checkAlphaPowerSides(alpha: number, power: number, sides: number): void {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  if (!(power > 0 && power < 1)) throw new RangeError(`power must be in (0, 1), got ${power}`);
  if (sides !== 1 && sides !== 2) throw new RangeError(`sides must be 1 or 2, got ${sides}`);
}

/** Requests per arm (unrounded) for a two-proportion test; R `power.prop.test(...)$n`. */
export function sampleSizeTwoProportions(input: TwoProportionsInput): number {
  const { pBaseline: p1, pCanary: p2, alpha = 0.05, power = 0.8, sides = 2 } = input;
  if (!(p1 > 0 && p1 < 1 && p2 > 0 && p2 < 1)) throw new RangeError(`rates must be in (0, 1), got ${p1} and ${p2}`);
  if (p1 === p2) throw new RangeError('pCanary must differ from pBaseline');
  checkAlphaPowerSides(alpha, power, sides);
  const za = upperQuantile(alpha / sides);
  const zb = normalQuantile(power);
  const pbar = (p1 + p2) / 2;
  const num = za * Math.sqrt(2 * pbar * (1 - pbar)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return (num * num) / ((p1 - p2) * (p1 - p2));
}

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
export function poissonEventsNeeded(input: PoissonEventsInput): number {
  const { rateRatio, alpha = 0.05, power = 0.8, sides = 1, exposureRatio = 1 } = input;
  if (!(rateRatio > 0 && Number.isFinite(rateRatio)) || rateRatio === 1) {
    throw new RangeError(`rateRatio must be positive, finite and ≠ 1, got ${rateRatio}`);
  }
  if (!(exposureRatio > 0 && Number.isFinite(exposureRatio))) throw new RangeError(`exposureRatio must be > 0, got ${exposureRatio}`);
  checkAlphaPowerSides(alpha, power, sides);
  const pi0 = exposureRatio / (exposureRatio + 1);
  const pi1 = (rateRatio * exposureRatio) / (rateRatio * exposureRatio + 1);
  const za = upperQuantile(alpha / sides);
  const zb = normalQuantile(power);
  const num = za * Math.sqrt(pi0 * (1 - pi0)) + zb * Math.sqrt(pi1 * (1 - pi1));
  return (num * num) / ((pi1 - pi0) * (pi1 - pi0));
}
