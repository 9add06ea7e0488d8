import type { MetricSpec } from '../policy/types.js';
import { aggregate } from '../stats/aggregate.js';
import type { QueryRecord, SideReport, TimeWindow } from '../report/model.js';
import type { Series } from '../sources/types.js';

/** What one query returned, or why it failed. */
export type QueryAnswer = { ok: true; series: Series[] } | { ok: false; error: string };

export interface SideQuery {
  role: QueryRecord['role'];
  query: string;
  answer: QueryAnswer;
}

/** The state of one side's data, before any check looks at it. */
export type DataState =
  | { state: 'ok' }
  | { state: 'error'; reason: string }
  | { state: 'no-data'; reason: string }
  | { state: 'too-few'; reason: string };

export interface Observation {
  report: SideReport;
  samples: number[];
  /**
   * Every point of a value metric's series as returned, NaN and ±Infinity included, in time
   * order (judge: kayenta applies its own NaN strategy to them); empty for ratio metrics and
   * failed queries. Other judges use `samples`.
   */
  raw: number[];
  data: DataState;
}

interface SideContext {
  scope: 'canary' | 'baseline';
  selector: string;
  window: TimeWindow;
  expectedSteps: number;
}

/** Summarises one side's answers: counts, NaN, gaps, and the value the checks judge. */
export function observeSide(metric: MetricSpec, ctx: SideContext, answers: SideQuery[]): Observation {
  const queries = answers.map((a) => queryRecord(a, ctx.expectedSteps));
  const notes: string[] = [];
  const base = { scope: ctx.scope, selector: ctx.selector, window: ctx.window, queries, notes };
  const label = `${ctx.scope} ${metric.kind === 'ratio' ? '' : 'query '}`;

  const failed = answers.find((a) => !a.answer.ok);
  if (failed && !failed.answer.ok) {
    return {
      report: { ...base, samples: 0, value: null },
      samples: [],
      raw: [],
      data: { state: 'error', reason: `${label}${failed.role === 'query' ? '' : `${failed.role} query `}failed: ${failed.answer.error}` },
    };
  }

  if (metric.kind === 'ratio') return observeRatio(metric, ctx, answers, base);

  const series = (answers[0]!.answer as { series: Series[] }).series;
  const record = queries[0]!;
  if (series.length === 0) {
    return noData(base, `${ctx.scope} query returned no series: ${answers[0]!.query}`);
  }
  const raw = valuesInTimeOrder(series);
  const samples = raw.filter((v) => Number.isFinite(v));
  if (samples.length === 0) {
    return { ...noData(base, `${ctx.scope} query returned ${record.points} points, none a finite number: ${answers[0]!.query}`), raw };
  }
  const value = aggregate(samples, metric.aggregate);
  return { ...withSampleCheck(metric, ctx, { ...base, samples: samples.length, value }, samples), raw };
}

function observeRatio(
  metric: MetricSpec,
  ctx: SideContext,
  answers: SideQuery[],
  base: Omit<SideReport, 'samples' | 'value'>,
): Observation {
  const byRole = (role: 'errors' | 'total') => answers.find((a) => a.role === role)!;
  const total = byRole('total');
  const errors = byRole('errors');
  const totalSeries = (total.answer as { series: Series[] }).series;
  const errorSeries = (errors.answer as { series: Series[] }).series;
  if (totalSeries.length === 0) return noData(base, `${ctx.scope} total query returned no series: ${total.query}`);
  const totals = finiteInTimeOrder(totalSeries);
  const totalCount = sumOf(totals);
  if (totals.length === 0) return noData(base, `${ctx.scope} total query returned no finite points: ${total.query}`);
  if (errorSeries.length === 0) {
    // Prometheus drops series that never saw an event: with traffic present, no error series
    // means zero errors. Said in the report so a typo in the errors query stays visible.
    base.notes.push(`errors query returned no series; counted as 0 errors against ${totalCount} total`);
  }
  const errorCount = sumOf(finiteInTimeOrder(errorSeries));
  if (totalCount <= 0) {
    return noData(base, `${ctx.scope} had no traffic: total is 0 over the window (${total.query})`);
  }
  if (errorCount > totalCount) {
    base.notes.push(`errors (${errorCount}) exceed total (${totalCount}): the two queries disagree`);
  }
  // Samples of a ratio are steps with traffic data: per-pod series must not multiply them.
  const steps = finiteSteps(totalSeries);
  const report: SideReport = { ...base, samples: steps, value: errorCount / totalCount, errors: errorCount, total: totalCount };
  return withSampleCheck(metric, ctx, report, totals, steps);
}

function finiteSteps(series: Series[]): number {
  const steps = new Set<number>();
  for (const s of series) for (const p of s.points) if (Number.isFinite(p.v)) steps.add(p.t);
  return steps.size;
}

function withSampleCheck(metric: MetricSpec, ctx: SideContext, report: SideReport, samples: number[], count = samples.length): Observation {
  if (count < metric.minSamples) {
    return {
      report,
      samples,
      raw: [],
      data: {
        state: 'too-few',
        reason: `${ctx.scope} has ${count} sample${count === 1 ? '' : 's'}, fewer than min-samples ${metric.minSamples}`,
      },
    };
  }
  return { report, samples, raw: [], data: { state: 'ok' } };
}

function noData(base: Omit<SideReport, 'samples' | 'value'>, reason: string): Observation {
  return { report: { ...base, samples: 0, value: null }, samples: [], raw: [], data: { state: 'no-data', reason } };
}

function queryRecord(answer: SideQuery, expectedSteps: number): QueryRecord {
  if (!answer.answer.ok) {
    return { role: answer.role, query: answer.query, series: 0, points: 0, nonFinite: 0, missing: 0, error: answer.answer.error };
  }
  const series = answer.answer.series;
  let points = 0;
  let nonFinite = 0;
  let missing = 0;
  for (const s of series) {
    points += s.points.length;
    nonFinite += s.points.filter((p) => !Number.isFinite(p.v)).length;
    missing += Math.max(0, expectedSteps - s.points.length);
  }
  return { role: answer.role, query: answer.query, series: series.length, points, nonFinite, missing };
}

function finiteInTimeOrder(series: Series[]): number[] {
  return valuesInTimeOrder(series).filter((v) => Number.isFinite(v));
}

/** All points' values, NaN included; several series are merged by time (a stable sort). */
function valuesInTimeOrder(series: Series[]): number[] {
  if (series.length === 1) return series[0]!.points.map((p) => p.v);
  const points = series.flatMap((s) => s.points);
  points.sort((a, b) => a.t - b.t);
  return points.map((p) => p.v);
}

function sumOf(values: number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
