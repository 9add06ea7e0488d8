import { attempt, type Attempt, type GitHubClient } from './client.js';
import type { PullLookup, PullRef } from './event.js';

/**
 * The pull requests a run should report to when the payload does not list them.
 *
 * - `commit`: `GET /repos/{owner}/{repo}/commits/{sha}/pulls`, keeping open pull requests whose
 *   head is the commit, and the merged one whose merge commit it is (a push to the default branch
 *   reports to the pull request it came from). None is a normal answer: no comment.
 * - `fork-head`: `GET /repos/{owner}/{repo}/pulls?state=open&head={fork-owner}:{branch}`, keeping
 *   the ones whose head is the commit (workflow_run lists no pull requests for forks).
 */
export async function findPulls(client: GitHubClient, owner: string, repo: string, lookup: PullLookup): Promise<Attempt<PullRef[]>> {
  if (lookup.kind === 'commit') {
    const answer = await attempt(
      () => client.rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: lookup.sha, per_page: 100 }),
      { idempotent: true },
    );
    if (!answer.ok) return answer;
    const pulls = answer.value.data
      .filter((pr) => (pr.state === 'open' && pr.head.sha === lookup.sha) || (pr.merged_at && pr.merge_commit_sha === lookup.sha))
      .map((pr) => ({ number: pr.number, headSha: pr.head.sha, baseSha: pr.base.sha, baseRef: pr.base.ref }));
    return { ok: true, value: pulls };
  }
  const answer = await attempt(
    () => client.rest.pulls.list({ owner, repo, state: 'open', head: `${lookup.owner}:${lookup.branch}`, per_page: 100 }),
    { idempotent: true },
  );
  if (!answer.ok) return answer;
  const pulls = answer.value.data
    .filter((pr) => pr.head.sha === lookup.sha)
    .map((pr) => ({ number: pr.number, headSha: pr.head.sha, baseSha: pr.base.sha, baseRef: pr.base.ref }));
  return { ok: true, value: pulls };
}
