import { describe, expect, it } from 'vitest';
import { runGate } from '../../../src/core/run.js';
import { mermaidChart } from '../../../src/report/chart.js';
import { annotationBatches, checkConclusion, checkRunContent } from '../../../src/report/check-run.js';
import { commentDigest, commentMarker, COMMENT_LIMIT, parseCommentMarker, renderComment, renderPolicyErrorComment } from '../../../src/report/comment.js';
import { renderMarkdown, truncate } from '../../../src/report/markdown.js';
import type { MetricReport, Report } from '../../../src/report/model.js';
import { downsample, sparklines } from '../../../src/report/sparkline.js';

async function demoReport(): Promise<Report> {
  const { report } = await runGate({ policyFile: 'examples/demo/policy.yml', env: {}, end: Date.UTC(2026, 10, 20, 12), now: Date.UTC(2026, 10, 20, 12, 1) });
  return report;
}

/** The demo report with `n` copies of its failing metric, to push the comment past its limit. */
async function bigReport(n: number): Promise<Report> {
  const report = await demoReport();
  const failing = report.metrics.find((m) => m.outcome === 'fail')!;
  report.metrics = [
    ...report.metrics,
    ...Array.from({ length: n }, (_, i): MetricReport => ({ ...failing, name: `route-${i}` })),
  ];
  return report;
}

describe('the sticky marker', () => {
  it('round-trips the key and digest, and matches only its own key at the start of the body', () => {
    const marker = commentMarker('.github/canary-gate.yml', 'abc123');
    expect(marker).toBe('<!-- canary-gate:sticky key=.github%2Fcanary%2Dgate.yml digest=abc123 -->');
    expect(parseCommentMarker(`${marker}\nbody`, '.github/canary-gate.yml')).toEqual({ digest: 'abc123' });
    expect(parseCommentMarker(`${marker}\nbody`, '.github/canary-gate')).toBeUndefined();
    expect(parseCommentMarker(`quoted\n${marker}`, '.github/canary-gate.yml')).toBeUndefined();
    // A key cannot close the HTML comment early.
    expect(commentMarker('a-->b')).not.toMatch(/-->.*-->/);
  });

  it('digests what a reviewer notices, not the clock', async () => {
    const a = await demoReport();
    const b = structuredClone(a);
    b.evaluatedAt = '2030-01-01T00:00:00.000Z';
    expect(commentDigest(b)).toBe(commentDigest(a));
    b.metrics[0]!.outcome = 'fail';
    expect(commentDigest(b)).not.toBe(commentDigest(a));
  });
});

describe('renderComment', () => {
  it('escapes metric names, reasons, labels and notices', async () => {
    const report = await demoReport();
    report.metrics[1]!.name = 'lat<script>|x_*';
    report.metrics[1]!.reason = 'query x{code=~"5..|4.."} <b>failed</b>';
    report.metrics[1]!.checks = [];
    report.notices = [{ level: 'warning', title: 'Changed <policy>', message: 'see [link](http://evil) | x' }];
    const body = renderComment(report, { key: 'k' });
    expect(body).not.toContain('<script>');
    expect(body).not.toContain('<b>failed</b>');
    expect(body).toContain('**lat&lt;script&gt;\\|x\\_\\***');
    expect(body).toContain('query x{code=\\~"5..\\|4.."} &lt;b&gt;failed&lt;/b&gt;');
    expect(body).toContain('> **Changed &lt;policy&gt;** see \\[link\\](http://evil) \\| x');
    // The table keeps its 8 cells per row.
    const row = body.split('\n').find((l) => l.includes('**lat'))!;
    expect(row.split(/(?<!\\)\|/).length).toBe(9);
    // Mermaid titles are sanitised, never able to close the quote.
    expect(body).toMatch(/title "lat_script__x__ \(s\)"/);
  });

  it('trims within the limit, least useful parts first, and points to the job summary', async () => {
    const report = await bigReport(200);
    const body = renderComment(report, { key: 'k', summaryUrl: 'https://github.com/o/r/actions/runs/1' });
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body).toMatch(/^<!-- canary-gate:sticky key=k digest=/);
    expect(body).toContain('## ❌ canary-gate: FAIL');
    expect(body).toContain("left out to stay within GitHub's 65,536-character comment limit: everything is in [the job summary](https://github.com/o/r/actions/runs/1)");
    // Every failing metric still has its row.
    for (let i = 0; i < 200; i++) expect(body).toContain(`**route-${i}**`);
    // Passing details went first.
    expect(body).not.toContain('<b>cpu</b>');
    // A small limit still yields a well-formed comment with the verdict.
    const tiny = renderComment(report, { key: 'k', limit: 3000 });
    expect(tiny.length).toBeLessThanOrEqual(3000);
    expect(tiny).toContain('## ❌ canary-gate: FAIL');
    expect(tiny).toMatch(/_…\d+ more rows_/);
  });

  it('keeps everything when it fits', async () => {
    const body = renderComment(await demoReport(), { key: 'k' });
    expect(body).not.toContain('left out');
    expect(body.match(/<details/g)).toHaveLength(3);
    expect(body.match(/```mermaid/g)).toHaveLength(1);
  });
});

describe('charts and sparklines', () => {
  it('sparklines share one scale, show gaps, and draw a flat line mid-height', () => {
    expect(sparklines([[1, 2], [3, 4]])).toEqual(['▁▃', '▆█']);
    expect(sparklines([[1, null, 1]])).toEqual(['▄·▄']);
    expect(sparklines([[null]])).toEqual(['·']);
    expect(downsample([1, 3, null, null, 5, 7], 3)).toEqual([2, null, 6]);
  });

  it('the chart draws both sides on one axis, ratios in percent, leaving out buckets without data', async () => {
    const report = await demoReport();
    const ratio = report.metrics.find((m) => m.kind === 'ratio')!;
    ratio.canary.trend = { bucket: '1m', values: [0.01, null, 0.02] };
    ratio.baseline!.trend = { bucket: '1m', values: [0.01, 0.01, 0.01] };
    const chart = mermaidChart(ratio)!;
    expect(chart).toContain('x-axis "bucket of 1m" [1, 3]');
    expect(chart).toContain('line [1, 2]');
    expect(chart).toContain('line [1, 1]');
    expect(chart).toContain('y-axis "%" 0.9 --> 2.1');
    expect(chart).toContain('1 bucket without data on a side left out');
    ratio.canary.trend = { bucket: '1m', values: [null, null, 1] };
    expect(mermaidChart(ratio)).toBeUndefined();
  });
});

describe('the check run', () => {
  it('neutral for advisory runs and for verdicts the step lets through; failure when the step fails', async () => {
    const report = await demoReport();
    expect(checkConclusion(report, true)).toBe('failure');
    expect(checkConclusion({ ...report, verdict: 'inconclusive' }, false)).toBe('neutral');
    expect(checkConclusion({ ...report, verdict: 'inconclusive' }, true)).toBe('failure');
    expect(checkConclusion({ ...report, verdict: 'pass' }, false)).toBe('success');
    expect(checkConclusion({ ...report, enforced: false }, false)).toBe('neutral');
  });

  it('annotates failing metrics at their policy line, and splits annotations 50 per request', async () => {
    const report = await demoReport();
    const content = checkRunContent(report, { policyPath: 'examples/demo/policy.yml', stepFails: true, key: 'k' });
    expect(content.name).toBe('canary-gate / checkout');
    expect(content.summary.startsWith('## ❌')).toBe(true);
    expect(content.annotations).toEqual([expect.objectContaining({ path: 'examples/demo/policy.yml', start_line: 25, annotation_level: 'failure' })]);
    expect(annotationBatches(Array.from({ length: 120 }, (_, i) => i)).map((b) => b.length)).toEqual([50, 50, 20]);
    expect(annotationBatches([])).toEqual([]);
  });
});

describe('the job summary', () => {
  it('adds the trends after the queries, and is cut in UTF-8 bytes, never inside a character', async () => {
    const md = renderMarkdown(await demoReport());
    expect(md.indexOf('Trends over the window')).toBeGreaterThan(md.indexOf('Resolved queries and data'));
    expect(md).toContain('```mermaid');
    const emoji = '❌'.repeat(100);
    const cut = truncate(emoji, 120);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(120);
    expect(cut).not.toContain('\uFFFD');
    expect(cut).toMatch(/^❌+\n\n_…truncated/);
  });
});

describe('the comment for a policy that does not load', () => {
  it('lists every problem in a fence no backtick in a message can close', () => {
    const { body, digest } = renderPolicyErrorComment(['p.yml:1:1: window: bad', 'p.yml:2:3: query: has ``` inside'], { key: 'k', summaryUrl: 'https://example.test/run' });
    expect(body.split('\n')[0]).toBe(`<!-- canary-gate:sticky key=k digest=${digest} -->`);
    expect(body).toContain('## ⚠️ canary-gate: the policy has 2 problems');
    expect(body).toContain('\n````\np.yml:1:1: window: bad\np.yml:2:3: query: has ``` inside\n````\n');
    expect(body).toContain('[Workflow run](https://example.test/run)');
  });

  it('stays within the limit and says how many problems were left out', () => {
    const problems = Array.from({ length: 500 }, (_, i) => `p.yml:${i + 1}:1: metrics[${i}].name: ${'x'.repeat(100)}`);
    const { body } = renderPolicyErrorComment(problems, { key: 'k', limit: 5000 });
    expect(body.length).toBeLessThanOrEqual(5000);
    expect(body).toMatch(/… and \d+ more \(see the workflow log\)/);
  });
});
