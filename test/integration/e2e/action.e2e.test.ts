/**
 * End to end: the built action (dist/index.js) run the way the GitHub runner runs it — inputs as
 * INPUT_<NAME> (with action.yml's defaults), GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, RUNNER_TEMP
 * — against the real Prometheus serving the fixture.
 */
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { BASELINE, CANARY, FIXTURE_END } from '../prometheus/fixture-data.js';
import {
  actionYmlInputs,
  EXPECTED_INPUT_DEFAULTS,
  metricLine,
  once,
  policy,
  requireBuilt,
  runAction,
  STACK_LINE,
  tempDir,
  type ActionRun,
} from './helpers.js';

const url = inject('prometheusUrl');
const env = { PROMETHEUS_URL: url };

const act = (name: string, inputs: Record<string, string> = {}, extraEnv: Record<string, string> = env) =>
  once(() => runAction({ policy: policy(name), end: FIXTURE_END, ...inputs }, extraEnv));

const reportDir = once(() => tempDir('canary-gate-report-'));
const runs = {
  checkout: once(async () =>
    runAction({ policy: policy('checkout'), end: FIXTURE_END, 'report-path': path.join(await reportDir(), 'nested', 'gate.json') }, env),
  ),
  advisory: act('checkout-advisory'),
  advisoryInput: act('checkout', { mode: 'advisory' }),
  pass: act('checkout-pass'),
  inconclusive: act('canary-typo-inconclusive'),
  inconclusiveFailOnFail: act('canary-typo-inconclusive', { 'fail-on': 'fail' }),
  vars: act('checkout-vars', { vars: '# the service label\nservice=checkout\n' }),
  invalid: act('invalid'),
  missingEnv: act('checkout', {}, {}),
};

beforeAll(() => {
  requireBuilt();
  void Promise.allSettled(Object.values(runs).map((run) => run()));
});

const errors = (run: ActionRun) => run.commands.filter((c) => c.command === 'error');
const warnings = (run: ActionRun) => run.commands.filter((c) => c.command === 'warning');

function noStackTrace(run: ActionRun) {
  expect(run.stdout).not.toMatch(STACK_LINE);
  expect(run.stderr).not.toMatch(STACK_LINE);
}

describe.concurrent('the action (dist/index.js) against the real Prometheus', () => {
  describe.concurrent('checkout, enforce mode: fails the step', () => {
    it('exits 1 and sets verdict, score and report-path outputs', async () => {
      const run = await runs.checkout();
      expect(run.code).toBe(1);
      noStackTrace(run);
      // @actions/core writes multi-line-safe `name<<ghadelimiter_…` blocks.
      expect(run.outputFileText).toMatch(/^verdict<<ghadelimiter_[\w-]+\nfail\nghadelimiter_[\w-]+\n/);
      expect(run.outputs).toMatchObject({ verdict: 'fail', score: '50', 'report-path': path.join(await reportDir(), 'nested', 'gate.json') });
      // Outside a workflow event there is nothing to comment on or check: those outputs are empty.
      expect(run.outputs['comment-url']).toBe('');
      expect(run.outputs['check-run-id']).toBe('');
      expect(run.outputs['summary-markdown']).toMatch(/^## ❌ canary-gate: FAIL — checkout, score 50\n/);
      const report = JSON.parse(run.reportText!) as { verdict: string; score: number; metrics: { name: string; outcome: string }[] };
      expect(report.verdict).toBe('fail');
      expect(report.score).toBe(50);
      expect(report.metrics.map((m) => m.outcome)).toEqual(['fail', 'pass', 'fail', 'pass']);
    });

    it('annotates each failing metric at its line of the policy file', async () => {
      const run = await runs.checkout();
      const file = policy('checkout');
      const annotations = errors(run).filter((c) => c.properties.file);
      expect(annotations.map((c) => [c.properties.title, c.properties.file, Number(c.properties.line)])).toEqual([
        ['canary-gate: error-ratio', file, metricLine(file, 'error-ratio')],
        ['canary-gate: memory', file, metricLine(file, 'memory')],
      ]);
      expect(annotations[0]!.message).toMatch(
        /^error-ratio: fail: canary 3\.03% is above the maximum 1%; Poisson rate ratio \(exact, conditional binomial\): change \+503% \(95% CI \+4\d\d% to \+5\d\d%; n 36081\/179606, p < 0\.0001\): wholly beyond the \+20% tolerance \(lower bound decided\)$/,
      );
      expect(annotations[1]!.message).toMatch(/^memory: fail: Mann-Whitney \/ Hodges-Lehmann: change \+(29|30)\.\d% .*wholly beyond the \+10% tolerance/);
      // And the step failure itself (core.setFailed), with the verdict's reason.
      const failed = errors(run).filter((c) => !c.properties.file);
      expect(failed.map((c) => c.message)).toEqual(['canary-gate: fail: critical metric failed: error-ratio']);
      expect(warnings(run)).toEqual([]);
    });

    it('logs the table', async () => {
      const run = await runs.checkout();
      expect(run.stdout).toMatch(/^canary-gate: FAIL — checkout, score 50$/m);
      expect(run.stdout).toMatch(/^fail\s+memory\s+260M bytes/m);
    });

    it('writes a job summary with the table, values, reasons and resolved queries', async () => {
      const { summary } = await runs.checkout();
      expect(summary).toMatch(/^## ❌ canary-gate: FAIL — checkout, score 50$/m);
      expect(summary).toContain('> critical metric failed: error-ratio');
      const row = (name: string) => summary.split('\n').find((l) => l.includes(`**${name}**`) && l.startsWith('|')) ?? '';
      const cells = (name: string) => row(name).split(' | ').map((c) => c.trim());
      expect(cells('error-ratio').slice(0, 4)).toEqual(['| ❌ fail', '**error-ratio** _(critical)_', '3.03% (1093/36081)', '0.502% (902/179606)']);
      expect(row('error-ratio')).toMatch(/canary 3\.03% is above the maximum 1%; Poisson rate ratio .*wholly beyond the \+20% tolerance .* \|$/);
      expect(cells('memory').slice(0, 3)).toEqual(['| ❌ fail', '**memory**', '260M bytes']);
      expect(row('memory')).toMatch(/wholly beyond the \+10% tolerance.* \|$/);
      expect(cells('latency-p99')[0]).toBe('| ✅ pass');
      expect(summary).toContain(`Canary: \`deployment="${CANARY}" over 2026-11-20T11:30:00.000Z → 2026-11-20T12:00:00.000Z\``);
      expect(summary).toContain(`Baseline: \`deployment="${BASELINE}" over`);

      const open = summary.indexOf('<details>');
      const close = summary.indexOf('</details>');
      expect(open).toBeGreaterThan(summary.indexOf('**orders-rate**'));
      expect(close).toBeGreaterThan(open);
      const details = summary.slice(open, close);
      for (const q of [
        `sum(increase(http_requests_total{code=~"5..",deployment="${CANARY}"}[1m]))`,
        `sum(increase(http_requests_total{deployment="${BASELINE}"}[1m]))`,
        `histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{deployment="${CANARY}"}[1m])))`,
        `sum(process_resident_memory_bytes{deployment="${CANARY}"})`,
        `sum(rate(checkout_orders_total{deployment="${BASELINE}"}[1m]))`,
      ]) {
        expect(details).toContain(`\`${q}\``);
      }
    });
  });

  it('advisory mode (policy key or mode input): verdict fail, step passes with a warning', async () => {
    for (const run of [await runs.advisory(), await runs.advisoryInput()]) {
      expect(run.code).toBe(0);
      noStackTrace(run);
      expect(run.outputs.verdict).toBe('fail');
      expect(run.summary).toMatch(/^## ❌ canary-gate: FAIL — checkout, score 50 \(advisory: does not fail the run\)$/m);
      expect(warnings(run).map((c) => c.message)).toContain('canary-gate (advisory): would have failed: critical metric failed: error-ratio');
      // No step failure (core.setFailed prints an ::error without a file).
      expect(errors(run).filter((c) => !c.properties.file)).toEqual([]);
    }
  });

  it('passes: exit 0, outputs pass/100, report in RUNNER_TEMP by default, no annotations', async () => {
    const run = await runs.pass();
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ verdict: 'pass', score: '100', 'report-path': path.join(run.runnerTemp, 'canary-gate-report.json') });
    expect(JSON.parse(run.reportText!)).toMatchObject({ verdict: 'pass', score: 100 });
    expect(run.commands.filter((c) => c.command === 'error' || c.command === 'warning')).toEqual([]);
    expect(run.summary).toMatch(/^## ✅ canary-gate: PASS — checkout, score 100$/m);
  });

  it('inconclusive fails the step by default (fail-on: inconclusive), not with fail-on: fail', async () => {
    const strict = await runs.inconclusive();
    expect(strict.code).toBe(1);
    expect(strict.outputs.verdict).toBe('inconclusive');
    expect(strict.outputs.score).toBe('');
    expect(errors(strict).map((c) => c.message)).toContain('canary-gate: inconclusive: not enough evidence for: error-ratio, orders-rate');
    // Inconclusive metrics are warnings at their line, not errors.
    expect(warnings(strict).map((c) => [c.properties.file, Number(c.properties.line)])).toEqual([
      [policy('canary-typo-inconclusive'), metricLine(policy('canary-typo-inconclusive'), 'error-ratio')],
      [policy('canary-typo-inconclusive'), metricLine(policy('canary-typo-inconclusive'), 'orders-rate')],
    ]);

    const lenient = await runs.inconclusiveFailOnFail();
    expect(lenient.code).toBe(0);
    expect(lenient.outputs.verdict).toBe('inconclusive');
  });

  it('reads query variables from the multi-line vars input', async () => {
    const run = await runs.vars();
    expect(run.code).toBe(0);
    expect(run.outputs.verdict).toBe('pass');
    expect(run.summary).toContain(`\`sum(rate(checkout_orders_total{service="checkout",deployment="${CANARY}"}[1m]))\``);
  });

  describe.concurrent('policy errors: annotations at file and line, exit 1, no stack trace', () => {
    it('a malformed value', async () => {
      const run = await runs.invalid();
      expect(run.code).toBe(1);
      noStackTrace(run);
      const [annotation, failure, ...rest] = errors(run);
      expect(rest).toEqual([]);
      expect(annotation!.properties).toEqual({ title: 'canary-gate policy', file: policy('invalid'), line: '15', col: '48' });
      expect(annotation!.message).toMatch(/^metrics\[0\]\.compare\.tolerance: expected a number or a percentage such as 10%/);
      expect(failure!.properties).toEqual({});
      expect(failure!.message).toContain('canary-gate: the policy has 1 problem:');
      // Nothing was evaluated: no verdict output.
      expect(run.outputs.verdict).toBeUndefined();
    });

    it('an unset environment variable', async () => {
      const run = await runs.missingEnv();
      expect(run.code).toBe(1);
      noStackTrace(run);
      const annotation = errors(run).find((c) => c.properties.file);
      expect(annotation!.properties).toMatchObject({ file: policy('checkout'), line: '9' });
      expect(annotation!.message).toBe('sources.prom.url: environment variable ${PROMETHEUS_URL} is not set');
    });

    it('a policy file that does not exist', async () => {
      const run = await runAction({ policy: policy('no-such-policy'), end: FIXTURE_END }, env);
      expect(run.code).toBe(1);
      noStackTrace(run);
      expect(errors(run)[0]!.properties).toMatchObject({ file: policy('no-such-policy'), line: '1' });
      expect(errors(run)[0]!.message).toBe('cannot read the policy: no such file');
    });

    it('a bad input', async () => {
      const run = await runAction({ policy: policy('checkout-pass'), end: FIXTURE_END, 'fail-on': 'sometimes' }, env);
      expect(run.code).toBe(1);
      noStackTrace(run);
      expect(errors(run).map((c) => c.message)).toEqual(['canary-gate: input fail-on: expected fail, inconclusive or warn, got "sometimes"']);
    });
  });

  it('action.yml is valid YAML and declares the inputs the action reads, with their defaults', () => {
    expect(actionYmlInputs()).toEqual(EXPECTED_INPUT_DEFAULTS);
  });
});
