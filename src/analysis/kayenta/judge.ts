/**
 * judge: kayenta for one metric: classify both sides' raw values as Kayenta would and turn the
 * label into the report's check and outcome (Pass → pass; High, Low, NodataFailMetric → fail;
 * Nodata → inconclusive; Error → error). The verdict itself comes from Kayenta's score
 * (`decideKayentaVerdict`).
 */
import { formatNumber } from '../../core/format.js';
import type { MetricSpec } from '../../policy/types.js';
import type { CheckOutcome, CheckReport, KayentaMetricDetail, KayentaSideDetail, MetricReport, SideReport } from '../../report/model.js';
import { metricIdentity } from '../checks.js';
import type { Observation } from '../observe.js';
import { classifyKayenta, KAYENTA_CONF_LEVEL, type KayentaPreprocessing, type KayentaSideStats } from './classify.js';
import type { KayentaLabel } from './score.js';

export const KAYENTA_OUTCOME: Record<KayentaLabel, CheckOutcome> = {
  Pass: 'pass',
  High: 'fail',
  Low: 'fail',
  NodataFailMetric: 'fail',
  Nodata: 'inconclusive',
  Error: 'error',
};

export function judgeKayentaMetric(metric: MetricSpec, canary: Observation, baseline: Observation): MetricReport {
  const spec = metric.kayenta;
  if (!spec) throw new Error(`metric ${metric.name} has no Kayenta settings`);
  const failed = [canary, baseline].find((side) => side.data.state === 'error');

  let classification = classifyKayenta(metric.name, canary.raw, baseline.raw, { ...spec, critical: metric.critical });
  if (failed && failed.data.state === 'error') {
    // Kayenta fetches before it judges: a failed query ends the analysis without a score.
    const { mannWhitney: _mw, effect: _effect, ...sides } = classification;
    classification = { ...sides, noise: false, label: 'Error', critical: false, rule: 'error', ratio: NaN, reason: failed.data.reason };
  }

  const detail: KayentaMetricDetail = {
    label: classification.label,
    critical: classification.critical,
    muted: spec.muted,
    groups: spec.groups,
    reason: classification.reason,
    rule: classification.rule,
    direction: spec.direction,
    ratio: classification.ratio,
    effectSize: { ...spec.effectSize, ...(classification.effect ? { value: classification.effect.value } : {}) },
    ...(classification.mannWhitney
      ? {
          mannWhitney: {
            confLevel: classification.mannWhitney.confLevel,
            ci: [classification.mannWhitney.lower, classification.mannWhitney.upper] as [number, number],
            estimate: classification.mannWhitney.estimate,
            bound: classification.mannWhitney.bound,
          },
        }
      : {}),
    nanStrategy: spec.nanStrategy,
    outliers: spec.outliers,
    noise: classification.noise,
    canary: sideDetail(classification.preprocessing.experiment, classification.stats.experiment),
    baseline: sideDetail(classification.preprocessing.control, classification.stats.control),
    ...(failed ? { queryFailed: true } : {}),
  };

  const outcome = KAYENTA_OUTCOME[classification.label];
  const reason = kayentaReason(metric, detail, canary, baseline);
  const checks: CheckReport[] = [];
  if (failed && failed.data.state === 'error') checks.push({ type: 'data', outcome: 'error', reason: failed.data.reason });
  const canaryMean = detail.canary.used > 0 ? detail.canary.stats.mean : null;
  const baselineMean = detail.baseline.used > 0 ? detail.baseline.stats.mean : null;
  checks.push({
    type: 'comparison',
    outcome,
    reason,
    ...(canaryMean !== null && baselineMean !== null
      ? {
          comparison: {
            test: 'kayenta',
            direction: spec.direction,
            canary: canaryMean,
            baseline: baselineMean,
            delta: canaryMean - baselineMean,
            relative: Number.isFinite(detail.ratio) ? detail.ratio - 1 : null,
            allowed: null,
          },
        }
      : {}),
  });

  return {
    ...metricIdentity(metric),
    aggregate: 'mean',
    dryRun: false,
    counted: !spec.muted,
    outcome,
    reason,
    canary: sideReport(canary.report, detail.canary, spec.nanStrategy, spec.outliers.factor),
    baseline: sideReport(baseline.report, detail.baseline, spec.nanStrategy, spec.outliers.factor),
    checks,
    limits: { compare: { test: 'kayenta', direction: spec.direction } },
    kayenta: detail,
  };
}

function sideDetail(pre: KayentaPreprocessing, stats: KayentaSideStats): KayentaSideDetail {
  return { raw: pre.raw, nan: pre.nan, outliers: pre.outliers, used: pre.used, stats };
}

/** The side as classified: the mean of the values Kayenta used, and what its transforms dropped. */
function sideReport(report: SideReport, side: KayentaSideDetail, nanStrategy: 'remove' | 'replace', factor: number): SideReport {
  const notes = [...report.notes];
  if (side.nan > 0) {
    notes.push(`${side.nan} NaN point${side.nan === 1 ? '' : 's'} ${nanStrategy === 'replace' ? 'replaced with 0' : 'removed'} (nan-strategy ${nanStrategy})`);
  }
  if (side.outliers > 0) notes.push(`${side.outliers} outlier${side.outliers === 1 ? '' : 's'} removed (IQR factor ${formatNumber(factor)})`);
  return { ...report, samples: side.used, value: side.used > 0 ? side.stats.mean : null, notes };
}

/** e.g. "Kayenta: High (ratio 1.42, 98% CI +0.08 to +0.15 vs bound 0.03)". */
export function kayentaReason(metric: MetricSpec, k: KayentaMetricDetail, canary: Observation, baseline: Observation): string {
  const label = `Kayenta: ${k.label}${k.critical && (k.label === 'High' || k.label === 'Low') ? ', critical' : ''}`;
  const muted = k.muted ? ' — muted, not scored' : '';
  const fmt = (v: number) => formatNumber(v);
  const signed = (v: number) => (v > 0 ? `+${fmt(v)}` : fmt(v));

  if (k.queryFailed) return `${label} (${k.reason}; Kayenta stops the analysis here)${muted}`;
  if (!k.mannWhitney) {
    let why = k.reason;
    if (k.rule === 'no-data') {
      const sides = [canary, baseline].map((side) => (side.data.state === 'no-data' ? side.data.reason : undefined)).filter(Boolean);
      if (sides.length > 0) why += `: ${sides.join('; ')}`;
      else if (k.canary.used === 0 || k.baseline.used === 0) {
        const empty = [k.canary.used === 0 ? 'canary' : '', k.baseline.used === 0 ? 'baseline' : ''].filter(Boolean).join(' and ');
        why += `: no ${empty} value left after nan-strategy ${k.nanStrategy}`;
      }
      if (k.label === 'Nodata' && k.critical) why += ' (critical metric: fails the run)';
    }
    return `${label} (${why})${muted}`;
  }

  const mw = k.mannWhitney;
  const { measure, value } = k.effectSize;
  const parts: string[] = [`ratio ${fmt(k.ratio)}`];
  if (measure === 'cles' && value !== undefined) parts.push(`CLES ${fmt(value)}`);
  const gate = effectGateText(k);
  if (gate) parts.push(gate);
  const inverted = mw.ci[0] > mw.ci[1] ? ' (inverted by ties, as R returns it)' : '';
  const unit = metric.unit ? ` ${metric.unit}` : '';
  parts.push(`${formatNumber(KAYENTA_CONF_LEVEL * 100)}% CI ${signed(mw.ci[0])} to ${signed(mw.ci[1])}${unit}${inverted} vs bound ${fmt(mw.bound)}`);
  if (k.noise) parts.push('both sides constant: tie-breaking noise added');
  return `${label} (${parts.join(', ')})${muted}`;
}

/** Names the effect-size gate when it decided (or made a High/Low critical). */
function effectGateText(k: KayentaMetricDetail): string | undefined {
  const { measure, value, allowedIncrease, allowedDecrease, criticalIncrease, criticalDecrease } = k.effectSize;
  const name = measure === 'cles' ? 'CLES' : 'ratio';
  if (value === undefined || Number.isNaN(value)) {
    return k.label === 'High' || k.label === 'Low' ? `${name} undefined (a mean is 0): no effect-size gate` : undefined;
  }
  const mw = k.mannWhitney!;
  if (k.label === 'Pass') {
    if (k.direction !== 'decrease' && mw.ci[0] > mw.bound && value < allowedIncrease) return `below the allowed increase ${formatNumber(allowedIncrease)}`;
    if (k.direction !== 'increase' && mw.ci[1] < -mw.bound && value > allowedDecrease) return `above the allowed decrease ${formatNumber(allowedDecrease)}`;
    return undefined;
  }
  if (k.label === 'High') {
    return k.critical ? `≥ critical increase ${formatNumber(criticalIncrease)}` : allowedIncrease !== (measure === 'cles' ? 0.5 : 1) ? `≥ allowed increase ${formatNumber(allowedIncrease)}` : undefined;
  }
  if (k.label === 'Low') {
    return k.critical ? `≤ critical decrease ${formatNumber(criticalDecrease)}` : allowedDecrease !== (measure === 'cles' ? 0.5 : 1) ? `≤ allowed decrease ${formatNumber(allowedDecrease)}` : undefined;
  }
  return undefined;
}
