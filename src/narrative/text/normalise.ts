import { PINYIN, PINYIN_OPEN } from '../../io/text/pinyin.js';
import { allMatches } from '../../util/matches.js';

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
  for (const m of allMatches(source, PINYIN)) for (let i = 0; i < m[0].length; i += 1) out.add(m.index + i);
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
  // (nearly every character is none of the six: compared with each, not looked up twice by a one-character key)
  if (c !== '[' && c !== ']' && c !== '【' && c !== '】' && c !== '〔' && c !== '〕') return undefined;
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

/**
 * A unit word written twice after a figure ("同比增加 479.74万元万元，增长…"), a copy-and-paste slip: the second is
 * dropped like whitespace, so the figure keeps its unit and the clause after it reads as written.
 */
function doubledUnits(chars: string[]): void {
  for (let i = 1; i + 3 < chars.length; i += 1) {
    if (!isDigit(chars[i - 1]) || chars[i + 1] !== '元' || chars[i + 3] !== '元') continue;
    if ((chars[i] === '万' || chars[i] === '亿') && chars[i + 2] === chars[i]) {
      chars[i + 2] = '';
      chars[i + 3] = '';
    }
  }
}

/**
 * A document of the Republic of China's own (台湾): it names the calendar (民國), its currency (新臺幣) or its own
 * bodies (縣府, 市府, 行政院, 立法院, 主計總處, 審計部, 鄉鎮市公所, 縣議會). Only there is a bare "110年" a 民國 year: a
 * mainland text printed in traditional characters ("服務市民80年", "近100年") writes no year so.
 */
const ROC_MARKER =
  /民[國国]|新[臺台][幣币]|[縣县市]府|行政院|立法院|主[計计](?:總處|总处|處|处)|[審审][計计]部|公所|[縣县市][議议][會会]/u;

/** Whether the document of these paragraphs' texts is one of the Republic of China's (ROC_MARKER): decided once. */
export function rocDocument(texts: readonly string[]): boolean {
  return texts.some((t) => ROC_MARKER.test(t));
}

/**
 * `roc`: whether the paragraph's document is one of the Republic of China's (rocDocument) — then a paragraph in
 * traditional characters reads a bare "110年" as a 民國 year; a paragraph naming 民国 does so in any document.
 */
export function normaliseText(source: string, simplify: (c: string) => string, roc = false): NormalText {
  const chars: string[] = [];
  const at: number[] = [];
  const pinyin = pinyinIndices(source);
  const units = unitsOf(simplify);
  let gap = -1;
  // characters the simplify table changed: a text in traditional characters
  let traditional = 0;
  for (let i = 0; i < source.length; i += 1) {
    if (pinyin?.has(i)) continue;
    const code = source.charCodeAt(i);
    let char = units.get(code);
    if (char === undefined) {
      const c = source[i] as string;
      char = DROP.test(c) ? null : simplify(halfWidth(c));
      units.set(code, char);
    }
    if (code >= 0x3400 && code <= 0x9fff && char !== null && char.charCodeAt(0) !== code) traditional += 1;
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
  doubledUnits(mapped);
  let text = '';
  const kept: number[] = [];
  for (let i = 0; i < mapped.length; i += 1) {
    const c = mapped[i] as string;
    if (c === '，' && CLAUSE_STOPS.has(mapped[i + 1] as string)) continue;
    if (c === '') continue;
    text += c;
    kept.push(at[i] as number);
  }
  // a text in traditional characters of a document of the calendar's own, or one that names the calendar (民国),
  // writes its years so
  return rewrite({ source, text, at: kept }, (roc && traditional >= 3) || text.includes('民国'));
}

/** The tiers a compound amount is written in (兆 is a 万亿, as Taiwan writes it), in powers of ten of 元. */
const TIER: Record<string, number> = { 兆: 12, 亿: 8, 万: 4, 千: 3 };
/**
 * An amount written in tiers: "27亿3,566万8,000元", "53亿175万5千元", "2兆8,818亿元", "1亿零500万元", "7,258万986元"
 * after an 亿, "139亿6,932万余元" (余: some more, less than one 万). Each tier's figure but the first is less than the
 * next tier up; only the last may have decimals.
 */
const COMPOUND =
  /(?<![0-9.,])(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:[兆亿万千]零?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)){1,4}(?:\.[0-9]+)?(?:[兆亿万千]?元|[万亿]余元|[万亿](?=[，。；、）（]|比|较|$))/gu;
const TIER_PART = /([0-9,]+(?:\.[0-9]+)?)([兆亿万千]?)零?/gu;

/**
 * A year of the Republic of China calendar (民国 110 年 is 2021), as a text in traditional characters writes it
 * ("110年度", "民国110年", "109年度决算数", "110及111年度"): 80 to 119 before 年度 anywhere (no other year is written
 * so), before a bare 年 (not 年代, 年以上, 年来, 年间, 年历史, 年前; not a span: 逾/近/满/达/第 N 年, 建党/成立/服务 N 年) in a paragraph written in traditional characters
 * of a document of the calendar's own (rocDocument), or one that names 民国; in any other only right after 民国 ("90年代",
 * "建党100年" are no years).
 */
const ROC_YEAR =
  /(?<![0-9.,]|逾|近|满|超过?|达|约|第|建党|建国|成立|服务)(?<pre>民国)?(?<y>[89][0-9]|1[01][0-9])(?=(?:[及、至到和与—\-~～](?:[89][0-9]|1[01][0-9]))*年(?:(?<fiscal>度)|(?!度|代|以上|以来|来|间|历史|前|后|里|内|多|[0-9])))/gu;

interface Rewrite {
  start: number;
  end: number;
  text: string;
  /** Per character of `text`, the index (in the normalised text) whose source position it stands at. */
  from: number[];
}

/**
 * The figures a text writes in a form of its own read as the rest are: a compound amount as one plain figure
 * (compoundAmounts), a Republic of China year as the Gregorian one (traditional: whether a bare "110年" is read as
 * one too, not only "110年度" and "民国110年").
 */
function rewrite(n: NormalText, traditional: boolean): NormalText {
  const edits: Rewrite[] = [...compoundAmounts(n), ...rocYears(n, traditional)].sort((x, y) => x.start - y.start);
  if (edits.length === 0) return n;
  let text = '';
  const at: number[] = [];
  let from = 0;
  for (const e of edits) {
    if (e.start < from) continue;
    text += n.text.slice(from, e.start);
    at.push(...n.at.slice(from, e.start));
    text += e.text;
    at.push(...e.from.map((k) => n.at[k] as number));
    from = e.end;
  }
  text += n.text.slice(from);
  at.push(...n.at.slice(from));
  return { source: n.source, text, at };
}

function rocYears(n: NormalText, traditional: boolean): Rewrite[] {
  if (!/[0-9]年/u.test(n.text)) return [];
  const out: Rewrite[] = [];
  for (const m of allMatches(n.text, ROC_YEAR)) {
    // a fiscal year (年度) is one anywhere; a bare 年 only in a text of the calendar's own
    if (!traditional && !m.groups?.pre && !m.groups?.fiscal) continue;
    const written = m.groups?.y ?? '';
    const start = m.index + (m.groups?.pre?.length ?? 0);
    const year = String(Number(written) + 1911);
    out.push({ start, end: start + written.length, text: year, from: [...year].map(() => start) });
  }
  return out;
}

/**
 * A compound amount as one plain figure: in 万元 ("27亿3,566万8,000元" is 273566.8000万元, to the 元 it was
 * written to; "53亿175万5千元" is 530175.5万元), or in 亿元 when it stops at 亿 ("2兆8,818亿元" is 28818亿元), so
 * every reading of a figure with its unit reads it. Tiers out of order or a figure too large for its tier
 * ("3万4993.1亿元" is a 万亿 figure; "5亿12,000万元") leave it as written. The figure's characters stand at its
 * first digit in the source, its unit at the unit as written.
 */
function compoundAmounts(n: NormalText): Rewrite[] {
  if (!/[0-9][兆亿万千]零?[0-9]/u.test(n.text)) return [];
  const out: Rewrite[] = [];
  for (const m of allMatches(n.text, COMPOUND)) {
    const plain = plainCompound(m[0]);
    if (plain === undefined) continue;
    const start = m.index;
    out.push({
      start,
      end: start + m[0].length,
      text: plain.figure + plain.unit,
      from: [...[...plain.figure].map(() => start), ...plain.unitAt.map((k) => start + k)],
    });
  }
  return out;
}

function plainCompound(written: string): { figure: string; unit: string; unitAt: number[] } | undefined {
  // "139亿6,932万余元": more than the figure by less than one of its last tier — the figure with 余 kept (mentions.ts)
  if (written.endsWith('余元')) {
    const plain = plainCompound(`${written.slice(0, -2)}元`);
    if (!plain?.unit.endsWith('元')) return undefined;
    const at = plain.unitAt[plain.unitAt.length - 1] as number;
    return {
      figure: plain.figure,
      unit: `${plain.unit.slice(0, -1)}余元`,
      unitAt: [...plain.unitAt.slice(0, -1), at, at + 1],
    };
  }
  const yuan = written.endsWith('元');
  const body = yuan ? written.slice(0, -1) : written;
  const parts: { digits: string; tier: number }[] = [];
  let consumed = 0;
  for (const m of allMatches(body, TIER_PART)) {
    if (m.index !== consumed) return undefined;
    consumed += m[0].length;
    const tier = m[2] ? (TIER[m[2]] as number) : 0;
    parts.push({ digits: (m[1] as string).replace(/,/gu, ''), tier });
  }
  if (consumed !== body.length || parts.length < 2) return undefined;
  // a comma group must be a true thousands grouping ("3,566"), never a list ("3,5")
  if (
    !/^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?(?:[兆亿万千]零?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?){0,4}[兆亿万千]?$/u.test(
      body,
    )
  )
    return undefined;
  let total = 0n;
  let lastTier = Infinity;
  let fraction = '';
  for (const [k, p] of parts.entries()) {
    if (p.tier >= lastTier) return undefined;
    const [whole, frac = ''] = p.digits.split('.');
    if (frac && k !== parts.length - 1) return undefined;
    if (k > 0 && BigInt(whole as string) >= 10n ** BigInt(lastTier - p.tier)) return undefined;
    // 千 only as the last tier, 元 after it never
    if (p.tier === 3 && k !== parts.length - 1) return undefined;
    lastTier = p.tier;
    fraction = frac;
    total += BigInt(whole as string) * 10n ** BigInt(p.tier);
    if (frac) total += BigInt(frac.padEnd(p.tier, '0').slice(0, p.tier) || '0');
    if (frac.length > p.tier) return undefined;
  }
  // the smallest place written, in powers of ten of 元
  const place = lastTier - fraction.length;
  const unitTier = lastTier >= 8 && parts.some((p) => p.tier === 12) ? 8 : 4;
  const decimals = Math.max(0, unitTier - place);
  const digits = (total / 10n ** BigInt(unitTier - decimals)).toString();
  const padded = digits.padStart(decimals + 1, '0');
  const figure = decimals ? `${padded.slice(0, -decimals)}.${padded.slice(-decimals)}` : padded;
  const tierAt = written.search(/[兆亿万千]?元?$/u);
  const lastAt = written.length - 1;
  // with 元 left out ("1亿2685万，") the unit stays as written: mentions.ts decides whether a bare 万 or 亿 is money
  if (!yuan) return { figure, unit: unitTier === 8 ? '亿' : '万', unitAt: [lastAt] };
  const unit = unitTier === 8 ? '亿元' : '万元';
  return { figure, unit, unitAt: [Math.min(tierAt, lastAt), lastAt] };
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
