/**
 * Reads an SLO's event counts: for every window it needs (the SLO window, each tier's long and
 * short window, the current window) one `bad` and one `total` query with `{{window}}` set to it,
 * evaluated at the end time. Sources are passed in; nothing here knows HTTP.
 */
import { formatDuration } from '../policy/duration.js';
import type { SloSpec } from '../policy/slo-types.js';
import { renderTemplate } from '../policy/template.js';
import type { SloQueryRecord } from '../report/budget-model.js';
import type { MetricSource, RangeQuery, Series } from '../sources/types.js';
import { localTime, zonedToUtc } from './time-zone.js';

/** Runs one query (the caller bounds concurrency); rejects when it fails. */
export type AskSource = (source: MetricSource, request: RangeQuery) => Promise<Series[]>;

export interface WindowCounts {
  windowMs: number;
  /** Bad events: errors, or total − good (clamped at 0). */
  errors: number;
  total: number;
  /** The total query returned no series (or no finite points). */
  noSeries: boolean;
}

export interface SloWindowSpan {
  /** Start of the SLO window (epoch ms); the end is the evaluation end. */
  start: number;
  end: number;
  /** Length queried: the rolling window, or the month so far. */
  elapsedMs: number;
  /** Length the budget is for: the rolling window, or the whole calendar month. */
  budgetMs: number;
  /** Calendar months: when the budget resets. */
  resetsAt?: number;
  label: string;
}

export interface SloObservation {
  slo: SloSpec;
  span: SloWindowSpan;
  /** By window length in ms. */
  counts: Map<number, WindowCounts>;
  queries: SloQueryRecord[];
  notes: string[];
  /** A query failed, or the SLO window had no data. */
  failure?: { kind: 'error' | 'no-data'; reason: string };
}

/** The SLO window ending at `end`: rolling, or the calendar month so far in its time zone. */
export function sloWindowSpan(slo: SloSpec, end: number): SloWindowSpan {
  if (slo.window.kind === 'rolling') {
    return { start: end - slo.window.ms, end, elapsedMs: slo.window.ms, budgetMs: slo.window.ms, label: formatDuration(slo.window.ms) };
  }
  const tz = slo.window.timeZone;
  const local = localTime(end, tz);
  const start = zonedToUtc({ year: local.year, month: local.month, day: 1 }, tz);
  const next = local.month === 12 ? { year: local.year + 1, month: 1 } : { year: local.year, month: local.month + 1 };
  const resetsAt = zonedToUtc({ ...next, day: 1 }, tz);
  const month = `${local.year}-${String(local.month).padStart(2, '0')}`;
  return { start, end, elapsedMs: end - start, budgetMs: resetsAt - start, resetsAt, label: `month ${month} (${tz})` };
}

/** The distinct window lengths an SLO needs, SLO window first. */
export function windowsNeeded(slo: SloSpec, span: SloWindowSpan): number[] {
  const all = [span.elapsedMs, slo.currentWindowMs, ...slo.tiers.flatMap((t) => [t.longMs, t.shortMs])];
  return [...new Set(all.filter((ms) => ms > 0))];
}

export async function observeSlo(
  slo: SloSpec,
  source: MetricSource,
  ctx: { end: number; vars: Record<string, string>; ask: AskSource },
): Promise<SloObservation> {
  const span = sloWindowSpan(slo, ctx.end);
  const notes: string[] = [];
  const queries: SloQueryRecord[] = [];
  const counts = new Map<number, WindowCounts>();
  if (span.elapsedMs < 60_000) {
    // The first minute of a calendar month: there is nothing to count yet.
    return { slo, span, counts, queries, notes, failure: { kind: 'no-data', reason: `the ${span.label} window has just begun` } };
  }

  const run = async (windowMs: number, role: SloQueryRecord['role'], template: string) => {
    const window = formatDuration(windowMs);
    const query = renderTemplate(template, { ...ctx.vars, window });
    // One evaluation at `end` whose step is the window: Prometheus answers the {{window}} count at
    // `end`; the file source returns the points in (end − window, end], which sum to the same.
    const request: RangeQuery = { query, start: ctx.end, end: ctx.end, stepMs: windowMs };
    const record: SloQueryRecord = { window, role, query, value: null, series: 0 };
    queries.push(record);
    try {
      const series = await ctx.ask(source, request);
      let value = 0;
      let finite = 0;
      for (const s of series) {
        for (const p of s.points) {
          if (Number.isFinite(p.v)) {
            value += p.v;
            finite++;
          }
        }
      }
      record.series = series.length;
      record.value = finite > 0 ? value : null;
      return { ok: true as const, value, finite, series: series.length };
    } catch (error) {
      record.error = (error as Error).message;
      return { ok: false as const, error: record.error };
    }
  };

  const windows = windowsNeeded(slo, span);
  const answers = await Promise.all(
    windows.map(async (windowMs) => {
      const [bad, total] = await Promise.all([run(windowMs, slo.counts, slo.bad), run(windowMs, 'total', slo.total)]);
      return { windowMs, bad, total };
    }),
  );
  // Queries in a stable order for the report: by window as listed, bad before total.
  queries.sort((a, b) => windows.indexOf(parseWindow(a.window, windows)) - windows.indexOf(parseWindow(b.window, windows)) || (a.role === 'total' ? 1 : -1));

  let failure: SloObservation['failure'];
  for (const { windowMs, bad, total } of answers) {
    const w = formatDuration(windowMs);
    if (!bad.ok || !total.ok) {
      const [role, answer] = !total.ok ? ['total', total] : [slo.counts, bad];
      failure ??= { kind: 'error', reason: `${role} query over ${w} failed: ${(answer as { error: string }).error}` };
      continue;
    }
    const noSeries = total.series === 0 || total.finite === 0;
    let errors: number;
    if (slo.counts === 'errors') {
      if (bad.series === 0 && !noSeries && windowMs === span.elapsedMs) {
        // Prometheus has no series for errors that never happened; a typo looks the same, so say it.
        notes.push(`errors query returned no series over ${w}; counted as 0 errors against ${round(total.value)} events`);
      }
      errors = bad.value;
      if (errors > total.value) {
        notes.push(`errors (${round(errors)}) exceed total (${round(total.value)}) over ${w}: the queries disagree; counted as all bad`);
        errors = total.value;
      }
    } else {
      if (bad.series === 0 && !noSeries && total.value > 0) {
        // No series for good events while there was traffic is a broken query, not a total outage
        // (a counter that stopped rising still has a series): fail closed instead of reading 100% bad.
        failure ??= { kind: 'error', reason: `good query over ${w} returned no series while total counted ${round(total.value)} events: check the query` };
        continue;
      }
      errors = total.value - bad.value;
      if (errors < 0) {
        notes.push(`good (${round(bad.value)}) exceeds total (${round(total.value)}) over ${w}: the queries are out of sync (SLI capped at 100%)`);
        errors = 0;
      }
    }
    counts.set(windowMs, { windowMs, errors, total: noSeries ? 0 : total.value, noSeries });
  }
  const whole = counts.get(span.elapsedMs);
  if (!failure && whole && (whole.noSeries || whole.total <= 0)) {
    const what = whole.noSeries ? 'the total query returned no data' : 'the total is 0';
    failure = { kind: 'no-data', reason: `${what} over the SLO window (${span.label})` };
  }
  return { slo, span, counts, queries, notes, failure };
}

function parseWindow(text: string, windows: number[]): number {
  return windows.find((w) => formatDuration(w) === text) ?? 0;
}

function round(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
