/**
 * Pinyin a converting mirror put after characters ("經(jīng)費(fèi)", "萬(wàn)元", twice over: "江(jiang)(jiang)省"):
 * a bracket right after a CJK character (or after its pinyin) holding only pinyin letters. It is no
 * part of the text: the matching text drops it, and a line that ends in one has not ended its sentence.
 */
const LETTERS = 'a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ';
const READING = `[(（][${LETTERS}]{1,8}[)）]`;

export const PINYIN = new RegExp(`(?<=[\\u3400-\\u9fff](?:${READING})*)${READING}`, 'gu');

/** A bracket that may open pinyin: without one, the text has none (the pattern above is costly to run). */
export const PINYIN_OPEN = new RegExp(`[(（][${LETTERS}]`, 'u');

const TRAILING = new RegExp(`(?<=[\\u3400-\\u9fff])(?:${READING})+\\s*$`, 'u');

/** The line without the readings after its last character ("…支出(chū)" → "…支出"). */
export function withoutTrailingPinyin(line: string): string {
  return PINYIN_OPEN.test(line) ? line.replace(TRAILING, '') : line;
}
