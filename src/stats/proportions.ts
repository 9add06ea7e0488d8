import { normalCdf, normalQuantile, normalSf } from './normal.js';

export interface TwoProportionResult {
  rateCanary: number;
  rateBaseline: number;
  pooledRate: number;
  /** Pooled two-proportion z, no continuity correction (= sqrt of R's prop.test(correct=FALSE) chi²). */
  z: number;
  pTwoSided: number;
  pGreater: number;
  pLess: number;
}

/**
 * Two-proportion z-test with the pooled variance. Anti-conservative at low counts (12/10000 vs
 * 4/10000: z gives p = 0.045 where Fisher gives 0.077): prefer the exact tests for error counts.
 */
export function twoProportionZ(canaryErrors: number, canaryTotal: number, baselineErrors: number, baselineTotal: number): TwoProportionResult {
  const rateCanary = canaryErrors / canaryTotal;
  const rateBaseline = baselineErrors / baselineTotal;
  const pooledRate = (canaryErrors + baselineErrors) / (canaryTotal + baselineTotal);
  const se = Math.sqrt(pooledRate * (1 - pooledRate) * (1 / canaryTotal + 1 / baselineTotal));
  const z = se > 0 ? (rateCanary - rateBaseline) / se : 0;
  return {
    rateCanary,
    rateBaseline,
    pooledRate,
    z,
    pTwoSided: Math.min(1, 2 * normalSf(Math.abs(z))),
    pGreater: normalSf(z),
    pLess: normalCdf(z),
  };
}

export interface PropTestResult {
  chisq: number;
  pTwoSided: number;
  pGreater: number;
  pLess: number;
  /** Interval of rateCanary − rateBaseline at `confidence` (two-sided), Yates-corrected like R. */
  ciDiff: [number, number];
}

/** R `prop.test(c(x1, x2), c(n1, n2), correct = TRUE)`: chi² with Yates' correction and its Wald interval. */
export function propTestYates(
  canaryErrors: number,
  canaryTotal: number,
  baselineErrors: number,
  baselineTotal: number,
  confidence = 0.95,
): PropTestResult {
  const x = [canaryErrors, baselineErrors];
  const n = [canaryTotal, baselineTotal];
  const estimate = [x[0]! / n[0]!, x[1]! / n[1]!];
  const delta = estimate[0]! - estimate[1]!;
  const sumInverse = 1 / n[0]! + 1 / n[1]!;
  const yates = Math.min(0.5, Math.abs(delta) / sumInverse);
  const pooled = (x[0]! + x[1]!) / (n[0]! + n[1]!);
  let chisq = 0;
  for (let i = 0; i < 2; i++) {
    const observed = [x[i]!, n[i]! - x[i]!];
    const expected = [n[i]! * pooled, n[i]! * (1 - pooled)];
    for (let j = 0; j < 2; j++) chisq += (Math.abs(observed[j]! - expected[j]!) - yates) ** 2 / expected[j]!;
  }
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const width = z * Math.sqrt(estimate[0]! * (1 - estimate[0]!) / n[0]! + estimate[1]! * (1 - estimate[1]!) / n[1]!) + yates * sumInverse;
  const signed = Math.sign(delta) * Math.sqrt(chisq);
  return {
    chisq,
    pTwoSided: Math.min(1, 2 * normalSf(Math.sqrt(chisq))),
    pGreater: normalSf(signed),
    pLess: normalCdf(signed),
    ciDiff: [Math.max(delta - width, -1), Math.min(delta + width, 1)],
  };
}
