import type { Document, LineCounter, Node as YamlNode } from 'yaml';
import type { DataFileProblem } from '../errors/data-file-error.js';
import { parseUserYaml, yaml, yamlErrorText } from './yaml.js';

/**
 * The one reader of juesuan's YAML data files (rules, configuration, baseline, table catalog,
 * narrative claims): a read-only view of the parsed document in which every value knows its line,
 * every mapping is closed by its reader (an unknown key is an error at its line, never ignored)
 * and every problem is collected, so a file's errors are reported all at once.
 *
 * Readers call `fail` for a value they cannot use: it ends the read of the part it is in (a rule,
 * a table, a configuration key) and the problem is recorded where the caller said the part ends
 * (`attempt`, `each`); the next part is read as if nothing happened.
 */

/** Ends the read of the current part; `problem` is recorded (absent: already recorded). */
class PartFailed extends Error {
  constructor(readonly problem?: DataFileProblem) {
    super(problem?.detail ?? 'part failed');
  }
}

interface Reading {
  file: string;
  doc: Document;
  lines: LineCounter;
  problems: DataFileProblem[];
}

export class Node {
  constructor(
    private readonly node: YamlNode | null,
    private readonly reading: Reading,
    /** Line to report when the node itself has no position (a missing value). */
    private readonly fallbackLine: number,
  ) {}

  get file(): string {
    return this.reading.file;
  }

  get line(): number {
    const offset = this.node?.range?.[0];
    return offset === undefined ? this.fallbackLine : this.reading.lines.linePos(offset).line;
  }

  /** Records a problem at this value and ends the read of the part it is in. */
  fail(code: string, detail: string): never {
    throw new PartFailed({ code, line: this.line, detail });
  }

  /** Ends the read of the part this value is in, its problems already recorded. */
  stop(): never {
    throw new PartFailed();
  }

  /** Records a problem at this value and goes on. */
  report(code: string, detail: string): void {
    this.reading.problems.push({ code, line: this.line, detail });
  }

  /**
   * Reads one part (`read`); when it fails, its problem is recorded and undefined is returned:
   * the caller goes on with the next part.
   */
  attempt<T>(read: () => T): T | undefined {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof PartFailed)) throw error;
      if (error.problem) this.reading.problems.push(error.problem);
      return undefined;
    }
  }

  /** Every item of a list, each read on its own: the items that failed are left out (and recorded). */
  each<T>(read: (item: Node, index: number) => T): T[] {
    const out: T[] = [];
    this.items().forEach((item, index) => {
      const value = this.attempt(() => ({ value: read(item, index) }));
      if (value) out.push(value.value);
    });
    return out;
  }

  /**
   * A closed mapping: every key outside `allowed` is recorded at its line (code `unknown-key`
   * unless told). With `stop` (default) the part ends there when there was one — what it would say
   * next is mostly the typo's echo (a "missing" key that is only misspelt).
   */
  closed(
    allowed: readonly string[],
    detail: (key: string) => string,
    options: { stop?: boolean; code?: string } = {},
  ): void {
    let unknown = 0;
    for (const [key, , keyNode] of this.entries()) {
      if (allowed.includes(key)) continue;
      keyNode.report(options.code ?? 'unknown-key', detail(key));
      unknown++;
    }
    if (unknown > 0 && options.stop !== false) throw new PartFailed();
  }

  private resolved(): YamlNode | null {
    const n = this.node;
    if (n && yaml().isAlias(n)) return (n.resolve(this.reading.doc) as YamlNode | undefined) ?? null;
    return n;
  }

  private wrap(node: unknown, line = this.line): Node {
    return new Node((node as YamlNode | null) ?? null, this.reading, line);
  }

  isMap(): boolean {
    return yaml().isMap(this.resolved());
  }

  isSeq(): boolean {
    return yaml().isSeq(this.resolved());
  }

  isScalar(): boolean {
    return yaml().isScalar(this.resolved());
  }

  /** Nothing written: `key:` with no value, `~`, `null`. */
  isNull(): boolean {
    const n = this.resolved();
    return n === null || (yaml().isScalar(n) && n.value === null);
  }

  /** Keys of a mapping, in order, with the value node and the key node (to report a bad key at its line). */
  entries(): [string, Node, Node][] {
    const n = this.resolved();
    if (!yaml().isMap(n)) return this.fail('bad-shape', '此处应为映射（键: 值）');
    return n.items.map((pair) => {
      const key = this.wrap(pair.key);
      const name = key.text();
      return [name, this.wrap(pair.value, key.line), key];
    });
  }

  get(key: string): Node | undefined {
    return this.entries().find(([k]) => k === key)?.[1];
  }

  items(): Node[] {
    const n = this.resolved();
    if (!yaml().isSeq(n)) return this.fail('bad-shape', '此处应为列表');
    return n.items.map((item) => this.wrap(item));
  }

  /**
   * A scalar as written: plain numbers keep their source text, so `table: 01` is "01" and
   * `code: 30108` is "30108", never the number 1 or a float.
   */
  text(): string {
    const n = this.resolved();
    if (!yaml().isScalar(n) || n.value === null || typeof n.value === 'object')
      return this.fail('bad-value', '此处应为文本或数字');
    if (typeof n.value === 'string') return n.value;
    return n.source ?? String(n.value);
  }

  /** The scalar's typed value (boolean, number, string). */
  scalar(): unknown {
    const n = this.resolved();
    if (!yaml().isScalar(n)) return this.fail('bad-value', '此处应为单个值');
    return n.value;
  }
}

export interface ReadYamlOptions {
  /** 'failsafe': every scalar is text (baselines, where `table: 03` must stay "03" and `reason: no` text). */
  schema?: 'core' | 'failsafe';
}

/**
 * Parses `text` and reads it with `read`. Every problem — YAML syntax, an unknown key, a bad value
 * — is collected; when there are any, `toError` makes the file's error from all of them (the
 * caller's error class names the kind of file). Syntax errors stop the read: nothing after them
 * can be trusted.
 */
export function readYaml<T>(
  text: string,
  file: string,
  read: (root: Node) => T,
  toError: (problems: DataFileProblem[]) => Error,
  options: ReadYamlOptions = {},
): T {
  const lines = new (yaml().LineCounter)();
  // duplicate keys found with a set (linear), YAML's own errors said in Chinese
  const doc = parseUserYaml(text, {
    lineCounter: lines,
    prettyErrors: false,
    ...(options.schema ? { schema: options.schema } : {}),
  });
  const reading: Reading = { file, doc, lines, problems: [] };
  for (const error of doc.errors) {
    reading.problems.push({
      code: 'yaml-syntax',
      line: lines.linePos(error.pos[0]).line,
      detail: yamlErrorText(error),
    });
  }
  if (reading.problems.length > 0) throw toError(reading.problems);
  const root = new Node(doc.contents, reading, 1);
  const result = root.attempt(() => ({ value: read(root) }));
  if (reading.problems.length > 0 || !result) throw toError(reading.problems);
  return result.value;
}
