import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeTrigger } from '../../../src/github/event.js';
import { classifyFault, faultWarning, isTransient } from '../../../src/github/faults.js';
import { trendOf } from '../../../src/analysis/trend.js';

const env = { GITHUB_REPOSITORY: 'acme/shop', GITHUB_SHA: 'e'.repeat(40), GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '7', GITHUB_RUN_ATTEMPT: '2' };
const payload = (name: string): unknown => JSON.parse(readFileSync(path.join('test/fixtures/github/events', `${name}.json`), 'utf8'));
const H = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

describe('describeTrigger', () => {
  it('pull_request and pull_request_target: the PR of the payload, its head and base', () => {
    const t = describeTrigger('pull_request', payload('pull_request'), env);
    expect(t).toMatchObject({ owner: 'acme', repo: 'shop', sha: H, pullRequestEvent: true, runUrl: 'https://github.com/acme/shop/actions/runs/7/attempts/2' });
    expect(t.pulls).toEqual([{ number: 12, headSha: H, baseSha: 'b0b1b2b3b4b5b6b7b8b9c0c1c2c3c4c5c6c7c8c9', baseRef: 'main' }]);
    expect(describeTrigger('pull_request_target', payload('pull_request_target'), env).pulls[0]!.number).toBe(34);
  });

  it('push: a commit lookup, none for a branch deletion', () => {
    expect(describeTrigger('push', payload('push'), env)).toMatchObject({ sha: H, lookup: { kind: 'commit', sha: H }, pulls: [] });
    expect(describeTrigger('push', { after: '0'.repeat(40) }, env).lookup).toBeUndefined();
  });

  it('workflow_run: the listed PR matching head_sha; forks are looked up by their branch', () => {
    expect(describeTrigger('workflow_run', payload('workflow_run'), env)).toMatchObject({ sha: H, pulls: [{ number: 12 }], pullRequestEvent: false });
    expect(describeTrigger('workflow_run', payload('workflow_run-fork'), env).lookup).toEqual({
      kind: 'fork-head',
      owner: 'contributor',
      branch: 'fix-typo',
      sha: 'f00df00df00df00df00df00df00df00df00df00d',
    });
  });

  it('deployment and deployment_status: the deployment id, environment and sha', () => {
    expect(describeTrigger('deployment', payload('deployment'), env).deployment).toEqual({ id: 9001, environment: 'production-canary', sha: H });
    expect(describeTrigger('deployment_status', payload('deployment_status'), env).deployment).toMatchObject({ id: 9002, environment: 'production-canary' });
  });

  it('workflow_dispatch: GITHUB_SHA and the inputs', () => {
    const t = describeTrigger('workflow_dispatch', payload('workflow_dispatch'), env);
    expect(t.sha).toBe(env.GITHUB_SHA);
    expect(t.dispatchInputs).toMatchObject({ 'pull-request': '12' });
  });

  it('survives a payload of the wrong shape', () => {
    expect(describeTrigger('pull_request', { pull_request: 'nope' }, env)).toMatchObject({ pulls: [], sha: env.GITHUB_SHA });
    expect(describeTrigger('workflow_run', null, {}).owner).toBe('');
  });
});

describe('faults', () => {
  const httpError = (status: number, message: string, headers: Record<string, string> = {}) => ({ status, message, response: { headers, data: { message } } });

  it('sorts API failures', () => {
    expect(classifyFault(httpError(403, 'Resource not accessible by integration')).kind).toBe('forbidden');
    expect(classifyFault(httpError(403, 'x', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '60' }))).toMatchObject({ kind: 'rate-limited', resetAt: 60 });
    expect(classifyFault(httpError(429, 'slow down')).kind).toBe('rate-limited');
    expect(classifyFault(httpError(404, 'Not Found')).kind).toBe('not-found');
    expect(classifyFault(httpError(502, 'Bad Gateway')).kind).toBe('server');
    expect(classifyFault(httpError(422, 'Validation Failed')).kind).toBe('rejected');
    expect(classifyFault({ status: 500, message: 'connect ECONNREFUSED' })).toMatchObject({ kind: 'network', detail: 'connect ECONNREFUSED' });
    expect(classifyFault(Object.assign(new Error('This operation was aborted'), { name: 'AbortError' })).detail).toBe('no answer before the deadline');
    expect(isTransient(classifyFault(httpError(503, 'x')))).toBe(true);
    expect(isTransient(classifyFault(httpError(403, 'x')))).toBe(false);
  });

  it('says what to grant, and that the verdict stands', () => {
    const text = faultWarning(classifyFault(httpError(403, 'Resource not accessible by integration')), { action: 'create the check run', permission: 'checks: write' }, 'push');
    expect(text).toBe(
      "canary-gate: could not create the check run: GitHub answered 403 (Resource not accessible by integration): the workflow's token needs `checks: write` in its `permissions:`. The verdict is not affected.",
    );
  });
});

describe('trendOf', () => {
  const span = { start: 0, end: 600_000 };
  it('buckets a value metric by the step ending at each point, and a ratio as summed counts', () => {
    const series = [{ labels: {}, points: [{ t: 60_000, v: 1 }, { t: 120_000, v: 3 }, { t: 180_000, v: NaN }] }];
    const trend = trendOf('gauge', [{ role: 'query', query: 'q', answer: { ok: true, series } }], span, 60_000)!;
    expect(trend.bucket).toBe('1m');
    expect(trend.values.slice(0, 4)).toEqual([1, 3, null, null]);
    const errors = [{ labels: {}, points: [{ t: 60_000, v: 1 }, { t: 120_000, v: 0 }] }];
    const totals = [{ labels: {}, points: [{ t: 60_000, v: 10 }, { t: 120_000, v: 0 }] }];
    const ratio = trendOf('ratio', [
      { role: 'errors', query: 'e', answer: { ok: true, series: errors } },
      { role: 'total', query: 't', answer: { ok: true, series: totals } },
    ], span, 60_000)!;
    expect(ratio.values.slice(0, 2)).toEqual([0.1, null]);
  });

  it('caps the buckets at 60 and gives nothing for a failed query', () => {
    const long = trendOf('gauge', [{ role: 'query', query: 'q', answer: { ok: true, series: [] } }], { start: 0, end: 86_400_000 }, 60_000)!;
    expect(long.values).toHaveLength(60);
    expect(long.bucket).toBe('24m');
    expect(trendOf('gauge', [{ role: 'query', query: 'q', answer: { ok: false, error: 'x' } }], span, 60_000)).toBeUndefined();
  });
});
