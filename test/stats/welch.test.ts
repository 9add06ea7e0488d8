import fc from 'fast-check';
import { tTestTwoSample } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { pooledTTest, welchTTest } from '../../src/stats/welch.js';
import { expectClose, reference } from './reference.js';

interface WelchRef {
  t: number;
  df: number;
  p_two_sided: number;
  p_greater: number;
  ci95_mean_difference: [number, number];
  mean_canary: number;
  mean_baseline: number;
}
interface PooledRef {
  t: number;
  df: number;
  p_two_sided: number;
}
interface MwSet {
  inputs: { canary: number[]; baseline: number[] };
  expected: { welch_t?: WelchRef | null; student_pooled_t?: PooledRef | null };
}

describe('welchTTest / pooledTTest against R t.test', () => {
  for (const [name, set] of Object.entries(reference.mann_whitney_sets as Record<string, MwSet>)) {
    const { canary, baseline } = set.inputs;
    const w = set.expected.welch_t;
    const s = set.expected.student_pooled_t;
    it(`${name}: Welch`, () => {
      const two = welchTTest(canary, baseline);
      if (!w) {
        // R: "data are essentially constant" — reported as NaN here
        expect(two.t).toBeNaN();
        expect(two.p).toBeNaN();
        expect(two.ci.every(Number.isNaN)).toBe(true);
        return;
      }
      expectClose(two.t, w.t, 1e-12);
      expectClose(two.df, w.df, 1e-12);
      expectClose(two.p, w.p_two_sided, 1e-12);
      expectClose(two.ci[0], w.ci95_mean_difference[0], 1e-12);
      expectClose(two.ci[1], w.ci95_mean_difference[1], 1e-12);
      expectClose(two.meanCanary, w.mean_canary, 1e-13);
      expectClose(two.meanBaseline, w.mean_baseline, 1e-13);
      const greater = welchTTest(canary, baseline, { alternative: 'greater' });
      expectClose(greater.p, w.p_greater, 1e-12);
      expect(greater.ci[1]).toBe(Infinity);
      const less = welchTTest(canary, baseline, { alternative: 'less' });
      expectClose(less.p, 1 - w.p_greater, 1e-12);
      expect(less.ci[0]).toBe(-Infinity);
    });
    it(`${name}: pooled`, () => {
      const r = pooledTTest(canary, baseline);
      if (!s) {
        expect(r.p).toBeNaN();
        return;
      }
      expectClose(r.t, s.t, 1e-12);
      expect(r.df).toBe(s.df);
      expectClose(r.p, s.p_two_sided, 1e-12);
      // simple-statistics returns the same pooled t (no p-value)
      expectClose(r.t, tTestTwoSample(canary, baseline, 0) ?? NaN, 1e-12);
    });
  }
});

describe('t test edge cases', () => {
  it('too few values or zero spread give NaN, NaN values throw', () => {
    expect(welchTTest([1], [1, 2, 3]).p).toBeNaN();
    expect(welchTTest([], [1, 2, 3]).p).toBeNaN();
    expect(welchTTest([2, 2, 2], [5, 5]).t).toBeNaN();
    // one side constant is fine for Welch
    expect(Number.isFinite(welchTTest([2, 2, 2], [5, 6, 7]).p)).toBe(true);
    expect(() => welchTTest([1, NaN], [1, 2])).toThrow(RangeError);
    expect(() => welchTTest([1, 2], [1, 2], { confidence: 1 })).toThrow(RangeError);
  });

  it('is accurate with a large common offset (compensated moments)', () => {
    const base = 1e9;
    const a = [1, 2, 3, 4, 5].map((v) => base + v);
    const b = [2, 3, 4, 5, 6, 7].map((v) => base + v);
    const r = welchTTest(a, b);
    const ref = welchTTest([1, 2, 3, 4, 5], [2, 3, 4, 5, 6, 7]);
    expectClose(r.t, ref.t, 1e-9);
    expectClose(r.df, ref.df, 1e-9);
  });

  it('confidence level widens the interval; 99% ⊃ 95%', () => {
    const a = [10.1, 9.8, 10.4, 10.0, 9.9, 10.3];
    const b = [9.7, 9.9, 9.6, 10.0, 9.8];
    const r95 = welchTTest(a, b);
    const r99 = welchTTest(a, b, { confidence: 0.99 });
    expect(r99.ci[0]).toBeLessThan(r95.ci[0]);
    expect(r99.ci[1]).toBeGreaterThan(r95.ci[1]);
  });
});

describe('t test properties', () => {
  const sample = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 40 });

  it('swapping the samples flips t and the interval; p-values are consistent', () => {
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const r = welchTTest(a, b);
        if (Number.isNaN(r.t)) return true;
        const s = welchTTest(b, a);
        const greater = welchTTest(a, b, { alternative: 'greater' }).p;
        const less = welchTTest(a, b, { alternative: 'less' }).p;
        const tol = 1e-9 * (1 + Math.abs(r.difference));
        return (
          Math.abs(r.t + s.t) <= 1e-9 * (1 + Math.abs(r.t)) &&
          Math.abs(r.ci[0] + s.ci[1]) <= tol &&
          r.p >= 0 && r.p <= 1 &&
          Math.abs(greater + less - 1) <= 1e-12 &&
          Math.abs(r.p - 2 * Math.min(greater, less)) <= 1e-12 &&
          r.ci[0] <= r.difference && r.difference <= r.ci[1]
        );
      }),
    );
  });

  it('t is invariant to a common shift of both samples', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 2, maxLength: 30 }),
        fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 2, maxLength: 30 }),
        fc.integer({ min: -1000, max: 1000 }),
        (a, b, c) => {
          const r = welchTTest(a, b);
          if (Number.isNaN(r.t)) return true;
          const s = welchTTest(a.map((v) => v + c), b.map((v) => v + c));
          return Math.abs(r.t - s.t) <= 1e-9 * (1 + Math.abs(r.t)) && Math.abs(r.p - s.p) <= 1e-9;
        },
      ),
    );
  });
});
