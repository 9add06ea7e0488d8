import { formatValue } from '../core/format.js';
import type { CompareTest, MetricSpec } from '../policy/types.js';
import type { CheckOutcome, CheckReport, MetricReport } from '../report/model.js';
import { judges as fixedHorizonJudges, type Judge } from './judges/index.js';
import type { DataState, Observation } from './observe.js';
import { queryErrorCheck } from './on-error.js';

const SEVERITY: Record<CheckOutcome, number> = { pass: 0, inconclusive: 1, fail: 2, error: 3 };

export function worstOutcome(outcomes: CheckOutcome[]): CheckOutcome {
  return outcomes.reduce<CheckOutcome>((worst, o) => (SEVERITY[o] > SEVERITY[worst] ? o : worst), 'pass');
}

/** The fields of a metric's report that come straight from its policy entry, whatever the judge. */
export function metricIdentity(metric: MetricSpec) {
  return {
    name: metric.name,
    group: metric.group,
    kind: metric.kind,
    source: metric.source,
    unit: metric.unit,
    description: metric.description,
    critical: metric.critical,
    weight: metric.weight,
    line: metric.line,
  };
}

/** A metric's outcome and reason from its checks. */
export function foldChecks(checks: CheckReport[]): { outcome: CheckOutcome; reason: string } {
  const outcome = worstOutcome(checks.map((c) => c.outcome));
  // Every check that is not a pass explains the outcome: a ratio can breach its threshold and
  // its tolerance at once, and the reader should see both.
  const explaining = outcome === 'pass' ? checks : checks.filter((c) => c.outcome !== 'pass');
  return { outcome, reason: explaining.map((c) => c.reason).join('; ') || 'no check ran' };
}

/** Runs a metric's checks on its observed sides and folds them into one result. */
export function judgeMetric(
  metric: MetricSpec,
  canary: Observation,
  baseline: Observation | undefined,
  judges: Record<Exclude<CompareTest, 'none'>, Judge> = fixedHorizonJudges,
): MetricReport {
  const checks: CheckReport[] = [];
  let ignored = false;

  const dataCheck = (data: DataState): CheckReport | undefined => {
    switch (data.state) {
      case 'ok':
        return undefined;
      case 'error': {
        const { check, ignored: notCounted } = queryErrorCheck(data.reason, metric.onError);
        ignored ||= notCounted;
        return check;
      }
      case 'too-few':
        return { type: 'data', outcome: 'inconclusive', reason: data.reason };
      case 'no-data':
        switch (metric.onNoData) {
          case 'fail':
            return { type: 'data', outcome: 'error', reason: `no data: ${data.reason}` };
          case 'inconclusive':
            return { type: 'data', outcome: 'inconclusive', reason: `no data (on-no-data: inconclusive): ${data.reason}` };
          case 'pass':
            return { type: 'data', outcome: 'pass', reason: `no data, accepted by on-no-data: pass: ${data.reason}` };
          case 'ignore':
            ignored = true;
            return { type: 'data', outcome: 'inconclusive', reason: `no data, not counted (on-no-data: ignore): ${data.reason}` };
        }
    }
  };

  const canaryProblem = dataCheck(canary.data);
  if (canaryProblem) checks.push(canaryProblem);
  const baselineProblem = baseline ? dataCheck(baseline.data) : undefined;
  if (baselineProblem) checks.push(baselineProblem);

  const canaryValue = canary.report.value;
  if (metric.threshold && canary.data.state === 'ok' && canaryValue !== null) {
    checks.push(thresholdCheck(metric, canaryValue));
  }
  if (metric.compare && metric.compare.test !== 'none' && baseline && canary.data.state === 'ok' && baseline.data.state === 'ok') {
    const judge = judges[metric.compare.test];
    const result = judge({
      metric,
      spec: metric.compare,
      canary: { value: canaryValue!, samples: canary.samples, errors: canary.report.errors, total: canary.report.total },
      baseline: {
        value: baseline.report.value!,
        samples: baseline.samples,
        errors: baseline.report.errors,
        total: baseline.report.total,
      },
    });
    checks.push({ type: 'comparison', outcome: result.outcome, reason: result.reason, comparison: result.detail });
  }

  const { outcome, reason } = foldChecks(checks);
  return {
    ...metricIdentity(metric),
    aggregate: metric.kind === 'ratio' ? 'sum(errors)/sum(total)' : metric.aggregate,
    dryRun: metric.dryRun,
    counted: !metric.dryRun && !ignored,
    outcome,
    reason,
    canary: canary.report,
    baseline: baseline?.report,
    checks,
    limits: {
      compare: metric.compare && {
        test: metric.compare.test,
        direction: metric.compare.direction,
        tolerance: metric.compare.tolerance,
        floor: metric.compare.floor,
      },
      threshold: metric.threshold,
    },
  };
}

function thresholdCheck(metric: MetricSpec, value: number): CheckReport {
  const { min, max } = metric.threshold!;
  const fmt = (v: number) => formatValue(v, metric.kind, metric.unit);
  const threshold = { min, max, value };
  if (max !== undefined && value > max) {
    return { type: 'threshold', outcome: 'fail', reason: `canary ${fmt(value)} is above the maximum ${fmt(max)}`, threshold };
  }
  if (min !== undefined && value < min) {
    return { type: 'threshold', outcome: 'fail', reason: `canary ${fmt(value)} is below the minimum ${fmt(min)}`, threshold };
  }
  const bounds = [min !== undefined ? `≥ ${fmt(min)}` : '', max !== undefined ? `≤ ${fmt(max)}` : ''].filter(Boolean).join(' and ');
  return { type: 'threshold', outcome: 'pass', reason: `canary ${fmt(value)} is ${bounds}`, threshold };
}
