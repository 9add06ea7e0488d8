import pLimit from 'p-limit';
import { formatDuration } from '../policy/duration.js';
import { renderTemplate } from '../policy/template.js';
import type { CompareTest, MetricSpec, Policy } from '../policy/types.js';
import type { Judge } from './judges/index.js';
import type { KayentaScoreDetail, MetricReport, Report, TimeWindow } from '../report/model.js';
import type { MetricSource } from '../sources/types.js';
import { VERSION } from '../core/version.js';
import { judgeMetric } from './checks.js';
import { observeSide, type Observation, type QueryAnswer, type SideQuery } from './observe.js';
import { judgeKayentaMetric } from './kayenta/judge.js';
import { decideKayentaVerdict, decideVerdict, type VerdictResult } from './verdict.js';

export interface EvaluateOptions {
  policy: Policy;
  sources: Record<string, MetricSource>;
  /** End of the analysis window (epoch ms). */
  end: number;
  /** The clock: when the evaluation happened (epoch ms). */
  now: number;
  /** Queries in flight at once across all metrics. */
  concurrency?: number;
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
  const baselineSpan = baselineWindow(policy, canarySpan);
  const expectedSteps = Math.round(policy.windowMs / policy.stepMs);
  const placeholders = {
    ...policy.vars,
    window: formatDuration(policy.windowMs),
    step: formatDuration(policy.stepMs),
  };

  const ask = (source: MetricSource, query: string, span: Span): Promise<QueryAnswer> =>
    limit(async () => {
      try {
        const series = await source.query({ query, start: span.start + policy.stepMs, end: span.end, stepMs: policy.stepMs });
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
        return { role, query, answer: await ask(source, query, span) };
      }),
    );
    return observeSide(metric, { scope, selector, window: isoWindow(span), expectedSteps }, answers);
  };

  const kayenta = policy.judge === 'kayenta';
  const metrics: MetricReport[] = await Promise.all(
    policy.metrics.map(async (metric) => {
      const needsBaseline = kayenta || (metric.compare !== undefined && metric.compare.test !== 'none');
      const [canary, baseline] = await Promise.all([
        observe(metric, 'canary', policy.scopes.canary.selector, canarySpan),
        needsBaseline ? observe(metric, 'baseline', policy.scopes.baseline.selector, baselineSpan) : undefined,
      ]);
      return kayenta ? judgeKayentaMetric(metric, canary, baseline!) : judgeMetric(metric, canary, baseline, options.judges);
    }),
  );

  const decision: VerdictResult & { kayenta?: KayentaScoreDetail } = kayenta
    ? decideKayentaVerdict(metrics, policy.scoring)
    : decideVerdict(metrics, policy.scoring);
  const baseline = policy.scopes.baseline;
  return {
    schemaVersion: 1,
    tool: { name: 'canary-gate', version: VERSION },
    policy: { file: policy.file, service: policy.service, mode: policy.mode },
    evaluatedAt: new Date(options.now).toISOString(),
    window: formatDuration(policy.windowMs),
    step: formatDuration(policy.stepMs),
    windows: {
      canary: { ...isoWindow(canarySpan), selector: policy.scopes.canary.selector },
      baseline: {
        ...isoWindow(baselineSpan),
        selector: baseline.selector,
        how: baseline.offsetMs !== undefined ? 'offset' : baseline.beforeDeploy ? 'before-deploy' : 'concurrent',
        ...(baseline.offsetMs !== undefined ? { offset: formatDuration(baseline.offsetMs) } : {}),
      },
    },
    verdict: decision.verdict,
    score: decision.score,
    scoring: { pass: policy.scoring.pass, marginal: policy.scoring.marginal },
    ...(decision.kayenta ? { kayenta: decision.kayenta } : {}),
    enforced: policy.mode === 'enforce',
    reasons: decision.reasons,
    counts: decision.counts,
    metrics,
  };
}

function baselineWindow(policy: Policy, canary: Span): Span {
  const baseline = policy.scopes.baseline;
  if (baseline.offsetMs !== undefined) return { start: canary.start - baseline.offsetMs, end: canary.end - baseline.offsetMs };
  if (baseline.beforeDeploy && policy.deployedAt !== undefined) {
    return { start: policy.deployedAt - policy.windowMs, end: policy.deployedAt };
  }
  return canary;
}

function isoWindow(span: Span): TimeWindow {
  return { start: new Date(span.start).toISOString(), end: new Date(span.end).toISOString() };
}
