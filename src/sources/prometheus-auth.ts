/**
 * How the Prometheus family authenticates (Prometheus, Thanos, Mimir, Cortex, and their
 * Alertmanager): extra headers, a bearer token or basic auth, and the tenant header of
 * multi-tenant stores. One place builds the headers and lists the values to mask.
 */
import { credentialValues } from './http.js';

export interface PrometheusAuth {
  headers?: Record<string, string>;
  bearer?: string;
  basic?: { username: string; password: string };
  /** Mimir/Cortex (and Loki, Tempo) tenant: sent as X-Scope-OrgID. */
  tenant?: string;
}

function basicCredentials(basic: NonNullable<PrometheusAuth['basic']>): string {
  return Buffer.from(`${basic.username}:${basic.password}`).toString('base64');
}

export function authHeaders(auth: PrometheusAuth): Record<string, string> {
  const headers: Record<string, string> = { ...auth.headers };
  if (auth.tenant) headers['X-Scope-OrgID'] = auth.tenant;
  if (auth.bearer) headers.Authorization = `Bearer ${auth.bearer}`;
  if (auth.basic) headers.Authorization = `Basic ${basicCredentials(auth.basic)}`;
  return headers;
}

/** Every credential the headers carry, in the forms an echoing backend could send back. */
export function authSecrets(auth: PrometheusAuth): string[] {
  const { bearer, basic, headers } = auth;
  return [bearer, basic?.password, basic && basicCredentials(basic), ...credentialValues(headers)].filter((s): s is string => !!s && s.length >= 3);
}
