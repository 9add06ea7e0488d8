import { formatDuration, parseDuration } from './duration.js';
import type { PolicyDocument } from './schema.js';
import type { JudgeMode, NotifySpec, WatchPlan } from './types.js';
import type { Problem } from './yaml-source.js';

/** GitHub-hosted runners end a job after 6 hours: a longer plan could never report its verdict. */
export const WATCH_MAX_MS = 6 * 3_600_000;

export const WATCH_DEFAULTS = { interval: '1m', duration: '30m', minDuration: '5m', failureLimit: 0, consecutiveErrorLimit: 4 } as const;


/** A problem with a watch plan, keyed by the policy key it is about. */
export interface WatchPlanProblem {
  key: 'interval' | 'duration' | 'min-duration';
  message: string;
}

/**
 * What makes a plan unusable, whichever way it was given (policy keys, CLI flags, action inputs):
 * the 6-hour job limit, a look more often than the data has a new step, min-duration beyond the
 * end.
 */
export function checkWatchPlan(plan: Pick<WatchPlan, 'intervalMs' | 'durationMs' | 'minDurationMs'>, stepMs: number): WatchPlanProblem[] {
  const problems: WatchPlanProblem[] = [];
  const fmt = formatDuration;
  if (!(plan.intervalMs > 0)) problems.push({ key: 'interval', message: 'the interval must be longer than zero' });
  else if (plan.intervalMs < stepMs) {
    problems.push({ key: 'interval', message: `the interval (${fmt(plan.intervalMs)}) is shorter than the step (${fmt(stepMs)}): a look would see no new data` });
  }
  if (!(plan.durationMs > 0)) problems.push({ key: 'duration', message: 'the duration must be longer than zero' });
  else if (plan.durationMs > WATCH_MAX_MS) {
    problems.push({
      key: 'duration',
      message: `a watch of ${fmt(plan.durationMs)} cannot finish within the 6-hour job limit of GitHub-hosted runners; watch for at most 6h (or split the rollout into several gated steps)`,
    });
  } else if (plan.intervalMs > plan.durationMs) {
    problems.push({ key: 'interval', message: `the interval (${fmt(plan.intervalMs)}) is longer than the duration (${fmt(plan.durationMs)})` });
  }
  if (plan.minDurationMs < 0) problems.push({ key: 'min-duration', message: 'min-duration must not be negative' });
  else if (plan.durationMs > 0 && plan.minDurationMs > plan.durationMs) {
    problems.push({ key: 'min-duration', message: `min-duration (${fmt(plan.minDurationMs)}) is longer than the duration (${fmt(plan.durationMs)})` });
  }
  return problems;
}

/** The policy's `watch` section, resolved with its defaults and checked. */
export function normalizeWatch(doc: PolicyDocument, stepMs: number, judge: JudgeMode, problem: Problem): WatchPlan | undefined {
  const watch = doc.watch;
  if (!watch) return undefined;
  if (!doc.metrics?.length) {
    problem(['watch'], 'watch mode watches a canary: a policy without metrics is checked once', 'key');
  }
  if (judge === 'kayenta') {
    problem(['watch'], "watch mode needs judge: gate: Kayenta's fixed-sample Mann-Whitney would inflate false alarms when re-run at every look", 'key');
  }
  const plan: WatchPlan = {
    intervalMs: parseDuration(watch.interval ?? WATCH_DEFAULTS.interval) ?? NaN,
    durationMs: parseDuration(watch.duration ?? WATCH_DEFAULTS.duration) ?? NaN,
    minDurationMs: parseDuration(watch['min-duration'] ?? WATCH_DEFAULTS.minDuration) ?? NaN,
    failureLimit: watch['failure-limit'] ?? WATCH_DEFAULTS.failureLimit,
    consecutiveErrorLimit: watch['consecutive-error-limit'] ?? WATCH_DEFAULTS.consecutiveErrorLimit,
    inconclusiveLimit: watch['inconclusive-limit'],
  };
  // Report each problem on the key the user wrote, or on `watch` when it comes from a default.
  for (const p of checkWatchPlan(plan, Number.isFinite(stepMs) ? stepMs : 0)) {
    problem(watch[p.key] !== undefined ? ['watch', p.key] : ['watch'], p.message, watch[p.key] !== undefined ? 'value' : 'key');
  }
  if (Number.isFinite(stepMs) && stepMs > 0 && plan.durationMs / stepMs > 11_000) {
    problem(['watch', 'duration'], `duration/step gives ${Math.ceil(plan.durationMs / stepMs)} points per query at the last look; Prometheus allows 11000`);
  }
  return plan;
}

/** The policy's `notify` section, resolved with its defaults. */
export function normalizeNotify(doc: PolicyDocument, problem: Problem): NotifySpec | undefined {
  const notify = doc.notify;
  if (!notify) return undefined;
  if (!/^https?:\/\//i.test(notify.url)) problem(['notify', 'url'], 'expected an http:// or https:// URL');
  const timeoutMs = parseDuration(notify.timeout ?? '10s') ?? NaN;
  if (!(timeoutMs > 0)) problem(['notify', 'timeout'], 'the timeout must be longer than zero');
  return {
    url: notify.url,
    headers: notify.headers ?? {},
    on: notify.on ?? ['pass', 'warn', 'fail', 'inconclusive'],
    timeoutMs,
    retries: notify.retries ?? 3,
  };
}
