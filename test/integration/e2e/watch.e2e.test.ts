/**
 * End to end: the built CLI in watch mode, with one-second steps and looks, against a local
 * Prometheus-compatible HTTP server whose data grows with the wall clock (a canary that is being
 * deployed as the gate watches), and a local webhook receiver for the final verdict.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RecordedRequest } from '../../helpers/http-server.js';
import { cleanEnv, CLI, requireBuilt, runAction, runNode, STACK_LINE, tempDir } from './helpers.js';

/** Deterministic per-second counts: canary error ratio `canaryRate`, baseline 0.5%, 2000 requests/s each. */
function growingPrometheus(canaryRate: number) {
  const born = Date.now() / 1000;
  return startServer((request: RecordedRequest) => {
    const params = new URLSearchParams(request.method === 'POST' ? request.body : request.url.split('?')[1]);
    const query = params.get('query') ?? '';
    const start = Number(params.get('start'));
    const end = Number(params.get('end'));
    const step = Number.parseFloat(params.get('step') ?? '1');
    const now = Date.now() / 1000;
    const canary = query.includes('canary');
    const values: [number, string][] = [];
    for (let t = start; t <= end + 1e-9; t += step) {
      if (t > now || t < born - 1) continue; // the future has no data yet; nor has the time before the deploy
      const second = Math.round(t);
      const total = 2000;
      const rate = canary ? canaryRate : 0.005;
      // A fixed pattern per second (±1 around the mean), the same at every look.
      const errors = Math.round(total * rate) + ((second * 7919) % 3) - 1;
      values.push([t, String(query.startsWith('sum(errors') ? Math.max(0, errors) : total)]);
    }
    return { body: JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, values }] } }) };
  });
}

async function writePolicy(dir: string, tolerance: string): Promise<string> {
  const file = path.join(dir, 'watch.yml');
  await writeFile(
    file,
    `version: 1
service: checkout
window: 1m
step: 1s
sources:
  prom: { type: prometheus, url: '\${PROM_URL}' }
scopes:
  canary: 'deployment="canary"'
  baseline: 'deployment="baseline"'
metrics:
  - name: error-ratio
    source: prom
    kind: ratio
    errors: 'sum(errors{{{scope}}})'
    total: 'sum(requests{{{scope}}})'
    compare: { direction: increase, tolerance: ${tolerance} }
    critical: true
    min-samples: 1
watch: { interval: 1s, duration: 40s, min-duration: 4s }
notify: { url: '\${HOOK_URL}', retries: 2 }
`,
  );
  return file;
}

describe('canary-gate evaluate in watch mode (built CLI, growing HTTP source)', () => {
  const hooks: RecordedRequest[] = [];
  let hook: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    requireBuilt();
    let calls = 0;
    // The first attempt fails: the notification must be retried, not lost.
    hook = await startServer((request) => {
      calls++;
      if (calls === 1) return { status: 503 };
      hooks.push(request);
      return { status: 204 };
    });
  });
  afterAll(() => hook.close());

  async function watchRun(canaryRate: number, tolerance: string) {
    const prom = await growingPrometheus(canaryRate);
    try {
      const dir = await tempDir();
      const policyFile = await writePolicy(dir, tolerance);
      const secretHook = `${hook.url}/hooks/T000/B000/s3cr3t-token`;
      const run = await runNode(
        CLI,
        ['evaluate', '--policy', policyFile, '--format', 'json', '--output', path.join(dir, 'report.json')],
        cleanEnv({ PROM_URL: prom.url, HOOK_URL: secretHook, GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/checkout', GITHUB_RUN_ID: '42' }),
        60_000,
      );
      return { run, report: JSON.parse(run.stdout), secret: 's3cr3t-token' };
    } finally {
      await prom.close();
    }
  }

  it('fails a bad canary early, with a line per look, the timeline, and the webhook called', async () => {
    const { run, report, secret } = await watchRun(0.03, '20%');
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.code).toBe(1);
    expect(report.verdict).toBe('fail');
    expect(report.watch.stoppedBy).toBe('early-fail');
    expect(report.watch.looks.length).toBeLessThan(10);
    expect(run.stderr).toMatch(/^canary-gate: watching checkout: a look every 1s for up to 40s, no early pass before 4s$/m);
    expect(run.stderr).toMatch(/^look 1 · 1s\/40s · /m);
    expect(run.stderr).toMatch(/· fail · error-ratio fail \+\d+(\.\d+)?% \[\+\d+(\.\d+)?%, \+\d+(\.\d+)?%\] \(allowed \+20%\)$/m);
    expect(report.notification).toMatchObject({ status: 'sent', attempts: 2, target: hook.url });
    const payload = JSON.parse(hooks.at(-1)!.body);
    expect(payload).toMatchObject({
      schema: 'canary-gate/notification@1',
      service: 'checkout',
      verdict: 'fail',
      runUrl: 'https://github.com/acme/checkout/actions/runs/42',
      failingChecks: [{ name: 'error-ratio', outcome: 'fail', critical: true }],
      watch: { stoppedBy: 'early-fail', early: true },
    });
    expect(hooks.at(-1)!.url).toBe('/hooks/T000/B000/s3cr3t-token');
    for (const text of [run.stdout, run.stderr]) expect(text).not.toContain(secret);
  });

  it('passes a good canary once min-duration has passed', async () => {
    const { run, report } = await watchRun(0.005, '50%');
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.code).toBe(0);
    expect(report.verdict).toBe('pass');
    expect(report.watch.stoppedBy).toBe('early-pass');
    const elapsed = report.watch.looks.at(-1).elapsedMs;
    expect(elapsed).toBeGreaterThanOrEqual(4000);
    expect(elapsed).toBeLessThan(40_000);
    expect(JSON.parse(hooks.at(-1)!.body).verdict).toBe('pass');
  });
});

describe('the action (dist/index.js) in watch mode', () => {
  beforeAll(() => requireBuilt());

  it('fails a bad canary early: log group per look, stopped-by output, timeline chart in the summary', async () => {
    const prom = await growingPrometheus(0.03);
    try {
      const dir = await tempDir();
      const policyFile = await writePolicy(dir, '20%');
      // No webhook for this run: drop the notify line.
      const { readFile } = await import('node:fs/promises');
      await writeFile(policyFile, (await readFile(policyFile, 'utf8')).replace(/^notify:.*$/m, ''));
      const run = await runAction({ policy: policyFile, 'watch-duration': '30s' }, { PROM_URL: prom.url });
      expect(run.stdout).not.toMatch(STACK_LINE);
      expect(run.code).toBe(1);
      expect(run.outputs).toMatchObject({ verdict: 'fail', 'stopped-by': 'early-fail' });
      expect(run.stdout).toMatch(/^::group::look 1 · 1s\/30s · (fail|inconclusive)$/m);
      expect(run.stdout).toContain('::endgroup::');
      expect(run.summary).toContain('### Watch: stopped early after');
      expect(run.summary).toContain('```mermaid\nxychart-beta');
    } finally {
      await prom.close();
    }
  });

  it('refuses a plan longer than the 6-hour job limit, naming the input', async () => {
    const dir = await tempDir();
    const policyFile = await writePolicy(dir, '20%');
    const run = await runAction({ policy: policyFile, 'watch-duration': '7h' }, { PROM_URL: 'http://127.0.0.1:1', HOOK_URL: 'http://127.0.0.1:1/x' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('input watch-duration: a watch of 7h cannot finish within the 6-hour job limit of GitHub-hosted runners');
    expect(run.stdout).not.toMatch(STACK_LINE);
  });
});
