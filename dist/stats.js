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
  return Array.from(Float64Array.from(values).sort());
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
  return Float64Array.from(values).sort();
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
  const order = new Uint32Array(n);
  for (let i2 = 0; i2 < n; i2++) order[i2] = i2;
  order.sort((a, b) => {
    const va = v[a];
    const vb = v[b];
    return va < vb ? -1 : va > vb ? 1 : 0;
  });
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
  const alternative = options.alternative ?? "two-sided";
  const requested = options.method ?? "auto";
  const correct = options.correct ?? true;
  const m = canarySorted.length;
  const n = baselineSorted.length;
  const wantExactAtAll = requested === "exact" || requested === "auto" && m < EXACT_SAMPLE_LIMIT && n < EXACT_SAMPLE_LIMIT;
  const r = twoSampleRanksSorted(canarySorted, baselineSorted, wantExactAtAll);
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

// src/stats/hodges-lehmann.ts
var SAMPLE_SIZE = 65536;
var ENUMERATE_MIN = 4096;
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
var PairwiseDifferences = class {
  m;
  n;
  /** m·n. */
  size;
  xs;
  yd;
  /** Both arrays ascending, finite, no NaN (not checked here; see {@link checkedSortedCopy}). */
  constructor(canarySorted, baselineSorted) {
    this.xs = canarySorted;
    this.yd = Float64Array.from(baselineSorted).reverse();
    this.m = canarySorted.length;
    this.n = baselineSorted.length;
    this.size = this.m * this.n;
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
    return this.selectCore(k, false)[0];
  }
  /** [D_(k), D_(k+1)] (1 ≤ k < m·n), usually at the cost of one {@link select}. */
  selectPair(k) {
    if (k >= this.size) throw new RangeError(`PairwiseDifferences.selectPair: k must be below ${this.size}`);
    return this.selectCore(k, true);
  }
  selectCore(k, withNext) {
    const { xs, yd, m, n, size } = this;
    if (!(Number.isInteger(k) && k >= 1 && k <= size)) throw new RangeError(`PairwiseDifferences.select: k must be an integer in [1, ${size}], got ${k}`);
    const lo = new Int32Array(m);
    const hi = new Int32Array(m).fill(n);
    const cntA = new Int32Array(m);
    const cntB = new Int32Array(m);
    const cum = new Float64Array(m);
    for (let i = 0; i < m; i++) cum[i] = (i + 1) * n;
    const samples = size > Math.max(ENUMERATE_MIN, m + n) ? new Float64Array(SAMPLE_SIZE) : new Float64Array(0);
    const rand = mulberry32(625341585 ^ k % 2147483647);
    const enumerateAt = Math.max(ENUMERATE_MIN, m + n);
    let below = 0;
    let active = size;
    let stalled = false;
    while (active > enumerateAt) {
      const step = active / SAMPLE_SIZE;
      let row = 0;
      for (let s = 0; s < SAMPLE_SIZE; s++) {
        const r = Math.min(active - 1, Math.floor((s + rand()) * step));
        while (cum[row] <= r) row++;
        samples[s] = xs[row] - yd[lo[row] + r - (row > 0 ? cum[row - 1] : 0)];
      }
      const target = k - below;
      const frac = target / active;
      const f = (target - 0.5) / active * SAMPLE_SIZE;
      const spread = stalled ? 0 : 2.5 * Math.sqrt(SAMPLE_SIZE * frac * (1 - frac)) + 2;
      const iLo = Math.min(SAMPLE_SIZE - 1, Math.max(0, Math.floor(f - spread)));
      const iHi = stalled ? iLo : Math.min(SAMPLE_SIZE - 1, Math.max(0, Math.ceil(f + spread)));
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
    let best = Infinity;
    for (let i = 0; i < this.m; i++) {
      const j = cnt[i];
      if (j < this.n) {
        const d = this.xs[i] - this.yd[j];
        if (d < best) best = d;
      }
    }
    return best;
  }
  /** Median of the differences (mean of D_(mn/2) and D_(mn/2+1) when m·n is even). */
  median() {
    const size = this.size;
    if (size % 2 === 1) return this.select((size + 1) / 2);
    const [a, b] = this.selectPair(size / 2);
    return a / 2 + b / 2;
  }
  /** The pairwise difference nearest to v (the smaller one on an exact tie of distances). O(m+n). */
  nearest(v) {
    if (!Number.isFinite(v)) return v;
    const { m, n, xs, yd } = this;
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
function checkedSortedCopy(values, what) {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) throw new RangeError(`${what}: value at index ${i} is ${v}; Hodges\u2013Lehmann needs finite values (drop missing samples first)`);
  }
  return Float64Array.from(values).sort();
}
function kthPairwiseDifference(canary, baseline, k) {
  return new PairwiseDifferences(checkedSortedCopy(canary, "kthPairwiseDifference canary"), checkedSortedCopy(baseline, "kthPairwiseDifference baseline")).select(k);
}
var AllTiedAtShift = class extends Error {
};
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
function hodgesLehmann(canary, baseline, options = {}) {
  return hodgesLehmannSorted(checkedSortedCopy(canary, "hodgesLehmann canary"), checkedSortedCopy(baseline, "hodgesLehmann baseline"), options);
}
function hodgesLehmannSorted(xs, ys, options = {}) {
  const confLevel = options.confLevel ?? 0.95;
  const alternative = options.alternative ?? "two-sided";
  const requested = options.method ?? "auto";
  const correct = options.correct ?? true;
  if (!(confLevel > 0 && confLevel < 1)) throw new RangeError(`hodgesLehmann: confLevel must be in (0, 1), got ${confLevel}`);
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
  const ranks = twoSampleRanksSorted(xs, ys);
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
  const diffs = new PairwiseDifferences(xs, ys);
  const estimate = diffs.median();
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
  if (method === "exact") {
    try {
      const oneSided = alternative !== "two-sided";
      let k = qwilcox(oneSided ? alpha : alpha / 2, m, n);
      if (k === 0) k = 1;
      const achievedAlpha = (oneSided ? 1 : 2) * pwilcox(Math.trunc(k) - 1, m, n);
      const lower2 = alternative === "less" ? -Infinity : diffs.select(k);
      const upper2 = alternative === "greater" ? Infinity : diffs.select(mn - k + 1);
      return {
        ...common,
        estimate,
        rEstimate: estimate,
        ci: [lower2, upper2],
        ciSnapped: [lower2, upper2],
        ciRanks: [k, mn - k + 1],
        achievedConfidence: 1 - achievedAlpha,
        method,
        degenerate: null,
        note: null
      };
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      method = "order-statistic";
      notes.push(`exact distribution for m=${m}, n=${n} is over the computation budget`);
    }
  }
  if (method === "asymptotic") {
    if (!Number.isFinite(xs[m - 1] - ys[0]) || !Number.isFinite(xs[0] - ys[n - 1])) {
      method = "order-statistic";
      notes.push("differences overflow: used the order-statistic form");
    } else {
      try {
        const r = rAsymptotic(xs, ys, confLevel, alternative, correct);
        if (r.estimate === null) notes.push("R's uniroot for the estimate fails here (all differences equal); rEstimate is the median");
        return {
          ...common,
          estimate,
          rEstimate: r.estimate ?? estimate,
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
  const lower = alternative === "less" ? -Infinity : diffs.select(kLow);
  const upper = alternative === "greater" ? Infinity : diffs.select(kHigh);
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
    return out.sort();
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
export {
  adjustPValues,
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
  meanRatio,
  median,
  midRanks,
  normalCdf,
  normalPdf,
  normalQuantile,
  normalSf,
  poissonEventsNeeded,
  poissonRateRatio,
  pooledTTest,
  propTestYates,
  pwilcox,
  quantile,
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
