import type { NotifySpec } from '../policy/types.js';
import type { NotificationReport, Report } from '../report/model.js';

/** What the webhook receives: enough to act (roll back, page, post) without opening the report. */
export interface WebhookPayload {
  schema: 'canary-gate/notification@1';
  service: string;
  verdict: Report['verdict'];
  score: number | null;
  /** Whether the verdict fails the step (false in advisory mode). */
  enforced: boolean;
  runUrl: string | null;
  evaluatedAt: string;
  policy: string;
  reasons: string[];
  failingChecks: { name: string; outcome: 'fail' | 'error' | 'inconclusive'; critical: boolean; reason: string }[];
  watch: { stoppedBy: string; elapsed: string; looks: number; early: boolean } | null;
}

export function buildPayload(report: Report, runUrl: string | undefined): WebhookPayload {
  return {
    schema: 'canary-gate/notification@1',
    service: report.policy.service,
    verdict: report.verdict,
    score: report.score,
    enforced: report.enforced,
    runUrl: runUrl ?? null,
    evaluatedAt: report.evaluatedAt,
    policy: report.policy.file,
    reasons: report.reasons,
    failingChecks: report.metrics
      .filter((m) => m.counted && m.outcome !== 'pass')
      .map((m) => ({ name: m.name, outcome: m.outcome as 'fail' | 'error' | 'inconclusive', critical: m.critical, reason: m.reason })),
    watch: report.watch
      ? { stoppedBy: report.watch.stoppedBy, elapsed: report.watch.elapsed, looks: report.watch.looks.length, early: report.watch.early }
      : null,
  };
}

/** The workflow run's page, from the variables GitHub Actions sets (also seen by the CLI in a workflow). */
export function runUrlFrom(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
  return server && repo && run ? `${server}/${repo}/actions/runs/${run}` : undefined;
}

export interface WebhookDeps {
  /** Masks the policy's secrets in the body (reasons can quote resolved queries). */
  redact: (text: string) => string;
  sleep: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
}

const BACKOFF_MS = [1000, 2000, 4000, 8000];
const MAX_RETRY_AFTER_MS = 60_000;

/**
 * POSTs the payload, retrying network errors, timeouts, 429 and 5xx with backoff (honouring
 * Retry-After up to a minute); other 4xx are final (retrying a bad request cannot help). Never
 * throws: the result goes into the report. The URL is shown as its origin only, since webhook
 * URLs carry their token in the path or query.
 */
export async function sendWebhook(spec: NotifySpec, payload: WebhookPayload, deps: WebhookDeps): Promise<NotificationReport> {
  const target = originOf(spec.url);
  if (!spec.on.includes(payload.verdict)) return { target, status: 'skipped', attempts: 0 };
  const doFetch = deps.fetch ?? fetch;
  const body = deps.redact(JSON.stringify(payload));
  let last: NotificationReport = { target, status: 'failed', attempts: 0 };
  for (let attempt = 1; attempt <= spec.retries + 1; attempt++) {
    let wait = BACKOFF_MS[Math.min(attempt - 1, BACKOFF_MS.length - 1)]!;
    try {
      const response = await doFetch(spec.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'User-Agent': 'canary-gate', ...spec.headers },
        body,
        signal: AbortSignal.timeout(spec.timeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return { target, status: 'sent', attempts: attempt, httpStatus: response.status };
      last = { target, status: 'failed', attempts: attempt, httpStatus: response.status, error: `HTTP ${response.status}` };
      if (response.status !== 429 && response.status < 500) return last;
      const header = response.headers.get('retry-after');
      const retryAfter = header === null || header.trim() === '' ? NaN : Number(header);
      if (Number.isFinite(retryAfter) && retryAfter >= 0) wait = Math.min(retryAfter * 1000, MAX_RETRY_AFTER_MS);
    } catch (error) {
      last = { target, status: 'failed', attempts: attempt, error: describe(error, spec.timeoutMs) };
    }
    if (attempt <= spec.retries) await deps.sleep(wait);
  }
  return { ...last, error: deps.redact(last.error ?? 'failed') };
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'an invalid URL';
  }
}

/** The failure without the URL (fetch's messages and causes can quote it). */
function describe(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; cause?: { code?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  if (e?.cause?.code) return `network error ${e.cause.code}`;
  return 'network error';
}
