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
/** Ascending numeric copy, NaN-free input (a radix sort for large inputs: {@link sortFloat64}). */
export declare function sortAscending(values: ArrayLike<number>): Float64Array;
/** Type-7 quantile of values that are already sorted ascending (not re-checked for order). */
export declare function quantileSorted(sorted: ArrayLike<number>, p: number): number;
/** Type-7 quantile of `values` (any order) at probability p ∈ [0, 1]. */
export declare function quantile(values: readonly number[], p: number): number;
/** Type-7 quantiles at several probabilities, sorting once; results in the order of `ps`. */
export declare function quantiles(values: readonly number[], ps: readonly number[]): number[];
/** Median (type-7 quantile at ½, the usual median). */
export declare function median(values: readonly number[]): number;
/** Interquartile range Q3 − Q1 with type-7 quartiles (R `IQR(x)`). */
export declare function iqr(values: readonly number[]): number;
