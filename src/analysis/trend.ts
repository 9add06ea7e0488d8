import { formatDuration } from '../policy/duration.js';
import type { Trend } from '../report/model.js';
import type { Series } from '../sources/types.js';
import type { SideQuery } from './observe.js';

/** Enough points for a readable chart or sparkline, few enough to keep the JSON report small. */
export const MAX_TREND_BUCKETS = 60;

interface Span {
  start: number;
  end: number;
}

/**
 * One side's data over its window, bucketed from the window's start: the mean of a value metric's
 * finite points per bucket, or errors/total summed per bucket for a ratio (never an average of
 * per-step ratios). Null where the bucket holds no usable point. Undefined when a query failed.
 */
export function trendOf(kind: 'gauge' | 'distribution' | 'ratio', answers: readonly SideQuery[], span: Span, stepMs: number): Trend | undefined {
  if (answers.some((a) => !a.answer.ok)) return undefined;
  const steps = Math.max(1, Math.round((span.end - span.start) / stepMs));
  const perBucket = Math.ceil(steps / MAX_TREND_BUCKETS);
  const buckets = Math.ceil(steps / perBucket);
  const bucketOf = (t: number): number | undefined => {
    // A point belongs to the step ending at its timestamp (as the file source and the query range do).
    const step = Math.ceil((t - span.start) / stepMs) - 1;
    if (step < 0 || step >= steps) return undefined;
    return Math.floor(step / perBucket);
  };
  const seriesOf = (role: SideQuery['role']) => {
    const answer = answers.find((a) => a.role === role)?.answer;
    return answer?.ok ? answer.series : [];
  };

  let values: (number | null)[];
  if (kind === 'ratio') {
    const errors = sums(seriesOf('errors'), buckets, bucketOf);
    const totals = sums(seriesOf('total'), buckets, bucketOf);
    values = totals.map((total, i) => (total.n > 0 && total.sum > 0 ? errors[i]!.sum / total.sum : null));
  } else {
    values = sums(seriesOf('query'), buckets, bucketOf).map((b) => (b.n > 0 ? b.sum / b.n : null));
  }
  return { bucket: formatDuration(perBucket * stepMs), values: values.map((v) => (v === null ? null : Number(v.toPrecision(6)))) };
}

function sums(series: readonly Series[], buckets: number, bucketOf: (t: number) => number | undefined): { sum: number; n: number }[] {
  const out = Array.from({ length: buckets }, () => ({ sum: 0, n: 0 }));
  for (const s of series) {
    for (const p of s.points) {
      if (!Number.isFinite(p.v)) continue;
      const b = bucketOf(p.t);
      if (b === undefined) continue;
      out[b]!.sum += p.v;
      out[b]!.n++;
    }
  }
  return out;
}
