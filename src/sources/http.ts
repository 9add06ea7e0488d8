import axios, { type AxiosRequestConfig, type AxiosResponse } from 'axios';
import { createRedactor } from '../core/redact.js';
import { HTTP_DEFAULTS } from '../policy/sources-check.js';
import type { HttpPolicy } from '../policy/types.js';
import { SourceError } from './types.js';

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  params?: Record<string, string | string[]>;
  form?: Record<string, string>;
  /** A JSON body (sent as application/json). */
  json?: unknown;
  /** A raw body with its own Content-Type header (generic HTTP sources). */
  body?: string;
  /** Per-attempt timeout; the run's deadline may cut it shorter. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Who is asking, for error messages: `datadog`, `prometheus`, … */
  label: string;
  /** Credential values this request carries (API keys, tokens): masked in every error it raises. */
  secrets?: string[];
}

export interface HttpResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
  /** Attempts it took (1 = no retry); errors built from the response mention retries. */
  attempts: number;
  /** The URL that answered (after redirects), for messages. */
  url: string;
}

export type HttpSettings = HttpPolicy;

export interface HttpClientOptions extends Partial<HttpSettings> {
  /** Values from the environment (the policy's secrets): masked in every error. */
  secrets?: readonly string[];
  /** The clock and the wait, passed in so tests run the retry logic without real delays. */
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

const MAX_REDIRECTS = 5;
/** The only headers kept when a redirect leaves the origin: everything else may carry a credential. */
const SAFE_ON_REDIRECT = new Set(['accept', 'content-type', 'user-agent']);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * The one place sources make HTTP requests: retries with backoff and `Retry-After`, a deadline
 * for the whole run, rate-limit pauses per origin, redirects that never carry credentials to
 * another host, and errors that name the URL without its query string or credentials.
 *
 * Any final status is returned to the caller (backends put useful error bodies behind 4xx/5xx);
 * only network faults, timeouts and the deadline throw.
 */
export class HttpClient {
  readonly settings: HttpSettings;
  private readonly deadlineAt: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;
  private readonly secrets: readonly string[];
  /** Per origin: no request before this time (a rate limit said so). */
  private readonly pausedUntil = new Map<string, number>();

  constructor(options: HttpClientOptions = {}) {
    const { secrets, now, sleep, random, ...settings } = options;
    this.settings = { ...HTTP_DEFAULTS, ...Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined)) };
    this.now = now ?? Date.now;
    this.sleep = sleep ?? defaultSleep;
    this.random = random ?? Math.random;
    this.secrets = secrets ?? [];
    this.deadlineAt = this.now() + this.settings.deadlineMs;
  }

  /** Secrets every error must mask: the policy's and the request's own. */
  secretsFor(request: Pick<HttpRequest, 'secrets'>): string[] {
    return [...this.secrets, ...(request.secrets ?? [])];
  }

  async request(request: HttpRequest): Promise<HttpResponse> {
    const redact = createRedactor(this.secretsFor(request));
    const where = `${request.label} ${request.method} ${displayUrl(request.url)}`;
    const fail = (why: string, attempts: number): never => {
      const tries = attempts > 1 ? ` (after ${attempts} attempts)` : '';
      throw new SourceError(redact(`${where}: ${why}${tries}`));
    };
    const origin = originOf(request.url);
    const maxAttempts = this.settings.retries + 1;

    for (let attempt = 1; ; attempt++) {
      await this.waitForRateLimit(origin, request, fail, attempt);
      const remaining = this.deadlineAt - this.now();
      if (remaining <= 0) fail(`the run's deadline (${formatMs(this.settings.deadlineMs)}) was reached`, attempt - 1);
      const perRequest = request.timeoutMs ?? this.settings.timeoutMs;
      const timeoutMs = Math.max(1, Math.min(perRequest, remaining));
      let response: HttpResponse | undefined;
      let networkError: string | undefined;
      try {
        response = await this.send(request, timeoutMs, attempt);
      } catch (error) {
        if (request.signal?.aborted) fail('aborted', attempt);
        networkError = describeNetworkError(error, timeoutMs, perRequest);
      }
      if (response) this.noteRateLimit(origin, response);

      const retryable = networkError !== undefined || isRetryableStatus(response!.status);
      if (!retryable) return response!;
      if (attempt >= maxAttempts) {
        if (networkError !== undefined) fail(networkError, attempt);
        return response!;
      }
      const backoff = this.backoff(attempt);
      const told = response ? retryAfterMs(response, this.now()) : undefined;
      const delay = told ?? backoff;
      if (this.now() + delay >= this.deadlineAt) {
        const what = networkError ?? `HTTP ${response!.status}${response!.status === 429 ? ' (rate limited)' : ''}: ${bodyExcerpt(response!.body)}`;
        const wait = told !== undefined ? `the server asked to wait ${formatMs(told)}` : `the next retry (in ${formatMs(delay)})`;
        fail(`${what}; ${wait}, past the run's deadline (${formatMs(this.settings.deadlineMs)})`, attempt);
      }
      await this.sleep(delay, request.signal);
    }
  }

  /** Full jitter (AWS architecture blog): spreads retries of concurrent queries apart. */
  private backoff(attempt: number): number {
    const ceiling = Math.min(this.settings.maxBackoffMs, this.settings.backoffMs * 2 ** (attempt - 1));
    return Math.round(ceiling * (0.5 + this.random() / 2));
  }

  private async waitForRateLimit(origin: string, request: HttpRequest, fail: (why: string, attempts: number) => never, attempt: number) {
    const until = this.pausedUntil.get(origin);
    if (until === undefined) return;
    const wait = until - this.now();
    if (wait <= 0) return;
    if (until >= this.deadlineAt) {
      fail(`rate limited: the server's limit resets in ${formatMs(wait)}, past the run's deadline (${formatMs(this.settings.deadlineMs)})`, attempt - 1);
    }
    await this.sleep(wait, request.signal);
  }

  /** `X-RateLimit-Remaining: 0` with a reset (Datadog and others): hold every request to that origin. */
  private noteRateLimit(origin: string, response: HttpResponse) {
    const remaining = response.headers['x-ratelimit-remaining'];
    const reset = Number(response.headers['x-ratelimit-reset']);
    if (remaining !== undefined && Number(remaining) <= 0 && Number.isFinite(reset) && reset > 0) {
      this.pausedUntil.set(origin, this.now() + reset * 1000);
    }
  }

  private async send(request: HttpRequest, timeoutMs: number, attempt: number): Promise<HttpResponse> {
    let url = request.url;
    let method = request.method;
    let headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
    let data: string | undefined;
    if (request.form) {
      data = new URLSearchParams(request.form).toString();
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    } else if (request.json !== undefined) {
      data = JSON.stringify(request.json);
      headers['Content-Type'] = 'application/json';
    } else if (request.body !== undefined) {
      data = request.body;
    }
    let params = request.params;
    const origin = originOf(request.url);
    let keepsCredentials = true;

    for (let hop = 0; ; hop++) {
      const config: AxiosRequestConfig = {
        method,
        url,
        headers,
        params,
        paramsSerializer: { indexes: null },
        data,
        timeout: timeoutMs,
        signal: request.signal,
        validateStatus: () => true,
        // Redirects are followed here, not by axios: its follower keeps custom headers (API keys)
        // on a redirect to another host.
        maxRedirects: 0,
        responseType: 'text',
        transformResponse: [(body: unknown) => body],
      };
      const response: AxiosResponse<unknown> = await axios.request(config);
      const location = response.headers.location as string | undefined;
      if (!REDIRECTS.has(response.status) || !location || hop >= MAX_REDIRECTS) {
        return {
          status: response.status,
          body: typeof response.data === 'string' ? response.data : String(response.data ?? ''),
          headers: lowerCaseHeaders(response.headers as Record<string, unknown>),
          attempts: attempt,
          url,
        };
      }
      const next = new URL(location, withQuery(url, params));
      if (next.origin !== origin || !keepsCredentials) {
        keepsCredentials = false;
        headers = Object.fromEntries(Object.entries(headers).filter(([name]) => SAFE_ON_REDIRECT.has(name.toLowerCase())));
        next.username = '';
        next.password = '';
      }
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
        method = 'GET';
        data = undefined;
        delete headers['Content-Type'];
      }
      url = next.toString();
      params = undefined;
    }
  }
}

function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status !== 501 && status <= 599);
}

/** `Retry-After` in seconds or as an HTTP date; on a 429 without it, Datadog's `X-RateLimit-Reset`. */
export function retryAfterMs(response: Pick<HttpResponse, 'status' | 'headers'>, now: number): number | undefined {
  const header = response.headers['retry-after'];
  if (header !== undefined && header.trim() !== '') {
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  if (response.status === 429) {
    const reset = Number(response.headers['x-ratelimit-reset']);
    if (Number.isFinite(reset) && reset >= 0) return Math.ceil(reset * 1000);
  }
  return undefined;
}

function describeNetworkError(error: unknown, timeoutMs: number, perRequest: number): string {
  const e = error as { code?: string; message?: string };
  if (e.code === 'ECONNABORTED' || e.code === 'ETIMEDOUT') {
    return timeoutMs < perRequest ? `timed out after ${timeoutMs} ms (cut short by the run's deadline)` : `timed out after ${timeoutMs} ms`;
  }
  if (e.code === 'ERR_FR_TOO_MANY_REDIRECTS') return 'too many redirects';
  return e.code ?? e.message ?? 'request failed';
}

function lowerCaseHeaders(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined && value !== null) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

function withQuery(url: string, params: HttpRequest['params']): string {
  if (!params) return url;
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) for (const item of Array.isArray(v) ? v : [v]) u.searchParams.append(k, item);
  return u.toString();
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    });
  });
}

function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  return s < 120 ? `${Number.isInteger(s) ? s : s.toFixed(1)} s` : `${Math.round(s / 60)} min`;
}

/** The URL without credentials or query string (where tokens tend to hide). */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    u.search = '';
    return u.toString();
  } catch {
    return '(invalid URL)';
  }
}

export function bodyExcerpt(body: unknown, max = 200): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  if (flat === '') return '(empty body)';
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/**
 * Values of headers that carry credentials (Authorization, API keys, tokens, cookies): masked in
 * errors even when written literally in the policy rather than read from the environment.
 */
export function credentialValues(headers: Record<string, string> | undefined): string[] {
  return Object.entries(headers ?? {})
    .filter(([name]) => /authorization|key|token|secret|password|cookie|session/i.test(name))
    .flatMap(([, value]) => [value, value.replace(/^(Bearer|Basic|Token)\s+/i, '')]);
}

/** An error for a response the source cannot use: status, short body, retries, all redacted. */
export function responseError(label: string, response: HttpResponse, reason: string, secrets: readonly string[] = []): SourceError {
  const tries = response.attempts > 1 ? ` (after ${response.attempts} attempts)` : '';
  const redact = createRedactor(secrets);
  return new SourceError(redact(`${label} ${displayUrl(response.url)}: HTTP ${response.status}: ${reason}${tries}`), response.status);
}

/** Parses a JSON body, or explains (status and an excerpt) why it could not. */
export function parseJsonBody(label: string, response: HttpResponse, secrets: readonly string[] = []): unknown {
  try {
    return JSON.parse(response.body);
  } catch {
    // An error status speaks for itself; "not JSON" matters only when the backend claimed success.
    const reason = response.status >= 400 ? bodyExcerpt(response.body) : `not JSON: ${bodyExcerpt(response.body)}`;
    throw responseError(label, response, reason, secrets);
  }
}
