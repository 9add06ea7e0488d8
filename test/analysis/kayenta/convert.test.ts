/** convert-kayenta: a Kayenta canary config (docs/canary-config.md format) → a judge: kayenta policy. */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertKayentaConfig, KayentaConfigError } from '../../../src/analysis/kayenta/convert.js';
import { evaluate } from '../../../src/analysis/evaluate.js';
import { runCli } from '../../../src/cli/main.js';
import { loadPolicy } from '../../../src/policy/load.js';
import type { MetricSpec } from '../../../src/policy/types.js';
import type { MetricSource, RangeQuery, Series } from '../../../src/sources/types.js';

const FIXTURE = 'test/fixtures/kayenta/canary-config.json';
const config = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
const ENV = { PROMETHEUS_URL: 'http://prometheus:9090' };
const queryOf = (m: MetricSpec | undefined) => (m && m.kind !== 'ratio' ? m.query : undefined);

function convert(cfg: unknown = config, options = { canaryScope: 'checkout-canary', baselineScope: 'checkout-baseline' }) {
  const result = convertKayentaConfig(cfg, { ...options, configFile: 'canary-config.json' });
  return { ...result, policy: () => loadPolicy(result.yaml, 'policy.yml', { env: ENV }) };
}

describe('convertKayentaConfig: the sample config', () => {
  const result = convert();
  const policy = result.policy();

  it('writes a valid judge: kayenta policy with the convertible metrics', () => {
    expect(policy.judge).toBe('kayenta');
    expect(policy.service).toBe('checkout golden signals');
    expect(policy.sources).toEqual({ prometheus: { type: 'prometheus', url: 'http://prometheus:9090' } });
    expect(policy.metrics.map((m) => m.name)).toEqual(['http-errors', 'latency-p99', 'cpu', 'heap-used']);
    expect(result.converted).toEqual(['http-errors', 'latency-p99', 'cpu', 'heap-used']);
    expect(result.skipped).toEqual(['requests-by-region', 'atlas-errors']);
  });

  it('turns the ${scope} label matcher into {{scope}} and the scopes into that matcher', () => {
    expect(policy.scopes!.canary.selector).toBe('app="checkout-canary"');
    expect(policy.scopes!.baseline.selector).toBe('app="checkout-baseline"');
    const errors = policy.metrics[0]!;
    expect(errors.kind !== 'ratio' && errors.query).toBe(
      'sum(rate(http_server_requests_seconds_count{{{scope}},status=~"5.."}[1m])) / sum(rate(http_server_requests_seconds_count{{{scope}}}[1m]))',
    );
  });

  it('wraps a filter template as Kayenta does: avg(metricName{filter}) by (groupByFields)', () => {
    const [, latency, cpu, heap] = policy.metrics;
    expect(queryOf(latency)).toContain('region="{{location}}"');
    expect(queryOf(cpu)).toBe('avg(process_cpu_usage{{{scope}},namespace="{{namespace}}"})');
    expect(queryOf(heap)).toBe('avg(jvm_memory_used_bytes{{{scope}},area="heap"}) by (pod)');
    expect(policy.vars).toEqual({ location: '', namespace: '' });
  });

  it('carries every analysisConfigurations.canary setting over', () => {
    const [errors, latency, cpu, heap] = policy.metrics;
    expect(errors!.critical).toBe(true);
    expect(errors!.kayenta).toMatchObject({
      direction: 'increase',
      nanStrategy: 'replace',
      effectSize: { measure: 'meanRatio', allowedIncrease: 1.1, allowedDecrease: 1, criticalIncrease: 5, criticalDecrease: 1 },
      groups: ['Errors'],
    });
    expect(latency!.kayenta).toMatchObject({ mustHaveData: true, outliers: { strategy: 'remove', factor: 3 }, effectSize: { allowedIncrease: 1.2 } });
    expect(cpu!.kayenta).toMatchObject({
      direction: 'either',
      effectSize: { measure: 'cles', allowedIncrease: 0.8, allowedDecrease: 0.2, criticalIncrease: 0.5 },
    });
    expect(heap!.kayenta).toMatchObject({ muted: true, groups: ['Saturation', 'Memory'] });
  });

  it('carries the group weights over, and says which it dropped', () => {
    expect(policy.scoring).toEqual({ pass: 95, marginal: 75, groups: { Errors: 40, Latency: 30, Saturation: 20 }, multipleTesting: 'none' });
    expect(result.yaml).toContain('# NOTE: not carried over: Traffic: 10 (no converted metric is in this group;');
  });

  it('comments on everything it could not carry over, in the policy and as warnings', () => {
    expect(result.yaml).toContain('# NOT CONVERTED: atlas errors: atlas query: canary-gate reads Prometheus-compatible sources');
    expect(result.yaml).toContain(`# NOT CONVERTED: requests by region: its scope matcher app=~"\${scope}-.*" differs from the other queries' app="\${scope}"`);
    expect(result.yaml).toContain('# NOTE: groupByFields pod: Kayenta judges each series separately; canary-gate pools them in time order');
    expect(result.yaml).toContain('# NOTE: not carried over: analysisConfigurations.canary.sequential: true');
    expect(result.yaml).toContain('# TODO: Kayenta takes the analysis window');
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        'heap-used: groupByFields pod: Kayenta judges each series separately; canary-gate pools them in time order',
        'atlas-errors: not converted: atlas query: canary-gate reads Prometheus-compatible sources (and files), not atlas',
      ]),
    );
    // The original Kayenta names stay as descriptions.
    expect(policy.metrics[0]!.description).toBe('http errors');
  });

  it('leaves placeholders and a warning when the scope names are not given', () => {
    const bare = convertKayentaConfig(config);
    const p = loadPolicy(bare.yaml, 'policy.yml', { env: ENV });
    expect(p.scopes!.canary.selector).toBe('app="CANARY-SCOPE"');
    expect(bare.warnings).toContain('scopes: set the canary and baseline scope names (--canary-scope, --baseline-scope, or edit the policy)');
    expect(bare.yaml).toContain("# TODO: the execution's scope names");
  });

  it('gives the same labels as a hand-written kayenta policy on the same data', async () => {
    const base = Array.from({ length: 30 }, (_, i) => 100 + 8 * Math.sin((i + 1) * 1.7) + ((i + 1) % 7));
    const source: MetricSource = {
      type: 'scripted',
      async query(request: RangeQuery): Promise<Series[]> {
        const canary = request.query.includes('checkout-canary');
        const latency = request.query.includes('histogram_quantile');
        const values = latency && canary ? base.map((v) => v * 1.3) : base;
        return [{ labels: {}, points: values.map((v, i) => ({ t: request.start + i * request.stepMs, v })) }];
      },
    };
    const end = Date.UTC(2026, 10, 20, 12);
    const report = await evaluate({ policy, sources: { prometheus: source }, end, now: end });
    expect(report.metrics.map((m) => [m.name, m.kayenta!.label])).toEqual([
      ['http-errors', 'Pass'],
      ['latency-p99', 'High'],
      ['cpu', 'Pass'],
      ['heap-used', 'Pass'],
    ]);
    // Errors 40 + Saturation 20 pass, Latency 30 fails; Memory (unweighted) has only the muted metric.
    expect(report.score).toBe(60);
  });
});

describe('convertKayentaConfig: queries', () => {
  const one = (query: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    convert({ name: 'x', metrics: [{ name: 'm', query: { type: 'prometheus', ...query }, groups: ['g'], ...extra }] });

  it('aws_ec2_instance: Kayenta’s asg_groupName and zone filters', () => {
    const r = one({ metricName: 'cpu', resourceType: 'aws_ec2_instance', labelBindings: ['job="api"'] });
    const p = r.policy();
    expect(queryOf(p.metrics[0])).toBe('avg(cpu{{{scope}},zone=~"{{location}}.{1}",job="api"})');
    expect(p.scopes!.canary.selector).toBe('asg_groupName="checkout-canary"');
  });

  it('no filter at all: the scope selector stands in for the execution’s resource type', () => {
    const r = one({ metricName: 'cpu' });
    expect(queryOf(r.policy().metrics[0])).toBe('avg(cpu{{{scope}}})');
    expect(r.warnings.join('\n')).toContain('the scope selector stands in');
  });

  it('a regex scope matcher keeps its prefix and suffix in the scopes', () => {
    const r = one({ customInlineTemplate: 'PromQL:up{pod=~"${scope}-[a-z0-9]+"}' });
    expect(r.policy().scopes!.baseline.selector).toBe('pod=~"checkout-baseline-[a-z0-9]+"');
  });

  it('a query without ${scope}, or with it outside a matcher, is not converted', () => {
    const none = convert({
      name: 'x',
      metrics: [
        { name: 'ok', query: { type: 'prometheus', customInlineTemplate: 'PromQL:up{app="${scope}"}' } },
        { name: 'same', query: { type: 'prometheus', customInlineTemplate: 'PromQL:up' } },
        { name: 'odd', query: { type: 'prometheus', customInlineTemplate: 'PromQL:label_replace(up, "x", "${scope}", "", "")' } },
      ],
    });
    expect(none.skipped).toEqual(['same', 'odd']);
    expect(none.policy().metrics.map((m) => m.name)).toEqual(['ok']);
    expect(none.warnings.join('\n')).toContain('no groups in Kayenta');
  });

  it('every ${name} becomes a {{name}} variable, so none reads the environment; a lone "${" stays', () => {
    const r = one({ customInlineTemplate: 'PromQL:up{app="${scope}", dc="${PROMETHEUS_URL}", x="${"}' });
    expect(queryOf(r.policy().metrics[0])).toBe('up{{{scope}}, dc="{{PROMETHEUS_URL}}", x="${"}');
    expect(r.policy().secrets).toEqual(['http://prometheus:9090']); // the source URL only
  });

  it('rejects what is not a canary config', () => {
    expect(() => convertKayentaConfig([])).toThrow(KayentaConfigError);
    expect(() => convertKayentaConfig({ name: 'x' })).toThrow('the canary config has no "metrics" list');
    expect(() => convertKayentaConfig({ metrics: [] })).toThrow('the canary config has no metrics');
    expect(() => convertKayentaConfig(config, { source: 'my source' })).toThrow('--source');
  });
});

describe('canary-gate convert-kayenta', () => {
  async function cli(argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli({ argv, env: ENV, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, now: () => 0 });
    return { code, stdout, stderr };
  }

  it('writes the policy to --output, which then validates', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cg-convert-'));
    const out = path.join(dir, 'policy.yml');
    const run = await cli(['convert-kayenta', '--config', FIXTURE, '--source', 'prom', '--canary-scope', 'a', '--baseline-scope', 'b', '--output', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`convert-kayenta: wrote ${out}: 4 metrics converted, 2 written commented out (requests-by-region, atlas-errors)`);
    const text = await readFile(out, 'utf8');
    expect(text).toContain("prom: { type: prometheus, url: '${PROMETHEUS_URL}' }");
    const validate = await cli(['validate', '--policy', out]);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain('ok — service checkout golden signals, 4 metrics, 1 source');
  });

  it('prints to stdout without --output', async () => {
    const run = await cli(['convert-kayenta', '-c', FIXTURE]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('judge: kayenta');
    expect(run.stderr).toContain('convert-kayenta: 4 metrics converted');
  });

  it('a missing or malformed config is a usage error (exit 3)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cg-convert-'));
    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, '{ "metrics": [ ');
    expect(await cli(['convert-kayenta', '--config', bad])).toMatchObject({ code: 3, stderr: expect.stringContaining('is not JSON') });
    expect(await cli(['convert-kayenta', '--config', path.join(dir, 'none.json')])).toMatchObject({
      code: 3,
      stderr: expect.stringContaining('no such file'),
    });
    await writeFile(bad, '{"name": "x"}');
    expect(await cli(['convert-kayenta', '--config', bad])).toMatchObject({ code: 3, stderr: expect.stringContaining('no "metrics" list') });
  });
});
