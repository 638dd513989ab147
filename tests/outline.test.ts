import { describe, expect, it } from 'vitest';
import {
  WORDED_OUTLINE_MARK,
  circledNumeral,
  hanNumber,
  hanNumeral,
  outlineLevel,
  outlineNumber,
  withoutOutlineMark,
} from '../src/util/outline.js';

describe('outline marks', () => {
  it('reads the number of the item a line opens, in every kind of mark', () => {
    expect(outlineNumber('第二部分 决算情况说明')).toBe(2);
    expect(outlineNumber('十二、其他重要事项')).toBe(12);
    expect(outlineNumber('（四）“三公”经费')).toBe(4);
    expect(outlineNumber('3.调入资金安排情况')).toBe(3);
    expect(outlineNumber('３．政府采购')).toBe(3);
    expect(outlineNumber('(11)公务接待费')).toBe(11);
    expect(outlineNumber('⑦ 其他')).toBe(7);
  });

  it('reads no number where the line opens no item: a figure, a year, a sentence', () => {
    expect(outlineNumber('3.5万元用于设备购置')).toBeUndefined();
    expect(outlineNumber('2024年度收入总计')).toBeUndefined();
    expect(outlineNumber('本单位收入')).toBeUndefined();
  });

  it('gives level and text without the mark from the same reading', () => {
    expect(outlineLevel('（一）部门本级')).toBe(2);
    expect(withoutOutlineMark('（一）部门本级')).toBe('部门本级');
  });

  it('keeps bare Arabic marks out of the worded marks, so a page number before "2." is not split', () => {
    const worded = new RegExp(`^${WORDED_OUTLINE_MARK}$`, 'u');
    expect(worded.test('二、')).toBe(true);
    expect(worded.test('（3）')).toBe(true);
    expect(worded.test('2.')).toBe(false);
  });

  it('writes the numerals it reads: Han 1–99 and circled 1–20 back to their numbers', () => {
    expect(['三', '十', '十二', '二十', '二十一', '九十九'].map(hanNumber)).toEqual([3, 10, 12, 20, 21, 99]);
    for (let n = 1; n <= 99; n += 1) expect(hanNumber(hanNumeral(n))).toBe(n);
    for (let n = 1; n <= 20; n += 1) expect(outlineNumber(circledNumeral(n))).toBe(n);
    expect(circledNumeral(21)).toBe('');
  });
});
