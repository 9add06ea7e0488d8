import { loadPolicy } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/types.js';
import { SourceError, type MetricSource, type RangeQuery, type Series } from '../../src/sources/types.js';
import type { Clock } from '../../src/watch/clock.js';
import { mulberry32 } from '../../src/stats/seeded-random.js';

/** A clock that jumps instead of waiting: sleep(ms) advances it by ms at once. */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(public t: number) {}
  now = () => this.t;
  sleep = async (ms: number) => {
    this.sleeps.push(ms);
    if (ms > 0) this.t += ms;
  };
}

export const START = Date.parse('2026-11-20T12:00:00Z');

export const seeded = mulberry32;

/** Deterministic per-step values: a hash of (series, step) drives them, so every look sees the same past. */
export function stepRandom(key: string, stepIndex: number): () => number {
  let h = 2166136261;
  for (const ch of `${key}#${stepIndex}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return seeded(h);
}

export function poisson(mean: number, random: () => number): number {
  if (mean > 50) {
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

export type StepValue = (scope: 'canary' | 'baseline', role: string, stepIndex: number) => number;

/**
 * A scripted source: queries name a role and contain the scope selector; every step's value
 * comes from `value`, and `fail` may throw for the look that asks up to a given end.
 */
export function scriptedSource(value: StepValue, fail?: (request: RangeQuery) => string | undefined): MetricSource & { calls: RangeQuery[] } {
  const calls: RangeQuery[] = [];
  return {
    type: 'scripted',
    calls,
    async query(request: RangeQuery): Promise<Series[]> {
      calls.push(request);
      const why = fail?.(request);
      if (why) throw new SourceError(why);
      const scope = request.query.includes('canary') ? 'canary' : 'baseline';
      const role = /^(\w+)/.exec(request.query)![1]!;
      const points = [];
      for (let t = request.start; t <= request.end; t += request.stepMs) {
        const stepIndex = Math.round((t - START) / request.stepMs);
        points.push({ t, v: value(scope, role, stepIndex) });
      }
      return [{ labels: {}, points }];
    },
  };
}

export function policyFrom(yaml: string): Policy {
  return loadPolicy(yaml, 'watch.yml', { env: {} });
}

export const HEADER = `version: 1
service: checkout
window: 30m
step: 1m
sources:
  s: { type: prometheus, url: http://127.0.0.1:1 }
scopes:
  canary: 'deployment="canary"'
  baseline: 'deployment="baseline"'
`;
