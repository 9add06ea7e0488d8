import { annotationBatches, type CheckRunContent } from '../report/check-run.js';
import { attempt, type Attempt, type GitHubClient } from './client.js';

export interface CheckRunTarget {
  owner: string;
  repo: string;
  sha: string;
  detailsUrl?: string;
  /** ISO 8601, from the run's clock. */
  completedAt: string;
}

/**
 * Creates the completed check run with the first 50 annotations, then appends the rest 50 at a
 * time (`POST /repos/{o}/{r}/check-runs`, then `PATCH /repos/{o}/{r}/check-runs/{id}` per batch).
 * A failure after creation still returns the run's id, with the fault.
 */
export async function publishCheckRun(
  client: GitHubClient,
  target: CheckRunTarget,
  content: CheckRunContent,
): Promise<{ id?: number; url?: string; fault?: Attempt<never> & { ok: false } }> {
  const [first = [], ...rest] = annotationBatches(content.annotations);
  const output = { title: content.title, summary: content.summary };
  const created = await attempt(
    () =>
      client.rest.checks.create({
        owner: target.owner,
        repo: target.repo,
        name: content.name,
        head_sha: target.sha,
        status: 'completed',
        conclusion: content.conclusion,
        completed_at: target.completedAt,
        ...(target.detailsUrl ? { details_url: target.detailsUrl } : {}),
        output: { ...output, annotations: first },
      }),
    { idempotent: false },
  );
  if (!created.ok) return { fault: created };
  const { id, html_url } = created.value.data;
  for (const batch of rest) {
    const updated = await attempt(
      () => client.rest.checks.update({ owner: target.owner, repo: target.repo, check_run_id: id, output: { ...output, annotations: batch } }),
      { idempotent: false },
    );
    if (!updated.ok) return { id, url: html_url ?? undefined, fault: updated };
  }
  return { id, url: html_url ?? undefined };
}
