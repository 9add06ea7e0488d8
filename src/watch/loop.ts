import { evaluate, type EvaluateOptions } from '../analysis/evaluate.js';
import { SequentialState } from '../analysis/sequential/state.js';
import { sequentialJudges } from '../analysis/sequential/judges.js';
import { formatDuration } from '../policy/duration.js';
import type { Policy, WatchPlan } from '../policy/types.js';
import type { MetricReport, Report, WatchLook, WatchLookMetric, WatchReport, WatchStop } from '../report/model.js';
import type { MetricSource } from '../sources/types.js';
import type { Clock } from './clock.js';
import { applyStopRules, type StopCounters } from './stop-rules.js';

/** What every look shares with a one-shot evaluation: alert sources, the override, concurrency. */
export type SharedEvaluation = Pick<EvaluateOptions, 'alertSources' | 'override' | 'concurrency'>;

export interface WatchOptions {
  policy: Policy;
  sources: Record<string, MetricSource>;
  shared?: SharedEvaluation;
  plan: WatchPlan;
  /** Where the window grows from (epoch ms): the canary's start. */
  start: number;
  clock: Clock;
  /** Called after every look, with the look and its full report (progress lines, status). */
  onLook?: (look: WatchLook, report: Report, plan: WatchPlan) => void | Promise<void>;
  signal?: AbortSignal;
}

/**
 * Watch mode: every interval, query the window that has grown from the canary's start to the
 * look (a growing window: sequential tests accumulate evidence, so a sliding window would throw
 * away what made the early decision valid), judge it with the anytime-valid tests, and stop as
 * the stop rules say. Pure but for the sources and the clock, both passed in.
 */
export async function watch(options: WatchOptions): Promise<Report> {
  const { policy, sources, plan, start, clock } = options;
  const state = new SequentialState();
  const judges = sequentialJudges(state, { expectedSamples: Math.max(1, Math.floor(plan.durationMs / policy.stepMs)) });
  const looks: WatchLook[] = [];
  let counters: StopCounters = { failures: 0, consecutiveErrors: 0, inconclusiveLooks: 0 };

  for (let index = 1; ; index++) {
    // Looks are on a fixed grid from the start, so a slow query does not shift later looks.
    const due = Math.min(start + index * plan.intervalMs, start + plan.durationMs);
    await clock.sleep(due - clock.now(), options.signal);
    const now = clock.now();
    // The look's window ends when it was due: later data belongs to the next look, and a start in
    // the past (deployed-at an hour ago) replays the looks it missed, each with its own window.
    const elapsedMs = Math.min(now, due) - start;
    // Whole steps only: a step still being filled would read as a drop in traffic.
    const windowMs = Math.max(policy.stepMs, Math.floor(elapsedMs / policy.stepMs) * policy.stepMs);
    const report = await evaluate({ policy: { ...policy, windowMs }, sources, ...options.shared, end: start + windowMs, now, judges });
    // The canary time observed is the window (whole steps), not the wall clock's few ms of lag.
    const look = lookOf(index, report, start + windowMs, windowMs);
    looks.push(look);
    await options.onLook?.(look, report, plan);

    const decision = applyStopRules(report, windowMs, plan, policy.scoring, counters);
    counters = decision.counters;
    // A slow look that overran the deadline is followed at once by the last look, at the deadline.
    const stop: WatchStop | undefined = decision.stop;
    if (stop) return finalReport(report, { plan, start, stop, why: decision.why ?? 'the duration is over', looks, elapsedMs: windowMs, now });
  }
}

function lookOf(index: number, report: Report, end: number, elapsedMs: number): WatchLook {
  return {
    look: index,
    at: new Date(end).toISOString(),
    elapsedMs,
    verdict: report.verdict,
    score: report.score,
    metrics: report.metrics.map(lookMetric),
  };
}

function lookMetric(m: MetricReport): WatchLookMetric {
  const comparison = m.checks.find((c) => c.comparison)?.comparison;
  const stats = comparison?.statistics;
  const out: WatchLookMetric = { name: m.name, outcome: m.outcome, reason: m.reason };
  if (stats) {
    out.estimate = stats.estimate;
    out.ci = stats.ci;
    out.pValue = stats.pValue;
    out.allowed = comparison.allowed !== null && comparison.baseline !== 0 ? comparison.allowed / Math.abs(comparison.baseline) : null;
  } else if (comparison && comparison.relative !== null) {
    out.estimate = comparison.relative;
  }
  return out;
}

interface Ending {
  plan: WatchPlan;
  start: number;
  stop: WatchStop;
  why: string;
  looks: WatchLook[];
  elapsedMs: number;
  now: number;
}

/** The last look's report, with the watch's story: how long, how many looks, why it stopped. */
function finalReport(report: Report, e: Ending): Report {
  const elapsed = formatDuration(e.elapsedMs);
  const early = e.elapsedMs < e.plan.durationMs;
  const lead =
    e.stop === 'deadline'
      ? `watched the full ${formatDuration(e.plan.durationMs)} (${e.looks.length} looks): ${e.why}`
      : `stopped ${early ? 'early ' : ''}after ${elapsed} of ${formatDuration(e.plan.durationMs)} (${e.looks.length} look${e.looks.length === 1 ? '' : 's'}): ${e.why}`;
  const watch: WatchReport = {
    interval: formatDuration(e.plan.intervalMs),
    duration: formatDuration(e.plan.durationMs),
    minDuration: formatDuration(e.plan.minDurationMs),
    limits: { failure: e.plan.failureLimit, consecutiveError: e.plan.consecutiveErrorLimit, inconclusive: e.plan.inconclusiveLimit ?? null },
    start: new Date(e.start).toISOString(),
    stoppedAt: new Date(e.now).toISOString(),
    elapsed,
    stoppedBy: e.stop,
    early,
    summary: lead,
    looks: e.looks,
  };
  // Limits that end the run decide its verdict; otherwise the last look's verdict stands.
  const verdict = e.stop === 'consecutive-errors' || e.stop === 'failure-limit' || e.stop === 'early-fail' ? 'fail' : e.stop === 'inconclusive-limit' ? 'inconclusive' : report.verdict;
  return { ...report, verdict, reasons: [lead, ...report.reasons], watch };
}
