/** Every example policy loads: the README points users at them, so they must stay valid. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/policy/load.js';

const examples = readdirSync('examples', { withFileTypes: true })
  .filter((d) => d.isDirectory() && readdirSync(`examples/${d.name}`).includes('policy.yml'))
  .map((d) => `examples/${d.name}/policy.yml`);

/** Stand-ins for the ${NAME} values the examples read: shaped like the real thing. */
const env = new Proxy({} as Record<string, string>, {
  get: (_, name: string) => (name.endsWith('_URL') ? 'http://127.0.0.1:9' : name.endsWith('_ID') ? '1234567' : `example-${name.toLowerCase()}`),
});

describe('example policies', () => {
  it('cover every source type', () => {
    const types = new Set(examples.flatMap((file) => Object.values(loadPolicy(readFileSync(file, 'utf8'), file, { env }).sources).map((s) => s.type)));
    expect([...types].sort()).toEqual(['alertmanager', 'datadog', 'file', 'http-json', 'newrelic', 'prometheus']);
  });

  it.each(examples)('%s loads', (file) => {
    const policy = loadPolicy(readFileSync(file, 'utf8'), file, { env });
    // Every example checks something: metrics, or (a gate without a canary) budgets, freezes or alerts.
    expect(policy.metrics.length + (policy.slos?.length ?? 0) + (policy.freeze?.length ?? 0) + (policy.alerts?.length ?? 0)).toBeGreaterThan(0);
  });
});
