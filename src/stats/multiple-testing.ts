/**
 * Multiple-testing adjustment of p-values with R `p.adjust` semantics: adjusted values are
 * returned in the input order, capped at 1, and monotone in the raw p-values.
 *
 * - bonferroni: min(1, m·p)
 * - holm: step-down, cummax over ascending p of (m − i + 1)·p₍ᵢ₎
 * - hochberg: step-up, cummin over descending p of (m − i + 1)·p₍ᵢ₎
 * - BH (Benjamini–Hochberg, FDR): cummin over descending p of (m/i)·p₍ᵢ₎
 * - BY (Benjamini–Yekutieli): BH × Σ_{k≤m} 1/k
 *
 * m is the number of non-NaN p-values unless `n` (≥ that count) is given, as in R. NaN entries
 * stay NaN and are ignored like R's NA. p-values outside [0, 1] throw a RangeError. The results
 * are the same floating-point operations as R's, so they agree to the last bit or two.
 */

export type PAdjustMethod = 'holm' | 'hochberg' | 'bonferroni' | 'BH' | 'BY' | 'none';

export interface PAdjustOptions {
  /** Number of tests m (default: the number of non-NaN p-values); must be ≥ that number. */
  n?: number;
}

/** Adjusted p-values in input order (R `p.adjust(p, method, n)`). */
export function adjustPValues(p: readonly number[], method: PAdjustMethod, options: PAdjustOptions = {}): number[] {
  const idx: number[] = [];
  p.forEach((v, i) => {
    if (Number.isNaN(v)) return;
    if (!(v >= 0 && v <= 1)) throw new RangeError(`adjustPValues: p-value at index ${i} is outside [0, 1]: ${v}`);
    idx.push(i);
  });
  const lp = idx.length;
  const n = options.n ?? lp;
  if (!(Number.isInteger(n) && n >= lp)) throw new RangeError(`adjustPValues: n must be an integer ≥ ${lp}, got ${n}`);
  const out = p.map((v) => (Number.isNaN(v) ? NaN : v));
  if (lp === 0 || method === 'none') return out;
  const val = (i: number): number => p[i]!;

  switch (method) {
    case 'bonferroni':
      for (const i of idx) out[i] = Math.min(1, n * val(i));
      return out;
    case 'holm': {
      // ascending p (stable), step-down running maximum
      const o = [...idx].sort((a, b) => val(a) - val(b));
      let running = -Infinity;
      o.forEach((i, k) => {
        running = Math.max(running, (n - k) * val(i)); // (n − rank + 1)·p, rank = k + 1
        out[i] = Math.min(1, running);
      });
      return out;
    }
    case 'hochberg':
    case 'BH':
    case 'BY': {
      // descending p (stable), step-up running minimum; rank i runs lp, lp−1, …, 1
      const o = [...idx].sort((a, b) => val(b) - val(a));
      let q = 1;
      if (method === 'BY') {
        q = 0;
        for (let k = 1; k <= n; k++) q += 1 / k;
      }
      let running = Infinity;
      o.forEach((j, k) => {
        const rank = lp - k;
        const adj = method === 'hochberg' ? (n + 1 - rank) * val(j) : method === 'BH' ? (n / rank) * val(j) : ((q * n) / rank) * val(j);
        running = Math.min(running, adj);
        out[j] = Math.min(1, running);
      });
      return out;
    }
    default: {
      const never: never = method;
      throw new RangeError(`adjustPValues: unknown method ${String(never)}`);
    }
  }
}
