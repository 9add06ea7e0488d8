import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/analysis/evaluate.js';
import { loadPolicy } from '../../src/policy/load.js';
import type { MetricReport } from '../../src/report/model.js';
import type { MetricSource, RangeQuery, Series } from '../../src/sources/types.js';

const END = Date.UTC(2026, 10, 20, 12);
const STEP = 60_000;

/** Answers each resolved query from a table; records what was asked. */
class ScriptedSource implements MetricSource {
  readonly type = 'scripted';
  readonly asked: RangeQuery[] = [];
  constructor(private readonly answers: Record<string, Series[] | Error>) {}
  async query(request: RangeQuery): Promise<Series[]> {
    this.asked.push(request);
    const answer = this.answers[request.query];
    if (answer instanceof Error) throw answer;
    return answer ?? [];
  }
}

/** A series of one value per step over the 30-minute window. */
function steps(values: number[] | ((i: number) => number), count = 30): Series[] {
  const at = (i: number) => (typeof values === 'function' ? values(i) : values[i % values.length]!);
  return [{ labels: {}, points: Array.from({ length: count }, (_, i) => ({ t: END - (count - 1 - i) * STEP, v: at(i) })) }];
}

function policyText(metrics: string, extra = '', baseline = "'d=\"b\"'"): string {
  return `version: 1
service: svc
window: 30m
step: 1m
sources: { s: { type: file, path: unused.json } }
scopes: { canary: 'd="c"', baseline: ${baseline} }
${extra}
metrics:
${metrics}`;
}

async function run(text: string, answers: Record<string, Series[] | Error>) {
  const policy = loadPolicy(text, 'policy.yml', { env: {} });
  const source = new ScriptedSource(answers);
  const report = await evaluate({ policy, sources: { s: source }, end: END, now: END + 5000 });
  return { report, source, metric: (name: string) => report.metrics.find((m) => m.name === name) as MetricReport };
}

const latency = `  - name: latency
    source: s
    query: 'lat{{{scope}}}'
    compare: { test: relative, tolerance: 10% }`;

describe('evaluate: windows and queries', () => {
  it('queries both scopes over the same window for a concurrent baseline', async () => {
    const { report, source } = await run(policyText(latency), { 'lat{d="c"}': steps([1]), 'lat{d="b"}': steps([1]) });
    expect(source.asked.map((q) => [q.query, q.start, q.end, q.stepMs])).toEqual([
      ['lat{d="c"}', END - 30 * STEP + STEP, END, STEP],
      ['lat{d="b"}', END - 30 * STEP + STEP, END, STEP],
    ]);
    expect(report.windows!.canary).toEqual({ start: '2026-11-20T11:30:00.000Z', end: '2026-11-20T12:00:00.000Z', selector: 'd="c"' });
    expect(report.windows!.baseline.how).toBe('concurrent');
    expect(report.evaluatedAt).toBe('2026-11-20T12:00:05.000Z');
  });

  it('shifts the baseline window back by an offset, with the canary selector', async () => {
    const { report, source } = await run(policyText(latency.replace('{{{scope}}}', '{{{scope}}}'), '', '{ offset: 1d }'), {});
    const day = 86_400_000;
    expect(source.asked[1]).toMatchObject({ query: 'lat{d="c"}', start: END - day - 29 * STEP, end: END - day });
    expect(report.windows!.baseline).toMatchObject({ how: 'offset', offset: '1d', end: '2026-11-19T12:00:00.000Z' });
  });

  it('ends the baseline window at deployed-at for before: deploy', async () => {
    const { report } = await run(policyText(latency, "deployed-at: '2026-11-20T10:00:00Z'", '{ before: deploy }'), {});
    expect(report.windows!.baseline).toMatchObject({ how: 'before-deploy', start: '2026-11-20T09:30:00.000Z', end: '2026-11-20T10:00:00.000Z' });
  });

  it('resolves {{window}}, {{step}} and user variables', async () => {
    const metric = `  - name: m
    source: s
    query: 'rate(x{{{scope}}, job="{{job}}"}[{{step}}]) / {{window}}'
    threshold: { max: 5 }`;
    const { source } = await run(policyText(metric, 'vars: { job: api }'), {});
    expect(source.asked[0]!.query).toBe('rate(x{d="c", job="api"}[1m]) / 30m');
  });
});

describe('evaluate: data problems never pass silently', () => {
  it('makes a scope that matches nothing an error naming the resolved query', async () => {
    const { report, metric } = await run(policyText(latency), { 'lat{d="b"}': steps([1]) });
    expect(metric('latency').outcome).toBe('error');
    expect(metric('latency').reason).toBe('no data: canary query returned no series: lat{d="c"}');
    expect(report.verdict).toBe('fail');
    expect(report.reasons).toEqual(['errors fail closed: latency']);
  });

  it('applies on-no-data: inconclusive, pass and ignore as the policy says', async () => {
    const variants = { inconclusive: 'inconclusive', pass: 'pass', ignore: 'inconclusive' } as const;
    for (const [onNoData, outcome] of Object.entries(variants)) {
      const { report, metric } = await run(policyText(`${latency}\n    on-no-data: ${onNoData}`), {});
      expect(metric('latency').outcome).toBe(outcome);
      expect(metric('latency').reason).toContain(`on-no-data: ${onNoData}`);
      expect(metric('latency').counted).toBe(onNoData !== 'ignore');
      expect(report.verdict).toBe(onNoData === 'pass' ? 'pass' : 'inconclusive');
    }
  });

  it('reports a query failure as an error with its message', async () => {
    const { metric } = await run(policyText(latency), { 'lat{d="c"}': new Error('prometheus: HTTP 400: bad_data: parse error'), 'lat{d="b"}': steps([1]) });
    expect(metric('latency').outcome).toBe('error');
    expect(metric('latency').reason).toBe('canary query failed: prometheus: HTTP 400: bad_data: parse error');
    expect(metric('latency').canary.queries[0]!.error).toBe('prometheus: HTTP 400: bad_data: parse error');
  });

  it('counts NaN points and missing steps, and judges only finite samples', async () => {
    const canary = steps((i) => (i % 3 === 0 ? NaN : 2), 20);
    const { metric } = await run(policyText(latency), { 'lat{d="c"}': canary, 'lat{d="b"}': steps([2]) });
    const record = metric('latency').canary.queries[0]!;
    expect(record).toMatchObject({ series: 1, points: 20, nonFinite: 7, missing: 10 });
    expect(metric('latency').canary.samples).toBe(13);
    expect(metric('latency').outcome).toBe('pass');
  });

  it('treats all-NaN data as no data', async () => {
    const { metric } = await run(policyText(latency), { 'lat{d="c"}': steps([NaN]), 'lat{d="b"}': steps([1]) });
    expect(metric('latency').outcome).toBe('error');
    expect(metric('latency').reason).toMatch(/canary query returned 30 points, none a finite number/);
  });

  it('is inconclusive below min-samples', async () => {
    const { report, metric } = await run(policyText(`${latency}\n    min-samples: 20`), {
      'lat{d="c"}': steps([1], 5),
      'lat{d="b"}': steps([1]),
    });
    expect(metric('latency').outcome).toBe('inconclusive');
    expect(metric('latency').reason).toBe('canary has 5 samples, fewer than min-samples 20');
    expect(report.verdict).toBe('inconclusive');
  });
});

describe('evaluate: ratio metrics', () => {
  const ratio = `  - name: errors
    source: s
    kind: ratio
    errors: 'err{{{scope}}}'
    total: 'all{{{scope}}}'
    compare: { test: relative, tolerance: 50% }`;

  it('sums counts over the window instead of averaging per-step ratios', async () => {
    // One busy minute with 10% errors, 29 quiet minutes with none: the mean of per-step ratios
    // would be 10%/30 = 0.33%, the true ratio is 100/1029 = 9.7%.
    const { metric } = await run(policyText(ratio), {
      'err{d="c"}': steps((i) => (i === 0 ? 100 : 0)),
      'all{d="c"}': steps((i) => (i === 0 ? 1000 : 1)),
      'err{d="b"}': steps([1]),
      'all{d="b"}': steps([100]),
    });
    const m = metric('errors');
    expect(m.canary).toMatchObject({ errors: 100, total: 1029 });
    expect(m.canary.value).toBeCloseTo(100 / 1029, 12);
    expect(m.baseline!.value).toBeCloseTo(0.01, 12);
    expect(m.outcome).toBe('fail');
  });

  it('counts an absent errors series as zero errors, and says so', async () => {
    const { metric } = await run(policyText(ratio), { 'all{d="c"}': steps([10]), 'err{d="b"}': steps([0]), 'all{d="b"}': steps([10]) });
    expect(metric('errors').canary).toMatchObject({ errors: 0, total: 300, value: 0 });
    expect(metric('errors').canary.notes).toEqual(['errors query returned no series; counted as 0 errors against 300 total']);
    expect(metric('errors').outcome).toBe('pass');
  });

  it('counts steps, not points, for min-samples when the total has one series per pod', async () => {
    const perPod = (count: number): Series[] => [...steps([50], count), ...steps([50], count)];
    const { metric } = await run(policyText(ratio), {
      'err{d="c"}': steps([1], 2),
      'all{d="c"}': perPod(2),
      'err{d="b"}': steps([1], 2),
      'all{d="b"}': perPod(2),
    });
    // Two pods over two steps are four points but two samples: below the default min-samples of 3.
    expect(metric('errors').canary.samples).toBe(2);
    expect(metric('errors').outcome).toBe('inconclusive');
    expect(metric('errors').reason).toMatch(/canary has 2 samples, fewer than min-samples 3/);
  });

  it('calls a side with no traffic no data', async () => {
    const { metric } = await run(policyText(ratio), { 'err{d="c"}': steps([0]), 'all{d="c"}': steps([0]), 'err{d="b"}': steps([0]), 'all{d="b"}': steps([10]) });
    expect(metric('errors').outcome).toBe('error');
    expect(metric('errors').reason).toMatch(/canary had no traffic: total is 0 over the window/);
  });
});

describe('evaluate: thresholds and the relative judge', () => {
  it('fails a threshold and says by how much', async () => {
    const metric = `  - name: mem
    source: s
    query: 'mem{{{scope}}}'
    unit: bytes
    threshold: { max: 1000 }`;
    const { metric: m, report } = await run(policyText(metric), { 'mem{d="c"}': steps([1500]) });
    expect(m('mem').checks).toEqual([
      { type: 'threshold', outcome: 'fail', reason: 'canary 1500 bytes is above the maximum 1000 bytes', threshold: { min: undefined, max: 1000, value: 1500 } },
    ]);
    expect(m('mem').baseline).toBeUndefined();
    expect(report.verdict).toBe('fail');
  });

  it('judges a zero baseline only by the absolute floor', async () => {
    const withFloor = `  - name: z\n    source: s\n    query: 'z{{{scope}}}'\n    compare: { test: relative, tolerance: 10%, floor: 0.5 }`;
    const { metric } = await run(policyText(withFloor), { 'z{d="c"}': steps([0.4]), 'z{d="b"}': steps([0]) });
    expect(metric('z').checks[0]!.comparison).toMatchObject({ relative: null, allowed: 0.5, decidedBy: 'floor' });
    expect(metric('z').outcome).toBe('pass');

    const noFloor = `  - name: z\n    source: s\n    query: 'z{{{scope}}}'\n    compare: { test: relative, tolerance: 10% }`;
    const result = await run(policyText(noFloor), { 'z{d="c"}': steps([0.4]), 'z{d="b"}': steps([0]) });
    expect(result.metric('z').outcome).toBe('inconclusive');
    expect(result.metric('z').reason).toMatch(/the baseline is 0, so a relative tolerance cannot judge the change; set compare.floor/);
  });

  it('says which bound decided and respects the direction', async () => {
    const metric = (direction: string) =>
      `  - name: t\n    source: s\n    query: 't{{{scope}}}'\n    compare: { test: relative, direction: ${direction}, tolerance: 10%, floor: 5 }`;
    const data = { 't{d="c"}': steps([80]), 't{d="b"}': steps([100]) };
    const decrease = await run(policyText(metric('decrease')), data);
    expect(decrease.metric('t').checks[0]!.comparison).toMatchObject({ delta: -20, relative: -0.2, allowed: 10, decidedBy: 'tolerance' });
    expect(decrease.metric('t').outcome).toBe('fail');
    expect((await run(policyText(metric('increase')), data)).metric('t').outcome).toBe('pass');
    expect((await run(policyText(metric('either')), data)).metric('t').outcome).toBe('fail');
  });
});

describe('evaluate: scoring and verdict', () => {
  const metric = (name: string, extra = '') =>
    `  - name: ${name}\n    source: s\n    query: '${name}{{{scope}}}'\n    compare: { test: relative, tolerance: 10% }${extra}`;
  const good = (name: string) => ({ [`${name}{d="c"}`]: steps([1]), [`${name}{d="b"}`]: steps([1]) });
  const bad = (name: string) => ({ [`${name}{d="c"}`]: steps([2]), [`${name}{d="b"}`]: steps([1]) });

  it('weighs metrics into the score and warns between marginal and pass', async () => {
    const text = policyText([metric('a', '\n    weight: 3'), metric('b')].join('\n'), 'scoring: { pass: 90, marginal: 70 }');
    const { report } = await run(text, { ...good('a'), ...bad('b') });
    expect(report.score).toBe(75);
    expect(report.verdict).toBe('warn');
    expect(report.reasons[0]).toBe('score 75 is below pass 90 (marginal 70); failed: b');
  });

  it('fails on a critical metric whatever the score', async () => {
    const text = policyText([metric('a', '\n    weight: 100'), metric('b', '\n    critical: true')].join('\n'));
    const { report } = await run(text, { ...good('a'), ...bad('b') });
    expect(report.score).toBeCloseTo(99.0099, 3);
    expect(report.verdict).toBe('fail');
    expect(report.reasons).toEqual(['critical metric failed: b']);
  });

  it('shows dry-run metrics without counting them', async () => {
    const { report, metric: m } = await run(policyText([metric('a'), metric('b', "\n    'dry-run': true")].join('\n')), { ...good('a'), ...bad('b') });
    expect(m('b')).toMatchObject({ outcome: 'fail', dryRun: true, counted: false });
    expect(report).toMatchObject({ verdict: 'pass', score: 100, counts: { pass: 1, fail: 0, notCounted: 1 } });
  });

  it('uses group weights', async () => {
    const text = policyText(
      [metric('a', '\n    group: latency'), metric('b', '\n    group: latency'), metric('c', '\n    group: errors')].join('\n'),
      'scoring: { groups: { latency: 1, errors: 3 } }',
    );
    const { report } = await run(text, { ...good('a'), ...bad('b'), ...good('c') });
    expect(report.score).toBe((1 * 50 + 3 * 100) / 4);
  });

  it('keeps the verdict but does not enforce it in advisory mode', async () => {
    const { report } = await run(policyText(metric('a'), 'mode: advisory'), bad('a'));
    expect(report).toMatchObject({ verdict: 'fail', enforced: false });
  });

  it('is inconclusive when nothing was counted', async () => {
    const { report } = await run(policyText(metric('a', "\n    'dry-run': true")), good('a'));
    expect(report).toMatchObject({ verdict: 'inconclusive', score: null, reasons: ['no metric was counted (all dry-run or ignored)'] });
  });
});

describe('evaluate: a source with its own scope syntax', () => {
  it("replaces {{scope}} with the source's selectors for its metrics only", async () => {
    const text = `version: 1
service: svc
window: 30m
step: 1m
sources:
  s: { type: file, path: unused.json }
  t: { type: file, path: unused.json, scopes: { canary: 'version:canary', baseline: 'version:stable' } }
scopes: { canary: 'd="c"', baseline: 'd="b"' }
metrics:
  - { name: prom, source: s, query: 'lat{{{scope}}}', compare: { test: relative, tolerance: 10% } }
  - { name: dd, source: t, query: 'avg:lat{{{scope}}}', compare: { test: relative, tolerance: 10% } }
`;
    const source = new ScriptedSource({
      'lat{d="c"}': steps([1]),
      'lat{d="b"}': steps([1]),
      'avg:lat{version:canary}': steps([1]),
      'avg:lat{version:stable}': steps([1]),
    });
    const report = await evaluate({ policy: loadPolicy(text, 'policy.yml', { env: {} }), sources: { s: source, t: source }, end: END, now: END });
    expect(report.metrics.map((m) => m.outcome)).toEqual(['pass', 'pass']);
    expect(source.asked.map((q) => q.query).sort()).toEqual(['avg:lat{version:canary}', 'avg:lat{version:stable}', 'lat{d="b"}', 'lat{d="c"}']);
  });
});

describe('policy: source scopes', () => {
  const text = (sourceScopes: string, baseline = "'d=\"b\"'") => `version: 1
service: svc
window: 30m
sources:
  t: { type: file, path: unused.json, scopes: ${sourceScopes} }
scopes: { canary: 'd="c"', baseline: ${baseline} }
metrics:
  - { name: m, source: t, query: 'q{{{scope}}}', compare: { test: relative, tolerance: 10% } }
`;
  it('defaults the baseline to the canary selector for an offset baseline only', () => {
    const policy = loadPolicy(text("{ canary: 'version:canary' }", '{ offset: 1d }'), 'policy.yml', { env: {} });
    expect(policy.sourceScopes).toEqual({ t: { canary: 'version:canary', baseline: 'version:canary' } });
    expect(() => loadPolicy(text("{ canary: 'version:canary' }"), 'policy.yml', { env: {} })).toThrow(
      /policy\.yml:5:\d+: sources\.t\.scopes: give baseline too: the top-level baseline is concurrent/,
    );
    expect(() => loadPolicy(text("{ canary: 'v:1', baseline: 'v:1' }"), 'policy.yml', { env: {} })).toThrow(
      /sources\.t\.scopes\.baseline: the baseline selector is the canary selector/,
    );
  });
});
