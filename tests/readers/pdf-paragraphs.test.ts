/**
 * Running text of a PDF joined into paragraphs as a word processor's export lays it out
 * (LibreOffice Writer printing a .docx): 10.5 pt Chinese with its Latin digits in an 11 pt font,
 * a line broken before a group it may not split (（项）。, a number) some em short of the margin,
 * a wide table whose cells run past the page's right edge. A paragraph wrapped over lines is one
 * paragraph; one that ended is not run into the next.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE, type PdfPage, textWidth, writePdf } from '../../scripts/fixtures/pdf.js';
import { run } from '../../src/cli.js';
import { memoryIO } from '../../src/cli/io.js';
import { pdfDocument } from '../../src/io/pdf/read-pdf.js';
import { table05Page } from '../helpers/pdf-ruled.js';
import type { Finding } from '../../src/model/finding.js';

/** The text column of a page with inch margins on the left (a Letter page's column, on A4). */
const LEFT = 72;
const RIGHT = 540;
const BODY = 10.5;
/** Latin digits are set in the Latin font at 11 pt beside the 10.5 pt Chinese (Word's default pair). */
const DIGITS = 11;
const LEADING = 15.1;

/** One printed line from `x`: digit runs in the Latin size, the rest in the Chinese one; its right end. */
function line(page: PdfPage, x: number, y: number, text: string): number {
  let at = x;
  for (const m of text.matchAll(/[0-9.%]+|[^0-9.%]+/g)) {
    const size = /^[0-9.%]+$/.test(m[0]) ? DIGITS : BODY;
    page.runs.push({ x: at, y, size, text: m[0] });
    at += textWidth(m[0], size);
  }
  return at;
}

/** Lines top down from `top`, each [x, text]; the right end of each. */
function lines(page: PdfPage, top: number, texts: [number, string][]): number[] {
  return texts.map(([x, text], i) => line(page, x, top - i * LEADING, text));
}

/** The findings of `check` on the pages written as a PDF: rule id and severity, with the page. */
async function checked(name: string, pages: PdfPage[]): Promise<Finding[]> {
  await writeFile(join(dir, name), writePdf(pages, { font: 'cid' }));
  const io = memoryIO({ cwd: dir });
  await run(['check', name, '--format', 'json'], io);
  return (JSON.parse(io.stdout.join('')) as { findings: Finding[] }).findings;
}

const clippedText = (findings: Finding[]) =>
  findings.filter((f) => f.ruleId === 'text.clipped').map((f) => `${f.severity} 第 ${f.location.page} 页`);

async function paragraphsOf(pages: PdfPage[]): Promise<string[]> {
  const doc = await pdfDocument(writePdf(pages, { font: 'cid' }), 'report.pdf');
  return (doc.text ?? []).map((p) => p.text);
}

const INDENT = LEFT + 2 * BODY;
/** A numbered item's text starts at the tab after its number. */
const TAB = 86;

/**
 * A 年初预算 total and the four 项 under it, each item its own paragraph; the second item's first
 * line stops 2.2 em short of the margin, because （项）。 starting the next line may not be split.
 */
function budgetPage(): { page: PdfPage; ends: number[] } {
  const page: PdfPage = { runs: [], lines: [], rects: [] };
  const ends = lines(page, 760, [
    [LEFT, '（三）一般公共预算财政拨款支出决算具体情况'],
    [INDENT, '2024年度一般公共预算财政拨款支出年初预算为96.50万元，支出决算为90.20万元，完成年初预'],
    [LEFT, '算的93.5%。'],
  ]);
  line(page, LEFT, 760 - 3 * LEADING, '1.');
  ends.push(
    ...lines(page, 760 - 3 * LEADING, [
      [TAB, '文化旅游体育与传媒支出（类）文化和旅游（款）群众文化（项）。年初预算为50.00万元，支出'],
      [LEFT, '决算为45.00万元，完成年初预算的90%。'],
    ]),
  );
  line(page, LEFT, 760 - 5 * LEADING, '2.');
  ends.push(
    ...lines(page, 760 - 5 * LEADING, [
      [TAB, '社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出'],
      [LEFT, '（项）。年初预算30.00万元，支出决算为31.20万元，完成年初预算的104%，支出决算数大于年初预'],
      [LEFT, '算数的主要原因是年中调整了缴费基数。'],
    ]),
  );
  line(page, LEFT, 760 - 8 * LEADING, '3.');
  lines(page, 760 - 8 * LEADING, [
    [TAB, '卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项）。年初预算10.00万元，支出决'],
    [LEFT, '算为9.00万元，完成年初预算的90%。'],
  ]);
  line(page, LEFT, 760 - 10 * LEADING, '4.');
  lines(page, 760 - 10 * LEADING, [
    [TAB, '住房保障支出（类）住房改革支出（款）住房公积金（项）。年初预算6.50万元，支出决算为5.00'],
    [LEFT, '万元，完成年初预算的76.9%。'],
  ]);
  return { page, ends };
}

const ITEM_2 =
  '2.社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。年初预算30.00万元，支出决算为31.20万元，完成年初预算的104%，支出决算数大于年初预算数的主要原因是年中调整了缴费基数。';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(os.tmpdir(), 'juesuan-paragraphs-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a line broken before a group that may not be split', () => {
  it('is the shape: the item’s first line stops more than two em short of the margin', () => {
    const { ends } = budgetPage();
    const stop = ends[5] as number;
    expect(RIGHT - stop).toBeGreaterThan(2 * DIGITS);
    // （项）。 would not have fitted in what the line left
    expect(RIGHT - stop).toBeLessThan(textWidth('（项）。', BODY));
  });

  it('joins the item wrapped before （项）。 into one paragraph', async () => {
    const paragraphs = await paragraphsOf([budgetPage().page]);
    expect(paragraphs).toEqual([
      '（三）一般公共预算财政拨款支出决算具体情况',
      '2024年度一般公共预算财政拨款支出年初预算为96.50万元，支出决算为90.20万元，完成年初预算的93.5%。',
      '1.文化旅游体育与传媒支出（类）文化和旅游（款）群众文化（项）。年初预算为50.00万元，支出决算为45.00万元，完成年初预算的90%。',
      ITEM_2,
      '3.卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项）。年初预算10.00万元，支出决算为9.00万元，完成年初预算的90%。',
      '4.住房保障支出（类）住房改革支出（款）住房公积金（项）。年初预算6.50万元，支出决算为5.00万元，完成年初预算的76.9%。',
    ]);
  });

  it('gives no narrative finding on the consistent items (the rest of item 2 is no total over items 3 and 4)', async () => {
    await writeFile(join(dir, 'items.pdf'), writePdf([budgetPage().page], { font: 'cid' }));
    const io = memoryIO({ cwd: dir });
    await run(['check', 'items.pdf', '--format', 'json'], io);
    const { findings } = JSON.parse(io.stdout.join('')) as { findings: Finding[] };
    expect(findings.filter((f) => f.ruleId.startsWith('n.') && f.severity !== 'info').map((f) => f.ruleId)).toEqual([]);
  });

  it('does not run a paragraph that ends its sentence short of the margin into a note under it', async () => {
    // （注） would not have fitted in what the last line left, but that line ended its sentence
    const page: PdfPage = { runs: [], lines: [], rects: [] };
    const ends = lines(page, 760, [
      [INDENT, '本部门2024年度无政府性基金预算财政拨款收入，也无使用政府性基金预算财政拨款安排的支出'],
      [LEFT, '故政府性基金预算财政拨款收入支出决算表为空表，本部门特此说明如上，敬请各位读者知悉。'],
      [LEFT, '（注）本表金额单位为万元。'],
    ]);
    expect(RIGHT - (ends[1] as number)).toBeLessThan(textWidth('（注）', BODY));
    expect(await paragraphsOf([page])).toEqual([
      '本部门2024年度无政府性基金预算财政拨款收入，也无使用政府性基金预算财政拨款安排的支出故政府性基金预算财政拨款收入支出决算表为空表，本部门特此说明如上，敬请各位读者知悉。',
      '（注）本表金额单位为万元。',
    ]);
  });
});

describe('text past the page’s right edge', () => {
  it('does not move the edge a full line of running text reaches', async () => {
    // a wide table's last column starting a point inside the edge and printed past it on one page;
    // on the next, a sentence ends at the margin and the paragraph goes on on the next line
    const wide: PdfPage = { runs: [], lines: [], rects: [] };
    wide.runs.push({ x: PAGE.width - 1, y: 700, size: BODY, text: '项目支出' });
    const prose: PdfPage = { runs: [], lines: [], rects: [] };
    const ends = lines(prose, 760, [
      [INDENT, '本年度收入合计120.00万元，比上年度增加8.00万元，增长7.1%，主要是人员增加了三名同志。'],
      [LEFT, '本年度支出合计118.00万元。'],
    ]);
    expect(RIGHT - (ends[0] as number)).toBeLessThan(BODY);
    // (what the edge cuts is not read: the first character, drawn across it, is all that is left)
    expect(await paragraphsOf([wide, prose])).toEqual([
      '项',
      '本年度收入合计120.00万元，比上年度增加8.00万元，增长7.1%，主要是人员增加了三名同志。本年度支出合计118.00万元。',
    ]);
    // a table's cell past the edge is no running text read in part
    expect(clippedText(await checked('wide-cell.pdf', [table05Page('10.00', '6.00', '4.00'), wide, prose]))).toEqual(
      [],
    );
  });
});

describe('running text wider than the page', () => {
  it('ends a paragraph where the page’s edge cut its line: what was not printed joins nothing', async () => {
    // a page laid out wider than the paper (an HTML page printed as it stands): each line goes on
    // past the edge, and the rest of the sentence there is not printed
    const page: PdfPage = { runs: [], lines: [], rects: [] };
    lines(page, 760, [
      [
        LEFT,
        '本年支出合计100.00万元，其中：基本支出60.00万元，占本年支出60%；项目支出40.00万元，占本年支出40%；上缴上级支出0万元，占本年支出',
      ],
      [LEFT, '0%；经营支出0万元，占本年支出0%。'],
    ]);
    const paragraphs = await paragraphsOf([page]);
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]).toMatch(
      /^本年支出合计100\.00万元，其中：基本支出60\.00万元，占本年支出60%；项目支出40\.00万元，/,
    );
    expect(paragraphs[1]).toBe('0%；经营支出0万元，占本年支出0%。');
    // and the reader is told the text was read in part (in a report: a page of its tables before)
    expect(clippedText(await checked('wide-text.pdf', [table05Page('10.00', '6.00', '4.00'), page]))).toEqual([
      'info 第 2 页',
    ]);
  });
});

describe('a 目录 printed in a narrow box', () => {
  // a browser prints a web page's 目录 cell as wide as its column: a long entry breaks before its
  // page number, the rest of its title on the next line with the leader and the number
  it('reads an entry broken over two lines as one: the table it names is listed', async () => {
    const contents: PdfPage = { runs: [], lines: [], rects: [] };
    // (a part's heading without a page number goes on with no entry under it)
    const entries = [
      '第五部分部门决算表',
      '1、收入决算表……2',
      '2、财政拨款收入支出决算总表……3',
      '3、一般公共预算财政拨款',
      '支出决算表……4',
    ];
    ['目录', ...entries, '第一部分部门概况'].forEach((text, i) => {
      contents.runs.push({ x: LEFT, y: 760 - i * 14, size: 9, text });
    });
    // the body below, in a wider box
    contents.runs.push({ x: LEFT, y: 640, size: 9, text: '本部门内设若干处室，所属单位均纳入本部门决算编报范围。' });
    const findings = await checked('narrow-contents.pdf', [contents, table05Page('10.00', '6.00', '4.00')]);
    // the 02 and 04 it lists are not in the file; the 05 is, and is listed
    expect(
      findings
        .filter((f) => f.ruleId === 'completeness.contents-tables')
        .map((f) => `${f.messageId} ${f.data.kind ?? ''} ${f.data.name ?? ''}`),
    ).toEqual(['contents-table-missing 02 1、收入决算表', 'contents-table-missing 04 2、财政拨款收入支出决算总表']);
  });
});
