/**
 * Smoke tests of the Prometheus harness: the real server started by global-setup.ts serves the
 * deterministic fixture, and PromQL over it reproduces the hand-computed FIXTURE_FACTS.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import {
  BASELINE,
  CANARY,
  DEPLOYMENTS,
  FIXTURE_END,
  FIXTURE_END_SECONDS,
  FIXTURE_FACTS,
  generateFixture,
  OpenMetricsWriter,
} from './fixture-data.js';
import { backfill, queryInstant, queryRange } from './prometheus-server.js';

const url = inject('prometheusUrl');
const version = inject('prometheusVersion');
/**
 * Prometheus 2.x range selectors are CLOSED ([t-1m, t]); with samples on the 15 s grid, each 1m
 * window then holds 5 samples spanning exactly 60 s, increase() does no extrapolation, and the
 * thirty 1 m increases telescope to the exact 30 m total. Prometheus 3.x made range selectors
 * left-open (4 samples over 45 s, extrapolated by 4/3), so there the sum is only approximate.
 */
const closedRanges = /^2\./.test(version);

const END = FIXTURE_END_SECONDS;
const START_30M = END - 30 * 60 + 60; // first 1m step whose window starts at END-30m
const facts = FIXTURE_FACTS.deployments;

/** The single value of a one-element vector result. */
async function scalar(query: string, time = END): Promise<number> {
  const result = await queryInstant(url, query, time);
  expect(result, query).toHaveLength(1);
  return Number(result[0]!.value[1]);
}

/** Sum over all points of a single-series matrix result. */
async function sumOfRange(query: string): Promise<{ total: number; points: number }> {
  const result = await queryRange(url, query, START_30M, END, 60);
  expect(result, query).toHaveLength(1);
  const values = result[0]!.values;
  return { total: values.reduce((acc, [, v]) => acc + Number(v), 0), points: values.length };
}

function expectClose(actual: number, expected: number, relTol: number, what: string): void {
  const tol = Math.max(1e-9, Math.abs(expected) * relTol);
  expect(Math.abs(actual - expected), `${what}: got ${actual}, expected ${expected} ±${tol}`).toBeLessThanOrEqual(tol);
}

describe('fixture generator', () => {
  it('is deterministic and matches the literal FIXTURE_FACTS', () => {
    const a = generateFixture();
    const b = generateFixture();
    expect(a.text).toBe(b.text);
    expect(a.facts).toEqual(FIXTURE_FACTS);
    expect(a.text.endsWith('# EOF\n')).toBe(true);
    expect(a.text.length).toBeLessThan(2 * 1024 * 1024);
    expect(a.families).toEqual([
      'http_requests',
      'http_request_duration_seconds',
      'process_resident_memory_bytes',
      'checkout_orders',
    ]);
    expect(FIXTURE_END).toBe('2026-11-20T12:00:00Z');
    expect(END).toBe(1_795_176_000);
  });

  it('accepts extra families without changing the built-in ones', () => {
    const base = generateFixture();
    const extended = generateFixture({
      extend: ({ writer, times }) => {
        writer.gauge('extra_gauge', [{ labels: { deployment: CANARY }, samples: times.map((t) => ({ t, v: 1 })) }]);
      },
    });
    expect(extended.facts).toEqual(base.facts);
    expect(extended.text.startsWith(base.text.replace('# EOF\n', ''))).toBe(true);
    expect(extended.text).toContain('# TYPE extra_gauge gauge\nextra_gauge{deployment="checkout-canary"} 1 ');
  });
});

describe('OpenMetricsWriter guards', () => {
  it('rejects what promtool would mangle or drop silently', () => {
    const w = new OpenMetricsWriter().gauge('g', [{ labels: {}, samples: [{ t: 1, v: 1 }] }]);
    expect(() => w.gauge('g', [])).toThrow(/written twice/);
    expect(() =>
      new OpenMetricsWriter().counter('c', [{ labels: {}, samples: [{ t: 1, v: 5 }, { t: 2, v: 4 }] }]),
    ).toThrow(/non-decreasing/);
    expect(() =>
      new OpenMetricsWriter().gauge('g', [{ labels: {}, samples: [{ t: 2, v: 1 }, { t: 1, v: 1 }] }]),
    ).toThrow(/sorted/);
    expect(new OpenMetricsWriter().gauge('g', [{ labels: { a: 'x"y\\z' }, samples: [{ t: 1, v: 0.5 }] }]).toString()).toBe(
      '# TYPE g gauge\ng{a="x\\"y\\\\z"} 0.5 1\n# EOF\n',
    );
  });
});

describe('backfill()', () => {
  it('fails loudly when promtool drops out-of-order samples', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'canary-gate-backfill-test-'));
    try {
      const text = '# TYPE foo counter\nfoo_total 5 100\nfoo_total 3 50\n# EOF\n';
      await expect(backfill(text, join(dir, 'bad'))).rejects.toThrow(/wrote 1 samples but .* 2 sample lines/);
      await expect(backfill('# TYPE foo gauge\nfoo 1 100\n', join(dir, 'noeof'))).rejects.toThrow(/# EOF/);
      const ok = await backfill('# TYPE foo gauge\nfoo 1 100\nfoo 2 115\n# EOF\n', join(dir, 'ok'));
      expect(ok.samples).toBe(2);
      expect(ok.blocks).toHaveLength(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('real Prometheus serving the fixture', () => {
  it('is up, and is the expected build', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${url}/api/v1/status/buildinfo`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { version: string } };
    expect(body.data.version).toBe(version);
  });

  describe.each(DEPLOYMENTS)('%s', (deployment) => {
    const f = facts[deployment];
    const sel = (extra = ''): string => `service="checkout",deployment="${deployment}"${extra}`;

    it.each([
      ['500', 'requests500'],
      ['200', 'requests200'],
    ] as const)('sum of 1m increases of code=%s over the last 30m matches FIXTURE_FACTS', async (code, key) => {
      const { total, points } = await sumOfRange(`sum(increase(http_requests_total{${sel(`,code="${code}"`)}}[1m]))`);
      expect(points).toBe(30);
      expectClose(total, f[key], closedRanges ? 1e-9 : 0.05, `${deployment} code=${code}`);
    });

    it('exact 30m delta via offset matches FIXTURE_FACTS (version independent)', async () => {
      const q = (code: string): string =>
        `sum(http_requests_total{${sel(`,code="${code}"`)}}) - sum(http_requests_total{${sel(`,code="${code}"`)}} offset 30m)`;
      expect(await scalar(q('500'))).toBe(f.requests500);
      expect(await scalar(q('200'))).toBe(f.requests200);
      expect(await scalar(q('500') + ' + ' + q('200'))).toBe(f.requests);
    });

    it('error ratio over 30m matches', async () => {
      const ratio = await scalar(
        `sum(increase(http_requests_total{${sel(',code="500"')}}[30m])) / sum(increase(http_requests_total{${sel()}}[30m]))`,
      );
      expectClose(ratio, f.errorRatio, closedRanges ? 1e-4 : 0.05, `${deployment} error ratio`);
    });

    it('histogram increases match', async () => {
      const count = await scalar(`increase(http_request_duration_seconds_count{${sel()}}[30m])`);
      const sum = await scalar(`increase(http_request_duration_seconds_sum{${sel()}}[30m])`);
      const tol = closedRanges ? 1e-9 : 0.05;
      expectClose(count, f.latencyCount, tol, 'count');
      expectClose(sum, f.latencySumSeconds, closedRanges ? 1e-6 : 0.05, 'sum');
      const buckets = await queryInstant(url, `increase(http_request_duration_seconds_bucket{${sel()}}[30m])`, END);
      const byLe = new Map(buckets.map((b) => [b.metric.le, Number(b.value[1])]));
      expect([...byLe.keys()].sort()).toEqual(f.latencyBuckets.map((b) => b.le).sort());
      for (const { le, count: expected } of f.latencyBuckets) expectClose(byLe.get(le)!, expected, tol, `le=${le}`);
    });

    it('memory gauge and orders counter match', async () => {
      expect(await scalar(`process_resident_memory_bytes{${sel()}}`)).toBe(f.memoryAtEndBytes);
      expect(await scalar(`count_over_time(process_resident_memory_bytes{${sel()}}[30m])`)).toBe(
        closedRanges ? f.memorySamples : f.memorySamples - 1,
      );
      if (closedRanges) {
        expectClose(await scalar(`avg_over_time(process_resident_memory_bytes{${sel()}}[30m])`), f.memoryMeanBytes, 1e-9, 'mem');
        expect(await scalar(`min_over_time(process_resident_memory_bytes{${sel()}}[30m])`)).toBe(f.memoryMinBytes);
        expect(await scalar(`max_over_time(process_resident_memory_bytes{${sel()}}[30m])`)).toBe(f.memoryMaxBytes);
      }
      expect(await scalar(`sum(checkout_orders_total{${sel()}}) - sum(checkout_orders_total{${sel()}} offset 30m)`)).toBe(f.orders);
    });
  });

  it('encodes the scenario: error ratio and memory regress, latency and orders do not', async () => {
    expect(facts[CANARY].errorRatio / facts[BASELINE].errorRatio).toBeGreaterThan(4);
    const p99 = async (d: string): Promise<number> =>
      scalar(
        `histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{deployment="${d}"}[30m])))`,
      );
    expectClose(await p99(CANARY), await p99(BASELINE), 0.1, 'p99 canary vs baseline');
    const mem = async (d: string): Promise<number> =>
      scalar(`avg_over_time(process_resident_memory_bytes{deployment="${d}"}[30m])`);
    expectClose((await mem(CANARY)) / (await mem(BASELINE)), 1.3, 0.02, 'memory ratio');
    const orders = async (d: string): Promise<number> =>
      scalar(`sum(rate(checkout_orders_total{deployment="${d}"}[30m]))`);
    expectClose(await orders(CANARY), await orders(BASELINE), 0.05, 'orders rate');
  });

  it('returns an empty result for a selector that matches nothing', async () => {
    const q = 'sum(increase(http_requests_total{deployment="checkout-nonexistent",code="500"}[1m]))';
    expect(await queryRange(url, q, START_30M, END, 60)).toEqual([]);
    expect(await queryInstant(url, 'http_requests_total{deployment="checkout-nonexistent"}', END)).toEqual([]);
  });

  it('returns nothing outside the fixture window (always query with explicit times)', async () => {
    const q = 'http_requests_total{deployment="checkout-canary",code="500"}';
    expect(await queryInstant(url, q, END)).toHaveLength(1);
    // More than the 5m lookback after the last sample, or before the first: no data.
    expect(await queryInstant(url, q, END + 6 * 60)).toEqual([]);
    expect(await queryInstant(url, q, END - 2 * 3600)).toEqual([]);
  });
});
