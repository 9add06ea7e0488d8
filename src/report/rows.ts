import { formatChange, formatNumber, formatPercent, formatSigned, formatValue } from '../core/format.js';
import type { CheckOutcome, KayentaMetricDetail, MetricReport, Report, Verdict } from './model.js';

/** The cells every tabular rendering shows for a metric, formatted once. */
export interface MetricRow {
  name: string;
  flags: string;
  outcome: CheckOutcome;
  canary: string;
  baseline: string;
  delta: string;
  limit: string;
  reason: string;
  /** Caveats about the data (e.g. an errors query that matched nothing), shown beside the reason. */
  notes: string[];
}

export function metricRow(m: MetricReport): MetricRow {
  const fmt = (v: number | null | undefined) => formatValue(v, m.kind, m.unit);
  const comparison = m.checks.find((c) => c.comparison)?.comparison;
  let delta = '–';
  if (comparison) {
    delta = formatSigned(comparison.delta, m.kind, m.unit);
    if (comparison.relative !== null) delta += ` (${formatPercent(comparison.relative, true)})`;
  } else if (m.canary.value !== null && m.baseline?.value !== null && m.baseline?.value !== undefined) {
    delta = formatSigned(m.canary.value - m.baseline.value, m.kind, m.unit);
  }
  const limits: string[] = [];
  const { compare, threshold } = m.limits;
  if (m.kayenta) limits.push(kayentaLimitText(m.kayenta, m.critical));
  else if (compare && compare.test !== 'none') {
    limits.push(limitText(compare, comparison?.decidedBy, (v) => formatChange(v, m.kind, m.unit)));
  }
  if (threshold?.min !== undefined) limits.push(`≥ ${fmt(threshold.min)}`);
  if (threshold?.max !== undefined) limits.push(`≤ ${fmt(threshold.max)}`);
  const flags = [m.critical ? 'critical' : '', m.dryRun ? 'dry-run' : '', m.kayenta?.muted ? 'muted' : !m.counted && !m.dryRun ? 'not counted' : '']
    .filter(Boolean)
    .join(', ');
  return {
    name: m.name,
    flags,
    outcome: m.outcome,
    canary: sideText(m.canary.value, m.canary.errors, m.canary.total, fmt),
    baseline: m.baseline ? sideText(m.baseline.value, m.baseline.errors, m.baseline.total, fmt) : '–',
    delta,
    limit: limits.filter(Boolean).join('; ') || '–',
    reason: m.reason,
    notes: [m.canary, m.baseline].flatMap((side) => side?.notes.map((note) => `${side.scope}: ${note}`) ?? []),
  };
}

function sideText(value: number | null, errors: number | undefined, total: number | undefined, fmt: (v: number | null) => string) {
  if (value === null) return 'no data';
  return errors !== undefined && total !== undefined ? `${fmt(value)} (${trimCount(errors)}/${trimCount(total)})` : fmt(value);
}

function trimCount(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

function limitText(
  c: NonNullable<MetricReport['limits']['compare']>,
  decidedBy: string | undefined,
  fmt: (v: number) => string,
): string {
  const sign = c.direction === 'increase' ? '+' : c.direction === 'decrease' ? '−' : '±';
  const parts: string[] = [];
  if (c.tolerance !== undefined) parts.push(`${sign}${formatPercent(c.tolerance)}`);
  if (c.floor !== undefined) parts.push(`floor ${sign}${fmt(c.floor)}`);
  const decided = decidedBy ? ` [${decidedBy}]` : '';
  return `${parts.join(', ')}${decided}`;
}

/** judge: kayenta: the direction, Kayenta's fixed test, and the effect-size gates that apply. */
function kayentaLimitText(k: KayentaMetricDetail, critical: boolean): string {
  const e = k.effectSize;
  const up = k.direction !== 'decrease';
  const down = k.direction !== 'increase';
  const gates = (increase: number, decrease: number) =>
    [up ? `≥ ${formatNumber(increase)}` : '', down ? `≤ ${formatNumber(decrease)}` : ''].filter(Boolean).join(' / ');
  const sign = k.direction === 'increase' ? '+' : k.direction === 'decrease' ? '−' : '±';
  const name = e.measure === 'cles' ? 'CLES' : 'ratio';
  const criticalGates = critical ? `; critical ${gates(e.criticalIncrease, e.criticalDecrease)}` : '';
  return `Kayenta ${sign}: 98% CI beyond ±25% of the shift, ${name} ${gates(e.allowedIncrease, e.allowedDecrease)}${criticalGates}`;
}

export const OUTCOME_ICON: Record<CheckOutcome, string> = { pass: '✅', fail: '❌', inconclusive: '❔', error: '⚠️' };
export const VERDICT_ICON: Record<Verdict, string> = { pass: '✅', warn: '⚠️', fail: '❌', inconclusive: '❔' };

export function headline(report: Report): string {
  const score =
    report.metrics.length === 0
      ? 'no canary checks (budgets and freezes only)'
      : report.score === null
        ? 'no score'
        : report.kayenta
          ? `Kayenta score ${report.score} (${report.kayenta.classification})`
          : `score ${Number.isInteger(report.score) ? report.score : report.score.toFixed(1)}`;
  const advisory = report.enforced ? '' : ' (advisory: does not fail the run)';
  return `${report.verdict.toUpperCase()} — ${report.policy.service}, ${score}${advisory}`;
}

/** The compared windows and selectors; undefined for a policy without metrics (no canary). */
export function windowsText(report: Report): { canary: string; baseline: string } | undefined {
  if (!report.windows) return undefined;
  const { canary, baseline } = report.windows;
  const how =
    baseline.how === 'offset' ? `, shifted back ${baseline.offset}` : baseline.how === 'before-deploy' ? ', before the deploy' : '';
  return {
    canary: `${canary.selector} over ${canary.start} → ${canary.end}`,
    baseline: `${baseline.selector} over ${baseline.start} → ${baseline.end}${how}`,
  };
}
