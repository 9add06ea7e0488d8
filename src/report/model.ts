/**
 * The one report model. Every output (job summary, PR comment, terminal, JSON, step outputs) is
 * a pure rendering of it, so they can never disagree about what happened or why.
 */
import type { BudgetReport } from './budget-model.js';

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
  /** The side's data over the window in at most 60 buckets, for charts and sparklines. */
  trend?: Trend;
}

/** Per-bucket values from the window's start: a gauge's mean, a ratio's errors/total; null where no point fell. */
export interface Trend {
  /** Width of a bucket, e.g. `1m`. */
  bucket: string;
  values: (number | null)[];
}

/** Something every output must say prominently (e.g. the pull request changes its own policy). */
export interface Notice {
  level: 'warning' | 'notice';
  title: string;
  message: string;
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
  /** scoring.multiple-testing: the p-value adjusted over the `family` compared metrics. */
  adjusted?: { method: 'holm' | 'bh'; pValue: number; family: number };
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
  /** alerts: an alert check (`alerts:`), whose canary value is the number of active alerts. */
  kind: 'gauge' | 'distribution' | 'ratio' | 'alerts';
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
  /** judge: kayenta: Kayenta's classification of the metric. */
  kayenta?: KayentaMetricDetail;
}

export type KayentaMetricLabel = 'Pass' | 'High' | 'Low' | 'Nodata' | 'NodataFailMetric' | 'Error';

/** One side's values after Kayenta's transforms: what was dropped, and descriptive statistics. */
export interface KayentaSideDetail {
  /** Points returned, NaN included. */
  raw: number;
  /** NaN points removed, or replaced with 0 (`nanStrategy`). */
  nan: number;
  outliers: number;
  /** Values classified. */
  used: number;
  /** After the transforms; all 0 for an empty side. `std` is the sample standard deviation. */
  stats: { count: number; min: number; max: number; mean: number; std: number };
}

/** What Kayenta's classifier (NetflixACAJudge) said about a metric, and with which settings. */
export interface KayentaMetricDetail {
  label: KayentaMetricLabel;
  /** The classification's critical flag (a critical metric's High/Low past its critical gate, or its Nodata): it zeroes the score. */
  critical: boolean;
  /** Classified and shown, left out of the score. */
  muted: boolean;
  groups: string[];
  /** Kayenta's own reason ("Missing data for …", "The metric was classified as High", …). */
  reason: string;
  /** The step of the classification that decided: no-data, identical, single-value, mann-whitney or error. */
  rule: string;
  direction: 'increase' | 'decrease' | 'either';
  /** mean(canary)/mean(baseline) after the transforms (Kayenta's `ratio`): 1 when no test ran, NaN (null in JSON) when a mean is 0 or on Error. */
  ratio: number;
  effectSize: {
    measure: 'meanRatio' | 'cles';
    /** The effect size the gates were applied to; absent when no test ran. */
    value?: number;
    allowedIncrease: number;
    allowedDecrease: number;
    criticalIncrease: number;
    criticalDecrease: number;
  };
  /** Mann-Whitney: the interval of the shift canary − baseline as R returns it (it can be inverted), R's Hodges-Lehmann estimate, and ±bound = 25% of |estimate| that the interval had to clear. */
  mannWhitney?: { confLevel: number; ci: [number, number]; estimate: number; bound: number };
  nanStrategy: 'remove' | 'replace';
  outliers: { strategy: 'keep' | 'remove'; factor: number };
  /** Both sides were constant: tie-breaking noise (seeded) was added. */
  noise: boolean;
  canary: KayentaSideDetail;
  baseline: KayentaSideDetail;
  /** A query failed: Kayenta would have stopped the analysis without a score, so the run fails closed. */
  queryFailed?: boolean;
}

/** judge: kayenta: the score as Kayenta computes it (WeightedSumScorer, ThresholdScoreClassifier). */
export interface KayentaScoreDetail {
  /** 0–100, rounded to 2 decimals half up. */
  score: number;
  classification: 'Pass' | 'Marginal' | 'Fail';
  /** Why the score was set to 0 (a critical metric, or 50% or more Nodata). */
  reason?: string;
  groups: { group: string; score: number; noData: boolean; weight: number }[];
}

export interface Report {
  schemaVersion: 1;
  tool: { name: 'canary-gate'; version: string };
  policy: { file: string; service: string; mode: 'enforce' | 'advisory' };
  evaluatedAt: string;
  window: string;
  step: string;
  windows?: {
    canary: TimeWindow & { selector: string };
    baseline: TimeWindow & { selector: string; how: 'concurrent' | 'offset' | 'before-deploy'; offset?: string };
  };
  verdict: Verdict;
  /** 0–100 over the counted metrics that passed or failed (errors and inconclusive ones are left
   * out: they are no measurement of the canary); null when there is none. judge: kayenta: Kayenta's score. */
  score: number | null;
  scoring: { pass: number; marginal: number };
  /** judge: kayenta only: Kayenta's score and classification, which the verdict follows. */
  kayenta?: KayentaScoreDetail;
  /** Whether a fail fails the step / exit code (false in advisory mode). */
  enforced: boolean;
  /** Why the verdict is what it is, most important first. */
  reasons: string[];
  counts: Record<CheckOutcome, number> & { notCounted: number };
  metrics: MetricReport[];
  /** Error budgets, burn rates, deploy freezes and any override; absent when the policy has none. */
  budget?: BudgetReport;
  /** Set by the edges (GitHub integration): shown first in every rendering. */
  notices?: Notice[];
  /** Watch mode only. */
  watch?: WatchReport;
  /** When the policy has a notify webhook. */
  notification?: NotificationReport;
}

/** Watch mode: the plan, why the run stopped, and every look (the timeline). */
export interface WatchReport {
  interval: string;
  duration: string;
  minDuration: string;
  limits: { failure: number; consecutiveError: number; inconclusive: number | null };
  /** Where the growing window starts: deployed-at, or when the watch began. */
  start: string;
  stoppedAt: string;
  /** Canary time observed when the run stopped, e.g. "7m". */
  elapsed: string;
  stoppedBy: WatchStop;
  /** Stopped before the planned duration. */
  early: boolean;
  /** One sentence: why the watch stopped when it did. */
  summary: string;
  looks: WatchLook[];
}

export type WatchStop = 'early-fail' | 'early-pass' | 'decided' | 'deadline' | 'failure-limit' | 'consecutive-errors' | 'inconclusive-limit';

export interface WatchLook {
  look: number;
  /** End of the window at this look (ISO 8601). */
  at: string;
  elapsedMs: number;
  verdict: Verdict;
  score: number | null;
  metrics: WatchLookMetric[];
}

export interface WatchLookMetric {
  name: string;
  outcome: CheckOutcome;
  /** The comparison at this look: relative change (0.1 = +10%) and its anytime-valid interval. */
  estimate?: number;
  ci?: [number, number];
  pValue?: number | null;
  /** The largest allowed change on the same relative scale, when the baseline is not 0. */
  allowed?: number | null;
  reason: string;
}

/** The webhook call made with the final verdict (the URL shown without path, query or credentials). */
export interface NotificationReport {
  target: string;
  status: 'sent' | 'failed' | 'skipped';
  attempts: number;
  httpStatus?: number;
  error?: string;
}
