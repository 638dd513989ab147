import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadClaims } from '../../src/narrative/catalog/load-claims.js';
import { isNarrativeFile } from '../../src/io/narrative/read.js';
import { normaliseText, rocDocument, sourceSlice } from '../../src/narrative/text/normalise.js';
import { FIXTURES, readFixture } from '../helpers/fixtures.js';
import { xlsxDocument } from '../../src/io/xlsx/document.js';
import { narrativeInDocument } from '../../src/narrative/source.js';
import { workbookOf } from '../helpers/sheet.js';
import { checkNarrative } from '../../src/narrative/check.js';
import { numberParagraphs } from '../../src/narrative/types.js';
import { narrativeInWorkbook, narrativeRules, paragraphsOfText, readNarrativeFile, ruleIds } from './helpers.js';

const simplify = loadClaims().simplify;
const norm = (s: string) => normaliseText(s, simplify).text;

describe('matching text', () => {
  it('joins PDF-spaced numbers, folds full-width digits, keeps thousands separators apart from clause commas', () => {
    expect(norm('收入合计 2, 156. 82 万元,增长 0.7 %')).toBe('收入合计2,156.82万元，增长0.7%');
    expect(norm('２１５６．８２％')).toBe('2156.82%');
    expect(norm('预算 2.29 万元,支出 2.06 万元')).toBe('预算2.29万元，支出2.06万元');
  });

  it('reads a 民國 year before a bare 年 in traditional text of a 臺灣 document, but not a span of years (逾 N 年, 建黨 N 年, N 年歷史)', () => {
    const roc = (s: string) => normaliseText(s, simplify, true).text;
    expect(roc('110年預算數較109年增加')).toBe('2021年预算数较2020年增加');
    // a mainland text in traditional characters names no 民國 year bare: its "110年" stays as written
    expect(norm('110年預算數較109年增加')).toBe('110年预算数较109年增加');
    // a fiscal year (年度) is one in any document, a figure right after it too
    expect(norm('較112年度3萬8,000元增加')).toBe('较2023年度3.8000万元增加');
    // the marker is the document's: 縣府 or 新臺幣 in any paragraph, not traditional characters alone
    expect(rocDocument(['本府110年歲出預算', '縣府依預算法編列'])).toBe(true);
    expect(rocDocument(['單位決算以新臺幣計'])).toBe(true);
    expect(rocDocument(['本會服務市民80年', '市黨委、市政府領導下'])).toBe(false);
    expect(norm('本會成立逾80年，建黨100年，服務市民90年歷史，民國110年')).toBe(
      '本会成立逾80年，建党100年，服务市民90年历史，民国2021年',
    );
  });

  it('writes a compound amount as one figure, its unit as written: 元 only where the source has it', () => {
    expect(norm('收入27億3,566萬8,000元')).toBe('收入273566.8000万元');
    expect(norm('常住人口1亿2685万，比上年增加')).toBe('常住人口12685万，比上年增加');
  });

  it('maps traditional to simplified and unifies brackets and quotes', () => {
    expect(norm('財政撥款收入佔本年收入（類）')).toBe('财政拨款收入占本年收入（类）');
    expect(norm('“三公”經費(類)')).toBe('三公经费（类）');
  });

  it('reads a note in square or lenticular brackets as a parenthetical; an empty pair (page furniture) stays', () => {
    expect(norm('增长 6.1%[①上年基数为 40.2 亿元。]，其中')).toBe('增长6.1%（①上年基数为40.2亿元。），其中');
    expect(norm('收入【注：含结转】')).toBe('收入（注：含结转）');
    expect(norm('字号：[ ] 【】【打印】 ![]()')).toBe('字号：[]【】（打印）！[]（）');
  });

  it('reads 去年 and 上年度 as 上年, but not the 去 of 除去 / 过去 nor 以上 + 年度; quotes keep the words written', () => {
    expect(norm('比去年减少，较上年度增长，与上年度决算数相比')).toBe('比上年减少，较上年增长，与上年决算数相比');
    expect(norm('除去年初预算，过去年度，十年以上年度')).toBe('除去年初预算，过去年度，十年以上年度');
    const n = normaliseText('较上年度增长 5%，比去年多', simplify);
    expect(sourceSlice(n, 0, n.text.indexOf('，'))).toBe('较上年度增长 5%');
    expect(sourceSlice(n, n.text.indexOf('比'), n.text.length)).toBe('比去年多');
  });

  it('quotes what was written: a normalised span maps back to the source text', () => {
    const n = normaliseText('基本支出 533. 65 萬元，佔本年支出 24.74%', simplify);
    const start = n.text.indexOf('533');
    expect(sourceSlice(n, start, n.text.indexOf('，'))).toBe('533. 65 萬元');
  });

  it('quotes no more than the span: what normalising dropped after its end (a quote mark, a pinyin reading) is left out', () => {
    const n = normaliseText('2017年“三公”經(jīng)費決算統計表', simplify);
    expect(sourceSlice(n, 0, n.text.indexOf('三'))).toBe('2017年');
    expect(sourceSlice(n, n.text.indexOf('三'), n.text.indexOf('费'))).toBe('三公”經');
    expect(sourceSlice(n, n.text.indexOf('费'), n.text.length)).toBe('費決算統計表');
  });
});

describe('narrative sources', () => {
  it('.txt: a paragraph per non-blank line; .md without its markup', () => {
    expect(
      paragraphsOfText('\ufeff一、收入\r\n\r\n收入合计 1 万元。\n', 'a.txt', false).map((p) => [p.id, p.text]),
    ).toEqual([
      ['P1', '一、收入'],
      ['P2', '收入合计 1 万元。'],
    ]);
    expect(paragraphsOfText('# 一、收入\n\n- **收入合计** 1 万元。\n', 'a.md', true).map((p) => p.text)).toEqual([
      '一、收入',
      '收入合计 1 万元。',
    ]);
  });

  it('.txt copied from a PDF: a line broken mid-sentence at a page end is joined, headings are not', () => {
    const pdf = [
      '二、收入决算情况说明',
      '',
      '2024 年度收入合计 2156.82 万元，与 2023 年度相比，收入合计增加 14.96 万元，增长 0.7%，主要原因是在职人员增加 2',
      '',
      ' ',
      '名，以及支付 2023 年部分项目尾款费用。',
      '10. 住房保障支出(类)住房改革支出(款)提租补贴(项)。年初预算 8.75 万元,支出决算为 7.96 万元,完成年初预算数的',
      '',
      '91%，支出数小于年初预算数的主要原因：该支出年初预算为系统自动测算。',
      '（一）部门（单位）整体支出自评结果',
    ].join('\n');
    const texts = paragraphsOfText(pdf, 'a.txt', false).map((p) => p.text);
    expect(texts).toHaveLength(4);
    expect(texts[1]).toContain('增加 2名，以及');
    expect(texts[2]).toContain('完成年初预算数的91%');
    expect(texts[3]).toBe('（一）部门（单位）整体支出自评结果');
  });

  it('.txt wrapped at the page width: a line reaching the margin runs on after a closing bracket, a quote left open runs on', () => {
    const wrapped = [
      '（一）机关运行经费情况说明。',
      '2024 年度本单位“三公”经费支出年初预算为 40.00 万元，支出决算',
      '为 30.00 万元，完成全年预算的 75%，其中：因公出国（境）',
      '费决算为 0 万元；公务用车购置及运行维护费决算为 20.00 万元；公',
      '务接待费决算为 10.00 万元。',
      '“文化旅游体育与传媒支出（类）文化和旅游（款）群众文',
      '化（项）”12.50 万元，主要用于社区文化活动。',
      '（二）说明。',
    ].join('\n');
    expect(paragraphsOfText(wrapped, 'a.txt', false).map((p) => p.text)).toEqual([
      '（一）机关运行经费情况说明。',
      '2024 年度本单位“三公”经费支出年初预算为 40.00 万元，支出决算为 30.00 万元，完成全年预算的 75%，其中：因公出国（境）费决算为 0 万元；公务用车购置及运行维护费决算为 20.00 万元；公务接待费决算为 10.00 万元。',
      '“文化旅游体育与传媒支出（类）文化和旅游（款）群众文化（项）”12.50 万元，主要用于社区文化活动。',
      '（二）说明。',
    ]);
    // the same text with whole paragraphs per line has no margin: a line ending in a bracket ends there
    expect(paragraphsOfText('本单位无因公出国（境）\n费支出。', 'a.txt', false).map((p) => p.text)).toEqual([
      '本单位无因公出国（境）',
      '费支出。',
    ]);
  });

  it('.txt wrapped at the page width: a 其中： at the margin ends its line, its items one per line below stay apart', () => {
    const wrapped = [
      '六、一般公共预算财政拨款基本支出情况说明',
      '2024 年度本单位一般公共预算财政拨款基本支出 812,400.50 元，其中：',
      '人员经费 700,100.30 元，主要包括：基本工资、津贴补贴、奖金、伙',
      '食补助费、绩效工资、机关事业单位基本养老保险缴费、职业年金缴',
      '费、职工基本医疗保险缴费、住房公积金、医疗费。',
      '公用经费 112,300.20 元，主要包括：办公费、印刷费、水电费、邮电',
      '费、差旅费、维修（护）费、会议费、培训费、公务接待费、工会经费。',
    ].join('\n');
    const texts = paragraphsOfText(wrapped, 'a.txt', false).map((p) => p.text);
    expect(texts).toHaveLength(4);
    expect(texts[1]).toMatch(/其中：$/u);
    expect(texts[2]).toMatch(/^人员经费 700,100\.30 元.*医疗费。$/u);
    expect(texts[3]).toMatch(/^公用经费 112,300\.20 元.*工会经费。$/u);
  });

  it('.txt of a mirror that put pinyin after characters: a reading at a line end closes no sentence', () => {
    const mirror = [
      '1. 基本支出 3200.50 元，占一般公共預算支出(chū)',
      '的 64.01%，同比減少 120.00 元。',
      '2. 項目支出 1799.50 元(yuán)。',
    ].join('\n');
    const texts = paragraphsOfText(mirror, 'a.txt', false).map((p) => p.text);
    expect(texts).toEqual([
      '1. 基本支出 3200.50 元，占一般公共預算支出(chū)的 64.01%，同比減少 120.00 元。',
      '2. 項目支出 1799.50 元(yuán)。',
    ]);
  });

  it('.docx from its document.xml, each paragraph with its file', async () => {
    const n = await readNarrativeFile('说明.docx', join(FIXTURES, 'seed-2024-narrative.docx'), 'option');
    expect(n.paragraphs[0]).toEqual({
      n: 1,
      id: 'P1',
      text: '第三部分 武汉经济技术开发区（汉南区）大数据中心 2024 年度部门决算情况说明',
      origin: { file: '说明.docx' },
    });
    expect(n.source).toBe('option');
  });

  it('only .docx, .txt and .md are narrative files; a missing one is reported as such', async () => {
    expect(['a.DOCX', 'b.txt', 'c.md'].every(isNarrativeFile)).toBe(true);
    expect(isNarrativeFile('d.xlsx')).toBe(false);
    await expect(readNarrativeFile('gone.docx', join(FIXTURES, 'gone.docx'), 'option')).rejects.toMatchObject({
      code: 'file-not-found',
    });
  });

  it('a 情况说明 sheet: a paragraph per text cell (or per line of a cell), each with its sheet!cell; numbers skipped', () => {
    const wb = workbookOf([
      { name: '收入支出决算总表', rows: [['2024年度收入支出决算总表']] },
      {
        name: '情况说明',
        rows: [['一、收入决算情况说明'], [null, 12.5], ['收入合计 2156.82 万元。\n其中：财政拨款收入 2156.82 万元。']],
      },
    ]);
    const n = narrativeInWorkbook(xlsxDocument(wb, 'x.xlsx'), 'x.xlsx');
    expect(n?.paragraphs.map((p) => [p.id, p.origin.cell, p.text])).toEqual([
      ['P1', 'A1', '一、收入决算情况说明'],
      ['P2', 'A3', '收入合计 2156.82 万元。'],
      ['P3', 'A3', '其中：财政拨款收入 2156.82 万元。'],
    ]);
    expect(n?.sheet).toBe('情况说明');
  });

  it('finds the sheet by its first text when renamed, and never takes a 填表说明 sheet', () => {
    const renamed = workbookOf([{ name: 'Sheet3', rows: [['2024年度部门决算情况说明'], ['收入合计 1 万元。']] }]);
    expect(narrativeInWorkbook(xlsxDocument(renamed, 'x.xlsx'), 'x.xlsx')?.sheet).toBe('Sheet3');
    const instructions = workbookOf([{ name: '填表说明', rows: [['本表按情况说明要求填写']] }]);
    expect(narrativeInWorkbook(xlsxDocument(instructions, 'x.xlsx'), 'x.xlsx')).toBeUndefined();
    expect(narrativeInWorkbook(xlsxDocument(new ExcelJS.Workbook(), 'x.xlsx'), 'x.xlsx')).toBeUndefined();
  });

  it('a document’s own running text is its narrative (a published report: source "document"); a text alone is "alone"', async () => {
    const text = [
      { text: '一、收入决算情况说明', origin: { file: 'report.pdf', page: 3 } },
      { text: ' ', origin: { file: 'report.pdf', page: 3 } },
      { text: '收入合计 1 万元。', origin: { file: 'report.pdf', page: 4 } },
    ];
    const seed = await readFixture('seed-2024.xlsx');
    const report = narrativeInDocument({ file: 'report.pdf', kind: 'pdf', grids: [], text }, seed);
    expect(report?.source).toBe('document');
    expect(report?.paragraphs.map((p) => [p.id, p.origin.page, p.text])).toEqual([
      ['P1', 3, '一、收入决算情况说明'],
      ['P2', 4, '收入合计 1 万元。'],
    ]);
    const draft = narrativeInDocument({ file: 'a.txt', kind: 'text', grids: [], text }, { ...seed, tables: [] });
    expect(draft?.source).toBe('alone');
  });

  it('a workbook’s 情况说明 is found among the document’s grids, only in sheets without a table', async () => {
    const wb = workbookOf([
      { name: '收入支出决算总表', rows: [['2024年度收入支出决算总表']] },
      { name: '情况说明', rows: [['收入合计 2156.82 万元。']] },
    ]);
    const seed = await readFixture('seed-2024.xlsx');
    const document = xlsxDocument(wb, 'x.xlsx');
    const free = { ...seed, ignoredSheets: [{ sheet: '情况说明', reason: '', hidden: false }] };
    expect(narrativeInDocument(document, free)?.source).toBe('sheet');
    expect(narrativeInDocument(document, { ...seed, ignoredSheets: [] })).toBeUndefined();
  });
});

describe('a report’s paragraph the print cut', () => {
  const cut = (texts: string[]) =>
    checkNarrative({
      narrative: {
        file: 'report.pdf',
        source: 'alone',
        paragraphs: numberParagraphs(texts.map((text) => ({ text, origin: { file: 'report.pdf', clipped: true } }))),
      },
      rules: narrativeRules,
      strict: true,
    }).findings.filter((f) => f.severity !== 'info');

  it('is read through the last clause it finishes: no claim in the clause the cut runs through', () => {
    // 完成预算的10 was 完成预算的100% before the cut; whole, with the text going on after them, the same words
    // lack the sign (at the very end of a text they may be cut too: residue.ts, dropRateCutAtEnd)
    const text = '甲项目全年预算数为20.00万元，执行数为20.00万元，完成预算的10';
    expect(ruleIds([`${text}，年中未作调整。`])).toEqual(['n.percent-sign']);
    expect(ruleIds([text])).toEqual([]);
    expect(cut([text])).toEqual([]);
    expect(numberParagraphs([{ text, origin: { file: 'report.pdf', clipped: true } }])[0]?.text).toBe(
      '甲项目全年预算数为20.00万元，执行数为20.00万元，',
    );
    // a cut paragraph with no clause finished says nothing
    expect(numberParagraphs([{ text: '完成预算的10', origin: { file: 'report.pdf', clipped: true } }])).toEqual([]);
  });
});
