import path from 'node:path';
import type { $ZodIssue } from 'zod/v4/core';
import { expandEnv } from './env.js';
import { PolicyError, type PolicyProblem } from './errors.js';
import { normalizePolicy } from './normalize.js';
import { policySchema, type PolicyDocument } from './schema.js';
import type { Policy } from './types.js';
import { YamlSource, type KeyPath } from './yaml-source.js';

export interface LoadOptions {
  /** The environment `${NAME}` reads from. */
  env: Readonly<Record<string, string | undefined>>;
  /** `--var k=v` / the action's `vars` input: override the policy's `vars`. */
  vars?: Record<string, string>;
  /** Overrides the policy's `deployed-at` (epoch ms). */
  deployedAt?: number;
  /**
   * Unset `${NAME}` variables are problems (the default), or, for `validate --allow-unset-env`,
   * kept as written and reported through `warnings` so a policy can be checked without secrets.
   */
  unsetEnv?: 'error' | 'warn';
  warnings?: PolicyProblem[];
}

/**
 * Parses, validates and resolves a policy. Every problem in the file is collected and thrown
 * together as one `PolicyError`; nothing else is thrown for bad input.
 */
export function loadPolicy(text: string, file: string, options: LoadOptions): Policy {
  const { source, problems } = YamlSource.parse(text, file);
  if (problems.length > 0) throw new PolicyError(problems);

  let raw: unknown;
  try {
    raw = source.toJS();
  } catch (error) {
    const problem = source.problemAt([], `YAML: ${(error as Error).message}`);
    throw new PolicyError([{ ...problem, ...source.unresolvedAliasPosition() }]);
  }
  if (raw === null || raw === undefined) throw new PolicyError([source.problemAt([], 'the policy file is empty')]);

  const secrets: string[] = [];
  const envProblems: PolicyProblem[] = [];
  const expanded = expandStrings(raw, [], (text, at) => {
    const keepMissing = options.unsetEnv === 'warn';
    const result = expandEnv(text, options.env, keepMissing);
    secrets.push(...result.secrets);
    for (const name of result.missing) {
      const problem = source.problemAt(at, `environment variable \${${name}} is not set`);
      if (keepMissing) options.warnings?.push(problem);
      else envProblems.push(problem);
    }
    return result.value;
  });

  const parsed = policySchema.safeParse(expanded);
  if (!parsed.success) {
    // A missing variable also makes its value invalid: report the cause once, not both.
    const envKeys = new Set(envProblems.map((p) => p.key));
    const schema = schemaProblems(parsed.error.issues, { source, expanded, raw, secrets }).filter((p) => !envKeys.has(p.key));
    throw new PolicyError(sortProblems([...schema, ...envProblems]));
  }
  if (envProblems.length > 0) throw new PolicyError(envProblems);

  const { policy, problems: semantic } = normalizePolicy(parsed.data as PolicyDocument, {
    source,
    file,
    dir: path.dirname(file),
    secrets,
    vars: options.vars ?? {},
    deployedAt: options.deployedAt,
  });
  if (semantic.length > 0) throw new PolicyError(sortProblems(semantic));
  return policy;
}

function expandStrings(value: unknown, at: KeyPath, expand: (text: string, at: KeyPath) => string): unknown {
  if (typeof value === 'string') return expand(value, at);
  if (Array.isArray(value)) return value.map((item, i) => expandStrings(item, [...at, i], expand));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, expandStrings(item, [...at, key], expand)]),
    );
  }
  return value;
}

type Issue = $ZodIssue;

interface IssueContext {
  source: YamlSource;
  /** The document validated: strings after ${ENV} expansion. */
  expanded: unknown;
  /** The document as written, shown instead of values read from the environment (secrets). */
  raw: unknown;
  secrets: readonly string[];
}

function schemaProblems(issues: readonly Issue[], ctx: IssueContext, prefix: KeyPath = []): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  for (const issue of issues) {
    const at = [...prefix, ...(issue.path as (string | number)[])];
    const value = valueAt(ctx.expanded, at);
    const secret = typeof value === 'string' && ctx.secrets.some((s) => value.includes(s));
    const found = { value, written: secret ? valueAt(ctx.raw, at) : value };
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push(ctx.source.problemAt([...at, key], `unknown key "${key}"`, 'key'));
    } else if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const shapes = wrongShapes(issue.errors);
      if (shapes) problems.push(ctx.source.problemAt(at, expectedFound(shapes, found)));
      else problems.push(...schemaProblems(bestUnionBranch(issue.errors), ctx, at));
    } else {
      problems.push(ctx.source.problemAt(at, describeIssue(issue, found)));
    }
  }
  return problems;
}

/**
 * When every branch of a union rejects the value's type outright (`baseline: [a, b]`, or a missing
 * key), no branch is closer than another: name them all ("a string or a map").
 */
function wrongShapes(branches: readonly (readonly Issue[])[]): string | undefined {
  const expected: string[] = [];
  for (const branch of branches) {
    const issue = branch.length === 1 ? branch[0]! : undefined;
    if (issue?.code !== 'invalid_type' || issue.path.length > 0) return undefined;
    expected.push(typeNoun(issue.expected));
  }
  return orList([...new Set(expected)]);
}

/**
 * The branch the author most likely meant: not one that rejects the value's type outright, then one
 * whose discriminator (`kind`, `type`) matched, then the one with the fewest complaints. When the
 * discriminator matched no branch, its problem lists the values of every branch.
 */
function bestUnionBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] {
  const isDiscriminator = (i: Issue): i is Issue & { code: 'invalid_value' } =>
    i.code === 'invalid_value' && i.path.length === 1 && ['kind', 'type'].includes(String(i.path[0]));
  const wrongType = (issues: readonly Issue[]) => (issues.some((i) => i.code === 'invalid_type' && i.path.length === 0) ? 1 : 0);
  const missesDiscriminator = (issues: readonly Issue[]) => (issues.some(isDiscriminator) ? 1 : 0);
  const best = [...branches].sort(
    (a, b) => wrongType(a) - wrongType(b) || missesDiscriminator(a) - missesDiscriminator(b) || a.length - b.length,
  )[0]!;
  const misses = branches.map((issues) => issues.find(isDiscriminator));
  if (!misses.every((i) => i !== undefined && i.path[0] === misses[0]!.path[0])) return best;
  const values = [...new Set(misses.flatMap((i) => i!.values))];
  return best.map((i) => (isDiscriminator(i) ? { ...i, values } : i));
}

/** The value at a key as validated, and what to show of it: as written when it holds a secret. */
interface Found {
  value: unknown;
  written: unknown;
}

/** A zod issue as "expected …, found …", in the words of YAML (a map, a list), not of zod. */
function describeIssue(issue: Issue, at: Found): string {
  const { value } = at;
  const found = value === undefined ? undefined : describeFound(at);
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.expected === 'int' && typeof value === 'number') return `expected a whole number, found ${value}`;
      return expectedFound(typeNoun(issue.expected), at);
    }
    case 'invalid_value':
      return expectedFound(orList(issue.values.map(literal)), at);
    case 'invalid_union':
      // A discriminated union whose discriminator matched no option (`type: datadog`).
      if ('options' in issue && Array.isArray(issue.options)) return expectedFound(orList(issue.options.map(literal)), at);
      return expectedFound('a valid value', at);
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return expectedFound(min === 1 ? 'a non-empty string' : `at least ${min} characters`, at);
      if (issue.origin === 'array') return expectedFound(min === 1 ? 'at least one entry' : `at least ${min} entries`, at);
      return `expected ${issue.inclusive ? 'at least' : 'more than'} ${min}, found ${found}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'number' || issue.origin === 'int') return `expected ${issue.inclusive ? 'at most' : 'less than'} ${max}, found ${found}`;
      return expectedFound(`at most ${max}`, at);
    }
    case 'invalid_format': {
      // The schema's own message says what is expected ("expected a duration such as 30s, …").
      const message = cleanMessage(issue.message);
      return found === undefined ? message : `${message}, found ${found}`;
    }
    default:
      return found === undefined ? cleanMessage(issue.message) : `${cleanMessage(issue.message)}, found ${found}`;
  }
}

function expectedFound(expected: string, at: Found): string {
  if (at.value === undefined) return `missing required key (expected ${expected})`;
  return `expected ${expected}, found ${describeFound(at)}`;
}

/** Values read from the environment are secrets: show the reference as written, not the value. */
function describeFound({ value, written }: Found): string {
  if (written !== value) return `${describeValue(written)} (expanded from the environment; not shown)`;
  return describeValue(value);
}

function typeNoun(type: string): string {
  switch (type) {
    case 'object':
    case 'record':
    case 'map':
      return 'a map';
    case 'array':
    case 'tuple':
      return 'a list';
    case 'boolean':
      return 'true or false';
    case 'int':
      return 'a whole number';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    default:
      return type;
  }
}

/** What the author wrote, briefly: `"5 minutes"`, `42`, `a list`, `an empty value`. */
function describeValue(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number') return Number.isNaN(value) ? '.nan' : Number.isFinite(value) ? String(value) : value > 0 ? '.inf' : '-.inf';
  if (typeof value === 'object') return Object.keys(value as object).length === 0 ? 'an empty map' : 'a map';
  return String(value);
}

/** An allowed value as it would be written in YAML: strings bare (`mean`), other literals as is. */
function literal(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? 'nothing';
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function valueAt(root: unknown, at: KeyPath): unknown {
  let node = root;
  for (const part of at) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

function cleanMessage(message: string): string {
  return message.replace(/^Invalid input: /, '').replace(/^Invalid option: /, '');
}

function sortProblems(problems: PolicyProblem[]): PolicyProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.col - b.col);
}
