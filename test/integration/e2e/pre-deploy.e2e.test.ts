/**
 * A policy without metrics: the pre-deploy gate of examples/pre-deploy, through the built CLI and
 * action. Freezes decide alone; nothing talks about a canary that is not there.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuilt, runAction, runCli, tempDir } from './helpers.js';

const POLICY = 'examples/pre-deploy/policy.yml';
const FROZEN = '2026-12-24T10:00:00Z'; // inside the year-end freeze (block)
const WEEKEND = '2026-12-19T10:00:00Z'; // a Saturday: the weekend freeze (warn)
const OPEN = '2026-12-17T10:00:00Z'; // a Thursday before the freeze

beforeAll(() => requireBuilt());

describe('a gate without a canary (no metrics, no scopes)', () => {
  it('blocks in a freeze, warns in a warn freeze and passes outside, with nothing about a canary', async () => {
    const frozen = await runCli(['evaluate', '--policy', POLICY, '--end', FROZEN, '--no-color'], {}, { output: true });
    expect(frozen.code).toBe(1);
    expect(frozen.stdout).toContain('FAIL — checkout, no canary checks (budgets and freezes only)');
    expect(frozen.stdout).toContain('freeze year-end is active until 2027-01-03T23:00:00.000Z (trading peak): deploys blocked');
    expect(frozen.stdout).not.toMatch(/^canary:|^baseline:|outcome\s+metric/m);
    const report = JSON.parse(frozen.outputFile!);
    expect(report).toMatchObject({ verdict: 'fail', score: null, metrics: [] });
    expect(report.windows).toBeUndefined();
    expect(report.budget.outcome).toBe('block');

    const weekend = await runCli(['evaluate', '--policy', POLICY, '--end', WEEKEND], {});
    expect(weekend.code).toBe(2);
    expect(weekend.stdout).toContain('WARN — checkout');

    const open = await runCli(['evaluate', '--policy', POLICY, '--end', OPEN], {});
    expect(open.code).toBe(0);
    expect(open.stdout).toContain('PASS — checkout');
  });

  it('lets an audited override through in the action, and the summary shows no empty metric table', async () => {
    const run = await runAction({ policy: POLICY, end: FROZEN, 'override-reason': 'hotfix for INC-42' }, { GITHUB_ACTOR: 'sre-oncall' });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ verdict: 'warn', budget: 'warn', overridden: 'true', score: '' });
    expect(run.summary).toContain('hotfix for INC-42');
    expect(run.summary).not.toContain('| | Metric |');
    expect(run.summary).not.toContain('Canary: `');
  });

  it('reads {{scope}} in an alert matcher as undefined when there are no scopes', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'policy.yml');
    await writeFile(
      file,
      `version: 1
service: s
window: 30m
sources: { am: { type: alertmanager, url: 'http://127.0.0.1:9093' } }
alerts:
  - name: no-pages
    source: am
    matchers: ['severity="page"', '{{scope}}']
`,
    );
    const run = await runCli(['validate', '--policy', file], {});
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/policy\.yml:8:\d+: alerts\[0\]\.matchers\[1\]: undefined variable \{\{scope\}\}/);
  });
});
