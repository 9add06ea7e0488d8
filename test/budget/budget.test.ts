/**
 * Budget arithmetic, and the budget policy end to end through runGate on the file source (real
 * files in a temp dir): guards for out-of-sync queries, no data, overrides and the verdict.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetOf, burnRate, exceeds, exhaustionMs, tierFactor, DEFAULT_TIERS } from '../../src/budget/burn.js';
import { formatSli, formatSpan } from '../../src/budget/format.js';
import { runGate } from '../../src/core/run.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderTerminal } from '../../src/report/terminal.js';

const DAY = 86_400_000;

describe('budget arithmetic', () => {
  it('1 − objective without float artefacts', () => {
    expect(1 - 0.999).not.toBe(0.001);
    expect(budgetOf(0.999)).toBe(0.001);
    expect(budgetOf(0.9999)).toBe(0.0001);
    expect(budgetOf(0.9995)).toBe(0.0005);
    expect(budgetOf(0.99)).toBe(0.01);
    expect(budgetOf(99.95 / 100)).toBe(0.0005);
  });

  it('a burn exactly at the factor does not exceed it, even through float division', () => {
    // 144/10 000 over a 0.1% budget is 14.4 — computed as 14.399999999999999 or 14.400000000000002.
    const burn = burnRate(144, 10_000, budgetOf(0.999))!;
    expect(exceeds(burn, 14.4)).toBe(false);
    expect(exceeds(burnRate(145, 10_000, 0.001), 14.4)).toBe(true);
    expect(exceeds(null, 0.1)).toBe(false);
    expect(burnRate(0, 0, 0.001)).toBeNull();
  });

  it('default tiers: 14.4 / 6 / 1 for 30 days, scaled by share × window / long', () => {
    expect(DEFAULT_TIERS.map((t) => tierFactor(t, 30 * DAY))).toEqual([14.4, 6, 1]);
    // 28d: 0.02 × 672h / 1h = 13.44; 0.05 × 672 / 6 = 5.6; 0.1 × 28 / 3 = 0.933…
    expect(DEFAULT_TIERS.map((t) => tierFactor(t, 28 * DAY))).toEqual([13.44, 5.6, 0.933333333333]);
    // 7d: 3.36, 1.4, 0.2333…
    expect(DEFAULT_TIERS.map((t) => tierFactor(t, 7 * DAY))).toEqual([3.36, 1.4, 0.233333333333]);
    expect(tierFactor({ longMs: 3_600_000, shortMs: 300_000, factor: 10, severity: 'warn' }, 7 * DAY)).toBe(10);
  });

  it('time to exhaustion', () => {
    // Half the budget left, burning 2×: a 30-day budget lasts 7.5 days.
    expect(exhaustionMs(0.5, 2, 30 * DAY)).toBe(7.5 * DAY);
    expect(exhaustionMs(0, 2, 30 * DAY)).toBe(0);
    expect(exhaustionMs(-0.3, 0, 30 * DAY)).toBe(0);
    expect(exhaustionMs(0.5, 0, 30 * DAY)).toBeNull();
    expect(formatSpan(7.5 * DAY)).toBe('7d 12h');
    expect(formatSpan(63_864_000)).toBe('17h 44m');
    expect(formatSpan(45_000)).toBe('45s');
  });

  it('SLIs keep the digits that matter', () => {
    expect(formatSli(0.999)).toBe('99.9%');
    expect(formatSli(0.9995)).toBe('99.95%');
    expect(formatSli(0.99869)).toBe('99.87%');
    expect(formatSli(1 - 1230 / 1_680_000)).toBe('99.927%');
    expect(formatSli(1)).toBe('100%');
  });
});

/* ------------------------------------------------------------------------------------------ */

const END = Date.parse('2026-11-20T12:00:00Z');
let dir: string;

/** Hourly increments for 7 days: `ok` good and `bad` bad requests per hour, `lastHourBad` in the last hour. */
function hourly(name: string, labels: Record<string, string>, perHour: (hoursAgo: number) => number) {
  const timestamps: number[] = [];
  const values: number[] = [];
  for (let h = 7 * 24 - 1; h >= 0; h--) {
    timestamps.push(END / 1000 - h * 3600);
    values.push(perHour(h));
  }
  return { name, labels, timestamps, values };
}

const METRICS = `
metrics:
  - name: error-ratio
    source: files
    kind: ratio
    errors: 'requests{code="500",{{scope}}}'
    total: 'requests{{{scope}}}'
    compare: { tolerance: 50% }
`;

function policy(body: string, metrics = METRICS): string {
  return `version: 1
service: checkout
window: 6h
step: 1h
sources:
  files: { type: file, path: data.json }
  missing: { type: file, path: no-such-file.json }
scopes:
  canary: 'deployment="canary"'
  baseline: 'deployment="stable"'
${metrics}
${body}`;
}

const SLO = (extra = '', queries = "errors: 'slo_requests{code=\"500\"}'\n    total: 'slo_requests'") => `
slos:
  - name: availability
    source: files
    objective: 99.9%
    window: 7d
    ${queries}
    burn-rate: [{ long: 6h, short: 1h, factor: 6 }]
${extra}`;

async function gate(name: string, body: string, extra: Partial<Parameters<typeof runGate>[0]> = {}) {
  const file = path.join(dir, `${name}.yml`);
  await writeFile(file, policy(body));
  return (await runGate({ policyFile: file, env: {}, end: END, now: END, ...extra })).report;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'canary-gate-budget-'));
  const series = [
    // The service: 10 000 requests per hour; 5 errors per hour, 200 in the last 2 hours.
    hourly('slo_requests', { code: '200' }, (h) => 10_000 - (h < 2 ? 200 : 5)),
    hourly('slo_requests', { code: '500' }, (h) => (h < 2 ? 200 : 5)),
    // A good counter that runs ahead of the total in the last hour (scraped out of sync).
    hourly('slo_good', {}, (h) => (h === 0 ? 10_050 : 10_000 - (h < 2 ? 200 : 5))),
    // The canary and baseline for the ratio metric: 1% errors on both sides, so the comparison passes.
    hourly('requests', { deployment: 'canary', code: '200' }, () => 990),
    hourly('requests', { deployment: 'canary', code: '500' }, () => 10),
    hourly('requests', { deployment: 'stable', code: '200' }, () => 9900),
    hourly('requests', { deployment: 'stable', code: '500' }, () => 100),
  ];
  await writeFile(path.join(dir, 'data.json'), JSON.stringify({ series }));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the budget policy through runGate (file source)', () => {
  it('a file source needs no {{window}}: the points of each window are summed', async () => {
    const report = await gate('file', SLO());
    const s = report.budget!.slos[0]!;
    // 7 days × 10 000 = 1 680 000 events; errors 166 × 5 + 2 × 200 = 1230.
    expect(s.events).toEqual({ errors: 1230, total: 1_680_000 });
    // 6h: (4×5 + 2×200)/60 000 = 0.7% → 7×; 1h: 200/10 000 = 2% → 20×: both above 6.
    expect(s.tiers[0]!.longBurn.burn).toBeCloseTo(7, 9);
    expect(s.tiers[0]!.shortBurn.burn).toBeCloseTo(20, 9);
    expect(s.tiers[0]!.tripped).toBe(true);
    expect(s.outcome).toBe('block');
    expect(report.verdict).toBe('fail');
  });

  it('good above total: counted as no bad events, with a note (SLI capped at 100%)', async () => {
    const report = await gate('good', SLO('', "good: 'slo_good'\n    total: 'slo_requests'"));
    const s = report.budget!.slos[0]!;
    expect(s.tiers[0]!.shortBurn.errors).toBe(0);
    expect(s.notes).toContain('good (10050) exceeds total (10000) over 1h: the queries are out of sync (SLI capped at 100%)');
    expect(renderMarkdown(report)).toContain('⚠️ good (10050) exceeds total (10000) over 1h');
  });

  it('an errors query with no series counts 0 errors and says so', async () => {
    const report = await gate('no-errors', SLO('', "errors: 'slo_requests{code=\"503\"}'\n    total: 'slo_requests'"));
    const s = report.budget!.slos[0]!;
    expect(s.events).toEqual({ errors: 0, total: 1_680_000 });
    expect(s.notes[0]).toMatch(/^errors query returned no series over 7d; counted as 0 errors against 1680000 events$/);
    expect(s.outcome).toBe('pass');
  });

  it('a good query with no series while there is traffic fails closed (a typo is not an outage)', async () => {
    const report = await gate('no-good', SLO('', "good: 'slo_goood'\n    total: 'slo_requests'"));
    const s = report.budget!.slos[0]!;
    expect(s.outcome).toBe('error');
    expect(s.reason).toBe('good query over 7d returned no series while total counted 1680000 events: check the query');
    expect(report.verdict).toBe('fail');
  });

  it('no data fails closed by default; on-no-data: inconclusive says so', async () => {
    const none = "errors: 'nothing{code=\"500\"}'\n    total: 'nothing'";
    const fail = (await gate('nodata', SLO('', none))).budget!.slos[0]!;
    expect([fail.outcome, fail.reason]).toEqual(['error', 'no data: the total query returned no data over the SLO window (7d)']);
    const soft = await gate('nodata-soft', SLO('    on-no-data: inconclusive', none));
    expect(soft.budget!.slos[0]!.outcome).toBe('inconclusive');
    expect(soft.verdict).toBe('inconclusive');
  });

  it('a source that fails is an error, never a pass', async () => {
    const report = await gate('broken', SLO().replace('source: files\n    objective', 'source: missing\n    objective'));
    const s = report.budget!.slos[0]!;
    expect(s.outcome).toBe('error');
    expect(s.reason).toMatch(/^total query over 7d failed: file source: cannot read .*no-such-file\.json: ENOENT$/);
  });

  it('min-remaining blocks before the budget is spent', async () => {
    // consumed = 1230 / (1 680 000 × 0.001) = 73.2%: 26.8% left, below 30%.
    const report = await gate('min-remaining', SLO('    budget: { min-remaining: 30% }\n    burn-rate: none').replace('    burn-rate: [{ long: 6h, short: 1h, factor: 6 }]\n', ''));
    const s = report.budget!.slos[0]!;
    expect(s.remaining).toBeCloseTo(1 - 1230 / 1680, 12);
    expect(s.tiers).toEqual([]);
    expect(s.reason).toBe('26.8% of the budget left (SLI 99.927% over 7d, objective 99.9%): below min-remaining 30%');
    expect(s.outcome).toBe('block');
  });

  it('the canary impact calls out a canary that would burn fast at full traffic, with its own severity', async () => {
    const report = await gate('impact', SLO('    canary: { metric: error-ratio, severity: warn }').replace('factor: 6 }]', 'factor: 60 }]'));
    const s = report.budget!.slos[0]!;
    // The canary: 60 errors in 6000 requests over the 6h window (1%) → 10× the 0.1% budget: above no tier at 60.
    expect(s.canaryImpact).toMatchObject({ metric: 'error-ratio', errors: 60, total: 6000, burn: 10, exceeds: [], outcome: 'pass' });
    const hot = await gate('impact-hot', SLO('    canary: { metric: error-ratio, severity: warn }'));
    expect(hot.budget!.slos[0]!.canaryImpact).toMatchObject({ burn: 10, exceeds: ['6h/1h'], outcome: 'warn' });
  });

  it('an override turns blocks into warn, names who, when and why, and keeps every figure', async () => {
    const override = { via: 'input' as const, by: 'alice', at: Date.parse('2026-11-20T12:01:00Z'), reason: 'hotfix for INC-42' };
    const report = await gate('override', SLO(), { override });
    const b = report.budget!;
    expect([b.originalOutcome, b.outcome, report.verdict]).toEqual(['block', 'warn', 'warn']);
    expect(b.slos[0]!.originalOutcome).toBe('block');
    expect(b.slos[0]!.tiers[0]!.tripped).toBe(true);
    expect(b.override).toEqual({
      via: 'input',
      by: 'alice',
      at: '2026-11-20T12:01:00.000Z',
      reason: 'hotfix for INC-42',
      changed: ['SLO availability: block → warn'],
      refused: [],
      notes: [],
    });
    const line = 'override by alice at 2026-11-20T12:01:00.000Z via override-reason: "hotfix for INC-42" — turned SLO availability: block → warn';
    expect(report.reasons).toContain(line);
    expect(renderMarkdown(report)).toContain(`> **Override** ${line}`);
    expect(renderTerminal(report, { color: false })).toContain(line);
    expect(JSON.parse(renderJson(report)).budget.override.by).toBe('alice');
  });

  it('override.applies-to limits what an override may turn; a refused block still fails', async () => {
    const override = { via: 'input' as const, by: 'bob', at: END, reason: 'please' };
    const body = `${SLO()}\noverride: { applies-to: [freeze] }\nfreeze:\n  - { name: launch, from: '2026-11-20', to: '2026-11-20', reason: launch day }\n`;
    const report = await gate('refused', body, { override });
    const b = report.budget!;
    expect(b.freezes[0]).toMatchObject({ name: 'launch', active: true, outcome: 'warn', originalOutcome: 'block', endsAt: '2026-11-21T00:00:00.000Z' });
    expect(b.slos[0]!.outcome).toBe('block');
    expect(b.override!.changed).toEqual(['freeze launch: block → warn']);
    expect(b.override!.refused).toEqual(['SLO availability: overrides do not apply to budget (override.applies-to: [freeze])']);
    expect(report.verdict).toBe('fail');
  });

  it('a freeze alone blocks; an override is recorded even when nothing was blocked', async () => {
    const frozen = await gate('frozen', "freeze:\n  - { name: weekend, weekly: { from: 'fri 00:00', to: 'mon 00:00' }, time-zone: Europe/Berlin }\n");
    // 2026-11-20T12:00Z is Friday 13:00 in Berlin.
    expect(frozen.budget!.freezes[0]).toMatchObject({ active: true, endsAt: '2026-11-22T23:00:00.000Z', outcome: 'block' });
    expect(frozen.reasons[0]).toBe('budget: freeze weekend is active until 2026-11-22T23:00:00.000Z: deploys blocked');
    const quiet = await gate('quiet', '', { override: { via: 'input', by: 'carol', at: END, reason: 'just in case' } });
    expect(quiet.budget!.override!.changed).toEqual([]);
    expect(quiet.reasons.at(-1)).toMatch(/— nothing was blocked$/);
  });
});
