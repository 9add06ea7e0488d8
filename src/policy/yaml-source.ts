import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { formatKeyPath, type PolicyProblem } from './errors.js';

export type KeyPath = readonly (string | number)[];

/** Reports a policy problem at a key path: at its value (default) or at its key. */
export type Problem = (at: KeyPath, message: string, where?: 'value' | 'key') => void;

/**
 * A parsed YAML document that remembers where every key and value stands, so that any problem
 * found later (schema, semantics, missing variables) can be reported at its line and column.
 */
export class YamlSource {
  private constructor(
    readonly file: string,
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  static parse(text: string, file: string): { source: YamlSource; problems: PolicyProblem[] } {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
    const source = new YamlSource(file, doc, lines);
    const problems = [...doc.errors, ...doc.warnings].map((error) => {
      // `linePos` is only filled in with prettyErrors; `pos` (an offset) always is.
      const { line, col } = lines.linePos(error.pos[0]);
      // The library's own advice (use parseAllDocuments) means nothing to the author of a policy.
      const message =
        error.code === 'MULTIPLE_DOCS'
          ? 'the file holds more than one YAML document (---); a policy is one document'
          : firstLine(error.message);
      return { file, line, col, key: '', message: `YAML: ${message}` };
    });
    return { source, problems };
  }

  toJS(): unknown {
    return this.doc.toJS({ maxAliasCount: 100 });
  }

  /** Where the first alias with no anchor before it stands: `toJS` throws on it without a position. */
  unresolvedAliasPosition(): { line: number; col: number } | undefined {
    let offset: number | undefined;
    visit(this.doc, {
      Alias: (_key, node) => {
        if (node.resolve(this.doc) !== undefined) return undefined;
        offset = node.range?.[0];
        return visit.BREAK;
      },
    });
    return offset === undefined ? undefined : this.lines.linePos(offset);
  }

  /** A problem located at the value of `path` (or the nearest existing parent when it is missing). */
  problemAt(path: KeyPath, message: string, at: 'value' | 'key' = 'value'): PolicyProblem {
    const { line, col } = this.positionOf(path, at);
    return { file: this.file, line, col, key: formatKeyPath(path), message };
  }

  positionOf(path: KeyPath, at: 'value' | 'key' = 'value'): { line: number; col: number } {
    let node: unknown = this.doc.contents;
    let best: number | undefined = rangeStart(node);
    for (let i = 0; i < path.length; i++) {
      const part = path[i]!;
      const isLast = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(part));
        if (!pair) break;
        if (isLast && at === 'key') {
          best = rangeStart(pair.key) ?? best;
          break;
        }
        node = pair.value;
        best = rangeStart(node) ?? rangeStart(pair.key) ?? best;
      } else if (isSeq(node) && typeof part === 'number') {
        node = node.items[part];
        if (node === undefined) break;
        best = rangeStart(node) ?? best;
      } else {
        break;
      }
    }
    if (best === undefined) return { line: 1, col: 1 };
    const pos = this.lines.linePos(best);
    return { line: pos.line, col: pos.col };
  }
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
