import { parseDuration, parseRatio, parseTime } from './duration.js';
import type { PolicyProblem } from './errors.js';
import type { CompareDocument, KayentaMetricDocument, MetricDocument, PolicyDocument } from './schema.js';
import { checkSources, normalizeAlerts, normalizeHttp, scopedByFacet } from './sources-check.js';
import { BUILTIN_PLACEHOLDERS, placeholdersIn } from './template.js';
import { normalizeBudget } from './slo-normalize.js';
import type { BaselineSpec, CompareSpec, JudgeMode, KayentaMetricSpec, MetricSpec, Policy, ThresholdSpec } from './types.js';
import { normalizeNotify, normalizeWatch } from './watch.js';
import type { KeyPath, Problem, YamlSource } from './yaml-source.js';

interface NormalizeContext {
  source: YamlSource;
  file: string;
  dir: string;
  secrets: string[];
  vars: Record<string, string>;
  deployedAt: number | undefined;
}

const DEFAULT_STEP = '1m';
const DEFAULT_MIN_SAMPLES = 3;

/** Checks what the schema cannot (references, placeholders, consistency) and resolves units. */
export function normalizePolicy(doc: PolicyDocument, ctx: NormalizeContext): { policy: Policy; problems: PolicyProblem[] } {
  const problems: PolicyProblem[] = [];
  const problem = (at: KeyPath, message: string, where: 'value' | 'key' = 'value') =>
    problems.push(ctx.source.problemAt(at, message, where));

  // The schema checked the syntax; only a number too large for a double (a 400-digit window) is left.
  const windowMs = parseDuration(doc.window) ?? NaN;
  const stepMs = parseDuration(doc.step ?? DEFAULT_STEP) ?? NaN;
  if (Number.isNaN(windowMs)) problem(['window'], 'the window is too long');
  else if (windowMs <= 0) problem(['window'], 'the window must be longer than zero');
  if (Number.isNaN(stepMs)) problem(['step'], 'the step is too long');
  else if (stepMs <= 0) problem(['step'], 'the step must be longer than zero');
  else if (windowMs > 0 && stepMs > windowMs) {
    if (doc.step === undefined) {
      problem(['window'], `the window (${doc.window}) is shorter than the default step (${DEFAULT_STEP}); set a shorter step`);
    } else problem(['step'], `the step (${doc.step}) is longer than the window (${doc.window})`);
  } else if (windowMs / stepMs > 11_000) {
    problem(['step'], `window/step gives ${Math.ceil(windowMs / stepMs)} points per query; Prometheus allows 11000`);
  }

  let deployedAt = ctx.deployedAt;
  if (deployedAt === undefined && doc['deployed-at'] !== undefined) {
    deployedAt = parseTime(doc['deployed-at']);
    if (deployedAt === undefined) {
      const written = doc['deployed-at'];
      // A value read from ${ENV} is a secret: do not echo it.
      const found = ctx.secrets.some((secret) => written.includes(secret)) ? 'a value from the environment' : JSON.stringify(written);
      problem(['deployed-at'], `expected an ISO 8601 time or epoch seconds, found ${found}`);
    }
  }

  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(doc.vars ?? {})) {
    if ((BUILTIN_PLACEHOLDERS as readonly string[]).includes(name)) {
      problem(['vars', name], `"${name}" is a built-in placeholder and cannot be redefined`, 'key');
    }
    vars[name] = String(value);
  }
  Object.assign(vars, ctx.vars);

  const metricDocs = doc.metrics ?? [];
  // Without metrics there is no canary: the policy is a pre-deploy gate on its budgets, freezes and alerts.
  if (metricDocs.length === 0 && !doc.slos && !doc.freeze && !doc.alerts) {
    problem(['metrics'], 'missing required key: give metrics to compare a canary with its baseline, or slos, freeze or alerts for a gate without a canary');
  }
  let scopes: Policy['scopes'];
  if (doc.scopes) {
    const canarySelector = typeof doc.scopes.canary === 'string' ? doc.scopes.canary : doc.scopes.canary.selector;
    scopes = { canary: { selector: canarySelector }, baseline: normalizeBaseline(doc.scopes, canarySelector, deployedAt, doc['deployed-at'] !== undefined, problem) };
  } else if (metricDocs.length > 0) {
    problem(['scopes'], 'missing required key: metrics compare a canary with a baseline, so say how each is selected (scopes: { canary, baseline })');
  }

  const judge: JudgeMode = doc.judge ?? 'gate';
  if (judge === 'kayenta') checkKayentaDefaults(doc, problem);
  else if (doc.defaults?.kayenta !== undefined) problem(['defaults', 'kayenta'], KAYENTA_ONLY, 'key');

  // {{scope}} means nothing without scopes: a query or matcher using it is then an undefined placeholder.
  const known = new Set<string>([...BUILTIN_PLACEHOLDERS.filter((name) => name !== 'scope' || doc.scopes || metricDocs.length > 0), ...Object.keys(vars)]);
  const seen = new Map<string, number>();
  const metrics: MetricSpec[] = [];
  metricDocs.forEach((metric, index) => {
    const at: KeyPath = ['metrics', index];
    const first = seen.get(metric.name);
    if (first !== undefined) problem([...at, 'name'], `duplicate metric name "${metric.name}" (first at metrics[${first}])`);
    else seen.set(metric.name, index);
    if (!Object.hasOwn(doc.sources, metric.source)) {
      const names = Object.keys(doc.sources).join(', ') || 'none';
      problem([...at, 'source'], `undefined source "${metric.source}" (defined: ${names})`);
    }
    for (const [key, template] of queriesOf(metric)) {
      const unknown = placeholdersIn(template).filter((name) => !known.has(name));
      for (const name of new Set(unknown)) {
        problem([...at, key], `undefined variable {{${name}}} (define it under vars or pass --var ${name}=…)`);
      }
      const baseline = scopes?.baseline;
      const sameSeries = baseline !== undefined && baseline.offsetMs === undefined && !baseline.beforeDeploy;
      if (sameSeries && !placeholdersIn(template).includes('scope') && !scopedByFacet(doc.sources[metric.source], template)) {
        problem([...at, key], 'the query has no {{scope}} placeholder, so canary and baseline would read the same series');
      }
    }
    metrics.push(judge === 'kayenta' ? normalizeKayentaMetric(doc, metric, at, ctx, problem) : normalizeMetric(doc, metric, at, ctx, problem));
  });

  checkSources(doc, ctx.secrets, problem);
  const alerts = normalizeAlerts(doc, ctx.source, known, new Set(seen.keys()), problem);
  const http = normalizeHttp(doc, problem);

  const scoring = {
    pass: doc.scoring?.pass ?? 95,
    marginal: doc.scoring?.marginal ?? 75,
    groups: doc.scoring?.groups ?? {},
    multipleTesting: doc.scoring?.['multiple-testing'] ?? 'none',
  };
  if (judge === 'kayenta' && doc.scoring?.['multiple-testing'] !== undefined) {
    problem(['scoring', 'multiple-testing'], notUsed("Kayenta judges each metric at 98% and scores the labels; there are no p-values to adjust"), 'key');
  }
  if (scoring.marginal > scoring.pass) {
    problem(['scoring', 'marginal'], `marginal (${scoring.marginal}) must not be above pass (${scoring.pass})`);
  }
  const groups = new Set(metrics.flatMap((m) => m.kayenta?.groups ?? [m.group]));
  for (const group of Object.keys(scoring.groups)) {
    if (!groups.has(group)) problem(['scoring', 'groups', group], `no metric is in group "${group}"`, 'key');
  }

  const budget = normalizeBudget(doc, { source: ctx.source, metrics, vars, problem });

  const policy: Policy = {
    file: ctx.file,
    dir: ctx.dir,
    service: doc.service,
    mode: doc.mode ?? 'enforce',
    judge,
    windowMs,
    stepMs,
    deployedAt,
    vars,
    sources: doc.sources,
    scopes,
    sourceScopes: normalizeSourceScopes(doc, scopes, problem),
    metrics,
    alerts,
    http,
    scoring,
    secrets: [...new Set(ctx.secrets)],
    ...budget,
    watch: normalizeWatch(doc, stepMs, judge, problem),
    notify: normalizeNotify(doc, problem),
  };
  return { policy, problems };
}

function normalizeBaseline(
  scopes: NonNullable<PolicyDocument['scopes']>,
  canarySelector: string,
  deployedAt: number | undefined,
  deployedAtGiven: boolean,
  problem: Problem,
): BaselineSpec {
  const spec = scopes.baseline;
  if (typeof spec === 'string') {
    if (spec === canarySelector) {
      problem(['scopes', 'baseline'], 'the baseline selector is the canary selector; use another selector, an offset or before: deploy');
    }
    return { selector: spec };
  }
  const selector = spec.selector ?? canarySelector;
  if (spec.offset !== undefined && spec.before !== undefined) {
    problem(['scopes', 'baseline'], 'use either offset or before, not both');
  }
  if (spec.offset !== undefined) {
    const offsetMs = parseDuration(spec.offset) ?? NaN;
    if (Number.isNaN(offsetMs)) problem(['scopes', 'baseline', 'offset'], 'the offset is too long');
    else if (offsetMs <= 0) problem(['scopes', 'baseline', 'offset'], 'the offset must be longer than zero');
    return { selector, offsetMs };
  }
  if (spec.before === 'deploy') {
    // An unreadable deployed-at is reported on its own line; do not also call it missing.
    if (deployedAt === undefined && !deployedAtGiven) {
      problem(['scopes', 'baseline', 'before'], 'before: deploy needs deployed-at (policy key, --deployed-at or the deployed-at input)');
    }
    return { selector, beforeDeploy: true };
  }
  if (spec.selector === undefined) {
    problem(['scopes', 'baseline'], 'give a selector, an offset, or before: deploy');
  } else if (spec.selector === canarySelector) {
    problem(['scopes', 'baseline', 'selector'], 'the baseline selector is the canary selector; add an offset or before: deploy');
  }
  return { selector };
}

function queriesOf(metric: MetricDocument): [string, string][] {
  return metric.kind === 'ratio'
    ? [
        ['errors', metric.errors],
        ['total', metric.total],
      ]
    : [['query', metric.query]];
}

function normalizeMetric(
  doc: PolicyDocument,
  metric: MetricDocument,
  at: KeyPath,
  ctx: NormalizeContext,
  problem: Problem,
): MetricSpec {
  const defaults = doc.defaults ?? {};
  const compareDoc = metric.compare ?? (metric.threshold ? undefined : defaults.compare);
  const kind = metric.kind ?? 'gauge';
  const compare = compareDoc ? normalizeCompare({ ...defaults.compare, ...compareDoc }, kind, [...at, 'compare'], problem) : undefined;

  let threshold: ThresholdSpec | undefined;
  if (metric.threshold) {
    threshold = {
      min: metric.threshold.min === undefined ? undefined : parseRatio(metric.threshold.min),
      max: metric.threshold.max === undefined ? undefined : parseRatio(metric.threshold.max),
    };
    if (threshold.min === undefined && threshold.max === undefined) problem([...at, 'threshold'], 'give min, max or both');
    if (threshold.min !== undefined && threshold.max !== undefined && threshold.min > threshold.max) {
      problem([...at, 'threshold'], `min (${threshold.min}) is above max (${threshold.max})`);
    }
  }
  if (!compare && !threshold) problem([...at], 'the metric has neither compare nor threshold: nothing would be checked');
  if (metric.kayenta !== undefined) problem([...at, 'kayenta'], KAYENTA_ONLY, 'key');
  if (Array.isArray(metric.group)) problem([...at, 'group'], 'a list of groups needs judge: kayenta; give one group');

  const common = {
    name: metric.name,
    source: metric.source,
    group: (Array.isArray(metric.group) ? metric.group[0] : metric.group) ?? metric.name,
    description: metric.description,
    unit: metric.unit,
    critical: metric.critical ?? false,
    weight: metric.weight ?? 1,
    dryRun: metric['dry-run'] ?? false,
    minSamples: metric['min-samples'] ?? defaults['min-samples'] ?? DEFAULT_MIN_SAMPLES,
    onNoData: metric['on-no-data'] ?? defaults['on-no-data'] ?? 'fail',
    onError: metric['on-error'] ?? defaults['on-error'] ?? 'fail',
    compare,
    threshold,
    line: ctx.source.positionOf(at).line,
  };
  if (metric.kind === 'ratio') return { ...common, kind: 'ratio', errors: metric.errors, total: metric.total };
  return {
    ...common,
    kind: metric.kind ?? 'gauge',
    query: metric.query,
    aggregate: metric.aggregate ?? defaults.aggregate ?? (metric.kind === 'distribution' ? 'median' : 'mean'),
  };
}

const COUNT_TESTS = new Set(['poisson', 'fisher', 'proportions']);

function normalizeCompare(
  doc: CompareDocument,
  kind: 'gauge' | 'distribution' | 'ratio',
  at: KeyPath,
  problem: Problem,
): CompareSpec {
  const tolerance = doc.tolerance === undefined ? undefined : parseRatio(doc.tolerance);
  if (tolerance !== undefined && tolerance < 0) problem([...at, 'tolerance'], 'the tolerance must not be negative');
  // Exact tests on summed counts for ratios; rank-based shifts (robust to skew) for the rest.
  const test = doc.test ?? (kind === 'ratio' ? 'poisson' : 'mann-whitney');
  if (test !== 'none' && tolerance === undefined && doc.floor === undefined) {
    problem(at, 'give a tolerance (relative, e.g. 10%), a floor (absolute), or both');
  }
  if (COUNT_TESTS.has(test) && kind !== 'ratio') {
    problem([...at, 'test'], `${test} compares counts: use it on a ratio metric (kind: ratio), or mann-whitney/welch here`);
  }
  if (doc.scale !== undefined && test !== 'mann-whitney') problem([...at, 'scale'], 'scale applies to test: mann-whitney only');
  return {
    test,
    direction: doc.direction ?? 'increase',
    tolerance,
    floor: doc.floor,
    confidence: doc.confidence ?? 0.95,
    scale: doc.scale ?? 'auto',
    autocorrelation: doc.autocorrelation ?? 'adjust',
  };
}

/* ------------------------------------------------------------------------------------------ */
/* judge: kayenta                                                                              */
/* ------------------------------------------------------------------------------------------ */

const KAYENTA_ONLY = 'kayenta settings apply only with judge: kayenta (add judge: kayenta at the top level)';

/**
 * Keys with no Kayenta meaning are policy errors in kayenta mode rather than silently ignored: a
 * migrated policy that still says `tolerance: 10%` would otherwise read as if it mattered.
 */
const NOT_IN_KAYENTA: Record<string, string> = {
  threshold: "absolute thresholds are not part of Kayenta's judge; use judge: gate for them",
  weight: 'Kayenta weighs groups, not metrics; set scoring.groups',
  'min-samples': 'Kayenta judges any side that has data; use kayenta.must-have-data for missing data',
  'on-no-data': 'missing data is Nodata, not counted, or NodataFailMetric with kayenta.must-have-data',
  'on-error': 'a failed query stops a Kayenta analysis: the run fails closed',
  aggregate: 'Kayenta compares every sample, not an aggregate; the report shows means',
  'dry-run': 'use kayenta.muted: classified and shown, not scored',
};

const COMPARE_NOT_IN_KAYENTA: Record<string, string> = {
  test: 'Kayenta always runs Mann-Whitney with a 98% Hodges-Lehmann interval',
  confidence: "Kayenta's confidence is fixed at 98%",
  scale: 'Kayenta compares the raw values',
  autocorrelation: 'Kayenta treats every sample as independent',
  tolerance: "Kayenta's margin is 25% of the estimated shift; use kayenta.effect-size allowed-increase / allowed-decrease",
  floor: "Kayenta's margin is 25% of the estimated shift; use kayenta.effect-size allowed-increase / allowed-decrease",
};

const notUsed = (why: string) => `not used with judge: kayenta: ${why}`;

function checkKayentaDefaults(doc: PolicyDocument, problem: Problem) {
  const defaults = doc.defaults ?? {};
  for (const key of ['min-samples', 'on-no-data', 'on-error', 'aggregate'] as const) {
    if (defaults[key] !== undefined) problem(['defaults', key], notUsed(NOT_IN_KAYENTA[key]!), 'key');
  }
  for (const key of Object.keys(defaults.compare ?? {})) {
    const why = COMPARE_NOT_IN_KAYENTA[key];
    if (why) problem(['defaults', 'compare', key], notUsed(why), 'key');
  }
}

function normalizeKayentaMetric(
  doc: PolicyDocument,
  metric: MetricDocument,
  at: KeyPath,
  ctx: NormalizeContext,
  problem: Problem,
): MetricSpec {
  for (const key of Object.keys(NOT_IN_KAYENTA) as (keyof typeof NOT_IN_KAYENTA & keyof MetricDocument)[]) {
    if (metric[key] !== undefined) problem([...at, key], notUsed(NOT_IN_KAYENTA[key]!), 'key');
  }
  for (const key of Object.keys(metric.compare ?? {})) {
    const why = COMPARE_NOT_IN_KAYENTA[key];
    if (why) problem([...at, 'compare', key], notUsed(why), 'key');
  }
  if (metric.kind === 'ratio') {
    problem(
      [...at, 'kind'],
      'kind: ratio is not available with judge: kayenta, which judges one value per step: write the ratio as one query, e.g. sum(rate(errors[1m])) / sum(rate(requests[1m]))',
    );
  }

  const defaults = doc.defaults?.kayenta ?? {};
  const own: KayentaMetricDocument = metric.kayenta ?? {};
  const outliers = own.outliers ?? defaults.outliers ?? {};
  const effectAt: KeyPath = own['effect-size'] ? [...at, 'kayenta', 'effect-size'] : ['defaults', 'kayenta', 'effect-size'];
  const effect = own['effect-size'] ?? defaults['effect-size'] ?? {};
  const measure = effect.measure ?? 'meanRatio';
  // KAYENTA.md §1.1: the gates default to "no gate" on the measure's scale (ratio 1, CLES ½).
  const neutral = measure === 'cles' ? 0.5 : 1.0;
  if (measure === 'cles') {
    for (const key of ['allowed-increase', 'allowed-decrease', 'critical-increase', 'critical-decrease'] as const) {
      const value = effect[key];
      if (value !== undefined && value > 1) problem([...effectAt, key], `CLES is a probability: expected at most 1, found ${value}`);
    }
  }
  const groups = metric.group === undefined ? [metric.name] : Array.isArray(metric.group) ? metric.group : [metric.group];
  const direction = metric.compare?.direction ?? doc.defaults?.compare?.direction ?? 'either';
  const kayenta: KayentaMetricSpec = {
    direction,
    nanStrategy: own['nan-strategy'] ?? defaults['nan-strategy'] ?? 'remove',
    outliers: { strategy: outliers.strategy ?? 'keep', factor: outliers.factor ?? 3 },
    effectSize: {
      measure,
      allowedIncrease: effect['allowed-increase'] ?? neutral,
      allowedDecrease: effect['allowed-decrease'] ?? neutral,
      criticalIncrease: effect['critical-increase'] ?? neutral,
      criticalDecrease: effect['critical-decrease'] ?? neutral,
    },
    mustHaveData: own['must-have-data'] ?? defaults['must-have-data'] ?? false,
    muted: own.muted ?? defaults.muted ?? false,
    groups: [...new Set(groups)],
  };
  return {
    name: metric.name,
    source: metric.source,
    group: kayenta.groups[0]!,
    description: metric.description,
    unit: metric.unit,
    critical: metric.critical ?? false,
    weight: 1,
    dryRun: false,
    minSamples: 0,
    onNoData: 'fail',
    onError: 'fail',
    kayenta,
    line: ctx.source.positionOf(at).line,
    kind: metric.kind === 'distribution' ? 'distribution' : 'gauge',
    query: metric.kind === 'ratio' ? metric.total : metric.query,
    aggregate: 'mean',
  };
}

/**
 * A source's own `scopes`: its selectors replace the top-level ones for its metrics. The baseline
 * defaults to the canary's selector only where the top-level baseline is the same series at
 * another time (offset, before: deploy); a concurrent baseline needs its own.
 */
function normalizeSourceScopes(
  doc: PolicyDocument,
  scopes: Policy['scopes'],
  problem: Problem,
): Policy['sourceScopes'] {
  const out: Policy['sourceScopes'] = {};
  for (const [name, source] of Object.entries(doc.sources)) {
    const own = 'scopes' in source ? source.scopes : undefined;
    if (!own) continue;
    const at: KeyPath = ['sources', name, 'scopes'];
    if (!scopes) {
      problem(at, 'source scopes replace the selectors of the top-level scopes, and this policy has none', 'key');
      continue;
    }
    const sameSeries = scopes.baseline.offsetMs !== undefined || scopes.baseline.beforeDeploy === true;
    const baseline = own.baseline ?? (sameSeries ? own.canary : undefined);
    if (baseline === undefined) {
      problem(at, 'give baseline too: the top-level baseline is concurrent, so it needs its own selector in this source', 'key');
      continue;
    }
    if (!sameSeries && baseline === own.canary) problem([...at, 'baseline'], 'the baseline selector is the canary selector; the two sides would read the same series');
    out[name] = { canary: own.canary, baseline };
  }
  return out;
}

