/**
 * The policy keys of error budgets: `slos`, `freeze` and `override`. Kept apart from schema.ts so
 * the budget feature reads as one unit; schema.ts only plugs them into the top level.
 */
import * as z from 'zod/mini';
import { doc, nonEmpty, opt } from './schema-helpers.js';

/** The shared value schemas of schema.ts, passed in (importing them back would be a cycle). */
export interface SchemaParts {
  durationSchema: z.ZodMiniString<string>;
  ratioSchema: z.ZodMiniUnion<readonly [z.ZodMiniNumber<number>, z.ZodMiniString<string>]>;
  onNoDataSchema: z.ZodMiniEnum<{ fail: 'fail'; inconclusive: 'inconclusive'; pass: 'pass'; ignore: 'ignore' }>;
}


/** The top-level keys `slos`, `freeze` and `override`. */
export function budgetKeys({ durationSchema, ratioSchema, onNoDataSchema }: SchemaParts) {
  const SLO_WINDOW_PATTERN = /^(month|(\d+(\.\d+)?(ms|s|m|h|d|w))+)$/;

  const severitySchema = doc(z.enum(['block', 'warn']), 'block: stop the deploy (unless overridden); warn: let it through with a warning.');

  const burnTierSchema = doc(
    z.strictObject({
      long: doc(durationSchema, 'Long window, e.g. 1h: the burn rate over it must exceed the factor.'),
      short: doc(durationSchema, 'Short window, e.g. 5m: must exceed the factor too, so the tier resets soon after the burn stops.'),
      factor: opt(z.number().check(z.positive()), 'Burn rate (multiple of the budgeted error rate) both windows must exceed, e.g. 14.4.'),
      'budget-share': opt(
        ratioSchema,
        'Instead of factor: the share of the whole budget the long window may spend (factor = share × SLO window / long window), e.g. 2%.',
      ),
      severity: opt(severitySchema),
    }),
    'A multi-window burn-rate tier: trips when the burn over both windows exceeds the factor.',
  );

  const sloSchema = doc(
    z.strictObject({
      name: z.string().check(z.regex(/^[A-Za-z0-9_.:/-]+$/, { message: 'use letters, digits and _ . : / -' })),
      source: doc(z.string(), 'Name of a source in `sources`.'),
      description: opt(z.string()),
      objective: doc(ratioSchema, 'Target share of good events, e.g. 99.9% (the budget is 1 − objective).'),
      window: doc(
        z.string().check(z.regex(SLO_WINDOW_PATTERN, { message: 'expected a duration such as 7d, 28d or 30d, or month' })),
        'SLO window: a rolling duration (7d, 28d, 30d) or month (the calendar month so far, in time-zone).',
      ),
      'time-zone': opt(z.string(), 'IANA time zone of a calendar-month window (default UTC), e.g. Europe/Berlin.'),
      errors: opt(nonEmpty('Count of bad events over {{window}}, e.g. sum(increase(http_requests_total{code=~"5.."}[{{window}}])).')),
      good: opt(nonEmpty('Instead of errors: count of good events over {{window}}.')),
      total: nonEmpty('Count of all events over {{window}}, e.g. sum(increase(http_requests_total[{{window}}])).'),
      'min-events': opt(
        z.number().check(z.nonnegative()),
        'Fewer events in the SLO window → the SLO check is inconclusive (default 1/(1 − objective): the traffic at which one error is the whole budget).',
      ),
      budget: opt(
        z.strictObject({
          'min-remaining': opt(ratioSchema, 'Block the deploy when less than this share of the budget remains (default 0: once it is spent).'),
        }),
        'The budget policy of this SLO.',
      ),
      'burn-rate': opt(
        z.union([z.array(burnTierSchema).check(z.minLength(1)), z.enum(['default', 'none'])]),
        'Burn-rate tiers: default (SRE workbook: 1h/5m 2%, 6h/30m 5% block; 3d/6h 10% warn, scaled to the window), none, or a list of tiers.',
      ),
      'decide-on': opt(
        z.enum(['point', 'upper-bound']),
        'Which burn rate trips a tier: point (default) or the upper confidence bound (cautious with few events).',
      ),
      confidence: opt(z.number().check(z.gt(0.5), z.lt(1)), 'Confidence of the one-sided upper bound on burn rates (default 0.95).'),
      interval: opt(z.enum(['clopper-pearson', 'wilson']), 'How the upper bound is computed (default clopper-pearson, exact).'),
      'current-window': opt(durationSchema, 'Window of the current burn rate behind the time to exhaustion (default: the shortest long window of the tiers, or 1h).'),
      canary: opt(
        z.strictObject({
          metric: doc(z.string(), 'A ratio metric (kind: ratio) whose canary error ratio is projected to full traffic.'),
          severity: opt(severitySchema),
        }),
        "Canary impact: the burn rate the canary's error ratio would cause at full traffic, compared with the tiers.",
      ),
      'on-no-data': opt(onNoDataSchema),
    }),
    'A service level objective with an error budget.',
  );

  const freezeSchema = doc(
    z.strictObject({
      name: opt(z.string(), 'Shown in the reports.'),
      reason: opt(z.string(), 'Why deploys are frozen; shown in the reports.'),
      from: opt(z.string(), 'Start: a date (2026-12-20), a local time (2026-12-20T18:00) in time-zone, or ISO 8601 with an offset.'),
      to: opt(z.string(), 'End (exclusive); a date alone covers that whole day.'),
      weekly: opt(
        z.strictObject({
          from: doc(z.string(), 'Weekday and local time the freeze starts each week, e.g. "fri 16:00".'),
          to: doc(z.string(), 'Weekday and local time it ends, e.g. "mon 09:00" (may wrap past Sunday).'),
        }),
        'A freeze that recurs every week, in time-zone (wall-clock time, so it follows daylight saving).',
      ),
      'time-zone': opt(z.string(), 'IANA time zone, e.g. America/New_York (default UTC).'),
      severity: opt(severitySchema),
    }),
    'A deploy freeze: a date range or a weekly window during which deploys are blocked.',
  );

  const overrideSchema = doc(
    z.strictObject({
      label: opt(nonEmpty('Pull-request label that overrides (default canary-gate-override).')),
      'applies-to': opt(
        z.array(z.enum(['budget', 'freeze'])),
        'What an override may turn from block into warn (default both); [] disables overrides.',
      ),
    }),
    'Audited override: a PR label, or the override-reason input / --override-reason flag, turns a budget or freeze block into warn.',
  );

  return {
    slos: opt(z.array(sloSchema), 'Service level objectives: error budgets and burn rates checked in the same run.'),
    freeze: opt(z.array(freezeSchema), 'Deploy freezes: while one is active the deploy is blocked.'),
    override: opt(overrideSchema),
  };
}

