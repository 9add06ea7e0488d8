import path from 'node:path';
import { parseDuration } from '../policy/duration.js';
import type { Policy, SourceConfig } from '../policy/types.js';
import { FileSource } from './file-source.js';
import type { MetricSource } from './types.js';

export type { MetricSource, Point, RangeQuery, Series } from './types.js';
export { SourceError } from './types.js';

/**
 * Builds the backends a policy names. New backends add a case here. HTTP backends are imported
 * on demand, so a run loads (and the bundle parses) only the clients its policy uses.
 */
export async function createSource(config: SourceConfig, policyDir: string): Promise<MetricSource> {
  switch (config.type) {
    case 'prometheus': {
      const { PrometheusSource } = await import('./prometheus-source.js');
      return new PrometheusSource({
        url: config.url,
        headers: config.headers,
        bearer: config.bearer,
        basic: config.basic,
        timeoutMs: config.timeout ? parseDuration(config.timeout) : undefined,
        method: config.method,
      });
    }
    case 'file':
      return new FileSource(path.resolve(policyDir, config.path), config.format);
  }
}

export async function createSources(policy: Policy): Promise<Record<string, MetricSource>> {
  const entries = await Promise.all(
    Object.entries(policy.sources).map(async ([name, config]) => [name, await createSource(config, policy.dir)] as const),
  );
  return Object.fromEntries(entries);
}
