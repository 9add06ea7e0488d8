import { formatChange, formatPercent, formatSigned, formatValue } from '../../core/format.js';
import type { ComparisonDetail } from '../../report/model.js';
import type { Judge, JudgeResult } from './types.js';

/**
 * Aggregate against aggregate: fails when the change in the bad direction exceeds the larger of
 * tolerance × |baseline| and the absolute floor. A zero baseline has no relative scale, so only
 * the floor can judge it.
 */
export const relativeJudge: Judge = ({ metric, spec, canary, baseline }): JudgeResult => {
  const c = canary.value;
  const b = baseline.value;
  const delta = c - b;
  const relative = b !== 0 ? delta / Math.abs(b) : null;
  const byTolerance = spec.tolerance !== undefined && b !== 0 ? spec.tolerance * Math.abs(b) : undefined;
  const byFloor = spec.floor;
  let allowed: number | null = null;
  let decidedBy: ComparisonDetail['decidedBy'];
  if (byTolerance !== undefined && (byFloor === undefined || byTolerance >= byFloor)) {
    allowed = byTolerance;
    decidedBy = 'tolerance';
  } else if (byFloor !== undefined) {
    allowed = byFloor;
    decidedBy = 'floor';
  }
  const detail: ComparisonDetail = {
    test: 'relative',
    direction: spec.direction,
    canary: c,
    baseline: b,
    delta,
    relative,
    tolerance: spec.tolerance,
    floor: spec.floor,
    allowed,
    decidedBy,
  };
  const fmt = (v: number) => formatValue(v, metric.kind, metric.unit);
  const change = `canary ${fmt(c)} vs baseline ${fmt(b)} (${formatSigned(delta, metric.kind, metric.unit)}${
    relative === null ? '' : `, ${formatPercent(relative, true)}`
  })`;

  if (allowed === null) {
    if (delta === 0) return { outcome: 'pass', reason: `${change}: no change`, detail };
    return {
      outcome: 'inconclusive',
      reason: `${change}: the baseline is 0, so a relative tolerance cannot judge the change; set compare.floor`,
      detail,
    };
  }
  const bad = spec.direction === 'increase' ? delta : spec.direction === 'decrease' ? -delta : Math.abs(delta);
  const allowedText = formatChange(allowed, metric.kind, metric.unit);
  const limit = decidedBy === 'tolerance' ? `${formatPercent(spec.tolerance!)} tolerance (${allowedText})` : `absolute floor ${allowedText}`;
  const way = spec.direction === 'either' ? 'change' : spec.direction;
  if (bad > allowed) return { outcome: 'fail', reason: `${change}: ${way} beyond the ${limit}`, detail };
  return { outcome: 'pass', reason: `${change}: within the ${limit}`, detail };
};
