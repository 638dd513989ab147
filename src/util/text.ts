/** Text normalisation shared by title, header and label matching. */

const FULLWIDTH_BRACKETS: Record<string, string> = { '（': '(', '）': ')', '【': '[', '】': ']', '：': ':' };

/** Remove all whitespace (PDF exports and templates scatter spaces: "基本支 出", "收 入"). */
export function squeeze(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, '');
}

/** Squeeze, unify brackets and drop quotes, so "“三公”经费（境）" ≡ "三公经费(境)". */
export function normalise(text: string): string {
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
