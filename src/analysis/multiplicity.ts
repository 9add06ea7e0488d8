/**
 * scoring.multiple-testing: with many compared metrics, some fail by chance alone (20 metrics at
 * 95% give a 64% chance of at least one false alarm in an A/A run). Each comparison's p-value
 * against no change is adjusted over all compared metrics (Holm: family-wise error; BH: false
 * discovery rate), and a comparison that failed on its own interval fails only if its adjusted
 * p-value is still below 1 − confidence; otherwise it becomes inconclusive, with both p-values.
 * Under A/A every failure then needs a Holm rejection, so the chance of any false failure is at
 * most α (Holm), or the expected share of false failures among failures at most α (BH).
 */
import type { MetricReport } from '../report/model.js';
import { adjustPValues } from '../stats/multiple-testing.js';
import { foldChecks } from './checks.js';
import { formatP } from './judges/statistical.js';

export type MultipleTesting = 'none' | 'holm' | 'bh';

export function adjustForMultipleTesting(metrics: MetricReport[], method: MultipleTesting): MetricReport[] {
  if (method === 'none') return metrics;
  const family = metrics.flatMap((metric, m) =>
    metric.counted
      ? metric.checks.flatMap((check, c) => {
          const p = check.comparison?.statistics?.pValue;
          return typeof p === 'number' && Number.isFinite(p) ? [{ m, c, p }] : [];
        })
      : [],
  );
  if (family.length === 0) return metrics;
  const adjusted = adjustPValues(
    family.map((f) => f.p),
    method === 'holm' ? 'holm' : 'BH',
  );
  const out = metrics.map((metric) => ({ ...metric, checks: [...metric.checks] }));
  family.forEach(({ m, c, p }, i) => {
    const metric = out[m]!;
    const check = metric.checks[c]!;
    const statistics = check.comparison!.statistics!;
    const pValue = adjusted[i]!;
    const alpha = 1 - statistics.confidence;
    const updated = { ...check, comparison: { ...check.comparison!, statistics: { ...statistics, adjusted: { method, pValue, family: family.length } } } };
    if (check.outcome === 'fail' && pValue >= alpha) {
      updated.outcome = 'inconclusive';
      updated.reason =
        `${check.reason}; but not significant over the ${family.length} compared metrics ` +
        `(${method === 'holm' ? 'Holm' : 'Benjamini-Hochberg'}-adjusted p ${formatP(pValue)} ≥ ${formatP(alpha)}, raw p ${formatP(p)})`;
    }
    metric.checks[c] = updated;
  });
  return out.map((metric) => ({ ...metric, ...foldChecks(metric.checks) }));
}
