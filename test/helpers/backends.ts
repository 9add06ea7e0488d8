/**
 * Local stand-ins for the HTTP backends, answering in each vendor's documented shape (see
 * test/fixtures/contracts/ for the shapes and where they come from). Used by the fault matrix and
 * the secrets tests: every backend here is a real HTTP server on 127.0.0.1; only its answers are
 * scripted.
 */
import type { RecordedRequest } from './http-server.js';

export const END = Date.UTC(2026, 10, 20, 12);
export const STEP = 60_000;
export const STEPS = 10;

export type Side = 'canary' | 'baseline';

export interface Sample {
  t: number;
  v: number | null;
}

/** The healthy answer: one point per step over the 10-minute window, the same on both sides. */
export function healthySamples(count = STEPS): Sample[] {
  return Array.from({ length: count }, (_, i) => ({ t: END - (STEPS - 1 - i) * STEP, v: 100 + ((i * 7) % 5) }));
}

export interface Backend {
  /** Name of the cell row in the matrix. */
  name: string;
  /** The `sources.backend` entry of the policy (YAML flow map), for a server at `url`. */
  source(url: string): string;
  /** The metric's query, with {{scope}}. */
  query: string;
  scopes: { canary: string; baseline: string };
  /** Environment the policy reads (keys). */
  env: Record<string, string>;
  /** Which side a request is for. */
  sideOf(request: RecordedRequest): Side;
  /** A successful answer with these samples, labelled for `labelledAs`. */
  answer(samples: Sample[], labelledAs: Side, request: RecordedRequest): string;
  /** A successful answer with no series at all. */
  empty(request: RecordedRequest): string;
  /** HTTP 200 whose body says the query failed, and the message that must reach the report. */
  errorWith200: { body: string; message: RegExp };
}

const decoded = (r: RecordedRequest) => `${decodeURIComponent(r.url.replace(/\+/g, ' '))}\n${r.body}`;
const sideFrom = (r: RecordedRequest): Side => (decoded(r).includes('checkout-canary') ? 'canary' : 'baseline');
const deployment = (side: Side) => (side === 'canary' ? 'checkout-canary' : 'checkout-stable');

export const prometheus: Backend = {
  name: 'prometheus',
  source: (url) => `{ type: prometheus, url: '${url}' }`,
  query: 'sum by (deployment) (rate(http_request_duration_seconds_sum{{{scope}}}[1m]))',
  scopes: { canary: 'deployment="checkout-canary"', baseline: 'deployment="checkout-stable"' },
  env: {},
  sideOf: sideFrom,
  answer: (samples, side) =>
    JSON.stringify({
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [{ metric: { deployment: deployment(side) }, values: samples.map((s) => [s.t / 1000, s.v === null ? 'NaN' : String(s.v)]) }],
      },
    }),
  empty: () => JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [] } }),
  errorWith200: {
    body: JSON.stringify({ status: 'error', errorType: 'execution', error: 'query processing would load too many samples into memory' }),
    message: /execution: query processing would load too many samples into memory/,
  },
};

/** Datadog reports a bucket by its start; the engine stamps the step's end. */
const bucketStart = (t: number) => t - STEP;

export const datadogV1: Backend = {
  name: 'datadog v1',
  source: (url) => `{ type: datadog, api: v1, url: '${url}', api-key: '\${DD_API_KEY}', app-key: '\${DD_APP_KEY}' }`,
  query: 'avg:trace.http.request.duration{service:checkout,{{scope}}} by {deployment}.rollup(avg, 60)',
  scopes: { canary: 'deployment:checkout-canary', baseline: 'deployment:checkout-stable' },
  env: { DD_API_KEY: 'dd-api-Kq93hFz01xWv', DD_APP_KEY: 'dd-app-Lm27pQs84tYu' },
  sideOf: sideFrom,
  answer: (samples, side, r) => {
    const query = new URL(r.url, 'http://x').searchParams.get('query');
    return JSON.stringify({
      status: 'ok',
      res_type: 'time_series',
      query,
      from_date: bucketStart(samples[0]?.t ?? END),
      to_date: END,
      group_by: ['deployment'],
      message: '',
      series: [
        {
          metric: 'trace.http.request.duration',
          display_name: 'trace.http.request.duration',
          aggr: 'avg',
          expression: query,
          scope: `deployment:${deployment(side)},service:checkout`,
          tag_set: [`deployment:${deployment(side)}`],
          interval: STEP / 1000,
          length: samples.length,
          start: bucketStart(samples[0]?.t ?? END),
          end: END,
          pointlist: samples.map((s) => [bucketStart(s.t), s.v]),
          unit: null,
        },
      ],
    });
  },
  empty: (r) => JSON.stringify({ status: 'ok', res_type: 'time_series', query: new URL(r.url, 'http://x').searchParams.get('query'), series: [], group_by: [] }),
  errorWith200: {
    body: JSON.stringify({ status: 'error', res_type: 'time_series', series: [], error: "Error parsing query: unable to parse avg:trace{: Rule 'scope_expr' didn't match" }),
    message: /Error parsing query: unable to parse/,
  },
};

export const datadogV2: Backend = {
  name: 'datadog v2',
  source: (url) => `{ type: datadog, url: '${url}', api-key: '\${DD_API_KEY}', app-key: '\${DD_APP_KEY}' }`,
  query: 'avg:trace.http.request.duration{service:checkout,{{scope}}} by {deployment}',
  scopes: { canary: 'deployment:checkout-canary', baseline: 'deployment:checkout-stable' },
  env: { DD_API_KEY: 'dd-api-Kq93hFz01xWv', DD_APP_KEY: 'dd-app-Lm27pQs84tYu' },
  sideOf: sideFrom,
  answer: (samples, side) =>
    JSON.stringify({
      data: {
        type: 'timeseries_response',
        id: '0',
        attributes: {
          series: [{ group_tags: [`deployment:${deployment(side)}`], query_index: 0, unit: [{ family: 'time', name: 'second', plural: 'seconds', scale_factor: 1, short_name: 's' }, null] }],
          times: samples.map((s) => bucketStart(s.t)),
          values: [samples.map((s) => s.v)],
        },
      },
    }),
  empty: () => JSON.stringify({ data: { type: 'timeseries_response', id: '0', attributes: { series: [], times: [], values: [] } } }),
  errorWith200: {
    body: JSON.stringify({ data: { type: 'timeseries_response', attributes: {} }, errors: 'Error parsing query: unexpected token at position 12' }),
    message: /Error parsing query: unexpected token at position 12/,
  },
};

export const newRelic: Backend = {
  name: 'newrelic',
  source: (url) => `{ type: newrelic, url: '${url}', account: 1234567, api-key: '\${NEW_RELIC_API_KEY}' }`,
  query: 'SELECT average(duration) FROM Transaction WHERE {{scope}} FACET appName',
  scopes: { canary: "appName = 'checkout-canary'", baseline: "appName = 'checkout-stable'" },
  env: { NEW_RELIC_API_KEY: 'NRAK-Z81XQ4VNB2C7' },
  sideOf: sideFrom,
  answer: (samples, side) =>
    JSON.stringify({
      data: {
        actor: {
          account: {
            nrql: {
              results: samples.map((s) => ({
                beginTimeSeconds: (s.t - STEP) / 1000,
                endTimeSeconds: s.t / 1000,
                facet: deployment(side),
                appName: deployment(side),
                'average.duration': s.v,
              })),
            },
          },
        },
      },
    }),
  empty: () => JSON.stringify({ data: { actor: { account: { nrql: { results: [] } } } } }),
  errorWith200: {
    body: JSON.stringify({
      data: { actor: { account: { nrql: null } } },
      errors: [{ message: "NRQL Syntax Error: Error at line 1 position 52, unexpected 'FACET'", path: ['actor', 'account', 'nrql'] }],
    }),
    message: /NRQL Syntax Error: Error at line 1 position 52/,
  },
};

export const httpJson: Backend = {
  name: 'http-json',
  source: (url) =>
    `{ type: http-json, url: '${url}/v1/series?q={{query}}&from={{start}}&to={{end}}&step={{step_seconds}}', headers: { Authorization: 'Token \${METRICS_TOKEN}' }, series: '$.series[*]', labels: '$.tags', points: '$.points[*]', time: '$.t', value: '$.v', error: '$.error' }`,
  query: 'latency{{{scope}}}',
  scopes: { canary: 'deployment="checkout-canary"', baseline: 'deployment="checkout-stable"' },
  env: { METRICS_TOKEN: 'mt-Pq71LzX0v9Rt' },
  sideOf: sideFrom,
  answer: (samples, side) =>
    JSON.stringify({ error: null, series: [{ tags: { deployment: deployment(side) }, points: samples.map((s) => ({ t: s.t / 1000, v: s.v })) }] }),
  empty: () => JSON.stringify({ error: null, series: [] }),
  errorWith200: { body: JSON.stringify({ error: 'unknown metric "latency"', series: [] }), message: /unknown metric "latency"/ },
};

export const METRIC_BACKENDS = [prometheus, datadogV1, datadogV2, newRelic, httpJson];

/** A policy with one gauge metric on `backend`, over a 10-minute window ending at END. */
export function metricPolicy(backend: Backend, url: string, extra: { metric?: string; top?: string } = {}): string {
  return `version: 1
service: checkout
window: 10m
step: 1m
http: { timeout: 150ms, retries: 1, backoff: 1ms, max-backoff: 2ms, deadline: 30s }
${extra.top ?? ''}
sources:
  backend: ${backend.source(url)}
scopes:
  canary: "${backend.scopes.canary.replace(/"/g, '\\"')}"
  baseline: "${backend.scopes.baseline.replace(/"/g, '\\"')}"
metrics:
  - name: latency
    source: backend
    query: "${backend.query.replace(/"/g, '\\"')}"
    compare: { test: mann-whitney, direction: increase, tolerance: 50% }
    min-samples: 3
${extra.metric ?? ''}
`;
}

/** Alertmanager's gettableAlert (api/v2/openapi.yaml). */
export function alert(labels: Record<string, string>, state: 'active' | 'suppressed' | 'unprocessed' = 'active', silencedBy: string[] = []) {
  return {
    labels,
    annotations: { summary: `${labels.alertname} is firing` },
    startsAt: '2026-11-20T11:52:00.000Z',
    endsAt: '2026-11-20T12:12:00.000Z',
    updatedAt: '2026-11-20T11:59:30.000Z',
    fingerprint: 'a1b2c3d4e5f60718',
    receivers: [{ name: 'null' }],
    status: { state, silencedBy, inhibitedBy: [] },
    generatorURL: 'http://prometheus:9090/graph?g0.expr=up',
  };
}
