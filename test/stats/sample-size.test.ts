import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { poissonEventsNeeded, sampleSizeTwoProportions } from '../../src/stats/sample-size.js';
import { expectClose, reference } from './reference.js';

interface SampleSizeCase {
  p_baseline: number;
  p_canary: number;
  relative_increase: number;
  alpha: number;
  power: number;
  n_per_arm_two_sided: number;
  n_per_arm_one_sided: number;
  expected_baseline_events_one_sided: number;
  closed_form_two_sided: number;
  closed_form_one_sided: number;
  poisson_total_events_needed_one_sided: number;
}

describe('sampleSizeTwoProportions against R power.prop.test', () => {
  for (const c of reference.sample_size_two_proportions.cases as SampleSizeCase[]) {
    it(`${c.p_baseline} → ${c.p_canary}`, () => {
      const input = { pBaseline: c.p_baseline, pCanary: c.p_canary, alpha: c.alpha, power: c.power };
      const two = sampleSizeTwoProportions({ ...input, sides: 2 });
      const one = sampleSizeTwoProportions({ ...input, sides: 1 });
      // the closed form exactly; R's uniroot answer to its tolerance (worst 2.7e-7 relative)
      expectClose(two, c.closed_form_two_sided, 1e-12);
      expectClose(one, c.closed_form_one_sided, 1e-12);
      expectClose(two, c.n_per_arm_two_sided, 1e-6);
      expectClose(one, c.n_per_arm_one_sided, 1e-6);
      expectClose(one * c.p_baseline, c.expected_baseline_events_one_sided, 1e-6);
      // defaults are α = 0.05, power = 0.8, two-sided
      if (c.alpha === 0.05 && c.power === 0.8) expect(sampleSizeTwoProportions({ pBaseline: c.p_baseline, pCanary: c.p_canary })).toBe(two);
    });
  }
});

describe('poissonEventsNeeded (conditional binomial test of two rates, equal exposure)', () => {
  for (const c of reference.sample_size_two_proportions.cases as SampleSizeCase[]) {
    it(`rate ratio ${1 + c.relative_increase} (baseline ${c.p_baseline})`, () => {
      const n = poissonEventsNeeded({ rateRatio: 1 + c.relative_increase, alpha: c.alpha, power: c.power, sides: 1 });
      expectClose(n, c.poisson_total_events_needed_one_sided, 1e-12);
    });
  }

  it('unequal exposure: π₀ = e/(e+1), π₁ = r·e/(r·e+1)', () => {
    // with exposure ratio e the answer equals the equal-exposure formula at the shifted π's
    const e = 3;
    const r = 1.5;
    const pi0 = e / (e + 1);
    const pi1 = (r * e) / (r * e + 1);
    const za = 1.6448536269514729;
    const zb = 0.8416212335729143;
    const expected = (za * Math.sqrt(pi0 * (1 - pi0)) + zb * Math.sqrt(pi1 * (1 - pi1))) ** 2 / (pi1 - pi0) ** 2;
    expectClose(poissonEventsNeeded({ rateRatio: r, exposureRatio: e }), expected, 1e-12);
  });
});

describe('sample size edge cases and properties', () => {
  it('rejects invalid arguments', () => {
    expect(() => sampleSizeTwoProportions({ pBaseline: 0.01, pCanary: 0.01 })).toThrow(RangeError);
    expect(() => sampleSizeTwoProportions({ pBaseline: 0, pCanary: 0.01 })).toThrow(RangeError);
    expect(() => sampleSizeTwoProportions({ pBaseline: 0.01, pCanary: 1 })).toThrow(RangeError);
    expect(() => sampleSizeTwoProportions({ pBaseline: 0.01, pCanary: 0.02, alpha: 0 })).toThrow(RangeError);
    expect(() => sampleSizeTwoProportions({ pBaseline: 0.01, pCanary: 0.02, power: 1 })).toThrow(RangeError);
    expect(() => sampleSizeTwoProportions({ pBaseline: 0.01, pCanary: 0.02, sides: 3 as 1 })).toThrow(RangeError);
    expect(() => poissonEventsNeeded({ rateRatio: 1 })).toThrow(RangeError);
    expect(() => poissonEventsNeeded({ rateRatio: -2 })).toThrow(RangeError);
    expect(() => poissonEventsNeeded({ rateRatio: 2, exposureRatio: 0 })).toThrow(RangeError);
  });

  it('is symmetric in the two rates and detects decreases too', () => {
    expect(sampleSizeTwoProportions({ pBaseline: 0.02, pCanary: 0.01 })).toBe(sampleSizeTwoProportions({ pBaseline: 0.01, pCanary: 0.02 }));
    expect(poissonEventsNeeded({ rateRatio: 0.5 })).toBeGreaterThan(0);
  });

  it('needs fewer samples for bigger effects, more for more power, fewer one-sided', () => {
    const rate = fc.double({ min: 1e-4, max: 0.15, noNaN: true });
    const lift = fc.double({ min: 0.05, max: 2, noNaN: true });
    fc.assert(
      fc.property(rate, lift, (p, r) => {
        const base = { pBaseline: p, pCanary: p * (1 + r) };
        const n = sampleSizeTwoProportions(base);
        const bigger = sampleSizeTwoProportions({ ...base, pCanary: p * (1 + 2 * r) });
        const morePower = sampleSizeTwoProportions({ ...base, power: 0.9 });
        const oneSided = sampleSizeTwoProportions({ ...base, sides: 1 });
        const events = poissonEventsNeeded({ rateRatio: 1 + r });
        return n > 0 && bigger < n && morePower > n && oneSided < n && events > poissonEventsNeeded({ rateRatio: 1 + 2 * r });
      }),
    );
  });
});
