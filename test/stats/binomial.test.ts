import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binomialCdf, binomialPmf, binomialSf, clopperPearson, wilsonInterval } from '../../src/stats/binomial.js';
import { expectClose, reference } from './reference.js';

interface BudgetCase {
  inputs: { errors: number; requests: number; slo_target: number };
  expected: Record<string, number | boolean>;
}

interface TwoPropSet {
  inputs: { canary_errors: number; canary_total: number; baseline_errors: number; baseline_total: number };
  expected: {
    poisson_rate_ratio_exact: { p_two_sided: number; p_greater: number; rate_ratio: number | null; ci95: [number, number | null] };
  };
}

describe('one-sided 95% bounds of the error_budget cases', () => {
  for (const c of reference.error_budget.cases as BudgetCase[]) {
    const { errors: x, requests: n, slo_target: slo } = c.inputs;
    const e = c.expected as Record<string, number>;
    it(`${x} errors of ${n}`, () => {
      const cp = clopperPearson(x, n, 0.95, 1);
      const w = wilsonInterval(x, n, 0.95, 1);
      expectClose(cp.upper, e.clopper_pearson_one_sided_95_upper!, 1e-12);
      expectClose(cp.lower, e.clopper_pearson_one_sided_95_lower!, 1e-12);
      expectClose(w.upper, e.wilson_one_sided_95_upper!, 1e-12);
      expectClose(w.lower, e.wilson_one_sided_95_lower!, 1e-12);
      // burn-rate bounds are the same bounds over the budget 1 − SLO
      expectClose(cp.upper / (1 - slo), e.burn_rate_upper_95_cp!, 1e-12);
      expectClose(cp.lower / (1 - slo), e.burn_rate_lower_95_cp!, 1e-12);
    });
  }
});

describe('exact Poisson rate-ratio test = conditional binomial (R poisson.test)', () => {
  for (const [name, set] of Object.entries(reference.two_proportion_sets as Record<string, TwoPropSet>)) {
    it(name, () => {
      const { canary_errors: x1, canary_total: t1, baseline_errors: x2, baseline_total: t2 } = set.inputs;
      const e = set.expected.poisson_rate_ratio_exact;
      const n = x1 + x2;
      const pi = t1 / (t1 + t2);
      // greater: P(X ≥ x1) for X ~ Bin(x1 + x2, T1/(T1 + T2))
      expectClose(x1 === 0 ? 1 : binomialSf(x1 - 1, n, pi), e.p_greater, 1e-12);
      // two-sided: sum of the probabilities ≤ P(observed)·(1 + 1e-7)
      const observed = binomialPmf(x1, n, pi);
      let two = 0;
      for (let k = 0; k <= n; k++) {
        const pk = binomialPmf(k, n, pi);
        if (pk <= observed * (1 + 1e-7)) two += pk;
      }
      expectClose(Math.min(1, two), e.p_two_sided, 1e-12);
      // CI of the rate ratio from the Clopper-Pearson interval for π: ratio = π/(1 − π)·T2/T1
      const cp = clopperPearson(x1, n, 0.95, 2);
      const toRatio = (p: number): number => (p / (1 - p)) * (t2 / t1);
      expectClose(toRatio(cp.lower), e.ci95[0], 1e-12, 1e-300);
      if (e.ci95[1] === null) expect(toRatio(cp.upper)).toBe(Infinity);
      else expectClose(toRatio(cp.upper), e.ci95[1], 1e-12);
    });
  }
});

describe('binomial distribution', () => {
  it('matches exact sums (mpmath, 40 digits)', () => {
    expectClose(binomialCdf(3, 1000, 0.01), 0.01007265477201438, 1e-13);
    expectClose(binomialSf(149, 100000, 0.001), 0.0000018604062101283559, 1e-13);
    expectClose(binomialCdf(30, 1e6, 5e-5), 0.001593688741188994, 1e-13);
    expectClose(binomialPmf(3, 1e7, 1e-7), 0.06131323712957763, 1e-13);
  });

  it('closed forms at the ends', () => {
    expectClose(binomialCdf(0, 50, 0.1), Math.pow(0.9, 50), 1e-14);
    expectClose(binomialSf(49, 50, 0.1), Math.pow(0.1, 50), 1e-13);
    expectClose(binomialPmf(0, 50, 0.1), Math.pow(0.9, 50), 1e-14);
    expectClose(binomialPmf(2, 4, 0.5), 6 / 16, 1e-15);
  });

  it('edge cases', () => {
    expect(binomialCdf(-1, 10, 0.3)).toBe(0);
    expect(binomialCdf(10, 10, 0.3)).toBe(1);
    expect(binomialCdf(12, 10, 0.3)).toBe(1);
    expect(binomialSf(-1, 10, 0.3)).toBe(1);
    expect(binomialSf(10, 10, 0.3)).toBe(0);
    expect(binomialCdf(3, 10, 0)).toBe(1);
    expect(binomialCdf(3, 10, 1)).toBe(0);
    expect(binomialPmf(0, 10, 0)).toBe(1);
    expect(binomialPmf(10, 10, 1)).toBe(1);
    expect(binomialPmf(3, 10, 1)).toBe(0);
    expect(binomialPmf(2.5, 10, 0.3)).toBe(0);
    expect(binomialCdf(2.5, 10, 0.3)).toBe(binomialCdf(2, 10, 0.3));
    expect(binomialCdf(3, 0, 0.3)).toBe(1);
    expect(binomialCdf(3, 10.5, 0.3)).toBeNaN();
    expect(binomialCdf(3, 10, 1.2)).toBeNaN();
    expect(binomialCdf(NaN, 10, 0.3)).toBeNaN();
    expect(binomialSf(3, -1, 0.3)).toBeNaN();
  });

  it('intervals: exact ends, two-sided vs one-sided, invalid input', () => {
    expect(clopperPearson(0, 100).lower).toBe(0);
    expect(clopperPearson(100, 100).upper).toBe(1);
    expect(wilsonInterval(0, 100).lower).toBe(0);
    expect(wilsonInterval(100, 100).upper).toBe(1);
    // x = 0: upper = 1 − (α/2)^{1/n}
    expectClose(clopperPearson(0, 100, 0.95, 2).upper, 1 - Math.pow(0.025, 1 / 100), 1e-13);
    expectClose(clopperPearson(0, 100, 0.95, 1).upper, 1 - Math.pow(0.05, 1 / 100), 1e-13);
    // a two-sided 90% interval is the pair of one-sided 95% bounds
    const two = clopperPearson(7, 250, 0.9, 2);
    const one = clopperPearson(7, 250, 0.95, 1);
    expectClose(two.lower, one.lower, 1e-15);
    expectClose(two.upper, one.upper, 1e-15);
    expect(() => clopperPearson(5, 4)).toThrow(RangeError);
    expect(() => clopperPearson(-1, 4)).toThrow(RangeError);
    expect(() => clopperPearson(1.5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 10, 1)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 10, 0.95, 3 as 1)).toThrow(RangeError);
  });
});

describe('binomial properties', () => {
  const n = fc.integer({ min: 1, max: 5000 });
  const p = fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true });

  it('CDF + SF = 1, CDF monotone in k, PMF = ΔCDF', () => {
    fc.assert(
      fc.property(n, p, fc.double({ min: 0, max: 1, noNaN: true }), (nn, pp, u) => {
        const k = Math.floor(u * nn);
        const c = binomialCdf(k, nn, pp);
        const s = binomialSf(k, nn, pp);
        const diff = c - binomialCdf(k - 1, nn, pp);
        return (
          Math.abs(c + s - 1) <= 1e-14 &&
          c >= binomialCdf(k - 1, nn, pp) &&
          Math.abs(binomialPmf(k, nn, pp) - diff) <= 1e-13
        );
      }),
    );
  });

  it('symmetry P(X ≤ k; n, p) = P(X > n − k − 1; n, 1 − p)', () => {
    fc.assert(
      fc.property(n, p, fc.double({ min: 0, max: 1, noNaN: true }), (nn, pp, u) => {
        const k = Math.floor(u * nn);
        const a = binomialCdf(k, nn, pp);
        const b = binomialSf(nn - k - 1, nn, 1 - pp);
        return Math.abs(a - b) <= 1e-12 * a + 1e-300;
      }),
    );
  });

  it('intervals contain x/n, stay in [0, 1], and the CP bounds have the exact tail probability', () => {
    fc.assert(
      fc.property(n, fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0.8, 0.9, 0.95, 0.99), (nn, u, conf) => {
        const x = Math.floor(u * nn);
        const phat = x / nn;
        const cp = clopperPearson(x, nn, conf, 2);
        const w = wilsonInterval(x, nn, conf, 2);
        const tail = (1 - conf) / 2;
        const okLower = x === 0 || Math.abs(binomialSf(x - 1, nn, cp.lower) - tail) <= 1e-10 * tail;
        const okUpper = x === nn || Math.abs(binomialCdf(x, nn, cp.upper) - tail) <= 1e-10 * tail;
        return (
          cp.lower <= phat && phat <= cp.upper && w.lower <= phat && phat <= w.upper &&
          cp.lower >= 0 && cp.upper <= 1 && w.lower >= 0 && w.upper <= 1 && okLower && okUpper
        );
      }),
    );
  });
});
