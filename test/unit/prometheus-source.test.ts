import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../src/sources/http.js';
import { PrometheusSource as BaseSource, type PrometheusOptions } from '../../src/sources/prometheus-source.js';
import { startServer, type Responder } from '../helpers/http-server.js';

const request = { query: 'sum(rate(x{a="b"}[1m]))', start: 1_795_174_260_000, end: 1_795_176_000_000, stepMs: 60_000 };
const matrix = JSON.stringify({
  status: 'success',
  data: { resultType: 'matrix', result: [{ metric: { pod: 'a' }, values: [[1795175940, '1.5'], [1795176000, 'NaN']] }] },
});

/** No retries here: retrying is the HTTP layer's job, tested with the fault matrix. */
class PrometheusSource extends BaseSource {
  constructor(options: PrometheusOptions) {
    super({ http: new HttpClient({ retries: 0 }), ...options });
  }
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function serve(respond: Responder) {
  const server = await startServer(respond);
  close = server.close;
  return server;
}

describe('PrometheusSource', () => {
  it('POSTs the range query as a form and reads a matrix, NaN kept', async () => {
    const server = await serve(() => ({ body: matrix }));
    const series = await new PrometheusSource({ url: `${server.url}/prom/` }).query(request);
    expect(series).toHaveLength(1);
    expect(series[0]!.labels).toEqual({ pod: 'a' });
    expect(series[0]!.points[0]).toEqual({ t: 1_795_175_940_000, v: 1.5 });
    expect(Number.isNaN(series[0]!.points[1]!.v)).toBe(true);
    const sent = server.requests[0]!;
    expect(sent.method).toBe('POST');
    expect(sent.url).toBe('/prom/api/v1/query_range');
    expect(Object.fromEntries(new URLSearchParams(sent.body))).toEqual({
      query: request.query,
      start: '1795174260',
      end: '1795176000',
      step: '60s',
    });
  });

  it('falls back to GET when POST is not allowed, and stays on GET', async () => {
    const server = await serve((r) => (r.method === 'POST' ? { status: 405, body: 'method not allowed' } : { body: matrix }));
    const source = new PrometheusSource({ url: server.url });
    await source.query(request);
    await source.query(request);
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'GET', 'GET']);
    expect(new URL(server.requests[1]!.url, server.url).searchParams.get('query')).toBe(request.query);
  });

  it('sends bearer, basic and custom headers', async () => {
    const server = await serve(() => ({ body: matrix }));
    await new PrometheusSource({ url: server.url, bearer: 'tok', headers: { 'X-Custom': 'team' }, tenant: 'tenant-1' }).query(request);
    await new PrometheusSource({ url: server.url, basic: { username: 'u', password: 'p' } }).query(request);
    expect(server.requests[0]!.headers.authorization).toBe('Bearer tok');
    expect(server.requests[0]!.headers['x-custom']).toBe('team');
    expect(server.requests[0]!.headers['x-scope-orgid']).toBe('tenant-1');
    expect(server.requests[1]!.headers.authorization).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`);
  });

  it('surfaces Prometheus error bodies', async () => {
    const server = await serve(() => ({
      status: 400,
      body: JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'parse error at char 5: unexpected "}"' }),
    }));
    await expect(new PrometheusSource({ url: server.url }).query(request)).rejects.toThrow(
      /HTTP 400: bad_data: parse error at char 5: unexpected "}"/,
    );
  });

  it('reports a body that is not JSON with an excerpt', async () => {
    const server = await serve(() => ({ status: 502, body: '<html>Bad Gateway</html>', headers: { 'Content-Type': 'text/html' } }));
    await expect(new PrometheusSource({ url: server.url }).query(request)).rejects.toThrow(/HTTP 502: not JSON: <html>Bad Gateway/);
  });

  it('times out per request', async () => {
    const server = await serve(() => ({ body: matrix, delayMs: 2000 }));
    await expect(new PrometheusSource({ url: server.url, timeoutMs: 100 }).query(request)).rejects.toThrow(/timed out after 100 ms/);
  });

  it('names a refused connection without credentials or query string', async () => {
    const source = new PrometheusSource({ url: 'http://user:pw@127.0.0.1:1/?token=abc' });
    const error = (await source.query(request).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(error.message).not.toMatch(/pw|abc/);
  });

  it('reads vector and scalar results', async () => {
    const vector = JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [{ metric: {}, value: [1795176000, '2'] }] } });
    const scalar = JSON.stringify({ status: 'success', data: { resultType: 'scalar', result: [1795176000, '3'] } });
    let answer = vector;
    const server = await serve(() => ({ body: answer }));
    const source = new PrometheusSource({ url: server.url });
    expect((await source.query(request))[0]!.points).toEqual([{ t: 1_795_176_000_000, v: 2 }]);
    answer = scalar;
    expect((await source.query(request))[0]!.points).toEqual([{ t: 1_795_176_000_000, v: 3 }]);
  });
});
