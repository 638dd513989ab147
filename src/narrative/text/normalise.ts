import { PINYIN, PINYIN_OPEN } from '../../io/text/pinyin.js';

/**
 * Matching text for the narrative: one canonical form, so the claims catalog is written once.
 * Traditional characters → simplified (a mapping table given as data), full-width digits, letters
 * and %/. → ASCII, ASCII punctuation → the Chinese full-width forms (，；：（）！？), square and
 * lenticular brackets → （）, whitespace and
 * quotes dropped (PDF text puts spaces inside numbers: "2, 156. 82") except one space between two
 * digits (a code before an amount: "2210201 44.91"), a comma between digits kept as a thousands
 * separator, a comma that closes an empty clause dropped. `at[i]` is the index in the source of
 * text[i], so a match can be quoted as written.
 */
export interface NormalText {
  source: string;
  text: string;
  at: number[];
}

const DROP = /[\s\u00a0\u200b-\u200d\u2060\ufeff“”‘’"'「」『』]/;
const PUNCT: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '(': '（',
  ')': '）',
  '!': '！',
  '?': '？',
  '﹪': '%',
  '．': '.',
};

/** Full-width digits, letters, % and . as ASCII; the Chinese punctuation the matching text keeps stays full-width. */
export function halfWidth(c: string): string {
  const code = c.charCodeAt(0);
  // full-width digits, letters and %, but not the full-width Chinese punctuation we keep
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xfee0);
  if ((code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a))
    return String.fromCharCode(code - 0xfee0);
  if (c === '％') return '%';
  if (c === '．') return '.';
  if (c === '，' || c === '；' || c === '：' || c === '（' || c === '）' || c === '！' || c === '？') return c;
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  return c;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** A comma inside a number: a digit before it and exactly three digits after it. */
function thousands(chars: string[], i: number): boolean {
  return (
    isDigit(chars[i - 1]) &&
    isDigit(chars[i + 1]) &&
    isDigit(chars[i + 2]) &&
    isDigit(chars[i + 3]) &&
    !isDigit(chars[i + 4])
  );
}

/** The indices of a mirror's pinyin readings (src/io/text/pinyin.ts): dropped like whitespace. */
function pinyinIndices(source: string): Set<number> | undefined {
  if (!PINYIN_OPEN.test(source)) return undefined;
  const out = new Set<number>();
  for (const m of source.matchAll(PINYIN)) for (let i = 0; i < m[0].length; i += 1) out.add(m.index + i);
  return out;
}

/**
 * Per UTF-16 code unit, what it becomes, worked out once for each simplify table: DROP, halfWidth
 * and simplify tested one character string at a time made normalising a character cost about a
 * microsecond (a new string for each CJK character, then a regular expression and a hash of it).
 * null: dropped.
 */
const unitsBySimplify = new WeakMap<(c: string) => string, Map<number, string | null>>();

function unitsOf(simplify: (c: string) => string): Map<number, string | null> {
  let units = unitsBySimplify.get(simplify);
  if (!units) {
    units = new Map();
    unitsBySimplify.set(simplify, units);
  }
  return units;
}

/** What PUNCT does to an element that is one of its keys (by its code unit), else nothing. */
function punctOf(c: string): string | undefined {
  if (c.length !== 1) return undefined;
  const code = c.charCodeAt(0);
  return code < 0x80 || code === 0xfe6a || code === 0xff0e ? PUNCT[c] : undefined;
}

/** Square and lenticular brackets, each opening one with its closing one. */
const SQUARE: Record<string, string> = { '[': ']', '【': '】', '〔': '〕' };
const SQUARE_OPEN: Record<string, string> = { ']': '[', '】': '【', '〕': '〔' };

/**
 * A footnote or an aside in square brackets ("…增长 9.3%[①…调整后基数为 B 亿元。]，其中…") is a
 * parenthetical like one in round brackets: read as （…）, what follows never takes its figures for its
 * own. An empty pair ("字体：[ ]", "【】【打印】", "![]()") is a web page's furniture, kept as written.
 */
function squareBracket(chars: string[], i: number): string | undefined {
  const c = chars[i] as string;
  const close = SQUARE[c];
  if (close !== undefined) return chars[i + 1] === close ? undefined : '（';
  const open = SQUARE_OPEN[c];
  if (open !== undefined) return chars[i - 1] === open ? undefined : '）';
  return undefined;
}

/**
 * A comma right before another stop closes an empty clause: converting mirrors double the commas
 * ("增加2.8萬元,,增長127.27%,。"). It is dropped like whitespace, so the clause reads as written.
 */
const CLAUSE_STOPS = new Set(['，', '。', '；', '、']);

/** 去 ending another word before 年: 除去年初预算 (除去 + 年初预算), 过去年度, 失去…. */
const ENDS_IN_QU = new Set(['除', '减', '扣', '剔', '刨', '略', '省', '过', '失', '出', '回', '进', '上', '下', '离']);

/**
 * The year before the report's is written 上年, 去年 or 上年度 ("比去年减少", "较上年度增长"): read as one
 * word, 上年, so every comparison, frame and change pattern names it once. 去年 becomes 上年 in place, and
 * 上年度 drops its 度 (dropped like whitespace: `at` keeps the source index of what is left). In place on
 * the mapped characters; '' marks a dropped one.
 */
function lastYearWords(chars: string[]): void {
  for (let i = 0; i + 1 < chars.length; i += 1) {
    if (chars[i + 1] !== '年') continue;
    if (chars[i] === '去' && !ENDS_IN_QU.has(chars[i - 1] as string)) chars[i] = '上';
    // not 以上 + 年度 ("十年以上年度…")
    if (chars[i] === '上' && chars[i + 2] === '度' && chars[i - 1] !== '以') chars[i + 2] = '';
  }
}

export function normaliseText(source: string, simplify: (c: string) => string): NormalText {
  const chars: string[] = [];
  const at: number[] = [];
  const pinyin = pinyinIndices(source);
  const units = unitsOf(simplify);
  let gap = -1;
  for (let i = 0; i < source.length; i += 1) {
    if (pinyin?.has(i)) continue;
    const code = source.charCodeAt(i);
    let char = units.get(code);
    if (char === undefined) {
      const c = source[i] as string;
      char = DROP.test(c) ? null : simplify(halfWidth(c));
      units.set(code, char);
    }
    if (char === null) {
      if (gap < 0) gap = i;
      continue;
    }
    // "2210201 44.91 万元": a space between two numbers separates them ("2, 156. 82" has none)
    if (gap >= 0 && isDigit(char) && isDigit(chars[chars.length - 1])) {
      chars.push(' ');
      at.push(gap);
    }
    gap = -1;
    chars.push(char);
    at.push(i);
  }
  const mapped = chars.map((c, i) =>
    (c === ',' || c === '，') && thousands(chars, i) ? ',' : (squareBracket(chars, i) ?? punctOf(c) ?? c),
  );
  lastYearWords(mapped);
  let text = '';
  const kept: number[] = [];
  for (let i = 0; i < mapped.length; i += 1) {
    const c = mapped[i] as string;
    if (c === '，' && CLAUSE_STOPS.has(mapped[i + 1] as string)) continue;
    if (c === '') continue;
    text += c;
    kept.push(at[i] as number);
  }
  return { source, text, at: kept };
}

/** The source text behind text[start, end), as written. */
export function sourceSlice(n: NormalText, start: number, end: number): string {
  if (start >= end || start >= n.at.length) return '';
  const from = n.at[start] as number;
  // up to the last kept character: what normalising dropped after it (a quote mark, a pinyin reading)
  // belongs to the text that follows
  const to = (n.at[Math.min(end, n.at.length) - 1] as number) + 1;
  return n.source.slice(from, to).trim();
}
