// src/stats/normal.ts
var SQRT_2PI = Math.sqrt(2 * Math.PI);
var SERIES_LIMIT = 1.25;
function normalPdf(z) {
  if (Number.isNaN(z)) return NaN;
  const x = Math.abs(z);
  if (x === Infinity) return 0;
  const xHi = Math.trunc(x * 16) / 16;
  const del = (x - xHi) * (x + xHi);
  return Math.exp(-0.5 * xHi * xHi) * Math.exp(-0.5 * del) / SQRT_2PI;
}
function marsagliaSeries(z) {
  const z2 = z * z;
  let term = z;
  let sum = z;
  for (let n = 1; n < 200; n++) {
    term *= z2 / (2 * n + 1);
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  return sum;
}
function millsRatio(x) {
  const tiny = 1e-300;
  let f = x;
  let c = f;
  let d = 0;
  for (let k = 1; k < 5e3; k++) {
    d = x + k * d;
    if (Math.abs(d) < tiny) d = tiny;
    d = 1 / d;
    c = x + k / c;
    if (Math.abs(c) < tiny) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 / f;
}
function upperTailNonNeg(x) {
  if (x === Infinity) return 0;
  if (x < SERIES_LIMIT) return 0.5 - normalPdf(x) * marsagliaSeries(x);
  if (x > 38.5) return 0;
  return normalPdf(x) * millsRatio(x);
}
function normalMillsRatio(z) {
  if (Number.isNaN(z)) return NaN;
  if (z === Infinity) return 0;
  if (z >= SERIES_LIMIT) return millsRatio(z);
  return normalSf(z) / normalPdf(z);
}
function normalCdf(z) {
  if (Number.isNaN(z)) return NaN;
  if (z < 0) return upperTailNonNeg(-z);
  if (z < SERIES_LIMIT) return 0.5 + normalPdf(z) * marsagliaSeries(z);
  return 1 - upperTailNonNeg(z);
}
function normalSf(z) {
  if (Number.isNaN(z)) return NaN;
  return normalCdf(-z);
}
function normalQuantile(p) {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (p > 0.25 && p < 0.75) return centralQuantile(p - 0.5);
  const lower = p < 0.5;
  const q = lower ? p : 1 - p;
  const t = Math.sqrt(-2 * Math.log(q));
  let y = t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 1308e-6 * t * t * t);
  if (y < 0) y = 1e-3;
  for (let i = 0; i < 20; i++) {
    const dens = normalPdf(y);
    if (dens === 0) break;
    const u = (upperTailNonNeg(y) - q) / dens;
    const step = u / (1 - 0.5 * y * u);
    y += step;
    if (Math.abs(step) <= 1e-15 * Math.abs(y)) break;
  }
  return lower ? -y : y;
}
function centralQuantile(r) {
  if (r === 0) return 0;
  let y = r * SQRT_2PI * (1 + Math.PI * r * r / 3);
  for (let i = 0; i < 20; i++) {
    const t = marsagliaSeries(y) - r / normalPdf(y);
    const step = t / (1 + 0.5 * y * t);
    y -= step;
    if (Math.abs(step) <= 1e-15 * Math.abs(y)) break;
  }
  return y;
}

// src/stats/beta.ts
var LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
var LANCZOS = [
  57.15623566586292,
  -59.59796035547549,
  14.136097974741746,
  -0.4919138160976202,
  3399464998481189e-20,
  4652362892704858e-20,
  -9837447530487956e-20,
  1580887032249125e-19,
  -21026444172410488e-20,
  21743961811521265e-20,
  -1643181065367639e-19,
  8441822398385275e-20,
  -26190838401581408e-21,
  36899182659531625e-22
];
function stirlingRemainder(x) {
  const r = 1 / x;
  const r2 = r * r;
  return r * (1 / 12 + r2 * (-1 / 360 + r2 * (1 / 1260 + r2 * (-1 / 1680 + r2 * (1 / 1188 + r2 * (-691 / 360360 + r2 * (1 / 156)))))));
}
function logGamma(x) {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return Infinity;
  if (x === Infinity) return Infinity;
  if (x >= 10) return (x - 0.5) * Math.log(x) - x + LOG_SQRT_2PI + stirlingRemainder(x);
  let y = x;
  const tmp0 = x + 5.2421875;
  const tmp = (x + 0.5) * Math.log(tmp0) - tmp0;
  let ser = 0.9999999999999971;
  for (const c of LANCZOS) ser += c / ++y;
  return tmp + Math.log(2.5066282746310007 * ser / x);
}
function logGammaRatio(big, small) {
  return -small * Math.log(big) - (big + small - 0.5) * Math.log1p(small / big) + small + stirlingRemainder(big) - stirlingRemainder(big + small);
}
function logBeta(a, b) {
  if (Number.isNaN(a) || Number.isNaN(b) || a < 0 || b < 0) return NaN;
  if (a === 0 || b === 0) return Infinity;
  const small = Math.min(a, b);
  const big = Math.max(a, b);
  if (small >= 10) {
    const s = a + b;
    return LOG_SQRT_2PI - 0.5 * Math.log(s) + (small - 0.5) * Math.log(small / s) - (big - 0.5) * Math.log1p(small / big) + stirlingRemainder(a) + stirlingRemainder(b) - stirlingRemainder(s);
  }
  if (big >= 10) return logGamma(small) + logGammaRatio(big, small);
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}
function rlog1(e, log1pE) {
  if (Math.abs(e) > 0.5) return e - log1pE;
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
  return e * e / (2 + e) - 2 * sum;
}
function logPowerTerms(x, y, a, b) {
  const lx = x <= y ? Math.log(x) : Math.log1p(-y);
  const ly = y <= x ? Math.log(y) : Math.log1p(-x);
  const small = Math.min(a, b);
  const big = Math.max(a, b);
  if (small >= 10) {
    const s = a + b;
    const lambda = a <= b ? a - s * x : s * y - b;
    const u = rlog1(-lambda / a, lx - (a <= b ? Math.log(a / s) : -Math.log1p(b / a)));
    const v = rlog1(lambda / b, ly - (b <= a ? Math.log(b / s) : -Math.log1p(a / b)));
    const bcorr = stirlingRemainder(a) + stirlingRemainder(b) - stirlingRemainder(s);
    return -(a * u + b * v) + 0.5 * Math.log(a / s * b) - LOG_SQRT_2PI - bcorr;
  }
  if (big >= 10) return a * lx + b * ly - logGamma(small) - logGammaRatio(big, small);
  return a * lx + b * ly - logBeta(a, b);
}
function betaContinuedFraction(x, y, a, b) {
  const tiny = 1e-300;
  const eps = 1e-16;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = x <= 0.5 ? 1 - qab * x / qap : (1 - b + qab * y) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  const maxIter = 1e4 + Math.ceil(20 * Math.sqrt(Math.max(a, b)));
  for (let m = 1; m <= maxIter; m++) {
    const m2 = 2 * m;
    let aa = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
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
function scaledUpperGamma(b, z, logR) {
  if (b === 0.5) {
    const s = Math.sqrt(z);
    return Math.SQRT2 * normalMillsRatio(s * Math.SQRT2) / s;
  }
  if (z < 1.1) {
    let term = 1;
    let sum = 1;
    for (let n = 1; n < 500; n++) {
      term *= z / (b + n);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    const p = Math.exp(logR) * (sum / b);
    return (1 - p) * Math.exp(-logR);
  }
  let a2nm1 = 1;
  let a2n = 1;
  let b2nm1 = z;
  let b2n = z + (1 - b);
  let c = 1;
  let an0 = a2n / b2n;
  for (let it = 0; it < 1e4; it++) {
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
function bgrat(a, b, x, y) {
  const bm1 = b - 1;
  const nu = a + 0.5 * bm1;
  const lnx = y > 0.375 ? Math.log(x) : Math.log1p(-y);
  const z = -nu * lnx;
  if (b * z === 0) return NaN;
  const logR = -logGamma(b) + b * Math.log(z) + nu * lnx;
  const logU = logR - (logGammaRatio(a, b) + b * Math.log(nu));
  if (logU === -Infinity) return 0;
  const qr = scaledUpperGamma(b, z, logR);
  const v = 0.25 / (nu * nu);
  const t2 = 0.25 * lnx * lnx;
  const c = [];
  const d = [];
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
      s += coef * c[i - 1] * d[n - 1 - i];
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
function bfracSeries(a, b, x, y, lambda) {
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
  for (let it = 0; it < 1e4; it++) {
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
function bup(a, b, x, y, n) {
  const logPre = logPowerTerms(x, y, a, b) - Math.log(a);
  if (n === 1) return Math.exp(logPre);
  const apb = a + b;
  const ap1 = a + 1;
  let d = 1;
  let w = 1;
  let k = 0;
  if (b > 1) {
    if (y > 1e-4) {
      const r = (b - 1) * x / y - a;
      if (r >= 1) k = Math.min(Math.floor(r), n - 1);
    } else {
      k = n - 1;
    }
  }
  for (let i = 0; i < n - 1; i++) {
    d *= (apb + i) / (ap1 + i) * x;
    w += d;
    if (i >= k && d <= 1e-17 * w) break;
  }
  return Math.exp(logPre + Math.log(w));
}
function invalidParams(a, b) {
  return !(a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b));
}
function incompleteBetaTails(x, y, a, b) {
  if (Number.isNaN(x) || Number.isNaN(y) || invalidParams(a, b)) return { lower: NaN, upper: NaN };
  if (x <= 0) return { lower: 0, upper: 1 };
  if (y <= 0) return { lower: 1, upper: 0 };
  if (b <= 1 && a >= 15 && y < 0.29 && Math.pow(a * y, b) > 0.7) {
    const lower = bgrat(a, b, x, y);
    if (Number.isFinite(lower)) return { lower, upper: 1 - lower };
  }
  if (a <= 1 && b >= 15 && x < 0.29 && Math.pow(b * x, a) > 0.7) {
    const upper2 = bgrat(b, a, y, x);
    if (Number.isFinite(upper2)) return { lower: 1 - upper2, upper: upper2 };
  }
  if (a > 1 && b > 1) {
    const lambda = x <= y ? a - (a + b) * x : (a + b) * y - b;
    const swap = lambda < 0;
    const [a0, b0, x0, y0] = swap ? [b, a, y, x] : [a, b, x, y];
    let w;
    if (b0 < 40 && b0 * x0 > 0.7) {
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
    const lower = Math.exp(logPowerTerms(x, y, a, b)) * betaContinuedFraction(x, y, a, b) / a;
    return { lower, upper: 1 - lower };
  }
  const upper = Math.exp(logPowerTerms(y, x, b, a)) * betaContinuedFraction(y, x, b, a) / b;
  return { lower: 1 - upper, upper };
}
function regularizedIncompleteBeta(x, a, b) {
  if (Number.isNaN(x)) return NaN;
  return incompleteBetaTails(x, 1 - x, a, b).lower;
}
function regularizedIncompleteBetaComplement(x, a, b) {
  if (Number.isNaN(x)) return NaN;
  return incompleteBetaTails(x, 1 - x, a, b).upper;
}
function betaPdf(x, a, b) {
  if (Number.isNaN(x) || invalidParams(a, b)) return NaN;
  if (x < 0 || x > 1) return 0;
  if (x === 0) return a < 1 ? Infinity : a === 1 ? b : 0;
  if (x === 1) return b < 1 ? Infinity : b === 1 ? a : 0;
  const y = 1 - x;
  return Math.exp(logPowerTerms(x, y, a, b)) / (x * y);
}
function solveBeta(target, a, b, tail) {
  const p = tail === "lower" ? target : 1 - target;
  let x;
  if (a >= 1 && b >= 1) {
    const pp = p < 0.5 ? p : 1 - p;
    const t = Math.sqrt(-2 * Math.log(pp));
    let z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (p < 0.5) z = -z;
    const al = (z * z - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w = z * Math.sqrt(al + h) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
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
  for (let iter = 0; iter < 1e3; iter++) {
    const y = 1 - x;
    const tails = incompleteBetaTails(x, y, a, b);
    const f = tail === "lower" ? tails.lower - target : target - tails.upper;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const logDensity = logPowerTerms(x, y, a, b) - Math.log(x) - Math.log(y);
    const u = f / Math.exp(logDensity);
    const curvature = (a - 1) / x - (b - 1) / y;
    const step = u / (1 - 0.5 * Math.min(1, u * curvature));
    let next = x - step;
    if (!(next > lo && next < hi) || !Number.isFinite(next)) {
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
function betaQuantile(p, a, b) {
  if (Number.isNaN(p) || p < 0 || p > 1 || invalidParams(a, b)) return NaN;
  if (p === 0) return 0;
  if (p === 1) return 1;
  return p <= 0.5 ? solveBeta(p, a, b, "lower") : solveBeta(1 - p, a, b, "upper");
}
function betaQuantileComplement(q, a, b) {
  if (Number.isNaN(q) || q < 0 || q > 1 || invalidParams(a, b)) return NaN;
  if (q === 0) return 1;
  if (q === 1) return 0;
  return q <= 0.5 ? solveBeta(q, a, b, "upper") : solveBeta(1 - q, a, b, "lower");
}

// src/stats/student-t.ts
function validDf(df) {
  return df > 0;
}
function twoSidedTails(t, df) {
  const logX = Math.log(df) - 2 * Math.log(Math.abs(t));
  if (logX < -230) {
    const a = df / 2;
    const outside = Math.exp(a * (logX - Math.log1p(Math.exp(logX))) - Math.log(a) - logBeta(a, 0.5));
    return { outside, inside: 1 - outside };
  }
  const t2 = t * t;
  let x;
  let y;
  if (t2 > df) {
    const r = df / t2;
    x = r / (1 + r);
    y = 1 / (1 + r);
  } else {
    x = df / (df + t2);
    y = t2 / (df + t2);
  }
  const tails = incompleteBetaTails(x, y, df / 2, 0.5);
  return { outside: tails.lower, inside: tails.upper };
}
function studentTSf(t, df) {
  if (Number.isNaN(t) || !validDf(df)) return NaN;
  if (df === Infinity) return normalSf(t);
  if (t === Infinity) return 0;
  if (t === -Infinity) return 1;
  if (t === 0) return 0.5;
  const { outside, inside } = twoSidedTails(t, df);
  return t > 0 ? 0.5 * outside : 0.5 + 0.5 * inside;
}
function studentTCdf(t, df) {
  if (Number.isNaN(t)) return NaN;
  return studentTSf(-t, df);
}
function studentTTwoSided(t, df) {
  if (Number.isNaN(t) || !validDf(df)) return NaN;
  if (df === Infinity) return 2 * normalSf(Math.abs(t));
  if (!Number.isFinite(t)) return 0;
  if (t === 0) return 1;
  return twoSidedTails(t, df).outside;
}
function studentTQuantile(p, df) {
  if (Number.isNaN(p) || p < 0 || p > 1 || !validDf(df)) return NaN;
  if (df === Infinity) return normalQuantile(p);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  const lower = p < 0.5;
  const tail = lower ? p : 1 - p;
  const alpha = 2 * tail;
  let t;
  const y = betaQuantileComplement(alpha, 0.5, df / 2);
  if (y <= 0.5) {
    t = Math.sqrt(df * y / (1 - y));
  } else {
    const x = betaQuantile(alpha, df / 2, 0.5);
    if (x > 1e-100) {
      t = Math.sqrt(df * (1 - x) / x);
    } else {
      t = Math.exp(0.5 * Math.log(df) - (Math.log(alpha) + Math.log(df / 2) + logBeta(df / 2, 0.5)) / df);
    }
  }
  return lower ? -t : t;
}
function studentTPdf(t, df) {
  if (Number.isNaN(t) || !validDf(df)) return NaN;
  if (df === Infinity) return Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
  if (!Number.isFinite(t)) return 0;
  const logKernel = -((df + 1) / 2) * Math.log1p(t * t / df);
  return Math.exp(logKernel - 0.5 * Math.log(df) - logBeta(df / 2, 0.5));
}

// src/stats/binomial.ts
function validBinomial(n, p) {
  return Number.isInteger(n) && n >= 0 && p >= 0 && p <= 1;
}
function floorFuzz(k) {
  return Math.floor(k + 1e-7);
}
function binomialPmf(k, n, p) {
  if (Number.isNaN(k) || !validBinomial(n, p)) return NaN;
  if (!Number.isInteger(k) || k < 0 || k > n) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  return betaPdf(p, k + 1, n - k + 1) / (n + 1);
}
function binomialCdf(k, n, p) {
  if (Number.isNaN(k) || !validBinomial(n, p)) return NaN;
  const kk = floorFuzz(k);
  if (kk < 0) return 0;
  if (kk >= n) return 1;
  return incompleteBetaTails(p, 1 - p, kk + 1, n - kk).upper;
}
function binomialSf(k, n, p) {
  if (Number.isNaN(k) || !validBinomial(n, p)) return NaN;
  const kk = floorFuzz(k);
  if (kk < 0) return 1;
  if (kk >= n) return 0;
  return incompleteBetaTails(p, 1 - p, kk + 1, n - kk).lower;
}
function checkProportionArgs(x, n, confidence, sides) {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  if (!Number.isInteger(x) || x < 0 || x > n) throw new RangeError(`x must be an integer in [0, n], got ${x} (n = ${n})`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  if (sides !== 1 && sides !== 2) throw new RangeError(`sides must be 1 or 2, got ${String(sides)}`);
}
function clopperPearson(x, n, confidence = 0.95, sides = 2) {
  checkProportionArgs(x, n, confidence, sides);
  const tail = (1 - confidence) / sides;
  const lower = x === 0 ? 0 : betaQuantile(tail, x, n - x + 1);
  const upper = x === n ? 1 : betaQuantileComplement(tail, x + 1, n - x);
  return { lower, upper };
}
function wilsonInterval(x, n, confidence = 0.95, sides = 2) {
  checkProportionArgs(x, n, confidence, sides);
  const z = -normalQuantile((1 - confidence) / sides);
  const z2 = z * z;
  const phat = x / n;
  const denom = 1 + z2 / n;
  const centre = (phat + z2 / (2 * n)) / denom;
  const half = z / denom * Math.sqrt(phat * (1 - phat) / n + z2 / (4 * n * n));
  return {
    lower: x === 0 ? 0 : Math.max(0, centre - half),
    upper: x === n ? 1 : Math.min(1, centre + half)
  };
}

// src/stats/ranks.ts
function assertNoNaN(values, what) {
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) {
      throw new RangeError(`${what}: value at index ${i} is NaN; drop (and count) missing samples before ranking`);
    }
  }
}
function sortedCopy(values, what = "values") {
  assertNoNaN(values, what);
  return sortFloat64(Float64Array.from(values));
}
var RADIX_SORT_MIN = 4096;
var LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
function sortFloat64(a, scratch) {
  const n = a.length;
  if (n < RADIX_SORT_MIN || !LITTLE_ENDIAN || countNaN(a) > 0) return a.sort();
  const keys = new Uint32Array(a.buffer, a.byteOffset, 2 * n);
  const hist = new Int32Array(6 * 2048);
  toKeysCountingDigits(keys, hist);
  const dst = scratch !== void 0 && scratch.length >= 2 * n ? scratch.subarray(0, 2 * n) : new Uint32Array(2 * n);
  fromKeys(radixPasses(keys, dst, hist, n, scatterByDigit), keys);
  return a;
}
function countNaN(a) {
  let nan = 0;
  for (let i = 0; i < a.length; i++) nan += +(a[i] !== a[i]);
  return nan;
}
function toKeysCountingDigits(keys, hist) {
  for (let i = 0; i < keys.length; i += 2) {
    const flip = keys[i + 1] >> 31;
    const lo = (keys[i] ^ flip) >>> 0;
    const hi = (keys[i + 1] ^ (flip | 2147483648)) >>> 0;
    keys[i] = lo;
    keys[i + 1] = hi;
    hist[lo & 2047]++;
    hist[2048 + (lo >>> 11 & 2047)]++;
    hist[4096 + (lo >>> 22)]++;
    hist[6144 + (hi & 2047)]++;
    hist[8192 + (hi >>> 11 & 2047)]++;
    hist[10240 + (hi >>> 22)]++;
  }
}
function toOffsets(counts, n) {
  let sum = 0;
  let spread = true;
  for (let d = 0; d < counts.length; d++) {
    const c = counts[d];
    spread &&= c !== n;
    counts[d] = sum;
    sum += c;
  }
  return spread;
}
function radixPasses(src, dst, hist, n, scatter) {
  for (let pass = 0; pass < 6; pass++) {
    const width = pass % 3 === 2 ? 1024 : 2048;
    const offsets = hist.subarray(pass * 2048, pass * 2048 + width);
    if (!toOffsets(offsets, n)) continue;
    scatter(src, dst, offsets, pass < 3 ? 0 : 1, pass % 3 * 11, width - 1);
    const t = src;
    src = dst;
    dst = t;
  }
  return src;
}
function scatterByDigit(src, dst, offsets, word, shift, mask) {
  for (let i = 0; i < src.length; i += 2) {
    const at = 2 * offsets[src[i + word] >>> shift & mask]++;
    dst[at] = src[i];
    dst[at + 1] = src[i + 1];
  }
}
function fromKeys(src, keys) {
  for (let i = 0; i < src.length; i += 2) {
    const flip = ~(src[i + 1] >> 31);
    keys[i] = src[i] ^ flip;
    keys[i + 1] = src[i + 1] ^ (flip | 2147483648);
  }
}
function tieTerm(groupSizes) {
  let sum = 0;
  for (const t of groupSizes) sum += (t - 1) * t * (t + 1);
  return sum;
}
function midRanks(values) {
  assertNoNaN(values, "midRanks");
  const n = values.length;
  const v = Float64Array.from(values);
  const order = sortOrder(v);
  const ranks = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i + 1;
    while (j < n && v[order[j]] === v[order[i]]) j++;
    const mid = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) ranks[order[k]] = mid;
    i = j;
  }
  return ranks;
}
function sortOrder(a) {
  const n = a.length;
  const order = new Uint32Array(n);
  if (n < RADIX_SORT_MIN || !LITTLE_ENDIAN) {
    for (let i = 0; i < n; i++) order[i] = i;
    return order.sort((x, y) => a[x] - a[y]);
  }
  const bits = new Uint32Array(a.buffer.slice(a.byteOffset, a.byteOffset + 8 * n));
  const hist = new Int32Array(6 * 2048);
  toKeysCountingDigits(bits, hist);
  const triples = new Uint32Array(3 * n);
  for (let i = 0; i < n; i++) {
    triples[3 * i] = bits[2 * i];
    triples[3 * i + 1] = bits[2 * i + 1];
    triples[3 * i + 2] = i;
  }
  const sorted = radixPasses(triples, new Uint32Array(3 * n), hist, n, scatterTriplesByDigit);
  for (let i = 0; i < n; i++) order[i] = sorted[3 * i + 2];
  return order;
}
function scatterTriplesByDigit(src, dst, offsets, word, shift, mask) {
  for (let i = 0; i < src.length; i += 3) {
    const at = 3 * offsets[src[i + word] >>> shift & mask]++;
    dst[at] = src[i];
    dst[at + 1] = src[i + 1];
    dst[at + 2] = src[i + 2];
  }
}
function twoSampleRanksSorted(xSorted, ySorted, withGroups = false) {
  const m = xSorted.length;
  const n = ySorted.length;
  let i = 0;
  let j = 0;
  let pos = 0;
  let rankSumX = 0;
  let tie = 0;
  let groups = 0;
  const groupSizes = [];
  const groupCountsX = [];
  while (i < m || j < n) {
    const xi = i < m ? xSorted[i] : Infinity;
    const yj = j < n ? ySorted[j] : Infinity;
    const v = i >= m ? yj : j >= n ? xi : xi <= yj ? xi : yj;
    let a = 0;
    while (i < m && xSorted[i] === v) {
      i++;
      a++;
    }
    let b = 0;
    while (j < n && ySorted[j] === v) {
      j++;
      b++;
    }
    const t = a + b;
    const mid = pos + (t + 1) / 2;
    rankSumX += a * mid;
    tie += (t - 1) * t * (t + 1);
    groups++;
    if (withGroups) {
      groupSizes.push(t);
      groupCountsX.push(a);
    }
    pos += t;
  }
  const total = pos * (pos + 1) / 2;
  return { nX: m, nY: n, rankSumX, rankSumY: total - rankSumX, tieTerm: tie, hasTies: groups < pos, groupSizes, groupCountsX };
}
function twoSampleRanks(x, y, withGroups = false) {
  return twoSampleRanksSorted(sortedCopy(x, "x"), sortedCopy(y, "y"), withGroups);
}

// src/stats/quantile.ts
function checkValues(values, what) {
  if (values.length === 0) throw new RangeError(`${what}: no values (callers must handle empty windows)`);
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) throw new RangeError(`${what}: value at index ${i} is NaN (filter NaN before computing quantiles)`);
  }
}
function checkProbability(p) {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile probability must be in [0, 1], got ${p}`);
}
function sortAscending(values) {
  return sortFloat64(Float64Array.from(values));
}
function quantileSorted(sorted, p) {
  checkValues(sorted, "quantileSorted");
  checkProbability(p);
  return interpolate(sorted, p);
}
function interpolate(sorted, p) {
  const n = sorted.length;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const frac = h - lo;
  const a = sorted[lo];
  if (frac === 0 || lo + 1 >= n) return a;
  const b = sorted[lo + 1];
  if (a === b) return a;
  const spread = b - a;
  if (spread === Infinity && Number.isFinite(a) && Number.isFinite(b)) return (1 - frac) * a + frac * b;
  return a + frac * spread;
}
function quantile(values, p) {
  checkValues(values, "quantile");
  checkProbability(p);
  return interpolate(sortAscending(values), p);
}
function quantiles(values, ps) {
  checkValues(values, "quantiles");
  ps.forEach(checkProbability);
  const sorted = sortAscending(values);
  return ps.map((p) => interpolate(sorted, p));
}
function median(values) {
  return quantile(values, 0.5);
}
function iqr(values) {
  const [q1, q3] = quantiles(values, [0.25, 0.75]);
  return q3 - q1;
}

// src/stats/robust.ts
var MAD_NORMAL_CONSTANT = 1.4826;
function checkNoNaN(values, what) {
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) throw new RangeError(`${what}: value at index ${i} is NaN (filter NaN first)`);
  }
}
function medianOfSorted(sorted) {
  const n = sorted.length;
  const mid = Math.floor((n - 1) / 2);
  return n % 2 === 1 ? sorted[mid] : (sorted[mid] + sorted[mid + 1]) / 2;
}
function mad(values, options = {}) {
  if (values.length === 0) throw new RangeError("mad: no values");
  checkNoNaN(values, "mad");
  const m = medianOfSorted(sortAscending(values));
  const raw = medianOfSorted(sortAscending(values.map((v) => Math.abs(v - m))));
  return options.normalConsistent ? MAD_NORMAL_CONSTANT * raw : raw;
}
function applyFences(values, lowerFence, upperFence) {
  const kept = values.filter((v) => !(v < lowerFence || v > upperFence));
  return { kept, removed: values.length - kept.length, lowerFence, upperFence };
}
function removeOutliersIqr(values, factor = 3) {
  if (!(factor >= 0)) throw new RangeError(`removeOutliersIqr: factor must be \u2265 0, got ${factor}`);
  checkNoNaN(values, "removeOutliersIqr");
  if (values.length === 0) return { kept: [], removed: 0, lowerFence: NaN, upperFence: NaN };
  const [p1, q1, q3, p99] = quantiles(values, [0.01, 0.25, 0.75, 0.99]);
  const spread = q3 - q1;
  return applyFences(values, Math.min(p1, q1 - factor * spread), Math.max(p99, q3 + factor * spread));
}
function removeOutliersMad(values, k = 3.5) {
  if (!(k > 0)) throw new RangeError(`removeOutliersMad: k must be > 0, got ${k}`);
  checkNoNaN(values, "removeOutliersMad");
  if (values.length === 0) return { kept: [], removed: 0, lowerFence: NaN, upperFence: NaN };
  const m = medianOfSorted(sortAscending(values));
  const scale = mad(values, { normalConsistent: true });
  if (scale === 0) return { kept: [...values], removed: 0, lowerFence: -Infinity, upperFence: Infinity };
  return applyFences(values, m - k * scale, m + k * scale);
}

// src/stats/multiple-testing.ts
function adjustPValues(p, method, options = {}) {
  const idx = [];
  p.forEach((v, i) => {
    if (Number.isNaN(v)) return;
    if (!(v >= 0 && v <= 1)) throw new RangeError(`adjustPValues: p-value at index ${i} is outside [0, 1]: ${v}`);
    idx.push(i);
  });
  const lp = idx.length;
  const n = options.n ?? lp;
  if (!(Number.isInteger(n) && n >= lp)) throw new RangeError(`adjustPValues: n must be an integer \u2265 ${lp}, got ${n}`);
  const out = p.map((v) => Number.isNaN(v) ? NaN : v);
  if (lp === 0 || method === "none") return out;
  const val = (i) => p[i];
  switch (method) {
    case "bonferroni":
      for (const i of idx) out[i] = Math.min(1, n * val(i));
      return out;
    case "holm": {
      const o = [...idx].sort((a, b) => val(a) - val(b));
      let running = -Infinity;
      o.forEach((i, k) => {
        running = Math.max(running, (n - k) * val(i));
        out[i] = Math.min(1, running);
      });
      return out;
    }
    case "hochberg":
    case "BH":
    case "BY": {
      const o = [...idx].sort((a, b) => val(b) - val(a));
      let q = 1;
      if (method === "BY") {
        q = 0;
        for (let k = 1; k <= n; k++) q += 1 / k;
      }
      let running = Infinity;
      o.forEach((j, k) => {
        const rank = lp - k;
        const adj = method === "hochberg" ? (n + 1 - rank) * val(j) : method === "BH" ? n / rank * val(j) : q * n / rank * val(j);
        running = Math.min(running, adj);
        out[j] = Math.min(1, running);
      });
      return out;
    }
    default: {
      const never = method;
      throw new RangeError(`adjustPValues: unknown method ${String(never)}`);
    }
  }
}

// src/stats/mann-whitney.ts
var EXACT_MAX_CELLS = 2e7;
var EXACT_MAX_WORK = 1e9;
var EXACT_SAMPLE_LIMIT = 50;
function doubledUCounts(groupSizes, k) {
  let total = 0;
  for (const t of groupSizes) total += t;
  const width = 2 * k * (total - k) + 1;
  const steps = total * (k + 1) * width / 3;
  if ((k + 1) * width > EXACT_MAX_CELLS || steps > EXACT_MAX_WORK) return null;
  const dp = new Float64Array((k + 1) * width);
  dp[0] = 1;
  let before = 0;
  for (const t of groupSizes) {
    for (let j = Math.min(k, before); j >= 0; j--) {
      const srcMax = 2 * j * (before - j);
      const src = j * width;
      const cMax = Math.min(t, k - j);
      let binom = 1;
      for (let c = 1; c <= cMax; c++) {
        binom = binom * (t - c + 1) / c;
        const dst = (j + c) * width + c * (2 * (before - j) + t - c);
        for (let s = 0; s <= srcMax; s++) {
          const v = dp[src + s];
          if (v !== 0) dp[dst + s] += binom * v;
        }
      }
    }
    before += t;
  }
  const out = dp.subarray(k * width, (k + 1) * width);
  for (let v = 0; v < out.length; v++) if (!Number.isFinite(out[v])) return null;
  return out;
}
function canaryDoubledUCounts(groupSizes, m, n) {
  const counts = doubledUCounts(groupSizes, Math.min(m, n));
  if (counts === null) return null;
  if (m <= n) return counts;
  return Float64Array.from(counts).reverse();
}
var wilcoxCache = /* @__PURE__ */ new Map();
function wilcoxCounts(m, n) {
  if (!Number.isInteger(m) || !Number.isInteger(n) || m < 0 || n < 0) throw new RangeError(`wilcoxCounts: sizes must be non-negative integers, got ${m}, ${n}`);
  const key = `${m},${n}`;
  const hit = wilcoxCache.get(key);
  if (hit) return hit;
  const doubled = canaryDoubledUCounts(new Array(m + n).fill(1), m, n);
  if (doubled === null) throw new RangeError(`wilcoxCounts: exact distribution for m=${m}, n=${n} is over the computation budget`);
  const counts = new Float64Array(m * n + 1);
  for (let u = 0; u <= m * n; u++) counts[u] = doubled[2 * u];
  if (wilcoxCache.size >= 16) wilcoxCache.delete(wilcoxCache.keys().next().value);
  wilcoxCache.set(key, counts);
  return counts;
}
function pwilcox(q, m, n, lowerTail = true) {
  const counts = wilcoxCounts(m, n);
  const mn = m * n;
  const k = Math.floor(q + 1e-7);
  if (k < 0) return lowerTail ? 0 : 1;
  if (k >= mn) return lowerTail ? 1 : 0;
  let low = 0;
  for (let u = 0; u <= k; u++) low += counts[u];
  let high = 0;
  for (let u = k + 1; u <= mn; u++) high += counts[u];
  return (lowerTail ? low : high) / (low + high);
}
function qwilcox(p, m, n) {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`qwilcox: p must be in [0, 1], got ${p}`);
  const mn = m * n;
  if (p === 0) return 0;
  if (p === 1) return mn;
  const counts = wilcoxCounts(m, n);
  let total = 0;
  for (let u = 0; u <= mn; u++) total += counts[u];
  let acc = 0;
  if (p <= 0.5) {
    const x2 = p - 10 * Number.EPSILON;
    for (let q = 0; ; q++) {
      acc += counts[q] / total;
      if (acc >= x2 || q >= mn) return q;
    }
  }
  const x = 1 - p + 10 * Number.EPSILON;
  for (let q = 0; ; q++) {
    acc += counts[q] / total;
    if (acc > x || q >= mn) return mn - q;
  }
}
function normalP(z, alternative) {
  if (alternative === "less") return normalCdf(z);
  if (alternative === "greater") return normalSf(z);
  return Math.min(1, 2 * Math.min(normalCdf(z), normalSf(z)));
}
function mannWhitney(canary, baseline, options = {}) {
  return mannWhitneySorted(sortedCopy(canary, "mannWhitney canary"), sortedCopy(baseline, "mannWhitney baseline"), options);
}
function mannWhitneySorted(canarySorted, baselineSorted, options = {}) {
  const needsGroups = mannWhitneyNeedsGroups(canarySorted.length, baselineSorted.length, options);
  return mannWhitneyFromRanks(twoSampleRanksSorted(canarySorted, baselineSorted, needsGroups), options);
}
function mannWhitneyNeedsGroups(m, n, options = {}) {
  const requested = options.method ?? "auto";
  return requested === "exact" || requested === "auto" && m < EXACT_SAMPLE_LIMIT && n < EXACT_SAMPLE_LIMIT;
}
function mannWhitneyFromRanks(r, options = {}) {
  const alternative = options.alternative ?? "two-sided";
  const correct = options.correct ?? true;
  const m = r.nX;
  const n = r.nY;
  const wantExactAtAll = mannWhitneyNeedsGroups(m, n, options);
  const mn = m * n;
  const uCanary = r.rankSumX - m * (m + 1) / 2;
  const base = {
    nCanary: m,
    nBaseline: n,
    uCanary,
    uBaseline: mn - uCanary,
    rankSumCanary: r.rankSumX,
    rankSumBaseline: r.rankSumY,
    hasTies: r.hasTies,
    tieTerm: r.tieTerm,
    meanU: mn / 2,
    alternative
  };
  if (m === 0 || n === 0) {
    return {
      ...base,
      sigmaU: 0,
      z: null,
      p: 1,
      method: "none",
      continuityCorrection: false,
      auc: 0.5,
      degenerate: "empty-sample",
      note: `${m === 0 ? "canary" : "baseline"} sample is empty: no test possible, p = 1 (no evidence)`
    };
  }
  const N = m + n;
  const sigmaU = Math.sqrt(mn / 12 * (N + 1 - r.tieTerm / (N * (N - 1))));
  const auc = uCanary / mn;
  if (!(sigmaU > 0)) {
    return {
      ...base,
      sigmaU: 0,
      z: null,
      p: 1,
      method: "none",
      continuityCorrection: false,
      auc,
      degenerate: "all-tied",
      note: "all values are tied: the null variance of U is 0 (R returns NaN); p = 1 (no evidence)"
    };
  }
  const dz = uCanary - mn / 2;
  const correction = !correct ? 0 : alternative === "two-sided" ? Math.sign(dz) * 0.5 : alternative === "greater" ? 0.5 : -0.5;
  const z = (dz - correction) / sigmaU;
  let note = null;
  if (wantExactAtAll) {
    const counts = canaryDoubledUCounts(r.groupSizes, m, n);
    if (counts !== null) {
      const p = exactP(counts, 2 * uCanary, mn, alternative, r.hasTies);
      return { ...base, sigmaU, z, p, method: r.hasTies ? "exact-conditional" : "exact", continuityCorrection: false, auc, degenerate: null, note: null };
    }
    note = `exact distribution for m=${m}, n=${n} is over the computation budget; used the normal approximation`;
  }
  return { ...base, sigmaU, z, p: normalP(z, alternative), method: "asymptotic", continuityCorrection: correct, auc, degenerate: null, note };
}
function exactP(counts, obs2, mn, alternative, ties) {
  let lower = 0;
  let upper = 0;
  let total = 0;
  let far = 0;
  const dev = Math.abs(obs2 - mn);
  for (let v = 0; v < counts.length; v++) {
    const c = counts[v];
    total += c;
    if (v <= obs2) lower += c;
    if (v >= obs2) upper += c;
    if (Math.abs(v - mn) >= dev) far += c;
  }
  const pLower = Math.min(1, lower / total);
  const pUpper = Math.min(1, upper / total);
  if (alternative === "less") return pLower;
  if (alternative === "greater") return pUpper;
  if (ties) return Math.min(1, far / total);
  return Math.min(1, 2 * (obs2 > mn ? pUpper : pLower));
}

// src/stats/seeded-random.ts
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}

// src/stats/pairwise-differences.ts
var SELECT_SEED = 625341585;
function quickselect(a, k, rand) {
  let left = 0;
  let right = a.length - 1;
  while (right > left) {
    const pivot = a[left + Math.floor(rand() * (right - left + 1))];
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}
function selectOrderStatistics(a, idx, rand) {
  const stack = [0, a.length - 1, 0, idx.length];
  while (stack.length > 0) {
    const i1 = stack.pop();
    let i0 = stack.pop();
    const right = stack.pop();
    let left = stack.pop();
    while (i0 < i1 && right > left) {
      const pivot = a[left + Math.floor(rand() * (right - left + 1))];
      let i = left;
      let j = right;
      while (i <= j) {
        while (a[i] < pivot) i++;
        while (a[j] > pivot) j--;
        if (i <= j) {
          const t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      let m1 = i0;
      while (m1 < i1 && idx[m1] <= j) m1++;
      let m2 = m1;
      while (m2 < i1 && idx[m2] < i) m2++;
      if (m1 > i0) stack.push(left, j, i0, m1);
      left = i;
      i0 = m2;
    }
  }
}
function weightedSelect(vals, wts, len, rank, rand) {
  let left = 0;
  let right = len;
  let k = rank;
  for (; ; ) {
    if (right - left <= 16) {
      for (let i2 = left + 1; i2 < right; i2++) {
        const v = vals[i2];
        const w = wts[i2];
        let j = i2 - 1;
        while (j >= left && vals[j] > v) {
          vals[j + 1] = vals[j];
          wts[j + 1] = wts[j];
          j--;
        }
        vals[j + 1] = v;
        wts[j + 1] = w;
      }
      for (let i2 = left; i2 < right; i2++) {
        k -= wts[i2];
        if (k <= 0) return vals[i2];
      }
      return vals[right - 1];
    }
    const pivot = vals[left + Math.floor(rand() * (right - left))];
    let lt = left;
    let i = left;
    let gt = right - 1;
    let wLess = 0;
    let wEqual = 0;
    while (i <= gt) {
      const v = vals[i];
      if (v < pivot) {
        const w = wts[i];
        vals[i] = vals[lt];
        wts[i] = wts[lt];
        vals[lt] = v;
        wts[lt] = w;
        wLess += w;
        lt++;
        i++;
      } else if (v > pivot) {
        const w = wts[i];
        vals[i] = vals[gt];
        wts[i] = wts[gt];
        vals[gt] = v;
        wts[gt] = w;
        gt--;
      } else {
        wEqual += wts[i];
        i++;
      }
    }
    if (k <= wLess) right = lt;
    else if (k <= wLess + wEqual) return pivot;
    else {
      k -= wLess + wEqual;
      left = gt + 1;
    }
  }
}
var bitsView = new DataView(new ArrayBuffer(8));
function nextDown(t) {
  if (t !== t || t === -Infinity) return t;
  if (t === 0) return -Number.MIN_VALUE;
  bitsView.setFloat64(0, t);
  let hi = bitsView.getUint32(0);
  let lo = bitsView.getUint32(4);
  if (t > 0) {
    if (lo === 0) {
      hi--;
      lo = 4294967295;
    } else lo--;
  } else if (lo === 4294967295) {
    hi++;
    lo = 0;
  } else lo++;
  bitsView.setUint32(0, hi);
  bitsView.setUint32(4, lo);
  return bitsView.getFloat64(0);
}
function nextUp(t) {
  return -nextDown(-t);
}
function runLengths(a, negate, pad, length) {
  if (length === a.length && !negate && pad === 0) return { values: a, counts: null };
  const values = new Float64Array(length + 2 * pad);
  if (length === a.length) {
    if (negate) negatedReversed(a, values, pad);
    else values.set(a, pad);
    return { values, counts: null };
  }
  const counts = new Float64Array(length);
  if (negate) fillRunsNegated(a, values, counts, pad);
  else fillRuns(a, values, counts, pad);
  return { values, counts };
}
function countRuns(a) {
  let length = a.length > 0 ? 1 : 0;
  for (let i = 1; i < a.length; i++) length += +(a[i] !== a[i - 1]);
  return length;
}
function negatedReversed(a, out, pad) {
  const n = a.length;
  for (let i = 0; i < n; i++) out[pad + i] = -a[n - 1 - i];
}
function fillRuns(a, values, counts, pad) {
  let r = 0;
  let start = 0;
  for (let i = 1; i <= a.length; i++) {
    if (i === a.length || a[i] !== a[start]) {
      values[pad + r] = a[start];
      counts[r] = i - start;
      r++;
      start = i;
    }
  }
}
function fillRunsNegated(a, values, counts, pad) {
  let r = counts.length - 1;
  let start = 0;
  for (let i = 1; i <= a.length; i++) {
    if (i === a.length || a[i] !== a[start]) {
      values[pad + r] = -a[start];
      counts[r] = i - start;
      r--;
      start = i;
    }
  }
}
function prefixSums(counts, out) {
  let sum = 0;
  for (let c = 0; c < counts.length; c++) {
    out[c] = sum;
    sum += counts[c];
  }
  out[counts.length] = sum;
}
var kernelCells = 0;
var bracketCellsLow = 0;
var bracketCellsHigh = 0;
var bracketTotalHigh = 0;
var bracketFound = 0;
function staircaseUnit(P, Qp, t, h, c0, c1, out) {
  const rows1 = P.length - h;
  let cells = 0;
  for (let i = 0; i < rows1; i++) {
    if (i < h) {
      const p0 = P[i];
      let s0;
      do {
        const b = KSTEP + c0;
        s0 = +(p0 + Qp[b - 1] > t) + +(p0 + Qp[b - 2] > t) + +(p0 + Qp[b - 3] > t) + +(p0 + Qp[b - 4] > t);
        c0 -= s0;
      } while (s0 === 4);
      out[i] = c0;
      cells += c0;
    }
    const r1 = h + i;
    const p1 = P[r1];
    let s1;
    do {
      const b = KSTEP + c1;
      s1 = +(p1 + Qp[b - 1] > t) + +(p1 + Qp[b - 2] > t) + +(p1 + Qp[b - 3] > t) + +(p1 + Qp[b - 4] > t);
      c1 -= s1;
    } while (s1 === 4);
    out[r1] = c1;
    cells += c1;
  }
  return cells;
}
function staircaseWeighted(P, W, Qp, Ccum, t, h, c0, c1, out) {
  const rows1 = P.length - h;
  let cells = 0;
  let total = 0;
  for (let i = 0; i < rows1; i++) {
    if (i < h) {
      const p0 = P[i];
      let s0;
      do {
        const b = KSTEP + c0;
        s0 = +(p0 + Qp[b - 1] > t) + +(p0 + Qp[b - 2] > t) + +(p0 + Qp[b - 3] > t) + +(p0 + Qp[b - 4] > t);
        c0 -= s0;
      } while (s0 === 4);
      out[i] = c0;
      cells += c0;
      total += W[i] * Ccum[c0];
    }
    const r1 = h + i;
    const p1 = P[r1];
    let s1;
    do {
      const b = KSTEP + c1;
      s1 = +(p1 + Qp[b - 1] > t) + +(p1 + Qp[b - 2] > t) + +(p1 + Qp[b - 3] > t) + +(p1 + Qp[b - 4] > t);
      c1 -= s1;
    } while (s1 === 4);
    out[r1] = c1;
    cells += c1;
    total += W[r1] * Ccum[c1];
  }
  kernelCells = cells;
  return total;
}
function bracketUnit(P, Qp, tLow, tHigh, h, c0, c1, vals, capacity) {
  const rows1 = P.length - h;
  let low = 0;
  let high = 0;
  let w = 0;
  for (let i = 0; i < rows1; i++) {
    if (i < h) {
      const p0 = P[i];
      let s0;
      do {
        const b = KSTEP + c0;
        s0 = +(p0 + Qp[b - 1] > tLow) + +(p0 + Qp[b - 2] > tLow) + +(p0 + Qp[b - 3] > tLow) + +(p0 + Qp[b - 4] > tLow);
        c0 -= s0;
      } while (s0 === 4);
      let e0 = c0;
      do {
        const b = KSTEP + e0;
        const v0 = p0 + Qp[b];
        const v1 = p0 + Qp[b + 1];
        const v2 = p0 + Qp[b + 2];
        const v3 = p0 + Qp[b + 3];
        s0 = +(v0 <= tHigh) + +(v1 <= tHigh) + +(v2 <= tHigh) + +(v3 <= tHigh);
        if (w < capacity) {
          vals[w] = v0;
          vals[w + 1] = v1;
          vals[w + 2] = v2;
          vals[w + 3] = v3;
        }
        w += s0;
        e0 += s0;
      } while (s0 === 4);
      low += c0;
      high += e0;
    }
    const p1 = P[h + i];
    let s1;
    do {
      const b = KSTEP + c1;
      s1 = +(p1 + Qp[b - 1] > tLow) + +(p1 + Qp[b - 2] > tLow) + +(p1 + Qp[b - 3] > tLow) + +(p1 + Qp[b - 4] > tLow);
      c1 -= s1;
    } while (s1 === 4);
    let e1 = c1;
    do {
      const b = KSTEP + e1;
      const v0 = p1 + Qp[b];
      const v1 = p1 + Qp[b + 1];
      const v2 = p1 + Qp[b + 2];
      const v3 = p1 + Qp[b + 3];
      s1 = +(v0 <= tHigh) + +(v1 <= tHigh) + +(v2 <= tHigh) + +(v3 <= tHigh);
      if (w < capacity) {
        vals[w] = v0;
        vals[w + 1] = v1;
        vals[w + 2] = v2;
        vals[w + 3] = v3;
      }
      w += s1;
      e1 += s1;
    } while (s1 === 4);
    low += c1;
    high += e1;
  }
  bracketCellsLow = low;
  bracketCellsHigh = high;
  bracketTotalHigh = high;
  bracketFound = w;
  return low;
}
function bracketWeighted(P, W, Qp, Ccum, colW, tLow, tHigh, h, c0, c1, vals, wts, colWeights, capacity) {
  const rows1 = P.length - h;
  let low = 0;
  let high = 0;
  let totalLow = 0;
  let totalHigh = 0;
  let w = 0;
  for (let i = 0; i < rows1; i++) {
    if (i < h) {
      const p0 = P[i];
      const w0 = W[i];
      let s0;
      do {
        const b = KSTEP + c0;
        s0 = +(p0 + Qp[b - 1] > tLow) + +(p0 + Qp[b - 2] > tLow) + +(p0 + Qp[b - 3] > tLow) + +(p0 + Qp[b - 4] > tLow);
        c0 -= s0;
      } while (s0 === 4);
      let e0 = c0;
      do {
        const b = KSTEP + e0;
        const v0 = p0 + Qp[b];
        const v1 = p0 + Qp[b + 1];
        const v2 = p0 + Qp[b + 2];
        const v3 = p0 + Qp[b + 3];
        s0 = +(v0 <= tHigh) + +(v1 <= tHigh) + +(v2 <= tHigh) + +(v3 <= tHigh);
        if (w < capacity) {
          vals[w] = v0;
          vals[w + 1] = v1;
          vals[w + 2] = v2;
          vals[w + 3] = v3;
          colWeights[w] = colW[b];
          colWeights[w + 1] = colW[b + 1];
          colWeights[w + 2] = colW[b + 2];
          colWeights[w + 3] = colW[b + 3];
          wts[w] = w0 * colW[b];
          wts[w + 1] = w0 * colW[b + 1];
          wts[w + 2] = w0 * colW[b + 2];
          wts[w + 3] = w0 * colW[b + 3];
        }
        w += s0;
        e0 += s0;
      } while (s0 === 4);
      low += c0;
      high += e0;
      totalLow += w0 * Ccum[c0];
      totalHigh += w0 * Ccum[e0];
    }
    const p1 = P[h + i];
    const w1 = W[h + i];
    let s1;
    do {
      const b = KSTEP + c1;
      s1 = +(p1 + Qp[b - 1] > tLow) + +(p1 + Qp[b - 2] > tLow) + +(p1 + Qp[b - 3] > tLow) + +(p1 + Qp[b - 4] > tLow);
      c1 -= s1;
    } while (s1 === 4);
    let e1 = c1;
    do {
      const b = KSTEP + e1;
      const v0 = p1 + Qp[b];
      const v1 = p1 + Qp[b + 1];
      const v2 = p1 + Qp[b + 2];
      const v3 = p1 + Qp[b + 3];
      s1 = +(v0 <= tHigh) + +(v1 <= tHigh) + +(v2 <= tHigh) + +(v3 <= tHigh);
      if (w < capacity) {
        vals[w] = v0;
        vals[w + 1] = v1;
        vals[w + 2] = v2;
        vals[w + 3] = v3;
        colWeights[w] = colW[b];
        colWeights[w + 1] = colW[b + 1];
        colWeights[w + 2] = colW[b + 2];
        colWeights[w + 3] = colW[b + 3];
        wts[w] = w1 * colW[b];
        wts[w + 1] = w1 * colW[b + 1];
        wts[w + 2] = w1 * colW[b + 2];
        wts[w + 3] = w1 * colW[b + 3];
      }
      w += s1;
      e1 += s1;
    } while (s1 === 4);
    low += c1;
    high += e1;
    totalLow += w1 * Ccum[c1];
    totalHigh += w1 * Ccum[e1];
  }
  bracketCellsLow = low;
  bracketCellsHigh = high;
  bracketTotalHigh = totalHigh;
  bracketFound = w;
  return totalLow;
}
function commonTieTerm(wts, cols, size) {
  let sum = 0;
  for (let i = 0; i < size; i++) {
    const v = cols[i];
    const w = wts[i] / v;
    sum += 3 * w * v * (w + v);
  }
  return sum;
}
function runTieTerm(counts) {
  let sum = 0;
  for (let i = 0; i < counts.length; i++) {
    const w = counts[i];
    sum += (w - 1) * w * (w + 1);
  }
  return sum;
}
function sampleUnitBand(P, lo, hi, weight, other, negated, rand, out) {
  const size = out.length;
  const last = other.length - 1;
  const step = weight / size;
  let s = 0;
  let next = Math.floor(rand() * step);
  let acc = 0;
  for (let r = 0; r < P.length && s < size; r++) {
    const base = lo[r];
    const end = acc + (hi[r] - base);
    while (next < end && s < size) {
      const e = base + (next - acc);
      out[s++] = negated ? P[r] - other[last - e] : P[r] + other[e];
      next = Math.floor((s + rand()) * step);
    }
    acc = end;
  }
  return s;
}
function sampleWeightedBand(P, W, Ccum, lo, hi, weight, other, negated, rand, out) {
  const size = out.length;
  const last = other.length - 1;
  const step = weight / size;
  let s = 0;
  let next = Math.floor(rand() * step);
  let acc = 0;
  for (let r = 0; r < P.length && s < size; r++) {
    const base = Ccum[lo[r]];
    const w = W[r];
    const end = acc + w * (Ccum[hi[r]] - base);
    while (next < end && s < size) {
      const e = base + Math.floor((next - acc) / w);
      out[s++] = negated ? P[r] - other[last - e] : P[r] + other[e];
      next = Math.floor((s + rand()) * step);
    }
    acc = end;
  }
  return s;
}
var KSTEP = 4;
var selectionTuning = { sampleOpen: 2048, sampleBand: 8192, enumerateMax: 65536 };
var BRACKET_Z = 3;
var STALL_FACTOR = 0.5;
var INTERPOLATION_GAIN = 16;
var MIN_MARGIN = 64;
var MARGIN_Z = 3;
var SCAN_PER_ROW = 4;
function interpolateThreshold(points, k, origin) {
  let sum = 0;
  const x = k - origin;
  for (let i = 0; i < points.length; i++) {
    let l = 1;
    const xi = points[i].total - origin;
    for (let j = 0; j < points.length; j++) {
      if (j === i) continue;
      const xj = points[j].total - origin;
      l *= (x - xj) / (xi - xj);
    }
    sum += l * points[i].t;
  }
  return sum;
}
var DifferenceGrid = class {
  m;
  n;
  mn;
  /** Rows and columns (runs). */
  R;
  C;
  P;
  /** Row weights (run lengths); null for a unit grid (no ties on either side: no weights kept or used). */
  W;
  /** KSTEP × −∞, the C column values, KSTEP × +∞. */
  Qp;
  /** Column weights indexed like Qp (0 in the padding), and Ccum[c] = Σ of those before column c; null for a unit grid. */
  colW;
  Ccum;
  xs;
  ys;
  rowsAreCanary;
  /** Cells at the threshold of the last count. */
  lastCells = 0;
  /** Counts kept between selections (sorted by t; without the ±∞ ends). */
  known = [];
  bottomCount = null;
  topCount = null;
  negativeZeroPairs = -1;
  belowZero = -1;
  /** Per-row count arrays no longer needed, for reuse. */
  spare = [];
  constructor(xs, ys) {
    this.xs = xs;
    this.ys = ys;
    this.m = xs.length;
    this.n = ys.length;
    this.mn = this.m * this.n;
    const xRuns = countRuns(xs);
    const yRuns = countRuns(ys);
    this.rowsAreCanary = xRuns >= yRuns;
    this.R = this.rowsAreCanary ? xRuns : yRuns;
    this.C = this.rowsAreCanary ? yRuns : xRuns;
    const rows = this.rowsAreCanary ? runLengths(xs, false, 0, xRuns) : runLengths(ys, true, 0, yRuns);
    const cols = this.rowsAreCanary ? runLengths(ys, true, KSTEP, yRuns) : runLengths(xs, false, KSTEP, xRuns);
    this.P = rows.values;
    this.Qp = cols.values;
    this.Qp.fill(-Infinity, 0, KSTEP);
    this.Qp.fill(Infinity, KSTEP + this.C);
    if (rows.counts === null && cols.counts === null) {
      this.W = this.colW = this.Ccum = null;
    } else {
      this.W = rows.counts ?? new Float64Array(this.R).fill(1);
      const colCounts = cols.counts ?? new Float64Array(this.C).fill(1);
      this.colW = new Float64Array(this.C + 2 * KSTEP);
      this.colW.set(colCounts, KSTEP);
      this.Ccum = new Float64Array(this.C + 1);
      prefixSums(colCounts, this.Ccum);
    }
  }
  /** Grid columns of row r with D ≤ t (binary search). */
  rowLeq(r, t) {
    const p = this.P[r];
    const Qp = this.Qp;
    let lo = 0;
    let hi = this.C;
    while (lo < hi) {
      const mid = lo + hi >>> 1;
      if (p + Qp[KSTEP + mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  /**
   * #{D ≤ t}; out[r] = grid columns of row r with D ≤ t; the cells in lastCells. The staircase
   * walk from the top right, as two interleaved independent walks (rows [0, R/2) and [R/2, R))
   * whose steps are sums of comparisons rather than branches, so it is bound by neither
   * mispredictions nor one dependency chain. O(R + C).
   */
  countLeq(t, out) {
    const h = this.R >> 1;
    const c1 = this.R > 0 ? this.rowLeq(h, t) : 0;
    if (this.W === null) {
      this.lastCells = staircaseUnit(this.P, this.Qp, t, h, this.C, c1, out);
      return this.lastCells;
    }
    const total = staircaseWeighted(this.P, this.W, this.Qp, this.Ccum, t, h, this.C, c1, out);
    this.lastCells = kernelCells;
    return total;
  }
  bottom() {
    this.bottomCount ??= { t: -Infinity, total: 0, cells: 0, leq: null, band: null };
    return this.bottomCount;
  }
  top() {
    this.topCount ??= { t: Infinity, total: this.mn, cells: this.R * this.C, leq: null, band: null };
    return this.topCount;
  }
  /** The per-row counts of a count (made for the ±∞ ends, recounted for the others). */
  rowsOf(point) {
    if (point.leq === null) {
      if (point.t === -Infinity) point.leq = new Int32Array(this.R);
      else if (point.t === Infinity) point.leq = new Int32Array(this.R).fill(this.C);
      else {
        point.leq = this.spare.pop() ?? new Int32Array(this.R);
        this.countLeq(point.t, point.leq);
      }
    }
    return point.leq;
  }
  /** The count at t among `points` (sorted, ±∞ ends included), made now unless known. */
  countAt(points, t) {
    let j = 0;
    while (points[j + 1].t < t) j++;
    if (points[j + 1].t === t) return points[j + 1];
    if (points[j].t === t) return points[j];
    const scratch = this.spare.pop() ?? new Int32Array(this.R);
    const total = this.countLeq(t, scratch);
    this.spare.push(scratch);
    const point = { t, total, cells: this.lastCells, leq: null, band: null };
    points.splice(j + 1, 0, point);
    return point;
  }
  /**
   * The counts at both ends of (low, high] (low < high) in one bracket pass — the staircase at
   * low, each row scanned up to high — keeping the cells in between when at most about
   * 1.5·between (the expected number); or two plain counts when more than a few per row are
   * expected. Returns the two counts.
   */
  countBracket(points, low, high, between) {
    if (!(between <= SCAN_PER_ROW * this.R + selectionTuning.enumerateMax)) return [this.countAt(points, low), this.countAt(points, high)];
    const capacity = Math.min(Math.ceil(1.5 * between) + 1024, 16 * selectionTuning.enumerateMax);
    const { R, C, P, Qp } = this;
    const h = R >> 1;
    const c1 = R > 0 ? this.rowLeq(h, low) : 0;
    const tHigh = Math.min(high, Number.MAX_VALUE);
    const vals = new Float64Array(capacity + 4);
    let wts = null;
    let colWeights = null;
    let totalLow;
    if (this.W === null) totalLow = bracketUnit(P, Qp, low, tHigh, h, C, c1, vals, capacity);
    else {
      wts = new Float64Array(capacity + 4);
      colWeights = new Float64Array(capacity + 4);
      totalLow = bracketWeighted(P, this.W, Qp, this.Ccum, this.colW, low, tHigh, h, C, c1, vals, wts, colWeights, capacity);
    }
    const lowPoint = this.insert(points, { t: low, total: totalLow, cells: bracketCellsLow, leq: null, band: null });
    const highPoint = this.insert(points, { t: high, total: bracketTotalHigh, cells: bracketCellsHigh, leq: null, band: null });
    if (bracketFound <= capacity && (highPoint.band === null || highPoint.band.low.t < low)) {
      highPoint.band = { low: lowPoint, vals, wts, cols: colWeights, size: bracketFound };
    }
    return [lowPoint, highPoint];
  }
  /** `point` placed among `points` (sorted by t), or the count already there at its t. */
  insert(points, point) {
    let j = 0;
    while (points[j + 1].t < point.t) j++;
    if (points[j + 1].t === point.t) return points[j + 1];
    if (points[j].t === point.t) return points[j];
    points.splice(j + 1, 0, point);
    return point;
  }
  /** `size` values of the grid at stratified random positions (by canary index). */
  sampleAll(size, rand) {
    const { xs, ys, m, n } = this;
    const out = new Float64Array(size);
    const step = m / size;
    for (let s = 0; s < size; s++) {
      const i = Math.min(m - 1, Math.floor((s + rand()) * step));
      out[s] = xs[i] - ys[Math.floor(rand() * n)];
    }
    return out;
  }
  /**
   * About `size` differences drawn from the band between two counts (each cell as often as it
   * stands for), at stratified random positions: one O(R) walk — or, for a band holding most
   * differences, a sample of all of them less those outside.
   */
  sampleBand(lo, hi, size, rand) {
    const weight = hi.total - lo.total;
    if (weight * 4 >= this.mn) {
      const all = this.sampleAll(Math.ceil(size * this.mn / weight), rand);
      let w = 0;
      for (const v of all) if (v > lo.t && v <= hi.t) all[w++] = v;
      return all.subarray(0, w);
    }
    const out = new Float64Array(size);
    const from = this.rowsOf(lo);
    const to = this.rowsOf(hi);
    const other = this.rowsAreCanary ? this.ys : this.xs;
    const count = this.W === null ? sampleUnitBand(this.P, from, to, weight, other, this.rowsAreCanary, rand, out) : sampleWeightedBand(this.P, this.W, this.Ccum, from, to, weight, other, this.rowsAreCanary, rand, out);
    return out.subarray(0, count);
  }
  /** The value of rank `rank` (1-based) among the cells of a band. */
  selectInBand(band, rank, rand) {
    if (band.wts === null) {
      const vals = band.vals.subarray(0, band.size);
      quickselect(vals, rank - 1, rand);
      return vals[rank - 1];
    }
    return weightedSelect(band.vals, band.wts, band.size, rank, rand);
  }
  /**
   * D_(k) for every k of `ks` (1-based, valid), sharing the work. Each round brackets every
   * unresolved rank k between the two nearest exact counts, lo.total < k ≤ hi.total, and
   * - resolves it when (lo.t, hi.t] holds one double, or selects among the cells of the bracket
   *   when a bracket pass found them, or makes that pass when the bracket holds few cells;
   * - else, while the bracket is open at ±∞ (or interpolation stopped paying off), counts at
   *   quantiles of a sample of the band: the sample rank of k ± BRACKET_Z binomial sd (intervals
   *   of neighbouring ranks merged), and at k's own sample quantile while the end is open, to
   *   leave exact points for the interpolation;
   * - else interpolates t(k) through the nearest exact counts (quadratic; its distance to the
   *   cubic through one more says how far off it may be) and makes a bracket pass over
   *   t(k ∓ margin): on smooth data that bracket holds k and a few thousand differences, found in
   *   the same pass.
   * Counts at sampled or interpolated thresholds only decide which exact counts are made, so the
   * result is exact and, with the fixed seed, deterministic.
   */
  selectMany(ks) {
    const targets = Array.from(new Set(ks)).sort((a, b) => a - b);
    const found = /* @__PURE__ */ new Map();
    const lastWeight = /* @__PURE__ */ new Map();
    const lastGap = /* @__PURE__ */ new Map();
    const interpolated = /* @__PURE__ */ new Set();
    const sampling = /* @__PURE__ */ new Set();
    const rand = mulberry32(SELECT_SEED);
    let points = [this.bottom(), ...this.known, this.top()];
    for (let round = 0; ; round++) {
      const open = targets.filter((k) => !found.has(k));
      if (open.length === 0) break;
      if (round > 1e3) throw new Error("PairwiseDifferences: selection did not converge (internal error)");
      const groups = [];
      const keep = /* @__PURE__ */ new Set([0, points.length - 1]);
      const ends = /* @__PURE__ */ new Set();
      let p = 0;
      for (const k of open) {
        while (points[p + 1].total < k) p++;
        const last = groups[groups.length - 1];
        if (last && last.lo === points[p]) last.ks.push(k);
        else {
          groups.push({ lo: points[p], hi: points[p + 1], ks: [k] });
          for (let i = Math.max(0, p - 1); i <= Math.min(points.length - 1, p + 2); i++) keep.add(i);
          ends.add(p).add(p + 1);
        }
      }
      for (let i = 0; i < points.length; i++) {
        const point = points[i];
        if (ends.has(i)) continue;
        point.band = null;
        if (point.leq !== null && Number.isFinite(point.t)) {
          if (this.spare.length < 4) this.spare.push(point.leq);
          point.leq = null;
        }
      }
      points = points.filter((_, i) => keep.has(i));
      this.known = points.slice(1, -1);
      const proposals = [];
      for (const { lo, hi, ks: group } of groups) {
        if (nextUp(lo.t) === hi.t) {
          for (const k of group) found.set(k, hi.t);
          continue;
        }
        const band = hi.band;
        if (band !== null && band.low === lo) {
          for (const k of group) found.set(k, this.selectInBand(band, k - lo.total, rand));
          continue;
        }
        const cells = hi.cells - lo.cells;
        if (cells <= selectionTuning.enumerateMax) {
          proposals.push({ low: lo.t, high: hi.t, between: cells });
          continue;
        }
        const weight = hi.total - lo.total;
        const finite = lo.t !== -Infinity && hi.t !== Infinity;
        let interpolate2 = finite;
        for (const k of group) {
          const gap = Math.min(k - lo.total, hi.total - k + 1);
          const previous = lastGap.get(k);
          if (previous !== void 0 && interpolated.has(k) && gap * INTERPOLATION_GAIN > previous) sampling.add(k);
          if (sampling.has(k)) interpolate2 = false;
          lastGap.set(k, gap);
        }
        if (interpolate2) this.interpolatedProposals(points, lo, hi, group, proposals);
        else this.sampledProposals(lo, hi, group, lastWeight, finite, rand, proposals);
        for (const k of group) {
          lastWeight.set(k, weight);
          if (interpolate2) interpolated.add(k);
          else interpolated.delete(k);
        }
      }
      const at = (q) => "t" in q ? q.t : q.low;
      proposals.sort((a, b) => at(a) - at(b));
      for (const q of proposals) {
        if ("t" in q) this.countAt(points, q.t);
        else this.countBracket(points, q.low, q.high, q.between);
      }
    }
    return ks.map((k) => this.signedZero(k, found.get(k)));
  }
  /** Counts to make for the ranks `group` inside (lo, hi], by sampling the band (see selectMany). */
  sampledProposals(lo, hi, group, lastWeight, finite, rand, proposals) {
    const weight = hi.total - lo.total;
    const sample = this.sampleBand(lo, hi, finite ? selectionTuning.sampleBand : selectionTuning.sampleOpen, rand);
    const size = sample.length;
    if (size === 0) return;
    const intervals = [];
    const centers = [];
    for (const k of group) {
      const previous = lastWeight.get(k);
      const stalled = previous !== void 0 && weight > STALL_FACTOR * previous;
      const q = (k - lo.total) / weight;
      const center = Math.min(size - 1, Math.max(0, Math.round(q * size - 0.5)));
      let from = center;
      let to = center;
      if (!stalled) {
        const spread = BRACKET_Z * Math.sqrt(size * q * (1 - q)) + 1;
        from = Math.max(-1, Math.floor(q * size - 0.5 - spread));
        to = Math.min(size, Math.ceil(q * size - 0.5 + spread));
        if (!finite && centers[centers.length - 1] !== center) centers.push(center);
      }
      const last = intervals[intervals.length - 1];
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else intervals.push([from, to]);
    }
    const idx = [];
    for (const [from, to] of intervals) {
      if (from >= 0) idx.push(from);
      if (to < size && to !== from) idx.push(to);
    }
    idx.push(...centers);
    idx.sort((a, b) => a - b);
    selectOrderStatistics(sample, idx, rand);
    const cellsPerSample = (hi.cells - lo.cells) / size;
    let collected = true;
    for (const [from, to] of intervals) {
      const between = (to - from + 1) * cellsPerSample;
      collected &&= from >= 0 && to < size && between <= selectionTuning.enumerateMax;
      if (from >= 0 && to < size) proposals.push({ low: nextDown(sample[from]), high: sample[to], between });
      else if (from >= 0) proposals.push({ t: nextDown(sample[from]) });
      else if (to < size) proposals.push({ t: sample[to] });
    }
    if (!collected) for (const c of centers) proposals.push({ t: sample[c] });
  }
  /**
   * Counts to make for the ranks `group` inside (lo, hi] (both finite), by interpolation (see
   * selectMany). The interpolation is off by noise — R(t) is a sum of steps, about √λ off any
   * smooth curve over λ differences — and by the curve's shape; the margin covers MARGIN_Z times
   * the first (λ: ranks to the nearest exact count, times the mean weight of a cell) plus four
   * times the second (the cubic's disagreement).
   */
  interpolatedProposals(points, lo, hi, group, proposals) {
    const finitePoints = points.slice(1, -1).filter((p, i, all) => i === 0 || p.total !== all[i - 1].total);
    const weight = hi.total - lo.total;
    const slope = weight / (hi.t - lo.t);
    const cellWeight = weight / Math.max(1, hi.cells - lo.cells);
    const inside = (t) => t > lo.t && t < hi.t;
    const intervals = [];
    for (const k of group) {
      const nearest = [...finitePoints].sort((a, b) => Math.abs(a.total - k) - Math.abs(b.total - k)).slice(0, 4);
      let fit = [lo, hi];
      let estimate = interpolateThreshold(fit, k, k);
      let shape = weight;
      if (nearest.length >= 3) {
        const quadratic = interpolateThreshold(nearest.slice(0, 3), k, k);
        const check = nearest.length >= 4 ? interpolateThreshold(nearest, k, k) : estimate;
        if (inside(quadratic)) {
          fit = nearest.slice(0, 3);
          shape = Math.abs(check - quadratic) * slope;
          estimate = quadratic;
        }
      }
      const gap = Math.min(k - lo.total, hi.total - k);
      const margin = MIN_MARGIN + MARGIN_Z * Math.sqrt(gap * cellWeight) + 4 * shape;
      let low = interpolateThreshold(fit, k - margin, k);
      let high = interpolateThreshold(fit, k + margin, k);
      if (!(margin <= this.R * cellWeight && low < high)) low = high = estimate;
      const last = intervals[intervals.length - 1];
      if (last && low <= last[1]) {
        last[1] = Math.max(last[1], high);
        last[2] += 2 * margin;
      } else intervals.push([low, high, 2 * margin]);
    }
    for (const [low, high, ranks] of intervals) {
      const a = inside(low) ? low : lo.t;
      const b = inside(high) ? high : hi.t;
      if (low === high) {
        if (inside(low)) proposals.push({ t: low });
      } else if (a !== lo.t || b !== hi.t) proposals.push({ low: a, high: b, between: ranks / cellWeight });
    }
  }
  /**
   * Brute force sorts −0 before +0; D = −0 only for a −0 canary value against a +0 baseline one.
   * So a zero D_(k) is −0 exactly when k − #{D < 0} ≤ #{those pairs}.
   */
  signedZero(k, v) {
    if (v !== 0) return v;
    if (this.negativeZeroPairs < 0) {
      let negX = 0;
      for (const v2 of this.xs) if (v2 === 0 && Object.is(v2, -0)) negX++;
      let posY = 0;
      for (const v2 of this.ys) if (v2 === 0 && Object.is(v2, 0)) posY++;
      this.negativeZeroPairs = negX * posY;
    }
    if (this.negativeZeroPairs === 0) return 0;
    if (this.belowZero < 0) {
      const scratch = this.spare.pop() ?? new Int32Array(this.R);
      this.belowZero = this.countLeq(-Number.MIN_VALUE, scratch);
      this.spare.push(scratch);
    }
    return k - this.belowZero <= this.negativeZeroPairs ? -0 : 0;
  }
  /**
   * The pooled rank summary of the two samples (as {@link twoSampleRanksSorted} without groups)
   * from one bracket pass over (−MIN_VALUE, 0]: U_canary = #{D > 0} + ½#{D = 0} =
   * mn − (#{D ≤ 0} + #{D < 0})/2, and the tie term from the runs plus, for every value in both
   * samples (a cell with D = 0, found by the pass), Σ(t³ − t) of the pooled group minus those of
   * its two runs. Every term is an integer summed exactly, so the result is bit-for-bit the
   * merge's — unless Σt³ over the pooled groups reaches 2^52, where it returns null (the merge,
   * summing in its own order, must decide). The two counts are kept for later selections.
   */
  poolRanks() {
    const { R, C, m, n, mn } = this;
    const N = m + n;
    if (N * N > 2 ** 52) return null;
    const points = [this.bottom(), ...this.known, this.top()];
    const [less, leq] = this.countBracket(points, -Number.MIN_VALUE, 0, Math.min(R, C));
    this.known = points.slice(1, -1);
    this.belowZero = less.total;
    let tie;
    let common;
    if (this.W === null) {
      common = 6 * (leq.cells - less.cells);
      tie = common;
    } else {
      const band = leq.band;
      if (band === null || band.low !== less || band.wts === null || band.cols === null) return null;
      common = commonTieTerm(band.wts, band.cols, band.size);
      tie = runTieTerm(this.W) + runTieTerm(this.colW) + common;
    }
    if (tie + N > 2 ** 52) return null;
    const hasTies = R + C < N || common > 0;
    const rankSumX = mn - (leq.total + less.total) / 2 + m * (m + 1) / 2;
    return { nX: m, nY: n, rankSumX, rankSumY: N * (N + 1) / 2 - rankSumX, tieTerm: tie, hasTies, groupSizes: [], groupCountsX: [] };
  }
};
var PairwiseDifferences = class {
  m;
  n;
  /** m·n. */
  size;
  xs;
  ys;
  ydCache = null;
  gridCache = void 0;
  /** Both arrays ascending, finite, no NaN (not checked here; see {@link checkedSortedCopy}). */
  constructor(canarySorted, baselineSorted) {
    this.xs = canarySorted;
    this.ys = baselineSorted;
    this.m = canarySorted.length;
    this.n = baselineSorted.length;
    this.size = this.m * this.n;
  }
  /** The baseline descending (for the plain row-by-row counts). */
  get yd() {
    this.ydCache ??= Float64Array.from(this.ys).reverse();
    return this.ydCache;
  }
  /** The run grid, or null when empty or when a difference overflows. */
  grid() {
    if (this.gridCache === void 0) {
      const { xs, ys, m, n } = this;
      const finite = m > 0 && n > 0 && Number.isFinite(xs[m - 1] - ys[0]) && Number.isFinite(xs[0] - ys[n - 1]);
      this.gridCache = finite ? new DifferenceGrid(xs, ys) : null;
    }
    return this.gridCache;
  }
  /**
   * #{D ≤ t} (or #{D < t} when `strict`); fills out[i] with the count in row i (row i is
   * x_i − y sorted descending, an ascending row, so the count is a prefix length). O(m+n).
   */
  count(t, strict, out) {
    const row = out ?? new Int32Array(this.m);
    return strict ? this.countLess(t, row) : this.countLeq(t, row);
  }
  countLeq(t, out) {
    const { xs, yd, m } = this;
    let j = this.n;
    let total = 0;
    for (let i = 0; i < m; i++) {
      const xi = xs[i];
      while (j > 0 && xi - yd[j - 1] > t) j--;
      out[i] = j;
      total += j;
    }
    return total;
  }
  countLess(t, out) {
    const { xs, yd, m } = this;
    let j = this.n;
    let total = 0;
    for (let i = 0; i < m; i++) {
      const xi = xs[i];
      while (j > 0 && xi - yd[j - 1] >= t) j--;
      out[i] = j;
      total += j;
    }
    return total;
  }
  /** D_(k), the k-th smallest difference (1 ≤ k ≤ m·n, integer). Deterministic. */
  select(k) {
    return this.selectMany([k])[0];
  }
  /**
   * [D_(k) for k of `ranks`], in the order given (each an integer in [1, m·n]); the ranks share
   * their count passes, so e.g. a median and the two bounds of its interval cost little more than
   * one of them. Deterministic.
   */
  selectMany(ranks) {
    const ks = Array.from(ranks);
    for (const k of ks) {
      if (!(Number.isInteger(k) && k >= 1 && k <= this.size)) throw new RangeError(`PairwiseDifferences.select: k must be an integer in [1, ${this.size}], got ${k}`);
    }
    if (ks.length === 0) return [];
    const grid = this.grid();
    if (grid !== null) return grid.selectMany(ks);
    return ks.map((k) => this.plainSelect(k, false)[0]);
  }
  /** [D_(k), D_(k+1)] (1 ≤ k < m·n). */
  selectPair(k) {
    if (k >= this.size) throw new RangeError(`PairwiseDifferences.selectPair: k must be below ${this.size}`);
    const [a, b] = this.selectMany([k, k + 1]);
    return [a, b];
  }
  /**
   * The pooled mid-rank summary of the two samples, as {@link twoSampleRanksSorted} (without
   * groups) returns it — here from two counts of the differences at 0, which a later selection
   * reuses.
   */
  ranks() {
    return this.grid()?.poolRanks() ?? twoSampleRanksSorted(this.xs, this.ys);
  }
  /** One rank at a time, for differences that overflow (see the class comment). */
  plainSelect(k, withNext) {
    const { xs, yd, m, n, size } = this;
    const lo = new Int32Array(m);
    const hi = new Int32Array(m).fill(n);
    const cntA = new Int32Array(m);
    const cntB = new Int32Array(m);
    const cum = new Float64Array(m);
    for (let i = 0; i < m; i++) cum[i] = (i + 1) * n;
    const sampleSize = 65536;
    const enumerateAt = Math.max(4096, m + n);
    const samples = size > enumerateAt ? new Float64Array(sampleSize) : new Float64Array(0);
    const rand = mulberry32(SELECT_SEED ^ k % 2147483647);
    let below = 0;
    let active = size;
    let stalled = false;
    while (active > enumerateAt) {
      const step = active / sampleSize;
      let row = 0;
      for (let s = 0; s < sampleSize; s++) {
        const r = Math.min(active - 1, Math.floor((s + rand()) * step));
        while (cum[row] <= r) row++;
        samples[s] = xs[row] - yd[lo[row] + r - (row > 0 ? cum[row - 1] : 0)];
      }
      const target = k - below;
      const frac = target / active;
      const f = (target - 0.5) / active * sampleSize;
      const spread = stalled ? 0 : 2.5 * Math.sqrt(sampleSize * frac * (1 - frac)) + 2;
      const iLo = Math.min(sampleSize - 1, Math.max(0, Math.floor(f - spread)));
      const iHi = stalled ? iLo : Math.min(sampleSize - 1, Math.max(0, Math.ceil(f + spread)));
      quickselect(samples, iLo, rand);
      if (iHi > iLo) quickselect(samples.subarray(iLo + 1), iHi - iLo - 1, rand);
      const pLo = samples[iLo];
      const pHi = samples[iHi];
      let cutLo = null;
      let cutHi = null;
      if (k <= this.countLess(pLo, cntA)) {
        cutHi = cntA;
      } else if (k > this.countLeq(pHi, cntB)) {
        cutLo = cntB;
      } else {
        if (pLo === pHi) return [pLo, withNext ? this.next(k, pLo) : NaN];
        cutLo = cntA;
        cutHi = cntB;
      }
      let newBelow = 0;
      let acc = 0;
      for (let i = 0; i < m; i++) {
        let l = lo[i];
        let h = hi[i];
        if (cutLo !== null && cutLo[i] > l) lo[i] = l = cutLo[i];
        if (cutHi !== null && cutHi[i] < h) hi[i] = h = cutHi[i];
        newBelow += l;
        acc += h - l;
        cum[i] = acc;
      }
      stalled = acc > active * 0.9;
      below = newBelow;
      active = acc;
    }
    const rest = new Float64Array(active);
    let w = 0;
    for (let i = 0; i < m; i++) {
      const xi = xs[i];
      for (let j = lo[i]; j < hi[i]; j++) rest[w++] = xi - yd[j];
    }
    const at = k - below - 1;
    quickselect(rest, at, rand);
    if (!withNext) return [rest[at], NaN];
    if (at + 1 >= active) return [rest[at], this.next(k, rest[at])];
    let following = Infinity;
    for (let i = at + 1; i < active; i++) if (rest[i] < following) following = rest[i];
    return [rest[at], following];
  }
  /** D_(k+1) given v = D_(k): v again if tied, else the smallest difference above v. O(m+n). */
  next(k, v) {
    if (k >= this.size) throw new RangeError(`PairwiseDifferences.next: k must be below ${this.size}`);
    const cnt = new Int32Array(this.m);
    if (this.count(v, false, cnt) >= k + 1) return v;
    const yd = this.yd;
    let best = Infinity;
    for (let i = 0; i < this.m; i++) {
      const j = cnt[i];
      if (j < this.n) {
        const d = this.xs[i] - yd[j];
        if (d < best) best = d;
      }
    }
    return best;
  }
  /** Median of the differences (mean of D_(mn/2) and D_(mn/2+1) when m·n is even). */
  median() {
    return medianOf(this.selectMany(medianRanks(this.size)));
  }
  /** The pairwise difference nearest to v (the smaller one on an exact tie of distances). O(m+n). */
  nearest(v) {
    if (!Number.isFinite(v)) return v;
    const { m, n, xs } = this;
    const yd = this.yd;
    const leq = new Int32Array(m);
    const lt = new Int32Array(m);
    this.count(v, false, leq);
    this.count(v, true, lt);
    let below = -Infinity;
    let above = Infinity;
    for (let i = 0; i < m; i++) {
      const p = leq[i];
      if (p > 0) {
        const d = xs[i] - yd[p - 1];
        if (d > below) below = d;
      }
      const q = lt[i];
      if (q < n) {
        const d = xs[i] - yd[q];
        if (d < above) above = d;
      }
    }
    return v - below <= above - v ? below : above;
  }
};
function medianRanks(size) {
  return size % 2 === 1 ? [(size + 1) / 2] : [size / 2, size / 2 + 1];
}
function medianOf(values) {
  return values.length === 1 ? values[0] : values[0] / 2 + values[1] / 2;
}
function checkedSortedCopy(values, what, scratch) {
  const copy = Float64Array.from(values);
  if (countNonFinite(copy) > 0) {
    const i = copy.findIndex((v) => !Number.isFinite(v));
    throw new RangeError(`${what}: value at index ${i} is ${copy[i]}; Hodges\u2013Lehmann needs finite values (drop missing samples first)`);
  }
  return sortFloat64(copy, scratch);
}
function checkedSortedCopies(canary, baseline, what) {
  const size = Math.max(canary.length, baseline.length);
  const scratch = size >= 4096 ? new Uint32Array(2 * size) : void 0;
  return [checkedSortedCopy(canary, `${what} canary`, scratch), checkedSortedCopy(baseline, `${what} baseline`, scratch)];
}
function countNonFinite(a) {
  let bad = 0;
  for (let i = 0; i < a.length; i++) bad += +(a[i] - a[i] !== 0);
  return bad;
}
function kthPairwiseDifference(canary, baseline, k) {
  const [xs, ys] = checkedSortedCopies(canary, baseline, "kthPairwiseDifference");
  return new PairwiseDifferences(xs, ys).select(k);
}

// src/stats/r-zeroin.ts
function rZeroin2(f, ax, bx, fa, fb, tol, maxit = 1e3) {
  let a = ax;
  let b = bx;
  let c = a;
  let fc = fa;
  if (fa === 0) return a;
  if (fb === 0) return b;
  let left = maxit + 1;
  while (left--) {
    const prevStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolAct = 2 * Number.EPSILON * Math.abs(b) + tol / 2;
    let newStep = (c - b) / 2;
    if (Math.abs(newStep) <= tolAct || fb === 0) return b;
    if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
      let p;
      let q;
      const cb = c - b;
      if (a === c) {
        const t1 = fb / fa;
        p = cb * t1;
        q = 1 - t1;
      } else {
        q = fa / fc;
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * q * (q - t1) - (b - a) * (t1 - 1));
        q = (q - 1) * (t1 - 1) * (t2 - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (p < 0.75 * cb * q - Math.abs(tolAct * q) / 2 && p < Math.abs(prevStep * q / 2)) newStep = p / q;
    }
    if (Math.abs(newStep) < tolAct) newStep = newStep > 0 ? tolAct : -tolAct;
    a = b;
    fa = fb;
    b += newStep;
    fb = f(b);
    if (fb > 0 && fc > 0 || fb < 0 && fc < 0) {
      c = a;
      fc = fa;
    }
  }
  return b;
}

// src/stats/hodges-lehmann.ts
var AllTiedAtShift = class extends Error {
};
function rStandardizedW(xs, ys, d, correct, alternative) {
  const m = xs.length;
  const n = ys.length;
  let i = 0;
  let j = 0;
  let pos = 0;
  let rankSumX = 0;
  let tie = 0;
  while (i < m || j < n) {
    const xv = i < m ? xs[i] - d : Infinity;
    const v = j >= n || i < m && xv <= ys[j] ? xv : ys[j];
    let a = 0;
    while (i < m && xs[i] - d === v) {
      i++;
      a++;
    }
    let b = 0;
    while (j < n && ys[j] === v) {
      j++;
      b++;
    }
    const t = a + b;
    rankSumX += a * (pos + (t + 1) / 2);
    tie += (t - 1) * t * (t + 1);
    pos += t;
  }
  const dz = rankSumX - m * (m + 1) / 2 - m * n / 2;
  const corr = !correct ? 0 : alternative === "two-sided" ? Math.sign(dz) * 0.5 : alternative === "greater" ? 0.5 : -0.5;
  const sigma = Math.sqrt(m * n / 12 * (m + n + 1 - tie / ((m + n) * (m + n - 1))));
  if (sigma === 0) throw new AllTiedAtShift();
  return (dz - corr) / sigma;
}
function rAsymptotic(xs, ys, confLevel, alternative, correct) {
  const alpha = 1 - confLevel;
  const mumin = xs[0] - ys[ys.length - 1];
  const mumax = xs[xs.length - 1] - ys[0];
  const root = (zq) => {
    const wdiff = (d) => rStandardizedW(xs, ys, d, correct, alternative) - zq;
    const fLower = wdiff(mumin);
    if (fLower <= 0) return mumin;
    const fUpper = wdiff(mumax);
    if (fUpper >= 0) return mumax;
    return rZeroin2(wdiff, mumin, mumax, fLower, fUpper, 1e-4);
  };
  let ci;
  if (alternative === "two-sided") ci = [root(-normalQuantile(alpha / 2)), root(normalQuantile(alpha / 2))];
  else if (alternative === "greater") ci = [root(-normalQuantile(alpha)), Infinity];
  else ci = [-Infinity, root(normalQuantile(alpha))];
  const w0 = (d) => rStandardizedW(xs, ys, d, false, alternative);
  let estimate = null;
  if (mumin < mumax) {
    const fl = w0(mumin);
    const fu = w0(mumax);
    if (Math.sign(fl) * Math.sign(fu) <= 0) estimate = rZeroin2(w0, mumin, mumax, fl, fu, 1e-4);
  }
  return { ci, estimate };
}
function checkConfLevel(confLevel, what) {
  if (!(confLevel > 0 && confLevel < 1)) throw new RangeError(`${what}: confLevel must be in (0, 1), got ${confLevel}`);
}
function hodgesLehmann(canary, baseline, options = {}) {
  const [xs, ys] = checkedSortedCopies(canary, baseline, "hodgesLehmann");
  return hodgesLehmannSorted(xs, ys, options);
}
function hodgesLehmannSorted(xs, ys, options = {}) {
  checkConfLevel(options.confLevel ?? 0.95, "hodgesLehmann");
  return hodgesLehmannWith(new PairwiseDifferences(xs, ys), xs, ys, options, null);
}
function hodgesLehmannWith(diffs, xs, ys, options, known) {
  const confLevel = options.confLevel ?? 0.95;
  const alternative = options.alternative ?? "two-sided";
  const requested = options.method ?? "auto";
  const correct = options.correct ?? true;
  const m = xs.length;
  const n = ys.length;
  const common = { nCanary: m, nBaseline: n, confLevel, alternative };
  if (m === 0 || n === 0) {
    return {
      ...common,
      estimate: 0,
      rEstimate: 0,
      ci: [-Infinity, Infinity],
      ciSnapped: [-Infinity, Infinity],
      ciRanks: null,
      achievedConfidence: null,
      method: "none",
      degenerate: "empty-sample",
      note: `${m === 0 ? "canary" : "baseline"} sample is empty: no shift can be estimated; estimate 0 and an unbounded interval`
    };
  }
  const ranks = known ?? diffs.ranks();
  const mn = m * n;
  const N = m + n;
  const sigma = Math.sqrt(mn / 12 * (N + 1 - ranks.tieTerm / (N * (N - 1))));
  if (!(sigma > 0)) {
    return {
      ...common,
      estimate: 0,
      rEstimate: 0,
      ci: [0, 0],
      ciSnapped: [0, 0],
      ciRanks: [1, mn],
      achievedConfidence: null,
      method: "none",
      degenerate: "all-tied",
      note: "all values are tied: every difference is 0 (R stops with an error here)"
    };
  }
  const middle = medianRanks(mn);
  const alpha = 1 - confLevel;
  const small = m < EXACT_SAMPLE_LIMIT && n < EXACT_SAMPLE_LIMIT;
  const notes = [];
  let method;
  if (requested === "exact") {
    if (ranks.hasTies) {
      method = "asymptotic";
      notes.push("ties: no exact interval (as R), used the asymptotic one");
    } else method = "exact";
  } else if (requested === "asymptotic" || requested === "order-statistic") method = requested;
  else method = !ranks.hasTies && small ? "exact" : "order-statistic";
  const orderStatistics = (kLow2, kHigh2) => {
    const ks = [...middle];
    if (alternative !== "less") ks.push(kLow2);
    if (alternative !== "greater") ks.push(kHigh2);
    const values = diffs.selectMany(ks);
    let at = middle.length;
    return {
      estimate: medianOf(values.slice(0, middle.length)),
      lower: alternative === "less" ? -Infinity : values[at++],
      upper: alternative === "greater" ? Infinity : values[at]
    };
  };
  if (method === "exact") {
    let k = 0;
    let achievedAlpha = 0;
    try {
      const oneSided = alternative !== "two-sided";
      k = qwilcox(oneSided ? alpha : alpha / 2, m, n);
      if (k === 0) k = 1;
      achievedAlpha = (oneSided ? 1 : 2) * pwilcox(Math.trunc(k) - 1, m, n);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      method = "order-statistic";
      notes.push(`exact distribution for m=${m}, n=${n} is over the computation budget`);
    }
    if (method === "exact") {
      const { estimate: estimate2, lower: lower2, upper: upper2 } = orderStatistics(k, mn - k + 1);
      return {
        ...common,
        estimate: estimate2,
        rEstimate: estimate2,
        ci: [lower2, upper2],
        ciSnapped: [lower2, upper2],
        ciRanks: [k, mn - k + 1],
        achievedConfidence: 1 - achievedAlpha,
        method,
        degenerate: null,
        note: null
      };
    }
  }
  if (method === "asymptotic") {
    if (!Number.isFinite(xs[m - 1] - ys[0]) || !Number.isFinite(xs[0] - ys[n - 1])) {
      method = "order-statistic";
      notes.push("differences overflow: used the order-statistic form");
    } else {
      try {
        const r = rAsymptotic(xs, ys, confLevel, alternative, correct);
        const estimate2 = medianOf(diffs.selectMany(middle));
        if (r.estimate === null) notes.push("R's uniroot for the estimate fails here (all differences equal); rEstimate is the median");
        return {
          ...common,
          estimate: estimate2,
          rEstimate: r.estimate ?? estimate2,
          ci: r.ci,
          ciSnapped: [diffs.nearest(r.ci[0]), diffs.nearest(r.ci[1])],
          ciRanks: null,
          achievedConfidence: null,
          method,
          degenerate: null,
          note: notes.length > 0 ? notes.join("; ") : null
        };
      } catch (e) {
        if (!(e instanceof AllTiedAtShift)) throw e;
        method = "order-statistic";
        notes.push("R stops here (all observations tied at a shift inside the interval); used the order-statistic form");
      }
    }
  }
  const z = -normalQuantile(alternative === "two-sided" ? alpha / 2 : alpha);
  const cc = correct ? 0.5 : 0;
  const kLow = Math.min(mn, Math.max(1, Math.ceil(mn / 2 - cc - z * sigma)));
  const kHigh = mn + 1 - kLow;
  const { estimate, lower, upper } = orderStatistics(kLow, kHigh);
  return {
    ...common,
    estimate,
    rEstimate: estimate,
    ci: [lower, upper],
    ciSnapped: [lower, upper],
    ciRanks: [kLow, kHigh],
    achievedConfidence: null,
    method: "order-statistic",
    degenerate: null,
    note: notes.length > 0 ? notes.join("; ") : null
  };
}
function mannWhitneyHodgesLehmann(canary, baseline, options = {}) {
  checkConfLevel(options.hodgesLehmann?.confLevel ?? 0.95, "mannWhitneyHodgesLehmann");
  const [xs, ys] = checkedSortedCopies(canary, baseline, "mannWhitneyHodgesLehmann");
  return mannWhitneyHodgesLehmannSorted(xs, ys, options);
}
function mannWhitneyHodgesLehmannSorted(xs, ys, options = {}) {
  const testOptions = options.mannWhitney ?? {};
  const shiftOptions = options.hodgesLehmann ?? {};
  checkConfLevel(shiftOptions.confLevel ?? 0.95, "mannWhitneyHodgesLehmann");
  const diffs = new PairwiseDifferences(xs, ys);
  const ranks = mannWhitneyNeedsGroups(xs.length, ys.length, testOptions) ? twoSampleRanksSorted(xs, ys, true) : diffs.ranks();
  return {
    mannWhitney: mannWhitneyFromRanks(ranks, testOptions),
    hodgesLehmann: hodgesLehmannWith(diffs, xs, ys, shiftOptions, ranks)
  };
}
function hodgesLehmannRatio(canary, baseline, options = {}) {
  const toLog = (values, what) => {
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (!(v > 0 && v < Infinity)) {
        throw new RangeError(`hodgesLehmannRatio: ${what}[${i}] = ${v}; the log-scale shift needs strictly positive finite values (use hodgesLehmann for data with zeros)`);
      }
      out[i] = Math.log(v);
    }
    return sortFloat64(out);
  };
  const log = hodgesLehmannSorted(toLog(canary, "canary"), toLog(baseline, "baseline"), options);
  return {
    ratio: Math.exp(log.estimate),
    rRatio: Math.exp(log.rEstimate),
    ci: [Math.exp(log.ci[0]), Math.exp(log.ci[1])],
    ciSnapped: [Math.exp(log.ciSnapped[0]), Math.exp(log.ciSnapped[1])],
    log
  };
}

// src/stats/welch.ts
function moments(values, what) {
  const n = values.length;
  let sum = 0;
  let comp = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (Number.isNaN(v)) throw new RangeError(`${what}: value at index ${i} is NaN (filter NaN first)`);
    const s = sum + v;
    comp += Math.abs(sum) >= Math.abs(v) ? sum - s + v : v - s + sum;
    sum = s;
  }
  const mean = n > 0 ? (sum + comp) / n : NaN;
  if (n < 2) return { n, mean, variance: NaN };
  let ss = 0;
  let dev = 0;
  for (const v of values) {
    const d = v - mean;
    ss += d * d;
    dev += d;
  }
  return { n, mean, variance: Math.max(0, (ss - dev * dev / n) / (n - 1)) };
}
function checkOptions(options) {
  const confidence = options.confidence ?? 0.95;
  const alternative = options.alternative ?? "two-sided";
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  if (alternative !== "two-sided" && alternative !== "greater" && alternative !== "less") {
    throw new RangeError(`alternative must be 'two-sided', 'greater' or 'less', got ${String(alternative)}`);
  }
  return { confidence, alternative };
}
function finish(a, b, stdErr, df, confidence, alternative) {
  const difference = a.mean - b.mean;
  const base = { meanCanary: a.mean, meanBaseline: b.mean, difference, stdErr, alternative, confidence };
  if (!(stdErr > 0) || !(df > 0)) return { ...base, t: NaN, df: NaN, p: NaN, ci: [NaN, NaN] };
  const t = difference / stdErr;
  const alpha = 1 - confidence;
  if (alternative === "two-sided") {
    const q2 = -studentTQuantile(alpha / 2, df);
    return { ...base, t, df, p: studentTTwoSided(t, df), ci: [difference - q2 * stdErr, difference + q2 * stdErr] };
  }
  const q = -studentTQuantile(alpha, df);
  if (alternative === "greater") return { ...base, t, df, p: studentTSf(t, df), ci: [difference - q * stdErr, Infinity] };
  return { ...base, t, df, p: studentTCdf(t, df), ci: [-Infinity, difference + q * stdErr] };
}
function welchTTest(canary, baseline, options = {}) {
  const { confidence, alternative } = checkOptions(options);
  const a = moments(canary, "welchTTest canary");
  const b = moments(baseline, "welchTTest baseline");
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const stdErr = Math.sqrt(va + vb);
  const df = (va + vb) * (va + vb) / (va * va / (a.n - 1) + vb * vb / (b.n - 1));
  return finish(a, b, stdErr, df, confidence, alternative);
}
function pooledTTest(canary, baseline, options = {}) {
  const { confidence, alternative } = checkOptions(options);
  const a = moments(canary, "pooledTTest canary");
  const b = moments(baseline, "pooledTTest baseline");
  const df = a.n + b.n - 2;
  const ssa = a.n > 1 ? a.variance * (a.n - 1) : 0;
  const ssb = b.n > 1 ? b.variance * (b.n - 1) : 0;
  const pooled = (ssa + ssb) / df;
  const stdErr = a.n > 0 && b.n > 0 && df > 0 ? Math.sqrt(pooled * (1 / a.n + 1 / b.n)) : NaN;
  return finish(a, b, stdErr, df, confidence, alternative);
}

// src/stats/proportions.ts
function twoProportionZ(canaryErrors, canaryTotal, baselineErrors, baselineTotal) {
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
    pLess: normalCdf(z)
  };
}
function propTestYates(canaryErrors, canaryTotal, baselineErrors, baselineTotal, confidence = 0.95) {
  const x = [canaryErrors, baselineErrors];
  const n = [canaryTotal, baselineTotal];
  const estimate = [x[0] / n[0], x[1] / n[1]];
  const delta = estimate[0] - estimate[1];
  const sumInverse = 1 / n[0] + 1 / n[1];
  const yates = Math.min(0.5, Math.abs(delta) / sumInverse);
  const pooled = (x[0] + x[1]) / (n[0] + n[1]);
  let chisq = 0;
  for (let i = 0; i < 2; i++) {
    const observed = [x[i], n[i] - x[i]];
    const expected = [n[i] * pooled, n[i] * (1 - pooled)];
    for (let j = 0; j < 2; j++) chisq += (Math.abs(observed[j] - expected[j]) - yates) ** 2 / expected[j];
  }
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const width = z * Math.sqrt(estimate[0] * (1 - estimate[0]) / n[0] + estimate[1] * (1 - estimate[1]) / n[1]) + yates * sumInverse;
  const signed = Math.sign(delta) * Math.sqrt(chisq);
  return {
    chisq,
    pTwoSided: Math.min(1, 2 * normalSf(Math.sqrt(chisq))),
    pGreater: normalSf(signed),
    pLess: normalCdf(signed),
    ciDiff: [Math.max(delta - width, -1), Math.min(delta + width, 1)]
  };
}

// src/stats/fisher.ts
function fisherExact(canaryErrors, canaryTotal, baselineErrors, baselineTotal, confidence = 0.95) {
  const m = canaryErrors + baselineErrors;
  const lo = Math.max(0, m - baselineTotal);
  const hi = Math.min(m, canaryTotal);
  const support = [];
  for (let x = lo; x <= hi; x++) support.push(x);
  const logDensity = support.map((x) => logChoose(canaryTotal, x) + logChoose(baselineTotal, m - x));
  const observed = canaryErrors;
  const probabilities = (psi) => {
    const logPsi = Math.log(psi);
    const logs = logDensity.map((d, i) => d + (psi === 1 ? 0 : support[i] * logPsi));
    const max = Math.max(...logs);
    const weights = logs.map((l) => Math.exp(l - max));
    const total = weights.reduce((a, b) => a + b, 0);
    return weights.map((w) => w / total);
  };
  const upperTail = (psi) => sumWhere(support, probabilities(psi), (x) => x >= observed);
  const lowerTail = (psi) => sumWhere(support, probabilities(psi), (x) => x <= observed);
  const mean = (psi) => probabilities(psi).reduce((acc, p, i) => acc + p * support[i], 0);
  const central = probabilities(1);
  const pObserved = central[observed - lo];
  const pTwoSided = Math.min(1, sumWhere(support, central, (_x, p) => p <= pObserved * (1 + 1e-7)));
  const pGreater = Math.min(1, upperTail(1));
  const pLess = Math.min(1, lowerTail(1));
  const mnhyper = (psi) => psi === 0 ? lo : mean(psi);
  const pUpper = (psi) => psi === 0 ? observed <= lo ? 1 : 0 : upperTail(psi);
  const pLower = (psi) => psi === 0 ? observed >= lo ? 1 : 0 : lowerTail(psi);
  const oddsRatio = observed === lo ? 0 : observed === hi ? Infinity : solveLikeR(mean(1), observed, mnhyper, (psi) => mean(psi), true);
  const alpha = (1 - confidence) / 2;
  const lower = observed === lo ? 0 : solveLikeR(pUpper(1), alpha, pUpper, upperTail, true);
  const upper = observed === hi ? Infinity : solveLikeR(pLower(1), alpha, pLower, lowerTail, false);
  return { pTwoSided, pGreater, pLess, oddsRatio, ci: [lower, upper] };
}
function logChoose(n, k) {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}
function sumWhere(support, probs, keep) {
  let total = 0;
  for (let i = 0; i < support.length; i++) if (keep(support[i], probs[i])) total += probs[i];
  return total;
}
var URO_TOL = Math.pow(2220446049250313e-31, 0.25);
var EPS = 2220446049250313e-31;
function solveLikeR(atOne, target, gAtZero, g, belowWhenAbove) {
  if (atOne === target) return 1;
  const rootBelowOne = belowWhenAbove ? atOne > target : atOne < target;
  if (rootBelowOne) {
    const f2 = (t) => (t === 0 ? gAtZero(0) : g(t)) - target;
    return rZeroin2(f2, 0, 1, f2(0), f2(1), URO_TOL);
  }
  const f = (t) => g(1 / t) - target;
  return 1 / rZeroin2(f, EPS, 1, f(EPS), f(1), URO_TOL);
}

// src/stats/poisson-rate.ts
function poissonRateRatio(canaryErrors, canaryExposure, baselineErrors, baselineExposure, confidence = 0.95) {
  const n = canaryErrors + baselineErrors;
  const share = canaryExposure / (canaryExposure + baselineExposure);
  const rateRatio = canaryErrors / canaryExposure / (baselineErrors / baselineExposure);
  if (n === 0) return { rateRatio: NaN, pTwoSided: 1, pGreater: 1, pLess: 1, ci: [0, Infinity] };
  const pGreater = Math.min(1, binomialSf(canaryErrors - 1, n, share));
  const pLess = Math.min(1, binomialCdf(canaryErrors, n, share));
  const pTwoSided = binomialTwoSided(canaryErrors, n, share);
  const { lower: low, upper: high } = clopperPearson(canaryErrors, n, confidence, 2);
  const toRatio = (p) => p / (1 - p) * (baselineExposure / canaryExposure);
  return { rateRatio, pTwoSided, pGreater, pLess, ci: [toRatio(low), high >= 1 ? Infinity : toRatio(high)] };
}
function binomialTwoSided(x, n, p) {
  const relErr = 1 + 1e-7;
  const d = binomialPmf(x, n, p);
  const mean = n * p;
  if (x === mean) return 1;
  if (x < mean) {
    let y2 = 0;
    for (let i = Math.ceil(mean); i <= n; i++) if (binomialPmf(i, n, p) <= d * relErr) y2++;
    return Math.min(1, binomialCdf(x, n, p) + binomialSf(n - y2, n, p));
  }
  let y = 0;
  for (let i = 0; i <= Math.floor(mean); i++) if (binomialPmf(i, n, p) <= d * relErr) y++;
  return Math.min(1, binomialCdf(y - 1, n, p) + binomialSf(x - 1, n, p));
}

// src/stats/effect-size.ts
function meanRatio(canary, baseline) {
  if (canary.length === 0 || baseline.length === 0) return NaN;
  const mean = (values) => values.reduce((a, b2) => a + b2, 0) / values.length;
  const c = mean(canary);
  const b = mean(baseline);
  return c === 0 || b === 0 ? NaN : c / b;
}
function cles(canary, baseline) {
  return mannWhitney(canary, baseline, { method: "asymptotic" }).auc;
}
function relativeRisk(ce, ct, be, bt, confidence = 0.95) {
  const relativeRisk2 = ce / ct / (be / bt);
  if (ce === 0 || be === 0) return { relativeRisk: relativeRisk2, ci: [0, Infinity] };
  const se = Math.sqrt(1 / ce - 1 / ct + 1 / be - 1 / bt);
  const z = normalQuantile(1 - (1 - confidence) / 2);
  return { relativeRisk: relativeRisk2, ci: [relativeRisk2 * Math.exp(-z * se), relativeRisk2 * Math.exp(z * se)] };
}

// src/stats/sample-size.ts
function upperQuantile(tail) {
  return -normalQuantile(tail);
}
function checkAlphaPowerSides(alpha, power, sides) {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  if (!(power > 0 && power < 1)) throw new RangeError(`power must be in (0, 1), got ${power}`);
  if (sides !== 1 && sides !== 2) throw new RangeError(`sides must be 1 or 2, got ${sides}`);
}
function sampleSizeTwoProportions(input) {
  const { pBaseline: p1, pCanary: p2, alpha = 0.05, power = 0.8, sides = 2 } = input;
  if (!(p1 > 0 && p1 < 1 && p2 > 0 && p2 < 1)) throw new RangeError(`rates must be in (0, 1), got ${p1} and ${p2}`);
  if (p1 === p2) throw new RangeError("pCanary must differ from pBaseline");
  checkAlphaPowerSides(alpha, power, sides);
  const za = upperQuantile(alpha / sides);
  const zb = normalQuantile(power);
  const pbar = (p1 + p2) / 2;
  const num = za * Math.sqrt(2 * pbar * (1 - pbar)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return num * num / ((p1 - p2) * (p1 - p2));
}
function poissonEventsNeeded(input) {
  const { rateRatio, alpha = 0.05, power = 0.8, sides = 1, exposureRatio = 1 } = input;
  if (!(rateRatio > 0 && Number.isFinite(rateRatio)) || rateRatio === 1) {
    throw new RangeError(`rateRatio must be positive, finite and \u2260 1, got ${rateRatio}`);
  }
  if (!(exposureRatio > 0 && Number.isFinite(exposureRatio))) throw new RangeError(`exposureRatio must be > 0, got ${exposureRatio}`);
  checkAlphaPowerSides(alpha, power, sides);
  const pi0 = exposureRatio / (exposureRatio + 1);
  const pi1 = rateRatio * exposureRatio / (rateRatio * exposureRatio + 1);
  const za = upperQuantile(alpha / sides);
  const zb = normalQuantile(power);
  const num = za * Math.sqrt(pi0 * (1 - pi0)) + zb * Math.sqrt(pi1 * (1 - pi1));
  return num * num / ((pi1 - pi0) * (pi1 - pi0));
}

// src/stats/sample-size-mw.ts
function sampleSizeMannWhitney(input) {
  const { cles: cles2, alpha, power } = input;
  const sides = input.sides ?? 1;
  const c = input.canaryShare ?? 0.5;
  if (!(cles2 >= 0 && cles2 <= 1) || cles2 === 0.5) throw new RangeError(`cles must be in [0, 1] and not 0.5, got ${cles2}`);
  if (!(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) throw new RangeError("alpha and power must be in (0, 1)");
  if (!(c > 0 && c < 1)) throw new RangeError(`canaryShare must be in (0, 1), got ${c}`);
  const z = normalQuantile(1 - alpha / sides) + normalQuantile(power);
  return z * z / (12 * c * (1 - c) * (cles2 - 0.5) ** 2);
}

// src/stats/autocorrelation.ts
function lag1Autocorrelation(series) {
  const n = series.length;
  if (n < 3) return 0;
  let mean = 0;
  for (const x of series) mean += x;
  mean /= n;
  let denominator = 0;
  let numerator = 0;
  for (let i = 0; i < n; i++) {
    const d = series[i] - mean;
    denominator += d * d;
    if (i > 0) numerator += d * (series[i - 1] - mean);
  }
  return denominator > 0 ? numerator / denominator : 0;
}
function varianceInflation(series) {
  const n = series.length;
  const raw = lag1Autocorrelation(series);
  const corrected = n > 0 ? raw + (1 + 4 * raw) / n : 0;
  const rho = Math.min(0.95, Math.max(0, corrected));
  const factor = (1 + rho) / (1 - rho);
  return { rho, factor, effectiveN: n / factor };
}

// src/stats/poisson-mixture.ts
function poissonMixtureLogBayesFactor(canaryErrors, baselineErrors, options) {
  const { share } = options;
  const x = canaryErrors;
  const y = baselineErrors;
  if (!(share > 0 && share < 1)) throw new RangeError(`share must be in (0, 1), got ${share}`);
  if (!(x >= 0 && y >= 0)) throw new RangeError(`counts must be \u2265 0, got ${x} and ${y}`);
  const k = options.concentration ?? 1;
  const a = options.prior?.a ?? k * share;
  const b = options.prior?.b ?? k * (1 - share);
  if (!(a > 0 && b > 0)) throw new RangeError(`the prior needs a, b > 0, got ${a} and ${b}`);
  const logLikelihoodNull = (x > 0 ? x * Math.log(share) : 0) + (y > 0 ? y * Math.log1p(-share) : 0);
  const twoSided = logBeta(a + x, b + y) - logBeta(a, b) - logLikelihoodNull;
  switch (options.alternative ?? "two-sided") {
    case "two-sided":
      return twoSided;
    case "greater":
      return twoSided + Math.log(regularizedIncompleteBetaComplement(share, a + x, b + y)) - Math.log(regularizedIncompleteBetaComplement(share, a, b));
    case "less":
      return twoSided + Math.log(regularizedIncompleteBeta(share, a + x, b + y)) - Math.log(regularizedIncompleteBeta(share, a, b));
  }
}

// src/stats/poisson-mixture-interval.ts
function poissonMixtureRateRatioInterval(canaryErrors, baselineErrors, options) {
  const { share, confidence } = options;
  const x = canaryErrors;
  const y = baselineErrors;
  if (!(share > 0 && share < 1)) throw new RangeError(`share must be in (0, 1), got ${share}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  if (x + y === 0) return [0, Infinity];
  const k = options.concentration ?? 1;
  const a = k * share;
  const b = k * (1 - share);
  const level = logBeta(a + x, b + y) - logBeta(a, b) + Math.log(1 - confidence);
  const logLik = (p) => (x > 0 ? x * Math.log(p) : 0) + (y > 0 ? y * Math.log1p(-p) : 0);
  const peak = x / (x + y);
  const toRatio = (p) => p / (1 - p) * ((1 - share) / share);
  const lowP = x === 0 ? 0 : bisect(logLik, level, 0, peak);
  const highP = y === 0 ? 1 : bisect(logLik, level, 1, peak);
  return [toRatio(lowP), highP >= 1 ? Infinity : toRatio(highP)];
}
function bisect(logLik, level, outside, inside) {
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

// src/stats/always-valid-p.ts
function alwaysValidPValues(logBayesFactors) {
  const out = [];
  let p = 1;
  for (const logBf of logBayesFactors) {
    if (!Number.isNaN(logBf)) p = Math.min(p, Math.exp(-logBf));
    out.push(p);
  }
  return out;
}

// src/stats/normal-mixture-sprt.ts
function normalMixtureSprt(estimate, variance, options) {
  const { tau, alpha } = options;
  if (!(tau > 0)) throw new RangeError(`tau must be > 0, got ${tau}`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  if (!(variance >= 0) || Number.isNaN(estimate)) return { logLambda: NaN, ci: [-Infinity, Infinity] };
  const t2 = tau * tau;
  const d = estimate - (options.nullValue ?? 0);
  if (variance === 0) {
    return { logLambda: d === 0 ? 0 : Infinity, ci: [estimate, estimate] };
  }
  const logLambda = 0.5 * Math.log(variance / (variance + t2)) + t2 * d * d / (2 * variance * (variance + t2));
  const half = Math.sqrt(variance * (variance + t2) / t2 * (Math.log1p(t2 / variance) - 2 * Math.log(alpha)));
  return { logLambda, ci: [estimate - half, estimate + half] };
}

// src/stats/proportions-msprt.ts
function proportionsMsprt(canaryErrors, canaryTotal, baselineErrors, baselineTotal, options) {
  const pc = canaryErrors / canaryTotal;
  const pb = baselineErrors / baselineTotal;
  const difference = pc - pb;
  const variance = pc * (1 - pc) / canaryTotal + pb * (1 - pb) / baselineTotal;
  return { difference, variance, ...normalMixtureSprt(difference, variance, options) };
}

// src/stats/normal-mixture-boundary.ts
function normalMixtureBoundary(v, alpha, rho) {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  if (!(rho > 0)) throw new RangeError(`rho must be > 0, got ${rho}`);
  if (!(v >= 0)) return NaN;
  return Math.sqrt((v + rho) * Math.log((v + rho) / (rho * alpha * alpha)));
}
function normalMixtureRho(vOpt, alpha) {
  if (!(vOpt > 0)) throw new RangeError(`vOpt must be > 0, got ${vOpt}`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  const l = 2 * Math.log(1 / alpha);
  return vOpt / (l + Math.log1p(l));
}

// src/stats/quantile-confidence-sequence.ts
function quantileConfidenceSequence(sorted, p, options) {
  const n = sorted.length;
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1), got ${p}`);
  const alpha = 1 - options.confidence;
  const sigma2 = p === 0.5 ? 0.25 : (1 - 2 * p) / (2 * Math.log((1 - p) / p));
  const factor = Math.max(1, options.varianceFactor ?? 1);
  const rho = normalMixtureRho(sigma2 * (options.tightestAt ?? 100), alpha);
  if (n === 0) return { estimate: NaN, lower: -Infinity, upper: Infinity, ranks: [0, 1] };
  const u = normalMixtureBoundary(sigma2 * factor * n, alpha, rho * factor);
  const lowRank = Math.ceil(n * p - u - 1e-9);
  const highRank = Math.floor(n * p + u + 1e-9) + 1;
  const at = (rank) => sorted[rank - 1];
  return {
    estimate: at(Math.max(1, Math.ceil(n * p - 1e-9))),
    lower: lowRank >= 1 ? at(lowRank) : -Infinity,
    upper: highRank <= n ? at(highRank) : Infinity,
    ranks: [Math.max(0, lowRank), Math.min(n + 1, highRank)]
  };
}
export {
  adjustPValues,
  alwaysValidPValues,
  betaPdf,
  betaQuantile,
  betaQuantileComplement,
  binomialCdf,
  binomialPmf,
  binomialSf,
  binomialTwoSided,
  cles,
  clopperPearson,
  fisherExact,
  hodgesLehmann,
  hodgesLehmannRatio,
  iqr,
  kthPairwiseDifference,
  lag1Autocorrelation,
  logBeta,
  logGamma,
  mad,
  mannWhitney,
  mannWhitneyHodgesLehmann,
  meanRatio,
  median,
  midRanks,
  mulberry32,
  normalCdf,
  normalMixtureBoundary,
  normalMixtureRho,
  normalMixtureSprt,
  normalPdf,
  normalQuantile,
  normalSf,
  poissonEventsNeeded,
  poissonMixtureLogBayesFactor,
  poissonMixtureRateRatioInterval,
  poissonRateRatio,
  pooledTTest,
  propTestYates,
  proportionsMsprt,
  pwilcox,
  quantile,
  quantileConfidenceSequence,
  quantileSorted,
  quantiles,
  qwilcox,
  regularizedIncompleteBeta,
  regularizedIncompleteBetaComplement,
  relativeRisk,
  removeOutliersIqr,
  removeOutliersMad,
  sampleSizeMannWhitney,
  sampleSizeTwoProportions,
  studentTCdf,
  studentTPdf,
  studentTQuantile,
  studentTSf,
  studentTTwoSided,
  tieTerm,
  twoProportionZ,
  twoSampleRanks,
  varianceInflation,
  welchTTest,
  wilsonInterval
};
