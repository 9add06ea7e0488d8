/**
 * The budget policy, pure: SLO figures and outcomes from the observed counts, freeze windows at
 * the end time, the audited override, and one budget outcome for the run.
 */
import { formatDuration } from '../policy/duration.js';
import type { FreezeSpec, OverrideSpec, Severity, SloSpec } from '../policy/slo-types.js';
import type {
  BudgetOutcome,
  BudgetReport,
  BurnFigure,
  CanaryImpactReport,
  FreezeReport,
  OverrideReport,
  SloReport,
  TierReport,
} from '../report/budget-model.js';
import type { MetricReport } from '../report/model.js';
import { formatPercent } from '../core/format.js';
import { burnRate, burnUpperBound, exceeds, exhaustionMs, tierFactor } from './burn.js';
import { formatBudgetShare, formatBurn, formatCount, formatExhaustion, formatSli, formatSpan } from './format.js';
import { describeFreeze, freezeStatus } from './freeze.js';
import type { SloObservation, WindowCounts } from './observe.js';

/** An override as the edges found it: a PR label, or the input/flag with a reason. */
export interface OverrideRequest {
  via: 'label' | 'input';
  by: string;
  /** Epoch ms. */
  at: number;
  reason: string;
  label?: string;
  pullRequest?: number;
  notes?: string[];
}

const RANK: Record<BudgetOutcome, number> = { pass: 0, warn: 1, inconclusive: 2, block: 3, error: 4 };

export function worstBudgetOutcome(outcomes: BudgetOutcome[]): BudgetOutcome {
  return outcomes.reduce<BudgetOutcome>((worst, o) => (RANK[o] > RANK[worst] ? o : worst), 'pass');
}

/** The figures and the outcome of one SLO. `metrics` supply the canary's error ratio. */
export function sloReport(obs: SloObservation, metrics: readonly MetricReport[]): SloReport {
  const { slo, span } = obs;
  const figure = (windowMs: number): BurnFigure | null => {
    const c: WindowCounts | undefined = obs.counts.get(windowMs);
    if (!c) return null;
    return {
      window: formatDuration(windowMs),
      errors: c.errors,
      total: c.total,
      burn: burnRate(c.errors, c.total, slo.budget),
      upper: burnUpperBound(c.errors, c.total, slo.budget, slo.confidence, slo.interval),
    };
  };
  const base = {
    name: slo.name,
    source: slo.source,
    description: slo.description,
    objective: slo.objective,
    budget: slo.budget,
    window: span.label,
    windowStart: new Date(span.start).toISOString(),
    windowEnd: new Date(span.end).toISOString(),
    minEvents: slo.minEvents,
    minRemaining: slo.minRemaining,
    decideOn: slo.decideOn,
    confidence: slo.confidence,
    interval: slo.interval,
    queries: obs.queries,
    notes: obs.notes,
    line: slo.line,
    ...(span.resetsAt !== undefined ? { resetsAt: new Date(span.resetsAt).toISOString() } : {}),
  };
  const empty = { sli: null, events: null, consumed: null, remaining: null, current: null, exhaustionMs: null, tiers: [] as TierReport[] };

  if (obs.failure) {
    const { kind, reason } = obs.failure;
    let outcome: BudgetOutcome = 'error';
    let text = kind === 'error' ? reason : `no data: ${reason}`;
    if (kind === 'no-data') {
      if (slo.onNoData === 'inconclusive') [outcome, text] = ['inconclusive', `no data (on-no-data: inconclusive): ${reason}`];
      else if (slo.onNoData === 'pass') [outcome, text] = ['pass', `no data, accepted by on-no-data: pass: ${reason}`];
      else if (slo.onNoData === 'ignore') [outcome, text] = ['pass', `no data, not counted (on-no-data: ignore): ${reason}`];
    }
    return { ...base, ...empty, outcome, originalOutcome: outcome, reason: text };
  }

  const whole = obs.counts.get(span.elapsedMs)!;
  const sli = 1 - whole.errors / whole.total;
  const consumed = whole.errors / (whole.total * slo.budget);
  const remaining = 1 - consumed;
  const current = figure(slo.currentWindowMs);
  const decide = (f: BurnFigure | null) => (f === null ? null : slo.decideOn === 'upper-bound' ? f.upper : f.burn);
  const exhaustion = exhaustionMs(remaining, current?.burn ?? null, span.budgetMs);

  const tiers: TierReport[] = slo.tiers.map((tier) => {
    const factor = tierFactor(tier, span.budgetMs);
    const longBurn = figure(tier.longMs)!;
    const shortBurn = figure(tier.shortMs)!;
    return {
      long: formatDuration(tier.longMs),
      short: formatDuration(tier.shortMs),
      factor,
      ...(tier.share !== undefined ? { share: tier.share } : {}),
      severity: tier.severity,
      longBurn,
      shortBurn,
      tripped: exceeds(decide(longBurn), factor) && exceeds(decide(shortBurn), factor),
      decidedBy: slo.decideOn,
    };
  });

  const reasons: { outcome: BudgetOutcome; text: string }[] = [];
  const sliText = `SLI ${formatSli(sli)} over ${span.label}`;
  const remainingText = `${formatBudgetShare(remaining)} of the budget left`;
  if (whole.total < slo.minEvents) {
    reasons.push({
      outcome: 'inconclusive',
      text: `only ${formatCount(whole.total)} events over ${span.label}, fewer than min-events ${formatCount(slo.minEvents)}: the budget (${formatPercent(slo.budget)}) is not measurable`,
    });
  } else {
    if (remaining <= 0 || remaining < slo.minRemaining) {
      const limit = remaining <= 0 ? 'the budget is spent' : `below min-remaining ${formatPercent(slo.minRemaining)}`;
      reasons.push({ outcome: 'block', text: `${remainingText} (${sliText}, objective ${formatSli(slo.objective)}): ${limit}` });
    }
    const which = slo.decideOn === 'upper-bound' ? 'upper bounds of the burn' : 'burn';
    for (const t of tiers.filter((t) => t.tripped)) {
      reasons.push({
        outcome: t.severity,
        text: `burn-rate tier ${t.long}/${t.short} tripped: ${which} ${formatBurn(decide(t.longBurn))} over ${t.long} and ${formatBurn(decide(t.shortBurn))} over ${t.short} exceed ${formatBurn(t.factor)}`,
      });
    }
    if (tiers.some((t) => t.tripped) && remaining > 0) {
      reasons.push({
        outcome: 'pass',
        text: `at the current burn (${formatBurn(current?.burn)} over ${current?.window ?? '–'}) the ${formatBudgetShare(remaining)} of the budget left is gone in ${formatExhaustion(exhaustion)}`,
      });
    }
  }

  let canaryImpact: CanaryImpactReport | undefined;
  if (slo.canary) {
    canaryImpact = canaryImpactOf(slo, tiers, remaining, span.budgetMs, metrics);
    if (canaryImpact && canaryImpact.outcome !== 'pass') reasons.push({ outcome: canaryImpact.outcome, text: canaryImpact.reason });
  }

  const outcome = worstBudgetOutcome(reasons.map((r) => r.outcome));
  const ordered = [...reasons].sort((a, b) => RANK[b.outcome] - RANK[a.outcome]);
  const reason =
    outcome !== 'pass'
      ? ordered.map((r) => r.text).join('; ')
      : `${remainingText} (${sliText}, objective ${formatSli(slo.objective)}); burning ${formatBurn(current?.burn)} over ${current?.window ?? '–'}, no tier tripped`;
  return {
    ...base,
    outcome,
    originalOutcome: outcome,
    reason,
    sli,
    events: { errors: whole.errors, total: whole.total },
    consumed,
    remaining,
    current,
    exhaustionMs: exhaustion,
    tiers,
    ...(canaryImpact ? { canaryImpact } : {}),
  };
}

/**
 * The burn rate the canary's error ratio would cause if it took all the traffic: a canary that
 * would spend the budget in hours is called out even when its comparison is inconclusive.
 */
function canaryImpactOf(
  slo: SloSpec,
  tiers: TierReport[],
  remaining: number,
  budgetMs: number,
  metrics: readonly MetricReport[],
): CanaryImpactReport | undefined {
  const metric = metrics.find((m) => m.name === slo.canary!.metric);
  const side = metric?.canary;
  if (!side || side.value === null || side.errors === undefined || side.total === undefined || !(side.total > 0)) return undefined;
  const burn = side.value / slo.budget;
  const upper = burnUpperBound(side.errors, side.total, slo.budget, slo.confidence, slo.interval);
  const decidedBy = slo.decideOn;
  const deciding = decidedBy === 'upper-bound' ? upper : burn;
  const over = tiers.filter((t) => exceeds(deciding, t.factor));
  const exhaustion = exhaustionMs(remaining, burn, budgetMs);
  const severity: Severity | undefined =
    over.length === 0 ? undefined : (slo.canary!.severity ?? (over.some((t) => t.severity === 'block') ? 'block' : 'warn'));
  const burnText = `${decidedBy === 'upper-bound' ? 'up to ' : ''}${formatBurn(deciding)}`;
  const ratio = `canary ${metric!.name} ${formatPercent(side.value)} (${formatCount(side.errors)}/${formatCount(side.total)})`;
  const reason =
    over.length === 0
      ? `${ratio} at full traffic would burn ${burnText}, within every tier`
      : `${ratio} at full traffic would burn ${burnText}, above tier${over.length > 1 ? 's' : ''} ${over.map((t) => `${t.long}/${t.short} (${formatBurn(t.factor)})`).join(', ')}: the budget left would be gone in ${formatExhaustion(exhaustion)}`;
  return {
    metric: metric!.name,
    errorRatio: side.value,
    errors: side.errors,
    total: side.total,
    burn,
    upper,
    decidedBy,
    exceeds: over.map((t) => `${t.long}/${t.short}`),
    exhaustionMs: exhaustion,
    outcome: severity ?? 'pass',
    reason,
  };
}

export function freezeReports(specs: readonly FreezeSpec[], at: number): FreezeReport[] {
  return specs.map((spec) => {
    const status = freezeStatus(spec, at);
    const outcome: BudgetOutcome = status.active ? spec.severity : 'pass';
    return {
      name: spec.name,
      ...(spec.reason !== undefined ? { reason: spec.reason } : {}),
      when: describeFreeze(spec),
      timeZone: spec.timeZone,
      severity: spec.severity,
      active: status.active,
      ...(status.endsAt !== undefined ? { endsAt: new Date(status.endsAt).toISOString() } : {}),
      ...(status.startsAt !== undefined ? { startsAt: new Date(status.startsAt).toISOString() } : {}),
      outcome,
      originalOutcome: outcome,
    };
  });
}

/**
 * One outcome for the run's budget: the worst SLO or freeze. An override turns the blocks it may
 * (override.applies-to) into warn and is recorded whether or not there was anything to turn.
 */
export function decideBudget(input: {
  slos: SloReport[];
  freezes: FreezeReport[];
  override?: OverrideRequest;
  rule: OverrideSpec;
  checkedAt: number;
}): BudgetReport {
  const { slos, freezes, rule } = input;
  const originalOutcome = worstBudgetOutcome([...slos.map((s) => s.outcome), ...freezes.map((f) => f.outcome)]);
  let override: OverrideReport | undefined;
  if (input.override) {
    const o = input.override;
    const changed: string[] = [];
    const refused: string[] = [];
    const apply = (item: { outcome: BudgetOutcome }, kind: 'budget' | 'freeze', label: string) => {
      if (item.outcome !== 'block') return;
      if (rule.appliesTo.includes(kind)) {
        item.outcome = 'warn';
        changed.push(`${label}: block → warn`);
      } else refused.push(`${label}: overrides do not apply to ${kind} (override.applies-to: [${rule.appliesTo.join(', ')}])`);
    };
    for (const s of slos) apply(s, 'budget', `SLO ${s.name}`);
    for (const f of freezes) apply(f, 'freeze', `freeze ${f.name}`);
    override = {
      via: o.via,
      by: o.by,
      at: new Date(o.at).toISOString(),
      reason: o.reason,
      ...(o.label !== undefined ? { label: o.label } : {}),
      ...(o.pullRequest !== undefined ? { pullRequest: o.pullRequest } : {}),
      changed,
      refused,
      notes: o.notes ?? [],
    };
  }
  const outcome = worstBudgetOutcome([...slos.map((s) => s.outcome), ...freezes.map((f) => f.outcome)]);

  const reasons: string[] = [];
  for (const s of slos) {
    if (s.originalOutcome === 'pass') continue;
    const turned = s.outcome !== s.originalOutcome ? ` (overridden: ${s.originalOutcome} → ${s.outcome})` : '';
    reasons.push(`SLO ${s.name} ${s.originalOutcome}${turned}: ${s.reason}`);
  }
  for (const f of freezes.filter((f) => f.active)) {
    const turned = f.outcome !== f.originalOutcome ? ` (overridden: ${f.originalOutcome} → ${f.outcome})` : '';
    const until = f.endsAt ? ` until ${f.endsAt}` : '';
    reasons.push(`freeze ${f.name} is active${until}${f.reason ? ` (${f.reason})` : ''}: deploys ${f.severity === 'block' ? 'blocked' : 'warned'}${turned}`);
  }
  if (override) reasons.push(overrideText(override));
  return {
    outcome,
    originalOutcome,
    reasons,
    checkedAt: new Date(input.checkedAt).toISOString(),
    slos,
    freezes,
    ...(override ? { override } : {}),
  };
}

export function overrideText(o: OverrideReport): string {
  const how = o.via === 'label' ? `label "${o.label}"${o.pullRequest !== undefined ? ` on PR #${o.pullRequest}` : ''}` : 'override-reason';
  const effect = o.changed.length > 0 ? `turned ${o.changed.join(', ')}` : 'nothing was blocked';
  const refused = o.refused.length > 0 ? `; not overridable: ${o.refused.join(', ')}` : '';
  return `override by ${o.by} at ${o.at} via ${how}: "${o.reason}" — ${effect}${refused}`;
}

/** For reasons: a short form of the time to exhaustion. */
export function exhaustionText(s: SloReport): string {
  if (s.remaining === null) return '–';
  const text = formatExhaustion(s.exhaustionMs);
  if (s.resetsAt && s.exhaustionMs !== null && s.exhaustionMs > 0 && Date.parse(s.windowEnd) + s.exhaustionMs > Date.parse(s.resetsAt)) {
    return `${text} (after the reset at ${s.resetsAt})`;
  }
  return text;
}

export { formatSpan };
