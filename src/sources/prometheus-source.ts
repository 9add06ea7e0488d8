import { bodyExcerpt, displayUrl, httpRequest } from './http.js';
import { SourceError, type MetricSource, type RangeQuery, type Series } from './types.js';

export interface PrometheusOptions {
  url: string;
  headers?: Record<string, string>;
  bearer?: string;
  basic?: { username: string; password: string };
  timeoutMs?: number;
  method?: 'POST' | 'GET';
}

interface PrometheusResponse {
  status?: string;
  errorType?: string;
  error?: string;
  warnings?: string[];
  data?: { resultType?: string; result?: unknown };
}

type Sample = [number, string];

/** Prometheus-compatible HTTP API: `/api/v1/query_range`, POST form with a GET fallback. */
export class PrometheusSource implements MetricSource {
  readonly type = 'prometheus';
  private method: 'POST' | 'GET';

  constructor(private readonly options: PrometheusOptions) {
    this.method = options.method ?? 'POST';
  }

  async query(request: RangeQuery, signal?: AbortSignal): Promise<Series[]> {
    const endpoint = `${this.options.url.replace(/\/+$/, '')}/api/v1/query_range`;
    const stepSeconds = request.stepMs / 1000;
    const params = {
      query: request.query,
      start: String(request.start / 1000),
      end: String(request.end / 1000),
      // Prometheus parses "1.5s" as neither a duration nor a number: a fractional step must be
      // sent as plain float seconds ("1.5"); whole seconds keep the readable "60s".
      step: Number.isInteger(stepSeconds) ? `${stepSeconds}s` : String(stepSeconds),
    };
    // The method this request used, not `this.method`: queries run concurrently, and another one
    // may already have switched to GET while this POST was in flight — it must still retry.
    const method = this.method;
    let response = await this.send(method, endpoint, params, signal);
    if (method === 'POST' && (response.status === 405 || response.status === 404)) {
      // Some proxies in front of Prometheus only allow GET on the query API.
      this.method = 'GET';
      response = await this.send('GET', endpoint, params, signal);
    }
    return parseQueryResponse(response.status, response.data as string, endpoint);
  }

  private send(method: 'POST' | 'GET', url: string, params: Record<string, string>, signal?: AbortSignal) {
    const headers: Record<string, string> = { ...this.options.headers };
    if (this.options.bearer) headers.Authorization = `Bearer ${this.options.bearer}`;
    if (this.options.basic) {
      const { username, password } = this.options.basic;
      headers.Authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
    }
    return httpRequest({
      method,
      url,
      headers,
      ...(method === 'POST' ? { form: params } : { params }),
      timeoutMs: this.options.timeoutMs ?? 30_000,
      signal,
    });
  }
}

export function parseQueryResponse(status: number, body: string, endpoint: string): Series[] {
  const where = `prometheus ${displayUrl(endpoint)}`;
  let doc: PrometheusResponse;
  try {
    doc = JSON.parse(body) as PrometheusResponse;
  } catch {
    throw new SourceError(`${where}: HTTP ${status}, not JSON: ${bodyExcerpt(body)}`, status);
  }
  if (doc.status !== 'success') {
    const reason = doc.error ? `${doc.errorType ?? 'error'}: ${doc.error}` : bodyExcerpt(body);
    throw new SourceError(`${where}: HTTP ${status}: ${reason}`, status);
  }
  if (status >= 400) throw new SourceError(`${where}: HTTP ${status}: ${bodyExcerpt(body)}`, status);
  const data = doc.data ?? {};
  const result = data.result;
  switch (data.resultType) {
    case 'matrix':
      return (result as { metric: Record<string, string>; values: Sample[] }[]).map((s) => ({
        labels: s.metric ?? {},
        points: (s.values ?? []).map(toPoint),
      }));
    case 'vector':
      return (result as { metric: Record<string, string>; value: Sample }[]).map((s) => ({
        labels: s.metric ?? {},
        points: [toPoint(s.value)],
      }));
    case 'scalar':
      return [{ labels: {}, points: [toPoint(result as Sample)] }];
    default:
      throw new SourceError(`${where}: unexpected result type ${JSON.stringify(data.resultType)}`);
  }
}

function toPoint([t, v]: Sample) {
  return { t: Math.round(t * 1000), v: Number(v) };
}
