/**
 * New Relic NRQL through NerdGraph (https://docs.newrelic.com/docs/apis/nerdgraph/examples/nerdgraph-nrql-tutorial/):
 * POST https://api.newrelic.com/graphql (EU: api.eu.newrelic.com) with the `API-Key` header and
 * `{ actor { account(id) { nrql(query) { results } } } }`. The source appends `SINCE`/`UNTIL` in
 * epoch milliseconds for the window and, when the query has none, `TIMESERIES <step>`.
 *
 * The scope goes into the NRQL as a `WHERE` term (`WHERE {{scope}}` with a scope such as
 * `appName = 'checkout-canary'`), or the query may `FACET` by the scope's attribute: then only the
 * facet the scope names is kept.
 */
import { bodyExcerpt, HttpClient, parseJsonBody, responseError, type HttpResponse } from './http.js';
import { contradiction, scopeTerms } from './scope.js';
import { SourceError, type MetricSource, type Point, type RangeQuery, type Series } from './types.js';

export interface NewRelicOptions {
  endpoint: string;
  account: number;
  apiKey: string;
  timeoutMs?: number;
  http?: HttpClient;
}

export function newRelicEndpoint(region: 'us' | 'eu' | undefined, url: string | undefined): string {
  return url ?? (region === 'eu' ? 'https://api.eu.newrelic.com/graphql' : 'https://api.newrelic.com/graphql');
}

/** NerdGraph's own timeout for the NRQL (seconds); the HTTP timeout bounds the request. */
const NRQL_TIMEOUT_S = 60;
const GRAPHQL = `query CanaryGate($accountId: Int!, $nrql: Nrql!) { actor { account(id: $accountId) { nrql(query: $nrql, timeout: ${NRQL_TIMEOUT_S}) { results } } } }`;

const TIME_KEYS = new Set(['beginTimeSeconds', 'endTimeSeconds', 'facet', 'timestamp']);

type Row = Record<string, unknown>;

export class NewRelicSource implements MetricSource {
  readonly type = 'newrelic';
  private readonly http: HttpClient;

  constructor(private readonly options: NewRelicOptions) {
    this.http = options.http ?? new HttpClient();
  }

  async query(request: RangeQuery, signal?: AbortSignal): Promise<Series[]> {
    const from = request.start - request.stepMs;
    const nrql = withWindow(request.query, from, request.end, request.stepMs);
    const response = await this.http.request({
      label: 'newrelic',
      method: 'POST',
      url: this.options.endpoint,
      headers: { 'API-Key': this.options.apiKey },
      json: { query: GRAPHQL, variables: { accountId: this.options.account, nrql } },
      timeoutMs: this.options.timeoutMs,
      signal,
      secrets: [this.options.apiKey],
    });
    const rows = this.results(response);
    const series = toSeries(rows, request.end, (why) => this.error(response, why));
    const inQuery = !request.scope || request.query.includes(request.scope);
    return selectFacet(series, request.scope, inQuery);
  }

  private results(response: HttpResponse): Row[] {
    const doc = parseJsonBody('newrelic', response, this.secrets()) as {
      data?: { actor?: { account?: { nrql?: { results?: unknown } | null } | null } | null } | null;
      errors?: { message?: string }[];
    } | null;
    // GraphQL reports errors with HTTP 200: the errors list decides, not the status.
    if (doc && Array.isArray(doc.errors) && doc.errors.length > 0) {
      throw this.error(response, doc.errors.map((e) => e?.message ?? JSON.stringify(e)).join('; '));
    }
    if (response.status >= 400) throw this.error(response, bodyExcerpt(response.body));
    const results = doc?.data?.actor?.account?.nrql?.results;
    if (!Array.isArray(results)) throw this.error(response, `no data.actor.account.nrql.results in the response: ${bodyExcerpt(response.body)}`);
    return results as Row[];
  }

  private secrets() {
    return this.http.secretsFor({ secrets: [this.options.apiKey] });
  }

  private error(response: HttpResponse, reason: string) {
    return responseError('newrelic', response, reason, this.secrets());
  }
}

/** Appends TIMESERIES (unless given) and the window as SINCE/UNTIL in epoch milliseconds. */
export function withWindow(nrql: string, from: number, to: number, stepMs: number): string {
  const base = nrql.trim().replace(/;$/, '');
  const timeseries = /\bTIMESERIES\b/i.test(base) ? '' : ` TIMESERIES ${bucket(stepMs)}`;
  return `${base}${timeseries} SINCE ${Math.round(from)} UNTIL ${Math.round(to)}`;
}

function bucket(stepMs: number): string {
  if (stepMs % 3_600_000 === 0) return plural(stepMs / 3_600_000, 'hour');
  if (stepMs % 60_000 === 0) return plural(stepMs / 60_000, 'minute');
  return plural(Math.max(1, Math.round(stepMs / 1000)), 'second');
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** Rows of a TIMESERIES result, grouped by facet; a point is stamped with its bucket's end. */
function toSeries(rows: Row[], to: number, fail: (why: string) => Error): Series[] {
  const groups = new Map<string, Series>();
  for (const row of rows) {
    if (row === null || typeof row !== 'object') throw fail('a result row is not an object');
    const end = row.endTimeSeconds;
    if (typeof end !== 'number') throw fail('a result row has no endTimeSeconds: the query must be a TIMESERIES query');
    const labels: Record<string, string> = {};
    const values: [string, number][] = [];
    for (const [key, value] of Object.entries(row)) {
      if (TIME_KEYS.has(key)) continue;
      if (typeof value === 'string') labels[key] = value;
      else if (typeof value === 'number' || value === null) values.push([key, value === null ? NaN : value]);
      else if (value && typeof value === 'object') {
        // percentile(x, 99) answers {"99": 0.52}: one number inside an object.
        const inner = Object.values(value as Record<string, unknown>);
        if (inner.length === 1 && (typeof inner[0] === 'number' || inner[0] === null)) values.push([key, inner[0] === null ? NaN : (inner[0] as number)]);
        else throw fail(`the value ${JSON.stringify(key)} is not a number; select one number per bucket`);
      }
    }
    const chosen = values.find(([key]) => key === 'value') ?? (values.length === 1 ? values[0] : undefined);
    if (!chosen) {
      const names = values.map(([key]) => key).join(', ') || 'none';
      throw fail(`expected one value per bucket, found ${names}: select one, or name it AS value`);
    }
    const key = JSON.stringify(labels);
    let series = groups.get(key);
    if (!series) groups.set(key, (series = { labels, points: [] }));
    series.points.push({ t: Math.round(end * 1000), v: chosen[1] });
  }
  for (const s of groups.values()) s.points = complete(s.points, to);
  return [...groups.values()];
}

/** The newest bucket may end after UNTIL (an unaligned window): it is still filling, so it is dropped. */
function complete(points: Point[], to: number): Point[] {
  return points.filter((p) => p.t <= to).sort((a, b) => a.t - b.t);
}

/**
 * With FACET, every facet comes back: keep the scope's own, refuse when none of them is it. A query
 * scoped only by its FACET (no {{scope}} in the NRQL) must come back faceted by the scope's
 * attribute, or canary and baseline would read the same numbers.
 */
function selectFacet(series: Series[], scope: string | undefined, scopeInQuery: boolean): Series[] {
  if (!scope || series.length === 0) return series;
  const terms = scopeTerms(scope);
  const faceted = series.filter((s) => [...terms.keys()].some((label) => s.labels[label] !== undefined));
  if (faceted.length === 0) {
    if (scopeInQuery) return series;
    throw new SourceError(
      `newrelic: the NRQL has no {{scope}} and its results are not faceted by the scope's attribute (${[...terms.keys()].join(', ') || `nothing to read in ${scope}`}): canary and baseline would be the same data`,
    );
  }
  const mine = series.filter((s) => !contradiction(terms, s.labels));
  if (mine.length === 0) {
    const found = series.map((s) => Object.values(s.labels).join('/')).slice(0, 5).join(', ');
    throw new SourceError(`newrelic: returned facets ${found} but none for the scope ${scope}; refusing to judge them`);
  }
  return mine;
}
