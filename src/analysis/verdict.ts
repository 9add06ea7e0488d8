import type { CheckOutcome, KayentaScoreDetail, MetricReport, Verdict } from '../report/model.js';
import { kayentaScore, type KayentaMetricLabel } from './kayenta/score.js';

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
  if (metrics.length === 0) {
    // A policy without metrics or alerts is a pre-deploy gate: its budgets and freezes decide.
    verdict = 'pass';
  } else if (counted.length === 0) {
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

/**
 * judge: kayenta. The verdict follows Kayenta's score (KAYENTA.md §1.5): Pass → pass, Marginal →
 * warn, Fail → fail. One addition fails closed: a counted metric whose query failed, where Kayenta
 * would have stopped the analysis without any score. Classifier errors (label Error) are left out
 * of the score, as Kayenta does.
 */
export function decideKayentaVerdict(metrics: MetricReport[], scoring: Scoring): VerdictResult & { kayenta: KayentaScoreDetail } {
  const counted = metrics.filter((m) => m.counted);
  const counts = { pass: 0, fail: 0, inconclusive: 0, error: 0, notCounted: metrics.length - counted.length };
  for (const m of counted) counts[m.outcome]++;

  const labels: KayentaMetricLabel[] = metrics.map((m) => {
    const k = m.kayenta;
    if (!k) throw new Error(`metric ${m.name} was not classified by Kayenta's judge`);
    return { name: m.name, groups: k.groups, label: k.label, critical: k.critical, muted: k.muted, reason: `${m.name}: ${k.reason}` };
  });
  const result = kayentaScore(labels, scoring.groups, scoring);
  const kayenta: KayentaScoreDetail = {
    score: result.score,
    classification: result.classification,
    ...(result.reason ? { reason: result.reason } : {}),
    groups: result.groupScores,
  };

  const reasons: string[] = [];
  const queryFailed = counted.filter((m) => m.kayenta?.queryFailed);
  let verdict: Verdict = result.classification === 'Pass' ? 'pass' : result.classification === 'Marginal' ? 'warn' : 'fail';
  if (queryFailed.length > 0) {
    verdict = 'fail';
    reasons.push(`query failed for ${queryFailed.map((m) => m.name).join(', ')}: Kayenta would stop the analysis without a score (fails closed)`);
  }
  if (result.reason) reasons.push(result.reason);
  reasons.push(`Kayenta score ${result.score}: ${result.classification} (pass ${scoring.pass}, marginal ${scoring.marginal})`);
  const byLabel = new Map<string, string[]>();
  for (const m of counted) {
    const label = m.kayenta!.label;
    if (label !== 'Pass') byLabel.set(label, [...(byLabel.get(label) ?? []), m.name + (m.kayenta!.critical ? ' (critical)' : '')]);
  }
  for (const [label, names] of byLabel) reasons.push(`${label}: ${names.join(', ')}`);
  if (result.groupScores.length > 1 || Object.keys(scoring.groups).length > 0) {
    const groups = result.groupScores.map((g) => `${g.group} ${g.noData ? 'no data' : formatScore(Math.round(g.score * 100) / 100)} (weight ${formatScore(Math.round(g.weight * 100) / 100)})`);
    reasons.push(`groups: ${groups.join(', ')}`);
  }
  return { verdict, score: result.score, reasons, counts, kayenta };
}
