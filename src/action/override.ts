/**
 * The action's audited override: the `override-reason` input, or the policy's override label on
 * the pull request. Who and when come from the event (or, for a label added earlier, from the
 * pull request's label events in the GitHub API); the result is recorded in every output.
 */
import { readFile } from 'node:fs/promises';
import type { OverrideRequest } from '../budget/index.js';
import type { Policy } from '../policy/types.js';

export interface OverrideContext {
  /** The override-reason input. */
  reason: string;
  env: Readonly<Record<string, string | undefined>>;
  /** For the API lookup of who added a label; empty: no lookup. */
  token: string;
  now: number;
}

interface PullRequestPayload {
  number?: number;
  title?: string;
  updated_at?: string;
  labels?: { name?: string }[];
}

interface EventPayload {
  action?: string;
  label?: { name?: string };
  sender?: { login?: string };
  pull_request?: PullRequestPayload;
  issue?: PullRequestPayload & { pull_request?: unknown };
  repository?: { full_name?: string };
}

export async function actionOverride(policy: Policy, ctx: OverrideContext): Promise<OverrideRequest | undefined> {
  const actor = ctx.env.GITHUB_TRIGGERING_ACTOR || ctx.env.GITHUB_ACTOR || 'unknown';
  const reason = ctx.reason.trim();
  if (reason !== '') return { via: 'input', by: actor, at: ctx.now, reason };

  const label = policy.override?.label;
  if (!label) return undefined;
  const event = await readEvent(ctx.env.GITHUB_EVENT_PATH);
  const pr = event?.pull_request ?? (event?.issue?.pull_request ? event.issue : undefined);
  if (!pr || !(pr.labels ?? []).some((l) => l.name === label)) return undefined;

  const request: OverrideRequest = {
    via: 'label',
    by: 'unknown',
    at: ctx.now,
    reason: `PR #${pr.number ?? '?'}${pr.title ? ` "${pr.title}"` : ''} carries the label`,
    label,
    ...(pr.number !== undefined ? { pullRequest: pr.number } : {}),
    notes: [],
  };
  if (event!.action === 'labeled' && event!.label?.name === label) {
    // This run was triggered by adding the label: the event says who and when.
    request.by = event!.sender?.login ?? 'unknown';
    const at = Date.parse(pr.updated_at ?? '');
    if (!Number.isNaN(at)) request.at = at;
    return request;
  }
  const repo = ctx.env.GITHUB_REPOSITORY ?? event?.repository?.full_name;
  const found = await whoLabelled(ctx, repo, pr.number, label);
  if ('by' in found) {
    request.by = found.by;
    request.at = found.at;
    request.notes!.push(`who added the label and when: from the pull request's label events`);
  } else {
    request.notes!.push(`who added the label could not be determined: ${found.why}`);
  }
  return request;
}

async function readEvent(file: string | undefined): Promise<EventPayload | undefined> {
  if (!file) return undefined;
  try {
    return JSON.parse(await readFile(file, 'utf8')) as EventPayload;
  } catch {
    return undefined;
  }
}

/** The latest `labeled` event of the label on the pull request (GET …/issues/{n}/events). */
async function whoLabelled(
  ctx: OverrideContext,
  repo: string | undefined,
  number: number | undefined,
  label: string,
): Promise<{ by: string; at: number } | { why: string }> {
  if (!ctx.token) return { why: 'no github-token to read the label events' };
  if (!repo || number === undefined) return { why: 'the event names no repository or pull request' };
  const api = (ctx.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  let latest: { by: string; at: number } | undefined;
  try {
    // Oldest first, 100 per page; a handful of pages covers any real pull request.
    for (let page = 1; page <= 10; page++) {
      const response = await fetch(`${api}/repos/${repo}/issues/${number}/events?per_page=100&page=${page}`, {
        headers: { Authorization: `Bearer ${ctx.token}`, Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28' },
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) return { why: `the GitHub API answered HTTP ${response.status} for the label events` };
      const events = (await response.json()) as { event?: string; label?: { name?: string }; actor?: { login?: string }; created_at?: string }[];
      for (const e of events) {
        if (e.event === 'labeled' && e.label?.name === label) latest = { by: e.actor?.login ?? 'unknown', at: Date.parse(e.created_at ?? '') || ctx.now };
      }
      if (events.length < 100) break;
    }
  } catch (error) {
    return { why: `the label events could not be read: ${(error as Error).message}` };
  }
  return latest ?? { why: 'no labeled event found for the label' };
}
