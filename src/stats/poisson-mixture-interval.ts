import { logBeta } from './beta.js';

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
export function poissonMixtureRateRatioInterval(canaryErrors: number, baselineErrors: number, options: PoissonMixtureIntervalOptions): [number, number] {
  const { share, confidence } = options;
  const x = canaryErrors;
  const y = baselineErrors;
  if (!(share > 0 && share < 1)) throw new RangeError(`share must be in (0, 1), got ${share}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  if (x + y === 0) return [0, Infinity];
  const k = options.concentration ?? 1;
  const a = k * share;
  const b = k * (1 - share);
  // log L(p0) ≥ log m + log α: the shares whose likelihood is within the mixture's reach.
  const level = logBeta(a + x, b + y) - logBeta(a, b) + Math.log(1 - confidence);
  const logLik = (p: number) => (x > 0 ? x * Math.log(p) : 0) + (y > 0 ? y * Math.log1p(-p) : 0);
  const peak = x / (x + y);
  const toRatio = (p: number) => (p / (1 - p)) * ((1 - share) / share);
  const lowP = x === 0 ? 0 : bisect(logLik, level, 0, peak);
  const highP = y === 0 ? 1 : bisect(logLik, level, 1, peak);
  return [toRatio(lowP), highP >= 1 ? Infinity : toRatio(highP)];
}

/** The p between `outside` (log L below the level) and `inside` (above) where log L crosses it. */
function bisect(logLik: (p: number) => number, level: number, outside: number, inside: number): number {
  let out = outside;
  let inn = inside;
  for (let i = 0; i < 200; i++) {
    const mid = (out + inn) / 2;
    if (mid === out || mid === inn) break;
    if (logLik(mid) >= level) inn = mid;
    else out = mid;
    if (Math.abs(inn - out) <= 1e-12 * Math.abs(inn)) break;
  }
  return inn;
}
