/**
 * Error-budget arithmetic. Everything works on event COUNTS over a window (bad events and all
 * events), never on averaged ratios: a quiet hour must not weigh as much as a busy one.
 *
 *   budget    = 1 − objective                       (0.001 for 99.9%)
 *   consumed  = errors / (total × budget)           (1 = the whole budget spent)
 *   remaining = 1 − consumed                        (negative when overspent)
 *   burn(w)   = (errors_w / total_w) / budget       (1 = spending exactly the budget)
 *   exhaustion at burn b = remaining × window / b
 */
import { clopperPearson, wilsonInterval } from '../stats/binomial.js';
import type { BurnTierSpec } from '../policy/slo-types.js';

/**
 * 1 − objective without the float artefact (1 − 0.999 = 0.0010000000000000009): objectives are
 * written with a few decimals, so 12 significant digits keep every real one exact.
 */
export function budgetOf(objective: number): number {
  return roundSignificant(1 - objective);
}

export function roundSignificant(x: number, digits = 12): number {
  return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(digits));
}

/** The burn rate over a window; null when the window saw no events. */
export function burnRate(errors: number, total: number, budget: number): number | null {
  if (!(total > 0)) return null;
  return errors / (total * budget);
}

/**
 * The one-sided upper confidence bound of the burn rate: the error ratio's upper bound (exact
 * Clopper-Pearson, or Wilson) over the budget. Counts from Prometheus' `increase()` are
 * extrapolated and rarely whole, so they are rounded to whole events first.
 */
export function burnUpperBound(
  errors: number,
  total: number,
  budget: number,
  confidence: number,
  interval: 'clopper-pearson' | 'wilson',
): number | null {
  const n = Math.round(total);
  if (!(n >= 1)) return null;
  const x = Math.min(n, Math.max(0, Math.round(errors)));
  const bound = interval === 'wilson' ? wilsonInterval(x, n, confidence, 1) : clopperPearson(x, n, confidence, 1);
  return bound.upper / budget;
}

/**
 * The SRE workbook's tiers for a 30-day SLO, as shares of the budget a long window may spend:
 * 2% in 1h (factor 14.4 over 30d) and 5% in 6h (6) page, so they block; 10% in 3d (1) is a
 * ticket, so it warns. For other windows the factor is share × window / long.
 */
export const DEFAULT_TIERS: readonly BurnTierSpec[] = [
  { longMs: 3_600_000, shortMs: 300_000, share: 0.02, severity: 'block' },
  { longMs: 21_600_000, shortMs: 1_800_000, share: 0.05, severity: 'block' },
  { longMs: 259_200_000, shortMs: 21_600_000, share: 0.1, severity: 'warn' },
];

/** The factor of a tier for an SLO window of `windowMs`. */
export function tierFactor(tier: BurnTierSpec, windowMs: number): number {
  if (tier.factor !== undefined) return tier.factor;
  return roundSignificant((tier.share! * windowMs) / tier.longMs);
}

/**
 * A burn rate "exceeds" a factor only when it is above it beyond rounding: a burn of exactly
 * 14.4 computed as 0.0144/0.001 = 14.399999999999999 must read the same as 14.4.
 */
export function exceeds(burn: number | null, factor: number): boolean {
  return burn !== null && burn > factor * (1 + 1e-9);
}

/**
 * Time until the remaining budget is spent at `burn`, in ms: 0 when it already is, null when
 * it never will be (no burn).
 */
export function exhaustionMs(remaining: number, burn: number | null, windowMs: number): number | null {
  if (remaining <= 0) return 0;
  if (burn === null || !(burn > 0)) return null;
  return (remaining * windowMs) / burn;
}
