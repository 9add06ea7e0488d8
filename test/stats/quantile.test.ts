import fc from 'fast-check';
import { quantileSorted as ssQuantileSorted } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { iqr, median, quantile, quantileSorted, quantiles, sortAscending } from '../../src/stats/quantile.js';
import { expectClose, reference } from './reference.js';

const LEVELS = { p50: 0.5, p90: 0.9, p95: 0.95, p99: 0.99 } as const;
type Level = keyof typeof LEVELS;

interface EdgeCase {
  x: number[];
  type7: Record<Level, number>;
}
interface MwSet {
  inputs: { canary: number[]; baseline: number[] };
  expected: { quantiles_type7: Record<'canary' | 'baseline', Record<Level, number>>; robust_scale: { iqr_type7: Record<'canary' | 'baseline', number> } };
}

describe('type-7 quantiles against R quantile()', () => {
  for (const c of reference.quantile_edge_cases as EdgeCase[]) {
    it(`edge case [${c.x.join(', ')}]`, () => {
      for (const [name, p] of Object.entries(LEVELS) as [Level, number][]) {
        expectClose(quantile(c.x, p), c.type7[name], 1e-12);
      }
    });
  }

  for (const [name, set] of Object.entries(reference.mann_whitney_sets as Record<string, MwSet>)) {
    it(`Mann-Whitney set ${name}: quantiles and IQR`, () => {
      for (const side of ['canary', 'baseline'] as const) {
        const values = set.inputs[side];
        const ps = Object.values(LEVELS);
        const all = quantiles(values, ps);
        (Object.entries(LEVELS) as [Level, number][]).forEach(([level, p], i) => {
          expectClose(quantile(values, p), set.expected.quantiles_type7[side][level], 1e-12);
          expect(all[i]).toBe(quantile(values, p));
        });
        expectClose(iqr(values), set.expected.robust_scale.iqr_type7[side], 1e-12, 1e-12);
      }
    });
  }
});

describe('quantile edge cases', () => {
  it('rejects empty input, NaN values and p outside [0, 1]', () => {
    expect(() => quantile([], 0.5)).toThrow(RangeError);
    expect(() => quantile([1, NaN, 3], 0.5)).toThrow(/NaN/);
    expect(() => quantile([1, 2], 1.5)).toThrow(RangeError);
    expect(() => quantile([1, 2], -0.1)).toThrow(RangeError);
    expect(() => quantile([1, 2], NaN)).toThrow(RangeError);
    expect(() => iqr([])).toThrow(RangeError);
    expect(() => quantileSorted([], 0.5)).toThrow(RangeError);
  });

  it('ends, single values, infinities, huge magnitudes', () => {
    expect(quantile([5, 1, 3], 0)).toBe(1);
    expect(quantile([5, 1, 3], 1)).toBe(5);
    expect(quantile([7], 0.37)).toBe(7);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([1, Infinity], 0.5)).toBe(Infinity);
    expect(quantile([Infinity, Infinity, 1], 0.9)).toBe(Infinity);
    expect(quantile([-Infinity, 0, 1], 0)).toBe(-Infinity);
    expect(quantile([1e308, 1.5e308], 0.5)).toBe(1.25e308);
    expect(quantile([-1e308, 1e308], 0.5)).toBe(0);
    expect(iqr([3, 3, 3, 3])).toBe(0);
  });

  it('sorts numerically, not as strings', () => {
    expect(Array.from(sortAscending([10, 9, 100, -1]))).toEqual([-1, 9, 10, 100]);
    expect(quantile([10, 9, 100], 0.5)).toBe(10);
  });
});

describe('quantile properties', () => {
  const values = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 });
  const p = fc.double({ min: 0, max: 1, noNaN: true });

  it('equals simple-statistics quantileSorted exactly', () => {
    fc.assert(
      fc.property(values, p, (xs, pp) => {
        const sorted = Array.from(sortAscending(xs));
        return Object.is(quantile(xs, pp), ssQuantileSorted(sorted, pp)) || quantile(xs, pp) === ssQuantileSorted(sorted, pp);
      }),
    );
  });

  it('is monotone in p, between min and max, and order-independent', () => {
    fc.assert(
      fc.property(values, p, p, (xs, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const qlo = quantile(xs, lo);
        const qhi = quantile(xs, hi);
        const reversed = [...xs].reverse();
        return qlo <= qhi && qlo >= Math.min(...xs) && qhi <= Math.max(...xs) && quantile(reversed, a) === quantile(xs, a);
      }),
    );
  });

  it('IQR is non-negative and shift-invariant', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 100 }), fc.integer({ min: -1000, max: 1000 }), (xs, c) => {
        const r = iqr(xs);
        return r >= 0 && Math.abs(iqr(xs.map((v) => v + c)) - r) <= 1e-9;
      }),
    );
  });
});
