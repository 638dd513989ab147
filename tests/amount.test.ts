import { describe, expect, it } from 'vitest';
import { cleanNumber, parseAmount, parsePercent } from '../src/reader/amount.js';
import { toHalfWidth } from '../src/util/amount-text.js';

/** [input, value as string, decimals] */
const numbers: Array<[string | number, string, number]> = [
  // JS numbers: binary noise removed, decimals of the cleaned value
  [0.30000000000000004, '0.3', 1],
  [2156.8200000000002, '2156.82', 2],
  [0.1 + 0.2, '0.3', 1],
  [490.17999999999995, '490.18', 2],
  [44, '44', 0],
  [0, '0', 0],
  [-0, '0', 0],
  [-12.5, '-12.5', 1],
  [1623.17, '1623.17', 2],
  [21568200, '21568200', 0],
  // plain text
  ['2156.82', '2156.82', 2],
  ['46.1', '46.1', 1],
  ['46.10', '46.1', 2],
  ['44', '44', 0],
  ['0', '0', 0],
  ['0.00', '0', 2],
  ['.5', '0.5', 1],
  ['+3.00', '3', 2],
  // thousands separators and stray spaces (PDF exports)
  ['2,156.82', '2156.82', 2],
  ['2, 156. 82', '2156.82', 2],
  ['1,234,567', '1234567', 0],
  ['1 234.5', '1234.5', 1],
  ['  2156.82  ', '2156.82', 2],
  ['\u00a02156.82\u00a0', '2156.82', 2],
  ['\u30002156.82\u3000', '2156.82', 2],
  ['2156.82\n', '2156.82', 2],
  // full-width digits and punctuation
  ['２，１５６．８２', '2156.82', 2],
  ['４６．１', '46.1', 1],
  // units in the cell: dropped, not converted
  ['44万元', '44', 0],
  ['44 元', '44', 0],
  ['2,156.82 万元', '2156.82', 2],
  ['￥12.00', '12', 2],
  // negatives
  ['-12.50', '-12.5', 2],
  ['\u221212.50', '-12.5', 2],
  ['－12.5', '-12.5', 1],
  ['- 12.5', '-12.5', 1],
  ['–12.5', '-12.5', 1],
  ['(12.50)', '-12.5', 2],
  ['（12.50）', '-12.5', 2],
  ['(1,234.50)', '-1234.5', 2],
  ['-0.00', '0', 2],
];

describe('parseAmount: numbers', () => {
  it.each(numbers)('%j → %s (%i decimals)', (input, value, decimals) => {
    const parsed = parseAmount(input);
    expect(parsed.state).toBe('number');
    expect(parsed.value?.toString()).toBe(value);
    expect(parsed.decimals).toBe(decimals);
    expect(parsed.reason).toBeUndefined();
  });

  it('never returns -0', () => {
    expect(parseAmount('-0').value?.isNegative()).toBe(false);
    expect(parseAmount(-0).value?.isNegative()).toBe(false);
    expect(parseAmount('(0.00)').value?.isNegative()).toBe(false);
  });

  it('keeps explicit zero distinct from blank', () => {
    expect(parseAmount('0').state).toBe('number');
    expect(parseAmount('0.00').state).toBe('number');
    expect(parseAmount('-').state).toBe('blank');
  });
});

const blanks: Array<string | null | undefined> = [
  null,
  undefined,
  '',
  '   ',
  '\u3000',
  '\u00a0',
  '-',
  '--',
  '- -',
  '—',
  '——',
  '－',
  '−',
  '–',
  '/',
  '／',
];

describe('parseAmount: blank forms', () => {
  it.each(blanks.map((b) => [b]))('%j is blank', (input) => {
    expect(parseAmount(input)).toEqual({ state: 'blank', value: null, decimals: 2 });
  });
});

/** [input, reason] */
const unreadables: Array<[string | number, string]> = [
  ['abc', '不是金额：「abc」'],
  ['无', '不是金额：「无」'],
  ['12.3.4', '不是金额：「12.3.4」'],
  ['1,23,4', '不是金额：「1,23,4」（千分位分隔符位置不对）'],
  ['12,5', '不是金额：「12,5」（千分位分隔符位置不对）'],
  ['1234,567.00', '不是金额：「1234,567.00」（千分位分隔符位置不对）'],
  ['#REF!', '不是金额：「#REF!」（错误值）'],
  ['#DIV/0!', '不是金额：「#DIV/0!」（错误值）'],
  ['#N/A', '不是金额：「#N/A」（错误值）'],
  ['12.', '不是金额：「12.」'],
  ['1.2E+3', '不是金额：「1.2E+3」'],
  ['24.74%', '不是金额：「24.74%」'],
  ['44亿元', '不是金额：「44亿元」'],
  ['—12', '不是金额：「—12」'],
  ['12-', '不是金额：「12-」'],
  ['--12', '不是金额：「--12」'],
  ['元', '不是金额：「元」'],
  ['//', '不是金额：「//」'],
  ['见附表', '不是金额：「见附表」'],
  ['###', '列宽不足：金额显示成了「###」'],
  ['＃＃＃＃', '列宽不足：金额显示成了「＃＃＃＃」'],
  [Number.NaN, '不是金额：「NaN」（不是有限数值）'],
  [Number.POSITIVE_INFINITY, '不是金额：「Infinity」（不是有限数值）'],
];

describe('parseAmount: unreadable', () => {
  it.each(unreadables)('%j → %s', (input, reason) => {
    expect(parseAmount(input)).toEqual({ state: 'unreadable', value: null, decimals: 2, reason });
  });

  it('shortens long text in the reason', () => {
    const reason = parseAmount('这里填写的是一大段说明文字而不是金额，应当报告给用户而不是当成零处理').reason ?? '';
    expect(reason.startsWith('不是金额：「这里填写')).toBe(true);
    expect(reason).toContain('…」');
    expect(reason.length).toBeLessThan(45);
  });
});

describe('cleanNumber and toHalfWidth', () => {
  it.each([
    [0.30000000000000004, '0.3'],
    [1e-7, '1e-7'],
    [123456789.12, '123456789.12'],
  ])('cleanNumber(%s) = %s', (input, out) => {
    expect(cleanNumber(input).toString()).toBe(out);
  });

  it('maps full-width ASCII and the ideographic space', () => {
    expect(toHalfWidth('２０１０３５０（类）：１．５％\u3000')).toBe('2010350(类):1.5% ');
    expect(toHalfWidth('事业运行')).toBe('事业运行');
  });
});

/** [input, value, decimals] or null */
const percents: Array<[string, [string, number] | null]> = [
  ['24.74%', ['24.74', 2]],
  ['100 %', ['100', 0]],
  ['0%', ['0', 0]],
  ['93.5％', ['93.5', 1]],
  ['９３．５％', ['93.5', 1]],
  [' 0.7% ', ['0.7', 1]],
  ['-0.7%', ['-0.7', 1]],
  ['−2.50%', ['-2.5', 2]],
  ['75.26\u00a0%', ['75.26', 2]],
  ['24.74', null],
  ['%', null],
  ['abc%', null],
  ['1.2.3%', null],
  ['百分之五', null],
  ['', null],
];

describe('parsePercent', () => {
  it.each(percents)('%j', (input, expected) => {
    const parsed = parsePercent(input);
    if (expected === null) {
      expect(parsed).toBeNull();
    } else {
      expect(parsed?.value.toString()).toBe(expected[0]);
      expect(parsed?.decimals).toBe(expected[1]);
    }
  });
});
