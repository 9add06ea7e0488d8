/**
 * A local server answering the GitHub REST endpoints the action uses, with the response shapes of
 * GitHub's REST documentation (issue comments, pull requests, contents, check runs, deployment
 * statuses), statefully: a comment created by one run is listed by the next. Tests point the
 * action at it through GITHUB_API_URL and read back every request.
 */
import { startServer, type RecordedRequest } from './http-server.js';

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; id: number; type: 'Bot' | 'User' };
}

export interface FakePull {
  number: number;
  state: 'open' | 'closed';
  headSha: string;
  headRef: string;
  headOwner: string;
  baseSha: string;
  baseRef: string;
  mergeCommitSha?: string;
  mergedAt?: string;
}

export interface FakeRepoState {
  owner: string;
  repo: string;
  /** Comments per issue/pull number. */
  comments: Map<number, FakeComment[]>;
  pulls: FakePull[];
  /** File contents per `${ref}:${path}`. */
  files: Map<string, string>;
  checkRuns: { id: number; body: Record<string, unknown>; updates: Record<string, unknown>[] }[];
  deploymentStatuses: { deploymentId: number; body: Record<string, unknown> }[];
  /** Page size GitHub would use; small values exercise pagination. */
  pageSize?: number;
}

/** A scripted failure: return a response to send instead of the normal one, or undefined. */
export type Fault = (request: RecordedRequest) => { status: number; body: unknown; headers?: Record<string, string> } | undefined;

export function newRepo(owner = 'acme', repo = 'shop'): FakeRepoState {
  return { owner, repo, comments: new Map(), pulls: [], files: new Map(), checkRuns: [], deploymentStatuses: [] };
}

const API_DOCS = 'https://docs.github.com/rest';
const BOT = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' as const };
let nextId = 1000;

export async function startGitHubApi(state: FakeRepoState, options: { fault?: Fault } = {}) {
  const server = await startServer((req) => {
    const fault = options.fault?.(req);
    if (fault) return { status: fault.status, body: JSON.stringify(fault.body), headers: fault.headers };
    const answer = route(state, req, `http://${req.headers.host}`);
    return { status: answer.status, body: answer.body === undefined ? '' : JSON.stringify(answer.body), headers: answer.headers };
  });
  /** The calls as `METHOD /path` (query string left out), in order. */
  const calls = () => server.requests.map((r) => `${r.method} ${decodeURIComponent(r.url.split('?')[0]!)}`);
  return { ...server, calls, state };
}

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

function notFound(): Answer {
  return { status: 404, body: { message: 'Not Found', documentation_url: API_DOCS, status: '404' } };
}

function route(state: FakeRepoState, req: RecordedRequest, origin: string): Answer {
  const url = new URL(req.url, origin);
  const p = url.pathname;
  const repoPrefix = `/repos/${state.owner}/${state.repo}`;
  if (!p.startsWith(repoPrefix)) return notFound();
  const rest = p.slice(repoPrefix.length);
  const body = req.body ? (JSON.parse(req.body) as Record<string, unknown>) : {};
  const html = `https://github.com/${state.owner}/${state.repo}`;
  let m: RegExpExecArray | null;

  // GET /repos/{owner}/{repo}/issues/{issue_number}/comments
  if (req.method === 'GET' && (m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
    const number = Number(m[1]);
    const all = (state.comments.get(number) ?? []).map((c) => commentJson(state, c, number, origin));
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), state.pageSize ?? 100);
    const page = Number(url.searchParams.get('page') ?? 1);
    const slice = all.slice((page - 1) * perPage, page * perPage);
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const headers: Record<string, string> = {};
    if (page < last) {
      const link = (n: number) => {
        const u = new URL(url.toString());
        u.searchParams.set('page', String(n));
        return u.toString();
      };
      headers.link = `<${link(page + 1)}>; rel="next", <${link(last)}>; rel="last"`;
    }
    return { status: 200, body: slice, headers };
  }
  // POST /repos/{owner}/{repo}/issues/{issue_number}/comments
  if (req.method === 'POST' && (m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
    const number = Number(m[1]);
    if (typeof body.body !== 'string') return { status: 422, body: { message: 'Validation Failed', documentation_url: API_DOCS, status: '422' } };
    if (body.body.length > 65536) {
      return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'Body is too long (maximum is 65536 characters)' }], status: '422' } };
    }
    const comment: FakeComment = { id: nextId++, body: body.body, user: BOT };
    state.comments.set(number, [...(state.comments.get(number) ?? []), comment]);
    return { status: 201, body: commentJson(state, comment, number, origin) };
  }
  // PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}
  if (req.method === 'PATCH' && (m = /^\/issues\/comments\/(\d+)$/.exec(rest))) {
    const id = Number(m[1]);
    for (const [number, list] of state.comments) {
      const comment = list.find((c) => c.id === id);
      if (comment) {
        if (typeof body.body === 'string') comment.body = body.body;
        return { status: 200, body: commentJson(state, comment, number, origin) };
      }
    }
    return notFound();
  }
  // GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls
  if (req.method === 'GET' && (m = /^\/commits\/([0-9a-f]+)\/pulls$/.exec(rest))) {
    const sha = m[1]!;
    const pulls = state.pulls.filter((pr) => pr.headSha === sha || pr.mergeCommitSha === sha);
    return { status: 200, body: pulls.map((pr) => pullJson(state, pr, origin, html)) };
  }
  // GET /repos/{owner}/{repo}/pulls?state=open&head=owner:branch
  if (req.method === 'GET' && rest === '/pulls') {
    const wanted = url.searchParams.get('state') ?? 'open';
    const head = url.searchParams.get('head');
    const pulls = state.pulls.filter((pr) => (wanted === 'all' || pr.state === wanted) && (!head || `${pr.headOwner}:${pr.headRef}` === head));
    return { status: 200, body: pulls.map((pr) => pullJson(state, pr, origin, html)) };
  }
  // GET /repos/{owner}/{repo}/contents/{path}?ref=
  if (req.method === 'GET' && rest.startsWith('/contents/')) {
    const filePath = decodeURIComponent(rest.slice('/contents/'.length));
    const ref = url.searchParams.get('ref') ?? 'main';
    const text = state.files.get(`${ref}:${filePath}`);
    if (text === undefined) return notFound();
    const content = Buffer.from(text, 'utf8').toString('base64').replace(/(.{60})/g, '$1\n');
    const name = filePath.split('/').pop()!;
    return {
      status: 200,
      body: {
        type: 'file',
        encoding: 'base64',
        size: Buffer.byteLength(text),
        name,
        path: filePath,
        content,
        sha: '3d21ec53a331a6f037a91c368710b99387d012c1',
        url: `${origin}${repoPrefix}/contents/${filePath}?ref=${ref}`,
        git_url: `${origin}${repoPrefix}/git/blobs/3d21ec53a331a6f037a91c368710b99387d012c1`,
        html_url: `${html}/blob/${ref}/${filePath}`,
        download_url: `https://raw.githubusercontent.com/${state.owner}/${state.repo}/${ref}/${filePath}`,
        _links: { self: `${origin}${repoPrefix}/contents/${filePath}`, git: '', html: '' },
      },
    };
  }
  // POST /repos/{owner}/{repo}/check-runs
  if (req.method === 'POST' && rest === '/check-runs') {
    const id = nextId++;
    state.checkRuns.push({ id, body, updates: [] });
    return { status: 201, body: checkRunJson(id, body, origin, repoPrefix, html) };
  }
  // PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}
  if (req.method === 'PATCH' && (m = /^\/check-runs\/(\d+)$/.exec(rest))) {
    const run = state.checkRuns.find((r) => r.id === Number(m![1]));
    if (!run) return notFound();
    run.updates.push(body);
    return { status: 200, body: checkRunJson(run.id, { ...run.body, ...body }, origin, repoPrefix, html) };
  }
  // POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses
  if (req.method === 'POST' && (m = /^\/deployments\/(\d+)\/statuses$/.exec(rest))) {
    const deploymentId = Number(m[1]);
    state.deploymentStatuses.push({ deploymentId, body });
    const id = nextId++;
    return {
      status: 201,
      body: {
        url: `${origin}${repoPrefix}/deployments/${deploymentId}/statuses/${id}`,
        id,
        node_id: 'MDE2OkRlcGxveW1lbnRTdGF0dXMx',
        state: body.state,
        creator: { ...BOT },
        description: body.description ?? '',
        environment: body.environment ?? '',
        target_url: body.log_url ?? '',
        log_url: body.log_url ?? '',
        environment_url: '',
        created_at: '2026-11-20T12:01:00Z',
        updated_at: '2026-11-20T12:01:00Z',
        deployment_url: `${origin}${repoPrefix}/deployments/${deploymentId}`,
        repository_url: `${origin}${repoPrefix}`,
      },
    };
  }
  return notFound();
}

function commentJson(state: FakeRepoState, c: FakeComment, number: number, origin: string) {
  const repoPrefix = `/repos/${state.owner}/${state.repo}`;
  return {
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${origin}${repoPrefix}/issues/comments/${c.id}`,
    html_url: `https://github.com/${state.owner}/${state.repo}/pull/${number}#issuecomment-${c.id}`,
    body: c.body,
    user: { login: c.user.login, id: c.user.id, type: c.user.type, site_admin: false },
    created_at: '2026-11-20T12:01:00Z',
    updated_at: '2026-11-20T12:01:00Z',
    issue_url: `${origin}${repoPrefix}/issues/${number}`,
    author_association: c.user.type === 'Bot' ? 'NONE' : 'MEMBER',
  };
}

function pullJson(state: FakeRepoState, pr: FakePull, origin: string, html: string) {
  const repoPrefix = `/repos/${state.owner}/${state.repo}`;
  return {
    url: `${origin}${repoPrefix}/pulls/${pr.number}`,
    id: 100000 + pr.number,
    number: pr.number,
    state: pr.state,
    html_url: `${html}/pull/${pr.number}`,
    title: `Pull request ${pr.number}`,
    merge_commit_sha: pr.mergeCommitSha ?? null,
    merged_at: pr.mergedAt ?? null,
    head: { label: `${pr.headOwner}:${pr.headRef}`, ref: pr.headRef, sha: pr.headSha, user: { login: pr.headOwner }, repo: { full_name: `${pr.headOwner}/${state.repo}` } },
    base: { label: `${state.owner}:${pr.baseRef}`, ref: pr.baseRef, sha: pr.baseSha, user: { login: state.owner }, repo: { full_name: `${state.owner}/${state.repo}` } },
  };
}

function checkRunJson(id: number, body: Record<string, unknown>, origin: string, repoPrefix: string, html: string) {
  const output = (body.output ?? {}) as Record<string, unknown>;
  return {
    id,
    head_sha: body.head_sha,
    node_id: `CR_${id}`,
    external_id: '',
    url: `${origin}${repoPrefix}/check-runs/${id}`,
    html_url: `${html}/runs/${id}`,
    details_url: body.details_url ?? null,
    status: body.status ?? 'queued',
    conclusion: body.conclusion ?? null,
    started_at: '2026-11-20T12:01:00Z',
    completed_at: body.completed_at ?? null,
    output: { title: output.title ?? null, summary: output.summary ?? null, text: null, annotations_count: 0, annotations_url: `${origin}${repoPrefix}/check-runs/${id}/annotations` },
    name: body.name,
    check_suite: { id: 5 },
    app: { id: 15368, slug: 'github-actions', name: 'GitHub Actions' },
    pull_requests: [],
  };
}
