/**
 * Contract tests for the vendors we cannot reach from here: the exact request each source sends
 * (path, query, headers, body) and how it reads the documented response, both taken from the
 * fixtures in test/fixtures/contracts/ (each names its documentation page and the date read).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DatadogSource, datadogApiUrl } from '../../src/sources/datadog-source.js';
import { HttpClient } from '../../src/sources/http.js';
import { NewRelicSource, newRelicEndpoint, withWindow } from '../../src/sources/newrelic-source.js';
import { HttpJsonSource } from '../../src/sources/http-json-source.js';
import { guarded } from '../../src/sources/index.js';
import { serversClosedAfterEach } from '../helpers/http-server.js';

interface Contract {
  documentation: string;
  request: { method: string; path: string; query?: Record<string, string>; headers: Record<string, string>; body?: unknown };
  response: unknown;
}

const contract = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/contracts/${name}.json`, import.meta.url), 'utf8')) as Contract;

const END = 1_795_174_200_000;
const STEP = 60_000;
const window = { start: END - 10 * STEP + STEP, end: END, stepMs: STEP };
const API_KEY = 'dd-api-0123456789abcdef';
const APP_KEY = 'dd-app-fedcba9876543210';
const http = () => new HttpClient({ retries: 0 });

const serve = serversClosedAfterEach();

/** The request's headers as the contract lists them, placeholders filled in. */
function expectHeaders(sent: Record<string, unknown>, expected: Record<string, string>, values: Record<string, string>) {
  for (const [name, value] of Object.entries(expected)) {
    const filled = value.replace(/<([A-Z_]+)>/g, (_, key: string) => values[key]!);
    expect(String(sent[name]).split(';')[0], name).toBe(filled);
  }
}

describe('Datadog contract', () => {
  it('names every documented site', () => {
    expect(datadogApiUrl(undefined, undefined)).toBe('https://api.datadoghq.com');
    expect(datadogApiUrl('datadoghq.eu', undefined)).toBe('https://api.datadoghq.eu');
    expect(datadogApiUrl('us3.datadoghq.com', undefined)).toBe('https://api.us3.datadoghq.com');
    expect(datadogApiUrl('us5.datadoghq.com', undefined)).toBe('https://api.us5.datadoghq.com');
    expect(datadogApiUrl('ap1.datadoghq.com', undefined)).toBe('https://api.ap1.datadoghq.com');
    expect(datadogApiUrl('ddog-gov.com', undefined)).toBe('https://api.ddog-gov.com');
    expect(datadogApiUrl('datadoghq.com', 'https://dd-proxy.internal/')).toBe('https://dd-proxy.internal');
  });

  it('v1: GET /api/v1/query with from/to in seconds and both keys; drops the incomplete newest bucket', async () => {
    const c = contract('datadog-v1-query');
    const server = await serve(() => ({ body: JSON.stringify(c.response) }));
    const source = new DatadogSource({ baseUrl: server.url, api: 'v1', apiKey: API_KEY, appKey: APP_KEY, http: http() });
    const series = await source.query({ ...window, query: c.request.query!.query! });

    const sent = server.requests[0]!;
    const url = new URL(sent.url, server.url);
    expect(sent.method).toBe(c.request.method);
    expect(url.pathname).toBe(c.request.path);
    expect(Object.fromEntries(url.searchParams)).toEqual(c.request.query);
    expectHeaders(sent.headers, c.request.headers, { DD_API_KEY: API_KEY, DD_APP_KEY: APP_KEY });

    expect(series).toHaveLength(1);
    expect(series[0]!.labels).toEqual({ service: 'checkout', version: 'canary' });
    const points = series[0]!.points;
    // 11 buckets answered; the one starting at `to` is still filling (0.101) and is dropped.
    expect(points).toHaveLength(10);
    expect(points.map((p) => p.v)).not.toContain(0.101);
    // Stamped with the end of each bucket: the first, 11:20–11:21, is the window's first step.
    expect(points[0]).toEqual({ t: window.start, v: 0.211 });
    expect(points.at(-1)).toEqual({ t: END, v: 0.213 });
    expect(Number.isNaN(points[3]!.v)).toBe(true);
  });

  it('v2: POST /api/v2/query/timeseries with the documented body (ms, interval = step, a formula)', async () => {
    const c = contract('datadog-v2-timeseries');
    const server = await serve(() => ({ body: JSON.stringify(c.response) }));
    const source = new DatadogSource({ baseUrl: server.url, api: 'v2', apiKey: API_KEY, appKey: APP_KEY, http: http() });
    const query = (c.request.body as { data: { attributes: { queries: { query: string }[] } } }).data.attributes.queries[0]!.query;
    const series = await source.query({ ...window, query });

    const sent = server.requests[0]!;
    expect(sent.method).toBe(c.request.method);
    expect(sent.url).toBe(c.request.path);
    expect(JSON.parse(sent.body)).toEqual(c.request.body);
    expectHeaders(sent.headers, c.request.headers, { DD_API_KEY: API_KEY, DD_APP_KEY: APP_KEY });

    expect(series[0]!.labels).toEqual({ version: 'canary' });
    expect(series[0]!.points).toHaveLength(10);
    expect(series[0]!.points[0]).toEqual({ t: window.start, v: 0.211 });
    expect(series[0]!.points.at(-1)).toEqual({ t: END, v: 0.213 });
  });

  it('reads an error response: 403 with errors, and v1 status error with HTTP 200', async () => {
    const server = await serve((r) =>
      r.method === 'POST' ? { status: 403, body: '{"errors":["Forbidden"]}' } : { body: '{"status":"error","error":"Error parsing query"}' },
    );
    const v2 = new DatadogSource({ baseUrl: server.url, api: 'v2', apiKey: API_KEY, appKey: APP_KEY, http: http() });
    const v1 = new DatadogSource({ baseUrl: server.url, api: 'v1', apiKey: API_KEY, appKey: APP_KEY, http: http() });
    await expect(v2.query({ ...window, query: 'avg:x{*}' })).rejects.toThrow(/datadog http:\/\/127\.0\.0\.1:\d+\/api\/v2\/query\/timeseries: HTTP 403: Forbidden$/);
    await expect(v1.query({ ...window, query: 'avg:x{*}' })).rejects.toThrow(/HTTP 200: status "error": Error parsing query$/);
  });
});

describe('New Relic contract', () => {
  it('names the US and EU endpoints', () => {
    expect(newRelicEndpoint(undefined, undefined)).toBe('https://api.newrelic.com/graphql');
    expect(newRelicEndpoint('eu', undefined)).toBe('https://api.eu.newrelic.com/graphql');
  });

  it('POSTs the documented GraphQL body with the API-Key header, SINCE/UNTIL in epoch ms, TIMESERIES from the step', async () => {
    const c = contract('newrelic-nerdgraph-nrql');
    const server = await serve(() => ({ body: JSON.stringify(c.response) }));
    const source = new NewRelicSource({ endpoint: `${server.url}/graphql`, account: 1234567, apiKey: 'NRAK-TESTKEY0001', http: http() });
    const series = await source.query({
      ...window,
      query: "SELECT average(duration) FROM Transaction WHERE appName = 'checkout' FACET deploymentName",
      scope: "deploymentName = 'checkout-canary'",
    });
    const sent = server.requests[0]!;
    expect(sent.method).toBe(c.request.method);
    expect(sent.url).toBe(c.request.path);
    expect(JSON.parse(sent.body)).toEqual(c.request.body);
    expectHeaders(sent.headers, c.request.headers, { NEW_RELIC_API_KEY: 'NRAK-TESTKEY0001' });

    // FACET answers every facet; the canary's scope keeps its own.
    expect(series).toHaveLength(1);
    expect(series[0]!.labels).toEqual({ deploymentName: 'checkout-canary' });
    expect(series[0]!.points.map((p) => p.t)).toEqual([1_795_173_660_000, 1_795_173_720_000, 1_795_173_780_000]);
    expect(series[0]!.points[0]!.v).toBe(0.211);
    expect(Number.isNaN(series[0]!.points[2]!.v)).toBe(true);
  });

  it('keeps a TIMESERIES clause that is given, and picks seconds for sub-minute steps', () => {
    expect(withWindow('SELECT count(*) FROM Transaction TIMESERIES 5 minutes', 0, 600_000, 60_000)).toBe(
      'SELECT count(*) FROM Transaction TIMESERIES 5 minutes SINCE 0 UNTIL 600000',
    );
    expect(withWindow('SELECT count(*) FROM Transaction;', 0, 600_000, 30_000)).toBe('SELECT count(*) FROM Transaction TIMESERIES 30 seconds SINCE 0 UNTIL 600000');
    expect(withWindow('SELECT count(*) FROM Transaction', 0, 7_200_000, 3_600_000)).toBe('SELECT count(*) FROM Transaction TIMESERIES 1 hour SINCE 0 UNTIL 7200000');
  });

  it('reads percentiles, and asks for one value when a bucket has several', async () => {
    let results: unknown[] = [{ beginTimeSeconds: 1795174140, endTimeSeconds: 1795174200, 'percentile.duration': { '99': 0.52 } }];
    const server = await serve(() => ({ body: JSON.stringify({ data: { actor: { account: { nrql: { results } } } } }) }));
    const source = new NewRelicSource({ endpoint: server.url, account: 1, apiKey: 'NRAK-TESTKEY0001', http: http() });
    expect((await source.query({ ...window, query: 'SELECT percentile(duration, 99) FROM Transaction' }))[0]!.points).toEqual([{ t: END, v: 0.52 }]);
    results = [{ beginTimeSeconds: 1795174140, endTimeSeconds: 1795174200, 'average.duration': 1, 'max.duration': 2 }];
    await expect(source.query({ ...window, query: 'SELECT average(duration), max(duration) FROM Transaction' })).rejects.toThrow(
      /expected one value per bucket, found average\.duration, max\.duration: select one, or name it AS value/,
    );
  });

  it('refuses a FACET-only query whose results are not faceted by the scope', async () => {
    const server = await serve(() => ({ body: JSON.stringify({ data: { actor: { account: { nrql: { results: [{ beginTimeSeconds: 1, endTimeSeconds: 60, count: 1 }] } } } } }) }));
    const source = new NewRelicSource({ endpoint: server.url, account: 1, apiKey: 'NRAK-TESTKEY0001', http: http() });
    await expect(source.query({ ...window, query: 'SELECT count(*) FROM Transaction FACET appName', scope: "deploymentName = 'canary'" })).rejects.toThrow(
      /not faceted by the scope's attribute \(deploymentName\)/,
    );
  });
});

describe('HTTP JSON source', () => {
  const options = {
    name: 'metrics-api',
    method: 'POST' as const,
    headers: { Authorization: 'Token tk-abcdef' },
    series: '$.results[*]',
    labels: '$.tags',
    points: '$.datapoints[*]',
    time: '$[0]',
    value: '$[1]',
    timeUnit: 'ms' as const,
  };

  it('fills the URL and body templates (URL-encoded, JSON-escaped) and picks series with JSONPath', async () => {
    const server = await serve(() => ({
      body: JSON.stringify({
        results: [{ tags: { deployment: 'canary', zone: 'a' }, datapoints: [[END, '1.5'], [END - STEP, 2], [END - 2 * STEP, null]] }],
      }),
    }));
    const source = new HttpJsonSource({
      ...options,
      url: `${server.url}/api/query?q={{query}}&from={{start_iso}}&step={{step_ms}}`,
      body: '{"expr": "{{query}}", "range": [{{start_ms}}, {{end_ms}}]}',
      http: http(),
    });
    const series = await source.query({ ...window, query: 'latency{deployment="canary"} & more' });
    const sent = server.requests[0]!;
    const url = new URL(sent.url, server.url);
    expect(url.searchParams.get('q')).toBe('latency{deployment="canary"} & more');
    expect(url.searchParams.get('from')).toBe(new Date(window.start - STEP).toISOString());
    expect(url.searchParams.get('step')).toBe('60000');
    expect(JSON.parse(sent.body)).toEqual({ expr: 'latency{deployment="canary"} & more', range: [window.start - STEP, END] });
    expect(sent.headers['content-type']).toBe('application/json');
    expect(sent.headers.authorization).toBe('Token tk-abcdef');
    expect(series[0]!.labels).toEqual({ deployment: 'canary', zone: 'a' });
    expect(series[0]!.points.map((p) => [p.t, p.v])).toEqual([[END - 2 * STEP, NaN], [END - STEP, 2], [END, 1.5]]);
  });

  it('fails on a value that is not a number, naming the point', async () => {
    const server = await serve(() => ({ body: JSON.stringify({ results: [{ datapoints: [[END, 'fast']] }] }) }));
    const source = new HttpJsonSource({ ...options, url: server.url, http: http() });
    await expect(source.query({ ...window, query: 'x' })).rejects.toThrow(/series 0, point 0: "fast" is not a number/);
  });

  it('never evaluates script in a filter (jsonpath-plus safe mode)', async () => {
    const server = await serve(() => ({ body: JSON.stringify({ results: [{ datapoints: [[END, 1]] }] }) }));
    const source = new HttpJsonSource({ ...options, series: '$.results[?(process.exit(1))]', url: server.url, http: http() });
    await expect(source.query({ ...window, query: 'x' })).rejects.toThrow(/cannot evaluate/);
  });
});

describe('every source: one request per (query, window, scope)', () => {
  it('asks the backend once when two metrics share a query', async () => {
    const c = contract('datadog-v2-timeseries');
    const server = await serve(() => ({ body: JSON.stringify(c.response) }));
    const source = guarded('dd', new DatadogSource({ baseUrl: server.url, api: 'v2', apiKey: API_KEY, appKey: APP_KEY, http: http() }));
    const request = { ...window, query: 'avg:x{version:canary}', scope: 'version:canary' };
    const [a, b] = await Promise.all([source.query(request), source.query(request)]);
    expect(a).toBe(b);
    await source.query({ ...request, scope: 'version:canary', end: END - STEP });
    expect(server.requests).toHaveLength(2);
  });
});
