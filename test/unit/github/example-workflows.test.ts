import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { actionYmlInputs } from '../../integration/e2e/helpers.js';

const dir = 'examples/workflows';
type Step = { uses?: string; with?: Record<string, unknown> };
type Workflow = { on: unknown; permissions?: Record<string, string>; jobs: Record<string, { steps?: Step[] }> };

describe('example workflows', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));
  const inputs = Object.keys(actionYmlInputs());

  it.each(files)('%s parses and uses only inputs action.yml declares, with the permissions they need', (file) => {
    const wf = parse(readFileSync(path.join(dir, file), 'utf8')) as Workflow;
    expect(wf.on).toBeDefined();
    const gates = Object.values(wf.jobs).flatMap((j) => j.steps ?? []).filter((s) => s.uses?.startsWith('canary-gate/canary-gate@'));
    for (const step of gates) {
      for (const key of Object.keys(step.with ?? {})) expect(inputs, `${file}: unknown input ${key}`).toContain(key);
      const uses = step.with ?? {};
      if (uses['check-run'] === true) expect(wf.permissions?.checks).toBe('write');
      if (uses['deployment-status'] === true) expect(wf.permissions?.deployments).toBe('write');
      if (uses['policy-source'] === 'base') expect(wf.permissions?.contents).toBe('read');
    }
  });

  it('cover the triggers the README promises', () => {
    const triggers = files.flatMap((f) => Object.keys((parse(readFileSync(path.join(dir, f), 'utf8')) as { on: Record<string, unknown> }).on));
    for (const t of ['pull_request', 'push', 'workflow_dispatch', 'workflow_run', 'deployment_status']) expect(triggers).toContain(t);
  });
});
