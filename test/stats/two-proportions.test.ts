import { describe, it, expect } from 'vitest';
import { fisherExact } from '../../src/stats/fisher.js';
import { poissonRateRatio } from '../../src/stats/poisson-rate.js';
import { propTestYates, twoProportionZ } from '../../src/stats/proportions.js';
import { expectClose, reference } from './reference.js';

interface Case {
  inputs: { canary_errors: number; canary_total: number; baseline_errors: number; baseline_total: number };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  expected: any;
}
const cases = Object.entries(reference.two_proportion_sets as Record<string, Case>);
const args = (c: Case) => [c.inputs.canary_errors, c.inputs.canary_total, c.inputs.baseline_errors, c.inputs.baseline_total] as const;

/** R writes Inf and undefined estimates as null in the JSON. */
function expectValue(actual: number, expected: number | null, rtol = 1e-6) {
  if (expected === null) expect(actual === Infinity || Number.isNaN(actual)).toBe(true);
  else if (expected === 0) expect(Math.abs(actual)).toBeLessThan(1e-12);
  else expectClose(actual, expected, rtol);
}

describe.each(cases)('%s', (_name, c) => {
  it('two-proportion z (pooled) matches R', () => {
    const r = twoProportionZ(...args(c));
    expectClose(r.z, c.expected.z_pooled, 1e-9);
    expectClose(r.pTwoSided, c.expected.z_pooled_p_two_sided, 1e-9);
    expectClose(r.pGreater, c.expected.z_pooled_p_greater, 1e-9);
    expectClose(r.z ** 2, c.expected.prop_test_no_cc.chisq, 1e-9);
  });

  it('prop.test with Yates correction matches R', () => {
    const r = propTestYates(...args(c));
    const e = c.expected.prop_test_yates;
    expectClose(r.chisq, e.chisq, 1e-9);
    expectClose(r.pTwoSided, e.p_two_sided, 1e-9);
    expectClose(r.pGreater, e.p_greater, 1e-9);
    expectClose(r.ciDiff[0], e.ci95_diff[0], 1e-9);
    expectClose(r.ciDiff[1], e.ci95_diff[1], 1e-9);
  });

  it('Fisher exact matches R fisher.test', () => {
    const r = fisherExact(...args(c));
    const e = c.expected.fisher;
    expectClose(r.pTwoSided, e.p_two_sided, 1e-9);
    expectClose(r.pGreater, e.p_greater, 1e-9);
    expectClose(r.pLess, e.p_less, 1e-9);
    // Found with R's uniroot (zeroin, tol eps^0.25) on R's transforms, so it agrees with R's digits.
    expectValue(r.oddsRatio, e.conditional_mle_odds_ratio, 1e-9);
    expectValue(r.ci[0], e.ci95_odds_ratio[0], 1e-9);
    expectValue(r.ci[1], e.ci95_odds_ratio[1], 1e-9);
  });

  it('Poisson rate ratio matches R poisson.test', () => {
    const r = poissonRateRatio(...args(c));
    const e = c.expected.poisson_rate_ratio_exact;
    expectClose(r.pTwoSided, e.p_two_sided, 1e-9);
    expectClose(r.pGreater, e.p_greater, 1e-9);
    expectValue(r.rateRatio, e.rate_ratio, 1e-12);
    expectValue(r.ci[0], e.ci95[0], 1e-7);
    expectValue(r.ci[1], e.ci95[1], 1e-7);
  });
});

describe('edge cases', () => {
  it('treats no errors on either side as no evidence', () => {
    expect(poissonRateRatio(0, 100, 0, 100)).toMatchObject({ pTwoSided: 1, pGreater: 1, ci: [0, Infinity] });
    expect(fisherExact(0, 100, 0, 100).pTwoSided).toBe(1);
    expect(twoProportionZ(0, 100, 0, 100)).toMatchObject({ z: 0, pTwoSided: 1 });
  });
  it('handles millions of requests', () => {
    const r = fisherExact(1200, 1_000_000, 1000, 1_000_000);
    expect(r.pGreater).toBeGreaterThan(0);
    expect(r.pGreater).toBeLessThan(0.001);
    expect(r.ci[0]).toBeLessThan(1.2);
    expect(r.ci[1]).toBeGreaterThan(1.2);
  });
});
