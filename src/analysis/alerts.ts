import { renderTemplate } from '../policy/template.js';
import { splitMatchers } from '../policy/sources-check.js';
import type { AlertCheckSpec } from '../policy/types.js';
import type { CheckReport, MetricReport, SideReport } from '../report/model.js';
import type { ActiveAlert, AlertSource } from '../sources/types.js';
import { queryErrorCheck } from './on-error.js';

/** What the engine needs to run one alert check: the placeholders, and the source to ask. */
export interface AlertCheckContext {
  placeholders: Record<string, string>;
  canarySelector: string;
  /** When the check was made (epoch ms): alerts are judged as they stand now, not over the window. */
  now: number;
  source: AlertSource | undefined;
  /** Runs the request within the run's concurrency limit. */
  limit: <T>(fn: () => Promise<T>) => Promise<T>;
}

/** Renders the matchers: {{scope}} becomes the canary selector, which may hold several matchers. */
export function renderMatchers(check: AlertCheckSpec, placeholders: Record<string, string>, canarySelector: string): string[] {
  return check.matchers.flatMap((m) => splitMatchers(renderTemplate(m, { ...placeholders, scope: canarySelector }))).map(quoteValue);
}

/** `severity=critical` → `severity="critical"`: Alertmanager reads both, the selector parser only the quoted form. */
function quoteValue(matcher: string): string {
  const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(=~|!~|!=|=)\s*(.*?)\s*$/.exec(matcher);
  if (!m) return matcher.trim();
  const [, label, op, value] = m;
  return value!.startsWith('"') ? `${label}${op}${value}` : `${label}${op}${JSON.stringify(value)}`;
}

/** One alert check as a report entry: fails while a matching alert is active, and names them. */
export async function runAlertCheck(check: AlertCheckSpec, ctx: AlertCheckContext): Promise<MetricReport> {
  const matchers = renderMatchers(check, ctx.placeholders, ctx.canarySelector);
  const query = `{${matchers.join(', ')}}`;
  const at = new Date(ctx.now).toISOString();
  let alerts: ActiveAlert[] | undefined;
  let error: string | undefined;
  if (!ctx.source) error = `source "${check.source}" is not an alertmanager source`;
  else if (matchers.length === 0) error = 'the matchers are empty after rendering';
  else {
    try {
      alerts = await ctx.limit(() => ctx.source!.alerts(matchers));
    } catch (e) {
      error = (e as Error).message;
    }
  }

  const side: SideReport = {
    scope: 'canary',
    selector: query,
    window: { start: at, end: at },
    queries: [
      alerts
        ? { role: 'query', query, series: alerts.length, points: alerts.length, nonFinite: 0, missing: 0 }
        : { role: 'query', query, series: 0, points: 0, nonFinite: 0, missing: 0, error },
    ],
    samples: alerts?.length ?? 0,
    value: alerts ? alerts.length : null,
    notes: (alerts ?? []).map(describeAlert),
  };

  let check$: CheckReport;
  let ignored = false;
  if (!alerts) {
    ({ check: check$, ignored } = queryErrorCheck(`alert query failed: ${error}`, check.onError));
  } else if (alerts.length > 0) {
    const names = alerts.map((a) => a.labels.alertname ?? '(no alertname)');
    check$ = {
      type: 'threshold',
      outcome: 'fail',
      reason: `${alerts.length} active alert${alerts.length === 1 ? '' : 's'} matching ${query}: ${[...new Set(names)].join(', ')}`,
      threshold: { max: 0, value: alerts.length },
    };
  } else {
    check$ = { type: 'threshold', outcome: 'pass', reason: `no active alert matches ${query} (silenced and inhibited ones are not counted)`, threshold: { max: 0, value: 0 } };
  }

  return {
    name: check.name,
    group: check.name,
    kind: 'alerts',
    source: check.source,
    unit: 'alerts',
    description: check.description,
    aggregate: 'active alerts now',
    critical: check.critical,
    weight: check.weight,
    dryRun: check.dryRun,
    counted: !check.dryRun && !ignored,
    outcome: check$.outcome,
    reason: check$.reason,
    canary: side,
    checks: [check$],
    limits: { threshold: { max: 0 } },
    line: check.line,
  };
}

/** `HighErrorRate{service="checkout", severity="critical"} active since 2026-11-20T11:02:00Z: summary`. */
function describeAlert(alert: ActiveAlert): string {
  const { alertname, ...rest } = alert.labels;
  const labels = Object.entries(rest)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${v}"`)
    .join(', ');
  const since = alert.startsAt ? ` since ${alert.startsAt}` : '';
  const summary = alert.annotations.summary ?? alert.annotations.description;
  return `${alertname ?? '(no alertname)'}{${labels}} ${alert.state}${since}${summary ? `: ${summary}` : ''}`;
}
