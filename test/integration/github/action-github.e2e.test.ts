/**
 * The bundled action (dist/index.js) on every trigger, against a local server answering GitHub's
 * REST API: the event payload fixtures come in through GITHUB_EVENT_NAME / GITHUB_EVENT_PATH, the
 * API through GITHUB_API_URL, and the tests assert the calls made, the comment, the check run, the
 * deployment status, the outputs, and that no API failure changes the verdict.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { newRepo, startGitHubApi, type Fault, type FakeRepoState } from '../../helpers/github-api.js';
import { metricLine, requireBuilt, ROOT, runAction, STACK_LINE, tempDir, type ActionRun } from '../e2e/helpers.js';

const H = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const BASE = 'b0b1b2b3b4b5b6b7b8b9c0c1c2c3c4c5c6c7c8c9';
const FORK_HEAD = 'f00df00df00df00df00df00df00df00df00df00d';
const LONELY = 'd3d3d3d3d4d4d4d4d5d5d5d5d6d6d6d6d7d7d7d7';
const TOKEN = 'ghs_canaryGateTestToken0123456789abcdef';
const DEMO = 'examples/demo/policy.yml';
const PASS = 'test/integration/github/policies/pass.yml';
const BROKEN = 'test/integration/github/policies/broken.yml';
const END = '2026-11-20T12:00:00Z';
const events = path.join(ROOT, 'test/fixtures/github/events');

beforeAll(() => requireBuilt());

function repoWithPulls(): FakeRepoState {
  const state = newRepo();
  state.pulls.push(
    { number: 12, state: 'open', headSha: H, headRef: 'feature/faster-checkout', headOwner: 'acme', baseSha: BASE, baseRef: 'main' },
    { number: 34, state: 'open', headSha: FORK_HEAD, headRef: 'fix-typo', headOwner: 'contributor', baseSha: BASE, baseRef: 'main' },
  );
  // The base commit has the same policy as the workspace: no tampering unless a test changes it.
  for (const file of [DEMO, PASS, BROKEN]) state.files.set(`${BASE}:${file}`, readFileSync(path.join(ROOT, file), 'utf8'));
  return state;
}

interface GateRun {
  run: ActionRun;
  calls: string[];
  requests: { method: string; url: string; headers: Record<string, unknown>; body: string }[];
}

async function gate(
  event: string,
  fixture: string,
  state: FakeRepoState,
  inputs: Record<string, string> = {},
  options: { fault?: Fault; env?: Record<string, string> } = {},
): Promise<GateRun> {
  const api = await startGitHubApi(state, { fault: options.fault });
  // The action has finished with the API when it exits: each run gets its own server.
  const run = await runAction(
    { policy: DEMO, end: END, 'github-token': TOKEN, ...inputs },
    {
      GITHUB_EVENT_NAME: event,
      GITHUB_EVENT_PATH: path.join(events, fixture),
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_SHA: H,
      GITHUB_API_URL: api.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '1',
      ...options.env,
    },
  );
  await api.close();
  const requests = api.requests.map((r) => ({ ...r, headers: r.headers as Record<string, unknown> }));
  const calls = api.calls();
  return { run, calls, requests };
}

const warnings = (run: ActionRun) => run.commands.filter((c) => c.command === 'warning').map((c) => c.message);
const failures = (run: ActionRun) => run.commands.filter((c) => c.command === 'error' && !c.properties.file).map((c) => c.message);

function noTokenAnywhere(r: GateRun) {
  // The one place it may appear is the runner's own mask command, which the runner consumes so
  // that any later echo of the token is hidden from the log.
  const stdout = r.run.stdout.replace(/^::add-mask::.*$/gm, '');
  for (const text of [stdout, r.run.stderr, r.run.outputFileText, r.run.summary, r.run.reportText ?? '']) expect(text).not.toContain(TOKEN);
  // Octokit sends it where it belongs, and nowhere else.
  expect(r.requests.every((q) => q.headers.authorization === `token ${TOKEN}`)).toBe(true);
  for (const q of r.requests) expect(q.body).not.toContain(TOKEN);
  expect(r.run.stdout).not.toMatch(STACK_LINE);
  expect(r.run.stderr).not.toMatch(STACK_LINE);
}

describe.concurrent('pull_request: the sticky comment', () => {
  it('the first run creates the comment, the second updates it in place', async () => {
    const state = repoWithPulls();
    const first = await gate('pull_request', 'pull_request.json', state);
    expect(first.calls).toEqual([
      `GET /repos/acme/shop/contents/${DEMO}`,
      'GET /repos/acme/shop/issues/12/comments',
      'POST /repos/acme/shop/issues/12/comments',
    ]);
    expect(first.requests[0]!.url).toContain(`ref=${BASE}`);
    expect(first.run.code).toBe(1);
    expect(first.run.outputs.verdict).toBe('fail');
    const comments = state.comments.get(12)!;
    expect(comments).toHaveLength(1);
    const id = comments[0]!.id;
    expect(first.run.outputs['comment-url']).toBe(`https://github.com/acme/shop/pull/12#issuecomment-${id}`);
    const body = comments[0]!.body;
    expect(body).toMatch(/^<!-- canary-gate:sticky key=examples%2Fdemo%2Fpolicy\.yml digest=[0-9a-f]{16} -->\n## ❌ canary-gate: FAIL — checkout, score 50\n/);
    expect(body).toContain('<details open><summary>❌ <b>latency-p99</b>: fail</summary>');
    expect(body).toContain('```mermaid');
    expect(body).toContain('xychart-beta');
    expect(body).toContain('[the job summary](https://github.com/acme/shop/actions/runs/4242)');
    expect(body.length).toBeLessThanOrEqual(65_536);
    // The summary-markdown output is the comment without its hidden marker.
    expect(first.run.outputs['summary-markdown']).toBe(body.slice(body.indexOf('\n') + 1));
    expect(first.run.outputs['check-run-id']).toBe('');
    noTokenAnywhere(first);

    const second = await gate('pull_request', 'pull_request.json', state);
    expect(second.calls).toEqual([
      `GET /repos/acme/shop/contents/${DEMO}`,
      'GET /repos/acme/shop/issues/12/comments',
      `PATCH /repos/acme/shop/issues/comments/${id}`,
    ]);
    expect(state.comments.get(12)).toHaveLength(1);
    expect(second.run.outputs['comment-url']).toBe(first.run.outputs['comment-url']);
    expect(second.run.code).toBe(1);
  });

  it('a policy that does not load is explained on the pull request, and the next good run replaces it', async () => {
    const state = repoWithPulls();
    const broken = await gate('pull_request', 'pull_request.json', state, { policy: BROKEN, 'comment-key': 'gate' });
    expect(broken.run.code).toBe(1);
    expect(broken.calls).toEqual([`GET /repos/acme/shop/contents/${BROKEN}`, 'GET /repos/acme/shop/issues/12/comments', 'POST /repos/acme/shop/issues/12/comments']);
    const [comment] = state.comments.get(12)!;
    expect(comment!.body).toMatch(/^<!-- canary-gate:sticky key=gate digest=[0-9a-f]{16} -->\n## ⚠️ canary-gate: the policy has 2 problems\n/);
    expect(comment!.body).toMatch(/broken\.yml:4:9: window: /);
    expect(comment!.body).toMatch(/broken\.yml:23:5: metrics\[1\]\.colour: unknown key "colour"/);
    expect(broken.run.outputs['comment-url']).toBe(`https://github.com/acme/shop/pull/12#issuecomment-${comment!.id}`);
    expect(broken.run.outputs.verdict).toBeUndefined();
    noTokenAnywhere(broken);

    const fixed = await gate('pull_request', 'pull_request.json', state, { policy: PASS, 'comment-key': 'gate' });
    expect(fixed.run.code).toBe(0);
    expect(fixed.calls).toContain(`PATCH /repos/acme/shop/issues/comments/${comment!.id}`);
    expect(state.comments.get(12)).toHaveLength(1);
    expect(state.comments.get(12)![0]!.body).toContain('canary-gate: PASS');
  });

  it('finds its comment on a later page among other comments, and leaves a second policy its own comment', async () => {
    const state = repoWithPulls();
    state.pageSize = 2;
    const human = { login: 'octocat', id: 583231, type: 'User' as const };
    state.comments.set(12, [
      { id: 1, body: 'LGTM', user: human },
      { id: 2, body: '> <!-- canary-gate:sticky key=examples%2Fdemo%2Fpolicy.yml -->\nquoted', user: human },
      { id: 3, body: 'one more', user: human },
      { id: 4, body: '<!-- canary-gate:sticky key=other.yml digest=00 -->\nanother policy', user: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' } },
    ]);
    const first = await gate('pull_request', 'pull_request.json', state);
    expect(first.calls.filter((c) => c.startsWith('GET /repos/acme/shop/issues'))).toHaveLength(2);
    expect(first.calls.at(-1)).toBe('POST /repos/acme/shop/issues/12/comments');
    const mine = state.comments.get(12)!.at(-1)!;
    for (let i = 0; i < 3; i++) state.comments.get(12)!.push({ id: 100 + i, body: `chatter ${i}`, user: human });
    const second = await gate('pull_request', 'pull_request.json', state);
    expect(second.calls.filter((c) => c.startsWith('GET /repos/acme/shop/issues'))).toHaveLength(4);
    expect(second.calls.at(-1)).toBe(`PATCH /repos/acme/shop/issues/comments/${mine.id}`);
    expect(state.comments.get(12)!.find((c) => c.id === 4)!.body).toContain('another policy');
  });

  it('comment: on-change leaves an unchanged comment alone; comment-key keeps matrix runs apart', async () => {
    const state = repoWithPulls();
    await gate('pull_request', 'pull_request.json', state, { comment: 'on-change' });
    const again = await gate('pull_request', 'pull_request.json', state, { comment: 'on-change' });
    expect(again.calls.filter((c) => !c.startsWith('GET'))).toEqual([]);
    expect(again.run.outputs['comment-url']).toMatch(/#issuecomment-\d+$/);
    expect(again.run.stdout).toContain('comment unchanged');
    // The verdict changes (a passing policy under the same key): the comment is updated.
    const changed = await gate('pull_request', 'pull_request.json', state, { comment: 'on-change', policy: PASS, 'comment-key': DEMO });
    expect(changed.calls.at(-1)).toMatch(/^PATCH \/repos\/acme\/shop\/issues\/comments\/\d+$/);
    expect(state.comments.get(12)![0]!.body).toContain('## ✅ canary-gate: PASS');
    // Another key: its own comment.
    await gate('pull_request', 'pull_request.json', state, { 'comment-key': 'staging' });
    expect(state.comments.get(12)).toHaveLength(2);
  });

  it('comment: on-fail posts nothing for a pass, but updates an earlier failure so it does not linger', async () => {
    const state = repoWithPulls();
    const quiet = await gate('pull_request', 'pull_request.json', state, { comment: 'on-fail', policy: PASS });
    expect(quiet.run.code).toBe(0);
    expect(quiet.calls.filter((c) => !c.startsWith('GET'))).toEqual([]);
    expect(quiet.run.outputs['comment-url']).toBe('');
    await gate('pull_request', 'pull_request.json', state, { comment: 'on-fail', 'comment-key': 'gate' });
    const fixed = await gate('pull_request', 'pull_request.json', state, { comment: 'on-fail', policy: PASS, 'comment-key': 'gate' });
    expect(fixed.calls.at(-1)).toMatch(/^PATCH /);
    expect(state.comments.get(12)![0]!.body).toContain('PASS');
  });

  it('comment: never makes no comment call at all', async () => {
    const state = repoWithPulls();
    const r = await gate('pull_request', 'pull_request.json', state, { comment: 'never' });
    expect(r.calls).toEqual([`GET /repos/acme/shop/contents/${DEMO}`]);
    expect(r.run.outputs['comment-url']).toBe('');
  });
});

describe.concurrent('every trigger', () => {
  it('pull_request_target: comments on the pull request of the payload', async () => {
    const state = repoWithPulls();
    const r = await gate('pull_request_target', 'pull_request_target.json', state);
    expect(r.calls).toEqual([`GET /repos/acme/shop/contents/${DEMO}`, 'GET /repos/acme/shop/issues/34/comments', 'POST /repos/acme/shop/issues/34/comments']);
    expect(r.run.outputs.verdict).toBe('fail');
  });

  it('push: finds the pull request of the commit through the API', async () => {
    const state = repoWithPulls();
    const r = await gate('push', 'push.json', state);
    expect(r.calls).toEqual([`GET /repos/acme/shop/commits/${H}/pulls`, 'GET /repos/acme/shop/issues/12/comments', 'POST /repos/acme/shop/issues/12/comments']);
    expect(r.run.code).toBe(1);
  });

  it('push: a commit without a pull request gets no comment, and says so', async () => {
    const state = repoWithPulls();
    const r = await gate('push', 'push-no-pr.json', state, {}, { env: { GITHUB_SHA: LONELY } });
    expect(r.calls).toEqual([`GET /repos/acme/shop/commits/${LONELY}/pulls`]);
    expect(r.run.stdout).toContain('canary-gate: no pull request for this push run (d3d3d3d): no comment.');
    expect(r.run.outputs['comment-url']).toBe('');
    expect(r.run.outputs.verdict).toBe('fail');
    expect(warnings(r.run)).toEqual([]);
  });

  it('push: a merge to main reports to the merged pull request', async () => {
    const state = repoWithPulls();
    state.pulls.push({ number: 7, state: 'closed', headSha: 'c'.repeat(40), headRef: 'old', headOwner: 'acme', baseSha: BASE, baseRef: 'main', mergeCommitSha: LONELY, mergedAt: '2026-11-20T10:00:00Z' });
    const r = await gate('push', 'push-no-pr.json', state, {}, { env: { GITHUB_SHA: LONELY } });
    expect(r.calls.at(-1)).toBe('POST /repos/acme/shop/issues/7/comments');
  });

  it('workflow_run: the pull request listed for head_sha, without a lookup', async () => {
    const state = repoWithPulls();
    const r = await gate('workflow_run', 'workflow_run.json', state, {}, { env: { GITHUB_SHA: BASE } });
    expect(r.calls).toEqual(['GET /repos/acme/shop/issues/12/comments', 'POST /repos/acme/shop/issues/12/comments']);
  });

  it('workflow_run from a fork (empty pull_requests): found by the fork branch', async () => {
    const state = repoWithPulls();
    const r = await gate('workflow_run', 'workflow_run-fork.json', state, { 'check-run': 'true' }, { env: { GITHUB_SHA: BASE } });
    expect(r.calls).toEqual(['GET /repos/acme/shop/pulls', 'GET /repos/acme/shop/issues/34/comments', 'POST /repos/acme/shop/issues/34/comments', 'POST /repos/acme/shop/check-runs']);
    expect(r.requests[0]!.url).toContain('head=contributor%3Afix-typo');
    // The check run goes on the fork's head commit, which is what the preview deployed.
    expect(state.checkRuns[0]!.body.head_sha).toBe(FORK_HEAD);
  });

  it('workflow_dispatch: comments on the pull request given as input, with the policy and end from inputs', async () => {
    const state = repoWithPulls();
    const r = await gate('workflow_dispatch', 'workflow_dispatch.json', state, { 'pull-request': '12' });
    expect(r.calls).toEqual(['GET /repos/acme/shop/issues/12/comments', 'POST /repos/acme/shop/issues/12/comments']);
    const none = await gate('workflow_dispatch', 'workflow_dispatch.json', newRepo(), {}, { env: { GITHUB_SHA: LONELY } });
    expect(none.calls).toEqual([`GET /repos/acme/shop/commits/${LONELY}/pulls`]);
  });

  it('deployment: posts a deployment status with the verdict and a link, and a check run on the deployed sha', async () => {
    const state = repoWithPulls();
    const r = await gate('deployment', 'deployment.json', state, { 'deployment-status': 'true', 'check-run': 'true', comment: 'never' });
    expect(r.calls).toEqual(['POST /repos/acme/shop/check-runs', 'POST /repos/acme/shop/deployments/9001/statuses']);
    expect(state.deploymentStatuses).toEqual([
      {
        deploymentId: 9001,
        body: {
          state: 'failure',
          description: 'canary-gate: FAIL — checkout, score 50',
          environment: 'production-canary',
          log_url: 'https://github.com/acme/shop/actions/runs/4242',
          auto_inactive: false,
        },
      },
    ]);
    expect(r.run.outputs['check-run-id']).toBe(String(state.checkRuns[0]!.id));
    expect(r.run.code).toBe(1);
  });

  it('deployment_status: the deployment of the payload, success for a passing canary', async () => {
    const state = repoWithPulls();
    const r = await gate('deployment_status', 'deployment_status.json', state, { 'deployment-status': 'true', policy: PASS }, { env: { GITHUB_SHA: LONELY } });
    expect(r.calls).toEqual([`GET /repos/acme/shop/commits/${LONELY}/pulls`, 'POST /repos/acme/shop/deployments/9002/statuses']);
    expect(state.deploymentStatuses[0]!.body).toMatchObject({ state: 'success', environment: 'production-canary', description: 'canary-gate: PASS — checkout, score 100' });
    expect(r.run.code).toBe(0);
  });
});

describe.concurrent('the check run', () => {
  it('completed, failure, the summary as output, annotations on the policy lines of failing checks', async () => {
    const state = repoWithPulls();
    const r = await gate('pull_request', 'pull_request.json', state, { 'check-run': 'true' });
    expect(r.calls.at(-1)).toBe('POST /repos/acme/shop/check-runs');
    const body = state.checkRuns[0]!.body as { name: string; head_sha: string; status: string; conclusion: string; details_url: string; output: { title: string; summary: string; annotations: unknown[] } };
    expect(body).toMatchObject({ name: 'canary-gate / checkout', head_sha: H, status: 'completed', conclusion: 'failure', details_url: 'https://github.com/acme/shop/actions/runs/4242' });
    expect(body.output.title).toBe('FAIL — checkout, score 50');
    expect(body.output.summary).toMatch(/^## ❌ canary-gate: FAIL — checkout, score 50\n/);
    expect(body.output.annotations).toEqual([
      {
        path: DEMO,
        start_line: metricLine(DEMO, 'latency-p99'),
        end_line: metricLine(DEMO, 'latency-p99'),
        annotation_level: 'failure',
        title: 'canary-gate: latency-p99',
        message: expect.stringMatching(/^latency-p99: fail: Mann-Whitney/),
      },
    ]);
  });

  it('advisory runs are neutral', async () => {
    const state = repoWithPulls();
    const r = await gate('pull_request', 'pull_request.json', state, { 'check-run': 'true', mode: 'advisory', 'check-name': 'canary / checkout-eu' });
    expect(r.run.code).toBe(0);
    expect(state.checkRuns[0]!.body).toMatchObject({ name: 'canary / checkout-eu', conclusion: 'neutral' });
  });

  it('more than 50 annotations go 50 per request; the comment stays within 65,536 characters', async () => {
    const dir = await tempDir('canary-gate-many-');
    const metrics = Array.from({ length: 120 }, (_, i) =>
      [
        `  - name: latency-p99-route-${String(i).padStart(3, '0')}`,
        '    source: samples',
        '    kind: distribution',
        "    query: 'http_request_duration_p99_seconds{{{scope}}}'",
        '    unit: s',
        '    compare: { direction: increase, tolerance: 20% }',
      ].join('\n'),
    );
    const policy = [
      'version: 1',
      'service: checkout',
      'window: 30m',
      'step: 1m',
      'sources:',
      `  samples: { type: file, path: ${path.join(ROOT, 'examples/demo/metrics.json')} }`,
      'scopes:',
      `  canary: 'deployment="checkout-canary"'`,
      `  baseline: 'deployment="checkout-stable"'`,
      'metrics:',
      ...metrics,
      '',
    ].join('\n');
    await writeFile(path.join(dir, 'many.yml'), policy);
    const state = repoWithPulls();
    state.files.set(`${BASE}:many.yml`, policy);
    const r = await gate('pull_request', 'pull_request.json', state, { policy: path.join(dir, 'many.yml'), 'check-run': 'true' }, { env: { GITHUB_WORKSPACE: dir } });
    expect(r.calls.slice(-3)).toEqual(['POST /repos/acme/shop/check-runs', expect.stringMatching(/^PATCH \/repos\/acme\/shop\/check-runs\/\d+$/), expect.stringMatching(/^PATCH /)]);
    const run = state.checkRuns[0]!;
    const counts = [run.body, ...run.updates].map((b) => (b.output as { annotations: unknown[] }).annotations.length);
    expect(counts).toEqual([50, 50, 20]);
    const lines = [run.body, ...run.updates].flatMap((b) => (b.output as { annotations: { path: string; start_line: number }[] }).annotations);
    expect(new Set(lines.map((a) => a.start_line)).size).toBe(120);
    expect(lines.every((a) => a.path === 'many.yml')).toBe(true);
    const comment = state.comments.get(12)![0]!.body;
    expect(comment.length).toBeLessThanOrEqual(65_536);
    expect(comment.length).toBeGreaterThan(50_000);
    expect(comment).toContain("left out to stay within GitHub's 65,536-character comment limit: everything is in [the job summary](https://github.com/acme/shop/actions/runs/4242)");
    expect(comment).toContain('**latency-p99-route-119**');
    expect((run.body.output as { summary: string }).summary.length).toBeLessThanOrEqual(65_535);
  });
});

describe.concurrent('API faults never change the verdict', () => {
  const forbidden: Fault = (req) =>
    req.method !== 'GET'
      ? { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' } }
      : undefined;

  it('403 on a fork pull request (read-only token): one warning naming the permission, exit code as without GitHub', async () => {
    const r = await gate('pull_request', 'pull_request.json', repoWithPulls(), { 'check-run': 'true' }, { fault: forbidden });
    expect(r.run.code).toBe(1);
    expect(r.run.outputs.verdict).toBe('fail');
    expect(r.run.outputs['comment-url']).toBe('');
    expect(r.run.outputs['check-run-id']).toBe('');
    expect(warnings(r.run)).toEqual([
      'canary-gate: could not comment on pull request #12: GitHub answered 403 (Resource not accessible by integration): the workflow\'s token needs `pull-requests: write` in its `permissions:`. On pull requests from forks the token is read-only whatever the workflow grants: gate them with the pull_request + workflow_run pattern (see the README). The verdict is not affected.',
      expect.stringMatching(/^canary-gate: could not create the check run "canary-gate \/ checkout": GitHub answered 403 .*`checks: write`.* The verdict is not affected\.$/),
    ]);
    expect(failures(r.run)).toEqual(['canary-gate: fail: score 50 is below marginal 75; failed: latency-p99']);
    noTokenAnywhere(r);
  });

  it('403 on a passing run: the step still passes', async () => {
    const r = await gate('pull_request', 'pull_request.json', repoWithPulls(), { policy: PASS, 'deployment-status': 'true' }, { fault: forbidden });
    expect(r.run.code).toBe(0);
    expect(r.run.outputs.verdict).toBe('pass');
    expect(warnings(r.run)).toHaveLength(1);
    expect(r.run.stdout).toContain('deployment-status: this pull_request run is not for a deployment; no status posted.');
  });

  it('404, 5xx (a read is tried twice) and rate limits: a warning each, the verdict stands', async () => {
    const notFound = await gate('push', 'push.json', repoWithPulls(), {}, {
      fault: (req) => (req.url.includes('/commits/') ? { status: 404, body: { message: 'Not Found', status: '404' } } : undefined),
    });
    expect(warnings(notFound.run)).toEqual([expect.stringMatching(/^canary-gate: could not find the pull requests of a1b2c3d: GitHub answered 404 \(Not Found\).*`pull-requests: read`.*The verdict is not affected\.$/)]);
    expect(notFound.run.code).toBe(1);

    const down = await gate('pull_request', 'pull_request.json', repoWithPulls(), {}, {
      fault: (req) => (req.url.includes('/issues/') ? { status: 502, body: { message: 'Server Error' } } : undefined),
    });
    expect(down.calls.filter((c) => c.includes('/issues/12/comments'))).toEqual(['GET /repos/acme/shop/issues/12/comments', 'GET /repos/acme/shop/issues/12/comments']);
    expect(warnings(down.run)).toEqual([expect.stringMatching(/^canary-gate: could not read the comments of pull request #12: GitHub answered 502 \(Server Error\); re-run the job later\. The verdict is not affected\.$/)]);
    expect(down.run.outputs.verdict).toBe('fail');
    expect(down.run.code).toBe(1);

    const limited = await gate('pull_request', 'pull_request.json', repoWithPulls(), { policy: PASS }, {
      fault: (req) =>
        req.method === 'POST'
          ? { status: 403, body: { message: 'API rate limit exceeded for installation ID 1.', status: '403' }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1795176000' } }
          : undefined,
    });
    expect(warnings(limited.run)).toEqual([expect.stringMatching(/^canary-gate: could not comment on pull request #12: the GitHub API rate limit is exhausted until 2026-11-20T12:00:00\.000Z/)]);
    expect(limited.run.code).toBe(0);
  });

  it('an unreachable API: a warning, the verdict stands', async () => {
    const r = await gate('pull_request', 'pull_request.json', repoWithPulls(), { policy: PASS }, { env: { GITHUB_API_URL: 'http://127.0.0.1:9' } });
    expect(r.run.code).toBe(0);
    expect(r.run.outputs.verdict).toBe('pass');
    const w = warnings(r.run);
    expect(w).toHaveLength(2);
    expect(w[0]).toMatch(/^canary-gate: could not check whether this pull request changes its policy: could not read examples\/demo|test\/integration/);
    expect(w[1]).toMatch(/^canary-gate: could not read the comments of pull request #12: the GitHub API could not be reached/);
  });
});

describe.concurrent('policy tampering', () => {
  const looser = (text: string) => text.replace('tolerance: 20% }\n    min-samples: 20', 'tolerance: 90% }\n    min-samples: 20');

  it('a pull request that changes its policy is told so in every output', async () => {
    const state = repoWithPulls();
    // The base branch has a stricter policy than the workspace (the PR loosened it).
    state.files.set(`${BASE}:${DEMO}`, readFileSync(path.join(ROOT, DEMO), 'utf8').replace('tolerance: 25%', 'tolerance: 5%'));
    const r = await gate('pull_request', 'pull_request.json', state, { 'check-run': 'true' });
    const title = 'This pull request changes the policy it is judged by.';
    const annotation = r.run.commands.find((c) => c.command === 'warning' && c.properties.title === title)!;
    expect(annotation.properties).toMatchObject({ file: DEMO, line: '1' });
    expect(annotation.message).toBe(
      `${DEMO} differs from main (b0b1b2b), and the gate used the pull request's version. Review the policy change, or set policy-source: base so pull requests are judged by the base branch's policy.`,
    );
    expect(r.run.summary).toContain(`> [!WARNING]\n> **${title}**`);
    expect(state.comments.get(12)![0]!.body).toContain(`> [!WARNING]\n> **${title}**`);
    expect(r.run.outputs['summary-markdown']).toContain(title);
    expect(JSON.parse(r.run.reportText!).notices).toEqual([{ level: 'warning', title, message: annotation.message }]);
    expect(r.run.stdout).toContain(`warning: ${title}`);
    const check = state.checkRuns[0]!.body.output as { annotations: { start_line: number; title: string }[]; summary: string };
    expect(check.annotations[0]).toMatchObject({ start_line: 1, title, annotation_level: 'warning' });
    expect(check.summary).toContain(title);
    // The verdict is the workspace policy's.
    expect(r.run.outputs.verdict).toBe('fail');
  });

  it('a pull request that adds the policy is told so', async () => {
    const state = repoWithPulls();
    state.files.delete(`${BASE}:${DEMO}`);
    const r = await gate('pull_request', 'pull_request.json', state);
    expect(JSON.parse(r.run.reportText!).notices[0].title).toBe('This pull request adds the policy it is judged by.');
  });

  it('an unchanged policy raises nothing', async () => {
    const r = await gate('pull_request', 'pull_request.json', repoWithPulls());
    expect(JSON.parse(r.run.reportText!).notices).toBeUndefined();
    expect(warnings(r.run)).toEqual([]);
  });

  it('policy-source: base judges with the base version, whatever the pull request changed', async () => {
    const state = repoWithPulls();
    const workspace = readFileSync(path.join(ROOT, DEMO), 'utf8');
    // The workspace (the PR) fails at tolerance 20%; the base says the same service name in a different way we can see.
    state.files.set(`${BASE}:${DEMO}`, looser(workspace).replace('service: checkout', 'service: checkout-base'));
    const r = await gate('pull_request', 'pull_request.json', state, { 'policy-source': 'base' });
    expect(decodeURIComponent(r.requests[0]!.url)).toBe(`/repos/acme/shop/contents/${DEMO}?ref=${BASE}`);
    expect(r.run.stdout).toContain(`canary-gate: policy read from main (b0b1b2b) (policy-source: base).`);
    expect(r.run.summary).toMatch(/^## ✅ canary-gate: PASS — checkout-base, score 100$/m);
    expect(r.run.outputs.verdict).toBe('pass');
    expect(JSON.parse(r.run.reportText!).notices[0].title).toBe('This pull request changes the policy.');
  });

  it('policy-source: base fails closed when the base has no policy, or cannot be read', async () => {
    const state = repoWithPulls();
    state.files.delete(`${BASE}:${DEMO}`);
    const missing = await gate('pull_request', 'pull_request.json', state, { 'policy-source': 'base', policy: DEMO });
    expect(missing.run.code).toBe(1);
    expect(missing.run.outputs.verdict).toBeUndefined();
    expect(failures(missing.run)).toEqual([
      `canary-gate: policy-source: base: ${DEMO} does not exist at main (b0b1b2b): a pull request cannot bring its own policy. Merge the policy first, or use policy-source: workspace for this change.`,
    ]);
    const down = await gate('pull_request', 'pull_request.json', repoWithPulls(), { 'policy-source': 'base' }, { fault: () => ({ status: 503, body: { message: 'Service Unavailable' } }) });
    expect(down.run.code).toBe(1);
    expect(failures(down.run)[0]).toMatch(/^canary-gate: policy-source: base: canary-gate: could not read examples\/demo\/policy\.yml at main \(b0b1b2b\): GitHub answered 503 .*No verdict without a trusted policy\.$/);
  });
});

describe.concurrent('secrets', () => {
  it('a secret in the canary selector is masked in the comment, the check run and the outputs', async () => {
    const secret = 'checkout-canary';
    const policyFile = 'test/integration/github/policies/secret-scope.yml';
    const state = repoWithPulls();
    state.files.set(`${BASE}:${policyFile}`, readFileSync(path.join(ROOT, policyFile), 'utf8'));
    const r = await gate('pull_request', 'pull_request.json', state, { policy: policyFile, 'check-run': 'true' }, { env: { CANARY_DEPLOYMENT: secret } });
    expect(r.run.outputs.verdict).toBe('fail');
    const comment = state.comments.get(12)![0]!.body;
    expect(comment).toContain('Canary `deployment="***" over');
    expect(comment).not.toContain(secret);
    expect(JSON.stringify(state.checkRuns[0]!.body)).not.toContain(secret);
    expect(r.run.outputFileText).not.toContain(secret);
  });
});
