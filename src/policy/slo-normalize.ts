/** Checks and resolves `slos`, `freeze` and `override` (see slo-schema.ts). */
import { budgetOf, DEFAULT_TIERS, roundSignificant } from '../budget/burn.js';
import { parseFreezeTime, parseWeekTime } from '../budget/freeze.js';
import { isValidTimeZone } from '../budget/time-zone.js';
import { parseDuration, parseRatio } from './duration.js';
import type { PolicyDocument } from './schema.js';
import type { BurnTierSpec, FreezeSpec, OverrideSpec, SloSpec, SloWindowSpec } from './slo-types.js';
import { placeholdersIn } from './template.js';
import type { MetricSpec } from './types.js';
import type { KeyPath, Problem, YamlSource } from './yaml-source.js';


interface BudgetContext {
  source: YamlSource;
  metrics: MetricSpec[];
  vars: Record<string, string>;
  problem: Problem;
}

type SloDocument = NonNullable<PolicyDocument['slos']>[number];
type FreezeDocument = NonNullable<PolicyDocument['freeze']>[number];

export const DEFAULT_OVERRIDE_LABEL = 'canary-gate-override';

export function normalizeBudget(
  doc: PolicyDocument,
  ctx: BudgetContext,
): { slos?: SloSpec[]; freeze?: FreezeSpec[]; override?: OverrideSpec } {
  const out: { slos?: SloSpec[]; freeze?: FreezeSpec[]; override?: OverrideSpec } = {};
  if (doc.slos !== undefined) {
    const seen = new Map<string, number>();
    out.slos = doc.slos.map((slo, index) => {
      const first = seen.get(slo.name);
      if (first !== undefined) ctx.problem(['slos', index, 'name'], `duplicate SLO name "${slo.name}" (first at slos[${first}])`);
      else seen.set(slo.name, index);
      return normalizeSlo(doc, slo, ['slos', index], ctx);
    });
  }
  if (doc.freeze !== undefined) out.freeze = doc.freeze.map((f, index) => normalizeFreeze(f, ['freeze', index], ctx));
  if (doc.override !== undefined || out.slos !== undefined || out.freeze !== undefined) {
    out.override = {
      label: doc.override?.label ?? DEFAULT_OVERRIDE_LABEL,
      appliesTo: [...new Set<'budget' | 'freeze'>(doc.override?.['applies-to'] ?? ['budget', 'freeze'])],
    };
  }
  return out;
}

function normalizeSlo(doc: PolicyDocument, slo: SloDocument, at: KeyPath, ctx: BudgetContext): SloSpec {
  const { problem } = ctx;
  const sourceConfig = Object.hasOwn(doc.sources, slo.source) ? doc.sources[slo.source] : undefined;
  if (!sourceConfig) {
    problem([...at, 'source'], `undefined source "${slo.source}" (defined: ${Object.keys(doc.sources).join(', ') || 'none'})`);
  }

  const objective = parseRatio(slo.objective);
  if (!(objective > 0 && objective < 1)) {
    const hint = objective >= 1 && objective < 100 ? ` (write ${objective}% or ${roundSignificant(objective / 100)})` : '';
    problem(
      [...at, 'objective'],
      objective === 1 ? 'an objective of 100% leaves no error budget' : `expected an objective between 0% and 100%, found ${slo.objective}${hint}`,
    );
  }
  const budget = budgetOf(objective);

  let window: SloWindowSpec;
  let windowMs: number | undefined;
  if (slo.window === 'month') {
    const timeZone = slo['time-zone'] ?? 'UTC';
    if (!isValidTimeZone(timeZone)) problem([...at, 'time-zone'], `unknown time zone "${timeZone}" (expected an IANA name such as Europe/Berlin)`);
    window = { kind: 'month', timeZone };
  } else {
    windowMs = parseDuration(slo.window) ?? NaN;
    if (!(windowMs > 0)) problem([...at, 'window'], 'the window must be longer than zero');
    if (slo['time-zone'] !== undefined) problem([...at, 'time-zone'], 'time-zone applies to window: month only', 'key');
    window = { kind: 'rolling', ms: windowMs };
  }
  // Bounds for tiers: the shortest month for calendar windows.
  const maxWindowMs = windowMs ?? 28 * 86_400_000;

  if (slo.errors === undefined && slo.good === undefined) problem(at, 'give errors (bad events) or good (good events), with total');
  if (slo.errors !== undefined && slo.good !== undefined) problem([...at, 'good'], 'give errors or good, not both', 'key');
  const counts = slo.errors !== undefined ? 'errors' : 'good';
  const bad = slo.errors ?? slo.good ?? '';

  const known = new Set(['window', ...Object.keys(ctx.vars)]);
  const prometheus = sourceConfig?.type === 'prometheus';
  for (const [key, template] of [[counts, bad], ['total', slo.total]] as const) {
    if (template === '') continue;
    const names = placeholdersIn(template);
    for (const name of new Set(names.filter((n) => !known.has(n)))) {
      const why =
        name === 'scope' || name === 'step'
          ? `{{${name}}} is not available in SLO queries: an SLO counts the whole service's events over {{window}}`
          : `undefined variable {{${name}}} (define it under vars or pass --var ${name}=…)`;
      problem([...at, key], why);
    }
    if (prometheus && !names.includes('window')) {
      problem([...at, key], 'the query has no {{window}} placeholder, so every window (SLO and burn-rate tiers) would read the same count');
    }
  }

  const minRemaining = slo.budget?.['min-remaining'] === undefined ? 0 : parseRatio(slo.budget['min-remaining']);
  if (!(minRemaining < 1)) problem([...at, 'budget', 'min-remaining'], `expected less than 100% of the budget, found ${slo.budget!['min-remaining']}`);

  const tiers = normalizeTiers(slo, at, maxWindowMs, problem);
  let currentWindowMs = tiers.length > 0 ? Math.min(...tiers.map((t) => t.longMs)) : 3_600_000;
  if (slo['current-window'] !== undefined) {
    currentWindowMs = parseDuration(slo['current-window']) ?? NaN;
    if (!(currentWindowMs > 0)) problem([...at, 'current-window'], 'the current window must be longer than zero');
    else if (currentWindowMs > maxWindowMs) problem([...at, 'current-window'], `the current window (${slo['current-window']}) is longer than the SLO window`);
  }

  let canary: SloSpec['canary'];
  if (slo.canary !== undefined) {
    const metric = ctx.metrics.find((m) => m.name === slo.canary!.metric);
    if (!metric) {
      problem([...at, 'canary', 'metric'], `undefined metric "${slo.canary.metric}" (metrics: ${ctx.metrics.map((m) => m.name).join(', ') || 'none'})`);
    } else if (metric.kind !== 'ratio') {
      problem([...at, 'canary', 'metric'], `"${metric.name}" is a ${metric.kind} metric; the canary impact needs an error ratio (kind: ratio)`);
    }
    canary = { metric: slo.canary.metric, severity: slo.canary.severity };
  }

  return {
    name: slo.name,
    source: slo.source,
    description: slo.description,
    objective,
    budget,
    window,
    counts,
    bad,
    total: slo.total,
    // Below 1/budget events one error is the whole budget: nothing about the budget is measurable.
    minEvents: slo['min-events'] ?? Math.ceil(1 / budget - 1e-9),
    minRemaining,
    tiers,
    decideOn: slo['decide-on'] ?? 'point',
    confidence: slo.confidence ?? 0.95,
    interval: slo.interval ?? 'clopper-pearson',
    currentWindowMs,
    canary,
    onNoData: slo['on-no-data'] ?? 'fail',
    line: ctx.source.positionOf(at).line,
  };
}

function normalizeTiers(slo: SloDocument, at: KeyPath, maxWindowMs: number, problem: Problem): BurnTierSpec[] {
  const spec = slo['burn-rate'] ?? 'default';
  if (spec === 'none') return [];
  if (spec === 'default') return DEFAULT_TIERS.filter((t) => t.longMs <= maxWindowMs).map((t) => ({ ...t }));
  return spec.map((tier, index) => {
    const here: KeyPath = [...at, 'burn-rate', index];
    const longMs = parseDuration(tier.long) ?? NaN;
    const shortMs = parseDuration(tier.short) ?? NaN;
    if (!(longMs > 0)) problem([...here, 'long'], 'the long window must be longer than zero');
    else if (longMs > maxWindowMs) problem([...here, 'long'], `the long window (${tier.long}) is longer than the SLO window (${slo.window})`);
    if (!(shortMs > 0)) problem([...here, 'short'], 'the short window must be longer than zero');
    else if (longMs > 0 && shortMs >= longMs) problem([...here, 'short'], `the short window (${tier.short}) must be shorter than the long window (${tier.long})`);
    let share: number | undefined;
    if (tier['budget-share'] !== undefined) {
      share = parseRatio(tier['budget-share']);
      if (!(share > 0 && share <= 1)) problem([...here, 'budget-share'], `expected a share of the budget above 0% and at most 100%, found ${tier['budget-share']}`);
    }
    if (tier.factor === undefined && share === undefined) problem(here, 'give a factor (e.g. 14.4) or a budget-share (e.g. 2%)');
    if (tier.factor !== undefined && share !== undefined) problem([...here, 'budget-share'], 'give factor or budget-share, not both', 'key');
    return { longMs, shortMs, severity: tier.severity ?? 'block', ...(tier.factor !== undefined ? { factor: tier.factor } : { share }) };
  });
}

function normalizeFreeze(f: FreezeDocument, at: KeyPath, ctx: BudgetContext): FreezeSpec {
  const { problem } = ctx;
  const timeZone = f['time-zone'] ?? 'UTC';
  const zoneOk = isValidTimeZone(timeZone);
  if (!zoneOk) problem([...at, 'time-zone'], `unknown time zone "${timeZone}" (expected an IANA name such as America/New_York)`);
  const base = {
    name: f.name ?? `freeze[${at[1]}]`,
    reason: f.reason,
    timeZone,
    severity: f.severity ?? ('block' as const),
    line: ctx.source.positionOf(at).line,
  };
  const tz = zoneOk ? timeZone : 'UTC';
  if (f.weekly !== undefined) {
    if (f.from !== undefined || f.to !== undefined) problem([...at, 'weekly'], 'give from/to (a date range) or weekly, not both', 'key');
    const from = parseWeekTime(f.weekly.from);
    const to = parseWeekTime(f.weekly.to);
    const expected = 'expected a weekday and a time such as "fri 16:00"';
    if (!from) problem([...at, 'weekly', 'from'], `${expected}, found ${JSON.stringify(f.weekly.from)}`);
    if (!to) problem([...at, 'weekly', 'to'], `${expected}, found ${JSON.stringify(f.weekly.to)}`);
    if (from && to && (from.day * 1440 + from.minute) % 10080 === (to.day * 1440 + to.minute) % 10080) {
      problem([...at, 'weekly', 'to'], 'the freeze ends when it starts; for a freeze that never ends use a date range');
    }
    const fromW = from ?? { day: 0, minute: 0 };
    const toW = to ?? { day: 0, minute: 0 };
    return { ...base, kind: 'weekly', from: fromW, to: toW, text: `${f.weekly.from.trim().toLowerCase()} → ${f.weekly.to.trim().toLowerCase()}` };
  }
  if (f.from === undefined || f.to === undefined) {
    problem(at, 'give from and to (a date range), or weekly: { from, to }');
    return { ...base, kind: 'range', start: 0, end: 0 };
  }
  const expected = 'expected a date (2026-12-20), a local time (2026-12-20T18:00) or ISO 8601 with an offset';
  const start = parseFreezeTime(f.from, tz, 'start');
  const end = parseFreezeTime(f.to, tz, 'end');
  if (start === undefined) problem([...at, 'from'], `${expected}, found ${JSON.stringify(f.from)}`);
  if (end === undefined) problem([...at, 'to'], `${expected}, found ${JSON.stringify(f.to)}`);
  if (start !== undefined && end !== undefined && end <= start) problem([...at, 'to'], `the freeze ends (${f.to}) before it starts (${f.from})`);
  return { ...base, kind: 'range', start: start ?? 0, end: end ?? 0 };
}
