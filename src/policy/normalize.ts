import { parseDuration, parseRatio, parseTime } from './duration.js';
import type { PolicyProblem } from './errors.js';
import type { CompareDocument, MetricDocument, PolicyDocument } from './schema.js';
import { BUILTIN_PLACEHOLDERS, placeholdersIn } from './template.js';
import type { BaselineSpec, CompareSpec, MetricSpec, Policy, ThresholdSpec } from './types.js';
import type { KeyPath, YamlSource } from './yaml-source.js';

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

  const canarySelector = typeof doc.scopes.canary === 'string' ? doc.scopes.canary : doc.scopes.canary.selector;
  const baseline = normalizeBaseline(doc, canarySelector, deployedAt, problem);

  const known = new Set<string>([...BUILTIN_PLACEHOLDERS, ...Object.keys(vars)]);
  const seen = new Map<string, number>();
  const metrics: MetricSpec[] = [];
  doc.metrics.forEach((metric, index) => {
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
      const sameSeries = baseline.offsetMs === undefined && !baseline.beforeDeploy;
      if (sameSeries && !placeholdersIn(template).includes('scope')) {
        problem([...at, key], 'the query has no {{scope}} placeholder, so canary and baseline would read the same series');
      }
    }
    metrics.push(normalizeMetric(doc, metric, at, ctx, problem));
  });

  const scoring = {
    pass: doc.scoring?.pass ?? 95,
    marginal: doc.scoring?.marginal ?? 75,
    groups: doc.scoring?.groups ?? {},
  };
  if (scoring.marginal > scoring.pass) {
    problem(['scoring', 'marginal'], `marginal (${scoring.marginal}) must not be above pass (${scoring.pass})`);
  }
  const groups = new Set(metrics.map((m) => m.group));
  for (const group of Object.keys(scoring.groups)) {
    if (!groups.has(group)) problem(['scoring', 'groups', group], `no metric is in group "${group}"`, 'key');
  }

  const policy: Policy = {
    file: ctx.file,
    dir: ctx.dir,
    service: doc.service,
    mode: doc.mode ?? 'enforce',
    windowMs,
    stepMs,
    deployedAt,
    vars,
    sources: doc.sources,
    scopes: { canary: { selector: canarySelector }, baseline },
    metrics,
    scoring,
    secrets: [...new Set(ctx.secrets)],
  };
  return { policy, problems };
}

function normalizeBaseline(
  doc: PolicyDocument,
  canarySelector: string,
  deployedAt: number | undefined,
  problem: (at: KeyPath, message: string) => void,
): BaselineSpec {
  const spec = doc.scopes.baseline;
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
    if (deployedAt === undefined && doc['deployed-at'] === undefined) {
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
  problem: (at: KeyPath, message: string) => void,
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

  const common = {
    name: metric.name,
    source: metric.source,
    group: metric.group ?? metric.name,
    description: metric.description,
    unit: metric.unit,
    critical: metric.critical ?? false,
    weight: metric.weight ?? 1,
    dryRun: metric['dry-run'] ?? false,
    minSamples: metric['min-samples'] ?? defaults['min-samples'] ?? DEFAULT_MIN_SAMPLES,
    onNoData: metric['on-no-data'] ?? defaults['on-no-data'] ?? 'fail',
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
  problem: (at: KeyPath, message: string) => void,
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
