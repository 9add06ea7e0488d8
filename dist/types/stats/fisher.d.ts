export interface FisherResult {
    /** Two-sided p as R and scipy define it: Σ P(table) over tables with P ≤ P(observed)·(1 + 1e-7). */
    pTwoSided: number;
    /** Canary's error rate higher. */
    pGreater: number;
    pLess: number;
    /** Conditional maximum-likelihood odds ratio (R's `estimate`); Infinity when undefined above. */
    oddsRatio: number;
    /** Interval of the odds ratio at `confidence`, two-sided (R's `conf.int`). */
    ci: [number, number];
}
/**
 * Fisher's exact test on the 2×2 table (canary errors / total vs baseline errors / total),
 * conditional on the margins: canary errors ~ hypergeometric. Matches R `fisher.test` (p-values,
 * conditional MLE of the odds ratio, and its interval from the noncentral hypergeometric, found
 * with R's own root finder and tolerance so the numbers agree with R's to the digit).
 * Cost is linear in the number of possible tables (min(errors, totals)), fine for counts in the
 * millions.
 */
export declare function fisherExact(canaryErrors: number, canaryTotal: number, baselineErrors: number, baselineTotal: number, confidence?: number): FisherResult;
