/**
 * Kayenta canary config (JSON, spinnaker/kayenta docs/canary-config.md) → canary-gate policy in
 * `judge: kayenta` mode, written as commented YAML. What carries over:
 *
 * - each metric's `analysisConfigurations.canary` (direction, nanStrategy, outliers, critical,
 *   mustHaveData, muted, effectSize) and its `groups`; `classifier.groupWeights` → scoring.groups;
 * - Prometheus queries: `customInlineTemplate` / `customFilterTemplate` (a full `PromQL:`
 *   expression, or a filter Kayenta wraps as `avg(metricName{filter}) by (groupByFields)`), the
 *   deprecated `customFilter`, `labelBindings`, and the `aws_ec2_instance` / `gce_instance`
 *   resource types. A label matcher on `${scope}` (`app="${scope}"`) becomes `{{scope}}` and the
 *   policy's scopes take its shape; `${location}`, `${project}` and other variables become
 *   `{{vars}}` to fill in.
 *
 * Anything that cannot carry over is said in a comment where it would have gone (and returned as
 * a warning): metrics of other metric stores and queries whose scope cannot be a selector are
 * written commented out, so the rest of the policy still validates.
 */

export interface ConvertOptions {
  /** Name of the policy's Prometheus source (default `prometheus`). */
  source?: string;
  /** Kayenta scope names of the canary and baseline (the execution's experimentScope / controlScope). */
  canaryScope?: string;
  baselineScope?: string;
  /** Shown in the header comment. */
  configFile?: string;
}

export interface ConvertResult {
  yaml: string;
  /** Everything that did not carry over as is, one line each. */
  warnings: string[];
  /** Metrics written as policy metrics, and those written commented out. */
  converted: string[];
  skipped: string[];
}

export class KayentaConfigError extends Error {
  override name = 'KayentaConfigError';
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const KNOWN_METRIC_KEYS = new Set(['name', 'query', 'groups', 'analysisConfigurations', 'scopeName']);
const KNOWN_CANARY_KEYS = new Set(['direction', 'nanStrategy', 'outliers', 'critical', 'mustHaveData', 'muted', 'effectSize']);
const KNOWN_EFFECT_KEYS = new Set(['measure', 'allowedIncrease', 'allowedDecrease', 'criticalIncrease', 'criticalDecrease']);
const PROMETHEUS_QUERY_KEYS = new Set([
  'type',
  'serviceType',
  'metricName',
  'labelBindings',
  'groupByFields',
  'resourceType',
  'scopeLabel',
  'locationLabel',
  'customFilter',
  'customInlineTemplate',
  'customFilterTemplate',
]);
const NAME_PATTERN = /^[A-Za-z0-9_.:/-]+$/;
/** A label matcher with a quoted value: `app="x"`, `pod=~'x.*'`. */
const MATCHER = /([A-Za-z_][A-Za-z0-9_]*)\s*(=~|!~|!=|=)\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')/g;

/** How the queries select a scope: `label op "prefix<scope>suffix"`; the policy's scopes take this shape. */
interface ScopeShape {
  label: string;
  op: '=' | '=~';
  prefix: string;
  suffix: string;
}

const shapeKey = (s: ScopeShape) => JSON.stringify([s.label, s.op, s.prefix, s.suffix]);
const shapeText = (s: ScopeShape, scope: string) => `${s.label}${s.op}"${s.prefix}${scope}${s.suffix}"`;

interface QueryResult {
  query?: string;
  /** Undefined when the query has no `${scope}` of its own (the selector stands in for a resource-type filter). */
  shape?: ScopeShape;
  /** Why the metric cannot be converted. */
  fatal?: string;
  notes: string[];
  vars: string[];
}

interface MetricOut {
  name: string;
  original: Json;
  lines: string[];
  notes: string[];
  shape?: ScopeShape;
  groups: string[];
  fatal?: string;
}

export function convertKayentaConfig(config: unknown, options: ConvertOptions = {}): ConvertResult {
  if (!isObject(config)) throw new KayentaConfigError('a Kayenta canary config is a JSON object');
  if (!Array.isArray(config.metrics)) throw new KayentaConfigError('the canary config has no "metrics" list');
  if (config.metrics.length === 0) throw new KayentaConfigError('the canary config has no metrics');
  const sourceName = options.source ?? 'prometheus';
  if (!/^[A-Za-z0-9_-]+$/.test(sourceName)) throw new KayentaConfigError(`--source: "${sourceName}" is not a usable source name (letters, digits, _ and -)`);

  const warnings: string[] = [];
  const header: string[] = [];
  const templates = isObject(config.templates) ? config.templates : {};
  const judge = isObject(config.judge) ? config.judge : undefined;
  if (judge && typeof judge.name === 'string' && !judge.name.startsWith('NetflixACAJudge')) {
    header.push(`judge "${judge.name}": canary-gate reproduces NetflixACAJudge only; the labels below are NetflixACAJudge's`);
  }

  // Metrics, first pass: queries and settings.
  const names = new Set<string>();
  const allVars = new Set<string>();
  const metrics: MetricOut[] = config.metrics.map((metric, index) => {
    const m = isObject(metric) ? metric : {};
    const original = typeof m.name === 'string' && m.name !== '' ? m.name : `metric ${index + 1}`;
    const name = uniqueName(original, index, names);
    const notes: string[] = [];
    if (name !== original) notes.push(`Kayenta name "${original}" (canary-gate names use letters, digits and _ . : / -)`);
    for (const key of Object.keys(m)) if (!KNOWN_METRIC_KEYS.has(key)) notes.push(`not carried over: ${key}: ${short(m[key]!)}`);
    if (m.scopeName !== undefined && m.scopeName !== 'default') {
      notes.push(`scopeName "${String(m.scopeName)}": canary-gate has one pair of scopes, used for every metric`);
    }

    const q = convertQuery(m.query, templates);
    notes.push(...q.notes);
    for (const v of q.vars) allVars.add(v);
    const groups = Array.isArray(m.groups) ? m.groups.filter((g): g is string => typeof g === 'string' && g !== '') : [];
    if (groups.length === 0) notes.push(`no groups in Kayenta: canary-gate puts the metric in a group of its own ("${name}")`);

    const lines: string[] = [`- name: ${str(name)}`];
    if (name !== original) lines.push(`  description: ${str(original)}`);
    lines.push(`  source: ${sourceName}`);
    if (q.query !== undefined) lines.push(`  query: ${str(q.query)}`);
    if (groups.length === 1) lines.push(`  group: ${str(groups[0]!)}`);
    else if (groups.length > 1) lines.push(`  group: [${groups.map(str).join(', ')}]`);
    lines.push(...analysisLines(m.analysisConfigurations, notes));
    return { name, original: metric as Json, lines, notes, shape: q.shape, groups, fatal: q.fatal };
  });

  // One scope selector serves every query: the commonest shape wins.
  const shapes = new Map<string, { shape: ScopeShape; count: number }>();
  for (const m of metrics) {
    if (m.fatal || !m.shape) continue;
    const key = shapeKey(m.shape);
    shapes.set(key, { shape: m.shape, count: (shapes.get(key)?.count ?? 0) + 1 });
  }
  const chosen = [...shapes.values()].sort((a, b) => b.count - a.count)[0]?.shape;
  for (const m of metrics) {
    if (!m.fatal && m.shape && chosen && shapeKey(m.shape) !== shapeKey(chosen)) {
      m.fatal = `its scope matcher ${shapeText(m.shape, '${scope}')} differs from the other queries' ${shapeText(chosen, '${scope}')}, and one scope selector serves every query`;
    }
  }
  const kept = metrics.filter((m) => !m.fatal);
  const skipped = metrics.filter((m) => m.fatal);
  for (const m of metrics) {
    // A renamed metric is said in the policy (its description keeps the Kayenta name), not on stderr.
    for (const note of m.notes) if (!note.startsWith('Kayenta name ')) warnings.push(`${m.name}: ${note}`);
    if (m.fatal) warnings.push(`${m.name}: not converted: ${m.fatal}`);
  }
  if (kept.length === 0) warnings.push('no metric could be converted: the policy has no metrics and will not validate');

  // Scoring.
  const classifier = isObject(config.classifier) ? config.classifier : {};
  const weights = isObject(classifier.groupWeights) ? classifier.groupWeights : {};
  const keptGroups = new Set(kept.flatMap((m) => (m.groups.length > 0 ? m.groups : [m.name])));
  const weightLines: string[] = [];
  const droppedWeights: string[] = [];
  for (const [group, weight] of Object.entries(weights)) {
    if (typeof weight !== 'number' || !(weight >= 0)) {
      droppedWeights.push(`${group}: ${short(weight)} (not a weight)`);
    } else if (!keptGroups.has(group)) {
      droppedWeights.push(
        `${group}: ${weight} (no converted metric is in this group; in Kayenta it still counts in the weights that unweighted groups share 100 minus)`,
      );
    } else weightLines.push(`${str(group)}: ${weight}`);
  }
  for (const d of droppedWeights) warnings.push(`scoring: group weight not carried over: ${d}`);
  const configured = Object.values(weights).filter((w): w is number => typeof w === 'number');
  const total = configured.reduce((a, b) => a + b, 0);
  const thresholds = isObject(classifier.scoreThresholds) ? classifier.scoreThresholds : undefined;
  const pass = typeof thresholds?.pass === 'number' ? thresholds.pass : 95;
  const marginal = typeof thresholds?.marginal === 'number' ? thresholds.marginal : 75;

  // The YAML.
  const service = typeof config.name === 'string' && config.name.trim() !== '' ? config.name : firstApplication(config) ?? 'service';
  const canary = options.canaryScope ?? 'CANARY-SCOPE';
  const baseline = options.baselineScope ?? 'BASELINE-SCOPE';
  if (options.canaryScope === undefined || options.baselineScope === undefined) {
    warnings.push('scopes: set the canary and baseline scope names (--canary-scope, --baseline-scope, or edit the policy)');
  }
  const shape: ScopeShape = chosen ?? { label: 'app', op: '=', prefix: '', suffix: '' };

  const out: string[] = [];
  out.push(`# Converted by canary-gate convert-kayenta from ${options.configFile ? `${options.configFile} ` : ''}(Kayenta canary config${typeof config.name === 'string' ? ` "${oneLine(config.name)}"` : ''}).`);
  if (typeof config.description === 'string' && config.description.trim() !== '') out.push(`# ${oneLine(config.description)}`);
  out.push('# judge: kayenta reproduces NetflixACAJudge: Mann-Whitney at 98% on every sample, labels Pass/High/Low/Nodata,');
  out.push("# effect-size gates and Kayenta's weighted group score. Check the TODO and NOTE comments, then run");
  out.push('#   canary-gate validate --policy <this file> --allow-unset-env');
  for (const h of header) out.push(`# NOTE: ${h}`);
  out.push('version: 1');
  out.push(`service: ${str(service)}`);
  out.push('judge: kayenta');
  out.push('# TODO: Kayenta takes the analysis window (lifetime or begin/end) and the step from each execution');
  out.push('# request, not from the canary config: set them to what your canary stage used.');
  out.push('window: 30m');
  out.push('step: 1m');
  out.push('sources:');
  out.push(`  ${sourceName}: { type: prometheus, url: '\${PROMETHEUS_URL}' }`);
  out.push('scopes:');
  if (options.canaryScope === undefined || options.baselineScope === undefined) {
    out.push("  # TODO: the execution's scope names (scopes.default.experimentScope / controlScope): every");
    out.push(`  # ${shapeText(shape, '${scope}')} in the queries became {{scope}}, replaced by these selectors.`);
  } else {
    out.push(`  # Every ${shapeText(shape, '${scope}')} in the queries became {{scope}}, replaced by these selectors.`);
  }
  if (!chosen) out.push('  # NOTE: no query matches a label on ${scope}: app="…" is a guess.');
  out.push(`  canary: ${str(shapeText(shape, canary))}`);
  out.push(`  baseline: ${str(shapeText(shape, baseline))}`);
  if (allVars.size > 0) {
    out.push("# TODO: Kayenta's ${…} query variables (from the execution's scope and extendedScopeParams): fill in.");
    out.push('vars:');
    for (const v of [...allVars].sort()) out.push(`  ${v}: ''`);
  }
  out.push('metrics:');
  for (const m of metrics) {
    if (m.fatal) {
      out.push(`  # NOT CONVERTED: ${oneLine(m.original && isObject(m.original) && typeof m.original.name === 'string' ? m.original.name : m.name)}: ${oneLine(m.fatal)}`);
      out.push(`  #   ${oneLine(JSON.stringify(m.original))}`);
      continue;
    }
    for (const note of m.notes) out.push(`  # NOTE: ${oneLine(note)}`);
    out.push(...m.lines.map((line) => `  ${line}`));
  }
  if (kept.length === 0) out.push('  [] # TODO: no metric could be converted');
  out.push('scoring:');
  if (!thresholds) out.push("  # Kayenta's score thresholds come with each execution request; 95/75 are its sample configs' values.");
  out.push(`  pass: ${pass}`);
  out.push(`  marginal: ${marginal}`);
  if (configured.length > 0 && total !== 100) out.push(`  # NOTE: the Kayenta weights add up to ${total}, not 100; kept as they are (Kayenta does not check them either).`);
  for (const d of droppedWeights) out.push(`  # NOTE: not carried over: ${oneLine(d)}`);
  if (weightLines.length > 0) {
    out.push("  groups: # Kayenta's classifier.groupWeights; groups without a weight share 100 minus these");
    for (const line of weightLines) out.push(`    ${line}`);
  }
  return { yaml: out.join('\n') + '\n', warnings, converted: kept.map((m) => m.name), skipped: skipped.map((m) => m.name) };
}

/* ------------------------------------------------------------------------------------------ */

function convertQuery(query: Json | undefined, templates: JsonObject): QueryResult {
  const result: QueryResult = { notes: [], vars: [] };
  if (!isObject(query)) return { ...result, fatal: 'the metric has no query' };
  const type = typeof query.type === 'string' ? query.type : typeof query.serviceType === 'string' ? query.serviceType : undefined;
  if (type !== 'prometheus') {
    return { ...result, fatal: `${type ?? 'an untyped'} query: canary-gate reads Prometheus-compatible sources (and files), not ${type ?? 'this'}` };
  }
  for (const key of Object.keys(query)) if (!PROMETHEUS_QUERY_KEYS.has(key)) result.notes.push(`not carried over: query.${key}: ${short(query[key]!)}`);

  let template: string | undefined;
  if (typeof query.customInlineTemplate === 'string' && query.customInlineTemplate !== '') template = query.customInlineTemplate;
  else if (typeof query.customFilterTemplate === 'string' && query.customFilterTemplate !== '') {
    const named = templates[query.customFilterTemplate];
    if (typeof named !== 'string') return { ...result, fatal: `customFilterTemplate "${query.customFilterTemplate}" is not among the config's templates` };
    template = named;
  } else if (typeof query.customFilter === 'string' && query.customFilter !== '') template = query.customFilter;

  let text: string;
  if (template !== undefined && template.startsWith('PromQL:')) {
    text = template.slice('PromQL:'.length).trim();
    if (Array.isArray(query.groupByFields) && query.groupByFields.length > 0) result.notes.push('groupByFields are ignored by Kayenta for a PromQL: template');
  } else {
    const metricName = typeof query.metricName === 'string' ? query.metricName : '';
    if (metricName === '') return { ...result, fatal: 'the Prometheus query has neither metricName nor a PromQL: template' };
    const bindings = Array.isArray(query.labelBindings) ? query.labelBindings.filter((b): b is string => typeof b === 'string') : [];
    let filters: string[];
    if (template !== undefined) filters = [...template.split(','), ...bindings];
    else {
      const resourceType = typeof query.resourceType === 'string' ? query.resourceType : '';
      if (resourceType === 'aws_ec2_instance') {
        filters = ['asg_groupName="${scope}"', 'zone=~"${location}.{1}"', ...bindings];
      } else if (resourceType === 'gce_instance') {
        const scopeLabel = typeof query.scopeLabel === 'string' && query.scopeLabel !== '' ? query.scopeLabel : 'instance';
        if (typeof query.scopeLabel !== 'string') result.notes.push(`gce_instance: Kayenta's scope label is its Prometheus configuration's scopeLabel; "instance" assumed`);
        filters = [`${scopeLabel}=~"\${scope}-.{4}"`, 'zone=~".+/projects/${project}/zones/${location}-.{1}"', ...bindings];
      } else {
        // Kayenta takes the resource type from the execution when the config has none: the
        // selector of the policy's scopes stands in for its filter.
        if (resourceType !== '') result.notes.push(`resourceType "${resourceType}" has no Kayenta filter; the scope selector stands in`);
        else result.notes.push("no filter in the config (Kayenta builds it from the execution's resourceType): the scope selector stands in");
        filters = ['${scope}', ...bindings];
      }
    }
    const groupBy = Array.isArray(query.groupByFields) ? query.groupByFields.filter((g): g is string => typeof g === 'string') : [];
    text = `avg(${metricName}{${filters.map((f) => f.trim()).filter(Boolean).join(',')}})${groupBy.length > 0 ? ` by (${groupBy.join(',')})` : ''}`;
    if (groupBy.length > 0) result.notes.push(`groupByFields ${groupBy.join(', ')}: Kayenta judges each series separately; canary-gate pools them in time order`);
  }
  if (typeof query.functions !== 'undefined') result.notes.push('query.functions is not used by Kayenta\'s Prometheus store either');

  // ${scope} in a label matcher → {{scope}}, remembering the matcher's shape for the scopes.
  let shape: ScopeShape | undefined;
  let conflict: string | undefined;
  text = text.replace(MATCHER, (whole, label: string, op: string, dq: string | undefined, sq: string | undefined) => {
    const value = dq ?? sq ?? '';
    const at = value.indexOf('${scope}');
    if (at === -1) return whole;
    if (op !== '=' && op !== '=~') {
      conflict = `the scope is excluded (${whole}), which a scope selector cannot say`;
      return whole;
    }
    const found: ScopeShape = { label, op, prefix: value.slice(0, at), suffix: value.slice(at + '${scope}'.length) };
    if (found.suffix.includes('${scope}')) conflict = `${whole} uses \${scope} twice`;
    if (shape && shapeKey(shape) !== shapeKey(found)) conflict = `the query matches the scope in two ways (${shapeText(shape, '${scope}')}, ${whole})`;
    shape = found;
    return '{{scope}}';
  });
  // A bare ${scope} (the resource-type stand-in above) is the selector itself.
  text = text.replace(/([{,])\s*\$\{scope\}\s*(?=[,}])/g, '$1{{scope}}');
  if (conflict) return { ...result, fatal: conflict };
  if (text.includes('${scope}')) return { ...result, fatal: '${scope} is used outside a label matcher, where a scope selector cannot go' };
  if (!text.includes('{{scope}}')) return { ...result, fatal: 'the query does not use ${scope}, so canary and baseline would read the same series' };

  // Other ${name} variables → {{name}}. That takes every ${NAME} the policy loader would read
  // from the environment, so what is left (a lone "${") stays literal.
  text = text.replace(/\$\{([A-Za-z_][A-Za-z0-9_-]*)\}/g, (_whole, name: string) => {
    if (!result.vars.includes(name)) result.vars.push(name);
    return `{{${name}}}`;
  });
  for (const name of result.vars) {
    if (['window', 'step'].includes(name)) return { ...result, fatal: `\${${name}} would collide with canary-gate's built-in {{${name}}}` };
  }
  return { ...result, query: text, shape };
}

function analysisLines(configs: Json | undefined, notes: string[]): string[] {
  if (!isObject(configs)) {
    notes.push('no analysisConfigurations: Kayenta defaults apply');
    return [];
  }
  for (const key of Object.keys(configs)) if (key !== 'canary') notes.push(`not carried over: analysisConfigurations.${key}`);
  const c = isObject(configs.canary) ? configs.canary : {};
  for (const key of Object.keys(c)) if (!KNOWN_CANARY_KEYS.has(key)) notes.push(`not carried over: analysisConfigurations.canary.${key}: ${short(c[key]!)}`);

  const lines: string[] = [];
  if (c.direction !== undefined) {
    const direction = typeof c.direction === 'string' ? c.direction.toLowerCase() : '';
    if (['increase', 'decrease', 'either'].includes(direction)) lines.push(`  compare: { direction: ${direction} }`);
    else notes.push(`direction ${short(c.direction)}: Kayenta reads an unknown direction as either (the default here too)`);
  }
  if (c.critical === true) lines.push('  critical: true');

  const kayenta: string[] = [];
  if (c.nanStrategy !== undefined) {
    if (c.nanStrategy === 'remove' || c.nanStrategy === 'replace') kayenta.push(`nan-strategy: ${c.nanStrategy}`);
    else notes.push(`nanStrategy ${short(c.nanStrategy)} is neither remove nor replace: remove (the default) applies`);
  }
  if (c.outliers !== undefined) {
    const o = isObject(c.outliers) ? c.outliers : {};
    const parts: string[] = [];
    if (o.strategy === 'keep' || o.strategy === 'remove') parts.push(`strategy: ${o.strategy}`);
    else if (o.strategy !== undefined) notes.push(`outliers.strategy ${short(o.strategy)} is neither keep nor remove: keep (the default) applies`);
    if (typeof o.outlierFactor === 'number' && o.outlierFactor >= 0) parts.push(`factor: ${o.outlierFactor}`);
    else if (o.outlierFactor !== undefined) notes.push(`outliers.outlierFactor ${short(o.outlierFactor)} is not a factor: 3 (the default) applies`);
    for (const key of Object.keys(o)) if (key !== 'strategy' && key !== 'outlierFactor') notes.push(`not carried over: outliers.${key}`);
    if (parts.length > 0) kayenta.push(`outliers: { ${parts.join(', ')} }`);
  }
  if (c.effectSize !== undefined) {
    const e = isObject(c.effectSize) ? c.effectSize : {};
    const parts: string[] = [];
    const measure = e.measure === 'cles' || e.measure === 'meanRatio' ? e.measure : undefined;
    if (measure) parts.push(`measure: ${measure}`);
    else if (e.measure !== undefined) notes.push(`effectSize.measure ${short(e.measure)} is neither meanRatio nor cles: meanRatio applies`);
    const keys: [string, string][] = [
      ['allowedIncrease', 'allowed-increase'],
      ['allowedDecrease', 'allowed-decrease'],
      ['criticalIncrease', 'critical-increase'],
      ['criticalDecrease', 'critical-decrease'],
    ];
    for (const [from, to] of keys) {
      const v = e[from];
      if (v === undefined) continue;
      if (typeof v !== 'number' || !(v >= 0)) notes.push(`effectSize.${from} ${short(v)} is not a usable value: the default applies`);
      else if (measure === 'cles' && v > 1) notes.push(`effectSize.${from} ${v} is above 1, which a CLES never reaches: the default applies`);
      else parts.push(`${to}: ${v}`);
    }
    for (const key of Object.keys(e)) if (!KNOWN_EFFECT_KEYS.has(key)) notes.push(`not carried over: effectSize.${key}`);
    if (parts.length > 0) kayenta.push(`effect-size: { ${parts.join(', ')} }`);
  }
  if (c.mustHaveData === true) kayenta.push('must-have-data: true');
  if (c.muted === true) kayenta.push('muted: true');
  for (const key of ['critical', 'mustHaveData', 'muted'] as const) {
    if (c[key] !== undefined && typeof c[key] !== 'boolean') notes.push(`${key} ${short(c[key])} is not true or false: false applies`);
  }
  if (kayenta.length > 0) lines.push('  kayenta:', ...kayenta.map((k) => `    ${k}`));
  return lines;
}

function uniqueName(original: string, index: number, taken: Set<string>): string {
  let base = NAME_PATTERN.test(original) ? original : original.trim().replace(/[^A-Za-z0-9_.:/-]+/g, '-').replace(/^-+|-+$/g, '');
  if (base === '') base = `metric-${index + 1}`;
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  taken.add(name);
  return name;
}

function firstApplication(config: JsonObject): string | undefined {
  const apps = Array.isArray(config.applications) ? config.applications : [];
  const first = apps.find((a): a is string => typeof a === 'string' && a !== '' && a !== 'ad-hoc');
  return first;
}

/** A YAML scalar: plain when safe, single-quoted otherwise, double-quoted (JSON) for control characters. */
function str(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) return JSON.stringify(text);
  if (/^[A-Za-z0-9_./-]+$/.test(text) && !/^(true|false|null|yes|no|on|off|~|[-+.\d].*)$/i.test(text)) return text;
  return `'${text.replace(/'/g, "''")}'`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ');
}

function short(value: Json | undefined): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
