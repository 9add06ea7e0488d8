import { describe, expect, it } from 'vitest';
import { decide, limitsFor } from '../../src/analysis/judges/decision.js';
import { judges } from '../../src/analysis/judges/index.js';
import { judgeMeasurement } from '../../src/analysis/judges/statistical.js';
import type { JudgeInput } from '../../src/analysis/judges/types.js';
import type { CompareSpec, MetricSpec } from '../../src/policy/types.js';

function metric(kind: MetricSpec['kind'], unit?: string): MetricSpec {
  const common = { name: 'm', source: 's', group: 'm', critical: false, weight: 1, dryRun: false, minSamples: 3, onNoData: 'fail' as const, line: 1, unit };
  return kind === 'ratio' ? { ...common, kind, errors: 'e', total: 't' } : { ...common, kind, query: 'q', aggregate: 'median' };
}

function compare(test: CompareSpec['test'], extra: Partial<CompareSpec> = {}): CompareSpec {
  return { test, direction: 'increase', tolerance: 0.1, confidence: 0.95, scale: 'auto', autocorrelation: 'adjust', ...extra };
}

function counts(test: CompareSpec['test'], ce: number, ct: number, be: number, bt: number, extra: Partial<CompareSpec> = {}): JudgeInput {
  return {
    metric: metric('ratio'),
    spec: compare(test, extra),
    canary: { value: ce / ct, samples: [], errors: ce, total: ct },
    baseline: { value: be / bt, samples: [], errors: be, total: bt },
  };
}

function samples(test: CompareSpec['test'], canary: number[], baseline: number[], kind: MetricSpec['kind'] = 'distribution', extra: Partial<CompareSpec> = {}): JudgeInput {
  return { metric: metric(kind, 's'), spec: compare(test, extra), canary: { value: 0, samples: canary }, baseline: { value: 0, samples: baseline } };
}

const run = (input: JudgeInput) => judges[input.spec.test as Exclude<CompareSpec['test'], 'none'>](input);

describe('the decision rule', () => {
  const limits = { up: 0.1, down: -0.1 };
  it('fails when the interval lies wholly beyond the tolerance, by the bound that cleared it', () => {
    expect(decide({ scale: 'difference', estimate: 0.3, lower: 0.2, upper: 0.4 }, limits, 'increase')).toEqual({ outcome: 'fail', bound: 'lower' });
    expect(decide({ scale: 'difference', estimate: -0.3, lower: -0.4, upper: -0.2 }, limits, 'decrease')).toEqual({ outcome: 'fail', bound: 'upper' });
  });
  it('passes when the interval lies wholly inside on the bad side(s)', () => {
    expect(decide({ scale: 'difference', estimate: -0.3, lower: -0.4, upper: 0.05 }, limits, 'increase').outcome).toBe('pass');
    expect(decide({ scale: 'difference', estimate: -0.3, lower: -0.4, upper: 0.05 }, limits, 'either').outcome).toBe('inconclusive');
  });
  it('is inconclusive when the interval straddles a limit, with the growth needed', () => {
    const d = decide({ scale: 'difference', estimate: 0.0, lower: -0.2, upper: 0.2 }, limits, 'increase');
    // half-width 0.2 must shrink to the gap 0.1: four times the sample.
    expect(d).toEqual({ outcome: 'inconclusive', bound: 'upper', growth: 4 });
  });
  it('turns a relative tolerance and an absolute floor into limits on each scale', () => {
    expect(limitsFor('log-ratio', 0.5, 0.2, 0.05)).toEqual({ up: Math.log1p(0.2), down: Math.log1p(-0.2) });
    expect(limitsFor('log-ratio', 0.1, 0.2, 0.05)!.up).toBeCloseTo(Math.log1p(0.5), 12); // the floor is 50% of 0.1
    expect(limitsFor('difference', 0.5, 0.2, 0.05)).toEqual({ up: 0.1, down: -0.1 });
    expect(limitsFor('difference', 0, 0.2, 0.05)).toEqual({ up: 0.05, down: -0.05 });
    expect(limitsFor('difference', 0, 0.2, undefined)).toBeUndefined();
    expect(limitsFor('log-ratio', 0, 0.2, 0.05)).toBeUndefined();
  });
});

describe('count judges', () => {
  it('fails a clear error-ratio regression with the exact Poisson test and says which bound decided', () => {
    const result = run(counts('poisson', 120, 10_000, 100, 100_000));
    expect(result.outcome).toBe('fail');
    expect(result.detail.statistics).toMatchObject({ bound: 'lower', n: { canary: 10_000, baseline: 100_000 } });
    expect(result.detail.statistics!.estimate).toBeCloseTo(11, 10); // rate ratio 12 → +1100%
    expect(result.reason).toBe(
      'Poisson rate ratio (exact, conditional binomial): change +1100% (95% CI +813% to +1481%; n 10000/100000, p < 0.0001): wholly beyond the +10% tolerance (lower bound decided)',
    );
  });

  it('is inconclusive at low counts (12 vs 4 per 10k: z says p = 0.045, the exact tests do not fail)', () => {
    for (const test of ['poisson', 'fisher'] as const) {
      const result = run(counts(test, 12, 10_000, 4, 10_000));
      expect(result.outcome).toBe('inconclusive');
      expect(result.reason).toMatch(/need about [\d.]+k? more canary requests/);
      expect(result.detail.statistics!.needed!.unit).toBe('requests');
    }
  });

  it('passes equal rates at high traffic within the tolerance', () => {
    expect(run(counts('poisson', 5000, 1_000_000, 5000, 1_000_000, { tolerance: 0.1 })).outcome).toBe('pass');
    expect(run(counts('proportions', 5000, 1_000_000, 5000, 1_000_000, { tolerance: 0.1 })).outcome).toBe('pass');
  });

  it('judges a zero baseline by the difference of rates and the floor, and says so', () => {
    const withoutFloor = run(counts('poisson', 3, 1000, 0, 1000));
    expect(withoutFloor.outcome).toBe('inconclusive');
    expect(withoutFloor.reason).toMatch(/the baseline is 0, so a relative tolerance cannot judge the change; set compare.floor/);
    const withFloor = run(counts('poisson', 30, 1000, 0, 1000, { floor: 0.005 }));
    expect(withFloor.outcome).toBe('fail');
    expect(withFloor.detail).toMatchObject({ decidedBy: 'floor' });
    expect(withFloor.reason).toMatch(/no baseline errors, so the difference of rates \(Newcombe\) is judged/);
    expect(withFloor.reason).toMatch(/beyond the absolute floor \+0\.5 pp/);
  });
});

describe('sample judges', () => {
  const base = Array.from({ length: 40 }, (_, i) => 0.2 + 0.01 * ((i * 7) % 13));
  it('judges latency on the log scale: a +50% shift fails a +20% tolerance', () => {
    const result = run(samples('mann-whitney', base.map((v) => v * 1.5), base));
    expect(result.outcome).toBe('fail');
    expect(result.detail.statistics!.scale).toBe('log-ratio');
    expect(result.detail.statistics!.estimate).toBeCloseTo(0.5, 10);
    expect(result.reason).toMatch(/^Mann-Whitney \/ Hodges-Lehmann \(log scale\): change \+50%/);
  });

  it('falls back to the linear scale, with a note, when values are not positive', () => {
    const result = run(samples('mann-whitney', [0, ...base.slice(1)], base));
    expect(result.detail.statistics!.scale).toBe('difference');
    expect(result.detail.statistics!.notes).toContain('values ≤ 0 present: compared on the linear scale instead of the log scale');
  });

  it('says significance is unreachable with 3 pods against 3 instead of passing', () => {
    // Without ties (the exact interval reaches only 90%) and with a tie (the normal approximation).
    for (const baseline of [[1.01, 1.05, 1.15], [1.0, 1.05, 1.15]]) {
      const result = run(samples('mann-whitney', [1.0, 1.1, 1.2], baseline, 'gauge', { autocorrelation: 'ignore' }));
      expect(result.outcome).toBe('inconclusive');
      expect(result.reason).toMatch(/with 3 against 3 samples no 95% interval exists \(the smallest possible two-sided p is 0\.1\): significance is unreachable at this sample$/);
    }
  });

  it('reports the effective sample size of autocorrelated series', () => {
    const walk = Array.from({ length: 60 }, (_, i) => 10 + Math.sin(i / 5) + 0.1 * Math.sin(i * 2.3));
    const result = run(samples('welch', walk, walk.map((v) => v + 0.01), 'gauge'));
    const stats = result.detail.statistics!;
    expect(stats.autocorrelation!.canary).toBeGreaterThan(0.3);
    expect(stats.effectiveN!.canary).toBeLessThan(40);
    expect(result.reason).toMatch(/n 60\/60, effective \d+\.\d\/\d+\.\d/);
  });
});

describe('an inconclusive interval says what more data would do', () => {
  const measurement = (lower: number, upper: number) => ({
    test: 'some test',
    effect: { scale: 'difference' as const, estimate: 0.05, lower, upper },
    baselineLevel: 1,
    canaryLevel: 1.05,
    pValue: 0.4,
    n: { canary: 30, baseline: 30 },
    unit: 'samples' as const,
    size: 30,
    notes: [],
  });
  const input = samples('welch', [1], [1], 'gauge');

  it('estimates the extra samples when the interval is finite', () => {
    const result = judgeMeasurement(input, measurement(-0.05, 0.15), 0.95);
    expect(result.outcome).toBe('inconclusive');
    expect(result.reason).toMatch(/need about \d+ more samples per side/);
  });

  it('says the interval is unbounded instead of blaming the tolerance', () => {
    const result = judgeMeasurement(input, measurement(-0.05, Infinity), 0.95);
    expect(result.outcome).toBe('inconclusive');
    expect(result.reason).toContain('the interval is unbounded at this sample');
    expect(result.reason).not.toContain('sits on the tolerance');
  });
});
