/**
 * End to end: the built CLI and action on a policy whose service is burning its error budget
 * (the SLO Prometheus, slo-fixture.ts) — blocked without an override; let through as a warning,
 * with who, when and why recorded, by --override-reason, the override-reason input, or the
 * policy's PR label (from the labeled event, or looked up in the pull request's label events).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer } from '../../helpers/http-server.js';
import { requireBuilt, runAction, runCli, STACK_LINE, tempDir } from '../e2e/helpers.js';
import type { RunningPrometheus } from '../prometheus/prometheus-server.js';
import { SLO_END, startSloPrometheus } from './slo-fixture.js';

const POLICY = 'test/integration/slo/policies/gate.yml';
let prometheus: RunningPrometheus;
let env: Record<string, string>;

beforeAll(async () => {
  requireBuilt();
  prometheus = await startSloPrometheus();
  env = { PROMETHEUS_URL: inject('prometheusUrl'), SLO_PROMETHEUS_URL: prometheus.url };
});

afterAll(async () => {
  await prometheus?.stop();
});

interface BudgetJson {
  verdict: string;
  reasons: string[];
  budget: { outcome: string; originalOutcome: string; override?: Record<string, unknown>; slos: { name: string; remaining: number; tiers: { tripped: boolean }[] }[] };
}

async function eventFile(payload: unknown): Promise<string> {
  const file = path.join(await tempDir('canary-gate-event-'), 'event.json');
  await writeFile(file, JSON.stringify(payload));
  return file;
}

const pullRequest = (labels: string[]) => ({
  number: 42,
  title: 'Hotfix the payment retries',
  updated_at: '2026-11-20T11:58:00Z',
  labels: labels.map((name) => ({ name })),
});

describe.concurrent('the CLI with an error budget', () => {
  it('blocks the deploy and explains it with the figures (exit 1)', async () => {
    const run = await runCli(['evaluate', '--policy', POLICY, '--end', SLO_END], env, { output: true });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^canary-gate: FAIL — payments, score 100\n {2}budget: SLO payments block: burn-rate tier 1h\/5m tripped: burn 20× over 1h and 20× over 5m exceed 14\.4×; at the current burn \(20× over 1h\) the 49\.3% of the budget left is gone in 17h 44m\n/);
    expect(run.stdout).toContain('tier 1h / 5m: 20× (≤ 20.68×) / 20× (≤ 22.46×) vs 14.4× (2% of budget in 1h) [block] TRIPPED');
    const report = JSON.parse(run.outputFile!) as BudgetJson;
    expect(report.budget.outcome).toBe('block');
    expect(report.budget.slos[0]!.remaining).toBeCloseTo(42_576 / 86_400, 12);
  });

  it('--override-reason lets it through as warn (exit 2) and records who, when and why', async () => {
    const run = await runCli(
      ['evaluate', '--policy', POLICY, '--end', SLO_END, '--override-reason', 'INC-4711: the fix stops the burn', '--override-by', 'alice', '--format', 'markdown'],
      env,
      { output: true },
    );
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('## ⚠️ canary-gate: WARN — payments, score 100');
    expect(run.stdout).toMatch(/> \*\*Override\*\* override by alice at \S+ via override-reason: "INC-4711: the fix stops the burn" — turned SLO payments: block → warn/);
    // The figures stay: the tier still shows as tripped, the SLO as overridden from block.
    expect(run.stdout).toContain('| ⚠️ warn (overridden from block) | **payments** |');
    expect(run.stdout).toContain('🔥 tripped');
    const report = JSON.parse(run.outputFile!) as BudgetJson;
    expect(report.verdict).toBe('warn');
    expect(report.budget).toMatchObject({ outcome: 'warn', originalOutcome: 'block' });
    expect(report.budget.override).toMatchObject({ via: 'input', by: 'alice', reason: 'INC-4711: the fix stops the burn', changed: ['SLO payments: block → warn'] });
    expect(report.budget.slos[0]!.tiers[0]!.tripped).toBe(true);
  });

  it('an override needs a reason', async () => {
    const run = await runCli(['evaluate', '--policy', POLICY, '--end', SLO_END, '--override-reason', '  '], env);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe('canary-gate: --override-reason: an override needs a reason (it is recorded in every output)\n');
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});

describe.concurrent('the action with an error budget', () => {
  it('fails the step without an override, with budget outputs', async () => {
    const run = await runAction({ policy: POLICY, end: SLO_END }, env);
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ verdict: 'fail', budget: 'block', overridden: 'false' });
    expect(run.summary).toContain('### ⛔ Error budget and deploy policy: block');
    expect(run.commands.find((c) => c.command === 'error' && c.message.startsWith('canary-gate: fail: budget: SLO payments block'))).toBeDefined();
    const annotation = run.commands.find((c) => c.command === 'error' && c.properties.title === 'canary-gate: SLO payments');
    expect(annotation?.properties).toMatchObject({ file: POLICY, line: '19' });
    expect(annotation?.message).toMatch(/^SLO payments: block: burn-rate tier 1h\/5m tripped/);
  });

  it('the override-reason input: warn, not failed, actor recorded', async () => {
    const run = await runAction({ policy: POLICY, end: SLO_END, 'override-reason': 'approved in #deploys' }, { ...env, GITHUB_ACTOR: 'bob' });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ verdict: 'warn', budget: 'warn', overridden: 'true' });
    expect(run.summary).toMatch(/> \*\*Override\*\* override by bob at \S+ via override-reason: "approved in #deploys" — turned SLO payments: block → warn/);
    expect(run.stdout).toMatch(/override by bob at \S+ via override-reason/);
    const annotation = run.commands.find((c) => c.properties.title === 'canary-gate: SLO payments');
    expect(annotation?.command).toBe('warning');
    expect(annotation?.message).toMatch(/^SLO payments: warn \(overridden from block\): /);
  });

  it('the PR label, from the labeled event: the sender and the time of the event', async () => {
    const event = await eventFile({ action: 'labeled', label: { name: 'deploy-anyway' }, sender: { login: 'carol' }, pull_request: pullRequest(['bug', 'deploy-anyway']) });
    const run = await runAction({ policy: POLICY, end: SLO_END, 'github-token': '' }, { ...env, GITHUB_EVENT_PATH: event, GITHUB_ACTOR: 'carol' });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ verdict: 'warn', overridden: 'true' });
    const report = JSON.parse(run.reportText!) as BudgetJson;
    expect(report.budget.override).toEqual({
      via: 'label',
      by: 'carol',
      at: '2026-11-20T11:58:00.000Z',
      reason: 'PR #42 "Hotfix the payment retries" carries the label',
      label: 'deploy-anyway',
      pullRequest: 42,
      changed: ['SLO payments: block → warn'],
      refused: [],
      notes: [],
    });
    expect(run.summary).toContain('via label "deploy-anyway" on PR #42');
  });

  it('a label added earlier: who and when from the pull request label events (GitHub API)', async () => {
    const api = await startServer((request) =>
      request.url.startsWith('/repos/acme/payments/issues/42/events')
        ? {
            body: JSON.stringify([
              { event: 'labeled', label: { name: 'deploy-anyway' }, actor: { login: 'mallory' }, created_at: '2026-11-19T08:00:00Z' },
              { event: 'unlabeled', label: { name: 'deploy-anyway' }, actor: { login: 'dave' }, created_at: '2026-11-19T09:00:00Z' },
              { event: 'labeled', label: { name: 'deploy-anyway' }, actor: { login: 'dave' }, created_at: '2026-11-20T10:15:00Z' },
              { event: 'labeled', label: { name: 'bug' }, actor: { login: 'erin' }, created_at: '2026-11-20T10:20:00Z' },
            ]),
          }
        : { status: 404, body: '{}' },
    );
    try {
      const event = await eventFile({ action: 'synchronize', sender: { login: 'erin' }, pull_request: pullRequest(['deploy-anyway']) });
      const token = 'ghs_e2eTokenThatMustNotLeak';
      const run = await runAction(
        { policy: POLICY, end: SLO_END, 'github-token': token },
        { ...env, GITHUB_EVENT_PATH: event, GITHUB_REPOSITORY: 'acme/payments', GITHUB_API_URL: api.url },
      );
      expect(run.code).toBe(0);
      const report = JSON.parse(run.reportText!) as BudgetJson;
      expect(report.budget.override).toMatchObject({
        via: 'label',
        by: 'dave',
        at: '2026-11-20T10:15:00.000Z',
        notes: ["who added the label and when: from the pull request's label events"],
      });
      expect(api.requests[0]!.headers.authorization).toBe(`Bearer ${token}`);
      // The runner reads ::add-mask:: and hides the value from the log; nothing else may carry it.
      expect(run.commands.filter((c) => c.command === 'add-mask').map((c) => c.message)).toContain(token);
      const stdout = run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n');
      for (const text of [stdout, run.stderr, run.summary, run.reportText!, run.outputFileText]) expect(text).not.toContain(token);
    } finally {
      await api.close();
    }
  });

  it('a label that cannot be attributed still applies, and says so', async () => {
    const event = await eventFile({ action: 'synchronize', pull_request: pullRequest(['deploy-anyway']) });
    const run = await runAction({ policy: POLICY, end: SLO_END, 'github-token': '' }, { ...env, GITHUB_EVENT_PATH: event });
    const report = JSON.parse(run.reportText!) as BudgetJson;
    expect(report.budget.override).toMatchObject({ by: 'unknown', notes: ['who added the label could not be determined: no github-token to read the label events'] });
    expect(run.summary).toContain('> who added the label could not be determined: no github-token to read the label events');
  });

  it('another label does nothing', async () => {
    const event = await eventFile({ action: 'labeled', label: { name: 'bug' }, sender: { login: 'erin' }, pull_request: pullRequest(['bug']) });
    const run = await runAction({ policy: POLICY, end: SLO_END, 'github-token': '' }, { ...env, GITHUB_EVENT_PATH: event });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ verdict: 'fail', budget: 'block', overridden: 'false' });
  });
});
