export type AggregateName = 'mean' | 'median' | 'p90' | 'p95' | 'p99' | 'sum' | 'last' | 'min' | 'max';
/**
 * One value from a window of finite samples (callers drop NaN first and count it).
 * Quantiles are R type 7 (linear interpolation between order statistics). `last` takes the last
 * sample in the order given, so pass samples in time order.
 */
export declare function aggregate(samples: readonly number[], how: AggregateName): number;
