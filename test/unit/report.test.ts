import { describe, expect, it } from 'vitest';
import { runGate } from '../../src/core/run.js';
import { renderJson } from '../../src/report/json.js';
import { cell, renderMarkdown, truncate } from '../../src/report/markdown.js';
import type { Report } from '../../src/report/model.js';
import { renderTerminal } from '../../src/report/terminal.js';

async function demoReport(): Promise<Report> {
  const { report } = await runGate({ policyFile: 'examples/demo/policy.yml', env: {}, end: Date.UTC(2026, 10, 20, 12), now: Date.UTC(2026, 10, 20, 12, 1) });
  return report;
}

describe('markdown', () => {
  it('escapes pipes, newlines, HTML and markdown emphasis in table cells', () => {
    expect(cell('a|b\nc <script>&')).toBe('a\\|b c &lt;script&gt;&amp;');
    expect(cell('rate(x[1m]) * 2 _y_ `z`')).toBe('rate(x\\[1m\\]) \\* 2 \\_y\\_ \\`z\\`');
  });

  it('keeps reasons containing query text inside their cell', async () => {
    const report = await demoReport();
    report.metrics[1]!.reason = 'query x{code=~"5..|4.."} failed';
    const row = renderMarkdown(report).split('\n').find((l) => l.includes('**latency-p99**'))!;
    expect(row).toContain('x{code=\\~"5..\\|4.."} failed');
    expect(row.split(/(?<!\\)\|/).length).toBe(9);
  });

  it('lists every resolved query with its data counts', async () => {
    const md = renderMarkdown(await demoReport());
    expect(md).toContain('- canary query: `http_request_duration_p99_seconds{deployment="checkout-canary"}` — 1 series, 30 points, 0 NaN/Inf, 0 missing steps');
    expect(md).toContain('- baseline errors: `http_requests{code=~"5..",deployment="checkout-stable"}`');
    expect(md).toContain('Canary: `deployment="checkout-canary" over 2026-11-20T11:30:00.000Z → 2026-11-20T12:00:00.000Z`');
  });

  it('truncates to the limit with a pointer to the full report', async () => {
    const md = renderMarkdown(await demoReport(), 500);
    expect(md.length).toBeLessThanOrEqual(500);
    expect(md).toMatch(/truncated: the full report is in the JSON report file/);
    expect(truncate('short', 500)).toBe('short');
  });
});

describe('terminal and JSON', () => {
  it('prints reasons only for metrics that did not pass', async () => {
    const text = renderTerminal(await demoReport(), { color: false });
    expect(text.match(/why:/g)).toHaveLength(1);
    expect(text).toContain('baseline: deployment="checkout-stable" over 2026-11-20T11:30:00.000Z → 2026-11-20T12:00:00.000Z');
  });

  it('writes non-finite numbers as null so the JSON stays valid', async () => {
    const report = await demoReport();
    report.metrics[0]!.canary.value = NaN;
    const parsed = JSON.parse(renderJson(report)) as Report;
    expect(parsed.metrics[0]!.canary.value).toBeNull();
  });
});
