import { formatChange, formatNumber, formatPercent } from '../../core/format.js';
import type { ComparisonDetail, StatisticsDetail } from '../../report/model.js';
import { decide, limitsFor, type Effect } from './decision.js';
import type { JudgeInput, JudgeResult } from './types.js';

/** What a statistical judge measured, before the decision rule is applied. */
export interface Measurement {
  /** Human name of the test, e.g. "Mann-Whitney / Hodges-Lehmann (log scale)". */
  test: string;
  effect: Effect;
  /** The baseline level the tolerance scales with (median, mean or rate). */
  baselineLevel: number;
  /** The canary level shown next to it. */
  canaryLevel: number;
  pValue: number | null;
  n: { canary: number; baseline: number };
  effectiveN?: { canary: number; baseline: number };
  autocorrelation?: { canary: number; baseline: number };
  /** What more data means for this test: samples per side, or canary requests. */
  unit: 'samples' | 'requests';
  /** Current size in `unit` (per side for samples, the canary's total for requests). */
  size: number;
  notes: string[];
  /** Set when the sample cannot reach significance at all (e.g. 3 pods against 3). */
  unreachable?: string;
}

/**
 * Turns a measurement into a check: the interval is judged against the tolerance (never the
 * p-value alone), the report says which bound decided, and an undecided result says roughly how
 * much more data it needs.
 */
export function judgeMeasurement(input: JudgeInput, m: Measurement, confidence: number): JudgeResult {
  const { spec, metric } = input;
  const relative = toRelative(m.effect, m.baselineLevel);
  const statistics: StatisticsDetail = {
    test: m.test,
    confidence,
    scale: m.effect.scale,
    estimate: relative.estimate,
    ci: [relative.lower, relative.upper],
    absolute: toAbsolute(m.effect, m.baselineLevel),
    pValue: m.pValue,
    n: m.n,
    effectiveN: m.effectiveN,
    autocorrelation: m.autocorrelation,
    notes: m.notes,
  };
  const detail: ComparisonDetail = {
    test: spec.test,
    direction: spec.direction,
    canary: m.canaryLevel,
    baseline: m.baselineLevel,
    delta: m.canaryLevel - m.baselineLevel,
    relative: m.baselineLevel !== 0 ? (m.canaryLevel - m.baselineLevel) / Math.abs(m.baselineLevel) : null,
    tolerance: spec.tolerance,
    floor: spec.floor,
    allowed: null,
    statistics,
  };

  const interval = describeInterval(m, relative, confidence, metric.kind, metric.unit);
  const limits = limitsFor(m.effect.scale, m.baselineLevel, spec.tolerance, spec.floor);
  if (!limits) {
    return {
      outcome: 'inconclusive',
      reason: `${interval}: the baseline is 0, so a relative tolerance cannot judge the change; set compare.floor`,
      detail,
    };
  }
  // The allowed change is the larger of tolerance × |baseline| and the floor: say which one it was.
  const byTolerance = spec.tolerance !== undefined && m.baselineLevel !== 0 ? spec.tolerance * Math.abs(m.baselineLevel) : undefined;
  detail.decidedBy = byTolerance !== undefined && (spec.floor === undefined || byTolerance >= spec.floor) ? 'tolerance' : 'floor';
  detail.allowed = m.effect.scale === 'log-ratio' ? Math.expm1(limits.up) * Math.abs(m.baselineLevel) : limits.up;

  if (m.unreachable) {
    statistics.bound = undefined;
    return { outcome: 'inconclusive', reason: `${interval}: ${m.unreachable}`, detail };
  }
  const decision = decide(m.effect, limits, spec.direction);
  statistics.bound = decision.bound;
  const limitText = describeLimit(detail, metric.kind, metric.unit);
  const boundText = `${decision.bound} bound`;
  if (decision.outcome === 'fail') {
    return { outcome: 'fail', reason: `${interval}: wholly beyond the ${limitText} (${boundText} decided)`, detail };
  }
  if (decision.outcome === 'pass') {
    return { outcome: 'pass', reason: `${interval}: within the ${limitText} (${boundText} decided)`, detail };
  }
  const more = decision.growth !== undefined && Number.isFinite(decision.growth) ? Math.ceil(m.size * (decision.growth - 1)) : undefined;
  if (more !== undefined) statistics.needed = { more, unit: m.unit };
  const unbounded = !Number.isFinite(m.effect.lower) || !Number.isFinite(m.effect.upper);
  const need =
    more !== undefined
      ? `need about ${formatNumber(more)} more ${m.unit === 'requests' ? 'canary requests' : 'samples per side'}`
      : unbounded
        ? 'the interval is unbounded at this sample, so no estimate of the data needed exists yet'
        : 'the estimate sits on the tolerance, so more data alone will not settle it soon';
  return { outcome: 'inconclusive', reason: `${interval}: straddles the ${limitText}; ${need}`, detail };
}

function toRelative(effect: Effect, baseline: number): { estimate: number; lower: number; upper: number } {
  if (effect.scale === 'log-ratio') {
    return { estimate: Math.expm1(effect.estimate), lower: Math.expm1(effect.lower), upper: Math.expm1(effect.upper) };
  }
  const scale = Math.abs(baseline);
  if (scale === 0) return { estimate: NaN, lower: NaN, upper: NaN };
  return { estimate: effect.estimate / scale, lower: effect.lower / scale, upper: effect.upper / scale };
}

function toAbsolute(effect: Effect, baseline: number): { estimate: number; ci: [number, number] } {
  if (effect.scale === 'difference') return { estimate: effect.estimate, ci: [effect.lower, effect.upper] };
  const b = Math.abs(baseline);
  return { estimate: Math.expm1(effect.estimate) * b, ci: [Math.expm1(effect.lower) * b, Math.expm1(effect.upper) * b] };
}

function describeInterval(
  m: Measurement,
  relative: { estimate: number; lower: number; upper: number },
  confidence: number,
  kind: string,
  unit: string | undefined,
): string {
  const level = `${formatNumber(confidence * 100)}% CI`;
  const p = m.pValue === null ? '' : `, p ${formatP(m.pValue)}`;
  const sizes = m.effectiveN
    ? `n ${m.n.canary}/${m.n.baseline}, effective ${m.effectiveN.canary.toFixed(1)}/${m.effectiveN.baseline.toFixed(1)}${p}`
    : `n ${m.n.canary}/${m.n.baseline}${p}`;
  if (Number.isFinite(relative.estimate)) {
    return `${m.test}: change ${formatPercent(relative.estimate, true)} (${level} ${formatPercent(relative.lower, true)} to ${formatPercent(relative.upper, true)}; ${sizes})`;
  }
  const abs = toAbsolute(m.effect, m.baselineLevel);
  const fmt = (v: number) => formatChange(v, kind, unit);
  return `${m.test}: change ${fmt(abs.estimate)} (${level} ${fmt(abs.ci[0])} to ${fmt(abs.ci[1])}; ${sizes})`;
}

/** p-values: two significant digits, and no false precision below 1e-4. */
/** A p-value as the reports show it: two significant digits, or "< 0.0001". */
export function formatP(p: number): string {
  if (p < 1e-4) return '< 0.0001';
  return String(Number(p.toPrecision(2)));
}

function describeLimit(detail: ComparisonDetail, kind: string, unit: string | undefined): string {
  const sign = detail.direction === 'increase' ? '+' : detail.direction === 'decrease' ? '−' : '±';
  if (detail.decidedBy === 'floor') return `absolute floor ${sign}${formatChange(detail.floor!, kind, unit)}`;
  return `${sign}${formatPercent(detail.tolerance!)} tolerance`;
}
