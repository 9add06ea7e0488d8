import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { midRanks, sortOrder, sortedCopy, tieGroups, tieTerm, twoSampleRanks, twoSampleRanksSorted } from '../../src/stats/ranks.js';
import { reference } from './reference.js';

interface MannWhitneySet {
  inputs: { canary: number[]; baseline: number[] };
  expected: { n_canary: number; n_baseline: number; has_ties: boolean; rank_sum_canary: number; tie_term_sum_t3_minus_t: number };
}
const sets = Object.entries(reference.mann_whitney_sets as Record<string, MannWhitneySet>);

/** Rank by definition: #{smaller} + (#{equal} + 1)/2. O(N²). */
function bruteRanks(v: number[]): number[] {
  return v.map((a) => v.filter((b) => b < a).length + (v.filter((b) => b === a).length + 1) / 2);
}

describe('midRanks', () => {
  it('averages the ranks of ties and keeps input order', () => {
    expect(Array.from(midRanks([10, 20, 20, 5]))).toEqual([2, 3.5, 3.5, 1]);
    expect(Array.from(midRanks([3, 3, 3]))).toEqual([2, 2, 2]);
    expect(Array.from(midRanks([]))).toEqual([]);
    expect(Array.from(midRanks([-Infinity, Infinity, 0, -0]))).toEqual([1, 4, 2.5, 2.5]);
  });

  it('agrees with the definition on random samples with ties', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 40 }), (v) => {
        expect(Array.from(midRanks(v))).toEqual(bruteRanks(v));
      }),
    );
  });

  it('rejects NaN with a RangeError', () => {
    expect(() => midRanks([1, NaN])).toThrow(RangeError);
    expect(() => sortedCopy([NaN], 'latency')).toThrow(/latency: value at index 0 is NaN/);
  });
});

describe('tie groups and Σ(t³ − t)', () => {
  it('counts runs of a sorted array', () => {
    expect(tieGroups([1, 1, 2, 3, 3, 3])).toEqual([2, 1, 3]);
    expect(tieGroups([])).toEqual([]);
    expect(tieTerm([2, 1, 3])).toBe(6 + 0 + 24);
  });
});

describe('twoSampleRanks against the reference sets', () => {
  for (const [name, set] of sets) {
    it(name, () => {
      const r = twoSampleRanks(set.inputs.canary, set.inputs.baseline, true);
      expect(r.nX).toBe(set.expected.n_canary);
      expect(r.nY).toBe(set.expected.n_baseline);
      expect(r.rankSumX).toBe(set.expected.rank_sum_canary);
      expect(r.tieTerm).toBe(set.expected.tie_term_sum_t3_minus_t);
      expect(r.hasTies).toBe(set.expected.has_ties);
      const n = r.nX + r.nY;
      expect(r.rankSumX + r.rankSumY).toBe((n * (n + 1)) / 2);
      expect(r.groupSizes.reduce((a, b) => a + b, 0)).toBe(n);
      expect(r.groupCountsX.reduce((a, b) => a + b, 0)).toBe(r.nX);
    });
  }
});

describe('twoSampleRanksSorted (merge) agrees with pooled mid-ranks', () => {
  it('on random samples with ties, including empty ones', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 25 }), fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 25 }), (x, y) => {
        const pooled = midRanks([...x, ...y]);
        let sumX = 0;
        for (let i = 0; i < x.length; i++) sumX += pooled[i]!;
        const r = twoSampleRanksSorted(sortedCopy(x), sortedCopy(y), true);
        expect(r.rankSumX).toBe(sumX);
        expect(r.tieTerm).toBe(tieTerm(tieGroups(sortedCopy([...x, ...y]))));
        expect(r.groupSizes).toEqual(tieGroups(sortedCopy([...x, ...y])));
        expect(r.hasTies).toBe(new Set([...x, ...y]).size < x.length + y.length);
        // groups are only materialised on request
        expect(twoSampleRanksSorted(sortedCopy(x), sortedCopy(y)).groupSizes).toEqual([]);
      }),
    );
  });
});

describe('midRanks and sortOrder on large samples (the radix path, from 4096 values)', () => {
  /** Mid-ranks by definition: #{< v} + (#{= v} + 1) / 2, O(N²) on purpose. */
  function naiveMidRanks(values: number[]): number[] {
    return values.map((v) => {
      let below = 0;
      let equal = 0;
      for (const w of values) {
        if (w < v) below++;
        else if (w === v) equal++;
      }
      return below + (equal + 1) / 2;
    });
  }

  it('agrees with the definition, with ties, negatives and both zeros', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom(0, -0)), { minLength: 4096, maxLength: 5000 }), (values) => {
        expect(Array.from(midRanks(values))).toEqual(naiveMidRanks(values));
        const order = sortOrder(Float64Array.from(values));
        for (let i = 1; i < order.length; i++) expect(values[order[i]!]! >= values[order[i - 1]!]!).toBe(true);
        expect(new Set(order).size).toBe(values.length);
      }),
      { numRuns: 5 },
    );
  });
});
