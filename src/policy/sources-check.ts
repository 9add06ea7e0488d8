/**
 * What the schema cannot check about sources, alert checks and the `http` settings: keys that must
 * come from the environment, templates a source fills in, queries a backend would reject, and
 * which checks may use which sources. Called once from `normalizePolicy`.
 */
import { parseDuration } from './duration.js';
import type { AlertCheckDocument, PolicyDocument, SourceDocument } from './schema.js';
import { BUILTIN_PLACEHOLDERS, placeholdersIn } from './template.js';
import type { AlertCheckSpec, HttpPolicy } from './types.js';
import type { KeyPath, Problem, YamlSource } from './yaml-source.js';


/** Placeholders an http-json source fills in for each request. */
export const HTTP_JSON_PLACEHOLDERS = ['query', 'start', 'end', 'start_ms', 'end_ms', 'start_iso', 'end_iso', 'step_seconds', 'step_ms'] as const;

/** The HTTP layer's settings when the policy's `http:` leaves them out. */
export const HTTP_DEFAULTS: HttpPolicy = {
  timeoutMs: 30_000,
  retries: 3,
  backoffMs: 1000,
  maxBackoffMs: 30_000,
  deadlineMs: 300_000,
  concurrency: 4,
};

export function normalizeHttp(doc: PolicyDocument, problem: Problem): HttpPolicy {
  const http = doc.http ?? {};
  const duration = (key: 'timeout' | 'backoff' | 'max-backoff' | 'deadline', fallback: number) => {
    const text = http[key];
    if (text === undefined) return fallback;
    const ms = parseDuration(text) ?? NaN;
    if (!(ms > 0)) problem(['http', key], Number.isNaN(ms) ? 'the duration is too long' : 'must be longer than zero');
    return ms;
  };
  const settings: HttpPolicy = {
    timeoutMs: duration('timeout', HTTP_DEFAULTS.timeoutMs),
    retries: http.retries ?? HTTP_DEFAULTS.retries,
    backoffMs: duration('backoff', HTTP_DEFAULTS.backoffMs),
    maxBackoffMs: duration('max-backoff', HTTP_DEFAULTS.maxBackoffMs),
    deadlineMs: duration('deadline', HTTP_DEFAULTS.deadlineMs),
    concurrency: http.concurrency ?? HTTP_DEFAULTS.concurrency,
  };
  if (http.backoff !== undefined && http['max-backoff'] !== undefined && settings.backoffMs > settings.maxBackoffMs) {
    problem(['http', 'max-backoff'], `max-backoff (${http['max-backoff']}) is shorter than backoff (${http.backoff})`);
  }
  if (http.deadline !== undefined && http.timeout !== undefined && settings.timeoutMs > settings.deadlineMs) {
    problem(['http', 'timeout'], `the request timeout (${http.timeout}) is longer than the run's deadline (${http.deadline})`);
  }
  return settings;
}

/** Checks every source's own rules. `secrets` are the values read from `${NAME}`. */
export function checkSources(doc: PolicyDocument, secrets: readonly string[], problem: Problem): void {
  for (const [name, source] of Object.entries(doc.sources)) {
    const at: KeyPath = ['sources', name];
    switch (source.type) {
      case 'datadog':
        for (const key of ['api-key', 'app-key'] as const) requireFromEnv(source[key], [...at, key], secrets, problem, key === 'api-key' ? 'DD_API_KEY' : 'DD_APP_KEY');
        if (source.url !== undefined && source.site !== undefined) problem([...at, 'url'], 'give either site or url, not both');
        if (source.url !== undefined) checkUrl(source.url, [...at, 'url'], problem);
        break;
      case 'newrelic':
        requireFromEnv(source['api-key'], [...at, 'api-key'], secrets, problem, 'NEW_RELIC_API_KEY');
        if (typeof source.account === 'string' && !/^\d+$/.test(source.account) && !source.account.includes('${')) {
          const fromEnv = secrets.some((secret) => source.account.toString().includes(secret));
          problem([...at, 'account'], `expected an account ID (digits), found ${fromEnv ? 'a value from the environment' : JSON.stringify(source.account)}`);
        }
        if (source.url !== undefined && source.region !== undefined) problem([...at, 'url'], 'give either region or url, not both');
        if (source.url !== undefined) checkUrl(source.url, [...at, 'url'], problem);
        break;
      case 'http-json':
        checkHttpJson(source, at, problem);
        break;
      case 'prometheus':
      case 'alertmanager':
        checkUrl(source.url, [...at, 'url'], problem);
        break;
      case 'file':
        break;
    }
  }

  (doc.metrics ?? []).forEach((metric, index) => {
    const source = doc.sources[metric.source];
    if (!source) return;
    const at: KeyPath = ['metrics', index, 'source'];
    if (source.type === 'alertmanager') {
      problem(at, `"${metric.source}" is an alertmanager source: it answers alert checks (under alerts), not metrics`);
    }
    if (source.type === 'newrelic') {
      const queries = metric.kind === 'ratio' ? ([['errors', metric.errors], ['total', metric.total]] as const) : ([['query', metric.query]] as const);
      for (const [key, query] of queries) {
        // The window is the gate's to set: a query's own SINCE/UNTIL would silently judge another one.
        const clause = /\b(SINCE|UNTIL)\b/i.exec(query);
        if (clause) problem(['metrics', index, key], `remove ${clause[1]!.toUpperCase()}: the newrelic source adds SINCE and UNTIL for the window`);
      }
    }
  });
}

/** NRQL that FACETs by the scope's attribute needs no {{scope}}: the source keeps the scope's facet. */
export function scopedByFacet(source: SourceDocument | undefined, query: string): boolean {
  return source?.type === 'newrelic' && /\bFACET\b/i.test(query);
}

/** A key written into the policy file ends up in version control and in every fork's logs. */
function requireFromEnv(value: string, at: KeyPath, secrets: readonly string[], problem: Problem, suggestion: string) {
  const fromEnv = secrets.some((secret) => value.includes(secret)) || /\$\{[A-Za-z_][A-Za-z0-9_]*\}/.test(value);
  if (!fromEnv) problem(at, `read the key from the environment, e.g. \${${suggestion}}: a key written in the policy file would end up in version control`);
}

function checkUrl(url: string, at: KeyPath, problem: Problem) {
  // ${NAME} left unexpanded by validate --allow-unset-env: nothing to check yet.
  if (url.includes('${')) return;
  let parsed: URL;
  try {
    parsed = new URL(url.replace(/\{\{[^}]*\}\}/g, 'x'));
  } catch {
    problem(at, 'expected an absolute http:// or https:// URL');
    return;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') problem(at, `expected an http:// or https:// URL, found ${parsed.protocol}`);
}

function checkHttpJson(source: Extract<SourceDocument, { type: 'http-json' }>, at: KeyPath, problem: Problem) {
  checkUrl(source.url, [...at, 'url'], problem);
  const known = new Set<string>(HTTP_JSON_PLACEHOLDERS);
  for (const key of ['url', 'body'] as const) {
    const template = source[key];
    if (template === undefined) continue;
    for (const name of new Set(placeholdersIn(template))) {
      if (!known.has(name)) {
        const hint = (BUILTIN_PLACEHOLDERS as readonly string[]).includes(name) ? ' ({{scope}}, {{window}} and {{step}} belong in the metric\'s query, which fills {{query}})' : '';
        problem([...at, key], `unknown placeholder {{${name}}}${hint}; known: ${HTTP_JSON_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}`);
      }
    }
  }
  if (source.body !== undefined && (source.method ?? 'GET') === 'GET') problem([...at, 'body'], 'a body needs method: POST');
  for (const key of ['series', 'labels', 'points', 'time', 'value', 'error'] as const) {
    const path = source[key];
    if (path === undefined) continue;
    const why = jsonPathProblem(path);
    if (why) problem([...at, key], why);
  }
}

/**
 * The shape of a JSONPath, checked without loading the JSONPath library (it is loaded with the
 * http-json source only, to keep every other run's start-up lean); anything subtler is reported
 * by the source when it evaluates the path.
 */
export function jsonPathProblem(path: string): string | undefined {
  if (!path.startsWith('$')) return 'a JSONPath starts with $, e.g. $.data[*]';
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < path.length; i++) {
    const c = path[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') {
      depth--;
      if (depth < 0) return `unbalanced "${c}" at character ${i + 1}`;
    }
  }
  if (quote) return `unclosed ${quote} quote`;
  if (depth !== 0) return 'unclosed [ or (';
  if (/\.\.\.|\.$|\[\]/.test(path)) return 'an empty step (..., a trailing . or []) in the path';
  return undefined;
}

/** Resolves `alerts:`; matchers are checked for syntax here so a typo fails before any query. */
export function normalizeAlerts(doc: PolicyDocument, source: YamlSource, known: ReadonlySet<string>, metricNames: ReadonlySet<string>, problem: Problem): AlertCheckSpec[] {
  const checks = doc.alerts ?? [];
  if (checks.length > 0 && doc.judge === 'kayenta') {
    problem(['alerts'], "alert checks are not part of Kayenta's judge; use judge: gate for them", 'key');
  }
  const seen = new Map<string, number>();
  return checks.map((check: AlertCheckDocument, index) => {
    const at: KeyPath = ['alerts', index];
    const first = seen.get(check.name);
    if (first !== undefined) problem([...at, 'name'], `duplicate alert check name "${check.name}" (first at alerts[${first}])`);
    else if (metricNames.has(check.name)) problem([...at, 'name'], `"${check.name}" is also a metric's name; reports need distinct names`);
    else seen.set(check.name, index);
    const target = doc.sources[check.source];
    if (!target) {
      problem([...at, 'source'], `undefined source "${check.source}" (defined: ${Object.keys(doc.sources).join(', ') || 'none'})`);
    } else if (target.type !== 'alertmanager') {
      problem([...at, 'source'], `"${check.source}" is a ${target.type} source; alert checks need an alertmanager source`);
    }
    check.matchers.forEach((matcher, i) => {
      for (const name of new Set(placeholdersIn(matcher))) {
        if (!known.has(name)) problem([...at, 'matchers', i], `undefined variable {{${name}}} (define it under vars or pass --var ${name}=…)`);
      }
      // {{scope}} may stand for several matchers; check the rest of the text with it removed.
      const literal = matcher.replace(/\{\{\s*scope\s*\}\}/g, '').replace(/^\s*,|,\s*$/g, '').trim();
      if (literal !== '' && !placeholdersIn(literal).length) {
        for (const part of splitMatchers(literal)) {
          if (!MATCHER.test(part)) problem([...at, 'matchers', i], `expected a matcher such as severity="critical" or service=~"checkout.*", found ${JSON.stringify(part)}`);
        }
      }
    });
    return {
      name: check.name,
      source: check.source,
      description: check.description,
      matchers: check.matchers,
      critical: check.critical ?? true,
      weight: check.weight ?? 1,
      dryRun: check['dry-run'] ?? false,
      onError: check['on-error'] ?? 'fail',
      line: source.positionOf(at).line,
    };
  });
}

/** One Alertmanager matcher: label, operator, quoted (or bare) value. */
export const MATCHER = /^\s*[A-Za-z_][A-Za-z0-9_]*\s*(=~|!~|!=|=)\s*("(?:[^"\\]|\\.)*"|[^",{}\s]+)\s*$/;

/** Splits `a="x",b=~"y,z"` at the commas outside quotes. */
export function splitMatchers(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && quoted) {
      current += c + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) {
      if (current.trim() !== '') parts.push(current.trim());
      current = '';
      continue;
    }
    current += c;
  }
  if (current.trim() !== '') parts.push(current.trim());
  return parts;
}
