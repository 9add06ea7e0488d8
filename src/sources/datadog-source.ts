/**
 * Datadog metrics (API reference, "Metrics": https://docs.datadoghq.com/api/latest/metrics/):
 *   v1  GET  /api/v1/query?from=<s>&to=<s>&query=…   ("Query timeseries points")
 *   v2  POST /api/v2/query/timeseries                  ("Query timeseries data across multiple products")
 * Both report buckets by their start time; a point here is stamped with the end of its bucket (the
 * engine's convention: a point covers the step ending at its timestamp), and a bucket that ends
 * after the window — the newest one, still filling — is dropped: judging it compares a partial
 * minute with full ones, a known cause of false failures.
 */
import { bodyExcerpt, HttpClient, parseJsonBody, responseError, type HttpResponse } from './http.js';
import type { MetricSource, Point, RangeQuery, Series } from './types.js';

export interface DatadogOptions {
  /** API base, e.g. https://api.datadoghq.com */
  baseUrl: string;
  api: 'v1' | 'v2';
  apiKey: string;
  appKey: string;
  timeoutMs?: number;
  http?: HttpClient;
}

export function datadogApiUrl(site: string | undefined, url: string | undefined): string {
  return (url ?? `https://api.${site ?? 'datadoghq.com'}`).replace(/\/+$/, '');
}

interface V1Series {
  pointlist?: [number, number | null][];
  scope?: string;
  tag_set?: string[];
  interval?: number;
  metric?: string;
  expression?: string;
}

interface V1Response {
  status?: string;
  error?: string;
  errors?: string[] | string;
  series?: V1Series[];
}

interface V2Response {
  data?: {
    type?: string;
    attributes?: {
      series?: { group_tags?: string[]; query_index?: number }[];
      times?: number[];
      values?: (number | null)[][];
    };
  };
  errors?: string | string[];
}

export class DatadogSource implements MetricSource {
  readonly type = 'datadog';
  private readonly http: HttpClient;

  constructor(private readonly options: DatadogOptions) {
    this.http = options.http ?? new HttpClient();
  }

  async query(request: RangeQuery, signal?: AbortSignal): Promise<Series[]> {
    const series = this.options.api === 'v1' ? await this.queryV1(request, signal) : await this.queryV2(request, signal);
    return series;
  }

  private headers() {
    return { 'DD-API-KEY': this.options.apiKey, 'DD-APPLICATION-KEY': this.options.appKey };
  }

  private secrets() {
    return [this.options.apiKey, this.options.appKey];
  }

  /** The range covers the steps start..end: the first step's bucket opens one step before start. */
  private span(request: RangeQuery) {
    return { from: request.start - request.stepMs, to: request.end };
  }

  private async queryV1(request: RangeQuery, signal?: AbortSignal): Promise<Series[]> {
    const { from, to } = this.span(request);
    const response = await this.http.request({
      label: 'datadog',
      method: 'GET',
      url: `${this.options.baseUrl}/api/v1/query`,
      params: { from: String(Math.floor(from / 1000)), to: String(Math.ceil(to / 1000)), query: request.query },
      headers: this.headers(),
      timeoutMs: this.options.timeoutMs,
      signal,
      secrets: this.secrets(),
    });
    const doc = this.parse(response) as V1Response;
    if (doc.status !== undefined && doc.status !== 'ok') throw this.error(response, `status ${JSON.stringify(doc.status)}: ${doc.error ?? bodyExcerpt(response.body)}`);
    if (doc.error) throw this.error(response, doc.error);
    if (!Array.isArray(doc.series)) throw this.error(response, `no series list in the response: ${bodyExcerpt(response.body)}`);
    return doc.series.map((s) => {
      if (!Array.isArray(s.pointlist)) throw this.error(response, 'a series has no pointlist');
      const intervalMs = (s.interval ?? request.stepMs / 1000) * 1000;
      const points = s.pointlist.map(([t, v]) => ({ t: t + intervalMs, v: toValue(v) }));
      return { labels: tagsToLabels(s.tag_set?.length ? s.tag_set : (s.scope ?? '').split(',')), points: completeBuckets(points, to) };
    });
  }

  private async queryV2(request: RangeQuery, signal?: AbortSignal): Promise<Series[]> {
    const { from, to } = this.span(request);
    const response = await this.http.request({
      label: 'datadog',
      method: 'POST',
      url: `${this.options.baseUrl}/api/v2/query/timeseries`,
      json: {
        data: {
          type: 'timeseries_request',
          attributes: {
            from,
            to,
            interval: request.stepMs,
            queries: [{ data_source: 'metrics', query: request.query, name: 'query1' }],
            formulas: [{ formula: 'query1' }],
          },
        },
      },
      headers: this.headers(),
      timeoutMs: this.options.timeoutMs,
      signal,
      secrets: this.secrets(),
    });
    const doc = this.parse(response) as V2Response;
    const errors = doc.errors === undefined ? [] : Array.isArray(doc.errors) ? doc.errors : [doc.errors];
    if (errors.length > 0 && errors.some((e) => String(e).trim() !== '')) throw this.error(response, errors.join('; '));
    const attributes = doc.data?.attributes;
    if (!attributes || !Array.isArray(attributes.times) || !Array.isArray(attributes.values) || !Array.isArray(attributes.series)) {
      throw this.error(response, `no data.attributes.times/values/series in the response: ${bodyExcerpt(response.body)}`);
    }
    const { times, values, series } = attributes;
    if (values.length !== series.length) throw this.error(response, `${series.length} series but ${values.length} value lists`);
    // Datadog may widen the interval for long ranges; the spacing of the times says which it used.
    const intervalMs = times.length >= 2 ? times[1]! - times[0]! : request.stepMs;
    return series.map((s, i) => {
      const row = values[i]!;
      if (!Array.isArray(row) || row.length !== times.length) throw this.error(response, `series ${i} has ${Array.isArray(row) ? row.length : 'no'} values for ${times.length} times`);
      const points = times.map((t, j) => ({ t: t + intervalMs, v: toValue(row[j]) }));
      return { labels: tagsToLabels(s.group_tags ?? []), points: completeBuckets(points, to) };
    });
  }

  private parse(response: HttpResponse): unknown {
    const doc = parseJsonBody('datadog', response, this.http.secretsFor({ secrets: this.secrets() }));
    if (response.status >= 400) {
      const d = doc as { errors?: unknown; error?: unknown };
      const why = Array.isArray(d?.errors) ? d.errors.join('; ') : typeof d?.errors === 'string' ? d.errors : typeof d?.error === 'string' ? d.error : bodyExcerpt(response.body);
      throw this.error(response, why);
    }
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw this.error(response, `not a Datadog API response: ${bodyExcerpt(response.body)}`);
    return doc;
  }

  private error(response: HttpResponse, reason: string) {
    return responseError('datadog', response, reason, this.http.secretsFor({ secrets: this.secrets() }));
  }
}

function toValue(v: unknown): number {
  return typeof v === 'number' ? v : NaN;
}

/** A bucket ending after the window's end is still filling: drop it. */
function completeBuckets(points: Point[], to: number): Point[] {
  return points.filter((p) => p.t <= to);
}

/** `["deployment:canary", "env:prod"]` → labels; a bare tag (no colon) names no value and is left out. */
function tagsToLabels(tags: string[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const raw of tags) {
    const tag = raw.trim();
    if (tag === '' || tag === '*') continue;
    const colon = tag.indexOf(':');
    if (colon > 0) labels[tag.slice(0, colon)] = tag.slice(colon + 1);
  }
  return labels;
}
