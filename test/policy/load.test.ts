/** The loader's happy path: what a valid policy resolves to. Malformed policies: bad-policies.test.ts. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PolicyError } from '../../src/policy/errors.js';
import { loadPolicy, type LoadOptions } from '../../src/policy/load.js';
import { policyJsonSchema } from '../../src/policy/schema.js';
import type { Policy, RatioMetricSpec, ValueMetricSpec } from '../../src/policy/types.js';

const HEAD = `version: 1
service: checkout
window: 30m
sources:
  prom: { type: prometheus, url: http://prometheus:9090 }
`;

const CONCURRENT = `scopes:
  canary: 'deployment="checkout-canary"'
  baseline: 'deployment="checkout-stable"'
`;

function load(text: string, options: Partial<LoadOptions> = {}): Policy {
  try {
    return loadPolicy(text, 'policies/checkout.yml', { env: {}, ...options });
  } catch (error) {
    // Show the problems themselves rather than "PolicyError" when a case goes wrong.
    if (error instanceof PolicyError) throw new Error(`unexpected problems:\n${error.message}`);
    throw error;
  }
}

function valueMetric(policy: Policy, index = 0): ValueMetricSpec {
  const metric = policy.metrics[index]!;
  if (metric.kind === 'ratio') throw new Error(`metrics[${index}] is a ratio`);
  return metric;
}

function ratioMetric(policy: Policy, index = 0): RatioMetricSpec {
  const metric = policy.metrics[index]!;
  if (metric.kind !== 'ratio') throw new Error(`metrics[${index}] is not a ratio`);
  return metric;
}

describe('defaults', () => {
  const policy = load(`${HEAD}${CONCURRENT}metrics:
  - name: cpu
    source: prom
    query: 'cpu{{{scope}}}'
    compare: { tolerance: 10% }
  - name: latency
    source: prom
    kind: distribution
    query: 'latency{{{scope}}}'
    compare: { floor: 0.05 }
  - name: errors
    source: prom
    kind: ratio
    errors: 'errors{{{scope}}}'
    total: 'requests{{{scope}}}'
    threshold: { max: 1% }
`);

  it('fills in the policy-wide defaults', () => {
    expect(policy.file).toBe('policies/checkout.yml');
    expect(policy.dir).toBe('policies');
    expect(policy.service).toBe('checkout');
    expect(policy.mode).toBe('enforce');
    expect(policy.windowMs).toBe(30 * 60_000);
    expect(policy.stepMs).toBe(60_000);
    expect(policy.deployedAt).toBeUndefined();
    expect(policy.vars).toEqual({});
    expect(policy.secrets).toEqual([]);
    expect(policy.scoring).toEqual({ pass: 95, marginal: 75, groups: {}, multipleTesting: 'none' });
  });

  it('fills in every metric default', () => {
    const cpu = valueMetric(policy, 0);
    expect(cpu).toMatchObject({
      name: 'cpu',
      kind: 'gauge',
      aggregate: 'mean',
      group: 'cpu',
      weight: 1,
      critical: false,
      dryRun: false,
      minSamples: 3,
      onNoData: 'fail',
      compare: { test: 'mann-whitney', direction: 'increase', tolerance: 0.1, confidence: 0.95, scale: 'auto', autocorrelation: 'adjust' },
    });
    expect(cpu.threshold).toBeUndefined();
    expect(cpu.line).toBe(10);
  });

  it('aggregates distributions with the median', () => {
    expect(valueMetric(policy, 1)).toMatchObject({ kind: 'distribution', aggregate: 'median', group: 'latency' });
    expect(valueMetric(policy, 1).compare).toEqual({
      test: 'mann-whitney',
      direction: 'increase',
      tolerance: undefined,
      floor: 0.05,
      confidence: 0.95,
      scale: 'auto',
      autocorrelation: 'adjust',
    });
  });

  it('keeps ratio metrics as errors/total without an aggregate', () => {
    const errors = ratioMetric(policy, 2);
    expect(errors).toMatchObject({ kind: 'ratio', errors: 'errors{{{scope}}}', total: 'requests{{{scope}}}', group: 'errors' });
    expect(errors).not.toHaveProperty('aggregate');
    expect(errors.compare).toBeUndefined();
    expect(errors.threshold).toEqual({ min: undefined, max: 0.01 });
  });

  it('applies the defaults section, metric keys taking precedence', () => {
    const withDefaults = load(`${HEAD}${CONCURRENT}defaults:
  min-samples: 10
  on-no-data: inconclusive
  aggregate: p95
  compare: { direction: either, tolerance: 15% }
metrics:
  - name: a
    source: prom
    query: 'a{{{scope}}}'
  - name: b
    source: prom
    query: 'b{{{scope}}}'
    min-samples: 0
    on-no-data: ignore
    aggregate: max
    compare: { tolerance: 5% }
  - name: c
    source: prom
    query: 'c{{{scope}}}'
    threshold: { max: 100 }
`);
    expect(valueMetric(withDefaults, 0)).toMatchObject({
      minSamples: 10,
      onNoData: 'inconclusive',
      aggregate: 'p95',
      compare: { test: 'mann-whitney', direction: 'either', tolerance: 0.15 },
    });
    expect(valueMetric(withDefaults, 1)).toMatchObject({
      minSamples: 0,
      onNoData: 'ignore',
      aggregate: 'max',
      compare: { direction: 'either', tolerance: 0.05 },
    });
    // A metric with only a threshold does not pick up the default compare.
    expect(valueMetric(withDefaults, 2).compare).toBeUndefined();
    expect(valueMetric(withDefaults, 2).threshold).toEqual({ min: undefined, max: 100 });
  });
});

describe('explicit values', () => {
  it('reads mode, step, scoring, groups and metric options', () => {
    const policy = load(`version: 1
service: payments
mode: advisory
window: 1h30m
step: 30s
sources:
  prom: { type: prometheus, url: http://prometheus:9090, timeout: 10s, method: GET }
${CONCURRENT}metrics:
  - name: latency
    source: prom
    description: p99 latency
    unit: s
    group: performance
    query: 'latency{{{scope}}}'
    compare: { test: none }
    threshold: { min: 0, max: 2.5 }
    critical: true
    weight: 2.5
    dry-run: true
scoring:
  pass: 90
  marginal: 90
  groups: { performance: 3 }
`);
    expect(policy.mode).toBe('advisory');
    expect(policy.windowMs).toBe(5_400_000);
    expect(policy.stepMs).toBe(30_000);
    expect(policy.sources.prom).toEqual({ type: 'prometheus', url: 'http://prometheus:9090', timeout: '10s', method: 'GET' });
    expect(policy.scoring).toEqual({ pass: 90, marginal: 90, groups: { performance: 3 }, multipleTesting: 'none' });
    expect(valueMetric(policy)).toMatchObject({
      description: 'p99 latency',
      unit: 's',
      group: 'performance',
      critical: true,
      weight: 2.5,
      dryRun: true,
      compare: { test: 'none', direction: 'increase' },
      threshold: { min: 0, max: 2.5 },
    });
  });
});

describe('percentages and durations', () => {
  it.each([
    ['10%', 0.1],
    ['0.5%', 0.005],
    ['150%', 1.5],
    ['0%', 0],
    ['0.25', 0.25],
    ['3', 3],
  ])('tolerance %s is %d', (written, expected) => {
    const policy = load(`${HEAD}${CONCURRENT}metrics:
  - name: m
    source: prom
    query: 'm{{{scope}}}'
    compare: { tolerance: ${written} }
`);
    expect(valueMetric(policy).compare?.tolerance).toBeCloseTo(expected, 12);
  });

  it('reads threshold percentages, including negative ones', () => {
    const policy = load(`${HEAD}${CONCURRENT}metrics:
  - name: m
    source: prom
    query: 'm{{{scope}}}'
    threshold: { min: -5%, max: 1% }
`);
    expect(valueMetric(policy).threshold).toEqual({ min: -0.05, max: 0.01 });
  });

  it.each([
    ['250ms', 250, '50ms'],
    ['45s', 45_000, '15s'],
    ['5m', 300_000, '1m'],
    ['2h', 7_200_000, '1m'],
    ['1h30m', 5_400_000, '1m'],
    ['1.5h', 5_400_000, '1m'],
    ['1d', 86_400_000, '1h'],
    ['1w', 604_800_000, '1h'],
  ])('window %s is %d ms', (written, ms, step) => {
    const policy = load(`version: 1
service: checkout
window: ${written}
step: ${step}
sources:
  prom: { type: prometheus, url: http://prometheus:9090 }
scopes:
  canary: 'deployment="c"'
  baseline: { offset: ${written} }
metrics:
  - name: m
    source: prom
    query: 'm{{{scope}}}'
    compare: { tolerance: 10% }
`);
    expect(policy.windowMs).toBe(ms);
    expect(policy.scopes!.baseline.offsetMs).toBe(ms);
  });
});

describe('${ENV} expansion', () => {
  const text = `version: 1
service: \${SERVICE}
window: 30m
sources:
  prom:
    type: prometheus
    url: \${PROM_URL}
    bearer: \${TOKEN}
    headers: { X-Scope-OrgID: 'tenant-\${TENANT}', X-Literal: '$\${NOT_EXPANDED}', X-Empty: '\${EMPTY}' }
    basic: { username: gate, password: '\${TOKEN}' }
${CONCURRENT}metrics:
  - name: m
    source: prom
    query: 'm{{{scope}}}'
    compare: { tolerance: 10% }
`;
  const env = { SERVICE: 'checkout', PROM_URL: 'https://prom.example', TOKEN: 's3cret', TENANT: 'acme', EMPTY: '' };

  it('replaces ${NAME} with the environment in every string', () => {
    const policy = load(text, { env });
    expect(policy.service).toBe('checkout');
    expect(policy.sources.prom).toEqual({
      type: 'prometheus',
      url: 'https://prom.example',
      bearer: 's3cret',
      headers: { 'X-Scope-OrgID': 'tenant-acme', 'X-Literal': '${NOT_EXPANDED}', 'X-Empty': '' },
      basic: { username: 'gate', password: 's3cret' },
    });
  });

  it('collects the values read as secrets, once each, without empty ones', () => {
    const policy = load(text, { env });
    expect([...policy.secrets].sort()).toEqual(['acme', 'checkout', 'https://prom.example', 's3cret']);
  });

  it('treats $${NAME} as a literal ${NAME}: neither read, nor missing, nor secret', () => {
    const policy = load(text, { env: { ...env, NOT_EXPANDED: 'leak' } });
    expect((policy.sources.prom as { headers?: Record<string, string> }).headers?.['X-Literal']).toBe('${NOT_EXPANDED}');
    expect(policy.secrets).not.toContain('leak');
  });

  it('does not expand in keys or non-string values', () => {
    const policy = load(`${HEAD}${CONCURRENT}vars:
  \${KEY}: value
  n: 5
metrics:
  - name: m
    source: prom
    query: 'm{{{scope}}}'
    compare: { tolerance: 10% }
`, { env: { KEY: 'expanded' } });
    expect(policy.vars).toEqual({ '${KEY}': 'value', n: '5' });
    expect(policy.secrets).toEqual([]);
  });
});

describe('vars', () => {
  const text = `${HEAD}${CONCURRENT}vars:
  job: checkout
  quantile: 0.99
  cluster: eu-1
metrics:
  - name: m
    source: prom
    query: 'histogram_quantile({{quantile}}, m{job="{{ job }}",cluster="{{cluster}}",region="{{region}}",{{scope}}}[{{window}}])'
    compare: { tolerance: 10% }
`;

  it('merges the policy vars with the overrides, the overrides winning', () => {
    const policy = load(text, { vars: { cluster: 'us-2', region: 'us' } });
    expect(policy.vars).toEqual({ job: 'checkout', quantile: '0.99', cluster: 'us-2', region: 'us' });
    // Templates are kept as written; they are rendered per query.
    expect(valueMetric(policy).query).toContain('{{region}}');
  });

  it('needs the override for a variable the policy does not define', () => {
    expect(() => loadPolicy(text, 'p.yml', { env: {} })).toThrow(/undefined variable \{\{region\}\}/);
  });
});

describe('scopes and baselines', () => {
  const policyWith = (scopes: string, extra = '', options: Partial<LoadOptions> = {}) =>
    load(`${HEAD}${extra}scopes:
${scopes}
metrics:
  - name: m
    source: prom
    query: 'm{{{scope}}}'
    compare: { tolerance: 10% }
`, options);

  it('reads a concurrent baseline given as a selector string', () => {
    const policy = policyWith(`  canary: 'deployment="canary"'\n  baseline: 'deployment="stable"'`);
    expect(policy.scopes).toEqual({ canary: { selector: 'deployment="canary"' }, baseline: { selector: 'deployment="stable"' } });
  });

  it('reads selector maps on both sides', () => {
    const policy = policyWith(`  canary: { selector: 'deployment="canary"' }\n  baseline: { selector: 'deployment="stable"' }`);
    expect(policy.scopes).toEqual({ canary: { selector: 'deployment="canary"' }, baseline: { selector: 'deployment="stable"' } });
  });

  it("reads an offset baseline, its selector defaulting to the canary's", () => {
    const policy = policyWith(`  canary: 'deployment="checkout"'\n  baseline: { offset: 1d }`);
    expect(policy.scopes!.baseline).toEqual({ selector: 'deployment="checkout"', offsetMs: 86_400_000 });
  });

  it('reads an offset baseline with its own selector', () => {
    const policy = policyWith(`  canary: 'deployment="canary"'\n  baseline: { selector: 'deployment="stable"', offset: 1w }`);
    expect(policy.scopes!.baseline).toEqual({ selector: 'deployment="stable"', offsetMs: 604_800_000 });
  });

  it('allows a query without {{scope}} when the baseline is another time window', () => {
    const policy = load(`${HEAD}scopes:
  canary: 'deployment="checkout"'
  baseline: { offset: 1d }
metrics:
  - name: m
    source: prom
    query: 'sum(rate(requests_total[5m]))'
    compare: { tolerance: 10% }
`);
    expect(valueMetric(policy).query).toBe('sum(rate(requests_total[5m]))');
  });

  it('reads before: deploy with deployed-at from the policy (ISO 8601)', () => {
    const policy = policyWith(`  canary: 'deployment="checkout"'\n  baseline: { before: deploy }`, 'deployed-at: 2026-11-20T11:00:00Z\n');
    expect(policy.scopes!.baseline).toEqual({ selector: 'deployment="checkout"', beforeDeploy: true });
    expect(policy.deployedAt).toBe(Date.UTC(2026, 10, 20, 11, 0, 0));
  });

  it('reads deployed-at given as epoch seconds', () => {
    const policy = policyWith(`  canary: 'deployment="checkout"'\n  baseline: { before: deploy }`, "deployed-at: '1763636400'\n");
    expect(policy.deployedAt).toBe(1_763_636_400_000);
  });

  it('takes deployed-at from the option when the policy has none', () => {
    const deployedAt = Date.UTC(2026, 10, 20, 9, 30);
    const policy = policyWith(`  canary: 'deployment="checkout"'\n  baseline: { before: deploy }`, '', { deployedAt });
    expect(policy.scopes!.baseline).toEqual({ selector: 'deployment="checkout"', beforeDeploy: true });
    expect(policy.deployedAt).toBe(deployedAt);
  });

  it("lets the option override the policy's deployed-at", () => {
    const deployedAt = Date.UTC(2026, 10, 20, 9, 30);
    const policy = policyWith(
      `  canary: 'deployment="checkout"'\n  baseline: { before: deploy }`,
      'deployed-at: 2026-11-20T11:00:00Z\n',
      { deployedAt },
    );
    expect(policy.deployedAt).toBe(deployedAt);
  });
});

describe('published JSON Schema', () => {
  it('schema/policy.schema.json is the output of policyJsonSchema()', () => {
    const file = fileURLToPath(new URL('../../schema/policy.schema.json', import.meta.url));
    const committed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    expect(committed, 'schema/policy.schema.json is out of date: run `npm run schema` (or `npm run build`)').toEqual(
      policyJsonSchema(),
    );
  });
});
