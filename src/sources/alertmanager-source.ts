/**
 * Alertmanager API v2 (https://github.com/prometheus/alertmanager/blob/main/api/v2/openapi.yaml):
 * `GET /api/v2/alerts?filter=<matcher>&active=true&silenced=false&inhibited=false`. The response's
 * `status.state` is checked again here: an Alertmanager (or a proxy) that ignores a parameter must
 * not turn silenced alerts into failures, nor foreign alerts into a pass.
 */
import { bodyExcerpt, HttpClient, parseJsonBody, responseError, type HttpResponse } from './http.js';
import { authHeaders, authSecrets, type PrometheusAuth } from './prometheus-auth.js';
import { matchesSelector, parseSelector } from './selector.js';
import type { ActiveAlert, AlertSource } from './types.js';

export interface AlertmanagerOptions extends PrometheusAuth {
  url: string;
  timeoutMs?: number;
  http?: HttpClient;
}

interface GettableAlert {
  labels?: unknown;
  annotations?: unknown;
  startsAt?: unknown;
  fingerprint?: unknown;
  generatorURL?: unknown;
  status?: { state?: unknown; silencedBy?: unknown; inhibitedBy?: unknown };
}

export class AlertmanagerSource implements AlertSource {
  readonly type = 'alertmanager';
  private readonly http: HttpClient;

  constructor(private readonly options: AlertmanagerOptions) {
    this.http = options.http ?? new HttpClient();
  }

  /** Alerts matching every matcher that are active or not yet processed (neither silenced nor inhibited). */
  async alerts(matchers: string[], signal?: AbortSignal): Promise<ActiveAlert[]> {
    const o = this.options;
    const response = await this.http.request({
      label: 'alertmanager',
      method: 'GET',
      url: `${o.url.replace(/\/+$/, '')}/api/v2/alerts`,
      params: { active: 'true', silenced: 'false', inhibited: 'false', unprocessed: 'true', filter: matchers },
      headers: authHeaders(o),
      timeoutMs: o.timeoutMs,
      signal,
      secrets: this.ownSecrets(),
    });
    const doc = parseJsonBody('alertmanager', response, this.secrets());
    if (response.status >= 400) {
      const message = typeof doc === 'string' ? doc : (doc as { message?: unknown })?.message;
      throw this.error(response, typeof message === 'string' ? message : bodyExcerpt(response.body));
    }
    if (!Array.isArray(doc)) throw this.error(response, `expected a list of alerts, found: ${bodyExcerpt(response.body)}`);
    const selector = parseSelector(`{${matchers.join(',')}}`);
    return doc.map((raw: GettableAlert, i) => {
      const alert = this.toAlert(raw, i, response);
      if (!matchesSelector(selector, '', alert.labels)) {
        throw this.error(response, `returned alert ${describe(alert)}, which does not match {${matchers.join(', ')}}: the filter was not applied; refusing to judge`);
      }
      return alert;
    }).filter((a) => a.state !== 'suppressed' && a.silencedBy.length === 0 && a.inhibitedBy.length === 0);
  }

  private toAlert(raw: GettableAlert, i: number, response: HttpResponse): ActiveAlert {
    if (raw === null || typeof raw !== 'object' || !isStringRecord(raw.labels) || !raw.status || typeof raw.status.state !== 'string') {
      throw this.error(response, `alert ${i} is not an Alertmanager alert (labels and status.state expected): ${bodyExcerpt(JSON.stringify(raw))}`);
    }
    return {
      labels: raw.labels,
      annotations: isStringRecord(raw.annotations) ? raw.annotations : {},
      startsAt: typeof raw.startsAt === 'string' ? raw.startsAt : '',
      state: raw.status.state,
      silencedBy: stringList(raw.status.silencedBy),
      inhibitedBy: stringList(raw.status.inhibitedBy),
      ...(typeof raw.fingerprint === 'string' ? { fingerprint: raw.fingerprint } : {}),
      ...(typeof raw.generatorURL === 'string' ? { generatorURL: raw.generatorURL } : {}),
    };
  }

  private ownSecrets(): string[] {
    return authSecrets(this.options);
  }

  private secrets() {
    return this.http.secretsFor({ secrets: this.ownSecrets() });
  }

  private error(response: HttpResponse, reason: string) {
    return responseError('alertmanager', response, reason, this.secrets());
  }
}

/** `HighErrorRate{service="checkout", severity="critical"}`. */
export function describe(alert: Pick<ActiveAlert, 'labels'>): string {
  const { alertname, ...rest } = alert.labels;
  const labels = Object.entries(rest)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${v}"`)
    .join(', ');
  return `${alertname ?? '(no alertname)'}{${labels}}`;
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
