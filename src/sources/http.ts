import axios, { type AxiosRequestConfig, type AxiosResponse } from 'axios';
import { SourceError } from './types.js';

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
  form?: Record<string, string>;
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * The one place sources make HTTP requests. Any status is returned to the caller (backends put
 * useful error bodies behind 4xx/5xx); network faults and timeouts become a SourceError that
 * names the URL without its query string (where tokens tend to hide).
 */
export async function httpRequest(request: HttpRequest): Promise<AxiosResponse<unknown>> {
  const config: AxiosRequestConfig = {
    method: request.method,
    url: request.url,
    headers: { Accept: 'application/json', ...request.headers },
    params: request.params,
    timeout: request.timeoutMs,
    signal: request.signal,
    validateStatus: () => true,
    maxRedirects: 0,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
  };
  if (request.form) {
    config.data = new URLSearchParams(request.form).toString();
    config.headers = { ...config.headers, 'Content-Type': 'application/x-www-form-urlencoded' };
  }
  try {
    return await axios.request(config);
  } catch (error) {
    const e = error as { code?: string; message?: string };
    const why = e.code === 'ECONNABORTED' || e.code === 'ETIMEDOUT' ? `timed out after ${request.timeoutMs} ms` : (e.code ?? e.message ?? 'request failed');
    throw new SourceError(`${request.method} ${displayUrl(request.url)}: ${why}`);
  }
}

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
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
