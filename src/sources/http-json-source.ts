/**
 * Any HTTP API that answers JSON. The request is a template (URL, headers, body) filled with the
 * metric's rendered query and the window; series, labels, points, times and values are picked
 * from the response with JSONPath (jsonpath-plus, with its safe evaluator: filter expressions in
 * a policy never run as JavaScript).
 */
import { JSONPath } from 'jsonpath-plus';
import { bodyExcerpt, credentialValues, HttpClient, parseJsonBody, responseError, type HttpResponse } from './http.js';
import { SourceError, type MetricSource, type RangeQuery, type Series } from './types.js';

export interface HttpJsonOptions {
  name: string;
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  contentType?: string;
  series?: string;
  labels?: string;
  points: string;
  time: string;
  value: string;
  timeUnit: 's' | 'ms' | 'iso';
  error?: string;
  timeoutMs?: number;
  http?: HttpClient;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export class HttpJsonSource implements MetricSource {
  readonly type = 'http-json';
  private readonly http: HttpClient;

  constructor(private readonly options: HttpJsonOptions) {
    this.http = options.http ?? new HttpClient();
  }

  async query(request: RangeQuery, signal?: AbortSignal): Promise<Series[]> {
    const values = templateValues(request);
    const o = this.options;
    const url = o.url.replace(PLACEHOLDER, (whole, name: string) => (name in values ? encodeURIComponent(values[name]!) : whole));
    const body = o.body?.replace(PLACEHOLDER, (whole, name: string) => (name in values ? JSON.stringify(values[name]).slice(1, -1) : whole));
    const headers = { ...o.headers };
    if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['Content-Type'] = o.contentType ?? 'application/json';
    }
    const response = await this.http.request({
      label: `http-json ${o.name}`,
      method: o.method,
      url,
      headers,
      body,
      timeoutMs: o.timeoutMs,
      signal,
      secrets: credentialValues(o.headers),
    });
    const doc = parseJsonBody(`http-json ${o.name}`, response, this.secrets());
    if (o.error !== undefined) {
      const messages = this.pick(o.error, doc, 'error', response).filter((m) => m !== null && m !== undefined && m !== '' && m !== false);
      if (messages.length > 0) throw this.fail(response, messages.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join('; '));
    }
    if (response.status >= 400) throw this.fail(response, bodyExcerpt(response.body));
    const seriesNodes = o.series === undefined ? [doc] : this.pick(o.series, doc, 'series', response);
    const series = seriesNodes.map((node, i): Series => {
      const labels = o.labels === undefined ? {} : toLabels(this.pick(o.labels, node, 'labels', response)[0]);
      const points = this.pick(o.points, node, 'points', response).map((point, j) => {
        const at = `series ${i}, point ${j}`;
        const t = this.pick(o.time, point, 'time', response);
        const v = this.pick(o.value, point, 'value', response);
        if (t.length !== 1) throw this.fail(response, `${at}: the time path ${o.time} matched ${t.length} values, expected 1`);
        return { t: toTime(t[0], o.timeUnit, () => this.fail(response, `${at}: ${JSON.stringify(t[0])} is not a time (time-unit ${o.timeUnit})`)), v: toValue(v[0], () => this.fail(response, `${at}: ${JSON.stringify(v[0])} is not a number`)) };
      });
      points.sort((a, b) => a.t - b.t);
      return { labels, points };
    });
    return series;
  }

  private pick(path: string, json: unknown, key: string, response: HttpResponse): unknown[] {
    try {
      return JSONPath({ path, json: json as object, wrap: true, eval: 'safe' }) as unknown[];
    } catch (error) {
      throw this.fail(response, `sources.${this.options.name}.${key}: cannot evaluate ${path}: ${(error as Error).message}`);
    }
  }

  private secrets() {
    return this.http.secretsFor({ secrets: credentialValues(this.options.headers) });
  }

  private fail(response: HttpResponse, reason: string): SourceError {
    return responseError(`http-json ${this.options.name}`, response, reason, this.secrets());
  }
}

function templateValues(request: RangeQuery): Record<string, string> {
  const from = request.start - request.stepMs;
  return {
    query: request.query,
    start: String(Math.floor(from / 1000)),
    end: String(Math.ceil(request.end / 1000)),
    start_ms: String(from),
    end_ms: String(request.end),
    start_iso: new Date(from).toISOString(),
    end_iso: new Date(request.end).toISOString(),
    step_seconds: String(request.stepMs / 1000),
    step_ms: String(request.stepMs),
  };
}

function toTime(raw: unknown, unit: 's' | 'ms' | 'iso', fail: () => Error): number {
  if (unit === 'iso') {
    const ms = typeof raw === 'string' ? Date.parse(raw) : NaN;
    if (Number.isNaN(ms)) throw fail();
    return ms;
  }
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  if (!Number.isFinite(n)) throw fail();
  return unit === 'ms' ? Math.round(n) : Math.round(n * 1000);
}

/** null, missing and "NaN" are NaN (counted as non-finite, never dropped); other non-numbers are errors. */
function toValue(raw: unknown, fail: () => Error): number {
  if (raw === null || raw === undefined) return NaN;
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'string') {
    const n = Number(raw.trim() === '' ? NaN : raw);
    if (!Number.isNaN(n) || /^[+-]?nan$/i.test(raw.trim())) return n;
  }
  throw fail();
}

function toLabels(raw: unknown): Record<string, string> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') labels[k] = String(v);
  }
  return labels;
}
