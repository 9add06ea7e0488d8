import { describe, expect, it } from 'vitest';
import type { Report, WatchLook } from '../../src/report/model.js';
import { watch } from '../../src/watch/loop.js';
import { FakeClock, HEADER, poisson, policyFrom, scriptedSource, START, stepRandom, type StepValue } from './helpers.js';

const RATIO = `
  - name: error-ratio
    source: s
    kind: ratio
    errors: 'errors{{{scope}}}'
    total: 'total{{{scope}}}'
    compare: { direction: increase, tolerance: TOL }
    critical: true
`;
const LATENCY = `
  - name: latency-p50
    source: s
    kind: distribution
    query: 'latency{{{scope}}}'
    compare: { direction: increase, tolerance: 20% }
`;

/** 100 requests/s per side; error ratio `canaryRate` vs 0.5%; per-step median latency ×`slow` on the canary. */
function traffic({ canaryRate = 0.005, baselineRate = 0.005, slow = 1, perMinute = 6000 } = {}): StepValue {
  return (scope, role, step) => {
    const random = stepRandom(`${scope}/${role}`, step);
    if (role === 'total') return perMinute;
    if (role === 'errors') return poisson(perMinute * (scope === 'canary' ? canaryRate : baselineRate), random);
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return 0.2 * (scope === 'canary' ? slow : 1) * Math.exp(0.05 * z);
  };
}

async function run(yaml: string, value: StepValue, fail?: Parameters<typeof scriptedSource>[1]) {
  const policy = policyFrom(yaml);
  const clock = new FakeClock(START);
  const source = scriptedSource(value, fail);
  const looks: WatchLook[] = [];
  const report: Report = await watch({
    policy,
    sources: { s: source },
    plan: policy.watch!,
    start: START,
    clock,
    onLook: (look) => void looks.push(look),
  });
  return { report, clock, source, looks };
}

const watchBlock = (extra = '') => `watch: { interval: 1m, duration: 30m, min-duration: 5m${extra} }\n`;

describe('watch loop (fake clock, scripted source)', () => {
  it('fails early on a bad canary: error ratio 4× the baseline, critical', async () => {
    const { report, clock, looks } = await run(HEADER + watchBlock() + 'metrics:' + RATIO.replace('TOL', '20%'), traffic({ canaryRate: 0.02 }));
    expect(report.verdict).toBe('fail');
    expect(report.watch!.stoppedBy).toBe('early-fail');
    expect(report.watch!.early).toBe(true);
    expect(looks.length).toBeLessThanOrEqual(3);
    expect(report.watch!.looks).toEqual(looks);
    expect(report.reasons[0]).toMatch(/^stopped early after \dm of 30m \(\d looks?\): critical metric failed: error-ratio/);
    const last = looks.at(-1)!.metrics[0]!;
    expect(last.ci![0]).toBeGreaterThan(0.2); // the interval's lower end is beyond +20%
    // No real waiting: the clock only jumped, by exactly the time observed.
    expect(clock.t - START).toBe(looks.length * 60_000);
  });

  it('fails early even before min-duration, but never passes before it', async () => {
    // One sample per step: with distributions, a short step gives the quantile sequences data sooner.
    const yaml = HEADER.replace('step: 1m', 'step: 15s') + watchBlock().replace('min-duration: 5m', 'min-duration: 10m') + 'metrics:' + LATENCY;
    const bad = await run(yaml, traffic({ slow: 1.6 }));
    expect(bad.report.verdict).toBe('fail');
    expect(bad.looks.length).toBeLessThan(10);
    const good = await run(yaml, traffic());
    expect(good.report.verdict).toBe('pass');
    expect(good.report.watch!.stoppedBy).toBe('early-pass');
    // Decided before min-duration, the pass waits for it and not a minute longer.
    expect(good.looks.length).toBe(10);
    expect(good.looks.slice(0, 9).some((l) => l.verdict === 'pass')).toBe(true);
  });

  it('passes a good canary early once every check is inside its tolerance', async () => {
    const yaml = HEADER + watchBlock() + 'metrics:' + RATIO.replace('TOL', '60%') + LATENCY;
    const { report, looks } = await run(yaml, traffic({ perMinute: 30_000 }));
    expect(report.verdict).toBe('pass');
    expect(report.watch!.stoppedBy).toBe('early-pass');
    expect(looks.length).toBeGreaterThanOrEqual(5);
    expect(looks.length).toBeLessThan(30);
    for (const m of looks.at(-1)!.metrics) expect(m.ci![1]).toBeLessThanOrEqual(m.allowed!);
  });

  it('queries a window growing from the start, one more step per look', async () => {
    const { source } = await run(HEADER + watchBlock() + 'metrics:' + RATIO.replace('TOL', '20%'), traffic({ canaryRate: 0.02 }));
    const canaryTotals = source.calls.filter((c) => c.query === 'total{deployment="canary"}');
    canaryTotals.forEach((c, i) => {
      expect(c.start).toBe(START + 60_000);
      expect(c.end).toBe(START + (i + 1) * 60_000);
    });
  });

  it('decides at the duration: inconclusive, with how much more traffic it needs', async () => {
    const yaml = HEADER + watchBlock() + 'metrics:' + RATIO.replace('TOL', '20%');
    const { report, looks, clock } = await run(yaml, traffic({ canaryRate: 0.006 }));
    expect(report.verdict).toBe('inconclusive');
    expect(report.watch!.stoppedBy).toBe('deadline');
    expect(report.watch!.early).toBe(false);
    expect(looks).toHaveLength(30);
    expect(clock.t).toBe(START + 30 * 60_000);
    expect(report.metrics[0]!.reason).toMatch(/need about [\d,.]+[kM]? more canary requests/);
    expect(report.reasons[0]).toMatch(/^watched the full 30m \(30 looks\): the duration is over with error-ratio still undecided/);
  });

  it('a last look falls on the deadline even when the interval does not divide the duration', async () => {
    const yaml = HEADER + 'watch: { interval: 7m, duration: 30m, min-duration: 5m }\nmetrics:' + RATIO.replace('TOL', '20%');
    const { looks } = await run(yaml, traffic({ canaryRate: 0.006 }));
    expect(looks.map((l) => l.elapsedMs / 60_000)).toEqual([7, 14, 21, 28, 30]);
  });

  it('failure-limit: tolerates failed looks before failing the run', async () => {
    const yaml =
      HEADER +
      watchBlock(', failure-limit: 2') +
      `metrics:
  - name: error-ceiling
    source: s
    kind: ratio
    errors: 'errors{{{scope}}}'
    total: 'total{{{scope}}}'
    threshold: { max: 1% }
    critical: true
    min-samples: 1
`;
    const { report, looks } = await run(yaml, traffic({ canaryRate: 0.03 }));
    expect(looks).toHaveLength(3);
    expect(report.verdict).toBe('fail');
    expect(report.watch!.stoppedBy).toBe('failure-limit');
    expect(report.reasons[0]).toContain('3 failed looks, failure-limit 2');
  });

  it('source errors mid-run within consecutive-error-limit: the run goes on and decides', async () => {
    const yaml = HEADER + watchBlock(', consecutive-error-limit: 2') + 'metrics:' + RATIO.replace('TOL', '20%');
    const failing = (r: { end: number }) => {
      const look = (r.end - START) / 60_000;
      return look === 2 || look === 3 ? 'prometheus: HTTP 503 Service Unavailable' : undefined;
    };
    const { report, looks } = await run(yaml, traffic({ canaryRate: 0.006 }), failing);
    expect(looks.map((l) => l.verdict).slice(0, 4)).toEqual(['inconclusive', 'fail', 'fail', 'inconclusive']);
    expect(looks[1]!.metrics[0]!.outcome).toBe('error');
    expect(looks[1]!.metrics[0]!.reason).toContain('HTTP 503');
    expect(report.watch!.stoppedBy).toBe('deadline');
  });

  it('source errors beyond consecutive-error-limit fail the run closed', async () => {
    const yaml = HEADER + watchBlock(', consecutive-error-limit: 2') + 'metrics:' + RATIO.replace('TOL', '20%');
    const failing = (r: { end: number }) => ((r.end - START) / 60_000 >= 4 ? 'connect ECONNREFUSED 127.0.0.1:9090' : undefined);
    const { report, looks } = await run(yaml, traffic(), failing);
    expect(looks).toHaveLength(6);
    expect(report.verdict).toBe('fail');
    expect(report.watch!.stoppedBy).toBe('consecutive-errors');
    expect(report.reasons[0]).toContain('3 looks in a row with errors (consecutive-error-limit 2): error-ratio');
  });

  it('no data at all fails closed after the error limit instead of passing', async () => {
    const yaml = HEADER + watchBlock() + 'metrics:' + RATIO.replace('TOL', '20%');
    const { report, looks } = await run(yaml, (_s, role) => (role === 'total' ? 0 : 0));
    expect(looks).toHaveLength(5);
    expect(report.verdict).toBe('fail');
    expect(report.metrics[0]!.reason).toContain('no traffic');
  });

  it('inconclusive-limit: ends undecided after that many looks past min-duration', async () => {
    const yaml = HEADER + watchBlock(', inconclusive-limit: 3') + 'metrics:' + RATIO.replace('TOL', '20%');
    const { report, looks } = await run(yaml, traffic({ canaryRate: 0.006 }));
    expect(looks).toHaveLength(8); // looks 5, 6, 7 and 8 are past min-duration; the 4th exceeds the limit
    expect(report.verdict).toBe('inconclusive');
    expect(report.watch!.stoppedBy).toBe('inconclusive-limit');
  });

  it('stops at the first look when the deploy policy blocks: no canary data can rescue a freeze', async () => {
    const freeze = "freeze:\n  - { name: change-freeze, from: 2026-11-01, to: 2026-12-01, time-zone: UTC, reason: audit }\n";
    const { report, looks } = await run(HEADER + watchBlock() + freeze + 'metrics:' + RATIO.replace('TOL', '20%'), traffic());
    expect(looks).toHaveLength(1);
    expect(report.verdict).toBe('fail');
    expect(report.watch!.stoppedBy).toBe('early-fail');
    expect(report.reasons[0]).toMatch(/the deploy policy blocks: freeze change-freeze is active/);
  });

  it('the timeline records every look with the statistic and its bounds', async () => {
    const { report } = await run(HEADER + watchBlock() + 'metrics:' + RATIO.replace('TOL', '20%'), traffic({ canaryRate: 0.006 }));
    // min-samples (default 3): the first two looks have too few steps to compare.
    expect(report.watch!.looks.slice(0, 2).map((l) => l.metrics[0]!.ci)).toEqual([undefined, undefined]);
    const series = report.watch!.looks.slice(2).map((l) => l.metrics[0]!);
    for (const m of series) {
      expect(m.ci![0]).toBeLessThanOrEqual(m.ci![1]);
      expect(m.allowed).toBeCloseTo(0.2, 12);
    }
    // The running intersection never widens.
    for (let i = 1; i < series.length; i++) {
      expect(series[i]!.ci![0]).toBeGreaterThanOrEqual(series[i - 1]!.ci![0] - 1e-12);
      expect(series[i]!.ci![1]).toBeLessThanOrEqual(series[i - 1]!.ci![1] + 1e-12);
    }
    expect(report.metrics[0]!.checks.find((c) => c.comparison)!.comparison!.statistics!.test).toBe('Poisson mixture SPRT (anytime-valid)');
  });
});
