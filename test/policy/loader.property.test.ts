/**
 * Property tests of the policy loader: whatever text it is given, it returns a policy or throws one
 * PolicyError whose problems are located inside the text, and nothing else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { PolicyError } from '../../src/policy/errors.js';
import { loadPolicy } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/types.js';

const FILE = 'policy.yml';
const ENV = { PROM_URL: 'http://prometheus:9090', TOKEN: 's3cret', EMPTY: '' };

type Outcome = { policy: Policy } | { error: PolicyError };

/** Loads `text` and checks the loader's contract; returns what it produced for further checks. */
function loadChecked(text: string): Outcome {
  let outcome: Outcome;
  try {
    outcome = { policy: loadPolicy(text, FILE, { env: ENV }) };
  } catch (error) {
    if (!(error instanceof PolicyError)) {
      throw new Error(`loadPolicy threw ${String(error)} instead of a PolicyError for:\n${text}`, { cause: error });
    }
    outcome = { error };
  }
  if ('error' in outcome) {
    // Plain checks rather than expect(): this runs thousands of times.
    const lines = text.split('\n').length;
    const { problems } = outcome.error;
    if (problems.length === 0) throw new Error(`a PolicyError without problems for:\n${text}`);
    for (const p of problems) {
      const located = Number.isInteger(p.line) && p.line >= 1 && p.line <= lines + 1 && Number.isInteger(p.col) && p.col >= 1;
      if (!located || p.file !== FILE || p.message === '') {
        throw new Error(`badly located problem ${JSON.stringify(p)} in a text of ${lines} lines:\n${text}`);
      }
    }
  }
  return outcome;
}

// ---------------------------------------------------------------------------------------------
// (a) Random text.

const TOKENS = [
  'version', 'service', 'window', 'step', 'sources', 'scopes', 'canary', 'baseline', 'metrics', 'name',
  'source', 'query', 'kind', 'ratio', 'errors', 'total', 'compare', 'threshold', 'tolerance', 'floor',
  'min', 'max', 'scoring', 'pass', 'marginal', 'groups', 'defaults', 'vars', 'offset', 'before', 'deploy',
  'type', 'prometheus', 'file', 'url', 'path', 'aggregate', 'on-no-data', 'min-samples', 'weight',
  ':', ': ', '- ', '-', '{', '}', '[', ']', ',', "'", '"', '#', '|', '>', '?', '!', '!!str', '!!int',
  '&a', '*a', '&b ', '*b', '<<', '---', '...', '%', '10%', 'ten%', '1', '0', '-5m', '30m', '1h30m', '2.5',
  '.inf', '.nan', 'null', '~', 'true', 'yes', '${TOKEN}', '${MISSING}', '$${TOKEN}', '${EMPTY}',
  '{{scope}}', '{{x}}', 'up{{{scope}}}', '__proto__', 'constructor', 'toString', '\\', '\t', ' ', '  ', '\r',
];

const line = fc
  .tuple(
    fc.constantFrom('', ' ', '  ', '   ', '    ', '\t', '  - ', '- '),
    fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), {
      maxLength: 8,
    }),
  )
  .map(([indent, tokens]) => indent + tokens.join(''));

const tokenSoup = fc.array(line, { maxLength: 25 }).map((lines) => lines.join('\n'));

/** Random edits to a valid policy's text: the near misses an author actually makes. */
const VALID_TEXT = `version: 1
service: checkout
window: 30m
step: 1m
sources:
  prom: { type: prometheus, url: '\${PROM_URL}', bearer: '\${TOKEN}' }
scopes:
  canary: 'deployment="checkout-canary"'
  baseline: 'deployment="checkout-stable"'
metrics:
  - name: latency
    source: prom
    query: 'latency{{{scope}}}'
    compare: { direction: increase, tolerance: 10% }
  - name: errors
    source: prom
    kind: ratio
    errors: 'errors{{{scope}}}'
    total: 'requests{{{scope}}}'
    threshold: { max: 1% }
scoring: { pass: 95, marginal: 75 }
`;

const editedText = fc
  .array(fc.tuple(fc.nat(), fc.nat({ max: 5 }), fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 3 }))), {
    minLength: 1,
    maxLength: 4,
  })
  .map((edits) => {
    let text = VALID_TEXT;
    for (const [position, length, insert] of edits) {
      const at = position % (text.length + 1);
      text = text.slice(0, at) + insert + text.slice(at + length);
    }
    return text;
  });

describe('loadPolicy on random text', () => {
  it('the unedited text loads', () => {
    const outcome = loadChecked(VALID_TEXT);
    expect('policy' in outcome, 'error' in outcome ? outcome.error.message : '').toBe(true);
  });

  it('returns a policy or throws a PolicyError located inside the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 }), tokenSoup, editedText),
        (text) => {
          loadChecked(text);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// (b) Policy-shaped objects: a valid policy, mutated, serialized with the yaml package.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const VALID_DOC: Json = {
  version: 1,
  service: 'checkout',
  window: '30m',
  step: '1m',
  'deployed-at': '2026-11-20T11:00:00Z',
  vars: { job: 'checkout', quantile: 0.99 },
  sources: {
    prom: { type: 'prometheus', url: 'http://prometheus:9090', headers: { 'X-Org': '${TOKEN}' }, timeout: '10s' },
    samples: { type: 'file', path: 'metrics.json' },
  },
  scopes: { canary: 'deployment="checkout-canary"', baseline: { offset: '1d' } },
  defaults: { 'min-samples': 5, 'on-no-data': 'inconclusive', aggregate: 'median', compare: { tolerance: '15%' } },
  metrics: [
    {
      name: 'latency',
      source: 'prom',
      kind: 'distribution',
      query: 'histogram_quantile({{quantile}}, latency{job="{{job}}",{{scope}}})',
      aggregate: 'p95',
      compare: { direction: 'increase', tolerance: '10%', floor: 0.01 },
      weight: 2,
    },
    {
      name: 'errors',
      source: 'prom',
      kind: 'ratio',
      errors: 'errors{{{scope}}}',
      total: 'requests{{{scope}}}',
      threshold: { max: '1%' },
      critical: true,
    },
    { name: 'cpu', source: 'samples', query: 'cpu{{{scope}}}', group: 'resources', 'dry-run': true },
  ],
  scoring: { pass: 90, marginal: 70, groups: { resources: 0.5 } },
};

/** Every path in a JSON value, parents before children. */
function pathsOf(value: Json, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [at];
  if (Array.isArray(value)) value.forEach((item, i) => out.push(...pathsOf(item, [...at, i])));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) out.push(...pathsOf(item, [...at, key]));
  }
  return out;
}

type Mutation =
  | { op: 'delete'; pick: number }
  | { op: 'replace'; pick: number; value: Json }
  | { op: 'add'; pick: number; key: string; value: Json }
  | { op: 'retype'; pick: number };

const jsonValue = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('replace' as const), pick: fc.nat(), value: jsonValue }),
  fc.record({
    op: fc.constant('add' as const),
    pick: fc.nat(),
    key: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('name', 'query', 'offset', 'before', 'selector', '__proto__', 'constructor')),
    value: jsonValue,
  }),
  fc.record({ op: fc.constant('retype' as const), pick: fc.nat() }),
);

/** The same content in another type: the mistakes of an author who forgot quotes or brackets. */
function retype(value: Json): Json {
  if (typeof value === 'string') return Number.isNaN(Number(value)) ? [value] : Number(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 0;
  if (value === null) return {};
  if (Array.isArray(value)) return Object.fromEntries(value.map((item, i) => [String(i), item]));
  return Object.values(value);
}

function mutate(doc: Json, mutations: readonly Mutation[]): Json {
  let root = structuredClone(doc);
  for (const m of mutations) {
    const paths = pathsOf(root);
    const at = paths[m.pick % paths.length]!;
    if (at.length === 0) {
      if (m.op === 'replace') root = m.value;
      else if (m.op === 'retype') root = retype(root);
      continue;
    }
    const parent = at.slice(0, -1).reduce<Json>((node, key) => (node as Record<string, Json>)[key]!, root) as
      | Json[]
      | Record<string, Json>;
    const key = at.at(-1)!;
    const current = (parent as Record<string, Json>)[key]!;
    switch (m.op) {
      case 'delete':
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key];
        break;
      case 'replace':
        (parent as Record<string, Json>)[key] = m.value;
        break;
      case 'retype':
        (parent as Record<string, Json>)[key] = retype(current);
        break;
      case 'add':
        if (current !== null && typeof current === 'object' && !Array.isArray(current)) {
          Object.defineProperty(current, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
        } else if (Array.isArray(current)) current.push(m.value);
        break;
    }
  }
  return root;
}

describe('loadPolicy on mutated policies', () => {
  it('the unmutated document loads', () => {
    const outcome = loadChecked(stringify(VALID_DOC));
    expect('policy' in outcome, 'error' in outcome ? outcome.error.message : '').toBe(true);
  });

  it('returns a policy or throws a PolicyError located inside the text', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), fc.boolean(), (mutations, flow) => {
        const doc = mutate(VALID_DOC, mutations);
        loadChecked(stringify(doc, flow ? { collectionStyle: 'flow' } : undefined));
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// (c) Valid policies round-trip: what is written is what is loaded, however it is written.

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000 } as const;

const metricName = fc.stringMatching(/^[a-z][a-z0-9_.-]{0,11}$/);
const percent = fc.integer({ min: 0, max: 500 });
/** A finite double; -0 written as JSON reads back as 0, so it is not generated. */
const double = (min: number, max: number) => fc.double({ min, max, noNaN: true }).map((x) => x + 0);

const compareArb = fc.oneof(
  fc.record({ tolerance: percent.map((p) => `${p}%`) }),
  fc.record({ tolerance: double(0, 5) }),
  fc.record({ floor: double(0, 1000), direction: fc.constantFrom('increase', 'decrease', 'either') }),
);

const thresholdArb = fc
  .tuple(double(-1e6, 1e6), double(0, 1e6))
  .map(([min, span]) => ({ min, max: min + span }));

const metricArb = (name: string) =>
  fc.oneof(
    fc.record(
      {
        name: fc.constant(name),
        source: fc.constant('prom'),
        kind: fc.constantFrom('gauge', 'distribution'),
        query: fc.constantFrom('up{{{scope}}}', 'rate(x{ {{scope}} }[{{step}}])', 'sum(y{{{scope}}}) by (le)'),
        aggregate: fc.constantFrom('mean', 'median', 'p90', 'p95', 'p99', 'sum', 'last', 'min', 'max'),
        compare: compareArb,
        threshold: thresholdArb,
        weight: double(0.1, 10),
        critical: fc.boolean(),
        'min-samples': fc.nat({ max: 100 }),
        'on-no-data': fc.constantFrom('fail', 'inconclusive', 'pass', 'ignore'),
      },
      { requiredKeys: ['name', 'source', 'query', 'compare'] },
    ),
    fc.record(
      {
        name: fc.constant(name),
        source: fc.constant('prom'),
        kind: fc.constant('ratio'),
        errors: fc.constant('errors{{{scope}}}'),
        total: fc.constant('requests{{{scope}}}'),
        threshold: fc.record({ max: percent.map((p) => `${p}%`) }),
      },
      { requiredKeys: ['name', 'source', 'kind', 'errors', 'total', 'threshold'] },
    ),
  );

const validDoc = fc
  .record({
    service: fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
    windowMinutes: fc.integer({ min: 1, max: 24 * 60 }),
    step: fc.constantFrom(undefined, '1m', '30s'),
    baseline: fc.constantFrom<Json>('deployment="stable"', { offset: '1d' }, { selector: 'deployment="old"', offset: '1w' }, { before: 'deploy' }),
    names: fc.uniqueArray(metricName, { minLength: 1, maxLength: 5 }),
    scores: fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })),
  })
  .chain(({ names, ...rest }) => fc.tuple(fc.constant(rest), fc.tuple(...names.map(metricArb))))
  .map(([{ service, windowMinutes, step, baseline, scores }, metrics]) => {
    const doc: Record<string, Json> = {
      version: 1,
      service,
      window: `${windowMinutes}m`,
      'deployed-at': '2026-11-20T11:00:00Z',
      sources: { prom: { type: 'prometheus', url: '${PROM_URL}' } },
      scopes: { canary: 'deployment="canary"', baseline },
      metrics: metrics as Json[],
      scoring: { pass: Math.max(...scores), marginal: Math.min(...scores) },
    };
    if (step !== undefined) doc.step = step;
    return doc;
  });

function withoutLines(policy: Policy): unknown {
  return { ...policy, metrics: policy.metrics.map(({ line: _line, ...metric }) => metric) };
}

function mustLoad(text: string): Policy {
  const outcome = loadChecked(text);
  if ('error' in outcome) throw new Error(`a valid policy was refused:\n${outcome.error.message}\n${text}`);
  return outcome.policy;
}

describe('valid policies round-trip', () => {
  it('load what was written, the same from block YAML, flow YAML and JSON', () => {
    fc.assert(
      fc.property(validDoc, (doc) => {
        const policy = mustLoad(stringify(doc));
        expect(policy.service).toBe(doc.service);
        expect(policy.windowMs).toBe(Number.parseInt(String(doc.window), 10) * UNIT_MS.m);
        const step = (doc.step as string | undefined) ?? '1m';
        expect(policy.stepMs).toBe(Number.parseInt(step, 10) * UNIT_MS[step.at(-1) as 's' | 'm']);
        expect(policy.sources.prom).toEqual({ type: 'prometheus', url: ENV.PROM_URL });
        expect(policy.secrets).toEqual([ENV.PROM_URL]);
        expect(policy.scoring.pass).toBe((doc.scoring as { pass: number }).pass);

        const metrics = doc.metrics as Record<string, Json>[];
        expect(policy.metrics.map((m) => m.name)).toEqual(metrics.map((m) => m.name));
        policy.metrics.forEach((spec, i) => {
          const written = metrics[i]!;
          const compare = written.compare as Record<string, Json> | undefined;
          if (typeof compare?.tolerance === 'string') {
            expect(spec.compare?.tolerance).toBe(Number(compare.tolerance.slice(0, -1)) / 100);
          } else if (typeof compare?.tolerance === 'number') {
            expect(spec.compare?.tolerance).toBe(compare.tolerance);
          }
          if (compare?.floor !== undefined) expect(spec.compare?.floor).toBe(compare.floor);
          expect(spec.weight).toBe(written.weight ?? 1);
          expect(spec.minSamples).toBe(written['min-samples'] ?? 3);
        });

        // The same document written otherwise loads to the same policy (lines aside).
        const flow = mustLoad(stringify(doc, { collectionStyle: 'flow' }));
        const json = mustLoad(JSON.stringify(doc, null, 2));
        expect(withoutLines(flow)).toEqual(withoutLines(policy));
        expect(withoutLines(json)).toEqual(withoutLines(policy));
      }),
      { numRuns: 200 },
    );
  });
});
