/**
 * The one report model. Every output (job summary, PR comment, terminal, JSON, step outputs) is
 * a pure rendering of it, so they can never disagree about what happened or why.
 */
export type CheckOutcome = 'pass' | 'fail' | 'inconclusive' | 'error';
export type Verdict = 'pass' | 'warn' | 'fail' | 'inconclusive';

export interface TimeWindow {
  start: string;
  end: string;
}

export interface QueryRecord {
  role: 'query' | 'errors' | 'total';
  /** The query as sent, placeholders resolved. */
  query: string;
  series: number;
  points: number;
  /** Points that were NaN or infinite. */
  nonFinite: number;
  /** Steps of the window with no point, over all series. */
  missing: number;
  error?: string;
}

export interface SideReport {
  scope: 'canary' | 'baseline';
  selector: string;
  window: TimeWindow;
  queries: QueryRecord[];
  /** Finite samples the value is computed from. */
  samples: number;
  value: number | null;
  /** Ratio metrics: the counts summed over the window. */
  errors?: number;
  total?: number;
  notes: string[];
}

export interface ComparisonDetail {
  test: string;
  direction: 'increase' | 'decrease' | 'either';
  canary: number;
  baseline: number;
  delta: number;
  /** delta / |baseline|; null when the baseline is zero. */
  relative: number | null;
  tolerance?: number;
  floor?: number;
  /** The largest change allowed in the bad direction, in the metric's unit. */
  allowed: number | null;
  decidedBy?: 'tolerance' | 'floor';
  /** Statistical judges: the test, the effect with its interval, and what decided. */
  statistics?: StatisticsDetail;
}

export interface StatisticsDetail {
  /** e.g. "Mann-Whitney / Hodges-Lehmann (log scale)". */
  test: string;
  confidence: number;
  /** The scale the decision was made on. */
  scale: 'log-ratio' | 'difference';
  /** Relative change canary vs baseline (0.1 = +10%), NaN when the baseline is 0. */
  estimate: number;
  ci: [number, number];
  /** The same effect in the metric's unit. */
  absolute: { estimate: number; ci: [number, number] };
  /** Against no difference, in the bad direction(s); null when the test gives none. */
  pValue: number | null;
  n: { canary: number; baseline: number };
  /** Independent samples the autocorrelated series are worth. */
  effectiveN?: { canary: number; baseline: number };
  /** Lag-1 autocorrelation used for the adjustment. */
  autocorrelation?: { canary: number; baseline: number };
  /** Which end of the interval decided (or would). */
  bound?: 'lower' | 'upper';
  /** For an inconclusive result: about how much more data. */
  needed?: { more: number; unit: 'samples' | 'requests' };
  notes: string[];
}

export interface CheckReport {
  type: 'data' | 'threshold' | 'comparison';
  outcome: CheckOutcome;
  reason: string;
  threshold?: { min?: number; max?: number; value: number };
  comparison?: ComparisonDetail;
}

export interface MetricReport {
  name: string;
  group: string;
  kind: 'gauge' | 'distribution' | 'ratio';
  source: string;
  unit?: string;
  description?: string;
  /** How each side's samples became one value: an aggregate, or `sum(errors)/sum(total)`. */
  aggregate: string;
  critical: boolean;
  weight: number;
  dryRun: boolean;
  /** False for dry-run metrics and those whose missing data the policy says to ignore. */
  counted: boolean;
  outcome: CheckOutcome;
  reason: string;
  canary: SideReport;
  baseline?: SideReport;
  checks: CheckReport[];
  /** The policy's limits for this metric, shown even when no check could run. */
  limits: {
    compare?: { test: string; direction: 'increase' | 'decrease' | 'either'; tolerance?: number; floor?: number };
    threshold?: { min?: number; max?: number };
  };
  /** Line of the metric in the policy file. */
  line: number;
}

export interface Report {
  schemaVersion: 1;
  tool: { name: 'canary-gate'; version: string };
  policy: { file: string; service: string; mode: 'enforce' | 'advisory' };
  evaluatedAt: string;
  window: string;
  step: string;
  windows: {
    canary: TimeWindow & { selector: string };
    baseline: TimeWindow & { selector: string; how: 'concurrent' | 'offset' | 'before-deploy'; offset?: string };
  };
  verdict: Verdict;
  /** 0–100 over the counted metrics that passed or failed (errors and inconclusive ones are left
   * out: they are no measurement of the canary); null when there is none. */
  score: number | null;
  scoring: { pass: number; marginal: number };
  /** Whether a fail fails the step / exit code (false in advisory mode). */
  enforced: boolean;
  /** Why the verdict is what it is, most important first. */
  reasons: string[];
  counts: Record<CheckOutcome, number> & { notCounted: number };
  metrics: MetricReport[];
}
