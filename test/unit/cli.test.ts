import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { Report } from '../../src/report/model.js';

const DEMO = 'examples/demo/policy.yml';
const DEMO_END = '2026-11-20T12:00:00Z';

async function cli(argv: string[], env: Record<string, string> = {}, isTTY = false) {
  let stdout = '';
  let stderr = '';
  const code = await runCli({
    argv,
    env,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    isTTY,
    now: () => Date.UTC(2026, 10, 20, 12, 5),
  });
  return { code, stdout, stderr };
}

describe('canary-gate evaluate', () => {
  it('fails the demo on latency and explains why in the table', async () => {
    const { code, stdout, stderr } = await cli(['evaluate', '--policy', DEMO, '--end', DEMO_END]);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toContain('canary-gate: FAIL — checkout, score 50');
    expect(stdout).toMatch(/fail\s+latency-p99\s+0\.4153 s\s+0\.3042 s/);
    expect(stdout).toContain(
      'why: Mann-Whitney / Hodges-Lehmann (log scale): change +37.8% (95% CI +33.4% to +43.7%; n 30/30, effective 26.2/17.9, p < 0.0001): wholly beyond the +20% tolerance (lower bound decided)',
    );
    expect(stdout).not.toContain('\x1b[');
  });

  it('colors the table on a terminal unless --no-color or NO_COLOR', async () => {
    expect((await cli(['evaluate', '-p', DEMO, '-e', DEMO_END], {}, true)).stdout).toContain('\x1b[31m');
    expect((await cli(['evaluate', '-p', DEMO, '-e', DEMO_END, '--no-color'], {}, true)).stdout).not.toContain('\x1b[');
    expect((await cli(['evaluate', '-p', DEMO, '-e', DEMO_END], { NO_COLOR: '1' }, true)).stdout).not.toContain('\x1b[');
  });

  it('prints JSON and writes the JSON report file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cg-cli-'));
    const out = path.join(dir, 'report.json');
    const { code, stdout } = await cli(['evaluate', '-p', DEMO, '-e', DEMO_END, '--format', 'json', '--output', out]);
    expect(code).toBe(1);
    const printed = JSON.parse(stdout) as Report;
    expect(JSON.parse(await readFile(out, 'utf8'))).toEqual(printed);
    expect(printed.verdict).toBe('fail');
    expect(printed.metrics.map((m) => [m.name, m.outcome])).toEqual([
      ['error-ratio', 'pass'],
      ['latency-p99', 'fail'],
      ['cpu', 'pass'],
    ]);
    expect(printed.metrics[0]!.canary.queries.map((q) => q.query)).toEqual([
      'http_requests{code=~"5..",deployment="checkout-canary"}',
      'http_requests{deployment="checkout-canary"}',
    ]);
  });

  it('prints the markdown summary', async () => {
    const { stdout } = await cli(['evaluate', '-p', DEMO, '-e', DEMO_END, '-f', 'markdown']);
    expect(stdout).toMatch(/^## ❌ canary-gate: FAIL — checkout, score 50/);
    expect(stdout).toContain('| ❌ fail | **latency-p99** | 0.4153 s | 0.3042 s | +0.1112 s (+36.6%) | +20% \\[tolerance\\] |');
    expect(stdout).toContain('<details><summary>Resolved queries and data</summary>');
  });

  it('exits 0 in advisory mode and honours custom exit codes', async () => {
    expect((await cli(['evaluate', '-p', DEMO, '-e', DEMO_END, '--mode', 'advisory'])).code).toBe(0);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cg-cli-'));
    const policy = (await readFile(DEMO, 'utf8')).replace('min-samples: 20', 'min-samples: 40');
    const copy = path.join(dir, 'policy.yml');
    await writeFile(copy, policy.replace('path: metrics.json', `path: ${path.resolve('examples/demo/metrics.json')}`));
    const inconclusive = await cli(['evaluate', '-p', copy, '-e', DEMO_END]);
    expect(inconclusive.code).toBe(2);
    expect(inconclusive.stdout).toContain('INCONCLUSIVE');
    expect((await cli(['evaluate', '-p', copy, '-e', DEMO_END, '--inconclusive-exit-code', '0'])).code).toBe(0);
  });
});

describe('usage and policy errors exit 3 without a stack trace', () => {
  it.each([
    [['evaluate'], /required option '-p, --policy <file>' not specified/],
    [['evaluate', '-p', DEMO, '--end', 'yesterday'], /--end: expected "now", an ISO 8601 time or epoch seconds, got "yesterday"/],
    [['evaluate', '-p', DEMO, '--var', 'novalue'], /expected name=value, got "novalue"/],
    [['evaluate', '-p', DEMO, '--format', 'xml'], /argument 'xml' is invalid/],
    [['evaluate', '-p', DEMO, '--warn-exit-code', '300'], /exit codes are 0–255/],
    [['evaluate', '-p', 'missing.yml'], /^missing\.yml:1:1: cannot read the policy: no such file/],
    [['bogus'], /unknown command 'bogus'/],
  ])('%j', async (argv, message) => {
    const { code, stderr } = await cli(argv);
    expect(code).toBe(3);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe('canary-gate validate and schema', () => {
  it('validates the demo policy', async () => {
    const { code, stdout } = await cli(['validate', '--policy', DEMO]);
    expect(code).toBe(0);
    expect(stdout).toBe('examples/demo/policy.yml: ok — service checkout, 3 metrics, 1 source\n');
  });

  it('checks a policy without its environment when asked, listing what it could not check', async () => {
    const strict = await cli(['validate', '--policy', 'examples/prometheus/policy.yml']);
    expect(strict.code).toBe(3);
    expect(strict.stderr).toContain('examples/prometheus/policy.yml:12:10: sources.prom.url: environment variable ${PROMETHEUS_URL} is not set');
    const lenient = await cli(['validate', '--policy', 'examples/prometheus/policy.yml', '--allow-unset-env']);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toBe('examples/prometheus/policy.yml:12:10: sources.prom.url: environment variable ${PROMETHEUS_URL} is not set (not checked)\n');
    expect(lenient.stdout).toContain('ok — service checkout, 4 metrics, 1 source');
  });

  it('prints the JSON schema', async () => {
    const { code, stdout } = await cli(['schema']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ title: 'canary-gate policy', type: 'object' });
  });

  it('prints help with exit 0', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: canary-gate');
  });
});
