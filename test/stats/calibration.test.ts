/**
 * Calibration by simulation: under A/A (canary and baseline from the same process) a judge with
 * tolerance 0 fails only when its interval excludes "no change", so its false-fail rate must
 * stay within α + 3 standard errors — for independent samples and for AR(1) series, with the
 * default autocorrelation adjustment on. Seeded, so the figures are the same on every run.
 */
import { describe, expect, it } from 'vitest';
import { judges } from '../../src/analysis/judges/index.js';
import type { JudgeInput } from '../../src/analysis/judges/types.js';
import type { CompareSpec, MetricSpec } from '../../src/policy/types.js';
import { mulberry32 } from '../../src/stats/seeded-random.js';

const RUNS = 2000;
const CONFIDENCE = 0.95;
const ALPHA = 1 - CONFIDENCE;
const LIMIT = ALPHA + 3 * Math.sqrt((ALPHA * (1 - ALPHA)) / RUNS);

function rng(seed: number) {
  const uniform = mulberry32(seed);
  const normal = () => {
    const u = 1 - uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
  /** Knuth's method: fine for the means used here (≤ a few hundred, split in chunks). */
  const poisson = (mean: number): number => {
    let total = 0;
    for (let rest = mean; rest > 0; rest -= 50) {
      const limit = Math.exp(-Math.min(rest, 50));
      let k = 0;
      let p = uniform();
      while (p > limit) {
        k++;
        p *= uniform();
      }
      total += k;
    }
    return total;
  };
  return { uniform, normal, poisson };
}

/** A stationary AR(1) series with unit marginal variance. */
function ar1(random: ReturnType<typeof rng>, n: number, rho: number): number[] {
  const out: number[] = [];
  let x = random.normal();
  const innovation = Math.sqrt(1 - rho * rho);
  for (let i = 0; i < n; i++) {
    out.push(x);
    x = rho * x + innovation * random.normal();
  }
  return out;
}

function metric(kind: MetricSpec['kind']): MetricSpec {
  const common = {
    name: 'm',
    source: 's',
    group: 'm',
    critical: false,
    weight: 1,
    dryRun: false,
    minSamples: 3,
    onNoData: 'fail' as const,
    line: 1,
  };
  return kind === 'ratio'
    ? { ...common, kind: 'ratio', errors: 'e', total: 't' }
    : { ...common, kind, query: 'q', aggregate: 'median' };
}

function spec(test: CompareSpec['test'], autocorrelation: CompareSpec['autocorrelation'] = 'adjust'): CompareSpec {
  return { test, direction: 'either', tolerance: 0, confidence: CONFIDENCE, scale: 'auto', autocorrelation };
}

/** Fraction of A/A runs the judge fails. */
function falseFailRate(makeInput: (run: number) => JudgeInput): number {
  let fails = 0;
  for (let run = 0; run < RUNS; run++) {
    const input = makeInput(run);
    if (judges[input.spec.test as Exclude<CompareSpec['test'], 'none'>](input).outcome === 'fail') fails++;
  }
  return fails / RUNS;
}

const figures: string[] = [];

describe('A/A calibration of the sample judges (n = 60 per side, 2000 runs each)', () => {
  const N = 60;
  for (const test of ['mann-whitney', 'welch'] as const) {
    for (const rho of [0, 0.3, 0.6, 0.8]) {
      it(`${test}, AR(1) ρ = ${rho}: false-fail rate ≤ α + 3 SE`, () => {
        const random = rng(1000 + rho * 100 + (test === 'welch' ? 7 : 0));
        // Latency-like positive values (log-normal), judged on the log scale by mann-whitney.
        const series = () => ar1(random, N, rho).map((z) => Math.exp(-1 + 0.3 * z));
        const rate = falseFailRate(() => {
          const canary = series();
          const baseline = series();
          return {
            metric: metric('distribution'),
            spec: spec(test),
            canary: { value: 0, samples: canary },
            baseline: { value: 0, samples: baseline },
          };
        });
        figures.push(`${test} ρ=${rho}: ${(rate * 100).toFixed(2)}%`);
        expect(rate).toBeLessThanOrEqual(LIMIT);
      });
    }
  }

  it('without the adjustment, raw Mann-Whitney on AR(1) ρ = 0.6 fails far more often than α', () => {
    const random = rng(4242);
    const rate = falseFailRate(() => ({
      metric: metric('distribution'),
      spec: spec('mann-whitney', 'ignore'),
      canary: { value: 0, samples: ar1(random, N, 0.6).map(Math.exp) },
      baseline: { value: 0, samples: ar1(random, N, 0.6).map(Math.exp) },
    }));
    figures.push(`mann-whitney ρ=0.6 unadjusted: ${(rate * 100).toFixed(2)}%`);
    expect(rate).toBeGreaterThan(3 * ALPHA);
  });
});

describe('A/A calibration of the count judges (2000 runs each)', () => {
  // 20,000 canary and 100,000 baseline requests at a 0.5% error ratio: ~100 and ~500 errors.
  const cases = [
    { name: 'typical traffic', canaryTotal: 20_000, baselineTotal: 100_000, ratio: 0.005 },
    { name: 'low traffic', canaryTotal: 2_000, baselineTotal: 10_000, ratio: 0.002 },
  ];
  for (const test of ['poisson', 'fisher', 'proportions'] as const) {
    for (const c of cases) {
      // The z-test is known to be anti-conservative at low counts (the reason exact tests are
      // the default); it is held to the bound only where its approximation applies.
      if (test === 'proportions' && c.name === 'low traffic') continue;
      it(`${test}, ${c.name}: false-fail rate ≤ α + 3 SE`, () => {
        const random = rng(77 + c.canaryTotal + test.length);
        const rate = falseFailRate(() => {
          const ce = random.poisson(c.canaryTotal * c.ratio);
          const be = random.poisson(c.baselineTotal * c.ratio);
          return {
            metric: metric('ratio'),
            spec: spec(test),
            canary: { value: ce / c.canaryTotal, samples: [], errors: ce, total: c.canaryTotal },
            baseline: { value: be / c.baselineTotal, samples: [], errors: be, total: c.baselineTotal },
          };
        });
        figures.push(`${test} ${c.name}: ${(rate * 100).toFixed(2)}%`);
        expect(rate).toBeLessThanOrEqual(LIMIT);
      });
    }
  }

  it('prints the figures', () => {
    // Shown in the test log so a reader sees the rates, not only that they are under the bound.
    console.log(`A/A false-fail rates at α = ${ALPHA} (bound ${(LIMIT * 100).toFixed(2)}%):\n  ${figures.join('\n  ')}`);
    expect(figures.length).toBeGreaterThan(0);
  });
});
