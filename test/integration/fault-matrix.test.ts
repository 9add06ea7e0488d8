/**
 * The fault matrix (docs/fault-matrix.md): for every HTTP source, a real local server injects one
 * fault per cell and the whole engine runs (policy loading, the HTTP layer, the source, the
 * checks, the verdict). Each cell asserts the documented outcome; a fault is never a pass unless
 * the policy says so (`on-no-data`, `on-error`).
 *
 * Retries run with real HTTP and the policy's short backoffs; only waiting is replaced, by a
 * recorded sleep, so a Retry-After of 2 s is asserted as asked for, not waited for.
 */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/analysis/evaluate.js';
import { loadPolicy } from '../../src/policy/load.js';
import type { MetricReport, Report } from '../../src/report/model.js';
import { createAlertSources, createHttpClient, createSources } from '../../src/sources/index.js';
import { alert, END, healthySamples, METRIC_BACKENDS, metricPolicy, type Backend, type Side } from '../helpers/backends.js';
import { serversClosedAfterEach, type RecordedRequest } from '../helpers/http-server.js';

const serve = serversClosedAfterEach();

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<string> {
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
  return `http://127.0.0.1:${port}`;
}

interface Run {
  report: Report;
  metric: MetricReport;
  sleeps: number[];
}

async function run(text: string, env: Record<string, string>, metricName = 'latency'): Promise<Run> {
  const policy = loadPolicy(text, 'fault-matrix.yml', { env });
  const sleeps: number[] = [];
  const http = await createHttpClient(policy, {
    sleep: async (ms) => {
      sleeps.push(ms);
      await new Promise((resolve) => setImmediate(resolve));
    },
  });
  const report = await evaluate({
    policy,
    sources: await createSources(policy, http),
    alertSources: await createAlertSources(policy, http),
    end: END,
    now: END + 5_000,
    concurrency: policy.http?.concurrency,
  });
  return { report, metric: report.metrics.find((m) => m.name === metricName)!, sleeps };
}

/** Answers healthy data, except where a fault is injected. */
function healthy(backend: Backend) {
  return (r: RecordedRequest) => ({ body: backend.answer(healthySamples(), backend.sideOf(r), r) });
}

/** Every distinct side fails on its first request, then answers. */
function firstAttemptPerSide(backend: Backend, fault: { status: number; body: string; headers?: Record<string, string> }) {
  const seen = new Set<Side>();
  return (r: RecordedRequest) => {
    const side = backend.sideOf(r);
    if (!seen.has(side)) {
      seen.add(side);
      return fault;
    }
    return healthy(backend)(r);
  };
}

describe.each(METRIC_BACKENDS)('fault matrix: $name', (backend) => {
  const policy = (url: string, extra?: { metric?: string; top?: string }) => metricPolicy(backend, url, extra);

  it('healthy: the same data on both sides passes (the control cell)', async () => {
    const server = await serve(healthy(backend));
    const { metric, report } = await run(policy(server.url), backend.env);
    expect(metric.outcome, metric.reason).toBe('pass');
    expect(report.verdict).toBe('pass');
    // One request per (metric, scope): no retries, no duplicates.
    expect(server.requests).toHaveLength(2);
  });

  it('timeout → error after the retries, naming the timeout', async () => {
    const server = await serve((r) => ({ body: backend.answer(healthySamples(), backend.sideOf(r), r), delayMs: 1_000 }));
    const { metric, report } = await run(policy(server.url), backend.env);
    expect(metric.outcome).toBe('error');
    expect(metric.reason).toMatch(/timed out after 150 ms \(after 2 attempts\)/);
    expect(report.verdict).toBe('fail');
    expect(server.requests).toHaveLength(4);
  });

  it('connection refused → error after the retries', async () => {
    const { metric, report, sleeps } = await run(policy(await closedPort()), backend.env);
    expect(metric.outcome).toBe('error');
    expect(metric.reason).toMatch(/ECONNREFUSED \(after 2 attempts\)/);
    expect(report.verdict).toBe('fail');
    expect(sleeps.length).toBe(2);
  });

  it('500 on every attempt → error with the status and a body excerpt', async () => {
    const server = await serve(() => ({ status: 500, body: 'upstream storage unavailable', headers: { 'Content-Type': 'text/plain' } }));
    const { metric, report } = await run(policy(server.url), backend.env);
    expect(metric.outcome).toBe('error');
    expect(metric.reason).toMatch(/HTTP 500: .*upstream storage unavailable.*\(after 2 attempts\)/);
    expect(report.verdict).toBe('fail');
    expect(server.requests).toHaveLength(4);
  });

  it('503 then success → retried, judged on the data (pass)', async () => {
    const server = await serve(firstAttemptPerSide(backend, { status: 503, body: 'try again' }));
    const { metric, sleeps } = await run(policy(server.url), backend.env);
    expect(metric.outcome, metric.reason).toBe('pass');
    expect(server.requests).toHaveLength(4);
    expect(sleeps).toHaveLength(2);
  });

  it('429 with Retry-After → waits as told, then judged on the data (pass)', async () => {
    const server = await serve(firstAttemptPerSide(backend, { status: 429, body: '{"errors":["Rate limit exceeded"]}', headers: { 'Retry-After': '2' } }));
    const { metric, sleeps } = await run(policy(server.url), backend.env);
    expect(metric.outcome, metric.reason).toBe('pass');
    expect(sleeps).toEqual([2000, 2000]);
    expect(server.requests).toHaveLength(4);
  });

  it('malformed JSON → error with an excerpt, not retried', async () => {
    const server = await serve(() => ({ body: '{"status":"success","data":{"resultType":"matr' }));
    const { metric, report } = await run(policy(server.url), backend.env);
    expect(metric.outcome).toBe('error');
    expect(metric.reason).toMatch(/HTTP 200: not JSON: \{"status":"success","data":\{"resultType":"matr/);
    expect(report.verdict).toBe('fail');
    expect(server.requests).toHaveLength(2);
  });

  it("error body with HTTP 200 → error carrying the backend's message", async () => {
    const server = await serve(() => ({ body: backend.errorWith200.body }));
    const { metric, report } = await run(policy(server.url), backend.env);
    expect(metric.outcome).toBe('error');
    expect(metric.reason).toMatch(backend.errorWith200.message);
    expect(report.verdict).toBe('fail');
  });

  it('empty result → no data, an error (fails closed)', async () => {
    const server = await serve((r) => ({ body: backend.empty(r) }));
    const { metric, report } = await run(policy(server.url), backend.env);
    expect(metric.outcome).toBe('error');
    expect(metric.reason).toMatch(/^no data: canary query returned no series/);
    expect(report.verdict).toBe('fail');
  });

  it('empty result with on-no-data: pass → pass, said so in the reason', async () => {
    const server = await serve((r) => ({ body: backend.empty(r) }));
    const { metric } = await run(policy(server.url, { metric: '    on-no-data: pass' }), backend.env);
    expect(metric.outcome).toBe('pass');
    expect(metric.reason).toMatch(/accepted by on-no-data: pass/);
  });

  it('NaN/null values → no finite data, an error', async () => {
    const server = await serve((r) => ({ body: backend.answer(healthySamples().map((s) => ({ ...s, v: null })), backend.sideOf(r), r) }));
    const { metric, report } = await run(policy(server.url), backend.env);
    expect(metric.outcome).toBe('error');
    expect(metric.reason).toMatch(/returned 10 points, none a finite number/);
    expect(metric.canary.queries[0]!.nonFinite).toBe(10);
    expect(report.verdict).toBe('fail');
  });

  it('partial window (2 of 10 points) → inconclusive, missing steps reported', async () => {
    const server = await serve((r) => ({ body: backend.answer(healthySamples().slice(-2), backend.sideOf(r), r) }));
    const { metric, report } = await run(policy(server.url), backend.env);
    expect(metric.outcome).toBe('inconclusive');
    expect(metric.reason).toMatch(/canary has 2 samples, fewer than min-samples 3/);
    expect(metric.canary.queries[0]!.missing).toBe(8);
    expect(report.verdict).toBe('inconclusive');
  });

  it('series for the wrong scope → error, never compared', async () => {
    // The canary's request is answered with the baseline's series (a cache keyed on the wrong thing).
    const server = await serve((r) => ({ body: backend.answer(healthySamples(), 'baseline', r) }));
    const { metric, report } = await run(policy(server.url), backend.env);
    expect(metric.outcome).toBe('error');
    expect(metric.reason).toMatch(/canary query failed: .*(another scope|none for the scope)/);
    expect(report.verdict).toBe('fail');
  });

  it('500 with on-error: inconclusive → inconclusive, said so in the reason', async () => {
    const server = await serve(() => ({ status: 500, body: 'down' }));
    const { metric, report } = await run(policy(server.url, { metric: '    on-error: inconclusive' }), backend.env);
    expect(metric.outcome).toBe('inconclusive');
    expect(metric.reason).toMatch(/HTTP 500.*\(on-error: inconclusive\)/);
    expect(report.verdict).toBe('inconclusive');
  });
});

describe('fault matrix: alertmanager', () => {
  const matchers = `matchers: ['service="checkout"', 'severity=~"critical|page"']`;
  const policy = (url: string, extra = '') => `version: 1
service: checkout
window: 10m
step: 1m
http: { timeout: 150ms, retries: 1, backoff: 1ms, max-backoff: 2ms, deadline: 30s }
sources:
  am: { type: alertmanager, url: '${url}' }
  files: { type: file, path: unused.json }
scopes: { canary: 'deployment="checkout-canary"', baseline: 'deployment="checkout-stable"' }
metrics:
  - { name: latency, source: files, query: 'latency{{{scope}}}', compare: { tolerance: 10% }, dry-run: true }
alerts:
  - { name: checkout-alerts, source: am, ${matchers}${extra} }
`;
  const firing = alert({ alertname: 'HighErrorRate', service: 'checkout', severity: 'critical' });
  const runAlerts = (url: string, extra = '') => run(policy(url, extra), {}, 'checkout-alerts');

  it('healthy: no active alert → pass (the control cell)', async () => {
    const server = await serve(() => ({ body: '[]' }));
    const { metric } = await runAlerts(server.url);
    expect(metric.outcome, metric.reason).toBe('pass');
    const url = new URL(server.requests[0]!.url, server.url);
    expect(url.pathname).toBe('/api/v2/alerts');
    expect(url.searchParams.getAll('filter')).toEqual(['service="checkout"', 'severity=~"critical|page"']);
  });

  it('an active alert → fail, listing it', async () => {
    const server = await serve(() => ({ body: JSON.stringify([firing]) }));
    const { metric, report } = await runAlerts(server.url);
    expect(metric.outcome).toBe('fail');
    expect(metric.reason).toMatch(/1 active alert matching .*: HighErrorRate/);
    expect(metric.canary.notes[0]).toMatch(/^HighErrorRate\{service="checkout", severity="critical"\} active since 2026-11-20T11:52:00.000Z/);
    expect(report.verdict).toBe('fail');
  });

  it('timeout → error', async () => {
    const server = await serve(() => ({ body: '[]', delayMs: 1_000 }));
    const { metric } = await runAlerts(server.url);
    expect(metric.outcome).toBe('error');
    expect(metric.reason).toMatch(/timed out after 150 ms \(after 2 attempts\)/);
  });

  it('connection refused → error', async () => {
    const { metric } = await runAlerts(await closedPort());
    expect(metric.outcome).toBe('error');
    expect(metric.reason).toMatch(/ECONNREFUSED/);
  });

  it('500 → error with the status', async () => {
    const server = await serve(() => ({ status: 500, body: '"cluster not ready"' }));
    const { metric } = await runAlerts(server.url);
    expect(metric.outcome).toBe('error');
    expect(metric.reason).toMatch(/HTTP 500: cluster not ready \(after 2 attempts\)/);
  });

  it('503 then success → retried, judged (pass)', async () => {
    let first = true;
    const server = await serve(() => (first ? ((first = false), { status: 503, body: '' }) : { body: '[]' }));
    const { metric } = await runAlerts(server.url);
    expect(metric.outcome).toBe('pass');
    expect(server.requests).toHaveLength(2);
  });

  it('429 with Retry-After → waits as told, then judged (fail: the alert fires)', async () => {
    let first = true;
    const server = await serve(() => (first ? ((first = false), { status: 429, body: '', headers: { 'Retry-After': '3' } }) : { body: JSON.stringify([firing]) }));
    const { metric, sleeps } = await runAlerts(server.url);
    expect(metric.outcome).toBe('fail');
    expect(sleeps).toEqual([3000]);
  });

  it('malformed JSON → error', async () => {
    const server = await serve(() => ({ body: '[{"labels":' }));
    const { metric } = await runAlerts(server.url);
    expect(metric.outcome).toBe('error');
    expect(metric.reason).toMatch(/not JSON: \[\{"labels":/);
  });

  it('error body with HTTP 200 → error', async () => {
    const server = await serve(() => ({ body: JSON.stringify({ code: 500, message: 'bad matcher format' }) }));
    const { metric } = await runAlerts(server.url);
    expect(metric.outcome).toBe('error');
    expect(metric.reason).toMatch(/expected a list of alerts, found: \{"code":500,"message":"bad matcher format"\}/);
  });

  it('empty result → pass: no alert firing is the healthy answer', async () => {
    const server = await serve(() => ({ body: '[]' }));
    const { metric } = await runAlerts(server.url);
    expect(metric.outcome).toBe('pass');
    expect(metric.reason).toMatch(/no active alert matches/);
  });

  it('null labels or status (the NaN/null cell) → error', async () => {
    const server = await serve(() => ({ body: JSON.stringify([{ ...firing, labels: null, status: null }]) }));
    const { metric } = await runAlerts(server.url);
    expect(metric.outcome).toBe('error');
    expect(metric.reason).toMatch(/alert 0 is not an Alertmanager alert/);
  });

  it('silenced and inhibited alerts (returned despite the parameters) → not counted: pass', async () => {
    const silenced = alert({ alertname: 'HighErrorRate', service: 'checkout', severity: 'critical' }, 'suppressed', ['silence-1']);
    const server = await serve(() => ({ body: JSON.stringify([silenced]) }));
    const { metric } = await runAlerts(server.url);
    expect(metric.outcome).toBe('pass');
  });

  it('alerts for another service (the filter ignored: the wrong-scope cell) → error', async () => {
    const other = alert({ alertname: 'HighErrorRate', service: 'payments', severity: 'critical' });
    const server = await serve(() => ({ body: JSON.stringify([other]) }));
    const { metric } = await runAlerts(server.url);
    expect(metric.outcome).toBe('error');
    expect(metric.reason).toMatch(/does not match .*the filter was not applied/);
  });

  it('500 with on-error: inconclusive → inconclusive', async () => {
    const server = await serve(() => ({ status: 500, body: 'down' }));
    const { metric } = await runAlerts(server.url, ', on-error: inconclusive');
    expect(metric.outcome).toBe('inconclusive');
  });
});
