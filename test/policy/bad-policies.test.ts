/**
 * The corpus of malformed policies: every `test/fixtures/bad-policies/NAME.yml` has a sibling
 * `NAME.expected` holding the exact lines `file:line:col: key: message` the loader must report,
 * all of them at once, in file order. To add a case, add both files.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem, PolicyError } from '../../src/policy/errors.js';
import { loadPolicy } from '../../src/policy/load.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIR = 'test/fixtures/bad-policies';

const fixtures = readdirSync(path.join(ROOT, DIR))
  .filter((name) => name.endsWith('.yml'))
  .sort();

/** The fixture's path relative to the repository root, as problems name it. */
const relative = (name: string): string => `${DIR}/${name}`;

function expectedLines(name: string): string[] {
  const text = readFileSync(path.join(ROOT, DIR, name.replace(/\.yml$/, '.expected')), 'utf8');
  return text.split('\n').filter((line) => line !== '');
}

function problemLines(name: string): string[] {
  const file = relative(name);
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  try {
    // No environment at all: the ${VAR} fixtures must not depend on the machine running them.
    loadPolicy(text, file, { env: {} });
  } catch (error) {
    if (error instanceof PolicyError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error(`${file} loaded without a problem`);
}

describe('bad policies corpus', () => {
  it('has at least 45 fixtures, each with its expected output', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(45);
    const expected = readdirSync(path.join(ROOT, DIR)).filter((name) => name.endsWith('.expected'));
    expect(expected.map((name) => name.replace(/\.expected$/, '.yml')).sort()).toEqual(fixtures);
  });

  it('includes several fixtures with more than one problem', () => {
    const multi = fixtures.filter((name) => expectedLines(name).length > 1);
    expect(multi.length).toBeGreaterThanOrEqual(10);
  });

  it.each(fixtures)('%s', (name) => {
    const expected = expectedLines(name);
    expect(expected.length).toBeGreaterThan(0);
    for (const line of expected) expect(line.startsWith(`${relative(name)}:`)).toBe(true);
    expect(problemLines(name)).toEqual(expected);
  });
});

describe('problems quoting a value read from ${ENV}', () => {
  const SECRET = 'hunter2-Xq9';
  const text = `version: 1
service: checkout
window: 30m
deployed-at: '\${TOKEN}'
sources:
  prom: { type: prometheus, url: http://prometheus:9090, timeout: '\${TOKEN}', method: 'x-\${TOKEN}' }
scopes:
  canary: 'deployment="checkout"'
  baseline: { before: deploy }
metrics:
  - name: latency
    source: prom
    query: 'latency{{{scope}}}'
    compare: { tolerance: '$\${TOKEN}' }
`;

  function problems(env: Record<string, string>, policy = text): string[] {
    try {
      loadPolicy(policy, 'p.yml', { env });
    } catch (error) {
      if (error instanceof PolicyError) return error.problems.map(formatProblem);
      throw error;
    }
    throw new Error('loaded without a problem');
  }

  it('show the reference as written, never the secret', () => {
    const lines = problems({ TOKEN: SECRET });
    expect(lines).toEqual([
      'p.yml:6:67: sources.prom.timeout: expected a duration such as 30s, 5m, 1h30m, 28d, found "${TOKEN}" (expanded from the environment; not shown)',
      'p.yml:6:87: sources.prom.method: expected POST or GET, found "x-${TOKEN}" (expanded from the environment; not shown)',
      // $${TOKEN} is the literal text ${TOKEN}: nothing was read, so it is shown.
      'p.yml:14:27: metrics[0].compare.tolerance: expected a number or a percentage such as 10%, found "${TOKEN}"',
    ]);
    for (const line of lines) expect(line).not.toContain(SECRET);
  });

  it('do not echo an unreadable deployed-at read from the environment', () => {
    const valid = text.replace(/timeout: .*, method: '.*' \}/, 'timeout: 10s }').replace("'$${TOKEN}'", '10%');
    expect(problems({ TOKEN: SECRET }, valid)).toEqual([
      'p.yml:4:14: deployed-at: expected an ISO 8601 time or epoch seconds, found a value from the environment',
    ]);
  });
});

describe('canary-gate validate on bad policies (built CLI)', () => {
  const cli = path.join(ROOT, 'dist/cli.js');
  const cases = [
    'many-problems.yml',
    'many-semantic-problems.yml',
    'yaml-duplicate-key.yml',
    'yaml-unclosed-quote.yml',
    'empty-file.yml',
    'list-instead-of-map.yml',
    'missing-env-variable.yml',
    'undefined-variable.yml',
  ];

  it.each(cases)('%s: exit 3, every problem on stderr, no stack trace', (name) => {
    expect(existsSync(cli), 'dist/cli.js is missing: run `npm run build` first').toBe(true);
    // A clean environment: no CANARY_GATE_FIXTURE_* variables, no debug output.
    const env = { PATH: process.env.PATH ?? '', NO_COLOR: '1' };
    const run = spawnSync(process.execPath, [cli, 'validate', '--policy', relative(name)], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    const expected = expectedLines(name);
    const summary = `${expected.length} problem${expected.length === 1 ? '' : 's'} in the policy.`;

    expect(run.status).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(/^ {4}at /m);
    expect(
      run.stderr.split('\n').filter((line) => line !== ''),
      'if only the CLI disagrees with the loader, dist/ is stale: run `npm run build`',
    ).toEqual([...expected, summary]);
  });
});
