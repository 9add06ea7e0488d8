/** judge: kayenta end to end through evaluate(): labels → outcomes, Kayenta's score → verdict, the report. */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/analysis/evaluate.js';
import { loadPolicy } from '../../../src/policy/load.js';
import { renderJson } from '../../../src/report/json.js';
import { renderMarkdown } from '../../../src/report/markdown.js';
import { renderTerminal } from '../../../src/report/terminal.js';
import type { MetricReport } from '../../../src/report/model.js';
import type { MetricSource, RangeQuery, Series } from '../../../src/sources/types.js';

const END = Date.UTC(2026, 10, 20, 12);
const STEP = 60_000;

class ScriptedSource implements MetricSource {
  readonly type = 'scripted';
  constructor(private readonly answers: Record<string, Series[] | Error>) {}
  async query(request: RangeQuery): Promise<Series[]> {
    const answer = this.answers[request.query];
    if (answer instanceof Error) throw answer;
    return answer ?? [];
  }
}

/** One series of one point per step; none at all for no values (as Prometheus answers). */
function series(values: number[]): Series[] {
  if (values.length === 0) return [];
  return [{ labels: {}, points: values.map((v, i) => ({ t: END - (values.length - 1 - i) * STEP, v })) }];
}

/** The same deterministic baseline the R reference cases use. */
const base = Array.from({ length: 30 }, (_, i) => 100 + 8 * Math.sin((i + 1) * 1.7) + ((i + 1) % 7));
const scaled = (k: number) => base.map((v) => v * k);

function policyText(metrics: string, scoring = ''): string {
  return `version: 1
service: svc
judge: kayenta
window: 30m
step: 1m
sources: { s: { type: file, path: unused.json } }
scopes: { canary: 'd="c"', baseline: 'd="b"' }
metrics:
${metrics}
${scoring}`;
}

const metric = (name: string, extra = '') => `  - name: ${name}
    source: s
    query: '${name}{{{scope}}}'${extra ? `\n${extra}` : ''}`;

async function run(text: string, answers: Record<string, Series[] | Error>) {
  const policy = loadPolicy(text, 'policy.yml', { env: {} });
  const report = await evaluate({ policy, sources: { s: new ScriptedSource(answers) }, end: END, now: END });
  return { report, metric: (name: string) => report.metrics.find((m) => m.name === name) as MetricReport };
}

/** Answers for metric `name`: canary and baseline values. */
const sides = (name: string, canary: number[] | Error, baseline: number[] | Error) => ({
  [`${name}{d="c"}`]: canary instanceof Error ? canary : series(canary),
  [`${name}{d="b"}`]: baseline instanceof Error ? baseline : series(baseline),
});

describe('judge: kayenta through evaluate', () => {
  it('maps labels to outcomes and carries the classification in the report', async () => {
    const { report, metric: m } = await run(
      policyText([metric('up'), metric('down'), metric('same'), metric('gone')].join('\n')),
      { ...sides('up', scaled(1.3), base), ...sides('down', scaled(0.7), base), ...sides('same', [...base].reverse(), base), ...sides('gone', [], base) },
    );
    expect(report.metrics.map((x) => [x.name, x.kayenta!.label, x.outcome])).toEqual([
      ['up', 'High', 'fail'],
      ['down', 'Low', 'fail'],
      ['same', 'Pass', 'pass'],
      ['gone', 'Nodata', 'inconclusive'],
    ]);
    const up = m('up');
    expect(up.kayenta).toMatchObject({ critical: false, muted: false, groups: ['up'], direction: 'either', rule: 'mann-whitney' });
    // R (kayenta-cases.json, high-either): CI [25.956602246194993, 36.00835460346577], estimate 31.169203016504653.
    expect(up.kayenta!.mannWhitney!.ci[0]).toBeCloseTo(25.956602246194993, 9);
    expect(up.kayenta!.mannWhitney!.estimate).toBeCloseTo(31.169203016504653, 9);
    expect(up.kayenta!.ratio).toBeCloseTo(1.3, 12);
    expect(up.reason).toBe('Kayenta: High (ratio 1.3, 98% CI +25.96 to +36.01 vs bound 7.792)');
    expect(up.canary.value).toBeCloseTo(1.3 * base.reduce((a, b) => a + b) / 30, 9);
    expect(m('gone').reason).toMatch(/^Kayenta: Nodata \(Missing data for gone: canary query returned no series/);
    // Four groups of 25 each: up 0, down 0, same 100, and gone — all Nodata — counts as 100 (Nodata 1/4 < 50%).
    expect(report.kayenta!.groups.find((g) => g.group === 'gone')).toEqual({ group: 'gone', score: 0, noData: true, weight: 25 });
    expect(report.score).toBe(50);
    expect(report.kayenta).toMatchObject({ score: 50, classification: 'Fail' });
    expect(report.verdict).toBe('fail');
    expect(report.reasons).toContain('Kayenta score 50: Fail (pass 95, marginal 75)');
    expect(report.reasons).toContain('High: up');
  });

  it('the verdict follows the Kayenta classification: Pass → pass, Marginal → warn', async () => {
    const metrics = [1, 2, 3, 4].map((i) => metric(`m${i}`, '    group: g')).join('\n');
    const answers = Object.assign({}, ...[1, 2, 3, 4].map((i) => sides(`m${i}`, i === 4 ? scaled(1.3) : [...base].reverse(), base)));
    const warn = await run(policyText(metrics, 'scoring: { pass: 95, marginal: 75 }'), answers);
    expect(warn.report).toMatchObject({ score: 75, verdict: 'warn' });
    const pass = await run(policyText(metrics, 'scoring: { pass: 75, marginal: 50 }'), answers);
    expect(pass.report).toMatchObject({ score: 75, verdict: 'pass' });
  });

  it('group weights and multi-group metrics score as in Kayenta', async () => {
    const { report } = await run(
      policyText(
        [metric('a', '    group: [latency, golden]'), metric('b', '    group: latency'), metric('c', '    group: errors')].join('\n'),
        'scoring: { groups: { latency: 50, errors: 30 } }',
      ),
      { ...sides('a', scaled(1.3), base), ...sides('b', base.map((v) => v + 0.5), base), ...sides('c', base.map((v) => v - 0.5), base) },
    );
    expect(report.kayenta!.groups).toEqual([
      { group: 'latency', score: 50, noData: false, weight: 50 },
      { group: 'golden', score: 0, noData: false, weight: 20 },
      { group: 'errors', score: 100, noData: false, weight: 30 },
    ]);
    expect(report.score).toBe(55);
  });

  it('a critical metric past its critical gate scores 0', async () => {
    const { report, metric: m } = await run(
      policyText(
        [metric('lat', '    critical: true\n    kayenta: { effect-size: { allowed-increase: 1.1, critical-increase: 1.5 } }'), metric('ok')].join('\n'),
      ),
      { ...sides('lat', scaled(1.6), base), ...sides('ok', [...base].reverse(), base) },
    );
    expect(m('lat').kayenta).toMatchObject({ label: 'High', critical: true });
    expect(m('lat').reason).toMatch(/^Kayenta: High, critical \(ratio 1\.6, ≥ critical increase 1\.5, 98% CI/);
    expect(report).toMatchObject({ score: 0, verdict: 'fail' });
    expect(report.reasons[0]).toBe('Canary Failed: lat: The metric was classified as High (critical)');
  });

  it('a critical metric High below its critical gate is an ordinary High', async () => {
    const { report, metric: m } = await run(
      policyText(
        [metric('lat', '    critical: true\n    kayenta: { effect-size: { critical-increase: 1.5 } }'), metric('ok')].join('\n'),
      ),
      { ...sides('lat', scaled(1.3), base), ...sides('ok', [...base].reverse(), base) },
    );
    expect(m('lat').kayenta).toMatchObject({ label: 'High', critical: false });
    expect(report.score).toBe(50);
  });

  it('50% or more Nodata scores 0', async () => {
    const { report } = await run(policyText([metric('a'), metric('b')].join('\n')), { ...sides('a', [...base].reverse(), base) });
    expect(report).toMatchObject({ score: 0, verdict: 'fail' });
    expect(report.reasons[0]).toBe('Canary Failed: 50% or more metrics returned NODATA');
  });

  it('must-have-data turns missing data into NodataFailMetric, a failed metric', async () => {
    const { report, metric: m } = await run(policyText([metric('a', '    kayenta: { must-have-data: true }'), metric('b')].join('\n')), {
      ...sides('b', [...base].reverse(), base),
    });
    expect([m('a').kayenta!.label, m('a').outcome]).toEqual(['NodataFailMetric', 'fail']);
    expect(report.score).toBe(50);
  });

  it('the NaN strategy sees the raw NaN points: replace makes them zeros', async () => {
    const canary = [...base.slice(0, 8), ...Array(22).fill(NaN)];
    const removed = await run(policyText(metric('x')), sides('x', canary, base));
    expect(removed.metric('x').kayenta).toMatchObject({ label: 'Pass', canary: { raw: 30, nan: 22, used: 8 } });
    expect(removed.metric('x').canary.notes).toContain('22 NaN points removed (nan-strategy remove)');
    const replaced = await run(policyText(metric('x', '    kayenta: { nan-strategy: replace }')), sides('x', canary, base));
    expect(replaced.metric('x').kayenta).toMatchObject({ label: 'Low', canary: { raw: 30, nan: 22, used: 30 } });
  });

  it('an all-NaN side is Nodata under remove and is judged under replace', async () => {
    const nan = Array(30).fill(NaN);
    expect((await run(policyText(metric('x')), sides('x', nan, base))).metric('x').kayenta!.label).toBe('Nodata');
    expect((await run(policyText(metric('x', '    kayenta: { nan-strategy: replace }')), sides('x', nan, base))).metric('x').kayenta!.label).toBe('Low');
  });

  it('muted metrics are classified and shown, not scored', async () => {
    const { report, metric: m } = await run(policyText([metric('a', '    kayenta: { muted: true }'), metric('b')].join('\n')), {
      ...sides('a', scaled(1.3), base),
      ...sides('b', [...base].reverse(), base),
    });
    expect(m('a')).toMatchObject({ counted: false, outcome: 'fail', kayenta: { label: 'High', muted: true } });
    expect(m('a').reason).toMatch(/ — muted, not scored$/);
    expect(report).toMatchObject({ score: 100, verdict: 'pass', counts: { notCounted: 1 } });
    expect(renderTerminal(report, { color: false })).toMatch(/a \(muted\)/);
  });

  it('a failed query fails closed: Kayenta would have stopped without a score', async () => {
    const { report, metric: m } = await run(policyText([metric('a'), metric('b'), metric('c')].join('\n')), {
      ...sides('a', new Error('bad_data: parse error'), base),
      ...sides('b', [...base].reverse(), base),
      ...sides('c', [...base].reverse(), base),
    });
    expect(m('a')).toMatchObject({ outcome: 'error', kayenta: { label: 'Error', queryFailed: true } });
    expect(m('a').reason).toBe('Kayenta: Error (canary query failed: bad_data: parse error; Kayenta stops the analysis here)');
    expect(report.score).toBe(100); // Error is not counted in Kayenta's score…
    expect(report.verdict).toBe('fail'); // …but the run fails closed
    expect(report.reasons[0]).toMatch(/^query failed for a: Kayenta would stop the analysis without a score/);
  });

  it('a classification error is Error, not counted, as in Kayenta', async () => {
    const { report, metric: m } = await run(policyText([metric('a'), metric('b'), metric('c')].join('\n')), {
      ...sides('a', [1, 2, Infinity], [1, 2, 3]),
      ...sides('b', [...base].reverse(), base),
      ...sides('c', [...base].reverse(), base),
    });
    expect(m('a')).toMatchObject({ outcome: 'error', kayenta: { label: 'Error', rule: 'error' } });
    expect(m('a').reason).toMatch(/^Kayenta: Error \(Metric Classification Failed/);
    expect(report).toMatchObject({ score: 100, verdict: 'pass' });
  });

  it('renders the Kayenta reason and limits in markdown, the terminal table and JSON', async () => {
    const { report } = await run(
      policyText(metric('lat', '    unit: ms\n    compare: { direction: increase }\n    kayenta: { effect-size: { allowed-increase: 1.1 } }')),
      sides('lat', scaled(1.3), base),
    );
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('Kayenta score 0 (Fail)');
    expect(markdown).toContain('Kayenta: High (ratio 1.3, ≥ allowed increase 1.1, 98% CI +25.96 to +36.01 ms vs bound 7.792)');
    expect(markdown).toContain('Kayenta +: 98% CI beyond ±25% of the shift, ratio ≥ 1.1');
    const terminal = renderTerminal(report, { color: false });
    expect(terminal).toContain('why: Kayenta: High (ratio 1.3');
    const json = JSON.parse(renderJson(report));
    expect(json.kayenta).toEqual({ score: 0, classification: 'Fail', groups: [{ group: 'lat', score: 0, noData: false, weight: 100 }] });
    expect(json.metrics[0].kayenta).toMatchObject({ label: 'High', effectSize: { measure: 'meanRatio', allowedIncrease: 1.1 } });
  });

  it('reports an inverted interval as R returns it', async () => {
    const canary = [...Array(15).fill(0), ...Array.from({ length: 15 }, (_, i) => (i + 1) * 1e-5)];
    const baseline = [...Array(29).fill(0), 1e-5];
    const { metric: m } = await run(policyText(metric('err')), sides('err', canary, baseline));
    expect(m('err').kayenta!.label).toBe('High');
    expect(m('err').reason).toContain('(inverted by ties, as R returns it)');
  });
});

describe('examples/kayenta/policy.yml', () => {
  async function cli(argv: string[]) {
    const { runCli } = await import('../../../src/cli/main.js');
    let stdout = '';
    let stderr = '';
    const code = await runCli({ argv, env: {}, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, now: () => Date.UTC(2026, 10, 20, 12, 5) });
    return { code, stdout, stderr };
  }

  it('validates', async () => {
    const { code, stdout } = await cli(['validate', '--policy', 'examples/kayenta/policy.yml']);
    expect(code).toBe(0);
    expect(stdout).toBe('examples/kayenta/policy.yml: ok — service checkout, 3 metrics, 1 source\n');
  });

  it('evaluates the demo data: latency-p99 is High (not critical), the weighted score 40 fails', async () => {
    const { code, stdout } = await cli(['evaluate', '--policy', 'examples/kayenta/policy.yml', '--end', '2026-11-20T12:00:00Z', '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.metrics.map((m: MetricReport) => [m.name, m.kayenta!.label, m.kayenta!.critical, m.counted])).toEqual([
      ['latency-p99', 'High', false, true],
      ['cpu', 'Pass', false, true],
      ['server-errors', 'Pass', false, false],
    ]);
    expect(report).toMatchObject({ verdict: 'fail', score: 40, kayenta: { classification: 'Fail' } });
    expect(report.kayenta.groups).toEqual([
      { group: 'latency', score: 0, noData: false, weight: 60 },
      { group: 'saturation', score: 100, noData: false, weight: 40 },
    ]);
  });
});
