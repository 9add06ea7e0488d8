import { readFileSync } from 'node:fs';

/**
 * Reference values from R 4.2.2 and scipy 1.17 (copied from shared/reference so the suite runs
 * from a clone alone). `conventions` inside says how each quantity is oriented.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const reference: any = JSON.parse(readFileSync(new URL('./reference/stats-reference.json', import.meta.url), 'utf8'));

/** |actual - expected| <= rtol * |expected| (or <= atol near zero). */
export function expectClose(actual: number, expected: number, rtol = 1e-6, atol = 0): void {
  const diff = Math.abs(actual - expected);
  if (!(diff <= Math.max(rtol * Math.abs(expected), atol))) {
    throw new Error(`expected ${actual} to be within rtol ${rtol} (atol ${atol}) of ${expected} (diff ${diff})`);
  }
}
