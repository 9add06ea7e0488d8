/**
 * A Prometheus series selector, `name{label="value", other=~"re.*"}`: the query language of the
 * file source, so a policy written for Prometheus reads the same data from a file.
 */
export interface Matcher {
  label: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
}

export interface Selector {
  name?: string;
  matchers: Matcher[];
}

const NAME = /^[A-Za-z_:][A-Za-z0-9_:]*/;
const MATCHER = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"\s*/;

/** Parses a selector; throws an Error with a readable message when the text is not one. */
export function parseSelector(text: string): Selector {
  let rest = text.trim();
  const nameMatch = NAME.exec(rest);
  const name = nameMatch?.[0];
  if (name) rest = rest.slice(name.length).trim();
  const matchers: Matcher[] = [];
  if (rest.startsWith('{')) {
    rest = rest.slice(1);
    for (;;) {
      rest = rest.trimStart();
      if (rest.startsWith('}')) {
        rest = rest.slice(1);
        break;
      }
      const m = MATCHER.exec(rest);
      if (!m) throw new Error(`expected label="value" at "${rest.slice(0, 20)}"`);
      matchers.push({ label: m[1]!, op: m[2] as Matcher['op'], value: JSON.parse(`"${m[3]!}"`) as string });
      rest = rest.slice(m[0].length);
      if (rest.startsWith(',')) rest = rest.slice(1);
      else if (!rest.startsWith('}')) throw new Error(`expected , or } at "${rest.slice(0, 20)}"`);
    }
  }
  if (rest.trim() !== '') throw new Error(`unexpected "${rest.trim().slice(0, 20)}"`);
  if (!name && matchers.length === 0) throw new Error('empty selector');
  return { name, matchers };
}

export function matchesSelector(selector: Selector, name: string, labels: Record<string, string>): boolean {
  if (selector.name !== undefined && selector.name !== name) return false;
  return selector.matchers.every(({ label, op, value }) => {
    const actual = labels[label] ?? '';
    switch (op) {
      case '=':
        return actual === value;
      case '!=':
        return actual !== value;
      case '=~':
        return new RegExp(`^(?:${value})$`).test(actual);
      case '!~':
        return !new RegExp(`^(?:${value})$`).test(actual);
    }
  });
}
