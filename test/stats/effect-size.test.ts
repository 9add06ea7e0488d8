import { describe, expect, it } from 'vitest';
import { lag1Autocorrelation, varianceInflation } from '../../src/stats/autocorrelation.js';
import { cles, meanRatio, relativeRisk } from '../../src/stats/effect-size.js';
import { sampleSizeMannWhitney } from '../../src/stats/sample-size-mw.js';
import { expectClose, reference } from './reference.js';

// Values from R 4.2.2, printed with options(digits = 17):
//   rr <- (12/10000)/(4/10000); rr*exp(c(-1,1)*qnorm(.975)*sqrt(1/12-1/10000+1/4-1/10000))
//   z <- qnorm(0.95)+qnorm(0.8); z^2/(12*0.25*(0.6-0.5)^2)
//   mean(x)/mean(y) on the ?wilcox.test example
//   acf(c(1,3,2,5,4,6,8,7,9,10), plot=FALSE, lag.max=1)$acf[2]
describe('effect sizes', () => {
  const set = reference.mann_whitney_sets.r_doc_example;
  it('meanRatio matches R and is NaN on a zero mean (as Kayenta)', () => {
    expectClose(meanRatio(set.inputs.canary, set.inputs.baseline), 1.3452868852459017, 1e-14);
    expect(meanRatio([1, 2], [0, 0])).toBeNaN();
    expect(meanRatio([], [1])).toBeNaN();
  });

  it('CLES is U/(m·n) for every reference set', () => {
    for (const s of Object.values(reference.mann_whitney_sets) as { inputs: { canary: number[]; baseline: number[] }; expected: { auc_U_over_mn: number } }[]) {
      expectClose(cles(s.inputs.canary, s.inputs.baseline), s.expected.auc_U_over_mn, 1e-12);
    }
  });

  it("relativeRisk gives Katz's interval as R computes it", () => {
    const r = relativeRisk(12, 10000, 4, 10000);
    expect(r.relativeRisk).toBeCloseTo(3, 12);
    expectClose(r.ci[0], 0.96789282215367434, 1e-12);
    expectClose(r.ci[1], 9.29855020514972708, 1e-12);
    expect(relativeRisk(3, 100, 0, 100)).toEqual({ relativeRisk: Infinity, ci: [0, Infinity] });
  });
});

describe('sampleSizeMannWhitney (Noether)', () => {
  it('matches the closed form evaluated in R', () => {
    expectClose(sampleSizeMannWhitney({ cles: 0.6, alpha: 0.05, power: 0.8 }), 206.08524106732554, 1e-12);
  });
  it('grows as the effect shrinks and is symmetric around 0.5', () => {
    const n = (c: number) => sampleSizeMannWhitney({ cles: c, alpha: 0.05, power: 0.8, sides: 2 });
    expect(n(0.55)).toBeGreaterThan(n(0.6));
    expectClose(n(0.4), n(0.6), 1e-12);
    expect(() => sampleSizeMannWhitney({ cles: 0.5, alpha: 0.05, power: 0.8 })).toThrow(RangeError);
  });
});

describe('autocorrelation', () => {
  it("lag-1 autocorrelation matches R's acf", () => {
    expectClose(lag1Autocorrelation([1, 3, 2, 5, 4, 6, 8, 7, 9, 10]), 0.57878787878787885, 1e-13);
    expect(lag1Autocorrelation([1, 1, 1, 1])).toBe(0);
    expect(lag1Autocorrelation([1, 2])).toBe(0);
  });
  it('inflates the variance for positive autocorrelation only, never below independence', () => {
    const smooth = Array.from({ length: 100 }, (_, i) => Math.sin(i / 10));
    const alternating = Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? 1 : -1));
    expect(varianceInflation(smooth).factor).toBeGreaterThan(10);
    expect(varianceInflation(alternating)).toEqual({ rho: 0, factor: 1, effectiveN: 100 });
    const high = varianceInflation(Array.from({ length: 1000 }, (_, i) => i));
    expect(high.rho).toBe(0.95);
    expect(high.factor).toBeCloseTo(39, 10);
  });
});
