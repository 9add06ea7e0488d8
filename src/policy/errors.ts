/** A problem in a policy file, located for the user as `file:line:col: key: message`. */
export interface PolicyProblem {
  file: string;
  line: number;
  col: number;
  /** Dotted path to the offending key, e.g. `metrics[1].compare.tolerance`; empty for the document. */
  key: string;
  message: string;
}

export function formatProblem(p: PolicyProblem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.key ? `${p.key}: ` : ''}${p.message}`;
}

/** Every problem found in one policy file, reported at once. */
export class PolicyError extends Error {
  constructor(readonly problems: PolicyProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'PolicyError';
  }
}

export function formatKeyPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out;
}
