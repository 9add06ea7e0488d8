import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjustPValues, type PAdjustMethod } from '../../src/stats/multiple-testing.js';
import { expectClose, reference } from './reference.js';

const METHODS = ['holm', 'hochberg', 'bonferroni', 'BH', 'BY'] as const;

interface MtCase extends Record<(typeof METHODS)[number], number[]> {
  p: number[];
  reject_holm_0_05: boolean[];
  reject_BH_0_05: boolean[];
}

describe('adjustPValues against R p.adjust', () => {
  (reference.multiple_testing.cases as MtCase[]).forEach((c, ci) => {
    for (const method of METHODS) {
      it(`case ${ci}: ${method}`, () => {
        const adj = adjustPValues(c.p, method);
        expect(adj).toHaveLength(c.p.length);
        adj.forEach((v, i) => expectClose(v, c[method][i]!, 1e-12));
      });
    }
    it(`case ${ci}: rejections at 0.05`, () => {
      expect(adjustPValues(c.p, 'holm').map((v) => v <= 0.05)).toEqual(c.reject_holm_0_05);
      expect(adjustPValues(c.p, 'BH').map((v) => v <= 0.05)).toEqual(c.reject_BH_0_05);
    });
  });
});

describe('adjustPValues edge cases', () => {
  it('empty input, single value, none', () => {
    for (const m of METHODS) expect(adjustPValues([], m)).toEqual([]);
    for (const m of METHODS) expect(adjustPValues([0.03], m)).toEqual([0.03]);
    expect(adjustPValues([0.5, 0.01], 'none')).toEqual([0.5, 0.01]);
  });

  it('NaN entries stay NaN and are not counted (R NA semantics)', () => {
    expect(adjustPValues([0.01, NaN, 0.02], 'bonferroni')).toEqual([0.02, NaN, 0.04]);
    expect(adjustPValues([0.01, NaN, 0.04], 'BH')).toEqual([0.02, NaN, 0.04]);
  });

  it('honours an explicit number of tests n, and validates it', () => {
    expect(adjustPValues([0.01, 0.02], 'bonferroni', { n: 10 })).toEqual([0.1, 0.2]);
    expect(() => adjustPValues([0.01, 0.02], 'holm', { n: 1 })).toThrow(RangeError);
  });

  it('rejects p-values outside [0, 1]', () => {
    expect(() => adjustPValues([0.1, 1.2], 'BH')).toThrow(RangeError);
    expect(() => adjustPValues([-0.1], 'holm')).toThrow(RangeError);
  });

  it('ties and zeros', () => {
    expect(adjustPValues([0, 0, 0.5], 'holm')).toEqual([0, 0, 0.5]);
    expect(adjustPValues([0.02, 0.02, 0.02], 'BH')).toEqual([0.02, 0.02, 0.02]);
    expect(adjustPValues([0.02, 0.02, 0.02], 'holm')).toEqual([0.06, 0.06, 0.06]);
  });
});

describe('adjustPValues properties', () => {
  const ps = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 });
  const method = fc.constantFrom<PAdjustMethod>(...METHODS);

  it('adjusted ≥ raw, ≤ 1, and monotone in the raw p-values', () => {
    fc.assert(
      fc.property(ps, method, (p, m) => {
        const adj = adjustPValues(p, m);
        return p.every((v, i) => {
          const a = adj[i]!;
          const monotone = p.every((w, j) => !(v < w) || a <= adj[j]!);
          return a >= v * (1 - 1e-15) && a <= 1 && monotone;
        });
      }),
    );
  });

  it('is equivariant under permutation of the input', () => {
    fc.assert(
      fc.property(ps, method, (p, m) => {
        const reversed = adjustPValues([...p].reverse(), m).reverse();
        const adj = adjustPValues(p, m);
        return adj.every((v, i) => v === reversed[i]);
      }),
    );
  });

  it('orders the methods: bonferroni ≥ holm ≥ hochberg ≥ BH and BY ≥ BH', () => {
    fc.assert(
      fc.property(ps, (p) => {
        const b = adjustPValues(p, 'bonferroni');
        const h = adjustPValues(p, 'holm');
        const hb = adjustPValues(p, 'hochberg');
        const bh = adjustPValues(p, 'BH');
        const by = adjustPValues(p, 'BY');
        const tol = 1e-15;
        return p.every((_, i) => b[i]! >= h[i]! - tol && h[i]! >= hb[i]! - tol && hb[i]! >= bh[i]! - tol && by[i]! >= bh[i]! - tol);
      }),
    );
  });
});
