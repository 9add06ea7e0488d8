/**
 * Kayenta's roll-up of metric labels into a 0–100 score and a Pass/Marginal/Fail classification
 * (WeightedSumScorer + ThresholdScoreClassifier of spinnaker/kayenta), restated in
 * shared/KAYENTA.md §1.5. Kept literal, quirks included, so migrated configs score the same.
 */
export type KayentaLabel = 'Pass' | 'High' | 'Low' | 'Nodata' | 'NodataFailMetric' | 'Error';

export interface KayentaMetricLabel {
  name: string;
  groups: string[];
  label: KayentaLabel;
  /** Set by the classifier: a critical metric whose High/Low passed its critical gate. */
  critical: boolean;
  muted: boolean;
  reason: string;
}

export interface KayentaScore {
  /** Rounded to two decimals, half up. */
  score: number;
  classification: 'Pass' | 'Marginal' | 'Fail';
  groupScores: { group: string; score: number; noData: boolean; weight: number }[];
  reason?: string;
}

const NODATA_THRESHOLD = 50;

export function kayentaScore(
  metrics: KayentaMetricLabel[],
  groupWeights: Record<string, number>,
  thresholds: { pass: number; marginal: number },
): KayentaScore {
  const counted = metrics.filter((m) => !m.muted);
  const groups = new Map<string, KayentaMetricLabel[]>();
  for (const m of counted) {
    for (const g of m.groups) groups.set(g, [...(groups.get(g) ?? []), m]);
  }

  const configured = Object.values(groupWeights).reduce((a, b) => a + b, 0);
  // Object.hasOwn, not `in`: a group called "constructor" is not weighted by Object.prototype.
  const weighted = (g: string) => Object.hasOwn(groupWeights, g);
  const unweighted = [...groups.keys()].filter((g) => !weighted(g));
  const defaultWeight = unweighted.length > 0 ? (100 - configured) / unweighted.length : 0;

  const groupScores = [...groups.entries()].map(([group, list]) => {
    const count = (label: KayentaLabel) => list.filter((m) => m.label === label).length;
    const total = count('Pass') + count('High') + count('Low') + count('NodataFailMetric');
    const noData = total === 0;
    return {
      group,
      score: noData ? 0 : (100 * count('Pass')) / total,
      noData,
      weight: weighted(group) ? groupWeights[group]! : defaultWeight,
    };
  });

  const classify = (score: number): KayentaScore['classification'] =>
    score >= thresholds.pass ? 'Pass' : score >= thresholds.marginal ? 'Marginal' : 'Fail';

  const criticalFailure = counted.find((m) => m.critical && m.label !== 'Pass');
  if (criticalFailure) {
    return { score: 0, classification: classify(0), groupScores, reason: `Canary Failed: ${criticalFailure.reason}` };
  }
  const nodata = counted.filter((m) => m.label === 'Nodata').length;
  if (counted.length > 0 && (100 * nodata) / counted.length >= NODATA_THRESHOLD) {
    return { score: 0, classification: classify(0), groupScores, reason: 'Canary Failed: 50% or more metrics returned NODATA' };
  }
  const raw = groupScores.reduce((sum, g) => sum + ((g.noData ? 100 : g.score) * g.weight) / 100, 0);
  const score = roundHalfUp(raw, 2);
  return { score, classification: classify(score), groupScores };
}

/**
 * Apache Commons `Precision.round(x, digits)` (HALF_UP): `new BigDecimal(Double.toString(x))
 * .setScale(digits, HALF_UP)`, i.e. rounding of the shortest decimal representation, done here on
 * JavaScript's (the same digits): 83.33499999999998, the double just below 83.335, is 83.33 as in
 * Kayenta, where scaling by 100 first would round it to 83.34.
 */
export function roundHalfUp(value: number, digits: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  const [mantissa = '', exponent = '0'] = String(Math.abs(value)).split('e');
  const point = mantissa.indexOf('.');
  const all = mantissa.replace('.', '');
  // |value| = 0.<all> × 10^integerDigits
  const integerDigits = (point === -1 ? mantissa.length : point) + Number(exponent);
  const keep = integerDigits + digits;
  if (keep < 0) return 0;
  let scaled = BigInt(all.slice(0, keep).padEnd(keep, '0') || '0');
  if ((all[keep] ?? '0') >= '5') scaled += 1n;
  return (Math.sign(value) * Number(scaled)) / 10 ** digits;
}
