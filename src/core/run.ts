import { readFile } from 'node:fs/promises';
import { evaluate } from '../analysis/evaluate.js';
import type { OverrideRequest } from '../budget/index.js';
import { PolicyError } from '../policy/errors.js';
import { loadPolicy, type LoadOptions } from '../policy/load.js';
import type { Mode, Policy } from '../policy/types.js';
import type { Report, WatchLook } from '../report/model.js';
import type { WatchPlan } from '../policy/types.js';
import type { Clock } from '../watch/clock.js';
import type { WatchRequest } from '../watch/plan.js';
import { createAlertSources, createHttpClient, createSources } from '../sources/index.js';
import type { HttpClientOptions } from '../sources/http.js';
import type { AlertSource, MetricSource } from '../sources/types.js';
import { createRedactor } from './redact.js';

export interface GateOptions {
  policyFile: string;
  /** The policy's text when it does not come from `policyFile` on disk (policy-source: base); `policyFile` still names it. */
  policyText?: string;
  env: Readonly<Record<string, string | undefined>>;
  vars?: Record<string, string>;
  /** End of the window (epoch ms); default `now`. */
  end?: number;
  deployedAt?: number;
  mode?: Mode;
  /** The clock (epoch ms). */
  now: number;
  /** Tests pass their own backends; otherwise the policy's sources are built. */
  sources?: Record<string, MetricSource>;
  /** An audited override, or how to find one once the policy (its override label) is known. */
  override?: OverrideRequest | ((policy: Policy) => Promise<OverrideRequest | undefined>);
  alertSources?: Record<string, AlertSource>;
  /** Tests pass a clock and a sleep for the HTTP layer's retries. */
  http?: Partial<HttpClientOptions>;
  /** Watch mode: flags/inputs over the policy's `watch`, progress callback, clock. */
  watch?: WatchRequest & WatchHooks;
  /** Waits between webhook retries (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
}

/** What the edges plug into a watch: where progress goes, names for errors, the clock. */
export interface WatchHooks {
  /** Called after every look; `redact` masks the policy's secrets in anything printed. */
  onLook?: (look: WatchLook, report: Report, plan: WatchPlan, redact: (text: string) => string) => void | Promise<void>;
  /** How the edge calls a plan key in messages: `--duration`, `input watch-duration`. */
  nameOf?: (key: 'interval' | 'duration' | 'min-duration') => string;
  clock?: Clock;
  signal?: AbortSignal;
}

export interface GateResult {
  policy: Policy;
  report: Report;
  /** Masks the policy's secrets: apply to everything written out. */
  redact: (text: string) => string;
}

/** Reads and validates the policy; a missing file is reported like any other policy problem. */
export async function readPolicy(
  options: Pick<GateOptions, 'policyFile' | 'policyText' | 'env' | 'vars' | 'deployedAt'> & Pick<LoadOptions, 'unsetEnv' | 'warnings'>,
): Promise<Policy> {
  if (options.policyText !== undefined) return loadPolicy(options.policyText, options.policyFile, options);
  let text: string;
  try {
    text = await readFile(options.policyFile, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? String(error));
    throw new PolicyError([{ file: options.policyFile, line: 1, col: 1, key: '', message: `cannot read the policy: ${why}` }]);
  }
  return loadPolicy(text, options.policyFile, options);
}

/** The whole gate for one policy: load, query, judge, decide. Edges render and exit. */
export async function runGate(options: GateOptions): Promise<GateResult> {
  const loaded = await readPolicy(options);
  const policy = options.mode ? { ...loaded, mode: options.mode } : loaded;
  const http = options.sources ? undefined : await createHttpClient(policy, options.http);
  const sources = options.sources ?? (await createSources(policy, http));
  const redact = createRedactor(policy.secrets);
  // What every evaluation of this run shares, one-shot or each look of a watch.
  const shared = {
    alertSources: options.alertSources ?? (await createAlertSources(policy, http)),
    override: typeof options.override === 'function' ? await options.override(policy) : options.override,
    concurrency: policy.http?.concurrency,
  };
  // Watch-only code is loaded only when a watch may run: the action's cold start stays small.
  const w = options.watch;
  const watching = w?.enabled !== false && (policy.watch !== undefined || w?.enabled === true || !!(w?.interval || w?.duration || w?.minDuration));
  if (watching && policy.metrics.length === 0) throw new UsageError('watch mode watches a canary: this policy has no metrics, so it is checked once (drop the watch flags)');
  const watched = watching ? await (await import('../watch/run.js')).runWatchGate(policy, sources, shared, options, redact) : undefined;
  const report = watched ?? (await evaluate({ policy, sources, ...shared, end: options.end ?? options.now, now: options.now }));
  if (policy.notify) {
    const { buildPayload, runUrlFrom, sendWebhook } = await import('../notify/webhook.js');
    const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    report.notification = await sendWebhook(policy.notify, buildPayload(report, runUrlFrom(options.env)), { redact, sleep });
  }
  return { policy, report, redact };
}

/** `k=v` pairs (CLI --var, the action's multi-line `vars`) into a record. */
export function parseVars(entries: readonly string[]): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const entry of entries) {
    const trimmed = entry.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const eq = trimmed.indexOf('=');
    if (eq <= 0) throw new UsageError(`expected name=value, got "${trimmed}"`);
    const name = trimmed.slice(0, eq).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) throw new UsageError(`"${name}" is not a valid variable name`);
    vars[name] = trimmed.slice(eq + 1).trim();
  }
  return vars;
}

/** Bad command-line or action input (not the policy file): exit code 3, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}
