import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, normalSf } from '../../src/stats/normal.js';
import { studentTCdf, studentTPdf, studentTQuantile, studentTSf, studentTTwoSided } from '../../src/stats/student-t.js';
import { expectClose, reference } from './reference.js';

interface TCase {
  t: number;
  df: number;
  p_two_sided: number;
  upper_tail: number;
}

describe('Student t against R pt', () => {
  for (const c of reference.student_t_cdf as TCase[]) {
    it(`t = ${c.t}, df = ${c.df}`, () => {
      expectClose(studentTSf(c.t, c.df), c.upper_tail, 1e-13);
      expectClose(studentTCdf(-c.t, c.df), c.upper_tail, 1e-13);
      expectClose(studentTTwoSided(c.t, c.df), c.p_two_sided, 1e-13);
      expectClose(studentTCdf(c.t, c.df), 1 - c.upper_tail, 1e-13);
      // quantile from the smaller tail recovers t (to the 15 digits the tail is printed with)
      const small = Math.min(c.upper_tail, 1 - c.upper_tail);
      const q = studentTQuantile(small, c.df);
      expectClose(Math.abs(q), Math.abs(c.t), 1e-12);
    });
  }

  it('reproduces the Welch and pooled t p-values of the Mann-Whitney sets', () => {
    for (const set of Object.values(reference.mann_whitney_sets as Record<string, { expected: Record<string, unknown> }>)) {
      const w = set.expected.welch_t as { t: number; df: number; p_two_sided: number; p_greater: number } | undefined;
      const s = set.expected.student_pooled_t as { t: number; df: number; p_two_sided: number } | undefined;
      if (w) {
        expectClose(studentTTwoSided(w.t, w.df), w.p_two_sided, 1e-12);
        expectClose(studentTSf(w.t, w.df), w.p_greater, 1e-12);
      }
      if (s) expectClose(studentTTwoSided(s.t, s.df), s.p_two_sided, 1e-12);
    }
  });
});

describe('Student t closed forms and limits', () => {
  it('df = 1 (Cauchy) and df = 2 closed forms', () => {
    for (const t of [-1e6, -30, -2, -0.3, 1e-9, 0.7, 5, 1e4]) {
      expectClose(studentTCdf(t, 1), t < 0 ? Math.atan(-1 / t) / Math.PI : 0.5 + Math.atan(t) / Math.PI, 1e-14);
      const r = Math.sqrt(2 + t * t);
      expectClose(studentTCdf(t, 2), t < 0 ? 1 / (r * (r - t)) : 0.5 + t / (2 * r), 1e-14);
    }
    for (const p of [1e-300, 1e-20, 0.01, 0.3, 0.4999, 0.5 + 2 ** -40, 0.9, 0.999999]) {
      // qt(p, 1) = −cot(πp), qt(p, 2) = (2p − 1)/√(2p(1 − p))
      const cauchy = p < 0.25 ? -1 / Math.tan(Math.PI * p) : p > 0.75 ? 1 / Math.tan(Math.PI * (1 - p)) : Math.tan(Math.PI * (p - 0.5));
      expectClose(studentTQuantile(p, 1), cauchy, 1e-12);
      expectClose(studentTQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 1e-12);
    }
  });

  it('df = Infinity is the normal; huge df converges to it', () => {
    for (const t of [-3, 0.5, 2, 8]) {
      expect(studentTSf(t, Infinity)).toBe(normalSf(t));
      expect(studentTCdf(t, Infinity)).toBe(normalCdf(t));
      // t(ν) − normal is O((t⁴ + t²)/4ν) relative in the tail
      expectClose(studentTSf(t, 1e12), normalSf(t), (t ** 4 + t * t) / 2e12 + 1e-12);
    }
    expect(studentTQuantile(0.975, Infinity)).toBe(normalQuantile(0.975));
    expectClose(studentTQuantile(0.975, 1e12), normalQuantile(0.975), 1e-10);
  });

  it('keeps precision for large df (scipy 1.17 / Boost)', () => {
    expectClose(studentTSf(1.96, 1e6), 0.02499803379263489, 1e-12);
    expectClose(studentTSf(40, 1000), 5.239426077586636e-210, 1e-12);
    expectClose(studentTQuantile(0.025, 4e5), -1.9599699152357706, 1e-12);
    expectClose(studentTQuantile(1e-8, 1e6), -5.6120468343692815, 1e-12);
  });

  it('edge cases', () => {
    expect(studentTSf(0, 3)).toBe(0.5);
    expect(studentTSf(Infinity, 3)).toBe(0);
    expect(studentTSf(-Infinity, 3)).toBe(1);
    expect(studentTSf(1e300, 3)).toBe(0);
    expect(studentTTwoSided(0, 3)).toBe(1);
    expect(studentTSf(NaN, 3)).toBeNaN();
    expect(studentTSf(1, 0)).toBeNaN();
    expect(studentTSf(1, -2)).toBeNaN();
    expect(studentTSf(1, NaN)).toBeNaN();
    expect(studentTQuantile(0, 5)).toBe(-Infinity);
    expect(studentTQuantile(1, 5)).toBe(Infinity);
    expect(studentTQuantile(0.5, 5)).toBe(0);
    expect(studentTQuantile(1.5, 5)).toBeNaN();
    expect(studentTQuantile(0.3, 0)).toBeNaN();
    expectClose(studentTPdf(0, 1), 1 / Math.PI, 1e-15);
    expectClose(studentTPdf(0, Infinity), 1 / Math.sqrt(2 * Math.PI), 1e-15);
  });
});

describe('Student t properties', () => {
  const df = fc.double({ min: 0.2, max: 1e5, noNaN: true });
  const t = fc.double({ min: -1e3, max: 1e3, noNaN: true });

  it('CDF in [0, 1], monotone, symmetric', () => {
    fc.assert(
      fc.property(t, t, df, (a, b, d) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const c = studentTCdf(lo, d);
        return c >= 0 && c <= 1 && c <= studentTCdf(hi, d) && studentTCdf(a, d) === studentTSf(-a, d);
      }),
    );
  });

  it('quantile ∘ CDF ≈ identity (lower tail, relative)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-250, max: 0.5, noNaN: true }), df, (p, d) => {
        const q = studentTQuantile(p, d);
        if (!Number.isFinite(q)) return true; // beyond the largest double (tiny df, tiny p)
        const back = studentTCdf(q, d);
        // q carries ~1 ulp; the CDF then moves by ≲ (d + 1)·ulp relative in the tail
        return Math.abs(back - p) <= Math.max(1e-12, 1e-15 * (d + 1)) * p;
      }),
    );
  });

  it('two-sided p-value is 2·min(tail) and in [0, 1]', () => {
    fc.assert(
      fc.property(t, df, (x, d) => {
        const two = studentTTwoSided(x, d);
        const tail = Math.min(studentTSf(x, d), studentTCdf(x, d));
        return two >= 0 && two <= 1 && Math.abs(two - 2 * tail) <= 1e-15 + 1e-13 * two;
      }),
    );
  });
});
