import { parseCommentMarker } from '../report/comment.js';
import type { Verdict } from '../report/model.js';
import { attempt, type Attempt, type GitHubClient } from './client.js';
import type { CommentMode } from './options.js';

export interface CommentResult {
  action: 'created' | 'updated' | 'unchanged' | 'skipped';
  url?: string;
}

export interface StickyComment {
  owner: string;
  repo: string;
  pull: number;
  /** The policy's identity (the marker's key). */
  key: string;
  body: string;
  digest: string;
  mode: Exclude<CommentMode, 'never'>;
  verdict: Verdict;
}

/**
 * One comment per policy per pull request, edited in place on every later run:
 *
 * - `always`: create it, or update it;
 * - `on-change`: as always, but leave it alone when the digest (verdict, score, outcomes,
 *   notices) is the one it was posted with;
 * - `on-fail`: create it only for a verdict other than pass; an existing comment is still
 *   updated on a pass, so it never goes on showing a failure that was fixed.
 *
 * Calls: `GET /repos/{o}/{r}/issues/{n}/comments` (every page), then `POST …/issues/{n}/comments`
 * or `PATCH /repos/{o}/{r}/issues/comments/{id}`.
 */
export async function upsertStickyComment(client: GitHubClient, c: StickyComment): Promise<Attempt<CommentResult> & { step?: 'list' | 'write' }> {
  const listed = await attempt(
    () => client.paginate(client.rest.issues.listComments, { owner: c.owner, repo: c.repo, issue_number: c.pull, per_page: 100 }),
    { idempotent: true },
  );
  if (!listed.ok) return { ...listed, step: 'list' };
  let existing: { id: number; html_url: string; digest?: string } | undefined;
  for (const comment of listed.value) {
    const marker = parseCommentMarker(comment.body ?? '', c.key);
    if (marker) {
      existing = { id: comment.id, html_url: comment.html_url, digest: marker.digest };
      break;
    }
  }

  if (c.mode === 'on-change' && existing && existing.digest === c.digest) {
    return { ok: true, value: { action: 'unchanged', url: existing.html_url } };
  }
  if (c.mode === 'on-fail' && c.verdict === 'pass' && !existing) return { ok: true, value: { action: 'skipped' } };

  if (existing) {
    const id = existing.id;
    const updated = await attempt(() => client.rest.issues.updateComment({ owner: c.owner, repo: c.repo, comment_id: id, body: c.body }), {
      idempotent: true,
    });
    return updated.ok ? { ok: true, value: { action: 'updated', url: updated.value.data.html_url } } : { ...updated, step: 'write' };
  }
  const created = await attempt(() => client.rest.issues.createComment({ owner: c.owner, repo: c.repo, issue_number: c.pull, body: c.body }), {
    idempotent: false,
  });
  return created.ok ? { ok: true, value: { action: 'created', url: created.value.data.html_url } } : { ...created, step: 'write' };
}
