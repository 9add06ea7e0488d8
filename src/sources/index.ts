import path from 'node:path';
import { parseDuration } from '../policy/duration.js';
import type { Policy, SourceConfig } from '../policy/types.js';
import { FileSource } from './file-source.js';
import type { HttpClient, HttpClientOptions } from './http.js';
import { checkScope } from './scope.js';
import type { AlertSource, MetricSource, RangeQuery, Series } from './types.js';

export type { ActiveAlert, AlertSource, MetricSource, Point, RangeQuery, Series } from './types.js';
export { SourceError } from './types.js';

const timeout = (text: string | undefined) => (text ? parseDuration(text) : undefined);

/** What the Prometheus API and its Alertmanager take alike: where, how to authenticate, how long. */
function prometheusFamily(config: Extract<SourceConfig, { type: 'prometheus' | 'alertmanager' }>, http: HttpClient | undefined) {
  return { url: config.url, headers: config.headers, bearer: config.bearer, basic: config.basic, tenant: config.tenant, timeoutMs: timeout(config.timeout), http };
}

/**
 * Builds the backends a policy names. New backends add a case here. HTTP backends (and the HTTP
 * layer with axios) are imported on demand, so a run loads only the clients its policy uses.
 */
export async function createSource(config: SourceConfig, policyDir: string, http?: HttpClient, name: string = config.type): Promise<MetricSource | AlertSource> {
  switch (config.type) {
    case 'prometheus': {
      const { PrometheusSource } = await import('./prometheus-source.js');
      return new PrometheusSource({ ...prometheusFamily(config, http), method: config.method });
    }
    case 'file':
      return new FileSource(path.resolve(policyDir, config.path), config.format);
    case 'datadog': {
      const { DatadogSource, datadogApiUrl } = await import('./datadog-source.js');
      return new DatadogSource({
        baseUrl: datadogApiUrl(config.site, config.url),
        api: config.api ?? 'v2',
        apiKey: config['api-key'],
        appKey: config['app-key'],
        timeoutMs: timeout(config.timeout),
        http,
      });
    }
    case 'newrelic': {
      const { NewRelicSource, newRelicEndpoint } = await import('./newrelic-source.js');
      return new NewRelicSource({
        endpoint: newRelicEndpoint(config.region, config.url),
        account: Number(config.account),
        apiKey: config['api-key'],
        timeoutMs: timeout(config.timeout),
        http,
      });
    }
    case 'http-json': {
      const { HttpJsonSource } = await import('./http-json-source.js');
      return new HttpJsonSource({
        name,
        url: config.url,
        method: config.method ?? 'GET',
        headers: config.headers ?? {},
        body: config.body,
        contentType: config['content-type'],
        series: config.series,
        labels: config.labels,
        points: config.points,
        time: config.time,
        value: config.value,
        timeUnit: config['time-unit'] ?? 's',
        error: config.error,
        timeoutMs: timeout(config.timeout),
        http,
      });
    }
    case 'alertmanager': {
      const { AlertmanagerSource } = await import('./alertmanager-source.js');
      return new AlertmanagerSource(prometheusFamily(config, http));
    }
  }
}

/**
 * The run's one HTTP client (retries, deadline, rate limits shared by every source), or undefined
 * when the policy reads only files. `overrides` lets tests pass a clock and a sleep.
 */
export async function createHttpClient(policy: Policy, overrides: Partial<HttpClientOptions> = {}): Promise<HttpClient | undefined> {
  if (Object.values(policy.sources).every((s) => s.type === 'file')) return undefined;
  const { HttpClient } = await import('./http.js');
  return new HttpClient({ ...policy.http, secrets: policy.secrets, ...overrides });
}

export async function createSources(policy: Policy, http?: HttpClient): Promise<Record<string, MetricSource>> {
  const entries = await Promise.all(
    Object.entries(policy.sources)
      .filter(([, config]) => config.type !== 'alertmanager')
      .map(async ([name, config]) => [name, guarded(name, (await createSource(config, policy.dir, http, name)) as MetricSource)] as const),
  );
  return Object.fromEntries(entries);
}

export async function createAlertSources(policy: Policy, http?: HttpClient): Promise<Record<string, AlertSource>> {
  const entries = await Promise.all(
    Object.entries(policy.sources)
      .filter(([, config]) => config.type === 'alertmanager')
      .map(async ([name, config]) => [name, (await createSource(config, policy.dir, http, name)) as AlertSource] as const),
  );
  return Object.fromEntries(entries);
}

/**
 * Every source behind the same two rules: one request per distinct (query, window, scope) in a
 * run, however many metrics ask it; and no series labelled for another scope.
 */
export function guarded(name: string, source: MetricSource): MetricSource {
  const inFlight = new Map<string, Promise<Series[]>>();
  return {
    type: source.type,
    query(request: RangeQuery, signal?: AbortSignal) {
      const key = JSON.stringify([request.query, request.start, request.end, request.stepMs, request.scope ?? '']);
      let answer = inFlight.get(key);
      if (!answer) {
        answer = source.query(request, signal).then((series) => checkScope(series, request.scope, `${source.type} source ${name}`));
        inFlight.set(key, answer);
      }
      return answer;
    },
  };
}
