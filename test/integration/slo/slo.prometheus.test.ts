/**
 * Error budgets against a real Prometheus holding 30 days of counters (slo-fixture.ts): every
 * expected figure below is worked out by hand from the fixture's per-interval counts.
 *
 * Per 5-minute interval: payments 10 000 requests, ledger 10 000, search 2. Windows end at END
 * (2026-11-20T12:00Z); objective 99.9% everywhere, so the budget is 0.1% and burn = ratio / 0.001.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runGate } from '../../../src/core/run.js';
import type { Report } from '../../../src/report/model.js';
import type { SloReport } from '../../../src/report/budget-model.js';
import { renderMarkdown } from '../../../src/report/markdown.js';
import { renderTerminal } from '../../../src/report/terminal.js';
import { FIXTURE_FACTS, CANARY } from '../prometheus/fixture-data.js';
import type { RunningPrometheus } from '../prometheus/prometheus-server.js';
import { SLO_END, startSloPrometheus } from './slo-fixture.js';

const DAY_MS = 86_400_000;
let prometheus: RunningPrometheus;
let report: Report;

beforeAll(async () => {
  prometheus = await startSloPrometheus();
  const end = Date.parse(SLO_END);
  ({ report } = await runGate({
    policyFile: 'test/integration/slo/policies/budgets.yml',
    env: { PROMETHEUS_URL: inject('prometheusUrl'), SLO_PROMETHEUS_URL: prometheus.url },
    end,
    now: end,
  }));
});

afterAll(async () => {
  await prometheus?.stop();
});

const slo = (name: string): SloReport => {
  const found = report.budget!.slos.find((s) => s.name === name);
  if (!found) throw new Error(`no SLO ${name}`);
  return found;
};
const burns = (s: SloReport) => s.tiers.map((t) => [t.longBurn.burn, t.shortBurn.burn]);

describe('error budgets against the real Prometheus', () => {
  it('payments: counts over 30 days, SLI and budget left', () => {
    const s = slo('payments');
    // errors over 30d: last hour 12×200 = 2400; (6h, 1h]: 60×10 = 600; (3d, 6h]: 792×5 = 3960;
    // the incident day 288×50 = 14 400; the other 26 days 26×288×3 = 22 464 → 43 824.
    // total: 30×288 intervals × 10 000 = 86 400 000. The hour before the 30 days (100 errors per
    // interval) must not count.
    expect(s.events).toEqual({ errors: 43_824, total: 86_400_000 });
    expect(s.sli).toBeCloseTo(1 - 43_824 / 86_400_000, 12);
    // consumed = 43 824 / (86 400 000 × 0.001) = 43 824 / 86 400
    expect(s.consumed).toBeCloseTo(43_824 / 86_400, 12);
    expect(s.remaining).toBeCloseTo(42_576 / 86_400, 12);
    expect(s.budget).toBe(0.001);
    expect(s.window).toBe('30d');
    expect(s.windowStart).toBe('2026-10-21T12:00:00.000Z');
  });

  it('payments: burn rates per window, tiers and the 1h/5m tier tripped by the burst', () => {
    const s = slo('payments');
    // 1h: 2400/120 000 = 2% → 20×; 5m: 200/10 000 → 20×; 6h: 3000/720 000 → 4.1667×;
    // 30m: 1200/60 000 → 20×; 3d: 6960/8 640 000 → 0.8056×.
    const [fast, medium, slow] = burns(s);
    expect(fast![0]).toBeCloseTo(20, 9);
    expect(fast![1]).toBeCloseTo(20, 9);
    expect(medium![0]).toBeCloseTo(3000 / 720, 9);
    expect(medium![1]).toBeCloseTo(20, 9);
    expect(slow![0]).toBeCloseTo(6960 / 8640, 9);
    expect(slow![1]).toBeCloseTo(3000 / 720, 9);
    expect(s.tiers.map((t) => [t.long, t.short, t.factor, t.severity, t.tripped])).toEqual([
      ['1h', '5m', 14.4, 'block', true],
      ['6h', '30m', 6, 'block', false],
      ['3d', '6h', 1, 'warn', false],
    ]);
    expect(s.outcome).toBe('block');
    expect(s.reason).toContain('burn-rate tier 1h/5m tripped: burn 20× over 1h and 20× over 5m exceed 14.4×');
  });

  it('payments: time to exhaustion at the current (1h) burn', () => {
    const s = slo('payments');
    // remaining × 30 days / 20 = (42 576 / 86 400) × 2 592 000 000 ms / 20 = 42 576 × 1500 ms.
    expect(s.current!.window).toBe('1h');
    expect(s.exhaustionMs).toBeCloseTo(42_576 * 1500, 3);
    expect(s.reason).toContain('gone in 17h 44m');
  });

  it('payments: the canary error ratio projected to full traffic exceeds every tier', () => {
    const impact = slo('payments').canaryImpact!;
    const canary = FIXTURE_FACTS.deployments[CANARY];
    expect(impact.errors).toBe(canary.requests500);
    expect(impact.total).toBe(canary.requests);
    // 1093 / 36 081 = 3.03% → 30.29× the budgeted rate.
    expect(impact.burn).toBeCloseTo(canary.requests500 / canary.requests / 0.001, 9);
    expect(impact.exceeds).toEqual(['1h/5m', '6h/30m', '3d/6h']);
    expect(impact.outcome).toBe('block');
    expect(impact.exhaustionMs).toBeCloseTo(((42_576 / 86_400) * 30 * DAY_MS) / impact.burn, 3);
  });

  it('good/total reads the same budget as errors/total', () => {
    const good = slo('payments-good');
    const errors = slo('payments');
    expect(good.events).toEqual(errors.events);
    expect(good.remaining).toBeCloseTo(errors.remaining!, 12);
    expect(burns(good)).toEqual(burns(errors));
    expect(good.queries.map((q) => q.role)).toContain('good');
  });

  it('a calendar month: the month so far, the whole month as the budget period', () => {
    const s = slo('payments-month');
    // 2026-11-01T00:00Z → END is 19.5 days: 5616 intervals, total 56 160 000. Errors: 6960 over
    // the last 3 days, 14 400 on the incident day, (5616 − 864 − 288) × 3 = 13 392 → 34 752.
    expect(s.windowStart).toBe('2026-11-01T00:00:00.000Z');
    expect(s.events).toEqual({ errors: 34_752, total: 56_160_000 });
    expect(s.remaining).toBeCloseTo(1 - 34_752 / 56_160, 12);
    expect(s.resetsAt).toBe('2026-12-01T00:00:00.000Z');
    // November has 30 days: same factors as a 30d window; exhaustion over the month's budget.
    expect(s.tiers.map((t) => t.factor)).toEqual([14.4, 6, 1]);
    expect(s.exhaustionMs).toBeCloseTo(((1 - 34_752 / 56_160) * 30 * DAY_MS) / 20, 3);
    expect(s.queries.find((q) => q.role === 'total' && q.window === '19d12h')?.value).toBe(56_160_000);
  });

  it('ledger: an old outage spent more than the budget; nothing burns fast now; blocked', () => {
    const s = slo('ledger');
    // 288 × 300 = 86 400 on the outage day + (8640 − 288) × 5 = 41 760 → 128 160 errors.
    expect(s.events).toEqual({ errors: 128_160, total: 86_400_000 });
    expect(s.remaining).toBeCloseTo(1 - 128_160 / 86_400, 12);
    expect(s.remaining!).toBeLessThan(0);
    for (const [long, short] of burns(s)) {
      expect(long).toBeCloseTo(0.5, 9);
      expect(short).toBeCloseTo(0.5, 9);
    }
    expect(s.tiers.every((t) => !t.tripped)).toBe(true);
    expect(s.exhaustionMs).toBe(0);
    expect(s.outcome).toBe('block');
    expect(s.reason).toMatch(/^-48\.3% of the budget left \(SLI 99\.85% over 30d, objective 99\.9%\): the budget is spent$/);
  });

  it('search: one error in a quiet service — the point burn trips nothing', () => {
    const s = slo('search');
    // The one error is in the interval ending at END−40m: 1h holds 24 requests, 5m and 30m none bad.
    expect(s.events).toEqual({ errors: 1, total: 17_280 });
    const [fast, medium, slow] = burns(s);
    expect(fast).toEqual([expect.closeTo(1 / 24 / 0.001, 9), 0]);
    expect(medium).toEqual([expect.closeTo(1 / 144 / 0.001, 9), 0]);
    expect(slow![0]).toBeCloseTo(1 / 1728 / 0.001, 9);
    expect(s.outcome).toBe('pass');
  });

  it('search, decide-on: upper-bound — the 95% upper bounds trip every tier and say so', () => {
    const s = slo('search-cautious');
    const [fast] = s.tiers;
    // 0 errors in 2 requests: the one-sided Clopper-Pearson bound is 1 − 0.05^(1/2).
    expect(fast!.shortBurn.upper).toBeCloseTo((1 - Math.sqrt(0.05)) / 0.001, 6);
    // 1 error in 24: the bound p solves P(X ≤ 1 | 24, p) = 0.05.
    const p = fast!.longBurn.upper! * 0.001;
    expect((1 - p) ** 24 + 24 * p * (1 - p) ** 23).toBeCloseTo(0.05, 9);
    expect(s.tiers.map((t) => [t.tripped, t.decidedBy])).toEqual([
      [true, 'upper-bound'],
      [true, 'upper-bound'],
      [true, 'upper-bound'],
    ]);
    expect(s.outcome).toBe('block');
    expect(s.reason).toContain('upper bounds of the burn');
  });

  it('min-events: too few events over the window is inconclusive, with the reason', () => {
    const s = slo('search-thin');
    expect(s.outcome).toBe('inconclusive');
    // 17 280 events (2 per interval over 30 days) against min-events 50 000.
    expect(s.events!.total).toBe(17_280);
    expect(s.reason).toBe('only 17.3k events over 30d, fewer than min-events 50k: the budget (0.1%) is not measurable');
  });

  it('the verdict fails with the budget reasons first; every output shows the figures', () => {
    expect(report.verdict).toBe('fail');
    expect(report.budget!.outcome).toBe('block');
    expect(report.reasons[0]).toMatch(/^budget: SLO payments block: burn-rate tier 1h\/5m tripped/);
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('### ⛔ Error budget and deploy policy: block');
    expect(markdown).toMatch(/\| ⛔ block \| \*\*payments\*\* \| 99\.9% over 30d \| 99\.949% \| `█████░░░░░` 49\.3% of 0\.1% \| 20× \(≤ 20\.68×\) over 1h \| 17h 44m \| 86\.4M \(43\.8k bad\) \|/);
    expect(markdown).toContain('| 1h / 5m | 20× (≤ 20.68×) | 20× (≤ 22.46×) | 14.4× (2% of budget in 1h) | block | 🔥 tripped |');
    const terminal = renderTerminal(report, { color: false });
    expect(terminal).toContain('error budget and deploy policy: block');
    expect(terminal).toContain('tier 1h / 5m: 20× (≤ 20.68×) / 20× (≤ 22.46×) vs 14.4× (2% of budget in 1h) [block] TRIPPED');
  });
});
