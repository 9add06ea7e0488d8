/**
 * Always-valid p-values from a sequence of log Bayes factors (or log likelihood ratios of a
 * mixture test) taken at successive looks: p_n = min(1, min over looks m ≤ n of 1/BF_m).
 *
 * Because the Bayes factor is a nonnegative martingale under the null, P(some p_n ≤ α) ≤ α
 * (Ville's inequality): the p-value may be read after every look, and stopping the first time it
 * drops below α keeps the false-alarm rate at α. It never increases. NaN entries are skipped
 * (they carry no evidence).
 */
export declare function alwaysValidPValues(logBayesFactors: readonly number[]): number[];
