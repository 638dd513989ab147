/**
 * One answer to "is this text an amount?" for every reader and rule (src/util/amount-text.ts).
 * Before it, the readers each had a copy of their own, and the copies differed; each difference
 * is settled here, with the behaviour kept and why.
 */
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../src/reader/amount.js';
import { amountText, endsInAmount, isAmountCell, isPrintedAmount, shownTooNarrow } from '../src/util/amount-text.js';

describe('amountText: the kinds of text a cell holds', () => {
  it.each([
    ['2,156.82', 'number'],
    ['0.00', 'number'],
    ['44', 'number'],
    ['', 'blank'],
    ['-', 'blank'],
    ['——', 'blank'],
    ['/', 'blank'],
    ['###', 'too-narrow'],
    ['# # #', 'too-narrow'],
    ['＃＃＃＃', 'too-narrow'],
    ['无', 'unreadable'],
    ['#REF!', 'unreadable'],
    ['12.5%', 'unreadable'],
    ['1,23,4.00', 'unreadable'],
  ])('%j is %s', (text, kind) => {
    expect(amountText(text).kind).toBe(kind);
  });
});

describe('a printed amount: a number with one or two decimals', () => {
  it.each([['2,156.82'], ['2156.82'], ['0.00'], ['-3.50'], ['−3.50']])('%j is one', (text) => {
    expect(isPrintedAmount(text)).toBe(true);
  });

  // the readers' pieces (text, PDF) took two decimals only, the column finder and the rule on
  // merged figures one or two: one place is kept, a table printed to one place is still figures
  it('"12.5" is one (one place printed is still a printed amount)', () => {
    expect(isPrintedAmount('12.5')).toBe(true);
    expect(isPrintedAmount('1,234.5')).toBe(true);
  });

  // no decimals: a 功能分类 code, a 栏次 or 行次 number, a year, a head count are printed so
  it.each([['2010350'], ['1'], ['2024'], ['12.345'], ['12.']])('%j is none', (text) => {
    expect(isPrintedAmount(text)).toBe(false);
  });

  // the PDF reader's copy took any commas ([\d,]*): a comma out of its place is what the workbook
  // reader calls unreadable, so no printed amount either
  it('"1,23,4.00" is none (misplaced thousands separators are unreadable, not an amount)', () => {
    expect(parseAmount('1,23,4.00').state).toBe('unreadable');
    expect(isPrintedAmount('1,23,4.00')).toBe(false);
  });

  // the PDF reader's copy took no full-width point, the document reader's no full-width comma:
  // what parseAmount reads as a number is one for every reader
  it.each([
    ['2，156．82'],
    ['１２．５０'],
    ['(3.50)'],
    ['（3.50）'],
    ['－3.50'],
    ['+3.00'],
    ['¥12.00'],
    ['12.00万元'],
    ['2, 156. 82'],
  ])('%j is one (parseAmount reads it as a number: full-width, parentheses, signs, a unit, stray spaces)', (text) => {
    expect(parseAmount(text).state).toBe('number');
    expect(isPrintedAmount(text)).toBe(true);
  });
});

describe('an amount cell: a printed amount, a placeholder printed for none, or ###', () => {
  it.each([['3.00'], ['-'], ['—'], ['/'], ['###']])('%j is one', (text) => {
    expect(isAmountCell(text)).toBe(true);
  });
  // an empty cell prints nothing: it says nothing about the row
  it.each([[''], ['  '], ['项目'], ['2010350'], ['12%']])('%j is none', (text) => {
    expect(isAmountCell(text)).toBe(false);
  });
});

describe('a piece of a line ending in an amount (cells a narrow gap joined)', () => {
  it.each([
    ['事业运行3.00', true],
    ['事业运行 3.00', true],
    ['7.47 30.57', true],
    ['合计 -3.00', true],
    ['合计 ###', true],
    // (a header's words and numbers end in none)
    ['本年支出', false],
    ['2024年', false],
    ['栏次 1', false],
    // the copies' unanchored /\d[.．]\d{2}$/ took a wrong-grouped amount's end: no longer
    ['1,23,4.00', false],
  ])('%j: %s', (text, expected) => {
    expect(endsInAmount(text)).toBe(expected);
  });
});

describe('### of any length is 列宽不足', () => {
  // a spreadsheet fills a cell's width with #: a wide merged cell shows more # than an amount has
  // characters; it was "内容过长" for parseAmount and 列宽不足 for the rule's re-test of the text
  it('sixty # are one amount too wide for its column, for parseAmount and the rule alike', () => {
    const hashes = '#'.repeat(60);
    expect(parseAmount(hashes).reason).toBe(`列宽不足：金额显示成了「${hashes}」`);
    expect(shownTooNarrow(hashes)).toBe(true);
  });
});
