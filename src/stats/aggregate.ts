import { mean, median, quantileSorted, sum } from 'simple-statistics';

export type AggregateName = 'mean' | 'median' | 'p90' | 'p95' | 'p99' | 'sum' | 'last' | 'min' | 'max';

/**
 * One value from a window of finite samples (callers drop NaN first and count it).
 * Quantiles are R type 7 (linear interpolation between order statistics). `last` takes the last
 * sample in the order given, so pass samples in time order.
 */
export function aggregate(samples: readonly number[], how: AggregateName): number {
  if (samples.length === 0) return NaN;
  switch (how) {
    case 'mean':
      return mean(samples as number[]);
    case 'median':
      return median(samples as number[]);
    case 'sum':
      return sum(samples as number[]);
    case 'last':
      return samples[samples.length - 1]!;
    case 'min':
      return samples.reduce((a, b) => (b < a ? b : a), Infinity);
    case 'max':
      return samples.reduce((a, b) => (b > a ? b : a), -Infinity);
    case 'p90':
    case 'p95':
    case 'p99': {
      const sorted = [...samples].sort((a, b) => a - b);
      return quantileSorted(sorted, Number(how.slice(1)) / 100);
    }
  }
}
