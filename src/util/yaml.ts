import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

const require = createRequire(import.meta.url);
let loaded: typeof Yaml | undefined;

/**
 * The yaml package, loaded on first use (~100 ms): an ordinary run reads the built-in rules and
 * catalog from their precompiled JSON and never needs it.
 */
export function yaml(): typeof Yaml {
  loaded ??= require('yaml') as typeof Yaml;
  return loaded;
}

/**
 * A YAML document of a user's file, parsed in linear time: the yaml package checks each map key
 * against every earlier one (a configuration with 40,000 rule entries took 40 s), so it is told
 * not to, and duplicate keys are found here with a set instead. A duplicate is reported as the
 * package would: an error at the second key's offset, first in document order.
 */
export function parseUserYaml(
  text: string,
  options: Yaml.ParseOptions & Yaml.DocumentOptions & Yaml.SchemaOptions,
): Yaml.Document.Parsed {
  const y = yaml();
  const doc = y.parseDocument(text, { ...options, uniqueKeys: false });
  if (doc.errors.length > 0) return doc;
  let duplicate: { offset: number; key: string } | undefined;
  y.visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = y.isScalar(pair.key) ? String(pair.key.value) : JSON.stringify(pair.key);
        if (!seen.has(key)) {
          seen.add(key);
          continue;
        }
        const offset = (pair.key as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
        if (!duplicate || offset < duplicate.offset) duplicate = { offset, key };
      }
    },
  });
  if (duplicate)
    doc.errors.push(
      new y.YAMLParseError(
        [duplicate.offset, duplicate.offset + 1],
        'DUPLICATE_KEY',
        `Map keys must be unique: ${duplicate.key}`,
      ),
    );
  return doc;
}

const YAML_ERRORS: Record<string, string> = {
  ALIAS_PROPS: '别名（*名称）不能带锚点或标签',
  BAD_ALIAS: '别名（*名称）指向不存在的锚点',
  BAD_DIRECTIVE: '无法识别的 % 指令',
  BAD_DQ_ESCAPE: '双引号字符串中有无效的转义（\\）',
  BAD_INDENT: '缩进不对',
  BAD_PROP_ORDER: '锚点与标签的顺序不对',
  BAD_SCALAR_START: '值不能以这个字符开头（可加引号）',
  BLOCK_AS_IMPLICIT_KEY: '多行内容不能作为键',
  BLOCK_IN_FLOW: '方括号、花括号内不能写多行块',
  DUPLICATE_KEY: '同一映射中有重复的键',
  IMPOSSIBLE: '无法解析',
  MISSING_CHAR: '缺少配对的引号或括号',
  MULTILINE_IMPLICIT_KEY: '键必须写在一行内（是否漏了冒号后的空格？）',
  MULTIPLE_ANCHORS: '一个节点只能有一个锚点',
  MULTIPLE_DOCS: '文件中只能有一个 YAML 文档（不能有多余的 ---）',
  MULTIPLE_TAGS: '一个节点只能有一个标签',
  NON_STRING_KEY: '键应为文字',
  RESOURCE_EXHAUSTION: '别名展开过多',
  TAB_AS_INDENT: '不能用制表符（Tab）缩进，请改用空格',
  TAG_RESOLVE_FAILED: '无法识别的标签（!）',
  UNEXPECTED_TOKEN: '此处出现了意外的字符',
  BAD_COLLECTION_TYPE: '集合类型不对',
};

/** A YAML error of the yaml package in one Chinese phrase (its own text is English). */
export function yamlErrorText(error: { code?: string }): string {
  return `YAML 语法错误：${YAML_ERRORS[error.code ?? ''] ?? '无法解析'}`;
}
