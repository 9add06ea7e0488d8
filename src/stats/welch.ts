/**
 * Two-sample t tests on the difference of means, canary − baseline (canary is R's x).
 *
 * - welchTTest: unequal variances (R `t.test(canary, baseline)`, Welch–Satterthwaite df).
 * - pooledTTest: equal variances (R `t.test(..., var.equal = TRUE)`; simple-statistics
 *   `tTestTwoSample` returns this t without a p-value).
 *
 * alternative: 'two-sided' (default), 'greater' (canary mean larger — a regression for latency or
 * errors) or 'less'. The confidence interval is for mean(canary) − mean(baseline); one-sided
 * alternatives give a one-sided interval with an infinite end, as R does.
 *
 * Degenerate data: a sample with fewer than 2 values, or a zero standard error (all values equal
 * in both samples), gives t, df (Welch), p and the interval as NaN instead of R's error, so callers
 * can report "inconclusive"; NaN inputs throw a RangeError (filter them first).
 *
 * Accuracy: means and variances use a compensated two-pass algorithm; p-values and quantiles come
 * from student-t.ts (relative error ≲ 1e-13), so results match R to ~1e-13.
 */

import { studentTCdf, studentTQuantile, studentTSf, studentTTwoSided } from './student-t.js';

export type Alternative = 'two-sided' | 'greater' | 'less';

export interface TTestOptions {
  /** Confidence level of the interval, default 0.95. */
  confidence?: number;
  /** Alternative hypothesis about mean(canary) − mean(baseline), default 'two-sided'. */
  alternative?: Alternative;
}

export interface TTestResult {
  t: number;
  df: number;
  /** p-value for the chosen alternative. */
  p: number;
  /** Confidence interval for mean(canary) − mean(baseline). */
  ci: [number, number];
  meanCanary: number;
  meanBaseline: number;
  /** mean(canary) − mean(baseline). */
  difference: number;
  /** Standard error of the difference. */
  stdErr: number;
  alternative: Alternative;
  confidence: number;
}

interface Moments {
  n: number;
  mean: number;
  /** Sample variance (n − 1 denominator); NaN for n < 2. */
  variance: number;
}

function moments(values: readonly number[], what: string): Moments {
  const n = values.length;
  let sum = 0;
  let comp = 0; // Neumaier summation
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
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
  return { n, mean, variance: Math.max(0, (ss - (dev * dev) / n) / (n - 1)) };
}

function checkOptions(options: TTestOptions): { confidence: number; alternative: Alternative } {
  const confidence = options.confidence ?? 0.95;
  const alternative = options.alternative ?? 'two-sided';
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  if (alternative !== 'two-sided' && alternative !== 'greater' && alternative !== 'less') {
    throw new RangeError(`alternative must be 'two-sided', 'greater' or 'less', got ${String(alternative)}`);
  }
  return { confidence, alternative };
}

function finish(
  a: Moments,
  b: Moments,
  stdErr: number,
  df: number,
  confidence: number,
  alternative: Alternative,
): TTestResult {
  const difference = a.mean - b.mean;
  const base = { meanCanary: a.mean, meanBaseline: b.mean, difference, stdErr, alternative, confidence };
  if (!(stdErr > 0) || !(df > 0)) return { ...base, t: NaN, df: NaN, p: NaN, ci: [NaN, NaN] };
  const t = difference / stdErr;
  const alpha = 1 - confidence;
  if (alternative === 'two-sided') {
    const q = -studentTQuantile(alpha / 2, df);
    return { ...base, t, df, p: studentTTwoSided(t, df), ci: [difference - q * stdErr, difference + q * stdErr] };
  }
  const q = -studentTQuantile(alpha, df);
  if (alternative === 'greater') return { ...base, t, df, p: studentTSf(t, df), ci: [difference - q * stdErr, Infinity] };
  return { ...base, t, df, p: studentTCdf(t, df), ci: [-Infinity, difference + q * stdErr] };
}

/** Welch's unequal-variance t test of mean(canary) − mean(baseline) (R `t.test(x = canary, y = baseline)`). */
export function welchTTest(canary: readonly number[], baseline: readonly number[], options: TTestOptions = {}): TTestResult {
  const { confidence, alternative } = checkOptions(options);
  const a = moments(canary, 'welchTTest canary');
  const b = moments(baseline, 'welchTTest baseline');
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const stdErr = Math.sqrt(va + vb);
  const df = ((va + vb) * (va + vb)) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  return finish(a, b, stdErr, df, confidence, alternative);
}

/** Pooled-variance two-sample t test, df = n₁ + n₂ − 2 (R `t.test(canary, baseline, var.equal = TRUE)`). */
export function pooledTTest(canary: readonly number[], baseline: readonly number[], options: TTestOptions = {}): TTestResult {
  const { confidence, alternative } = checkOptions(options);
  const a = moments(canary, 'pooledTTest canary');
  const b = moments(baseline, 'pooledTTest baseline');
  const df = a.n + b.n - 2;
  const ssa = a.n > 1 ? a.variance * (a.n - 1) : 0;
  const ssb = b.n > 1 ? b.variance * (b.n - 1) : 0;
  const pooled = (ssa + ssb) / df;
  const stdErr = a.n > 0 && b.n > 0 && df > 0 ? Math.sqrt(pooled * (1 / a.n + 1 / b.n)) : NaN;
  return finish(a, b, stdErr, df, confidence, alternative);
}
