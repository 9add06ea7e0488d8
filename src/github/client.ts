import { getOctokit } from '@actions/github';
import { classifyFault, isTransient, type Fault } from './faults.js';

/**
 * The GitHub client. Only the action's GitHub integration imports this module, and only
 * dynamically, so runs that neither comment nor check pay nothing for Octokit at start-up.
 * The API root comes from GITHUB_API_URL (GitHub Enterprise, or a local server in tests).
 */
export type GitHubClient = ReturnType<typeof getOctokit>;

/** All GitHub calls of a run together must not hold the gate up for longer than this. */
export const GITHUB_DEADLINE_MS = 60_000;

export function createClient(token: string, deadlineMs = GITHUB_DEADLINE_MS): GitHubClient {
  const silent = () => undefined;
  const client = getOctokit(token, { log: { debug: silent, info: silent, warn: silent, error: silent } });
  const signal = AbortSignal.timeout(deadlineMs);
  client.hook.before('request', (options) => {
    options.request = { ...options.request, signal };
  });
  return client;
}

export type Attempt<T> = { ok: true; value: T } | { ok: false; fault: Fault };

/**
 * Runs one API call and never throws: a failure comes back as a classified fault. Reads are
 * tried twice on a server error or a dropped connection; writes once, so that a 502 after
 * GitHub did create a comment cannot create a second one.
 */
export async function attempt<T>(call: () => Promise<T>, options: { idempotent: boolean }): Promise<Attempt<T>> {
  for (let tries = 1; ; tries++) {
    try {
      return { ok: true, value: await call() };
    } catch (error) {
      const fault = classifyFault(error);
      if (!(options.idempotent && tries < 2 && isTransient(fault))) return { ok: false, fault };
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
