/**
 * End to end: the built CLI (dist/cli.js) against the real Prometheus serving the fixture.
 * Every policy is evaluated at FIXTURE_END over 30m with a 1m step.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { BASELINE, CANARY, FIXTURE_END, FIXTURE_END_SECONDS, FIXTURE_FACTS } from '../prometheus/fixture-data.js';
import { queryInstant } from '../prometheus/prometheus-server.js';
import { once, policy, requireBuilt, runCli, STACK_LINE, type CliRun } from './helpers.js';

const url = inject('prometheusUrl');
/** Prometheus 2.x range selectors are closed: 1m increases on the 15 s grid telescope exactly. */
const closedRanges = /^2\./.test(inject('prometheusVersion'));
const env = { PROMETHEUS_URL: url };
const facts = FIXTURE_FACTS.deployments;

interface Report {
  verdict: string;
  score: number | null;
  enforced: boolean;
  reasons: string[];
  counts: Record<string, number>;
  policy: { file: string; service: string; mode: string };
  window: string;
  step: string;
  evaluatedAt: string;
  windows: {
    canary: { start: string; end: string; selector: string };
    baseline: { start: string; end: string; selector: string; how: string; offset?: string };
  };
  metrics: MetricReport[];
}
interface Side {
  scope: string;
  selector: string;
  window: { start: string; end: string };
  queries: { role: string; query: string; series: number; points: number; nonFinite: number; missing: number; error?: string }[];
  samples: number;
  value: number | null;
  errors?: number;
  total?: number;
  notes: string[];
}
interface MetricReport {
  name: string;
  outcome: string;
  reason: string;
  counted: boolean;
  dryRun: boolean;
  critical: boolean;
  line: number;
  canary: Side;
  baseline?: Side;
  checks: { type: string; outcome: string; reason: string }[];
}

const evaluate = (name: string, ...args: string[]) =>
  once(() => runCli(['evaluate', '--policy', policy(name), '--end', FIXTURE_END, ...args], env, { output: args.includes('json') }));

const runs = {
  checkoutJson: evaluate('checkout', '--format', 'json'),
  checkoutTable: evaluate('checkout'),
  checkoutMarkdown: evaluate('checkout', '--format', 'markdown'),
  pass: evaluate('checkout-pass', '--format', 'json'),
  advisory: evaluate('checkout-advisory', '--format', 'json'),
  advisoryOverride: evaluate('checkout', '--format', 'json', '--mode', 'advisory'),
  dryRun: evaluate('checkout-dry-run', '--format', 'json'),
  dryRunTable: evaluate('checkout-dry-run'),
  typo: evaluate('canary-typo', '--format', 'json'),
  typoInconclusive: evaluate('canary-typo-inconclusive', '--format', 'json'),
  typoInconclusiveTable: evaluate('canary-typo-inconclusive'),
  beforeAfter: evaluate('before-after', '--format', 'json'),
  badQuery: evaluate('bad-query', '--format', 'json'),
  fractionalStep: evaluate('fractional-step', '--format', 'json'),
  vars: evaluate('checkout-vars', '--format', 'json', '--var', 'service=checkout'),
};

function report(run: CliRun): Report {
  expect(run.stderr, 'stderr').toBe('');
  const parsed = JSON.parse(run.stdout) as Report;
  // --output writes the very same report as --format json prints.
  expect(run.outputFile, '--output file').toBe(run.stdout);
  return parsed;
}

function metric(r: Report, name: string): MetricReport {
  const m = r.metrics.find((x) => x.name === name);
  if (!m) throw new Error(`no metric ${name} in the report (have ${r.metrics.map((x) => x.name).join(', ')})`);
  return m;
}

const WINDOW = { start: '2026-11-20T11:30:00.000Z', end: '2026-11-20T12:00:00.000Z' };

beforeAll(() => {
  requireBuilt();
  // Start every child process at once; the tests below share the results.
  void Promise.allSettled(Object.values(runs).map((run) => run()));
});

describe.concurrent('canary-gate evaluate (CLI) against the real Prometheus', () => {
  describe.concurrent('checkout: error ratio and memory regress, latency and orders do not', () => {
    it('exits 1 with verdict fail, score 50, and the critical error ratio as the reason', async () => {
      const run = await runs.checkoutJson();
      expect(run.code).toBe(1);
      const r = report(run);
      expect(r.verdict).toBe('fail');
      expect(r.score).toBe(50);
      expect(r.enforced).toBe(true);
      expect(r.reasons[0]).toMatch(/critical metric failed: error-ratio/);
      expect(r.counts).toEqual({ pass: 2, fail: 2, inconclusive: 0, error: 0, notCounted: 0 });
      expect(Object.fromEntries(r.metrics.map((m) => [m.name, m.outcome]))).toEqual({
        'error-ratio': 'fail',
        'latency-p99': 'pass',
        memory: 'fail',
        'orders-rate': 'pass',
      });
      expect(r.policy).toEqual({ file: policy('checkout'), service: 'checkout', mode: 'enforce' });
      expect(Math.abs(Date.parse(r.evaluatedAt) - Date.now())).toBeLessThan(60_000);
    });

    it('reports the error-ratio counts exactly as the fixture has them', async () => {
      const m = metric(report(await runs.checkoutJson()), 'error-ratio');
      const c = facts[CANARY];
      const b = facts[BASELINE];
      if (closedRanges) {
        expect(m.canary).toMatchObject({ errors: c.requests500, total: c.requests, value: c.requests500 / c.requests });
        expect(m.baseline).toMatchObject({ errors: b.requests500, total: b.requests, value: b.requests500 / b.requests });
      } else {
        // Prometheus 3.x extrapolates 1m increases (left-open ranges): only approximately equal.
        expect(m.canary.errors! / c.requests500).toBeCloseTo(1, 1);
        expect(m.baseline!.total! / b.requests).toBeCloseTo(1, 1);
      }
      expect(m.canary.value).toBeCloseTo(c.errorRatio, closedRanges ? 6 : 3);
      expect(m.baseline!.value).toBeCloseTo(b.errorRatio, closedRanges ? 6 : 3);
      expect(m.critical).toBe(true);
      // Both the threshold (max 1%) and the comparison (+20% tolerance) fail.
      expect(m.checks.map((k) => [k.type, k.outcome])).toEqual([
        ['threshold', 'fail'],
        ['comparison', 'fail'],
      ]);
      expect(m.reason).toMatch(/3\.03%.*above the maximum 1%/);
    });

    it('reports the resolved queries, windows and data counts', async () => {
      const r = report(await runs.checkoutJson());
      expect(r.window).toBe('30m');
      expect(r.step).toBe('1m');
      expect(r.windows.canary).toEqual({ ...WINDOW, selector: `deployment="${CANARY}"` });
      expect(r.windows.baseline).toEqual({ ...WINDOW, selector: `deployment="${BASELINE}"`, how: 'concurrent' });
      const m = metric(r, 'error-ratio');
      expect(m.canary.queries.map((q) => [q.role, q.query])).toEqual([
        ['errors', `sum(increase(http_requests_total{code=~"5..",deployment="${CANARY}"}[1m]))`],
        ['total', `sum(increase(http_requests_total{deployment="${CANARY}"}[1m]))`],
      ]);
      expect(m.baseline!.queries.map((q) => q.query)).toEqual([
        `sum(increase(http_requests_total{code=~"5..",deployment="${BASELINE}"}[1m]))`,
        `sum(increase(http_requests_total{deployment="${BASELINE}"}[1m]))`,
      ]);
      expect(metric(r, 'latency-p99').canary.queries[0]!.query).toBe(
        `histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{deployment="${CANARY}"}[1m])))`,
      );
      for (const m of r.metrics) {
        for (const side of [m.canary, m.baseline!]) {
          expect(side.window, `${m.name} ${side.scope}`).toEqual(WINDOW);
          expect(side.samples, `${m.name} ${side.scope}`).toBe(30);
          for (const q of side.queries) {
            expect(q, `${m.name} ${side.scope} ${q.role}`).toMatchObject({ series: 1, points: 30, nonFinite: 0, missing: 0 });
            expect(q.error).toBeUndefined();
          }
        }
      }
    });

    it('judges memory (+30%) and orders (equal rates) on the right values', async () => {
      const r = report(await runs.checkoutJson());
      const mem = metric(r, 'memory');
      for (const [side, d] of [
        [mem.canary, CANARY],
        [mem.baseline!, BASELINE],
      ] as const) {
        expect(side.value!).toBeGreaterThanOrEqual(facts[d].memoryMinBytes);
        expect(side.value!).toBeLessThanOrEqual(facts[d].memoryMaxBytes);
      }
      expect(mem.canary.value! / mem.baseline!.value!).toBeCloseTo(1.3, 1);
      expect(mem.reason).toMatch(/^Mann-Whitney \/ Hodges-Lehmann: change \+(29|30)\.\d% .*wholly beyond the \+10% tolerance \(lower bound decided\)$/);

      // The mean of thirty 1m rates is the 30m increase / 1800 s when the increases telescope.
      const orders = metric(r, 'orders-rate');
      expect(orders.canary.value!).toBeCloseTo(facts[CANARY].orders / 1800, closedRanges ? 9 : 1);
      expect(orders.baseline!.value!).toBeCloseTo(facts[BASELINE].orders / 1800, closedRanges ? 9 : 1);

      const latency = metric(r, 'latency-p99');
      expect(latency.canary.value!).toBeGreaterThan(0.25);
      expect(latency.canary.value!).toBeLessThan(1);
      expect(latency.canary.value! / latency.baseline!.value!).toBeCloseTo(1, 1);
    });

    it('prints a table that names the failing metrics and why', async () => {
      const run = await runs.checkoutTable();
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('');
      const out = run.stdout;
      expect(out.includes('\u001b[')).toBe(false); // not a TTY: no colors
      expect(out.split('\n')[0]).toMatch(/^canary-gate: FAIL — checkout, score 50$/);
      expect(out).toMatch(/critical metric failed: error-ratio/);
      const rows = out.split('\n');
      const row = (name: string) => rows.find((l) => new RegExp(`^\\w+\\s+${name}\\b`).test(l)) ?? '';
      expect(row('error-ratio')).toMatch(/^fail\s+error-ratio \(critical\)\s+3\.03% \(1093\/36081\)\s+0\.502% \(902\/179606\)/);
      expect(row('memory')).toMatch(/^fail\s+memory\s+260M bytes\s+20\dM bytes/);
      expect(row('latency-p99')).toMatch(/^pass\s/);
      expect(row('orders-rate')).toMatch(/^pass\s/);
      // Each failing row is followed by its reason; passing rows are not.
      expect(rows[rows.indexOf(row('memory')) + 1]).toMatch(/^\s+why: .*wholly beyond the \+10% tolerance/);
      expect(rows[rows.indexOf(row('error-ratio')) + 1]).toMatch(/^\s+why: canary 3\.03% is above the maximum 1%/);
      expect(rows[rows.indexOf(row('orders-rate')) + 1]).not.toMatch(/why:/);
      expect(out).toContain(`canary:   deployment="${CANARY}" over ${WINDOW.start} → ${WINDOW.end}`);
      expect(out).toContain(`baseline: deployment="${BASELINE}" over ${WINDOW.start} → ${WINDOW.end}`);
    });

    it('renders markdown with the table, the reasons and the resolved queries', async () => {
      const run = await runs.checkoutMarkdown();
      expect(run.code).toBe(1);
      const md = run.stdout;
      expect(md.split('\n')[0]).toBe('## ❌ canary-gate: FAIL — checkout, score 50');
      expect(md).toContain('> critical metric failed: error-ratio');
      expect(md).toMatch(/^\| \| Metric \| Canary \| Baseline \| Δ \| .+ \| Reason \|$/m);
      expect(md).toMatch(/^\| ❌ fail \| \*\*error-ratio\*\* _\(critical\)_ \| 3\.03% \(1093\/36081\) \| 0\.502% \(902\/179606\) \|/m);
      expect(md).toMatch(/^\| ❌ fail \| \*\*memory\*\* \| 260M bytes \|.*tolerance.*\|$/m);
      expect(md).toMatch(/^\| ✅ pass \| \*\*orders-rate\*\* \|/m);
      const details = md.slice(md.indexOf('<details>'), md.indexOf('</details>'));
      expect(details).toContain(`\`sum(increase(http_requests_total{code=~"5..",deployment="${CANARY}"}[1m]))\``);
      expect(details).toContain(`\`sum(process_resident_memory_bytes{deployment="${BASELINE}"})\``);
    });
  });

  it('exits 0 for a policy that passes', async () => {
    const run = await runs.pass();
    expect(run.code).toBe(0);
    const r = report(run);
    expect(r.verdict).toBe('pass');
    expect(r.score).toBe(100);
    expect(r.reasons).toEqual(['all 2 counted metrics passed (score 100)']);
    expect(r.metrics.map((m) => m.outcome)).toEqual(['pass', 'pass']);
  });

  it('exits 0 in advisory mode, the verdict still fail in the report', async () => {
    for (const run of [await runs.advisory(), await runs.advisoryOverride()]) {
      expect(run.code).toBe(0);
      const r = report(run);
      expect(r.verdict).toBe('fail');
      expect(r.enforced).toBe(false);
      expect(r.policy.mode).toBe('advisory');
      expect(metric(r, 'error-ratio').outcome).toBe('fail');
    }
  });

  it('shows a dry-run metric without counting it', async () => {
    const run = await runs.dryRun();
    expect(run.code).toBe(0);
    const r = report(run);
    expect(r.verdict).toBe('pass');
    expect(r.score).toBe(100);
    expect(r.counts).toEqual({ pass: 2, fail: 0, inconclusive: 0, error: 0, notCounted: 1 });
    expect(metric(r, 'memory')).toMatchObject({ outcome: 'fail', dryRun: true, counted: false });

    const table = await runs.dryRunTable();
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^fail\s+memory \(dry-run\)\s+260M bytes/m);
    expect(table.stdout).toMatch(/^\s+why: .*wholly beyond the \+10% tolerance/m);
  });

  it('fails (never passes) when the canary selector matches nothing, naming the resolved query', async () => {
    const run = await runs.typo();
    expect(run.code).toBe(1);
    const r = report(run);
    expect(r.verdict).toBe('fail');
    expect(r.reasons.join('; ')).toMatch(/errors fail closed: error-ratio, orders-rate/);
    const ratio = metric(r, 'error-ratio');
    expect(ratio.outcome).toBe('error');
    expect(ratio.canary.value).toBeNull();
    expect(ratio.reason).toContain('canary');
    expect(ratio.reason).toContain('sum(increase(http_requests_total{deployment="checkout-canry"}[1m]))');
    // The baseline side is fine: the report shows the typo is on the canary side only.
    expect(ratio.baseline).toMatchObject({ errors: facts[BASELINE].requests500, total: facts[BASELINE].requests });
    const orders = metric(r, 'orders-rate');
    expect(orders.outcome).toBe('error');
    expect(orders.reason).toContain('sum(rate(checkout_orders_total{deployment="checkout-canry"}[1m]))');
    expect(orders.canary.queries[0]).toMatchObject({ series: 0, points: 0 });
  });

  it('is inconclusive (exit 2) for the typo with on-no-data: inconclusive', async () => {
    const run = await runs.typoInconclusive();
    expect(run.code).toBe(2);
    const r = report(run);
    expect(r.verdict).toBe('inconclusive');
    expect(r.score).toBeNull();
    expect(r.counts).toMatchObject({ pass: 0, inconclusive: 2 });
    expect(metric(r, 'error-ratio').reason).toMatch(/no data.*deployment="checkout-canry"/);

    const table = await runs.typoInconclusiveTable();
    expect(table.code).toBe(2);
    expect(table.stdout.split('\n')[0]).toBe('canary-gate: INCONCLUSIVE — checkout, no score');
  });

  it('compares the canary with itself 30 minutes earlier (baseline offset)', async () => {
    const run = await runs.beforeAfter();
    expect(run.code).toBe(0);
    const r = report(run);
    expect(r.verdict).toBe('pass');
    expect(r.windows.canary).toEqual({ ...WINDOW, selector: `deployment="${CANARY}"` });
    expect(r.windows.baseline).toEqual({
      start: '2026-11-20T11:00:00.000Z',
      end: '2026-11-20T11:30:00.000Z',
      selector: `deployment="${CANARY}"`,
      how: 'offset',
      offset: '30m',
    });
    const ratio = metric(r, 'error-ratio');
    // Same selector on both sides, so the same resolved queries, over different windows.
    expect(ratio.baseline!.queries.map((q) => q.query)).toEqual(ratio.canary.queries.map((q) => q.query));
    expect(ratio.baseline!.window).toEqual({ start: '2026-11-20T11:00:00.000Z', end: '2026-11-20T11:30:00.000Z' });
    if (closedRanges) {
      expect(ratio.canary).toMatchObject({ errors: facts[CANARY].requests500, total: facts[CANARY].requests });
      // The earlier half hour, straight from Prometheus: counter(END-30m) - counter(END-60m).
      const delta = async (code: string) => {
        const sel = `deployment="${CANARY}",code=~"${code}"`;
        const [v] = await queryInstant(
          url,
          `sum(http_requests_total{${sel}} offset 30m) - sum(http_requests_total{${sel}} offset 60m)`,
          FIXTURE_END_SECONDS,
        );
        return Number(v!.value[1]);
      };
      expect(ratio.baseline).toMatchObject({ errors: await delta('5..'), total: await delta('.*') });
    }
    expect(ratio.baseline!.value!).toBeGreaterThan(0.02);
    expect(metric(r, 'memory').outcome).toBe('pass');
  });

  it("surfaces Prometheus's error body as the metric's reason", async () => {
    const run = await runs.badQuery();
    expect(run.code).toBe(1);
    const r = report(run);
    expect(r.verdict).toBe('fail');
    const m = metric(r, 'orders-rate');
    expect(m.outcome).toBe('error');
    expect(m.reason).toMatch(/^canary query failed: .*HTTP 400: bad_data: .*parse error: unclosed left parenthesis/);
    expect(m.canary.queries[0]!.error).toMatch(/bad_data: .*unclosed left parenthesis/);
    expect(m.baseline!.queries[0]!.error).toMatch(/bad_data/);
  });

  it('sends a fractional step (2500ms) in a form Prometheus accepts', async () => {
    const run = await runs.fractionalStep();
    expect(run.code).toBe(1);
    const m = metric(report(run), 'memory');
    expect(m.outcome, m.reason).toBe('fail');
    expect(m.canary.queries[0]).toMatchObject({ points: 720, missing: 0 });
  });

  it('takes query variables from --var', async () => {
    const run = await runs.vars();
    expect(run.code).toBe(0);
    const m = metric(report(run), 'orders-rate');
    expect(m.canary.queries[0]!.query).toBe(`sum(rate(checkout_orders_total{service="checkout",deployment="${CANARY}"}[1m]))`);
    expect(m.outcome).toBe('pass');
  });

  describe.concurrent('policy errors exit 3 with file:line:col and no stack trace', () => {
    const expectUsage = (run: CliRun) => {
      expect(run.code).toBe(3);
      expect(run.stdout).toBe('');
      expect(run.stderr).not.toMatch(STACK_LINE);
    };

    it('a malformed tolerance', async () => {
      const run = await runCli(['evaluate', '--policy', policy('invalid'), '--end', FIXTURE_END], env);
      expectUsage(run);
      expect(run.stderr).toContain(`${policy('invalid')}:15:48: metrics[0].compare.tolerance: expected a number or a percentage such as 10%`);
      expect(run.stderr).toMatch(/1 problem in the policy\.\n$/);
    });

    it('an unset environment variable', async () => {
      const run = await runCli(['evaluate', '--policy', policy('checkout'), '--end', FIXTURE_END], {});
      expectUsage(run);
      expect(run.stderr).toContain(`${policy('checkout')}:9:`);
      expect(run.stderr).toContain('environment variable ${PROMETHEUS_URL} is not set');
    });

    it('an undefined query variable', async () => {
      const run = await runCli(['evaluate', '--policy', policy('checkout-vars'), '--end', FIXTURE_END], env);
      expectUsage(run);
      expect(run.stderr).toMatch(/checkout-vars\.yml:14:\d+: metrics\[0\]\.query: undefined variable \{\{service\}\}/);
    });

    it('a missing policy file', async () => {
      const run = await runCli(['evaluate', '--policy', policy('no-such-policy'), '--end', FIXTURE_END], env);
      expectUsage(run);
      expect(run.stderr).toContain('cannot read the policy: no such file');
    });

    it('a bad --end', async () => {
      const run = await runCli(['evaluate', '--policy', policy('checkout'), '--end', 'yesterday'], env);
      expectUsage(run);
      expect(run.stderr).toContain('--end');
    });
  });
});
