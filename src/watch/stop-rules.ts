import { decideVerdict, type Scoring } from '../analysis/verdict.js';
import type { WatchPlan } from '../policy/types.js';
import type { MetricReport, Report, WatchStop } from '../report/model.js';

/** The loop's counters, carried from look to look. */
export interface StopCounters {
  failures: number;
  consecutiveErrors: number;
  inconclusiveLooks: number;
}

export interface StopDecision {
  stop: WatchStop | undefined;
  counters: StopCounters;
  /** Why, in one sentence, when the run stops. */
  why?: string;
}

/**
 * The early-stop rules, applied to one look's report (pure; the loop just follows them):
 * - a look fails when a counted critical metric failed, or when the score would stay below
 *   marginal even if every undecided metric passed — the verdict can no longer be rescued.
 *   More than failure-limit failed looks end the run failed, at any time;
 * - a look with a query error or missing data counts towards consecutive-error-limit; more in
 *   a row than the limit end the run failed (errors fail closed);
 * - once min-duration has passed: every counted metric decided → stop with that verdict (pass
 *   early when all pass); more undecided looks than inconclusive-limit → stop inconclusive;
 * - at the duration: stop with the look's verdict (inconclusive if undecided).
 */
export function applyStopRules(report: Report, elapsedMs: number, plan: WatchPlan, scoring: Scoring, counters: StopCounters): StopDecision {
  const next = { ...counters };
  const counted = report.metrics.filter((m) => m.counted);
  const names = (list: MetricReport[]) => list.map((m) => m.name).join(', ');
  const errored = counted.filter((m) => m.outcome === 'error');
  const undecided = counted.filter((m) => m.outcome === 'inconclusive');
  const criticalFails = counted.filter((m) => m.critical && m.outcome === 'fail');

  // A blocked deploy (budget spent, burning fast, frozen) cannot be rescued by more canary data.
  if (report.budget?.outcome === 'block') {
    return { stop: 'early-fail', counters: next, why: `the deploy policy blocks: ${report.budget.reasons.join('; ') || 'block'}` };
  }
  const budgetError = report.budget?.outcome === 'error';

  const hopeless = criticalFails.length > 0 || rescued(report.metrics, scoring) === 'fail';
  if (hopeless) {
    next.failures++;
    if (next.failures > plan.failureLimit) {
      const what = criticalFails.length > 0 ? `critical metric failed: ${names(criticalFails)}` : 'the score cannot reach marginal even if every undecided metric passes';
      const limit = plan.failureLimit > 0 ? ` (${next.failures} failed looks, failure-limit ${plan.failureLimit})` : '';
      return { stop: plan.failureLimit > 0 ? 'failure-limit' : 'early-fail', counters: next, why: `${what}${limit}` };
    }
  }

  if (errored.length > 0 || budgetError) {
    next.consecutiveErrors++;
    if (next.consecutiveErrors > plan.consecutiveErrorLimit) {
      const which = [...errored.map((m) => m.name), ...(budgetError ? ['the error budget'] : [])].join(', ');
      return {
        stop: 'consecutive-errors',
        counters: next,
        why: `${next.consecutiveErrors} looks in a row with errors (consecutive-error-limit ${plan.consecutiveErrorLimit}): ${which}`,
      };
    }
  } else next.consecutiveErrors = 0;

  const atDeadline = elapsedMs >= plan.durationMs;
  const pastMin = elapsedMs >= plan.minDurationMs;
  if (errored.length === 0 && !budgetError && undecided.length === 0 && !hopeless && pastMin && !atDeadline) {
    const verdict = report.verdict;
    return { stop: verdict === 'pass' ? 'early-pass' : 'decided', counters: next, why: `every counted metric is decided (${verdict})` };
  }
  if (pastMin && errored.length === 0 && undecided.length > 0 && plan.inconclusiveLimit !== undefined) {
    next.inconclusiveLooks++;
    if (next.inconclusiveLooks > plan.inconclusiveLimit) {
      return {
        stop: 'inconclusive-limit',
        counters: next,
        why: `${next.inconclusiveLooks} undecided looks after min-duration (inconclusive-limit ${plan.inconclusiveLimit}): ${names(undecided)}`,
      };
    }
  }
  if (atDeadline) {
    const why = undecided.length > 0 ? `the duration is over with ${names(undecided)} still undecided` : 'the duration is over';
    return { stop: 'deadline', counters: next, why };
  }
  return { stop: undefined, counters: next };
}

/** The verdict if every undecided or errored metric turned out to pass: the best this run can still reach. */
function rescued(metrics: MetricReport[], scoring: Scoring) {
  const best = metrics.map((m) => (m.outcome === 'inconclusive' || m.outcome === 'error' ? { ...m, outcome: 'pass' as const } : m));
  return decideVerdict(best, scoring).verdict;
}
