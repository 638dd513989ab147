import type { Document, LineCounter, Node as YamlNode } from 'yaml';
import { parseUserYaml, yaml, yamlErrorText } from '../../util/yaml.js';
import { RuleFileError, type RuleFileErrorCode } from '../rule-file-error.js';

/**
 * A read-only view of a parsed YAML node that remembers its line, so every validation error
 * can name the file and line of the offending value.
 */
export class Node {
  constructor(
    private readonly node: YamlNode | null,
    readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
    /** Line to report when the node itself has no position (a missing value). */
    private readonly fallbackLine: number,
  ) {}

  get line(): number {
    const offset = this.node?.range?.[0];
    return offset === undefined ? this.fallbackLine : this.lines.linePos(offset).line;
  }

  fail(code: RuleFileErrorCode, detail: string): never {
    throw new RuleFileError(code, this.file, this.line, detail);
  }

  private resolved(): YamlNode | null {
    const n = this.node;
    if (n && yaml().isAlias(n)) return (n.resolve(this.doc) as YamlNode | undefined) ?? null;
    return n;
  }

  private wrap(node: unknown, line = this.line): Node {
    return new Node((node as YamlNode | null) ?? null, this.file, this.doc, this.lines, line);
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

/** Parses one rule file; YAML syntax errors become RuleFileError 'yaml-syntax' at their line. */
export function parseYaml(text: string, file: string): Node {
  const lines = new (yaml().LineCounter)();
  const doc = parseUserYaml(text, { lineCounter: lines, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const line = lines.linePos(error.pos[0]).line;
    throw new RuleFileError('yaml-syntax', file, line, yamlErrorText(error));
  }
  return new Node(doc.contents, file, doc, lines, 1);
}
