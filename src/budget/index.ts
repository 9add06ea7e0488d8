/**
 * Error budgets in the run: `observeBudget` starts the SLO queries (alongside the metrics'),
 * `finishBudget` decides once the metrics are judged (the canary impact needs them), and
 * `withBudget` folds the budget outcome into the verdict.
 */
import type { Policy } from '../policy/types.js';
import type { BudgetOutcome, BudgetReport } from '../report/budget-model.js';
import type { MetricReport, Verdict } from '../report/model.js';
import type { MetricSource } from '../sources/types.js';
import { decideBudget, freezeReports, sloReport, type OverrideRequest } from './decide.js';
import { observeSlo, type AskSource, type SloObservation } from './observe.js';

export type { OverrideRequest } from './decide.js';
export type { AskSource } from './observe.js';

export function hasBudget(policy: Policy): boolean {
  return (policy.slos?.length ?? 0) > 0 || (policy.freeze?.length ?? 0) > 0;
}

export function observeBudget(
  policy: Policy,
  sources: Record<string, MetricSource>,
  end: number,
  ask: AskSource,
): Promise<SloObservation[]> {
  return Promise.all((policy.slos ?? []).map((slo) => observeSlo(slo, sources[slo.source]!, { end, vars: policy.vars, ask })));
}

export function finishBudget(
  policy: Policy,
  observations: SloObservation[],
  metrics: readonly MetricReport[],
  end: number,
  override: OverrideRequest | undefined,
): BudgetReport {
  return decideBudget({
    slos: observations.map((o) => sloReport(o, metrics)),
    freezes: freezeReports(policy.freeze ?? [], end),
    override,
    rule: policy.override ?? { label: '', appliesTo: [] },
    checkedAt: end,
  });
}

const VERDICT_OF: Record<BudgetOutcome, Verdict> = { pass: 'pass', warn: 'warn', inconclusive: 'inconclusive', block: 'fail', error: 'fail' };
const VERDICT_RANK: Record<Verdict, number> = { pass: 0, warn: 1, inconclusive: 2, fail: 3 };

/**
 * The run's verdict with the budget: the worse of the two. A blocked or errored budget fails the
 * run whatever the canary's score; an overridden block warns. The budget's reasons lead when it
 * is what decided.
 */
export function withBudget(decision: { verdict: Verdict; reasons: string[] }, budget: BudgetReport | undefined): { verdict: Verdict; reasons: string[] } {
  if (!budget) return decision;
  const fromBudget = VERDICT_OF[budget.outcome];
  const verdict = VERDICT_RANK[fromBudget] > VERDICT_RANK[decision.verdict] ? fromBudget : decision.verdict;
  const budgetReasons = budget.reasons.map((r) => (r.startsWith('override') ? r : `budget: ${r}`));
  if (budget.outcome === 'pass' && budgetReasons.length === 0) return { verdict, reasons: decision.reasons };
  const budgetLeads = VERDICT_RANK[fromBudget] >= VERDICT_RANK[decision.verdict] && fromBudget !== 'pass';
  return { verdict, reasons: budgetLeads ? [...budgetReasons, ...decision.reasons] : [...decision.reasons, ...budgetReasons] };
}
