/**
 * What the workflow's trigger tells the gate: which commit it judged, which pull requests may
 * hear about it, the base to compare the policy with, and the deployment to report to. Pure:
 * the payload in, a plan out; the API lookups it asks for happen in `pulls.ts`.
 */

export interface PullRef {
  number: number;
  headSha?: string;
  /** The base commit, for reading the policy as the target branch has it. */
  baseSha?: string;
  baseRef?: string;
}

export type PullLookup =
  /** Pull requests of a commit: `GET /repos/{o}/{r}/commits/{sha}/pulls`. */
  | { kind: 'commit'; sha: string }
  /** A fork's pull request, which workflow_run does not list: `GET /repos/{o}/{r}/pulls?head=owner:branch`. */
  | { kind: 'fork-head'; owner: string; branch: string; sha: string };

export interface Trigger {
  event: string;
  owner: string;
  repo: string;
  /** The commit the gate judged (the PR's head, the deployment's sha, …). */
  sha: string;
  /** Pull requests known from the payload. */
  pulls: PullRef[];
  /** How to find the pull requests when the payload does not list them. */
  lookup?: PullLookup;
  /** pull_request and pull_request_target: the PR's own checkout may carry a changed policy. */
  pullRequestEvent: boolean;
  deployment?: { id: number; environment: string; sha: string };
  /** workflow_dispatch: the inputs it was started with (for the log; the action reads its own inputs). */
  dispatchInputs?: Record<string, unknown>;
  /** The run's page (where the job summary is). */
  runUrl?: string;
}

type Json = Record<string, unknown>;

const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined);

function pullRef(raw: unknown): PullRef | undefined {
  const pr = obj(raw);
  const number = num(pr.number);
  if (number === undefined) return undefined;
  const head = obj(pr.head);
  const base = obj(pr.base);
  return { number, headSha: str(head.sha), baseSha: str(base.sha), baseRef: str(base.ref) };
}

/**
 * Reads the trigger from the event name, its payload and the runner's variables
 * (GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_SERVER_URL, GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT).
 */
export function describeTrigger(event: string, payload: unknown, env: Readonly<Record<string, string | undefined>>): Trigger {
  const p = obj(payload);
  const [envOwner, envRepo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const repository = obj(p.repository);
  const owner = str(obj(repository.owner).login) ?? envOwner ?? '';
  const repo = str(repository.name) ?? envRepo ?? '';
  const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  const runUrl =
    env.GITHUB_RUN_ID && owner && repo
      ? `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}${env.GITHUB_RUN_ATTEMPT && env.GITHUB_RUN_ATTEMPT !== '1' ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : ''}`
      : undefined;
  const base = { event, owner, repo, runUrl, pulls: [] as PullRef[], pullRequestEvent: false, sha: env.GITHUB_SHA ?? '' };

  switch (event) {
    case 'pull_request':
    case 'pull_request_target': {
      const pr = pullRef(p.pull_request);
      // GITHUB_SHA is the merge commit (pull_request) or the base branch (pull_request_target): the
      // canary was built from the head.
      return { ...base, sha: pr?.headSha ?? base.sha, pulls: pr ? [pr] : [], pullRequestEvent: true };
    }
    case 'push': {
      const sha = str(p.after) ?? base.sha;
      // A branch deletion pushes the all-zero sha: nothing to look up.
      return /^0+$/.test(sha) ? { ...base, sha } : { ...base, sha, lookup: { kind: 'commit', sha } };
    }
    case 'workflow_run': {
      const run = obj(p.workflow_run);
      const sha = str(run.head_sha) ?? base.sha;
      const listed = (Array.isArray(run.pull_requests) ? run.pull_requests : [])
        .map(pullRef)
        .filter((pr): pr is PullRef => pr !== undefined && (pr.headSha === undefined || pr.headSha === sha));
      if (listed.length > 0) return { ...base, sha, pulls: listed };
      // Fork pull requests come with an empty pull_requests list: find them by the fork's branch.
      const headRepo = obj(run.head_repository);
      const forkOwner = str(obj(headRepo.owner).login);
      const branch = str(run.head_branch);
      const isFork = str(headRepo.full_name) !== undefined && str(headRepo.full_name) !== `${owner}/${repo}`;
      if (isFork && forkOwner && branch) return { ...base, sha, lookup: { kind: 'fork-head', owner: forkOwner, branch, sha } };
      return { ...base, sha, lookup: { kind: 'commit', sha } };
    }
    case 'deployment':
    case 'deployment_status': {
      const d = obj(p.deployment);
      const id = num(d.id);
      const sha = str(d.sha) ?? base.sha;
      const environment = str(obj(p.deployment_status).environment) ?? str(d.environment) ?? '';
      return { ...base, sha, lookup: { kind: 'commit', sha }, ...(id ? { deployment: { id, environment, sha } } : {}) };
    }
    case 'workflow_dispatch':
      return { ...base, lookup: base.sha ? { kind: 'commit', sha: base.sha } : undefined, dispatchInputs: obj(p.inputs) };
    default:
      return { ...base, lookup: base.sha ? { kind: 'commit', sha: base.sha } : undefined };
  }
}
