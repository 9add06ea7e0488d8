import type { CheckOutcome, MetricReport, Verdict } from '../report/model.js';

export interface Scoring {
  pass: number;
  marginal: number;
  /** Weight per group; a group without one weighs the sum of its metrics' weights. */
  groups: Record<string, number>;
}

export interface VerdictResult {
  verdict: Verdict;
  score: number | null;
  reasons: string[];
  counts: Record<CheckOutcome, number> & { notCounted: number };
}

/**
 * Score = weighted share of passing metrics among the counted ones that passed or failed: errors
 * and inconclusive metrics measured nothing about the canary, so they are left out of the
 * denominator (as Kayenta does with no-data) instead of reading as a regression. The verdict
 * then fails closed:
 * any error or critical failure fails whatever the score, and inconclusive evidence is never
 * rounded up to a pass.
 */
export function decideVerdict(metrics: MetricReport[], scoring: Scoring): VerdictResult {
  const counted = metrics.filter((m) => m.counted);
  const counts = { pass: 0, fail: 0, inconclusive: 0, error: 0, notCounted: metrics.length - counted.length };
  for (const m of counted) counts[m.outcome]++;

  const score = weightedScore(counted, scoring);
  const names = (list: MetricReport[]) => list.map((m) => m.name).join(', ');
  const errored = counted.filter((m) => m.outcome === 'error');
  const criticalFails = counted.filter((m) => m.critical && m.outcome === 'fail');
  const inconclusive = counted.filter((m) => m.outcome === 'inconclusive');
  const failed = counted.filter((m) => m.outcome === 'fail');
  const scoreText = score === null ? 'no score' : `score ${formatScore(score)}`;

  const reasons: string[] = [];
  let verdict: Verdict;
  if (counted.length === 0) {
    verdict = 'inconclusive';
    reasons.push('no metric was counted (all dry-run or ignored)');
  } else if (errored.length > 0 || criticalFails.length > 0) {
    verdict = 'fail';
    if (criticalFails.length > 0) reasons.push(`critical metric failed: ${names(criticalFails)}`);
    if (errored.length > 0) reasons.push(`errors fail closed: ${names(errored)}`);
  } else if (score !== null && score < scoring.marginal) {
    verdict = 'fail';
    reasons.push(`${scoreText} is below marginal ${scoring.marginal}; failed: ${names(failed)}`);
  } else if (inconclusive.length > 0) {
    verdict = 'inconclusive';
    reasons.push(`not enough evidence for: ${names(inconclusive)}`);
    if (failed.length > 0) reasons.push(`failed: ${names(failed)} (${scoreText})`);
  } else if (score !== null && score < scoring.pass) {
    verdict = 'warn';
    reasons.push(`${scoreText} is below pass ${scoring.pass} (marginal ${scoring.marginal}); failed: ${names(failed)}`);
  } else {
    verdict = 'pass';
    reasons.push(
      failed.length > 0
        ? `${scoreText} meets pass ${scoring.pass}; failed but tolerated: ${names(failed)}`
        : `all ${counted.length} counted metrics passed (${scoreText})`,
    );
  }
  return { verdict, score, reasons, counts };
}

function weightedScore(counted: MetricReport[], scoring: Scoring): number | null {
  const groups = new Map<string, { passed: number; decided: number }>();
  for (const m of counted) {
    if (m.outcome !== 'pass' && m.outcome !== 'fail') continue;
    const g = groups.get(m.group) ?? { passed: 0, decided: 0 };
    g.decided += m.weight;
    if (m.outcome === 'pass') g.passed += m.weight;
    groups.set(m.group, g);
  }
  let weighted = 0;
  let totalWeight = 0;
  for (const [name, g] of groups) {
    const weight = scoring.groups[name] ?? g.decided;
    weighted += weight * (g.decided > 0 ? g.passed / g.decided : 0);
    totalWeight += weight;
  }
  return totalWeight > 0 ? (100 * weighted) / totalWeight : null;
}

export function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}
