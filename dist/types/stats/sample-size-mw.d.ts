export interface MannWhitneySampleSizeInput {
    /** The effect to detect as a common-language effect size P(canary > baseline), ≠ 0.5. */
    cles: number;
    alpha: number;
    power: number;
    /** 1 (default: a one-directional regression) or 2. */
    sides?: 1 | 2;
    /** Share of all samples that are canary (default 0.5). */
    canaryShare?: number;
}
/**
 * Noether's (1987) approximation of the total number of samples (both sides) a Mann-Whitney
 * test needs: N = (z_α + z_β)² / (12·c·(1 − c)·(P − ½)²), c the canary share, P the CLES.
 * Independent samples are assumed: for autocorrelated series read it as effective samples.
 */
export declare function sampleSizeMannWhitney(input: MannWhitneySampleSizeInput): number;
