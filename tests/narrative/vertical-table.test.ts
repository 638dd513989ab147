import { describe, expect, it } from 'vitest';
import { joinVerticalTables } from '../../src/narrative/extract/vertical-table.js';
import { numberParagraphs } from '../../src/narrative/types.js';

const paras = (lines: string[]) => numberParagraphs(lines.map((text) => ({ text, origin: { file: '说明.txt' } })));
const texts = (lines: string[]) => joinVerticalTables(paras(lines)).map((p) => `${p.id} ${p.text}`);

describe('a table rendered one cell per line', () => {
  it('is read back into rows as wide as its header, each numbered like its first line', () => {
    expect(
      texts([
        '单位：万元',
        '项 目 |',
        '预 算 数 |',
        '决 算 数 |',
        '合 计 |',
        '9.5 |',
        '7.25 |',
        '公务接待费 |',
        '4 |',
        '3.75 |',
        '说明。',
      ]),
    ).toEqual([
      'P1 单位：万元',
      'P2 项 目|预 算 数|决 算 数',
      'P5 合 计|9.5|7.25',
      'P8 公务接待费|4|3.75',
      'P11 说明。',
    ]);
  });

  it('keeps an empty cell in its column', () => {
    expect(texts(['项目 |', '预算数 |', '决算数 |', '合计 |', '6 |', '2 |', '因公出国(境)费 |', '|', '0 |'])).toEqual([
      'P1 项目|预算数|决算数',
      'P4 合计|6|2',
      'P7 因公出国(境)费|—|0',
    ]);
  });

  it('ends at the first row that is not a name then numbers, leaving the rest as written', () => {
    expect(
      texts(['项目 |', '预算数 |', '决算数 |', '合计 |', '6 |', '2 |', '公务用车购置费 |', '二、情况说明']),
    ).toEqual(['P1 项目|预算数|决算数', 'P4 合计|6|2', 'P7 公务用车购置费 |', 'P8 二、情况说明']);
  });

  it('reads a rate (74%) or a change written with a true minus (−1.8) as a figure, as it reads bare lines: the header stays over its columns', () => {
    expect(
      texts([
        '项 目 |',
        '预 算 数 |',
        '决 算 数 |',
        '完 成 率 |',
        '合 计 |',
        '24.6 |',
        '18.2 |',
        '74% |',
        '公务接待费 |',
        '8.6 |',
        '8.6 |',
        '100% |',
      ]),
    ).toEqual(['P1 项 目|预 算 数|决 算 数|完 成 率', 'P5 合 计|24.6|18.2|74%', 'P9 公务接待费|8.6|8.6|100%']);
    expect(
      texts(['项目 |', '决算数 |', '增减 |', '合计 |', '18.2 |', '−1.8 |', '公务接待费 |', '8.6 |', '0.6 |']),
    ).toEqual(['P1 项目|决算数|增减', 'P4 合计|18.2|−1.8', 'P7 公务接待费|8.6|0.6']);
  });

  it('leaves lines alone when no header names a budget or an actual column', () => {
    const lines = ['姓名 |', '职务 |', '张三 |', '1 |'];
    expect(texts(lines)).toEqual(lines.map((t, i) => `P${i + 1} ${t}`));
  });
});
