/**
 * The budget part of the report model: SLOs with their error budget and burn-rate tiers, deploy
 * freezes and any override. Rendered by budget-render.ts into every output.
 */

/** pass; warn (a warn tier, a warn freeze, or a block turned to warn by an override); block; inconclusive (too few events); error (query failed or no data). */
export type BudgetOutcome = 'pass' | 'warn' | 'block' | 'inconclusive' | 'error';

/** A burn rate over one window: the counts it comes from, the point value and its upper bound. */
export interface BurnFigure {
  window: string;
  /** Bad events (errors, or total − good) and all events over the window. */
  errors: number;
  total: number;
  /** (errors/total)/budget; null with no events in the window. */
  burn: number | null;
  /** One-sided upper confidence bound of the burn rate; null with no events. */
  upper: number | null;
}

export interface TierReport {
  long: string;
  short: string;
  factor: number;
  /** Where the factor came from: given, or share × SLO window / long window. */
  share?: number;
  severity: 'block' | 'warn';
  longBurn: BurnFigure;
  shortBurn: BurnFigure;
  tripped: boolean;
  /** Which burn rate decided: the point value or its upper bound (the policy's decide-on). */
  decidedBy: 'point' | 'upper-bound';
}

export interface CanaryImpactReport {
  metric: string;
  /** The canary's error ratio over the analysis window, and its counts. */
  errorRatio: number;
  errors: number;
  total: number;
  /** The burn rate that error ratio would cause at full traffic, and its upper bound. */
  burn: number;
  upper: number | null;
  decidedBy: 'point' | 'upper-bound';
  /** Tiers (by `long/short`) whose factor the canary's burn exceeds. */
  exceeds: string[];
  /** Time until the remaining budget is gone at that burn (ms); null when it never is; 0 when already gone. */
  exhaustionMs: number | null;
  outcome: BudgetOutcome;
  reason: string;
}

export interface SloQueryRecord {
  window: string;
  role: 'errors' | 'good' | 'total';
  query: string;
  /** The count the query answered (summed over series and points); null when it failed. */
  value: number | null;
  series: number;
  error?: string;
}

export interface SloReport {
  name: string;
  source: string;
  description?: string;
  objective: number;
  /** 1 − objective. */
  budget: number;
  /** e.g. 30d, or month (2026-11-01 → now, Europe/Berlin). */
  window: string;
  windowStart: string;
  windowEnd: string;
  outcome: BudgetOutcome;
  /** Outcome before any override. */
  originalOutcome: BudgetOutcome;
  reason: string;
  /** Share of good events over the SLO window; null without data. */
  sli: number | null;
  events: { errors: number; total: number } | null;
  minEvents: number;
  /** errors / (total × budget): 1 = the whole budget is spent. */
  consumed: number | null;
  /** 1 − consumed; negative when overspent. */
  remaining: number | null;
  minRemaining: number;
  /** The burn rate over the current window, which the time to exhaustion assumes. */
  current: BurnFigure | null;
  /** ms until the budget is gone at the current burn; 0 when already spent; null when it never is. */
  exhaustionMs: number | null;
  /** When the budget resets (calendar-month windows). */
  resetsAt?: string;
  tiers: TierReport[];
  decideOn: 'point' | 'upper-bound';
  confidence: number;
  interval: 'clopper-pearson' | 'wilson';
  canaryImpact?: CanaryImpactReport;
  queries: SloQueryRecord[];
  notes: string[];
  line: number;
}

export interface FreezeReport {
  name: string;
  reason?: string;
  /** e.g. "2026-12-20 → 2027-01-04 (Europe/Berlin)" or "weekly fri 16:00 → mon 09:00 (America/New_York)". */
  when: string;
  timeZone: string;
  severity: 'block' | 'warn';
  active: boolean;
  /** While active: when it ends (ISO). */
  endsAt?: string;
  /** While inactive: when it next starts (ISO), if it does. */
  startsAt?: string;
  outcome: BudgetOutcome;
  originalOutcome: BudgetOutcome;
}

export interface OverrideReport {
  /** A pull-request label, or the override-reason input / --override-reason flag. */
  via: 'label' | 'input';
  /** Who asked for it (GitHub login or user name). */
  by: string;
  /** When (ISO 8601). */
  at: string;
  reason: string;
  label?: string;
  pullRequest?: number;
  /** What it changed, e.g. ["SLO availability: block → warn"]; empty when nothing was blocked. */
  changed: string[];
  /** Blocks it could not change (the policy's override.applies-to excludes them). */
  refused: string[];
  /** How the requester was found out, when not from the event itself. */
  notes: string[];
}

export interface BudgetReport {
  /** After the override. */
  outcome: BudgetOutcome;
  /** Before the override. */
  originalOutcome: BudgetOutcome;
  reasons: string[];
  /** When the freeze windows were checked (the end of the analysis window). */
  checkedAt: string;
  slos: SloReport[];
  freezes: FreezeReport[];
  override?: OverrideReport;
}
