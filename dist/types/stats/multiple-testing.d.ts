/**
 * Multiple-testing adjustment of p-values with R `p.adjust` semantics: adjusted values are
 * returned in the input order, capped at 1, and monotone in the raw p-values.
 *
 * - bonferroni: min(1, m·p)
 * - holm: step-down, cummax over ascending p of (m − i + 1)·p₍ᵢ₎
 * - hochberg: step-up, cummin over descending p of (m − i + 1)·p₍ᵢ₎
 * - BH (Benjamini–Hochberg, FDR): cummin over descending p of (m/i)·p₍ᵢ₎
 * - BY (Benjamini–Yekutieli): BH × Σ_{k≤m} 1/k
 *
 * m is the number of non-NaN p-values unless `n` (≥ that count) is given, as in R. NaN entries
 * stay NaN and are ignored like R's NA. p-values outside [0, 1] throw a RangeError. The results
 * are the same floating-point operations as R's, so they agree to the last bit or two.
 */
export type PAdjustMethod = 'holm' | 'hochberg' | 'bonferroni' | 'BH' | 'BY' | 'none';
export interface PAdjustOptions {
    /** Number of tests m (default: the number of non-NaN p-values); must be ≥ that number. */
    n?: number;
}
/** Adjusted p-values in input order (R `p.adjust(p, method, n)`). */
export declare function adjustPValues(p: readonly number[], method: PAdjustMethod, options?: PAdjustOptions): number[];
