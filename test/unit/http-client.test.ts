/**
 * The shared HTTP layer against real local servers: retries and backoff, Retry-After, the run's
 * deadline, rate-limit pauses, redirects that drop credentials off-origin, and errors that never
 * carry a secret. The clock and the wait are passed in, so delays are asserted, not waited for.
 */
import { describe, expect, it } from 'vitest';
import { HttpClient, retryAfterMs, type HttpClientOptions } from '../../src/sources/http.js';
import { serversClosedAfterEach } from '../helpers/http-server.js';

const serve = serversClosedAfterEach();

/** A client on a fake clock: sleeping advances it, so deadlines are exact. */
function client(options: Partial<HttpClientOptions> = {}) {
  let now = 1_000_000;
  const sleeps: number[] = [];
  const http = new HttpClient({
    retries: 3,
    backoffMs: 100,
    maxBackoffMs: 1_000,
    deadlineMs: 60_000,
    random: () => 1,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    ...options,
  });
  return { http, sleeps, advance: (ms: number) => (now += ms) };
}

describe('HttpClient: retries', () => {
  it('retries 5xx with exponential backoff and returns the first success', async () => {
    let n = 0;
    const server = await serve(() => (++n < 4 ? { status: 502, body: 'bad gateway' } : { body: '{"ok":true}' }));
    const { http, sleeps } = client();
    const response = await http.request({ label: 't', method: 'GET', url: `${server.url}/x` });
    expect(response.status).toBe(200);
    expect(response.attempts).toBe(4);
    expect(sleeps).toEqual([100, 200, 400]);
  });

  it('spreads retries with jitter between half and all of the backoff', async () => {
    const server = await serve(() => ({ status: 503, body: '' }));
    const { http, sleeps } = client({ random: () => 0 });
    await http.request({ label: 't', method: 'GET', url: server.url });
    expect(sleeps).toEqual([50, 100, 200]);
  });

  it('caps the backoff at max-backoff', async () => {
    const server = await serve(() => ({ status: 500, body: '' }));
    const { http, sleeps } = client({ retries: 5, backoffMs: 400, maxBackoffMs: 1_000 });
    await http.request({ label: 't', method: 'GET', url: server.url });
    expect(sleeps).toEqual([400, 800, 1000, 1000, 1000]);
  });

  it('returns the last 5xx response after the retries (the source reads its body)', async () => {
    const server = await serve(() => ({ status: 500, body: '{"status":"error","error":"boom"}' }));
    const { http } = client({ retries: 2 });
    const response = await http.request({ label: 't', method: 'GET', url: server.url });
    expect(response.status).toBe(500);
    expect(response.attempts).toBe(3);
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry 4xx (but 429) nor 501', async () => {
    for (const status of [400, 401, 404, 501]) {
      const server = await serve(() => ({ status, body: '' }));
      const { http, sleeps } = client();
      const response = await http.request({ label: 't', method: 'POST', url: server.url, form: { a: 'b' } });
      expect(response.status).toBe(status);
      expect(server.requests).toHaveLength(1);
      expect(sleeps).toEqual([]);
    }
  });

  it('retries a refused connection and then names it', async () => {
    const { http, sleeps } = client({ retries: 2 });
    await expect(http.request({ label: 'prometheus', method: 'GET', url: 'http://127.0.0.1:1/api/v1/query_range?token=abc' })).rejects.toThrow(
      'prometheus GET http://127.0.0.1:1/api/v1/query_range: ECONNREFUSED (after 3 attempts)',
    );
    expect(sleeps).toHaveLength(2);
  });
});

describe('HttpClient: Retry-After and rate limits', () => {
  it('waits as long as Retry-After says, in seconds', async () => {
    let n = 0;
    const server = await serve(() => (++n === 1 ? { status: 429, body: '', headers: { 'Retry-After': '7' } } : { body: '{}' }));
    const { http, sleeps } = client();
    expect((await http.request({ label: 't', method: 'GET', url: server.url })).status).toBe(200);
    expect(sleeps).toEqual([7000]);
  });

  it('reads Retry-After as an HTTP date, and X-RateLimit-Reset on a 429 without it', () => {
    const now = Date.parse('2026-11-20T12:00:00Z');
    expect(retryAfterMs({ status: 503, headers: { 'retry-after': 'Fri, 20 Nov 2026 12:00:30 GMT' } }, now)).toBe(30_000);
    expect(retryAfterMs({ status: 429, headers: { 'x-ratelimit-reset': '12' } }, now)).toBe(12_000);
    expect(retryAfterMs({ status: 503, headers: { 'x-ratelimit-reset': '12' } }, now)).toBeUndefined();
    expect(retryAfterMs({ status: 429, headers: {} }, now)).toBeUndefined();
  });

  it('fails at once when Retry-After reaches past the deadline, instead of waiting for nothing', async () => {
    const server = await serve(() => ({ status: 429, body: '{"errors":["Rate limit exceeded"]}', headers: { 'Retry-After': '120' } }));
    const { http, sleeps } = client({ deadlineMs: 60_000 });
    await expect(http.request({ label: 'datadog', method: 'GET', url: server.url })).rejects.toThrow(
      /HTTP 429 \(rate limited\): \{"errors":\["Rate limit exceeded"\]\}; the server asked to wait 2 min, past the run's deadline \(60 s\)/,
    );
    expect(sleeps).toEqual([]);
  });

  it('holds further requests to an origin whose rate limit is spent (X-RateLimit-Remaining: 0)', async () => {
    const server = await serve(() => ({ body: '{}', headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '9' } }));
    const { http, sleeps } = client();
    await http.request({ label: 't', method: 'GET', url: server.url });
    expect(sleeps).toEqual([]);
    await http.request({ label: 't', method: 'GET', url: server.url });
    expect(sleeps).toEqual([9000]);
  });
});

describe('HttpClient: the run deadline', () => {
  it('stops retrying when the deadline is reached', async () => {
    const server = await serve(() => ({ status: 503, body: 'busy' }));
    const { http } = client({ retries: 10, backoffMs: 20_000, maxBackoffMs: 20_000, deadlineMs: 50_000 });
    await expect(http.request({ label: 't', method: 'GET', url: server.url })).rejects.toThrow(/HTTP 503: busy; the next retry \(in 20 s\), past the run's deadline \(50 s\) \(after 3 attempts\)/);
    expect(server.requests).toHaveLength(3);
  });

  it('refuses to start a request once the deadline has passed', async () => {
    const server = await serve(() => ({ body: '{}' }));
    const { http, advance } = client({ deadlineMs: 1_000 });
    advance(1_001);
    await expect(http.request({ label: 'prometheus', method: 'GET', url: server.url })).rejects.toThrow(/the run's deadline \(1 s\) was reached/);
    expect(server.requests).toHaveLength(0);
  });

  it("cuts a request's timeout to the time left", async () => {
    const server = await serve(() => ({ body: '{}', delayMs: 2_000 }));
    const http = new HttpClient({ retries: 0, deadlineMs: 120, timeoutMs: 30_000 });
    await expect(http.request({ label: 't', method: 'GET', url: server.url })).rejects.toThrow(/timed out after 1?\d{2} ms \(cut short by the run's deadline\)/);
  });
});

describe('HttpClient: redirects', () => {
  it('keeps credentials on a redirect within the origin', async () => {
    const server = await serve((r) => (r.url === '/old' ? { status: 307, headers: { Location: '/new' } } : { body: '{}' }));
    const { http } = client();
    await http.request({ label: 't', method: 'POST', url: `${server.url}/old`, headers: { Authorization: 'Bearer tok', 'DD-API-KEY': 'k' }, json: { a: 1 } });
    const [, second] = server.requests;
    expect(second!.url).toBe('/new');
    expect(second!.method).toBe('POST');
    expect(second!.headers.authorization).toBe('Bearer tok');
    expect(second!.headers['dd-api-key']).toBe('k');
    expect(second!.body).toBe('{"a":1}');
  });

  it('drops every credential (headers, API keys, basic auth from the URL) on a redirect to another host', async () => {
    const other = await serve(() => ({ body: '{}' }));
    // Same port, other host name: a different origin for the browser rules the client follows.
    const elsewhere = other.url.replace('127.0.0.1', 'localhost');
    const first = await serve(() => ({ status: 302, headers: { Location: `${elsewhere}/landing?x=1` } }));
    const { http } = client();
    const response = await http.request({
      label: 't',
      method: 'GET',
      url: first.url.replace('http://', 'http://user:pw-secret@'),
      headers: { Authorization: 'Bearer tok', 'DD-API-KEY': 'api', 'DD-APPLICATION-KEY': 'app', 'API-Key': 'nr', 'X-Token': 't' },
    });
    expect(response.status).toBe(200);
    const landed = other.requests[0]!;
    expect(landed.url).toBe('/landing?x=1');
    for (const header of ['authorization', 'dd-api-key', 'dd-application-key', 'api-key', 'x-token']) expect(landed.headers[header]).toBeUndefined();
    expect(first.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from('user:pw-secret').toString('base64')}`);
  });

  it('turns a POST into a GET on 303, and stops after 5 redirects', async () => {
    const loop = await serve((r) => ({ status: 303, headers: { Location: `/hop${r.url.length}` } }));
    const { http } = client();
    const response = await http.request({ label: 't', method: 'POST', url: loop.url, json: {} });
    expect(response.status).toBe(303);
    expect(loop.requests.map((r) => r.method)).toEqual(['POST', 'GET', 'GET', 'GET', 'GET', 'GET']);
  });
});

describe('HttpClient: errors never carry secrets', () => {
  it('names the URL without query string or credentials, and masks secret values', async () => {
    const { http } = client({ retries: 0, secrets: ['s3cr3t-env-value'] });
    const error = (await http
      .request({ label: 'x', method: 'GET', url: 'http://user:pw-hidden@127.0.0.1:1/p/s3cr3t-env-value?api_key=abc', secrets: ['pw-hidden'] })
      .catch((e: unknown) => e)) as Error;
    expect(error.message).toBe('x GET http://127.0.0.1:1/p/***: ECONNREFUSED');
  });
});
