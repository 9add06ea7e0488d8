import { UsageError } from '../core/run.js';
import { formatDuration, parseDuration } from '../policy/duration.js';
import type { Policy, WatchPlan } from '../policy/types.js';
import { checkWatchPlan, WATCH_DEFAULTS } from '../policy/watch.js';

/** How the edge asks for watch mode: flags or inputs over the policy's `watch` section. */
export interface WatchRequest {
  /** true: watch (the policy's plan or the defaults); false: one evaluation; undefined: watch when the policy has a plan. */
  enabled?: boolean;
  interval?: string;
  duration?: string;
  minDuration?: string;
}

/**
 * The plan to run, or undefined for a one-shot evaluation. Overrides are checked like the
 * policy's keys (6-hour limit, interval ≥ step, …) and reported under the name the user typed
 * them with (`--duration`, `input watch-duration`).
 */
export function resolveWatchPlan(policy: Policy, request: WatchRequest | undefined, nameOf: (key: 'interval' | 'duration' | 'min-duration') => string): WatchPlan | undefined {
  const overrides = request?.interval !== undefined || request?.duration !== undefined || request?.minDuration !== undefined;
  const enabled = request?.enabled ?? (policy.watch !== undefined || overrides);
  if (!enabled) return undefined;
  if (policy.judge === 'kayenta') throw new UsageError("watch mode needs judge: gate: Kayenta's fixed-sample judge is not anytime-valid");
  const base: WatchPlan = policy.watch ?? {
    intervalMs: parseDuration(WATCH_DEFAULTS.interval)!,
    durationMs: parseDuration(WATCH_DEFAULTS.duration)!,
    minDurationMs: parseDuration(WATCH_DEFAULTS.minDuration)!,
    failureLimit: WATCH_DEFAULTS.failureLimit,
    consecutiveErrorLimit: WATCH_DEFAULTS.consecutiveErrorLimit,
  };
  const parse = (key: 'interval' | 'duration' | 'min-duration', text: string | undefined, fallback: number) => {
    if (text === undefined || text === '') return fallback;
    const ms = parseDuration(text);
    if (ms === undefined) throw new UsageError(`${nameOf(key)}: expected a duration such as 30s, 5m, 1h, got "${text}"`);
    return ms;
  };
  const plan: WatchPlan = {
    ...base,
    intervalMs: parse('interval', request?.interval, base.intervalMs),
    durationMs: parse('duration', request?.duration, base.durationMs),
    minDurationMs: parse('min-duration', request?.minDuration, base.minDurationMs),
  };
  // A shortened duration pulls a default min-duration down with it rather than refusing the plan.
  if (request?.minDuration === undefined && plan.minDurationMs > plan.durationMs) plan.minDurationMs = plan.durationMs;
  const problems = checkWatchPlan(plan, policy.stepMs);
  if (problems.length > 0) throw new UsageError(problems.map((p) => `${nameOf(p.key)}: ${p.message}`).join('; '));
  return plan;
}

/** "1m looks for up to 30m, no pass before 5m" — for the first progress line. */
export function describePlan(plan: WatchPlan): string {
  return `a look every ${formatDuration(plan.intervalMs)} for up to ${formatDuration(plan.durationMs)}, no early pass before ${formatDuration(plan.minDurationMs)}`;
}
