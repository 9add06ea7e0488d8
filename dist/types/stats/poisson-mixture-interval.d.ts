export interface PoissonMixtureIntervalOptions {
    /** The canary's share ρ of the exposure (see poissonMixtureLogBayesFactor). */
    share: number;
    /** Prior concentration k (default 1): p ~ Beta(kρ, k(1 − ρ)). */
    concentration?: number;
    /** Coverage 1 − α of the confidence sequence, e.g. 0.95. */
    confidence: number;
}
/**
 * The confidence sequence for the rate ratio canary/baseline that goes with the Poisson mixture
 * test (Lindon & Malek 2022): every share p0 the mixture test would not reject at level α,
 * {p0 : B(a + x, b + y)/B(a, b) / (p0^x (1 − p0)^y) < 1/α}, mapped to the rate ratio
 * r = (p0 / (1 − p0)) · ((1 − ρ) / ρ). It holds at every look at once with probability 1 − α, so
 * the running intersection over looks is valid too (the caller keeps it).
 *
 * The set is an interval around the observed share x/(x + y) (the log likelihood is concave),
 * found by bisection to 1e-12 relative on p0. With no canary events the lower end is 0, with no
 * baseline events the upper end is Infinity; with no events at all it is [0, Infinity].
 */
export declare function poissonMixtureRateRatioInterval(canaryErrors: number, baselineErrors: number, options: PoissonMixtureIntervalOptions): [number, number];
