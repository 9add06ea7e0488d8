import { clopperPearson, binomialCdf, binomialPmf, binomialSf } from './binomial.js';

export interface RateRatioResult {
  /** (canary errors / canary exposure) / (baseline errors / baseline exposure); NaN for 0/0, Infinity for x/0. */
  rateRatio: number;
  pTwoSided: number;
  /** Canary's rate higher. */
  pGreater: number;
  pLess: number;
  /** Exact two-sided interval of the rate ratio at `confidence`. */
  ci: [number, number];
}

/**
 * Exact comparison of two Poisson rates, as R `poisson.test(c(x1, x2), c(t1, t2))`: conditional
 * on the total count, canary errors ~ Binomial(x1 + x2, t1 / (t1 + t2)) under equal rates. The
 * interval is Clopper-Pearson on that proportion mapped to the rate ratio. Exposures are request
 * totals (or durations); the test is exact at any count, which matters at low error counts.
 */
export function poissonRateRatio(
  canaryErrors: number,
  canaryExposure: number,
  baselineErrors: number,
  baselineExposure: number,
  confidence = 0.95,
): RateRatioResult {
  const n = canaryErrors + baselineErrors;
  const share = canaryExposure / (canaryExposure + baselineExposure);
  const rateRatio = canaryErrors / canaryExposure / (baselineErrors / baselineExposure);
  if (n === 0) return { rateRatio: NaN, pTwoSided: 1, pGreater: 1, pLess: 1, ci: [0, Infinity] };

  const pGreater = Math.min(1, binomialSf(canaryErrors - 1, n, share));
  const pLess = Math.min(1, binomialCdf(canaryErrors, n, share));
  const pTwoSided = binomialTwoSided(canaryErrors, n, share);
  const { lower: low, upper: high } = clopperPearson(canaryErrors, n, confidence, 2);
  const toRatio = (p: number) => (p / (1 - p)) * (baselineExposure / canaryExposure);
  return { rateRatio, pTwoSided, pGreater, pLess, ci: [toRatio(low), high >= 1 ? Infinity : toRatio(high)] };
}

/** R `binom.test` two-sided p: both tails, the far one up to probabilities ≤ P(observed)·(1 + 1e-7). */
export function binomialTwoSided(x: number, n: number, p: number): number {
  const relErr = 1 + 1e-7;
  const d = binomialPmf(x, n, p);
  const mean = n * p;
  if (x === mean) return 1;
  if (x < mean) {
    let y = 0;
    for (let i = Math.ceil(mean); i <= n; i++) if (binomialPmf(i, n, p) <= d * relErr) y++;
    return Math.min(1, binomialCdf(x, n, p) + binomialSf(n - y, n, p));
  }
  let y = 0;
  for (let i = 0; i <= Math.floor(mean); i++) if (binomialPmf(i, n, p) <= d * relErr) y++;
  return Math.min(1, binomialCdf(y - 1, n, p) + binomialSf(x - 1, n, p));
}
