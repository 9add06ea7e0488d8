import { attempt, type Attempt, type GitHubClient } from './client.js';

/**
 * The policy file as a commit has it: `GET /repos/{o}/{r}/contents/{path}?ref={sha}`.
 * `null` when the commit has no such file (404, or a directory at that path).
 */
export async function readFileAt(client: GitHubClient, target: { owner: string; repo: string; path: string; ref: string }): Promise<Attempt<string | null>> {
  const answer = await attempt(() => client.rest.repos.getContent({ owner: target.owner, repo: target.repo, path: target.path, ref: target.ref }), {
    idempotent: true,
  });
  if (!answer.ok) return answer.fault.kind === 'not-found' ? { ok: true, value: null } : answer;
  const data = answer.value.data;
  if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return { ok: true, value: null };
  const text = data.encoding === 'base64' ? Buffer.from(data.content, 'base64').toString('utf8') : data.content;
  return { ok: true, value: text };
}

/** Whether two versions of a text file say the same (a checkout may have turned LF into CRLF). */
export function sameText(a: string, b: string): boolean {
  return a.replace(/\r\n/g, '\n') === b.replace(/\r\n/g, '\n');
}
