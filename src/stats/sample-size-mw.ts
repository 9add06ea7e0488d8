import { normalQuantile } from './normal.js';

export interface MannWhitneySampleSizeInput {
  /** The effect to detect as a common-language effect size P(canary > baseline), ≠ 0.5. */
  cles: number;
  alpha: number;
  power: number;
  /** 1 (default: a one-directional regression) or 2. */
  sides?: 1 | 2;
  /** Share of all samples that are canary (default 0.5). */
  canaryShare?: number;
}

/**
 * Noether's (1987) approximation of the total number of samples (both sides) a Mann-Whitney
 * test needs: N = (z_α + z_β)² / (12·c·(1 − c)·(P − ½)²), c the canary share, P the CLES.
 * Independent samples are assumed: for autocorrelated series read it as effective samples.
 */
export function sampleSizeMannWhitney(input: MannWhitneySampleSizeInput): number {
  const { cles, alpha, power } = input;
  const sides = input.sides ?? 1;
  const c = input.canaryShare ?? 0.5;
  if (!(cles >= 0 && cles <= 1) || cles === 0.5) throw new RangeError(`cles must be in [0, 1] and not 0.5, got ${cles}`);
  if (!(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) throw new RangeError('alpha and power must be in (0, 1)');
  if (!(c > 0 && c < 1)) throw new RangeError(`canaryShare must be in (0, 1), got ${c}`);
  const z = normalQuantile(1 - alpha / sides) + normalQuantile(power);
  return (z * z) / (12 * c * (1 - c) * (cles - 0.5) ** 2);
}
