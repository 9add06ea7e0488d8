import { describe, expect, it } from 'vitest';
import { alwaysValidPValues } from '../../src/stats/always-valid-p.js';
import { logBeta } from '../../src/stats/beta.js';
import { normalMixtureBoundary, normalMixtureRho } from '../../src/stats/normal-mixture-boundary.js';
import { normalMixtureSprt } from '../../src/stats/normal-mixture-sprt.js';
import { normalQuantile } from '../../src/stats/normal.js';
import { poissonMixtureLogBayesFactor } from '../../src/stats/poisson-mixture.js';
import { poissonMixtureRateRatioInterval } from '../../src/stats/poisson-mixture-interval.js';
import { proportionsMsprt } from '../../src/stats/proportions-msprt.js';
import { quantileConfidenceSequence } from '../../src/stats/quantile-confidence-sequence.js';
import { expectClose, reference } from './reference.js';
import { mulberry32 } from '../../src/stats/seeded-random.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Case = { id: string; method: string; inputs: any; expected: any[] };
const sequential = reference.sequential as Case[];
const byMethod = (method: string) => sequential.filter((c) => c.method === method);

/** Values that are exactly 0 (or 1e-16 noise) are compared in absolute terms. */
function close(actual: number, expected: number) {
  expectClose(actual, expected, 1e-6, 1e-12);
}

describe('Poisson mixture sequential test (Lindon & Malek) against the reference', () => {
  const cases = byMethod('beta_binomial_mixture_conditional_poisson');
  it('covers the four reference cases', () => expect(cases).toHaveLength(4));

  describe.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const { rho0, prior_beta_a: a, prior_beta_b: b } = c.inputs;
    const prior = { a, b };

    it('log Bayes factors, two-sided and one-sided (canary worse), at every look', () => {
      for (const e of c.expected) {
        close(poissonMixtureLogBayesFactor(e.canary_errors, e.baseline_errors, { share: rho0, prior }), e.log_bf_two_sided);
        close(
          poissonMixtureLogBayesFactor(e.canary_errors, e.baseline_errors, { share: rho0, prior, alternative: 'greater' }),
          e.log_bf_one_sided_canary_worse,
        );
      }
    });

    it('the concentration k gives the same prior as Beta(kρ, k(1 − ρ))', () => {
      const k = a + b;
      expectClose(a, k * rho0, 1e-12);
      for (const e of c.expected) {
        close(poissonMixtureLogBayesFactor(e.canary_errors, e.baseline_errors, { share: rho0, concentration: k }), e.log_bf_two_sided);
      }
    });

    it('always-valid p-values are the running minimum of min(1, 1/BF)', () => {
      const logBfs = c.expected.map((e) => poissonMixtureLogBayesFactor(e.canary_errors, e.baseline_errors, { share: rho0, prior }));
      const oneSided = c.expected.map((e) =>
        poissonMixtureLogBayesFactor(e.canary_errors, e.baseline_errors, { share: rho0, prior, alternative: 'greater' }),
      );
      alwaysValidPValues(logBfs).forEach((p, i) => close(p, c.expected[i].always_valid_p_two_sided));
      alwaysValidPValues(oneSided).forEach((p, i) => close(p, c.expected[i].always_valid_p_one_sided));
    });
  });

  it('the less-side prior mirrors the greater side', () => {
    const greater = poissonMixtureLogBayesFactor(30, 10, { share: 0.5, concentration: 4, alternative: 'greater' });
    const less = poissonMixtureLogBayesFactor(10, 30, { share: 0.5, concentration: 4, alternative: 'less' });
    expectClose(less, greater, 1e-12);
  });

  it('rejects impossible inputs instead of computing nonsense', () => {
    expect(() => poissonMixtureLogBayesFactor(1, 1, { share: 0 })).toThrow(RangeError);
    expect(() => poissonMixtureLogBayesFactor(-1, 1, { share: 0.5 })).toThrow(RangeError);
  });
});

describe('the rate-ratio confidence sequence of the Poisson mixture', () => {
  it('its ends are where the Bayes factor of the shifted null reaches 1/α', () => {
    const share = 0.2;
    const k = 3;
    const [x, y] = [40, 90];
    const [low, high] = poissonMixtureRateRatioInterval(x, y, { share, concentration: k, confidence: 0.95 });
    // BF(p0) = B(a+x, b+y)/B(a, b) / (p0^x (1 − p0)^y) with the prior still centred on ρ.
    const logBfAt = (ratio: number) => {
      const p0 = (ratio * share) / (ratio * share + 1 - share);
      return logBeta(k * share + x, k * (1 - share) + y) - logBeta(k * share, k * (1 - share)) - x * Math.log(p0) - y * Math.log1p(-p0);
    };
    expectClose(logBfAt(low), Math.log(20), 1e-8);
    expectClose(logBfAt(high), Math.log(20), 1e-8);
    const observed = x / share / (y / (1 - share));
    expect(low).toBeLessThan(observed);
    expect(high).toBeGreaterThan(observed);
  });

  it('excludes 1 exactly when the two-sided test rejects at α', () => {
    const prior = { share: 0.5, concentration: 1 };
    for (const [x, y] of [
      [48, 14],
      [41, 12],
      [20, 6],
      [26, 27],
    ] as const) {
      const rejects = poissonMixtureLogBayesFactor(x, y, prior) >= Math.log(1 / 0.01);
      const [low, high] = poissonMixtureRateRatioInterval(x, y, { ...prior, confidence: 0.99 });
      expect(low > 1 || high < 1).toBe(rejects);
    }
  });

  it('is open-ended with no events on a side', () => {
    expect(poissonMixtureRateRatioInterval(0, 0, { share: 0.5, confidence: 0.95 })).toEqual([0, Infinity]);
    const [low, high] = poissonMixtureRateRatioInterval(12, 0, { share: 0.5, confidence: 0.95 });
    expect(low).toBeGreaterThan(1);
    expect(high).toBe(Infinity);
    expect(poissonMixtureRateRatioInterval(0, 12, { share: 0.5, confidence: 0.95 })[0]).toBe(0);
  });
});

describe('mSPRT for a difference of proportions (Johari et al.) against the reference', () => {
  const [c] = byMethod('Johari et al. mSPRT with plug-in variance');
  const i = c!.inputs;
  const looks = c!.expected.map((_e, k) =>
    proportionsMsprt(i.cum_canary_errors[k], i.cum_canary_requests[k], i.cum_baseline_errors[k], i.cum_baseline_requests[k], {
      tau: i.tau,
      alpha: i.alpha,
    }),
  );

  it('difference, plug-in variance, log Λ and the 95% confidence sequence at every look', () => {
    looks.forEach((r, k) => {
      const e = c!.expected[k];
      close(r.difference, e.diff);
      close(r.variance, e.s2_plugin);
      close(r.logLambda, e.log_lambda);
      close(r.ci[0], e.cs95_lower);
      close(r.ci[1], e.cs95_upper);
    });
  });

  it('always-valid p-values, and the fixed-n z p-value they are contrasted with', () => {
    alwaysValidPValues(looks.map((r) => r.logLambda)).forEach((p, k) => close(p, c!.expected[k].always_valid_p));
    looks.forEach((r, k) => {
      const z = r.difference / Math.sqrt(r.variance);
      close(2 * (1 - normalCdfViaQuantile(Math.abs(z))), c!.expected[k].fixed_n_z_p_two_sided_for_contrast);
    });
    // Peeking at the fixed-n test would have "rejected" from the 4th look; the mSPRT waits for evidence.
    expect(c!.expected.findIndex((e) => e.fixed_n_z_p_two_sided_for_contrast < 0.05)).toBe(3);
    expect(c!.expected.findIndex((e) => e.always_valid_p < 0.05)).toBe(7);
  });

  it('the confidence sequence is the inversion of Λ at 1/α', () => {
    const r = normalMixtureSprt(0.002, 4e-7, { tau: 0.002, alpha: 0.05 });
    for (const end of r.ci) {
      expectClose(normalMixtureSprt(0.002, 4e-7, { tau: 0.002, alpha: 0.05, nullValue: end }).logLambda, Math.log(20), 1e-9);
    }
  });

  it('an exact estimate (zero variance) decides at once', () => {
    expect(normalMixtureSprt(1, 0, { tau: 1, alpha: 0.05 })).toEqual({ logLambda: Infinity, ci: [1, 1] });
    expect(normalMixtureSprt(0, 0, { tau: 1, alpha: 0.05 }).logLambda).toBe(0);
  });
});

/** 1 − Φ via the (independently tested) quantile: bisection, so this test does not reuse normalCdf. */
function normalCdfViaQuantile(z: number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (normalQuantile(mid) < z) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

describe('Howard et al. two-sided normal-mixture boundary against the reference', () => {
  const [c] = byMethod(sequential.find((s) => s.id === 'howard_two_sided_normal_mixture_boundary')!.method);
  it.each(c!.expected.map((e) => [e.V, e.alpha, e] as const))('V = %s, α = %s', (_v, _a, e) => {
    const rho = normalMixtureRho(e.v_opt, e.alpha);
    close(rho, e.rho_best);
    close(normalMixtureBoundary(e.V, e.alpha, rho), e.boundary_u);
    close(normalQuantile(1 - e.alpha / 2) * Math.sqrt(e.V), e.fixed_n_z_boundary_for_contrast);
  });

  it('equals the mSPRT confidence sequence with τ² = σ⁴/ρ (the same mixture, in other units)', () => {
    const sigma2 = 2.5;
    const n = 40;
    const rho = 7;
    const halfWidth = normalMixtureBoundary(n * sigma2, 0.05, rho) / n;
    const m = normalMixtureSprt(0, sigma2 / n, { tau: Math.sqrt((sigma2 * sigma2) / rho), alpha: 0.05 });
    expectClose(m.ci[1], halfWidth, 1e-12);
  });
});

describe('the time-uniform quantile confidence sequence', () => {
  const seeded = mulberry32;

  it('picks the order statistics X(⌈np − u⌉) and X(⌊np + u⌋ + 1)', () => {
    const sorted = Float64Array.from({ length: 200 }, (_, i) => i + 1);
    const r = quantileConfidenceSequence(sorted, 0.5, { confidence: 0.95, tightestAt: 100 });
    const u = normalMixtureBoundary(0.25 * 200, 0.05, normalMixtureRho(25, 0.05));
    expect(r.ranks).toEqual([Math.ceil(100 - u), Math.floor(100 + u) + 1]);
    expect(r.lower).toBe(Math.ceil(100 - u));
    expect(r.estimate).toBe(100);
  });

  it('is unbounded while the sample is too small', () => {
    const r = quantileConfidenceSequence([1, 2, 3], 0.5, { confidence: 0.95 });
    expect(r.lower).toBe(-Infinity);
    expect(r.upper).toBe(Infinity);
    expect(quantileConfidenceSequence([], 0.5, { confidence: 0.95 }).estimate).toBeNaN();
  });

  it('covers the true median at every n at once in at least 1 − α of 400 seeded runs', () => {
    const random = seeded(7);
    let missed = 0;
    for (let run = 0; run < 400; run++) {
      const values: number[] = [];
      let miss = false;
      for (let n = 1; n <= 300 && !miss; n++) {
        values.push(-Math.log(1 - random())); // exponential: median ln 2
        if (n % 10 !== 0) continue;
        const r = quantileConfidenceSequence(Float64Array.from(values).sort(), 0.5, { confidence: 0.9, tightestAt: 100 });
        if (r.lower > Math.LN2 || r.upper < Math.LN2) miss = true;
      }
      if (miss) missed++;
    }
    // α = 0.1: 40 misses expected at most; the mixture boundary is conservative, so far fewer.
    expect(missed / 400).toBeLessThanOrEqual(0.1);
  });
});
