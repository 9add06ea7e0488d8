import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hodgesLehmann,
  hodgesLehmannRatio,
  hodgesLehmannSorted,
  mannWhitneyHodgesLehmann,
  mannWhitneyHodgesLehmannSorted,
  type HodgesLehmannMethod,
} from '../../src/stats/hodges-lehmann.js';
import { checkedSortedCopy, kthPairwiseDifference, PairwiseDifferences, selectionTuning } from '../../src/stats/pairwise-differences.js';
import { mannWhitney, mannWhitneyFromRanks, mannWhitneyNeedsGroups, mannWhitneySorted, type Alternative, type MannWhitneyMethod } from '../../src/stats/mann-whitney.js';
import { sortFloat64, twoSampleRanksSorted } from '../../src/stats/ranks.js';
import { expectClose, reference } from './reference.js';

interface HlExpected {
  estimate_median_pairwise_differences: number;
  exact?: { estimate: number; ci95: [number, number]; achieved_confidence: number; ci_order_statistics_1based: [number, number]; ci98: [number, number] };
  asymptotic: {
    estimate: number;
    ci95: [number, number];
    ci95_snapped_to_nearest_pairwise_difference: [number, number];
    ci98_kayenta_default_level: [number, number];
  };
}
interface MannWhitneySet {
  inputs: { canary: number[]; baseline: number[] };
  expected: { has_ties: boolean; hodges_lehmann?: HlExpected; gate_convention?: string };
}
const sets = Object.entries(reference.mann_whitney_sets as Record<string, MannWhitneySet>);

/** R prints 15 significant digits: the reference holds e.g. -0.15 for the double -0.15000000000000002. */
const r15 = (v: number): number => Number(v.toPrecision(15));
const expectR15 = (actual: [number, number], expected: [number, number]): void => expect(actual.map(r15)).toEqual(expected);
const expectAbs = (actual: [number, number], expected: [number, number], atol: number): void => {
  expectClose(actual[0], expected[0], 0, atol);
  expectClose(actual[1], expected[1], 0, atol);
};

function bruteDifferences(x: readonly number[], y: readonly number[]): Float64Array {
  const d = new Float64Array(x.length * y.length);
  let w = 0;
  for (const a of x) for (const b of y) d[w++] = a - b;
  return d.sort();
}
function bruteMedian(d: Float64Array): number {
  const h = d.length >> 1;
  return d.length % 2 === 1 ? d[h]! : d[h - 1]! / 2 + d[h]! / 2;
}

describe('hodgesLehmann against R wilcox.test(conf.int = TRUE) (reference sets)', () => {
  for (const [name, set] of sets) {
    const { canary, baseline } = set.inputs;
    const e = set.expected.hodges_lehmann;
    describe(name, () => {
      if (!e) {
        it('all tied: documented degenerate result (R stops with an error)', () => {
          for (const method of ['auto', 'exact', 'asymptotic', 'order-statistic'] as const) {
            const r = hodgesLehmann(canary, baseline, { method });
            expect(r.degenerate).toBe('all-tied');
            expect(r.method).toBe('none');
            expect(r.estimate).toBe(0);
            expect(r.ci).toEqual([0, 0]);
            expect(r.note).toMatch(/tied/);
          }
          expect(set.expected.gate_convention).toMatch(/HL estimate 0/);
        });
        return;
      }

      it('estimate = median of the pairwise differences', () => {
        const r = hodgesLehmann(canary, baseline);
        expectClose(r.estimate, e.estimate_median_pairwise_differences, 1e-12);
        expect(r.estimate).toBe(bruteMedian(bruteDifferences(canary, baseline)));
        expect(r.method).toBe(set.expected.has_ties ? 'order-statistic' : 'exact');
      });

      const ex = e.exact;
      if (ex) {
        it('exact interval (95 % and 98 %), its order statistics and achieved confidence', () => {
          const r = hodgesLehmann(canary, baseline, { method: 'exact' });
          expect(r.method).toBe('exact');
          expectR15(r.ci, ex.ci95);
          expect(r.ciRanks).toEqual(ex.ci_order_statistics_1based);
          expectClose(r.achievedConfidence!, ex.achieved_confidence, 1e-12);
          expectClose(r.rEstimate, ex.estimate, 1e-12);
          expectR15(hodgesLehmann(canary, baseline, { method: 'exact', confLevel: 0.98 }).ci, ex.ci98);
        });
      }

      it("asymptotic: R's uniroot estimate and interval, and the snapped interval", () => {
        const r = hodgesLehmann(canary, baseline, { method: 'asymptotic' });
        expect(r.method).toBe('asymptotic');
        expectClose(r.rEstimate, e.asymptotic.estimate, 0, 1e-3);
        expectAbs(r.ci, e.asymptotic.ci95, 1e-3);
        expectR15(r.ciSnapped, e.asymptotic.ci95_snapped_to_nearest_pairwise_difference);
        expectAbs(hodgesLehmann(canary, baseline, { method: 'asymptotic', confLevel: 0.98 }).ci, e.asymptotic.ci98_kayenta_default_level, 1e-3);
        // the port of R_zeroin2 actually reproduces R's printed digits
        expectClose(r.rEstimate, e.asymptotic.estimate, 1e-12);
        expectClose(r.ci[0], e.asymptotic.ci95[0], 1e-12);
        expectClose(r.ci[1], e.asymptotic.ci95[1], 1e-12);
      });

      it("order-statistic form: R's snapped interval exactly, R's numbers within 1e-4", () => {
        const r = hodgesLehmann(canary, baseline, { method: 'order-statistic' });
        expect(r.method).toBe('order-statistic');
        expectR15(r.ci, e.asymptotic.ci95_snapped_to_nearest_pairwise_difference);
        expect(r.ciSnapped).toEqual(r.ci);
        expectAbs(r.ci, e.asymptotic.ci95, 1e-4);
        expectAbs(hodgesLehmann(canary, baseline, { method: 'order-statistic', confLevel: 0.98 }).ci, e.asymptotic.ci98_kayenta_default_level, 1e-3);
        const d = bruteDifferences(canary, baseline);
        expect(r.ci).toEqual([d[r.ciRanks![0] - 1], d[r.ciRanks![1] - 1]]);
      });
    });
  }
});

describe('selection of pairwise differences agrees with brute force', () => {
  const small = fc.oneof(
    fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 1, maxLength: 30 }),
    fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 30 }),
    fc.array(fc.constantFrom(0.1, 0.2, 0.3, 1e-17, 0.7), { minLength: 1, maxLength: 30 }),
  );

  it('select, selectPair, median, count and nearest on random small samples with ties', () => {
    fc.assert(
      fc.property(small, small, fc.double({ min: -2e3, max: 2e3, noNaN: true }), (x, y, v) => {
        const d = bruteDifferences(x, y);
        const pd = new PairwiseDifferences(checkedSortedCopy(x, 'x'), checkedSortedCopy(y, 'y'));
        const ks = d.length <= 100 ? d.map((_, i) => i + 1) : Array.from({ length: 50 }, (_, i) => 1 + Math.floor((i * (d.length - 1)) / 49));
        for (const k of ks) expect(pd.select(k)).toBe(d[k - 1]);
        for (const k of ks) if (k < d.length) expect(pd.selectPair(k)).toEqual([d[k - 1], d[k]]);
        expect(pd.median()).toBe(bruteMedian(d));
        expect(pd.count(v, false)).toBe(d.filter((t) => t <= v).length);
        expect(pd.count(v, true)).toBe(d.filter((t) => t < v).length);
        let best = d[0]!;
        for (const t of d) if (Math.abs(t - v) < Math.abs(best - v)) best = t;
        expect(Math.abs(pd.nearest(v) - v)).toBe(Math.abs(best - v));
      }),
      { numRuns: 200 },
    );
  });

  it('several selection rounds (m·n = 5e6) with and without heavy ties', () => {
    let seed = 42;
    const rand = (): number => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const cases: [number[], number[]][] = [
      [Array.from({ length: 2500 }, () => Math.exp(rand())), Array.from({ length: 2000 }, () => Math.exp(rand()) * 0.9)],
      [Array.from({ length: 2500 }, () => Math.floor(rand() * 300)), Array.from({ length: 2000 }, () => Math.floor(rand() * 250))],
      [Array.from({ length: 2500 }, () => Math.floor(rand() * 3)), Array.from({ length: 2000 }, () => Math.floor(rand() * 3))],
    ];
    for (const [x, y] of cases) {
      const d = bruteDifferences(x, y);
      const pd = new PairwiseDifferences(checkedSortedCopy(x, 'x'), checkedSortedCopy(y, 'y'));
      for (const k of [1, 2, 17, 1_000_000, 2_499_999, 2_500_000, 2_500_001, 4_000_000, 5_000_000]) expect(pd.select(k)).toBe(d[k - 1]);
      expect(pd.median()).toBe(bruteMedian(d));
      expect(kthPairwiseDifference(x, y, 123_457)).toBe(d[123_456]);
      const r = hodgesLehmann(x, y);
      expect(r.method).toBe('order-statistic');
      expect(r.ci).toEqual([d[r.ciRanks![0] - 1], d[r.ciRanks![1] - 1]]);
    }
  });

  it('rejects a rank outside [1, m·n]', () => {
    const pd = new PairwiseDifferences(new Float64Array([1, 2]), new Float64Array([0]));
    expect(() => pd.select(0)).toThrow(RangeError);
    expect(() => pd.select(3)).toThrow(RangeError);
    expect(() => pd.select(1.5)).toThrow(RangeError);
  });
});

describe('method selection, options and degenerate input', () => {
  const x = [1.1, 2.3, 3.7, 4.2, 5.9, 6.4];
  const y = [0.5, 1.9, 2.2, 3.1, 4.4];

  it("auto: R's exact interval when R would use it (no ties, < 50 per side), else the order-statistic form", () => {
    expect(hodgesLehmann(x, y).method).toBe('exact');
    expect(hodgesLehmann([...x, 1.1], y).method).toBe('order-statistic');
    const big = Array.from({ length: 50 }, (_, i) => i / 7);
    expect(hodgesLehmann(big, y).method).toBe('order-statistic');
    expect(hodgesLehmann(big.slice(1), y).method).toBe('exact');
    // R's own fallback for an exact request with ties is its asymptotic (uniroot) interval
    const r = hodgesLehmann([...x, 1.1], y, { method: 'exact' });
    expect(r.method).toBe('asymptotic');
    expect(r.note).toMatch(/ties/);
  });

  it('one-sided intervals are half-open and nest inside the two-sided one at twice the α', () => {
    for (const method of ['exact', 'asymptotic', 'order-statistic'] as const) {
      const g = hodgesLehmann(x, y, { method, alternative: 'greater', confLevel: 0.9 });
      const l = hodgesLehmann(x, y, { method, alternative: 'less', confLevel: 0.9 });
      const t = hodgesLehmann(x, y, { method, confLevel: 0.8 });
      expect(g.ci[1]).toBe(Infinity);
      expect(l.ci[0]).toBe(-Infinity);
      expectClose(g.ci[0], t.ci[0], 0, 1e-3);
      expectClose(l.ci[1], t.ci[1], 0, 1e-3);
    }
  });

  it('empty sides: estimate 0 and an unbounded interval with a reason', () => {
    for (const [a, b] of [
      [[], y],
      [x, []],
      [[], []],
    ] as [number[], number[]][]) {
      const r = hodgesLehmann(a, b);
      expect(r.degenerate).toBe('empty-sample');
      expect(r.estimate).toBe(0);
      expect(r.ci).toEqual([-Infinity, Infinity]);
    }
  });

  it('R stops when the shifted samples are all tied (m = n = 1); the order-statistic form takes over', () => {
    const r = hodgesLehmann([3], [1], { method: 'asymptotic' });
    expect(r.method).toBe('order-statistic');
    expect(r.note).toMatch(/R stops/);
    expect(r.ci).toEqual([2, 2]);
    expect(r.estimate).toBe(2);
  });

  it('NaN, ±Infinity and a bad confLevel throw RangeError', () => {
    expect(() => hodgesLehmann([1, NaN], [2])).toThrow(RangeError);
    expect(() => hodgesLehmann([1], [Infinity])).toThrow(/finite/);
    expect(() => hodgesLehmann(x, y, { confLevel: 1 })).toThrow(RangeError);
  });
});

describe('hodgesLehmannRatio (log scale)', () => {
  it('is exp of the shift of the logs, interval mapped the same way', () => {
    const c = [110, 121, 98, 150, 133, 170, 101, 125];
    const b = [100, 110, 95, 140, 120, 150, 99];
    const r = hodgesLehmannRatio(c, b);
    const log = hodgesLehmann(c.map(Math.log), b.map(Math.log));
    expect(r.log.estimate).toBe(log.estimate);
    expect(r.ratio).toBe(Math.exp(log.estimate));
    expect(r.ci).toEqual([Math.exp(log.ci[0]), Math.exp(log.ci[1])]);
    expect(r.ci[0]).toBeLessThanOrEqual(r.ratio);
    expect(r.ci[1]).toBeGreaterThanOrEqual(r.ratio);
  });

  it('recovers a multiplicative shift and is scale-free', () => {
    const b = Array.from({ length: 80 }, (_, i) => 50 + ((i * 37) % 101));
    const c = b.map((v) => v * 1.25);
    expectClose(hodgesLehmannRatio(c, b).ratio, 1.25, 1e-12);
    const scaled = hodgesLehmannRatio(
      c.map((v) => v / 1000),
      b.map((v) => v / 1000),
    );
    expectClose(scaled.ratio, 1.25, 1e-12);
  });

  it('rejects non-positive values with a clear error', () => {
    expect(() => hodgesLehmannRatio([1, 0], [2])).toThrow(/canary\[1\] = 0.*strictly positive/);
    expect(() => hodgesLehmannRatio([1], [-3])).toThrow(/baseline\[0\] = -3/);
    expect(() => hodgesLehmannRatio([NaN], [1])).toThrow(RangeError);
  });
});

describe('properties', () => {
  const ints = fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 40 });
  const doubles = fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { maxLength: 40 });
  const huge = fc.array(fc.constantFrom(1e300, -1e300, 5e299, -7e299, 1e-300, 0), { maxLength: 12 });
  const exactish = fc.constantFrom<HodgesLehmannMethod>('exact', 'order-statistic');
  const anyMethod = fc.constantFrom<HodgesLehmannMethod>('auto', 'exact', 'asymptotic', 'order-statistic');
  const alternatives = fc.constantFrom<Alternative>('two-sided', 'greater', 'less');

  it('swapping the samples negates the estimate and the interval', () => {
    fc.assert(
      fc.property(fc.oneof(ints, doubles), fc.oneof(ints, doubles), exactish, (x, y, method) => {
        const a = hodgesLehmann(x, y, { method });
        const b = hodgesLehmann(y, x, { method });
        expect(b.method === 'exact').toBe(a.method === 'exact');
        // 'exact' with ties falls back to R's uniroot (next test). Where R's W(d) stops (all tied at
        // a shift) depends on rounding of x − d, which is not symmetric at tiny magnitudes
        // ([0, 0, 2.3e-308] against [4e-292]), so one direction can stop where the other does not.
        if (a.method === 'asymptotic' || b.method === 'asymptotic') return;
        expect(b.method).toBe(a.method);
        // (+ 0 turns −0 into 0: toEqual tells them apart)
        expect(b.estimate + 0).toBe(-a.estimate + 0);
        expect(b.ci.map((v) => v + 0)).toEqual([-a.ci[1], -a.ci[0]].map((v) => v + 0));
        expect(b.ciRanks).toEqual(a.ciRanks); // D(y, x)_(k) = −D(x, y)_(mn+1−k) and the ranks are symmetric
      }),
    );
  });

  it("swapping with R's uniroot: negated within its 1e-4 tolerance, snapped bounds exactly", () => {
    fc.assert(
      fc.property(ints, ints, (x, y) => {
        const a = hodgesLehmann(x, y, { method: 'asymptotic' });
        const b = hodgesLehmann(y, x, { method: 'asymptotic' });
        expect(b.method).toBe(a.method);
        for (const i of [0, 1]) if (b.ci[i] !== -a.ci[1 - i]!) expectClose(b.ci[i]!, -a.ci[1 - i]!, 0, 2e-4);
        expect(b.ciSnapped.map((v) => v + 0)).toEqual([-a.ciSnapped[1], -a.ciSnapped[0]].map((v) => v + 0));
      }),
    );
  });

  it('shifting both samples by a constant changes nothing', () => {
    fc.assert(
      fc.property(ints, ints, fc.integer({ min: -1000, max: 1000 }), anyMethod, alternatives, (x, y, c, method, alternative) => {
        const a = hodgesLehmann(x, y, { method, alternative });
        const b = hodgesLehmann(
          x.map((v) => v + c),
          y.map((v) => v + c),
          { method, alternative },
        );
        expect(b.estimate).toBe(a.estimate);
        expect(b.ciSnapped).toEqual(a.ciSnapped);
        expect(b.method).toBe(a.method);
        for (const i of [0, 1]) if (b.ci[i] !== a.ci[i]) expectClose(b.ci[i]!, a.ci[i]!, 0, 1e-9);
      }),
    );
  });

  it('the interval contains the estimate; a higher level gives a wider interval', () => {
    fc.assert(
      fc.property(fc.oneof(ints, doubles), fc.oneof(ints, doubles), anyMethod, alternatives, (x, y, method, alternative) => {
        const r = hodgesLehmann(x, y, { method, alternative });
        expect(r.ciSnapped[0]).toBeLessThanOrEqual(r.estimate);
        expect(r.ciSnapped[1]).toBeGreaterThanOrEqual(r.estimate);
        expect(r.ci[0]).toBeLessThanOrEqual(r.estimate + 2e-4);
        expect(r.ci[1]).toBeGreaterThanOrEqual(r.estimate - 2e-4);
        if (r.method === 'exact' || r.method === 'order-statistic') {
          const wide = hodgesLehmann(x, y, { method, alternative, confLevel: 0.99 });
          const narrow = hodgesLehmann(x, y, { method, alternative, confLevel: 0.8 });
          expect(wide.ci[0]).toBeLessThanOrEqual(narrow.ci[0]);
          expect(wide.ci[1]).toBeGreaterThanOrEqual(narrow.ci[1]);
        }
      }),
    );
  });

  it('never NaN and never throws on empty, constant or huge (1e300) input', () => {
    const constant = fc.integer({ min: 0, max: 8 }).map((len) => new Array<number>(len).fill(7));
    fc.assert(
      fc.property(fc.oneof(ints, huge, constant), fc.oneof(ints, huge, constant), anyMethod, alternatives, (x, y, method, alternative) => {
        const r = hodgesLehmann(x, y, { method, alternative });
        for (const v of [r.estimate, r.rEstimate, ...r.ci, ...r.ciSnapped]) expect(Number.isNaN(v)).toBe(false);
        // ('asymptotic' is R's uniroot with an absolute tol of 1e-4: meaningless at 1e300, see the docs)
        if (r.method !== 'asymptotic') {
          expect(r.ci[0]).toBeLessThanOrEqual(r.estimate);
          expect(r.ci[1]).toBeGreaterThanOrEqual(r.estimate);
        }
      }),
    );
  });
});

/** Runs `f` with the selection's sizes shrunk so that small samples go through every round type. */
function withTinySelection(f: () => void): void {
  const saved = { ...selectionTuning };
  Object.assign(selectionTuning, { sampleOpen: 16, sampleBand: 32, enumerateMax: 8 });
  try {
    f();
  } finally {
    Object.assign(selectionTuning, saved);
  }
}

describe('PairwiseDifferences.selectMany: several ranks at once, exactly as a sort of all differences', () => {
  // ties, point masses, signed zeros, and more distinct baseline than canary values (the grid's rows
  // are then the baseline's)
  const sample = fc.oneof(
    fc.array(fc.integer({ min: -6, max: 6 }), { minLength: 1, maxLength: 60 }),
    fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 60 }),
    fc.array(fc.constantFrom(0, -0, 0.1, 0.2, 0.3, 1e-17, 0.7, -0.7), { minLength: 1, maxLength: 60 }),
    fc.array(fc.double({ min: 0.5, max: 2, noNaN: true }).map((v) => Math.round(v * 100) / 100), { minLength: 1, maxLength: 60 }),
  );
  const check = (x: number[], y: number[], picks: number[]): void => {
    const d = bruteDifferences(x, y);
    const ks = [1, d.length, Math.ceil(d.length / 2), Math.floor(d.length / 2) + 1, ...picks.map((p) => 1 + Math.floor(p * d.length))].map((k) => Math.min(d.length, k));
    const pd = new PairwiseDifferences(checkedSortedCopy(x, 'x'), checkedSortedCopy(y, 'y'));
    const got = pd.selectMany(ks);
    ks.forEach((k, i) => expect(Object.is(got[i], d[k - 1]), `k=${k}: ${got[i]} vs ${d[k - 1]}`).toBe(true));
    // counts kept from this call must not change the next answers
    expect(pd.select(ks[ks.length - 1]!)).toBe(d[ks[ks.length - 1]! - 1]);
    expect(pd.median()).toBe(bruteMedian(d));
  };
  const picks = fc.array(fc.double({ min: 0, max: 0.999999, noNaN: true }), { maxLength: 5 });

  it('random small samples with ties (enumerated at once)', () => {
    fc.assert(fc.property(sample, sample, picks, check), { numRuns: 300 });
  });

  it('random small samples through sampled, interpolated and point-mass rounds (sizes shrunk)', () => {
    withTinySelection(() => fc.assert(fc.property(sample, sample, picks, check), { numRuns: 300 }));
  });

  it('−0 against +0 gives −0 differences, placed before the +0 ones as in the sort', () => {
    withTinySelection(() => {
      const x = [-0, -0, 0, 1, -1, -0];
      const y = [0, 0, -0, 2, 0];
      const d = bruteDifferences(x, y);
      const pd = new PairwiseDifferences(checkedSortedCopy(x, 'x'), checkedSortedCopy(y, 'y'));
      const got = pd.selectMany(Array.from(d, (_, i) => i + 1));
      got.forEach((v, i) => expect(Object.is(v, d[i])).toBe(true));
    });
  });

  it('mid-size smooth, rounded and heavily tied data, and unequal sizes (default sizes)', () => {
    let seed = 7;
    const rand = (): number => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const normal = (): number => Math.sqrt(-2 * Math.log(rand())) * Math.cos(2 * Math.PI * rand());
    const cases: [number[], number[]][] = [
      [Array.from({ length: 2200 }, () => Math.exp(normal())), Array.from({ length: 1900 }, () => 0.9 * Math.exp(normal()))],
      [Array.from({ length: 2000 }, () => Math.round(100 * Math.exp(normal())) / 10), Array.from({ length: 2100 }, () => Math.round(95 * Math.exp(normal())) / 10)],
      [Array.from({ length: 300 }, () => normal()), Array.from({ length: 12000 }, () => normal() + 0.1)],
      [Array.from({ length: 12000 }, () => Math.floor(rand() * 5)), Array.from({ length: 300 }, () => Math.floor(rand() * 4))],
    ];
    for (const [x, y] of cases) {
      const d = bruteDifferences(x, y);
      const pd = new PairwiseDifferences(checkedSortedCopy(x, 'x'), checkedSortedCopy(y, 'y'));
      const mn = d.length;
      const ks = [1, 17, Math.floor(mn * 0.3), Math.floor(mn * 0.49), mn / 2, mn / 2 + 1, Math.ceil(mn * 0.51), mn - 3, mn];
      expect(pd.selectMany(ks)).toEqual(ks.map((k) => d[k - 1]));
    }
  });

  it('differences that overflow to ±∞ take the plain selection, still exact', () => {
    const x = [1.7e308, -1.7e308, 1e308, 3, -5e307];
    const y = [-1.6e308, 1.5e308, 2, 0];
    const d = bruteDifferences(x, y);
    const pd = new PairwiseDifferences(checkedSortedCopy(x, 'x'), checkedSortedCopy(y, 'y'));
    expect(pd.selectMany(Array.from(d, (_, i) => i + 1))).toEqual(Array.from(d));
    expect(pd.selectMany(new Float64Array([3, 1]))).toEqual([d[2], d[0]]);
  });

  it('rejects ranks outside [1, m·n] and answers [] for none', () => {
    const pd = new PairwiseDifferences(new Float64Array([1, 2]), new Float64Array([0]));
    expect(() => pd.selectMany([1, 3])).toThrow(RangeError);
    expect(() => pd.selectMany([0.5])).toThrow(RangeError);
    expect(pd.selectMany([])).toEqual([]);
    expect(pd.selectMany([2, 1, 2])).toEqual([2, 1, 2]);
  });
});

describe('PairwiseDifferences.ranks: the pooled rank summary from the counts at 0', () => {
  const values = fc.oneof(
    fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 50 }),
    fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { maxLength: 50 }),
    fc.array(fc.constantFrom(0, -0, 1, 2.5), { maxLength: 50 }),
  );

  it('is bit-for-bit twoSampleRanksSorted (without groups)', () => {
    fc.assert(
      fc.property(values, values, (x, y) => {
        const xs = checkedSortedCopy(x, 'x');
        const ys = checkedSortedCopy(y, 'y');
        expect(new PairwiseDifferences(xs, ys).ranks()).toEqual(twoSampleRanksSorted(xs, ys));
      }),
    );
  });

  it('tie groups with Σt³ beyond 2^52 go back to the merge (its summation order)', () => {
    const xs = checkedSortedCopy(Array.from({ length: 300_000 }, (_, i) => (i % 7 === 0 ? 2 : 1)), 'x');
    const ys = checkedSortedCopy(Array.from({ length: 1000 }, (_, i) => (i % 3 === 0 ? 1 : 5)), 'y');
    expect(new PairwiseDifferences(xs, ys).ranks()).toEqual(twoSampleRanksSorted(xs, ys));
  });
});

describe('mannWhitneyHodgesLehmann: both in one go, identical to the separate functions', () => {
  const sample = fc.oneof(
    fc.array(fc.integer({ min: -8, max: 8 }), { maxLength: 70 }),
    fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { maxLength: 70 }),
    fc.array(fc.constantFrom(1, 2, 3), { maxLength: 12 }),
  );
  const options = fc.record({
    mannWhitney: fc.record(
      {
        alternative: fc.constantFrom<Alternative>('two-sided', 'greater', 'less'),
        method: fc.constantFrom<MannWhitneyMethod>('auto', 'exact', 'asymptotic'),
        correct: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
    hodgesLehmann: fc.record(
      {
        alternative: fc.constantFrom<Alternative>('two-sided', 'greater', 'less'),
        method: fc.constantFrom<HodgesLehmannMethod>('auto', 'exact', 'asymptotic', 'order-statistic'),
        correct: fc.boolean(),
        confLevel: fc.constantFrom(0.8, 0.9, 0.95, 0.99),
      },
      { requiredKeys: [] },
    ),
  });

  it('random samples and options', () => {
    fc.assert(
      fc.property(sample, sample, options, (x, y, o) => {
        const both = mannWhitneyHodgesLehmann(x, y, o);
        expect(both.mannWhitney).toEqual(mannWhitney(x, y, o.mannWhitney));
        expect(both.hodgesLehmann).toEqual(hodgesLehmann(x, y, o.hodgesLehmann));
      }),
      { numRuns: 150 },
    );
  });

  it('the R reference sets, and mid-size samples with and without ties', () => {
    const pairs: [number[], number[]][] = sets.map(([, set]) => [set.inputs.canary, set.inputs.baseline]);
    let seed = 3;
    const rand = (): number => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    pairs.push([Array.from({ length: 3000 }, () => Math.exp(rand())), Array.from({ length: 2500 }, () => Math.exp(rand()) * 0.95)]);
    pairs.push([Array.from({ length: 3000 }, () => Math.round(rand() * 300) / 10), Array.from({ length: 2500 }, () => Math.round(rand() * 290) / 10)]);
    for (const [x, y] of pairs) {
      for (const o of [{}, { hodgesLehmann: { confLevel: 0.98, alternative: 'greater' as const }, mannWhitney: { alternative: 'less' as const } }]) {
        const both = mannWhitneyHodgesLehmann(x, y, o);
        expect(both).toEqual({ mannWhitney: mannWhitney(x, y, o.mannWhitney), hodgesLehmann: hodgesLehmann(x, y, o.hodgesLehmann) });
        const xs = checkedSortedCopy(x, 'x');
        const ys = checkedSortedCopy(y, 'y');
        expect(mannWhitneyHodgesLehmannSorted(xs, ys, o)).toEqual({
          mannWhitney: mannWhitneySorted(xs, ys, o.mannWhitney),
          hodgesLehmann: hodgesLehmannSorted(xs, ys, o.hodgesLehmann),
        });
      }
    }
  });

  it('unequal sizes from 4096 values on (the sorts share a scratch buffer): agrees with the unchanged test and brute force', () => {
    let seed = 5;
    const rand = (): number => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (const [m, n] of [
      [12_000, 300],
      [300, 12_000],
      [6000, 600],
    ] as [number, number][]) {
      const x = Array.from({ length: m }, () => Math.round(Math.exp(4.8 + rand()) * 10) / 10);
      const y = Array.from({ length: n }, () => Math.round(Math.exp(4.75 + rand()) * 10) / 10);
      const both = mannWhitneyHodgesLehmann(x, y);
      // mannWhitney sorts each sample on its own; the order statistics by brute force
      expect(both.mannWhitney).toEqual(mannWhitney(x, y));
      const d = bruteDifferences(x, y);
      expect(both.hodgesLehmann.estimate).toBe(bruteMedian(d));
      expect(both.hodgesLehmann.ci).toEqual([d[both.hodgesLehmann.ciRanks![0] - 1], d[both.hodgesLehmann.ciRanks![1] - 1]]);
      expect(hodgesLehmann(x, y)).toEqual(both.hodgesLehmann);
      expect(kthPairwiseDifference(x, y, 12345)).toBe(d[12344]);
    }
    // both sides radix-sorted with the shared buffer: against copies sorted one by one
    const x = Array.from({ length: 9000 }, () => Math.exp(4.8 + rand()));
    const y = Array.from({ length: 5000 }, () => Math.round(Math.exp(4.75 + rand()) * 10) / 10);
    const xs = checkedSortedCopy(x, 'x');
    const ys = checkedSortedCopy(y, 'y');
    expect(mannWhitneyHodgesLehmann(x, y)).toEqual(mannWhitneyHodgesLehmannSorted(xs, ys));
    expect(hodgesLehmann(x, y)).toEqual(hodgesLehmannSorted(xs, ys));
    expect(kthPairwiseDifference(x, y, 7_777_777)).toBe(new PairwiseDifferences(xs, ys).select(7_777_777));
  });

  it('empty and all-tied samples; NaN, ±Infinity and a bad confLevel throw RangeError', () => {
    for (const [x, y] of [
      [[], [1, 2]],
      [[1], []],
      [[], []],
      [
        [4, 4],
        [4, 4, 4],
      ],
    ] as [number[], number[]][]) {
      expect(mannWhitneyHodgesLehmann(x, y)).toEqual({ mannWhitney: mannWhitney(x, y), hodgesLehmann: hodgesLehmann(x, y) });
    }
    expect(() => mannWhitneyHodgesLehmann([1, NaN], [2])).toThrow(RangeError);
    expect(() => mannWhitneyHodgesLehmann([1], [-Infinity])).toThrow(/finite/);
    expect(() => mannWhitneyHodgesLehmann([1], [2], { hodgesLehmann: { confLevel: 0 } })).toThrow(RangeError);
  });
});

describe('mannWhitneyFromRanks (mann-whitney.ts)', () => {
  it('is mannWhitneySorted given the merge it would make', () => {
    const sample = fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 60 });
    const method = fc.constantFrom<MannWhitneyMethod>('auto', 'exact', 'asymptotic');
    fc.assert(
      fc.property(sample, sample, method, (x, y, m) => {
        const xs = checkedSortedCopy(x, 'x');
        const ys = checkedSortedCopy(y, 'y');
        const options = { method: m };
        const ranks = twoSampleRanksSorted(xs, ys, mannWhitneyNeedsGroups(xs.length, ys.length, options));
        expect(mannWhitneyFromRanks(ranks, options)).toEqual(mannWhitneySorted(xs, ys, options));
      }),
    );
    expect(mannWhitneyNeedsGroups(49, 49)).toBe(true);
    expect(mannWhitneyNeedsGroups(50, 10)).toBe(false);
    expect(mannWhitneyNeedsGroups(500, 500, { method: 'exact' })).toBe(true);
    expect(mannWhitneyNeedsGroups(5, 5, { method: 'asymptotic' })).toBe(false);
  });
});

describe('sortFloat64 (ranks.ts): the radix sort is the built-in sort to the bit', () => {
  const same = (a: Float64Array, b: Float64Array): boolean => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

  it('random arrays of every size class, signed zeros, infinities, subnormals, NaN', () => {
    const special = [0, -0, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, 1, -1, 2 ** -1074 * 3];
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double(), fc.constantFrom(...special), fc.integer({ min: -3, max: 3 })), { minLength: 0, maxLength: 9000 }),
        (values) => {
          const a = Float64Array.from(values);
          expect(same(sortFloat64(Float64Array.from(a)), Float64Array.from(a).sort())).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('large arrays (radix path) of latencies, mixed signs, few distinct values; sorts in place', () => {
    let seed = 11;
    const rand = (): number => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const arrays = [
      Float64Array.from({ length: 50_000 }, () => Math.round(Math.exp(4 + rand()) * 10) / 10),
      Float64Array.from({ length: 50_000 }, () => (rand() - 0.5) * Math.exp(rand() * 80 - 40)),
      Float64Array.from({ length: 50_000 }, () => [0, -0, 3, -3][Math.floor(rand() * 4)]!),
      Float64Array.from({ length: 20_000 }, (_, i) => (i === 777 ? NaN : rand())),
    ];
    for (const a of arrays) {
      const copy = Float64Array.from(a);
      const sorted = sortFloat64(copy);
      expect(sorted).toBe(copy);
      expect(same(sorted, Float64Array.from(a).sort())).toBe(true);
    }
    const view = new Float64Array(new ArrayBuffer(8 * 10_010), 8 * 5, 10_000).map(() => rand() - 0.5);
    const expected = Float64Array.from(view).sort();
    expect(same(sortFloat64(view), expected)).toBe(true);
    // a scratch buffer larger than needed, reused
    const scratch = new Uint32Array(2 * 60_000).fill(0xdeadbeef);
    for (const a of [...arrays.slice(0, 3), Float64Array.from({ length: 7000 }, () => rand() * 100)]) {
      expect(same(sortFloat64(Float64Array.from(a), scratch), Float64Array.from(a).sort())).toBe(true);
    }
  });
});
