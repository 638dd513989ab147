import { describe, expect, it } from 'vitest';
import {
  codeLevel,
  isUnder,
  normaliseEconomicCode,
  normaliseFunctionCode,
  parentCode,
  parseCodeCell,
  parseEconomicCode,
  parseFunctionCode,
} from '../src/reader/codes.js';

type Expect = { code: string; level: '类' | '款' | '项'; name?: string } | null;

const functionCells: Array<[string | number | null, Expect]> = [
  ['2010350', { code: '2010350', level: '项' }],
  [2010350, { code: '2010350', level: '项' }],
  ['201 03 50', { code: '2010350', level: '项' }],
  ['201-03-50', { code: '2010350', level: '项' }],
  ['201 - 03 - 50', { code: '2010350', level: '项' }],
  ['２０１０３５０', { code: '2010350', level: '项' }],
  ['20103', { code: '20103', level: '款' }],
  ['201 03', { code: '20103', level: '款' }],
  ['201', { code: '201', level: '类' }],
  ['234', { code: '234', level: '类' }],
  ['  2080505\u00a0', { code: '2080505', level: '项' }],
  ['2010350 事业运行', { code: '2010350', level: '项', name: '事业运行' }],
  ['2010350事业运行', { code: '2010350', level: '项', name: '事业运行' }],
  ['[2010350]事业运行', { code: '2010350', level: '项', name: '事业运行' }],
  ['【2010350】事业运行', { code: '2010350', level: '项', name: '事业运行' }],
  ['201 03 50 事业运行', { code: '2010350', level: '项', name: '事业运行' }],
  ['2010350：事业运行', { code: '2010350', level: '项', name: '事业运行' }],
  ['201一般公共服务支出', { code: '201', level: '类', name: '一般公共服务支出' }],
  ['2210201 住房公积金', { code: '2210201', level: '项', name: '住房公积金' }],
  // not codes
  ['合计', null],
  ['栏次', null],
  ['类', null],
  ['1', null],
  ['27', null],
  [27, null],
  ['60', null],
  ['200', null], // below the function classes
  ['235', null], // above them
  ['301', null], // an economic class
  ['30101', null],
  ['2010', null],
  ['201035', null],
  ['20103501', null],
  ['2156.82', null],
  ['215.82', null],
  ['201 1', null],
  ['2010350 1', null],
  ['', null],
  [null, null],
];

describe('parseFunctionCode', () => {
  it.each(functionCells)('%j', (cell, expected) => {
    const parsed = parseFunctionCode(cell);
    if (expected === null) expect(parsed).toBeNull();
    else expect(parsed).toEqual({ ...expected, scheme: 'function' });
  });
});

const economicCells: Array<[string | number, Expect]> = [
  ['30101', { code: '30101', level: '款' }],
  ['303 01', { code: '30301', level: '款' }],
  ['301-01', { code: '30101', level: '款' }],
  ['301\n99', { code: '30199', level: '款' }],
  ['301', { code: '301', level: '类' }],
  ['310', { code: '310', level: '类' }],
  ['399', { code: '399', level: '类' }],
  ['50101', { code: '50101', level: '款' }],
  ['30101 基本工资', { code: '30101', level: '款', name: '基本工资' }],
  ['30101基本工资', { code: '30101', level: '款', name: '基本工资' }],
  ['[30217]公务接待费', { code: '30217', level: '款', name: '公务接待费' }],
  ['301 工资福利支出', { code: '301', level: '类', name: '工资福利支出' }],
  // not codes
  ['2010350', null],
  ['201', null],
  ['3010101', null],
  ['401', null],
  ['27', null],
  ['人员经费合计', null],
];

describe('parseEconomicCode', () => {
  it.each(economicCells)('%j', (cell, expected) => {
    const parsed = parseEconomicCode(cell);
    if (expected === null) expect(parsed).toBeNull();
    else expect(parsed).toEqual({ ...expected, scheme: 'economic' });
  });

  it('parseCodeCell takes the scheme', () => {
    expect(parseCodeCell('30101', 'economic')?.code).toBe('30101');
    expect(parseCodeCell('30101', 'function')).toBeNull();
    expect(parseCodeCell('2010350', 'function')?.level).toBe('项');
    expect(parseCodeCell('2010350', 'economic')).toBeNull();
  });
});

const functionParts: Array<[Array<string | number | null>, string | undefined, Expect]> = [
  [['201', '03', '50'], undefined, { code: '2010350', level: '项' }],
  [['201', '20103', '2010350'], undefined, { code: '2010350', level: '项' }],
  [['', '', '2010350'], undefined, { code: '2010350', level: '项' }],
  [[null, null, '2010350 事业运行'], undefined, { code: '2010350', level: '项', name: '事业运行' }],
  [['201', '', ''], undefined, { code: '201', level: '类' }],
  [['201', '03', ''], undefined, { code: '20103', level: '款' }],
  [['', '20103', ''], undefined, { code: '20103', level: '款' }],
  [[201, '03', '50'], undefined, { code: '2010350', level: '项' }],
  [['２０１', '０３', '５０'], undefined, { code: '2010350', level: '项' }],
  [['2010350', '', ''], undefined, { code: '2010350', level: '项' }],
  // leading parts carried over from an earlier row
  [['', '03', '50'], '2010301', { code: '2010350', level: '项' }],
  [['', '', '99'], '2010350', { code: '2010399', level: '项' }],
  [['', '37', '99'], '201', { code: '2013799', level: '项' }],
  // not codes
  [['', '03', '50'], undefined, null],
  [['', '', '50'], '201', null],
  [['201', '', '50'], undefined, null],
  [['201', '20203', ''], undefined, null],
  [['201', '03', '2010450'], undefined, null],
  [['合计', '', ''], undefined, null],
  [['27', '', ''], undefined, null],
  [['', '', ''], undefined, null],
  [[], undefined, null],
  [['201', '03', '5'], undefined, null],
];

describe('normaliseFunctionCode', () => {
  it.each(functionParts)('%j (previous %s)', (parts, previous, expected) => {
    const parsed = normaliseFunctionCode(parts, previous);
    if (expected === null) expect(parsed).toBeNull();
    else expect(parsed).toEqual({ ...expected, scheme: 'function' });
  });
});

const economicParts: Array<[Array<string | null>, string | undefined, Expect]> = [
  [['301', '01'], undefined, { code: '30101', level: '款' }],
  [['301', '30101'], undefined, { code: '30101', level: '款' }],
  [['', '30101'], undefined, { code: '30101', level: '款' }],
  [['302', ''], undefined, { code: '302', level: '类' }],
  [['', '99'], '30101', { code: '30199', level: '款' }],
  [['301', '01', '02'], undefined, null],
  [['301', '30201'], undefined, null],
  [['', '01'], undefined, null],
];

describe('normaliseEconomicCode', () => {
  it.each(economicParts)('%j (previous %s)', (parts, previous, expected) => {
    const parsed = normaliseEconomicCode(parts, previous);
    if (expected === null) expect(parsed).toBeNull();
    else expect(parsed).toEqual({ ...expected, scheme: 'economic' });
  });
});

describe('codeLevel, parentCode, isUnder', () => {
  it.each([
    ['201', 'function', '类'],
    ['20103', 'function', '款'],
    ['2010350', 'function', '项'],
    ['2010', 'function', null],
    ['301', 'function', null],
    ['301', 'economic', '类'],
    ['30101', 'economic', '款'],
    ['3010101', 'economic', null],
    ['20a', 'function', null],
  ] as const)('codeLevel(%s, %s) = %s', (code, scheme, level) => {
    expect(codeLevel(code, scheme)).toBe(level);
  });

  it.each([
    ['2010350', '20103'],
    ['20103', '201'],
    ['201', null],
    ['30101', '301'],
    ['2010', null],
  ])('parentCode(%s) = %s', (code, parent) => {
    expect(parentCode(code)).toBe(parent);
  });

  it.each([
    ['2010350', '201', true],
    ['2010350', '20103', true],
    ['2010350', '2010350', true],
    ['201', '201', true],
    ['30199', '301', true],
    ['2013799', '20103', false],
    ['2020101', '201', false],
    ['201', '20103', false],
    ['2010350', '20', false],
    ['2010350', '2010', false],
    ['2010350', '', false],
  ] as const)('isUnder(%s, %s) = %s', (code, prefix, under) => {
    expect(isUnder(code, prefix)).toBe(under);
  });
});
