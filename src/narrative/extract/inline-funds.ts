import { normaliseText } from '../text/normalise.js';
import type { Paragraph } from '../types.js';
import { allMatches } from '../../util/matches.js';

/**
 * The funds part of a 项目支出绩效自评表 copied out of Word as one line of words and figures with spaces
 * between ("项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 0 0 0 10 0 0
 * 其中:本年财政拨款 90 89.974 89.974 上年结转资金 其他资金 年度总体目标 …"). The form is the same
 * everywhere: a header of its columns, then 年度资金总额 and the rows of where the money came from. Its rows
 * are written out as a table rendered as text ("年度资金总额|0|0|0|10|0|0"), so the table checks read them;
 * the text before and after stays as it is. A row is read only where its figures' columns are certain: as
 * many figures as columns, or (a source row) as many as the columns of money before 分值, the rest blank.
 */

/** A column of the form's funds part, with the letter some forms give it ("全年预算数（A）"). */
const COLUMN =
  /^(?:年初预算数?|全年预算数?|调整后?预算数?|全年执行数|预算执行数|执行数|分值|权重|执行率|得分)(?:[（(][A-Z/]{1,3}[）)])?$/u;
/** Columns of money: the rows below give their figures; 分值, 执行率 and 得分 only the total does. */
const MONEY = /预算|执行数/u;
/** The rows of the funds part: its total and the sources of the money. */
const ROW =
  /^(?:年度资金总额|资金总额|总额|其中[:：]?(?:本年|当年)?财政(?:拨款|资金)|(?:本年|当年)?财政拨款|上年结转(?:资金)?|其他资金|财政专户管理资金|单位资金)[:：]?$/u;
const FIGURE = /^-?[0-9][0-9,]*(?:\.[0-9]+)?%?$/u;
/** Fewer columns than this is no header of the form (a sentence naming 分值 and 得分). */
const MIN_COLUMNS = 3;

interface Token {
  text: string;
  start: number;
  end: number;
}

/**
 * The words of a line, each normalised as the narrative reads text (simplified, ASCII digits, a mirror's pinyin
 * dropped: "預(yù)算數(shù)" is 预算数), with where it stands in the line as written.
 */
function tokens(text: string, simplify: (c: string) => string): Token[] {
  return [...allMatches(text, /\S+/gu)].map((m) => ({
    text: normaliseText(m[0], simplify).text,
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** The funds rows read from `tokens` at `from` (just after the header): rows as cells, and where they end. */
function rowsAt(
  words: Token[],
  from: number,
  columns: number,
  money: number,
): { rows: string[][]; end: number } | undefined {
  const rows: string[][] = [];
  let i = from;
  while (i < words.length) {
    let label = (words[i] as Token).text;
    let next = i + 1;
    // "其中: 本年财政拨款": the colon written apart from the name
    if (/^其中[:：]?$/u.test(label) && words[next]) {
      label += (words[next] as Token).text;
      next += 1;
    }
    if (!ROW.test(label)) break;
    const figures: string[] = [];
    while (next < words.length && FIGURE.test((words[next] as Token).text)) {
      figures.push((words[next] as Token).text);
      next += 1;
    }
    if (figures.length !== 0 && figures.length !== columns && figures.length !== money) return undefined;
    rows.push([label, ...figures, ...Array.from({ length: columns - figures.length }, () => '')]);
    i = next;
  }
  const end = i < words.length ? (words[i] as Token).start : Number.POSITIVE_INFINITY;
  return rows.length >= 2 ? { rows, end } : undefined;
}

/** One paragraph, its funds part written out as rows when it has one; else the paragraph as it is. */
function splitFunds(para: Paragraph, simplify: (c: string) => string): Paragraph[] {
  const words = tokens(para.text, simplify);
  for (let i = 0; i < words.length; i += 1) {
    let j = i;
    while (j < words.length && COLUMN.test((words[j] as Token).text)) j += 1;
    if (j - i < MIN_COLUMNS) {
      i = j;
      continue;
    }
    const header = words.slice(i, j).map((w) => w.text);
    const money = header.findIndex((h) => !MONEY.test(h));
    const found = rowsAt(words, j, header.length, money < 0 ? header.length : money);
    if (!found) {
      i = j;
      continue;
    }
    const before = para.text.slice(0, (words[i] as Token).start).trim();
    const after = Number.isFinite(found.end) ? para.text.slice(found.end).trim() : '';
    return [
      ...(before ? [{ ...para, text: before }] : []),
      { ...para, text: ['项目', ...header].join('|') },
      ...found.rows.map((cells) => ({ ...para, text: `${cells.join('|')}|` })),
      ...(after ? [{ ...para, text: after }] : []),
    ];
  }
  return [para];
}

/** Every paragraph, the funds parts of 绩效自评表 written in one line split into their rows. */
export function splitInlineFunds(paragraphs: Paragraph[], simplify: (c: string) => string): Paragraph[] {
  return paragraphs.flatMap((p) => (/[总總][额額]/u.test(p.text) ? splitFunds(p, simplify) : [p]));
}
