/**
 * Student's t distribution with ν > 0 degrees of freedom (ν need not be an integer): CDF, upper
 * tail and quantile. ν = Infinity is the standard normal.
 *
 * Method: P(|T| > t) = I_x(ν/2, ½) with x = ν/(ν + t²) and 1 − x = t²/(ν + t²) passed separately
 * (see `incompleteBetaTails`), so both the far tail (large |t|) and the centre (small |t|, large ν)
 * keep precision; quantiles invert the same function with the beta-quantile solver.
 *
 * Accuracy (against mpmath at 40 digits and the exact closed forms for ν = 1, 2): relative error
 * ≲ 1e-13 on the smaller tail for ν from 0.2 to 1e7 and |t| up to 1e300 (typically ~1e-15); for
 * |t| so large that ν/(ν+t²) < 1e-100 the leading term of the series is used in logs. R's own pt()
 * switches to a normal approximation (error ~1e-9) above ν = 4e5; this does not.
 * Non-positive or NaN ν, or NaN t, give NaN.
 */

import { betaQuantile, betaQuantileComplement, incompleteBetaTails, logBeta } from './beta.js';
import { normalQuantile, normalSf } from './normal.js';

function validDf(df: number): boolean {
  return df > 0; // false for NaN
}

/** P(|T| > |t|) and P(|T| ≤ |t|) for T ~ t(ν), finite ν. */
function twoSidedTails(t: number, df: number): { outside: number; inside: number } {
  const logX = Math.log(df) - 2 * Math.log(Math.abs(t));
  if (logX < -230) {
    // x = ν/(ν+t²) < 1e-100 (possibly below the smallest double): I_x(ν/2, ½) =
    // x^{ν/2}/((ν/2)·B(ν/2, ½))·(1 + O(x)), evaluated in logs.
    const a = df / 2;
    const outside = Math.exp(a * (logX - Math.log1p(Math.exp(logX))) - Math.log(a) - logBeta(a, 0.5));
    return { outside, inside: 1 - outside };
  }
  const t2 = t * t;
  let x: number;
  let y: number;
  if (t2 > df) {
    const r = df / t2; // avoids overflow of t² + ν for huge |t|
    x = r / (1 + r);
    y = 1 / (1 + r);
  } else {
    x = df / (df + t2);
    y = t2 / (df + t2);
  }
  const tails = incompleteBetaTails(x, y, df / 2, 0.5);
  return { outside: tails.lower, inside: tails.upper };
}

/** Upper tail P(T > t) for T ~ t(ν) (R `pt(t, df, lower.tail = FALSE)`). */
export function studentTSf(t: number, df: number): number {
  if (Number.isNaN(t) || !validDf(df)) return NaN;
  if (df === Infinity) return normalSf(t);
  if (t === Infinity) return 0;
  if (t === -Infinity) return 1;
  if (t === 0) return 0.5;
  const { outside, inside } = twoSidedTails(t, df);
  return t > 0 ? 0.5 * outside : 0.5 + 0.5 * inside;
}

/** CDF P(T ≤ t) for T ~ t(ν) (R `pt(t, df)`); full relative precision in the lower tail. */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t)) return NaN;
  return studentTSf(-t, df);
}

/** Two-sided p-value P(|T| ≥ |t|) (R `2 * pt(-abs(t), df)`), with relative precision when tiny. */
export function studentTTwoSided(t: number, df: number): number {
  if (Number.isNaN(t) || !validDf(df)) return NaN;
  if (df === Infinity) return 2 * normalSf(Math.abs(t));
  if (!Number.isFinite(t)) return 0;
  if (t === 0) return 1;
  return twoSidedTails(t, df).outside;
}

/**
 * Quantile of t(ν): the t with P(T ≤ t) = p (R `qt(p, df)`). ±Infinity at p = 1/0, NaN outside
 * [0, 1] or for ν ≤ 0. Inverts P(|T| > |t|) = 2·min(p, 1 − p) through the beta quantile, solving
 * for whichever of x = ν/(ν+t²) and 1 − x is the smaller so that t keeps relative precision both
 * for p near ½ (t ≈ 0) and in the far tails. Relative error ≲ 1e-13 (closed forms ν = 1, 2, scipy).
 */
export function studentTQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || !validDf(df)) return NaN;
  if (df === Infinity) return normalQuantile(p);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  const lower = p < 0.5;
  const tail = lower ? p : 1 - p; // one-sided tail, in (0, ½)
  const alpha = 2 * tail; // P(|T| > |t|) = I_x(ν/2, ½), in (0, 1)
  // Solve P(Beta(½, ν/2) > y) = α, i.e. I_x(ν/2, ½) = α, for y = 1 − x = t²/(ν + t²) first.
  let t: number;
  const y = betaQuantileComplement(alpha, 0.5, df / 2);
  if (y <= 0.5) {
    t = Math.sqrt((df * y) / (1 - y));
  } else {
    const x = betaQuantile(alpha, df / 2, 0.5); // x small: solve for it directly
    if (x > 1e-100) {
      t = Math.sqrt((df * (1 - x)) / x);
    } else {
      // Far tail (x may underflow): I_x(ν/2, ½) = x^{ν/2}/((ν/2)·B(ν/2, ½))·(1 + O(x)), so
      // ln t = ½ ln ν − (ln α + ln(ν/2) + ln B(ν/2, ½))/ν to full precision.
      t = Math.exp(0.5 * Math.log(df) - (Math.log(alpha) + Math.log(df / 2) + logBeta(df / 2, 0.5)) / df);
    }
  }
  return lower ? -t : t;
}

/** Density of t(ν) at t (R `dt`), via logs; the normal density for ν = Infinity. */
export function studentTPdf(t: number, df: number): number {
  if (Number.isNaN(t) || !validDf(df)) return NaN;
  if (df === Infinity) return Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
  if (!Number.isFinite(t)) return 0;
  // f(t) = (1 + t²/ν)^{−(ν+1)/2} / (√ν · B(ν/2, ½))
  const logKernel = -((df + 1) / 2) * Math.log1p((t * t) / df);
  return Math.exp(logKernel - 0.5 * Math.log(df) - logBeta(df / 2, 0.5));
}
