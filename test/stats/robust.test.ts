import fc from 'fast-check';
import { medianAbsoluteDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { quantile } from '../../src/stats/quantile.js';
import { MAD_NORMAL_CONSTANT, mad, removeOutliersIqr, removeOutliersMad } from '../../src/stats/robust.js';
import { expectClose, reference } from './reference.js';

interface MwSet {
  inputs: { canary: number[]; baseline: number[] };
  expected: { robust_scale: Record<'mad_raw' | 'mad_normal_consistent_1_4826', Record<'canary' | 'baseline', number>> };
}

describe('MAD against R mad() / simple-statistics', () => {
  for (const [name, set] of Object.entries(reference.mann_whitney_sets as Record<string, MwSet>)) {
    it(name, () => {
      for (const side of ['canary', 'baseline'] as const) {
        const values = set.inputs[side];
        const e = set.expected.robust_scale;
        expectClose(mad(values), e.mad_raw[side], 1e-12, 1e-15);
        expectClose(mad(values, { normalConsistent: true }), e.mad_normal_consistent_1_4826[side], 1e-12, 1e-15);
        expect(mad(values)).toBe(medianAbsoluteDeviation(values));
      }
    });
  }

  it('edge cases', () => {
    expect(() => mad([])).toThrow(RangeError);
    expect(() => mad([1, NaN])).toThrow(/NaN/);
    expect(mad([5])).toBe(0);
    expect(mad([1, 2, 3, 4, 1000])).toBe(1);
    expect(mad([1, 2, 3, 4, 1000], { normalConsistent: true })).toBe(MAD_NORMAL_CONSTANT);
  });
});

describe("removeOutliersIqr (Kayenta's IQRDetector with reduceSensitivity)", () => {
  it('fences are min(P1, Q1 − f·IQR) and max(P99, Q3 + f·IQR)', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 45];
    // Q1 = 6, Q3 = 16, IQR = 10; P99 = 20 + 0.8·25 = 40
    const f3 = removeOutliersIqr(values, 3);
    expect(f3.upperFence).toBe(46);
    expect(f3.lowerFence).toBe(-24);
    expect(f3.removed).toBe(0);
    const f1 = removeOutliersIqr(values, 1);
    expectClose(f1.upperFence, 40, 1e-15); // P99 beats Q3 + IQR = 26
    expect(f1.kept).toEqual(values.slice(0, -1));
    expect(f1.removed).toBe(1);
  });

  it('factor 0 keeps everything between P1 and P99 (not between Q1 and Q3)', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    const r = removeOutliersIqr(values, 0);
    expectClose(r.lowerFence, 1.99, 1e-14);
    expectClose(r.upperFence, 99.01, 1e-14);
    expect(r.removed).toBe(2);
    expect(r.kept).toEqual(values.slice(1, -1));
  });

  it('defaults to factor 3, keeps input order, handles empty and constant input', () => {
    const values = [10, 11, 1000, 9, 10, 12, 11, 10, 9, 11, -500, 10];
    const r = removeOutliersIqr(values);
    expect(r.kept).toEqual([10, 11, 9, 10, 12, 11, 10, 9, 11, 10]);
    expect(r.removed).toBe(2);
    expect(removeOutliersIqr([])).toEqual({ kept: [], removed: 0, lowerFence: NaN, upperFence: NaN });
    expect(removeOutliersIqr([4, 4, 4]).removed).toBe(0);
    expect(() => removeOutliersIqr([1, NaN])).toThrow(RangeError);
    expect(() => removeOutliersIqr([1, 2], -1)).toThrow(RangeError);
  });
});

describe('removeOutliersMad', () => {
  it('drops points beyond k·1.4826·MAD from the median', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100];
    // median 5.5, MAD 2.5 → scale 3.7065, k = 3.5 → fences 5.5 ± 12.97275
    const r = removeOutliersMad(values);
    expect(r.removed).toBe(1);
    expect(r.kept).toEqual(values.slice(0, -1));
    expectClose(r.upperFence, 5.5 + 3.5 * 1.4826 * 2.5, 1e-15);
    expect(removeOutliersMad(values, 100).removed).toBe(0);
  });

  it('keeps everything when MAD = 0 (zero-inflated series) and for empty input', () => {
    const zeros = [0, 0, 0, 0, 0, 0, 3, 0, 0, 7];
    expect(removeOutliersMad(zeros)).toEqual({ kept: zeros, removed: 0, lowerFence: -Infinity, upperFence: Infinity });
    expect(removeOutliersMad([]).removed).toBe(0);
    expect(() => removeOutliersMad([1, 2], 0)).toThrow(RangeError);
  });
});

describe('robust properties', () => {
  const values = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 120 });

  it('filters partition the input and respect their fences', () => {
    fc.assert(
      fc.property(values, fc.double({ min: 0, max: 5, noNaN: true }), (xs, f) => {
        const r = removeOutliersIqr(xs, f);
        const inside = r.kept.every((v) => v >= r.lowerFence && v <= r.upperFence);
        const p1 = quantile(xs, 0.01);
        const p99 = quantile(xs, 0.99);
        return r.kept.length + r.removed === xs.length && inside && r.lowerFence <= p1 && r.upperFence >= p99;
      }),
    );
  });

  it('MAD is non-negative, shift-invariant and scale-equivariant', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 80 }), fc.integer({ min: -1000, max: 1000 }), (xs, c) => {
        const m = mad(xs);
        return m >= 0 && mad(xs.map((v) => v + c)) === m && mad(xs.map((v) => -2 * v)) === 2 * m;
      }),
    );
  });
});
