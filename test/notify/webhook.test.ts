import { afterEach, describe, expect, it } from 'vitest';
import type { NotifySpec } from '../../src/policy/types.js';
import type { Report } from '../../src/report/model.js';
import { createRedactor } from '../../src/core/redact.js';
import { buildPayload, runUrlFrom, sendWebhook } from '../../src/notify/webhook.js';
import { startServer } from '../helpers/http-server.js';

const report = {
  policy: { file: 'gate.yml', service: 'checkout', mode: 'enforce' },
  evaluatedAt: '2026-11-20T12:07:00.000Z',
  verdict: 'fail',
  score: 50,
  enforced: true,
  reasons: ['stopped early after 7m of 30m (7 looks): critical metric failed: error-ratio'],
  metrics: [
    { name: 'error-ratio', outcome: 'fail', counted: true, critical: true, reason: 'wholly beyond the +20% tolerance' },
    { name: 'latency', outcome: 'pass', counted: true, critical: false, reason: 'within' },
    { name: 'cpu', outcome: 'inconclusive', counted: false, critical: false, reason: 'dry-run' },
  ],
  watch: { stoppedBy: 'early-fail', elapsed: '7m', early: true, looks: new Array(7).fill({}) },
} as unknown as Report;

const servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function spec(url: string, extra: Partial<NotifySpec> = {}): NotifySpec {
  return { url, headers: {}, on: ['pass', 'warn', 'fail', 'inconclusive'], timeoutMs: 2000, retries: 3, ...extra };
}

describe('the verdict webhook', () => {
  it('builds a payload with verdict, score, run link and the failing counted checks', () => {
    const payload = buildPayload(report, runUrlFrom({ GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/shop', GITHUB_RUN_ID: '7' }));
    expect(payload).toEqual({
      schema: 'canary-gate/notification@1',
      service: 'checkout',
      verdict: 'fail',
      score: 50,
      enforced: true,
      runUrl: 'https://github.com/acme/shop/actions/runs/7',
      evaluatedAt: '2026-11-20T12:07:00.000Z',
      policy: 'gate.yml',
      reasons: report.reasons,
      failingChecks: [{ name: 'error-ratio', outcome: 'fail', critical: true, reason: 'wholly beyond the +20% tolerance' }],
      watch: { stoppedBy: 'early-fail', elapsed: '7m', looks: 7, early: true },
    });
    expect(runUrlFrom({})).toBeUndefined();
  });

  it('retries 5xx and 429 (honouring Retry-After) and reports how many attempts it took', async () => {
    let calls = 0;
    const server = await startServer(() => {
      calls++;
      if (calls === 1) return { status: 502 };
      if (calls === 2) return { status: 429, headers: { 'Retry-After': '3' } };
      return { status: 200, body: 'ok' };
    });
    servers.push(server);
    const waits: number[] = [];
    const result = await sendWebhook(spec(`${server.url}/hook/abc`, { headers: { Authorization: 'Bearer t0k3n' } }), buildPayload(report, undefined), {
      redact: (t) => t,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(result).toEqual({ target: server.url, status: 'sent', attempts: 3, httpStatus: 200 });
    expect(waits).toEqual([1000, 3000]);
    expect(server.requests).toHaveLength(3);
    expect(server.requests[0]!.method).toBe('POST');
    expect(server.requests[0]!.headers['content-type']).toBe('application/json');
    expect(server.requests[0]!.headers.authorization).toBe('Bearer t0k3n');
    expect(JSON.parse(server.requests[2]!.body).verdict).toBe('fail');
  });

  it('does not retry a 4xx: the request itself is wrong', async () => {
    const server = await startServer(() => ({ status: 404 }));
    servers.push(server);
    const result = await sendWebhook(spec(`${server.url}/gone`), buildPayload(report, undefined), { redact: (t) => t, sleep: async () => {} });
    expect(result).toMatchObject({ status: 'failed', attempts: 1, httpStatus: 404, error: 'HTTP 404' });
  });

  it('gives up after the retries on a dead endpoint, without quoting the URL', async () => {
    const server = await startServer(() => ({}));
    const url = `${server.url}/services/T0/B0/s3cr3t`;
    await server.close();
    const result = await sendWebhook(spec(url, { retries: 2 }), buildPayload(report, undefined), { redact: (t) => t, sleep: async () => {} });
    expect(result.status).toBe('failed');
    expect(result.attempts).toBe(3);
    expect(result.error).toBe('network error ECONNREFUSED');
    expect(JSON.stringify(result)).not.toContain('s3cr3t');
  });

  it('times out a hanging endpoint per attempt', async () => {
    const server = await startServer(() => ({ delayMs: 2000 }));
    servers.push(server);
    const result = await sendWebhook(spec(server.url, { retries: 0, timeoutMs: 100 }), buildPayload(report, undefined), { redact: (t) => t, sleep: async () => {} });
    expect(result).toMatchObject({ status: 'failed', attempts: 1, error: 'no answer within 100 ms' });
  });

  it('is skipped for verdicts not in `on`, and masks secrets in the body', async () => {
    const server = await startServer(() => ({ status: 204 }));
    servers.push(server);
    const skipped = await sendWebhook(spec(server.url, { on: ['pass'] }), buildPayload(report, undefined), { redact: (t) => t, sleep: async () => {} });
    expect(skipped).toEqual({ target: server.url, status: 'skipped', attempts: 0 });
    const secretReport = { ...report, reasons: ['query errors{token="hunter2"} failed'] } as Report;
    await sendWebhook(spec(server.url), buildPayload(secretReport, undefined), { redact: createRedactor(['hunter2']), sleep: async () => {} });
    expect(server.requests.at(-1)!.body).not.toContain('hunter2');
  });
});
