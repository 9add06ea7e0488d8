import { type NormalMixtureSprtResult } from './normal-mixture-sprt.js';
export interface ProportionsMsprtResult extends NormalMixtureSprtResult {
    /** p_canary − p_baseline. */
    difference: number;
    /** The plug-in variance p_c(1 − p_c)/n_c + p_b(1 − p_b)/n_b. */
    variance: number;
}
/**
 * The mSPRT for a difference of two proportions (error ratios) with the plug-in variance, as in
 * Johari et al.'s always-valid A/B testing: the normal-mixture test of p_c − p_b = 0 and its
 * confidence sequence at 1 − α, from cumulative errors and totals. Asymptotic (normal
 * approximation); prefer the Poisson mixture test at low counts.
 */
export declare function proportionsMsprt(canaryErrors: number, canaryTotal: number, baselineErrors: number, baselineTotal: number, options: {
    tau: number;
    alpha: number;
}): ProportionsMsprtResult;
