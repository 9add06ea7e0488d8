import { UsageError, type GateOptions } from '../core/run.js';
import type { Policy } from '../policy/types.js';
import type { Report } from '../report/model.js';
import type { MetricSource } from '../sources/types.js';
import { systemClock } from './clock.js';
import { watch, type SharedEvaluation } from './loop.js';
import { resolveWatchPlan } from './plan.js';

/**
 * Watch mode for runGate: the plan from the policy and the edge's overrides, the window growing
 * from deployed-at (or from now), the wall clock unless the caller brings one. Loaded on demand
 * so one-shot runs do not parse it.
 */
export async function runWatchGate(
  policy: Policy,
  sources: Record<string, MetricSource>,
  shared: SharedEvaluation,
  options: GateOptions,
  redact: (text: string) => string,
): Promise<Report | undefined> {
  const request = options.watch;
  const plan = resolveWatchPlan(policy, request, request?.nameOf ?? ((key) => `watch.${key}`));
  if (!plan) return undefined;
  if (options.end !== undefined && options.end !== options.now) {
    throw new UsageError('an end time does not apply in watch mode: the window grows from the canary start (deployed-at, or now) to each look');
  }
  const clock = request?.clock ?? systemClock;
  const start = policy.deployedAt ?? clock.now();
  return watch({ policy, sources, shared, plan, start, clock, onLook: request?.onLook && ((look, report, p) => request.onLook!(look, report, p, redact)), signal: request?.signal });
}
