/**
 * Robust scale and outlier removal.
 *
 * - mad: median absolute deviation median(|x − median(x)|) (simple-statistics
 *   `medianAbsoluteDeviation`), optionally × 1.4826 to estimate σ for normal data (R `mad()`).
 * - removeOutliersIqr: Kayenta's `IQRDetector(factor, reduceSensitivity = true)` as used by its
 *   judge: type-7 percentiles, fences lo = min(P1, Q1 − f·IQR) and hi = max(P99, Q3 + f·IQR),
 *   values with x < lo or x > hi are dropped (the fences themselves are kept).
 * - removeOutliersMad: drops |x − median| > k·1.4826·MAD; keeps everything when MAD = 0.
 *
 * All medians/percentiles are R type 7 (see quantile.ts). Inputs must be free of NaN (RangeError
 * otherwise; callers filter NaN first); mad of an empty array throws, the outlier filters return
 * an empty result for empty input. Kept values keep their input order. Exact up to the rounding
 * of one interpolation per percentile.
 */

import { quantiles, sortAscending } from './quantile.js';

/** R's consistency constant 1/Φ⁻¹(¾) rounded as in R `mad(constant = 1.4826)`. */
export const MAD_NORMAL_CONSTANT = 1.4826;

export interface MadOptions {
  /** Multiply by 1.4826 so the result estimates σ for normal data (R `mad()`); default false. */
  normalConsistent?: boolean;
}

/** Result of an outlier filter. */
export interface OutlierFilterResult {
  /** Values inside the fences, in input order. */
  kept: number[];
  /** How many values were dropped. */
  removed: number;
  /** Lower fence (values below it were dropped); NaN for empty input. */
  lowerFence: number;
  /** Upper fence (values above it were dropped); NaN for empty input. */
  upperFence: number;
}

function checkNoNaN(values: readonly number[], what: string): void {
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) throw new RangeError(`${what}: value at index ${i} is NaN (filter NaN first)`);
  }
}

function medianOfSorted(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  const mid = Math.floor((n - 1) / 2);
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid]! + sorted[mid + 1]!) / 2;
}

/** Median absolute deviation; raw by default, × 1.4826 with `{ normalConsistent: true }`. */
export function mad(values: readonly number[], options: MadOptions = {}): number {
  if (values.length === 0) throw new RangeError('mad: no values');
  checkNoNaN(values, 'mad');
  const m = medianOfSorted(sortAscending(values));
  const raw = medianOfSorted(sortAscending(values.map((v) => Math.abs(v - m))));
  return options.normalConsistent ? MAD_NORMAL_CONSTANT * raw : raw;
}

function applyFences(values: readonly number[], lowerFence: number, upperFence: number): OutlierFilterResult {
  const kept = values.filter((v) => !(v < lowerFence || v > upperFence));
  return { kept, removed: values.length - kept.length, lowerFence, upperFence };
}

/**
 * Kayenta's IQR outlier removal (reduceSensitivity = true; factor defaults to Kayenta's 3.0):
 * fences min(P1, Q1 − factor·IQR) and max(P99, Q3 + factor·IQR), all type-7 percentiles.
 */
export function removeOutliersIqr(values: readonly number[], factor = 3): OutlierFilterResult {
  if (!(factor >= 0)) throw new RangeError(`removeOutliersIqr: factor must be ≥ 0, got ${factor}`);
  checkNoNaN(values, 'removeOutliersIqr');
  if (values.length === 0) return { kept: [], removed: 0, lowerFence: NaN, upperFence: NaN };
  const [p1, q1, q3, p99] = quantiles(values, [0.01, 0.25, 0.75, 0.99]) as [number, number, number, number];
  const spread = q3 - q1;
  return applyFences(values, Math.min(p1, q1 - factor * spread), Math.max(p99, q3 + factor * spread));
}

/**
 * Drops values farther than k normal-consistent MADs from the median:
 * |x − median| > k·1.4826·MAD (k = 3.5 by default, Iglewicz & Hoaglin). When MAD = 0 (more than
 * half the values equal) nothing is removed: the scale is unknown, and in a zero-inflated error
 * series the rare non-zero values are the signal, not outliers.
 */
export function removeOutliersMad(values: readonly number[], k = 3.5): OutlierFilterResult {
  if (!(k > 0)) throw new RangeError(`removeOutliersMad: k must be > 0, got ${k}`);
  checkNoNaN(values, 'removeOutliersMad');
  if (values.length === 0) return { kept: [], removed: 0, lowerFence: NaN, upperFence: NaN };
  const m = medianOfSorted(sortAscending(values));
  const scale = mad(values, { normalConsistent: true });
  if (scale === 0) return { kept: [...values], removed: 0, lowerFence: -Infinity, upperFence: Infinity };
  return applyFences(values, m - k * scale, m + k * scale);
}
