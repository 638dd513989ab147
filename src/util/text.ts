/** Text normalisation shared by title, header and label matching. */

const FULLWIDTH_BRACKETS: Record<string, string> = { '（': '(', '）': ')', '【': '[', '】': ']', '：': ':' };

/** Remove all whitespace (PDF exports and templates scatter spaces: "基本支 出", "收 入"). */
export function squeeze(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, '');
}

/** Any character normalise changes: most labels and titles have none, and are returned as they are. */
const NORMALISED_AWAY = /[\s\u00a0\u3000（）【】：“”‘’「」『』"']/;

/** Squeeze, unify brackets and drop quotes, so "“三公”经费（境）" ≡ "三公经费(境)". */
export function normalise(text: string): string {
  if (!NORMALISED_AWAY.test(text)) return text;
  return squeeze(text)
    .replace(/[（）【】：]/g, (c) => FULLWIDTH_BRACKETS[c] ?? c)
    .replace(/["'“”‘’「」『』]/g, '');
}

const ORDINAL_PREFIX = /^(?:[(（]?[一二三四五六七八九十百]+[)）]?[、.．]?|[(（][0-9]+[)）]|[0-9]+[、.．](?![0-9]))/;

/** A row label without its list ordinal ("一、", "（二）", "3.") and without "(类)" markers. */
export function labelKey(text: string): string {
  let key = normalise(text);
  for (let i = 0; i < 2; i += 1) key = key.replace(ORDINAL_PREFIX, '');
  return key.replace(/\((类|款|项)\)/g, '');
}

const CJK = '\\p{Script=Han}';
const CJK_PUNCTUATION = '，。；：、！？）」』”’》】';

/**
 * Prose written over several YAML lines (`explain: >-`) is folded with a space at each line break,
 * which Chinese does not use: "无论是否列出类、款小计行，␣结果都一样". The space after Chinese
 * punctuation, or between two Chinese characters, goes; spaces around Latin text, digits and
 * symbols ("合计 = 基本支出 + 项目支出", "2010350 事业运行") stay.
 */
export function joinChineseLines(text: string): string {
  return text
    .replace(new RegExp(`([${CJK_PUNCTUATION}]) +`, 'gu'), '$1')
    .replace(new RegExp(`(${CJK}) +(?=${CJK})`, 'gu'), '$1');
}
