/**
 * Log-gamma, log-beta, the regularized incomplete beta function I_x(a, b) and its inverse.
 *
 * Conventions: I_x(a, b) = B(x; a, b)/B(a, b) = P(X ≤ x) for X ~ Beta(a, b) (R `pbeta(x, a, b)`);
 * the "complement" is 1 − I_x(a, b) = I_{1−x}(b, a) (R `pbeta(x, a, b, lower.tail = FALSE)`),
 * computed directly so that it keeps relative precision when it is tiny. Parameters a, b must be
 * finite and > 0; anything else (and NaN anywhere) gives NaN.
 *
 * Method (after TOMS 708, Didonato & Morris 1992, the algorithm behind R's pbeta):
 * - logGamma: Lanczos (g = 671/128, 14 terms, Numerical Recipes 3rd ed. `gammln`) below 10,
 *   Stirling's series above (absolute error ≲ 5e-16 near the zeros at 1 and 2, relative ≲ 1e-15
 *   elsewhere); logBeta avoids cancelling large log-gammas.
 * - Prefactor x^a (1−x)^b / B(a, b) as in TOMS `brcomp`: for large a and b through e − ln(1+e)
 *   around the mean and the Stirling remainders, with log1p for a large parameter against a small
 *   one, so that no large logarithms cancel.
 * - a, b > 1: the continued fraction `bfrac` written with λ = (a+b)(1−x) − b on the side of the
 *   mean where it converges; for b < 40 past the mode, `bup` (finite sum) reduces b to its
 *   fractional part first, as TOMS does.
 * - min(a, b) ≤ 1: the Numerical Recipes continued fraction (modified Lentz) with the symmetry
 *   switch at x = (a+1)/(a+b+2), and for a ≥ 15, b ≤ 1 with x near 1 the asymptotic expansion
 *   `bgrat` (which works from 1 − x; this is the t distribution with ν ≥ 30).
 * Callers that know 1 − x more precisely than x (the t distribution) pass it separately to
 * `incompleteBetaTails`.
 *
 * Accuracy (against mpmath at 40–50 digits, and scipy 1.17/Boost where that is exact): relative
 * error ≲ 1e-13 on the smaller tail for a, b from 0.01 to 5e6, typically a few 1e-16; the larger
 * tail is 1 − (smaller tail), exact in absolute terms. Quantiles: the root is found to within a
 * few ulps of x (so near x = 1 the result has absolute resolution 1.1e-16).
 */

import { normalMillsRatio } from './normal.js';

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

// Numerical Recipes 3rd ed. gammln coefficients, written as their nearest doubles.
const LANCZOS = [
  57.15623566586292, -59.59796035547549, 14.136097974741746, -0.4919138160976202, 0.00003399464998481189,
  0.00004652362892704858, -0.00009837447530487956, 0.0001580887032249125, -0.00021026444172410488,
  0.00021743961811521265, -0.0001643181065367639, 0.00008441822398385275, -0.000026190838401581408,
  0.0000036899182659531625,
] as const;

/** Stirling remainder δ(x) = lnΓ(x) − [(x − ½)ln x − x + ½ln 2π], for x ≥ 10 (error < 1e-17). */
function stirlingRemainder(x: number): number {
  const r = 1 / x;
  const r2 = r * r;
  return (
    r *
    (1 / 12 +
      r2 * (-1 / 360 + r2 * (1 / 1260 + r2 * (-1 / 1680 + r2 * (1 / 1188 + r2 * (-691 / 360360 + r2 * (1 / 156)))))))
  );
}

/**
 * ln Γ(x) for x > 0 (Infinity at 0, NaN for negative or NaN x). Absolute error ≲ 5e-16 for x < 10,
 * relative ≲ 2e-16 above.
 */
export function logGamma(x: number): number {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return Infinity;
  if (x === Infinity) return Infinity;
  if (x >= 10) return (x - 0.5) * Math.log(x) - x + LOG_SQRT_2PI + stirlingRemainder(x);
  let y = x;
  const tmp0 = x + 5.2421875;
  const tmp = (x + 0.5) * Math.log(tmp0) - tmp0;
  let ser = 0.9999999999999971;
  for (const c of LANCZOS) ser += c / ++y;
  return tmp + Math.log((2.5066282746310007 * ser) / x);
}

/** lnΓ(big) − lnΓ(big + small) for big ≥ 10, without cancelling two large log-gammas. */
function logGammaRatio(big: number, small: number): number {
  return (
    -small * Math.log(big) -
    (big + small - 0.5) * Math.log1p(small / big) +
    small +
    stirlingRemainder(big) -
    stirlingRemainder(big + small)
  );
}

/**
 * ln B(a, b) = lnΓ(a) + lnΓ(b) − lnΓ(a + b) for a, b > 0, evaluated without cancellation when a
 * or b is large (relative error ≲ 1e-15, absolute ≲ 1e-15 near zeros).
 */
export function logBeta(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b) || a < 0 || b < 0) return NaN;
  if (a === 0 || b === 0) return Infinity;
  const small = Math.min(a, b);
  const big = Math.max(a, b);
  if (small >= 10) {
    const s = a + b;
    return (
      LOG_SQRT_2PI -
      0.5 * Math.log(s) +
      (small - 0.5) * Math.log(small / s) -
      (big - 0.5) * Math.log1p(small / big) +
      stirlingRemainder(a) +
      stirlingRemainder(b) -
      stirlingRemainder(s)
    );
  }
  if (big >= 10) return logGamma(small) + logGammaRatio(big, small);
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/**
 * e − ln(1 + e) for e > −1, accurate also for small |e| (TOMS 708 `rlog1`). `log1pE` is ln(1 + e)
 * computed by the caller from the original variables, used when |e| is not small (then 1 + e
 * would lose digits to rounding).
 */
function rlog1(e: number, log1pE: number): number {
  if (Math.abs(e) > 0.5) return e - log1pE;
  // ln(1+e) = 2 atanh(t), t = e/(2+e); e − 2t = e²/(2+e).
  const t = e / (2 + e);
  const t2 = t * t;
  let term = t * t2;
  let sum = 0;
  for (let k = 3; k < 200; k += 2) {
    const next = sum + term / k;
    if (next === sum) break;
    sum = next;
    term *= t2;
  }
  return (e * e) / (2 + e) - 2 * sum;
}

/**
 * ln( x^a · y^b / B(a, b) ) with y = 1 − x supplied separately (so that y keeps its own relative
 * precision when x is close to 1).
 */
function logPowerTerms(x: number, y: number, a: number, b: number): number {
  const lx = x <= y ? Math.log(x) : Math.log1p(-y);
  const ly = y <= x ? Math.log(y) : Math.log1p(-x);
  const small = Math.min(a, b);
  const big = Math.max(a, b);
  if (small >= 10) {
    // TOMS 708 brcomp: expand around x0 = a/(a+b) with λ = a − (a+b)x = (a+b)y − b.
    const s = a + b;
    const lambda = a <= b ? a - s * x : s * y - b;
    // x/x0 = 1 − λ/a and y/y0 = 1 + λ/b with x0 = a/s, y0 = b/s.
    const u = rlog1(-lambda / a, lx - (a <= b ? Math.log(a / s) : -Math.log1p(b / a)));
    const v = rlog1(lambda / b, ly - (b <= a ? Math.log(b / s) : -Math.log1p(a / b)));
    const bcorr = stirlingRemainder(a) + stirlingRemainder(b) - stirlingRemainder(s);
    return -(a * u + b * v) + 0.5 * Math.log((a / s) * b) - LOG_SQRT_2PI - bcorr;
  }
  if (big >= 10) return a * lx + b * ly - logGamma(small) - logGammaRatio(big, small);
  return a * lx + b * ly - logBeta(a, b);
}

/**
 * Continued fraction for I_x(a, b)·a·B(a,b)/(x^a y^b) (Numerical Recipes `betacf`, modified
 * Lentz); used when min(a, b) ≤ 1, on the side x < (a+1)/(a+b+2).
 */
function betaContinuedFraction(x: number, y: number, a: number, b: number): number {
  const tiny = 1e-300;
  const eps = 1e-16;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  // First step written with y so that 1 − (a+b)x/(a+1) keeps precision for x near 1.
  let d = x <= 0.5 ? 1 - (qab * x) / qap : (1 - b + qab * y) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  const maxIter = 10000 + Math.ceil(20 * Math.sqrt(Math.max(a, b)));
  for (let m = 1; m <= maxIter; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < eps) break;
  }
  return h;
}

/**
 * Q(b, z)/r with Q the regularized upper incomplete gamma function and r = e^{−z} z^b / Γ(b), for
 * 0 < b ≤ 1 (TOMS 708 `grat_r`). b = ½ goes through the normal Mills ratio (erfc).
 */
function scaledUpperGamma(b: number, z: number, logR: number): number {
  if (b === 0.5) {
    // Q(½, z) = erfc(√z); erfc(s) = e^{−s²}·√(2/π)·R(s√2) and r = e^{−z}√z/√π.
    const s = Math.sqrt(z);
    return (Math.SQRT2 * normalMillsRatio(s * Math.SQRT2)) / s;
  }
  if (z < 1.1) {
    // P(b, z) = z^b e^{−z}/Γ(b+1) · Σ z^n / ((b+1)…(b+n)); Q = 1 − P is not small here.
    let term = 1;
    let sum = 1;
    for (let n = 1; n < 500; n++) {
      term *= z / (b + n);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    const p = Math.exp(logR) * (sum / b); // r·Σ/b = z^b e^{−z}/Γ(b+1)·Σ
    return (1 - p) * Math.exp(-logR);
  }
  // Continued fraction (Legendre), as in grat_r.
  let a2nm1 = 1;
  let a2n = 1;
  let b2nm1 = z;
  let b2n = z + (1 - b);
  let c = 1;
  let an0 = a2n / b2n;
  for (let it = 0; it < 10000; it++) {
    a2nm1 = z * a2n + c * a2nm1;
    b2nm1 = z * b2n + c * b2nm1;
    const am0 = a2nm1 / b2nm1;
    c += 1;
    const cma = c - b;
    a2n = a2nm1 + cma * a2n;
    b2n = b2nm1 + cma * b2n;
    an0 = a2n / b2n;
    if (Math.abs(an0 - am0) < 1e-16 * an0) break;
    if (Math.abs(b2n) > 1e200) {
      a2nm1 /= b2n;
      b2nm1 /= b2n;
      a2n /= b2n;
      b2n = 1;
    }
  }
  return an0;
}

/**
 * I_x(a, b) for a ≥ 15 and 0 < b ≤ 1 by the asymptotic expansion of Didonato & Morris (1992),
 * TOMS 708 `bgrat` (the case of the t distribution with ν ≥ 30 and |t| ≳ 1). Works from y = 1 − x,
 * so it does not suffer from x being rounded near 1. Returns NaN if the expansion fails.
 */
function bgrat(a: number, b: number, x: number, y: number): number {
  const bm1 = b - 1;
  const nu = a + 0.5 * bm1;
  const lnx = y > 0.375 ? Math.log(x) : Math.log1p(-y);
  const z = -nu * lnx;
  if (b * z === 0) return NaN;
  const logR = -logGamma(b) + b * Math.log(z) + nu * lnx; // r = e^{−z} z^b / Γ(b)
  const logU = logR - (logGammaRatio(a, b) + b * Math.log(nu));
  if (logU === -Infinity) return 0;
  const qr = scaledUpperGamma(b, z, logR);
  const v = 0.25 / (nu * nu);
  const t2 = 0.25 * lnx * lnx;
  const c: number[] = [];
  const d: number[] = [];
  let j = qr;
  let sum = j;
  let t = 1;
  let cn = 1;
  let n2 = 0;
  for (let n = 1; n <= 30; n++) {
    const bp2n = b + n2;
    j = (bp2n * (bp2n + 1) * j + (z + bp2n + 1) * t) * v;
    n2 += 2;
    t *= t2;
    cn /= n2 * (n2 + 1);
    c.push(cn);
    let s = 0;
    let coef = b - n;
    for (let i = 1; i <= n - 1; i++) {
      s += coef * c[i - 1]! * d[n - 1 - i]!;
      coef += b;
    }
    const dn = bm1 * cn + s / n;
    d.push(dn);
    const dj = dn * j;
    sum += dj;
    if (sum <= 0) return NaN;
    if (Math.abs(dj) <= 1e-16 * sum) break;
  }
  return Math.exp(logU + Math.log(sum));
}

/**
 * Continued fraction for I_x(a, b)·B(a, b)/(x^a y^b) when a, b > 1, in the form of TOMS 708
 * `bfrac` (Didonato & Morris 1992): written with λ = (a + b)y − b ≥ 0 (x at or below the mean), so
 * it never forms 1 − x from x — accurate also for a ≫ b with x close to 1 (binomial tails with
 * large n and small p), where the Numerical Recipes fraction loses ~a·1e-16.
 */
function bfracSeries(a: number, b: number, x: number, y: number, lambda: number): number {
  const c = lambda + 1;
  const c0 = b / a;
  const c1 = 1 / a + 1;
  const yp1 = y + 1;
  let n = 0;
  let p = 1;
  let s = a + 1;
  let an = 0;
  let bn = 1;
  let anp1 = 1;
  let bnp1 = c / c1;
  let r = c1 / c;
  for (let it = 0; it < 10000; it++) {
    n += 1;
    let t = n / a;
    const w = n * (b - n) * x;
    let e = a / s;
    const alpha = p * (p + c0) * e * e * (w * x);
    e = (t + 1) / (c1 + t + t);
    const beta = n + w / s + e * (c + n * yp1);
    p = t + 1;
    s += 2;
    t = alpha * an + beta * anp1;
    an = anp1;
    anp1 = t;
    t = alpha * bn + beta * bnp1;
    bn = bnp1;
    bnp1 = t;
    const r0 = r;
    r = anp1 / bnp1;
    if (Math.abs(r - r0) <= 1e-16 * r) break;
    an /= bnp1;
    bn /= bnp1;
    anp1 = r;
    bnp1 = 1;
  }
  return r;
}

/**
 * I_x(a, b) − I_x(a + n, b) for a positive integer n, as the finite sum
 * x^a y^b/(a·B(a, b)) · Σ_{i<n} Π_{l<i} (a+b+l)/(a+1+l)·x (TOMS 708 `bup`).
 */
function bup(a: number, b: number, x: number, y: number, n: number): number {
  const logPre = logPowerTerms(x, y, a, b) - Math.log(a);
  if (n === 1) return Math.exp(logPre);
  const apb = a + b;
  const ap1 = a + 1;
  let d = 1;
  let w = 1;
  let k = 0; // index of the largest term: add the increasing terms without a convergence test
  if (b > 1) {
    if (y > 1e-4) {
      const r = ((b - 1) * x) / y - a;
      if (r >= 1) k = Math.min(Math.floor(r), n - 1);
    } else {
      k = n - 1;
    }
  }
  for (let i = 0; i < n - 1; i++) {
    d *= ((apb + i) / (ap1 + i)) * x;
    w += d;
    if (i >= k && d <= 1e-17 * w) break;
  }
  return Math.exp(logPre + Math.log(w));
}

/** Both tails of Beta(a, b) at x, with y = 1 − x given separately (both in [0, 1], x + y = 1). */
export interface BetaTails {
  /** I_x(a, b) = P(X ≤ x). */
  lower: number;
  /** 1 − I_x(a, b) = P(X > x). */
  upper: number;
}

function invalidParams(a: number, b: number): boolean {
  return !(a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b));
}

/**
 * I_x(a, b) and 1 − I_x(a, b) from x and y = 1 − x supplied separately by a caller that knows y
 * more precisely than 1 − x (e.g. the t distribution: x = ν/(ν+t²), y = t²/(ν+t²)). The tail that
 * is computed directly carries full relative precision; the other is 1 minus it.
 */
export function incompleteBetaTails(x: number, y: number, a: number, b: number): BetaTails {
  if (Number.isNaN(x) || Number.isNaN(y) || invalidParams(a, b)) return { lower: NaN, upper: NaN };
  if (x <= 0) return { lower: 0, upper: 1 };
  if (y <= 0) return { lower: 1, upper: 0 };
  // Large a against b ≤ 1 with x near 1: the continued fraction would have to resolve 1 − x
  // from x (error ~ a·1e-16); the asymptotic expansion works from y instead.
  // Only where the tail it returns is not the tiny one (TOMS 708: (a·y)^b > 0.7).
  if (b <= 1 && a >= 15 && y < 0.29 && Math.pow(a * y, b) > 0.7) {
    const lower = bgrat(a, b, x, y);
    if (Number.isFinite(lower)) return { lower, upper: 1 - lower };
  }
  if (a <= 1 && b >= 15 && x < 0.29 && Math.pow(b * x, a) > 0.7) {
    const upper = bgrat(b, a, y, x);
    if (Number.isFinite(upper)) return { lower: 1 - upper, upper };
  }
  if (a > 1 && b > 1) {
    // λ = a − (a+b)x = (a+b)y − b, computed from the smaller of x, y; λ ≥ 0 ⇔ x ≤ mean.
    const lambda = x <= y ? a - (a + b) * x : (a + b) * y - b;
    // Orient so that x0 is at or below the mean of Beta(a0, b0); w = I_{x0}(a0, b0).
    const swap = lambda < 0;
    const [a0, b0, x0, y0] = swap ? [b, a, y, x] : [a, b, x, y];
    let w: number;
    if (b0 < 40 && b0 * x0 > 0.7) {
      // TOMS 708 L140: reduce b0 to its fractional part bf ∈ (0, 1] with the finite sum `bup`
      // (I_{x0}(a0, b0) = I_{x0}(a0, bf) + I_{y0}(bf, a0) − I_{y0}(bf + n, a0)), then bf ≤ 1 is
      // handled by the expansion for large a0 (bgrat) or the continued fraction.
      let n = Math.floor(b0);
      let bf = b0 - n;
      if (bf === 0) {
        n -= 1;
        bf = 1;
      }
      w = bup(bf, a0, y0, x0, n) + incompleteBetaTails(x0, y0, a0, bf).lower;
    } else {
      w = Math.exp(logPowerTerms(x0, y0, a0, b0)) * bfracSeries(a0, b0, x0, y0, Math.abs(lambda));
    }
    return swap ? { lower: 1 - w, upper: w } : { lower: w, upper: 1 - w };
  }
  if (x < (a + 1) / (a + b + 2)) {
    const lower = (Math.exp(logPowerTerms(x, y, a, b)) * betaContinuedFraction(x, y, a, b)) / a;
    return { lower, upper: 1 - lower };
  }
  const upper = (Math.exp(logPowerTerms(y, x, b, a)) * betaContinuedFraction(y, x, b, a)) / b;
  return { lower: 1 - upper, upper };
}

/** Regularized incomplete beta I_x(a, b) = P(Beta(a, b) ≤ x) (R `pbeta`). 0 for x ≤ 0, 1 for x ≥ 1. */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (Number.isNaN(x)) return NaN;
  return incompleteBetaTails(x, 1 - x, a, b).lower;
}

/** 1 − I_x(a, b) = P(Beta(a, b) > x), with relative precision when small (R `pbeta(lower=FALSE)`). */
export function regularizedIncompleteBetaComplement(x: number, a: number, b: number): number {
  if (Number.isNaN(x)) return NaN;
  return incompleteBetaTails(x, 1 - x, a, b).upper;
}

/** Density x^{a−1}(1−x)^{b−1}/B(a, b) of Beta(a, b) (R `dbeta`), evaluated in logs. */
export function betaPdf(x: number, a: number, b: number): number {
  if (Number.isNaN(x) || invalidParams(a, b)) return NaN;
  if (x < 0 || x > 1) return 0;
  if (x === 0) return a < 1 ? Infinity : a === 1 ? b : 0;
  if (x === 1) return b < 1 ? Infinity : b === 1 ? a : 0;
  const y = 1 - x;
  return Math.exp(logPowerTerms(x, y, a, b)) / (x * y);
}

/**
 * Solves P(Beta(a,b) ≤ x) = target (tail 'lower') or P(Beta(a,b) > x) = target (tail 'upper')
 * for target in (0, ½], by Halley steps on the accurate tail, safeguarded by a bracket.
 */
function solveBeta(target: number, a: number, b: number, tail: 'lower' | 'upper'): number {
  // Rough start (Numerical Recipes 3rd ed. `invbetai`), for the lower-tail probability p.
  const p = tail === 'lower' ? target : 1 - target;
  let x: number;
  if (a >= 1 && b >= 1) {
    const pp = p < 0.5 ? p : 1 - p;
    const t = Math.sqrt(-2 * Math.log(pp));
    let z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (p < 0.5) z = -z;
    const al = (z * z - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w = (z * Math.sqrt(al + h)) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
    x = a / (a + b * Math.exp(2 * w));
  } else {
    const lna = Math.log(a / (a + b));
    const lnb = Math.log(b / (a + b));
    const t = Math.exp(a * lna) / a;
    const u = Math.exp(b * lnb) / b;
    const w = t + u;
    x = p < t / w ? Math.pow(a * w * p, 1 / a) : 1 - Math.pow(b * w * (1 - p), 1 / b);
  }
  if (!(x > 0 && x < 1)) x = 0.5;

  let lo = 0;
  let hi = 1;
  for (let iter = 0; iter < 1000; iter++) {
    const y = 1 - x;
    const tails = incompleteBetaTails(x, y, a, b);
    // f(x) increasing in x: f = lower − p = target − upper.
    const f = tail === 'lower' ? tails.lower - target : target - tails.upper;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const logDensity = logPowerTerms(x, y, a, b) - Math.log(x) - Math.log(y);
    const u = f / Math.exp(logDensity);
    const curvature = (a - 1) / x - (b - 1) / y;
    const step = u / (1 - 0.5 * Math.min(1, u * curvature));
    let next = x - step;
    if (!(next > lo && next < hi) || !Number.isFinite(next)) {
      // Bisection, geometric when the bracket spans orders of magnitude (roots in a far tail).
      if (lo === 0) next = hi / 16;
      else if (hi === 1 && 1 - lo < 1e-3) next = 1 - (1 - lo) / 16;
      else if (hi / lo > 16) next = Math.sqrt(lo * hi);
      else next = 0.5 * (lo + hi);
      if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    }
    if (next === x || Math.abs(next - x) <= 2e-16 * Math.min(next, 1 - next)) return next;
    if (hi - lo <= 4e-16 * Math.min(x, 1 - x) || next <= lo || next >= hi) return next;
    x = next;
  }
  return x;
}

/**
 * Quantile of Beta(a, b): the x with I_x(a, b) = p (R `qbeta(p, a, b)`). 0 at p = 0, 1 at p = 1,
 * NaN outside [0, 1] or for invalid a, b. Solves on the smaller tail (p or 1 − p), so extreme p
 * (1e-300) work; relative error ≲ 1e-13 in x for x ≤ ½. Near x = 1 the result is limited by
 * doubles' resolution 1.1e-16 there; use betaQuantileComplement(p, b, a) = 1 − x if you need 1 − x.
 */
export function betaQuantile(p: number, a: number, b: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || invalidParams(a, b)) return NaN;
  if (p === 0) return 0;
  if (p === 1) return 1;
  return p <= 0.5 ? solveBeta(p, a, b, 'lower') : solveBeta(1 - p, a, b, 'upper');
}

/**
 * Upper-tail quantile of Beta(a, b): the x with 1 − I_x(a, b) = q (R `qbeta(q, a, b, lower.tail =
 * FALSE)`); equals betaQuantile(1 − q, a, b) without forming 1 − q.
 */
export function betaQuantileComplement(q: number, a: number, b: number): number {
  if (Number.isNaN(q) || q < 0 || q > 1 || invalidParams(a, b)) return NaN;
  if (q === 0) return 1;
  if (q === 1) return 0;
  return q <= 0.5 ? solveBeta(q, a, b, 'upper') : solveBeta(1 - q, a, b, 'lower');
}
