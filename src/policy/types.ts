/** The resolved policy the engine runs on: durations in ms, ratios as fractions, env expanded. */
import type { Aggregate, OnError, OnNoData, SourceDocument } from './schema.js';
import type { FreezeSpec, OverrideSpec, SloSpec } from './slo-types.js';

export type { Aggregate, OnError, OnNoData };
export type Direction = 'increase' | 'decrease' | 'either';
export type Mode = 'enforce' | 'advisory';
/** gate: canary-gate's own checks and verdict; kayenta: Kayenta's NetflixACAJudge (shared/KAYENTA.md). */
export type JudgeMode = 'gate' | 'kayenta';

export type CompareTest = 'mann-whitney' | 'welch' | 'poisson' | 'fisher' | 'proportions' | 'relative' | 'none';

export interface CompareSpec {
  test: CompareTest;
  direction: Direction;
  /** Confidence of the decision interval (statistical tests). */
  confidence: number;
  /** mann-whitney: log scale (ratio) or linear; resolved from `auto` when the metric is known. */
  scale: 'log' | 'linear' | 'auto';
  autocorrelation: 'adjust' | 'ignore';
  /** Allowed relative change in the bad direction, as a fraction (0.1 = 10%). */
  tolerance?: number;
  /** Allowed absolute change in the metric's unit. */
  floor?: number;
}

/** Kayenta's effect-size gate (`effectSize` of a Kayenta metric), resolved with its defaults. */
export interface KayentaEffectSize {
  measure: 'meanRatio' | 'cles';
  allowedIncrease: number;
  allowedDecrease: number;
  criticalIncrease: number;
  criticalDecrease: number;
}

/** A metric's Kayenta settings (`analysisConfigurations.canary.*`), resolved; judge: kayenta only. */
export interface KayentaMetricSpec {
  direction: Direction;
  nanStrategy: 'remove' | 'replace';
  outliers: { strategy: 'keep' | 'remove'; factor: number };
  effectSize: KayentaEffectSize;
  mustHaveData: boolean;
  muted: boolean;
  /** Every group the metric counts in (Kayenta allows several); `group` is the first. */
  groups: string[];
}

export interface ThresholdSpec {
  min?: number;
  max?: number;
}

interface MetricCommon {
  name: string;
  source: string;
  group: string;
  description?: string;
  unit?: string;
  critical: boolean;
  weight: number;
  dryRun: boolean;
  minSamples: number;
  onNoData: OnNoData;
  /** What a failed query makes of the check; unset means fail (an error). */
  onError?: OnError;
  compare?: CompareSpec;
  threshold?: ThresholdSpec;
  /** judge: kayenta: the metric's Kayenta settings (then `compare` and `threshold` are unset). */
  kayenta?: KayentaMetricSpec;
  /** Where the metric stands in the policy file, for annotations. */
  line: number;
}

export interface ValueMetricSpec extends MetricCommon {
  kind: 'gauge' | 'distribution';
  query: string;
  aggregate: Aggregate;
}

export interface RatioMetricSpec extends MetricCommon {
  kind: 'ratio';
  errors: string;
  total: string;
}

export type MetricSpec = ValueMetricSpec | RatioMetricSpec;

export interface BaselineSpec {
  /** Selector for {{scope}}; the canary's for before/after comparisons. */
  selector: string;
  /** The baseline window is the canary's shifted back by this much. */
  offsetMs?: number;
  /** The baseline window ends at deployed-at. */
  beforeDeploy?: boolean;
}

export type SourceConfig = SourceDocument;

/** How HTTP sources are queried (`http:`), durations in ms. */
export interface HttpPolicy {
  /** Default per-request timeout (ms) for sources that set none. */
  timeoutMs: number;
  /** Retries after the first attempt, for network errors, timeouts, 5xx (not 501) and 429. */
  retries: number;
  /** First backoff (ms); doubles per retry, full jitter, capped by maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  /** Time budget for every request of the run together (ms). */
  deadlineMs: number;
  /** Queries in flight at once across all metrics (applied by the engine). */
  concurrency: number;
}

/** An alert check (`alerts:`): fails while a matching alert is active. */
export interface AlertCheckSpec {
  name: string;
  source: string;
  description?: string;
  /** Matcher templates as written; {{scope}} and vars are resolved at evaluation. */
  matchers: string[];
  critical: boolean;
  weight: number;
  dryRun: boolean;
  onError: OnError;
  line: number;
}

export interface Policy {
  file: string;
  /** Directory relative paths (file sources) resolve against. */
  dir: string;
  service: string;
  mode: Mode;
  judge: JudgeMode;
  windowMs: number;
  stepMs: number;
  deployedAt?: number;
  vars: Record<string, string>;
  sources: Record<string, SourceConfig>;
  scopes?: { canary: { selector: string }; baseline: BaselineSpec };
  /** Per-source selectors (a source's `scopes`), in that source's syntax, over the top-level ones. */
  sourceScopes: Record<string, { canary: string; baseline: string }>;
  metrics: MetricSpec[];
  /** Alert checks (`alerts:`); unset or empty when the policy has none. */
  alerts?: AlertCheckSpec[];
  /** Unset: the defaults of the HTTP layer. */
  http?: HttpPolicy;
  scoring: { pass: number; marginal: number; groups: Record<string, number>; multipleTesting: 'none' | 'holm' | 'bh' };
  /** Values read from the environment: masked in every output. */
  secrets: string[];
  /** Error budgets, deploy freezes and the override rule (absent: none). */
  slos?: SloSpec[];
  freeze?: FreezeSpec[];
  override?: OverrideSpec;
  /** Watch mode's plan, when the policy has a `watch` section. */
  watch?: WatchPlan;
  /** The webhook for the final verdict. */
  notify?: NotifySpec;
}

/** Watch mode: when to look, how long, and the limits (all durations in ms). */
export interface WatchPlan {
  intervalMs: number;
  durationMs: number;
  minDurationMs: number;
  failureLimit: number;
  consecutiveErrorLimit: number;
  /** Undecided looks after min-duration before ending inconclusive; undefined: decide at duration. */
  inconclusiveLimit?: number;
}

export interface NotifySpec {
  url: string;
  headers: Record<string, string>;
  on: ('pass' | 'warn' | 'fail' | 'inconclusive')[];
  timeoutMs: number;
  retries: number;
}
