/**
 * Refuses series that belong to another scope. A scope is written in the backend's own syntax
 * (`deployment="checkout-canary"` for PromQL, `version:canary` for Datadog, `appName = 'x'` for
 * NRQL); its equality terms are what a returned series must not contradict. A proxy that serves a
 * cached answer for the wrong query, or a query whose {{scope}} sits where it filters nothing,
 * would otherwise compare the baseline with itself and pass.
 */
import { SourceError, type Series } from './types.js';

/** `label="v"`, `label = 'v'` (NRQL) or `tag:v` (Datadog); negations and regexes are not terms. */
const TERM = /(?:^|[\s,{(]|AND\s)([!-]?)([A-Za-z_][A-Za-z0-9_.\-/]*)\s*(=~|!=|!~|=|:)\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s,})]+)/gi;

/** The equality terms of a scope selector: label → value. */
export function scopeTerms(selector: string): Map<string, string> {
  const terms = new Map<string, string>();
  for (const match of selector.matchAll(TERM)) {
    const [, negated, label, op, raw] = match;
    if (negated || (op !== '=' && op !== ':')) continue;
    // "name:" inside a quoted value, or a Datadog tag with several colons, is not a label term.
    const value = unquote(raw!);
    if (value === undefined) continue;
    if (terms.has(label!) && terms.get(label!) !== value) terms.delete(label!);
    else terms.set(label!, value);
  }
  return terms;
}

function unquote(raw: string): string | undefined {
  if (raw.startsWith('"')) {
    try {
      return JSON.parse(raw) as string;
    } catch {
      return undefined;
    }
  }
  if (raw.startsWith("'")) return raw.slice(1, -1).replace(/\\(.)/g, '$1');
  return raw;
}

/** The first label of `series` that contradicts the scope, if any. */
export function contradiction(terms: ReadonlyMap<string, string>, labels: Record<string, string>): { label: string; value: string; expected: string } | undefined {
  for (const [label, expected] of terms) {
    const value = labels[label];
    if (value !== undefined && value !== expected) return { label, value, expected };
  }
  return undefined;
}

/** Throws when any series is labelled for a scope other than `selector`. */
export function checkScope(series: Series[], selector: string | undefined, label: string): Series[] {
  if (!selector) return series;
  const terms = scopeTerms(selector);
  if (terms.size === 0) return series;
  for (const s of series) {
    const wrong = contradiction(terms, s.labels);
    if (wrong) {
      throw new SourceError(
        `${label}: returned a series for another scope (${wrong.label}="${wrong.value}", expected "${wrong.expected}" for ${selector}); refusing to judge it`,
      );
    }
  }
  return series;
}
