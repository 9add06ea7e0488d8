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
    throw new PolicyError([source.problemAt([], `YAML: ${(error as Error).message}`)]);
  }
  if (raw === null || raw === undefined) throw new PolicyError([source.problemAt([], 'the policy file is empty')]);

  const secrets: string[] = [];
  const envProblems: PolicyProblem[] = [];
  const expanded = expandStrings(raw, [], (text, at) => {
    const result = expandEnv(text, options.env);
    secrets.push(...result.secrets);
    for (const name of result.missing) {
      envProblems.push(source.problemAt(at, `environment variable \${${name}} is not set`));
    }
    return result.value;
  });

  const parsed = policySchema.safeParse(expanded);
  if (!parsed.success) {
    // A missing variable also makes its value invalid: report the cause once, not both.
    const envKeys = new Set(envProblems.map((p) => p.key));
    const schema = schemaProblems(parsed.error.issues, source, expanded).filter((p) => !envKeys.has(p.key));
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

function schemaProblems(
  issues: readonly Issue[],
  source: YamlSource,
  root: unknown,
  prefix: KeyPath = [],
): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  for (const issue of issues) {
    const at = [...prefix, ...(issue.path as (string | number)[])];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push(source.problemAt([...at, key], `unknown key "${key}"`, 'key'));
    } else if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      problems.push(...schemaProblems(bestUnionBranch(issue.errors), source, root, at));
    } else if (issue.code === 'invalid_type' && valueAt(root, at) === undefined) {
      problems.push(source.problemAt(at, `missing required key (${issue.expected})`));
    } else {
      problems.push(source.problemAt(at, cleanMessage(issue.message)));
    }
  }
  return problems;
}

/**
 * The branch the author most likely meant: one whose discriminator (`kind`, `type`) matched,
 * then the one with the fewest complaints.
 */
function bestUnionBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] {
  const missesDiscriminator = (issues: readonly Issue[]) =>
    issues.some((i) => i.code === 'invalid_value' && ['kind', 'type'].includes(String(i.path.at(-1)))) ? 1 : 0;
  return [...branches].sort((a, b) => missesDiscriminator(a) - missesDiscriminator(b) || a.length - b.length)[0]!;
}

function valueAt(root: unknown, at: KeyPath): unknown {
  let node = root;
  for (const part of at) {
    if (node === null || typeof node !== 'object') return undefined;
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
