import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/analysis/evaluate.js';
import { adjustForMultipleTesting } from '../../src/analysis/multiplicity.js';
import { loadPolicy } from '../../src/policy/load.js';
import type { CheckOutcome, MetricReport } from '../../src/report/model.js';
import type { MetricSource, RangeQuery, Series } from '../../src/sources/types.js';
import { mulberry32 } from '../../src/stats/seeded-random.js';

function metric(name: string, p: number, outcome: CheckOutcome, counted = true): MetricReport {
  return {
    name,
    group: name,
    kind: 'gauge',
    source: 's',
    aggregate: 'mean',
    critical: false,
    weight: 1,
    dryRun: !counted,
    counted,
    outcome,
    reason: `${name}: ${outcome}`,
    canary: { samples: 30, value: 1 } as MetricReport['canary'],
    checks: [
      {
        type: 'comparison',
        outcome,
        reason: `${name}: ${outcome}`,
        comparison: {
          test: 'welch',
          direction: 'increase',
          canary: 1,
          baseline: 1,
          delta: 0,
          relative: 0,
          allowed: 0,
          statistics: {
            test: "Welch's t",
            confidence: 0.95,
            scale: 'difference',
            estimate: 0,
            ci: [0, 0],
            absolute: { estimate: 0, ci: [0, 0] },
            pValue: p,
            n: { canary: 30, baseline: 30 },
            notes: [],
          },
        },
      },
    ],
    limits: {},
    line: 1,
  };
}

describe('scoring.multiple-testing', () => {
  const family = [metric('a', 0.001, 'fail'), metric('b', 0.02, 'fail'), metric('c', 0.3, 'pass'), metric('d', 0.5, 'pass'), metric('e', 0.04, 'fail', false)];

  it('leaves the metrics untouched with none', () => {
    expect(adjustForMultipleTesting(family, 'none')).toBe(family);
  });

  it('keeps a failure whose Holm-adjusted p stays below alpha and makes the others inconclusive', () => {
    const [a, b, c, d, e] = adjustForMultipleTesting(family, 'holm');
    // Holm over the 4 counted metrics: 4·0.001, 3·0.02, max(2·0.3, 0.06), max(0.5, 0.6).
    expect(a!.outcome).toBe('fail');
    expect(a!.checks[0]!.comparison!.statistics!.adjusted).toEqual({ method: 'holm', pValue: 0.004, family: 4 });
    expect(b!.outcome).toBe('inconclusive');
    expect(b!.checks[0]!.comparison!.statistics!.adjusted!.pValue).toBeCloseTo(0.06, 12);
    expect(b!.reason).toBe('b: fail; but not significant over the 4 compared metrics (Holm-adjusted p 0.06 ≥ 0.05, raw p 0.02)');
    expect(c!.outcome).toBe('pass');
    expect(c!.checks[0]!.comparison!.statistics!.adjusted!.pValue).toBeCloseTo(0.6, 12);
    expect(d!.checks[0]!.comparison!.statistics!.adjusted!.pValue).toBeCloseTo(0.6, 12);
    // Dry-run metrics are shown but not counted, so they are not part of the family either.
    expect(e!.outcome).toBe('fail');
    expect(e!.checks[0]!.comparison!.statistics!.adjusted).toBeUndefined();
  });

  it('is less strict with Benjamini-Hochberg', () => {
    const [a, b] = adjustForMultipleTesting(family, 'bh');
    // BH: 0.001·4/1 = 0.004; 0.02·4/2 = 0.04 < 0.05, so b still fails.
    expect(a!.outcome).toBe('fail');
    expect(b!.outcome).toBe('fail');
    expect(b!.checks[0]!.comparison!.statistics!.adjusted).toEqual({ method: 'bh', pValue: 0.04, family: 4 });
  });

  it('is a policy key, rejected in Kayenta mode', () => {
    const text = (extra: string, compare: string) => `version: 1
service: s
${extra}
window: 30m
sources: { s: { type: file, path: x.json } }
scopes: { canary: 'a="c"', baseline: 'a="b"' }
metrics:
  - { name: m, source: s, query: 'm{{{scope}}}', compare: { ${compare} } }
scoring: { multiple-testing: holm }
`;
    expect(loadPolicy(text('', 'tolerance: 10%'), 'p.yml', { env: {} }).scoring.multipleTesting).toBe('holm');
    expect(() => loadPolicy(text('judge: kayenta', 'direction: increase'), 'p.yml', { env: {} })).toThrow(/p\.yml:\d+:\d+: scoring\.multiple-testing: not used with judge: kayenta/);
  });
});

/** Seeded normal variates (mulberry32 + Box-Muller). */
function normals(seed: number) {
  const uniform = mulberry32(seed);
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

describe('scoring.multiple-testing under A/A (20 metrics, 400 seeded runs)', () => {
  const METRICS = 20;
  const RUNS = 400;
  const END = Date.UTC(2026, 10, 20, 12);
  const metrics = Array.from({ length: METRICS }, (_, i) => `  - { name: m${i}, source: s, query: 'm${i}{{{scope}}}', compare: { test: welch, tolerance: 0%, autocorrelation: ignore } }`).join('\n');
  const policy = (method: string) =>
    loadPolicy(
      `version: 1
service: s
window: 30m
step: 1m
sources: { s: { type: file, path: x.json } }
scopes: { canary: 'a="c"', baseline: 'a="b"' }
metrics:
${metrics}
scoring: { multiple-testing: ${method} }
`,
      'p.yml',
      { env: {} },
    );

  /** Every query answered by 30 independent N(100, 1) points: canary and baseline are alike. */
  class AaSource implements MetricSource {
    readonly type = 'a/a';
    constructor(private readonly next: () => number) {}
    async query(request: RangeQuery): Promise<Series[]> {
      return [{ labels: {}, points: Array.from({ length: 30 }, (_, i) => ({ t: request.start + i * 60_000, v: 100 + this.next() })) }];
    }
  }

  async function runsWithAFailure(method: string): Promise<number> {
    const p = policy(method);
    let failed = 0;
    for (let run = 0; run < RUNS; run++) {
      const report = await evaluate({ policy: p, sources: { s: new AaSource(normals(1000 + run)) }, end: END, now: END });
      if (report.metrics.some((m) => m.outcome === 'fail')) failed++;
    }
    return failed / RUNS;
  }

  it('keeps the chance of any false failure near alpha with Holm, where each metric alone inflates it', async () => {
    const unadjusted = await runsWithAFailure('none');
    const holm = await runsWithAFailure('holm');
    if (process.env.SHOW_RATES) console.log({ unadjusted, holm });
    // One-sided 2.5% per metric: 1 − 0.975^20 ≈ 40% of A/A runs fail somewhere without adjustment.
    expect(unadjusted).toBeGreaterThan(0.3);
    // Holm bounds it by alpha = 5%; + 3 standard errors of 400 runs.
    expect(holm).toBeLessThanOrEqual(0.05 + 3 * Math.sqrt((0.05 * 0.95) / RUNS));
  });
});
