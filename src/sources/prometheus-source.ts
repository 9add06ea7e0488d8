import { bodyExcerpt, HttpClient, responseError, type HttpResponse } from './http.js';
import { authHeaders, authSecrets, type PrometheusAuth } from './prometheus-auth.js';
import type { MetricSource, RangeQuery, Series } from './types.js';

export interface PrometheusOptions extends PrometheusAuth {
  url: string;
  timeoutMs?: number;
  method?: 'POST' | 'GET';
  http?: HttpClient;
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
  private readonly http: HttpClient;

  constructor(private readonly options: PrometheusOptions) {
    this.method = options.method ?? 'POST';
    this.http = options.http ?? new HttpClient();
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
    return parseQueryResponse(response, this.secrets());
  }

  private secrets(): string[] {
    return authSecrets(this.options);
  }

  private send(method: 'POST' | 'GET', url: string, params: Record<string, string>, signal?: AbortSignal) {
    return this.http.request({
      label: 'prometheus',
      method,
      url,
      headers: authHeaders(this.options),
      ...(method === 'POST' ? { form: params } : { params }),
      timeoutMs: this.options.timeoutMs,
      signal,
      secrets: this.secrets(),
    });
  }
}

export function parseQueryResponse(response: HttpResponse, secrets: readonly string[] = []): Series[] {
  const fail = (reason: string) => responseError('prometheus', response, reason, secrets);
  let doc: PrometheusResponse;
  try {
    doc = JSON.parse(response.body) as PrometheusResponse;
  } catch {
    throw fail(`not JSON: ${bodyExcerpt(response.body)}`);
  }
  if (doc === null || typeof doc !== 'object') throw fail(`not a Prometheus API response: ${bodyExcerpt(response.body)}`);
  if (doc.status !== 'success') {
    throw fail(doc.error ? `${doc.errorType ?? 'error'}: ${doc.error}` : bodyExcerpt(response.body));
  }
  if (response.status >= 400) throw fail(bodyExcerpt(response.body));
  const data = doc.data ?? {};
  const result = data.result;
  if (!Array.isArray(result) && data.resultType !== 'scalar') {
    throw fail(`no result list in the response: ${bodyExcerpt(response.body)}`);
  }
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
      throw fail(`unexpected result type ${JSON.stringify(data.resultType)}`);
  }
}

/** null and unparsable values become NaN: counted and reported as non-finite, never dropped. */
function toPoint([t, v]: Sample) {
  return { t: Math.round(t * 1000), v: v === null || v === undefined ? NaN : Number(v) };
}
