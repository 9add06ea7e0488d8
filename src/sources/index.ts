import path from 'node:path';
import { parseDuration } from '../policy/duration.js';
import type { Policy, SourceConfig } from '../policy/types.js';
import { FileSource } from './file-source.js';
import { PrometheusSource } from './prometheus-source.js';
import type { MetricSource } from './types.js';

export type { MetricSource, Point, RangeQuery, Series } from './types.js';
export { SourceError } from './types.js';

/** Builds the backends a policy names. New backends add a case here. */
export function createSource(config: SourceConfig, policyDir: string): MetricSource {
  switch (config.type) {
    case 'prometheus':
      return new PrometheusSource({
        url: config.url,
        headers: config.headers,
        bearer: config.bearer,
        basic: config.basic,
        timeoutMs: config.timeout ? parseDuration(config.timeout) : undefined,
        method: config.method,
      });
    case 'file':
      return new FileSource(path.resolve(policyDir, config.path), config.format);
  }
}

export function createSources(policy: Policy): Record<string, MetricSource> {
  return Object.fromEntries(Object.entries(policy.sources).map(([name, config]) => [name, createSource(config, policy.dir)]));
}
