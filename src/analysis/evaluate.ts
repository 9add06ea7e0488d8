import pLimit from 'p-limit';
import { formatDuration } from '../policy/duration.js';
import { renderTemplate } from '../policy/template.js';
import type { BaselineSpec, CompareTest, MetricSpec, Policy } from '../policy/types.js';
import type { Judge } from './judges/index.js';
import type { KayentaScoreDetail, MetricReport, Report, TimeWindow } from '../report/model.js';
import type { AlertSource, MetricSource } from '../sources/types.js';
import { VERSION } from '../core/version.js';
import { finishBudget, hasBudget, observeBudget, withBudget, type OverrideRequest } from '../budget/index.js';
import { runAlertCheck } from './alerts.js';
import { judgeMetric } from './checks.js';
import { observeSide, type Observation, type QueryAnswer, type SideQuery } from './observe.js';
import { judgeKayentaMetric } from './kayenta/judge.js';
import { adjustForMultipleTesting } from './multiplicity.js';
import { trendOf } from './trend.js';
import { decideKayentaVerdict, decideVerdict, type VerdictResult } from './verdict.js';

export interface EvaluateOptions {
  policy: Policy;
  sources: Record<string, MetricSource>;
  /** Alertmanager sources, for the policy's alert checks. */
  alertSources?: Record<string, AlertSource>;
  /** End of the analysis window (epoch ms). */
  end: number;
  /** The clock: when the evaluation happened (epoch ms). */
  now: number;
  /** Queries in flight at once across all metrics. */
  concurrency?: number;
  /** An audited override of budget and freeze blocks (a PR label, an input or a flag). */
  override?: OverrideRequest;
  /** Watch mode's anytime-valid judges in place of the fixed-horizon ones. */
  judges?: Record<Exclude<CompareTest, 'none'>, Judge>;
}

interface Span {
  start: number;
  end: number;
}

/** One run of the gate: query both scopes for every metric, judge, score, decide. */
export async function evaluate(options: EvaluateOptions): Promise<Report> {
  const { policy, sources } = options;
  const limit = pLimit(options.concurrency ?? 4);
  const canarySpan = { start: options.end - policy.windowMs, end: options.end };
  const scopes = policy.scopes;
  const baselineSpan = scopes ? baselineWindow(policy, scopes.baseline, canarySpan) : canarySpan;
  const expectedSteps = Math.round(policy.windowMs / policy.stepMs);
  const placeholders = {
    ...policy.vars,
    window: formatDuration(policy.windowMs),
    step: formatDuration(policy.stepMs),
  };

  const ask = (source: MetricSource, query: string, span: Span, scope: string): Promise<QueryAnswer> =>
    limit(async () => {
      try {
        const series = await source.query({ query, start: span.start + policy.stepMs, end: span.end, stepMs: policy.stepMs, scope });
        return { ok: true as const, series };
      } catch (error) {
        return { ok: false as const, error: (error as Error).message };
      }
    });

  const observe = async (metric: MetricSpec, scope: 'canary' | 'baseline', selector: string, span: Span): Promise<Observation> => {
    const source = sources[metric.source]!;
    const templates: [SideQuery['role'], string][] =
      metric.kind === 'ratio'
        ? [
            ['errors', metric.errors],
            ['total', metric.total],
          ]
        : [['query', metric.query]];
    const answers: SideQuery[] = await Promise.all(
      templates.map(async ([role, template]) => {
        const query = renderTemplate(template, { ...placeholders, scope: selector });
        return { role, query, answer: await ask(source, query, span, selector) };
      }),
    );
    const observation = observeSide(metric, { scope, selector, window: isoWindow(span), expectedSteps }, answers);
    const trend = trendOf(metric.kind, answers, span, policy.stepMs);
    if (trend) observation.report.trend = trend;
    return observation;
  };

  // An override is recorded even when the policy has nothing it could turn: it is an audit trail.
  const budgetCounts = hasBudget(policy) || options.override
    ? observeBudget(policy, sources, options.end, (source, request) => limit(() => source.query(request)))
    : undefined;

  const kayenta = policy.judge === 'kayenta';
  const judged: MetricReport[] = await Promise.all(
    policy.metrics.map(async (metric) => {
      const needsBaseline = kayenta || (metric.compare !== undefined && metric.compare.test !== 'none');
      const [canary, baseline] = await Promise.all([
        // Normalization guarantees scopes whenever there are metrics.
        observe(metric, 'canary', policy.sourceScopes[metric.source]?.canary ?? scopes!.canary.selector, canarySpan),
        needsBaseline ? observe(metric, 'baseline', policy.sourceScopes[metric.source]?.baseline ?? scopes!.baseline.selector, baselineSpan) : undefined,
      ]);
      return kayenta ? judgeKayentaMetric(metric, canary, baseline!) : judgeMetric(metric, canary, baseline, options.judges);
    }),
  );

  const alertChecks = (policy.alerts ?? []).map((check) =>
    runAlertCheck(check, {
      placeholders,
      canarySelector: scopes?.canary.selector ?? '',
      now: options.now,
      source: options.alertSources?.[check.source],
      limit,
    }),
  );
  judged.push(...(await Promise.all(alertChecks)));

  const metrics = kayenta ? judged : adjustForMultipleTesting(judged, policy.scoring.multipleTesting);
  const decision: VerdictResult & { kayenta?: KayentaScoreDetail } = kayenta
    ? decideKayentaVerdict(metrics, policy.scoring)
    : decideVerdict(metrics, policy.scoring);
  const budget = budgetCounts && finishBudget(policy, await budgetCounts, metrics, options.end, options.override);
  const { verdict, reasons } = withBudget(decision, budget);
  return {
    schemaVersion: 1,
    tool: { name: 'canary-gate', version: VERSION },
    policy: { file: policy.file, service: policy.service, mode: policy.mode },
    evaluatedAt: new Date(options.now).toISOString(),
    window: formatDuration(policy.windowMs),
    step: formatDuration(policy.stepMs),
    ...(scopes
      ? {
          windows: {
            canary: { ...isoWindow(canarySpan), selector: scopes.canary.selector },
            baseline: {
              ...isoWindow(baselineSpan),
              selector: scopes.baseline.selector,
              how: scopes.baseline.offsetMs !== undefined ? 'offset' : scopes.baseline.beforeDeploy ? 'before-deploy' : 'concurrent',
              ...(scopes.baseline.offsetMs !== undefined ? { offset: formatDuration(scopes.baseline.offsetMs) } : {}),
            },
          },
        }
      : {}),
    verdict,
    score: decision.score,
    scoring: { pass: policy.scoring.pass, marginal: policy.scoring.marginal },
    ...(decision.kayenta ? { kayenta: decision.kayenta } : {}),
    enforced: policy.mode === 'enforce',
    reasons,
    counts: decision.counts,
    metrics,
    ...(budget ? { budget } : {}),
  };
}

function baselineWindow(policy: Policy, baseline: BaselineSpec, canary: Span): Span {
  if (baseline.offsetMs !== undefined) return { start: canary.start - baseline.offsetMs, end: canary.end - baseline.offsetMs };
  if (baseline.beforeDeploy && policy.deployedAt !== undefined) {
    return { start: policy.deployedAt - policy.windowMs, end: policy.deployedAt };
  }
  return canary;
}

function isoWindow(span: Span): TimeWindow {
  return { start: new Date(span.start).toISOString(), end: new Date(span.end).toISOString() };
}
