/**
 * GitHub API failures, sorted into what a workflow author can act on. Pure: an error in, a kind
 * and a sentence out. None of them ever changes the verdict.
 */

export type FaultKind = 'forbidden' | 'not-found' | 'rate-limited' | 'server' | 'network' | 'rejected';

export interface Fault {
  kind: FaultKind;
  status?: number;
  /** GitHub's own message (never a token: Octokit redacts the authorization header, and the edge masks it too). */
  detail: string;
  /** When a rate limit resets (epoch seconds), if GitHub said. */
  resetAt?: number;
}

interface ErrorLike {
  status?: unknown;
  message?: unknown;
  name?: unknown;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
}

export function classifyFault(error: unknown): Fault {
  const e = (error && typeof error === 'object' ? error : { message: String(error) }) as ErrorLike;
  const status = typeof e.status === 'number' && e.status > 0 ? e.status : undefined;
  const headers = e.response?.headers ?? {};
  const data = e.response?.data;
  const apiMessage = data && typeof data === 'object' && typeof (data as { message?: unknown }).message === 'string' ? (data as { message: string }).message : undefined;
  const detail = firstLine(apiMessage ?? (typeof e.message === 'string' ? e.message : 'unknown error'));
  if (!e.response) {
    const timedOut = e.name === 'AbortError' || e.name === 'TimeoutError' || /aborted|timed? ?out/i.test(detail);
    return { kind: 'network', detail: timedOut ? 'no answer before the deadline' : detail };
  }
  const reset = Number(headers['x-ratelimit-reset']);
  const resetAt = Number.isFinite(reset) && reset > 0 ? reset : undefined;
  if (status === 429 || (status === 403 && (headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(detail)))) {
    return { kind: 'rate-limited', status, detail, ...(resetAt ? { resetAt } : {}) };
  }
  if (status === 401 || status === 403) return { kind: 'forbidden', status, detail };
  if (status === 404) return { kind: 'not-found', status, detail };
  if (status !== undefined && status >= 500) return { kind: 'server', status, detail };
  return { kind: 'rejected', status, detail };
}

/** Server errors and dropped connections may pass on a second try; a 403 or a 404 will not. */
export function isTransient(fault: Fault): boolean {
  return fault.kind === 'server' || fault.kind === 'network';
}

export interface FaultContext {
  /** What was attempted: "comment on pull request #12". */
  action: string;
  /** The workflow permission it needs: "pull-requests: write". */
  permission: string;
}

/** The one warning a workflow author reads: what failed, why, what to grant, and that the verdict stands. */
export function faultWarning(fault: Fault, ctx: FaultContext, event?: string): string {
  const status = fault.status ? `${fault.status} ` : '';
  const grant = `the workflow's token needs \`${ctx.permission}\` in its \`permissions:\``;
  let why: string;
  switch (fault.kind) {
    case 'forbidden': {
      const forkHint =
        event === 'pull_request'
          ? ' On pull requests from forks the token is read-only whatever the workflow grants: gate them with the pull_request + workflow_run pattern (see the README).'
          : '';
      why = `GitHub answered ${status}(${fault.detail}): ${grant}.${forkHint}`;
      break;
    }
    case 'not-found':
      why = `GitHub answered 404 (${fault.detail}): it does not exist, or the token cannot see it (${grant}).`;
      break;
    case 'rate-limited':
      why = `the GitHub API rate limit is exhausted${fault.resetAt ? ` until ${new Date(fault.resetAt * 1000).toISOString()}` : ''} (${status}${fault.detail}).`;
      break;
    case 'server':
      why = `GitHub answered ${status}(${fault.detail}); re-run the job later.`;
      break;
    case 'network':
      why = `the GitHub API could not be reached (${fault.detail}).`;
      break;
    default:
      why = `GitHub refused the request: ${status}(${fault.detail}).`;
  }
  return `canary-gate: could not ${ctx.action}: ${why} The verdict is not affected.`;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim().slice(0, 300);
}
