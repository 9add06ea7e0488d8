/**
 * Sample quantiles, R type 7 (R `quantile(x, p)` default, numpy `method="linear"`, Apache Commons
 * `Percentile` with `EstimationType.R_7`, simple-statistics `quantileSorted`): with the values
 * sorted ascending x₀ ≤ … ≤ x_{n−1}, h = (n − 1)·p, the result is x_⌊h⌋ + (h − ⌊h⌋)·(x_⌊h⌋+1 − x_⌊h⌋).
 *
 * Input contract: values must be non-empty and free of NaN — callers filter NaN first (and count
 * what they dropped); an empty array, a NaN value or p outside [0, 1] throws a RangeError naming
 * the problem. ±Infinity values are allowed (a quantile between two equal infinities is that
 * infinity). Accuracy: one rounding of the interpolation (relative error ≲ 2e-16 of the spread).
 */

import { sortFloat64 } from './ranks.js';

function checkValues(values: ArrayLike<number>, what: string): void {
  if (values.length === 0) throw new RangeError(`${what}: no values (callers must handle empty windows)`);
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) throw new RangeError(`${what}: value at index ${i} is NaN (filter NaN before computing quantiles)`);
  }
}

function checkProbability(p: number): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile probability must be in [0, 1], got ${p}`);
}

/** Ascending numeric copy, NaN-free input (a radix sort for large inputs: {@link sortFloat64}). */
export function sortAscending(values: ArrayLike<number>): Float64Array {
  return sortFloat64(Float64Array.from(values));
}

/** Type-7 quantile of values that are already sorted ascending (not re-checked for order). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  checkValues(sorted, 'quantileSorted');
  checkProbability(p);
  return interpolate(sorted, p);
}

function interpolate(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const frac = h - lo;
  const a = sorted[lo]!;
  if (frac === 0 || lo + 1 >= n) return a;
  const b = sorted[lo + 1]!;
  if (a === b) return a;
  const spread = b - a;
  // Same expression as simple-statistics (bit-identical results); R's weighted form when the
  // spread of two finite values overflows (e.g. −1e308 and 1e308).
  if (spread === Infinity && Number.isFinite(a) && Number.isFinite(b)) return (1 - frac) * a + frac * b;
  return a + frac * spread;
}

/** Type-7 quantile of `values` (any order) at probability p ∈ [0, 1]. */
export function quantile(values: readonly number[], p: number): number {
  checkValues(values, 'quantile');
  checkProbability(p);
  return interpolate(sortAscending(values), p);
}

/** Type-7 quantiles at several probabilities, sorting once; results in the order of `ps`. */
export function quantiles(values: readonly number[], ps: readonly number[]): number[] {
  checkValues(values, 'quantiles');
  ps.forEach(checkProbability);
  const sorted = sortAscending(values);
  return ps.map((p) => interpolate(sorted, p));
}

/** Median (type-7 quantile at ½, the usual median). */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Interquartile range Q3 − Q1 with type-7 quartiles (R `IQR(x)`). */
export function iqr(values: readonly number[]): number {
  const [q1, q3] = quantiles(values, [0.25, 0.75]) as [number, number];
  return q3 - q1;
}
