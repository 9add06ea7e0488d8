import type { Direction } from '../../policy/types.js';
import type { CheckOutcome } from '../../report/model.js';

/**
 * An effect with its confidence interval, on the scale the decision is made on: the log of the
 * canary/baseline ratio (scale-free: latencies, rates) or the plain difference canary − baseline.
 */
export interface Effect {
  scale: 'log-ratio' | 'difference';
  estimate: number;
  lower: number;
  upper: number;
}

/** The tolerance on the effect's scale: bad beyond `up` (an increase) or below `down` (a decrease). */
export interface Limits {
  up: number;
  down: number;
}

export interface Decision {
  outcome: Extract<CheckOutcome, 'pass' | 'fail' | 'inconclusive'>;
  /** Which end of the interval decided (or would decide once the interval narrows). */
  bound: 'lower' | 'upper';
  /**
   * For an inconclusive result: the factor by which the sample must grow for the interval to
   * clear the limit on the side its estimate is on, assuming the width shrinks as 1/√n and the
   * estimate stays put; Infinity when the estimate sits on the limit.
   */
  growth?: number;
}

/**
 * Relative tolerance and absolute floor as limits on the effect's scale: the allowed change is
 * the larger of tolerance × |baseline| and floor, as in the relative judge.
 */
export function limitsFor(scale: Effect['scale'], baseline: number, tolerance: number | undefined, floor: number | undefined): Limits | undefined {
  const relative = [tolerance, floor !== undefined && baseline !== 0 ? floor / Math.abs(baseline) : undefined].filter(
    (v): v is number => v !== undefined,
  );
  if (scale === 'log-ratio') {
    if (baseline === 0 || relative.length === 0) return undefined;
    const allowed = Math.max(...relative);
    return { up: Math.log1p(allowed), down: allowed >= 1 ? -Infinity : Math.log1p(-allowed) };
  }
  const absolute = [tolerance !== undefined ? tolerance * Math.abs(baseline) : undefined, floor].filter(
    (v): v is number => v !== undefined,
  );
  if (absolute.length === 0 || (baseline === 0 && floor === undefined)) return undefined;
  const allowed = Math.max(...absolute);
  return { up: allowed, down: -allowed };
}

/**
 * The decision rule: fail when the interval lies wholly beyond the tolerance in a bad direction,
 * pass when it lies wholly inside on every bad side, inconclusive otherwise.
 */
export function decide(effect: Effect, limits: Limits, direction: Direction): Decision {
  const checksUp = direction !== 'decrease';
  const checksDown = direction !== 'increase';
  if (checksUp && effect.lower > limits.up) return { outcome: 'fail', bound: 'lower' };
  if (checksDown && effect.upper < limits.down) return { outcome: 'fail', bound: 'upper' };
  const insideUp = !checksUp || effect.upper <= limits.up;
  const insideDown = !checksDown || effect.lower >= limits.down;
  if (insideUp && insideDown) return { outcome: 'pass', bound: checksUp ? 'upper' : 'lower' };

  // Inconclusive: the interval straddles a limit. Which way is it likely to resolve?
  const straddlesUp = !insideUp;
  const limit = straddlesUp ? limits.up : limits.down;
  const halfWidth = (effect.upper - effect.lower) / 2;
  const gap = Math.abs(limit - effect.estimate);
  const growth = gap > 0 && Number.isFinite(halfWidth) ? (halfWidth / gap) ** 2 : Infinity;
  return { outcome: 'inconclusive', bound: straddlesUp ? 'upper' : 'lower', growth };
}
