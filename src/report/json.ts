import type { Report } from './model.js';

/** The machine-readable report: the model as is (non-finite numbers become null in JSON). */
export function renderJson(report: Report): string {
  return JSON.stringify(report, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2) + '\n';
}
