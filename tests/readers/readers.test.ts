/** The readers of published forms on small inputs: bytes in, grids and running text out. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { htmlFlow } from '../../src/io/html/read-html.js';
import { documentOfFlow } from '../../src/io/layout/document.js';
import { decodeText } from '../../src/io/text/decode.js';
import { textDocument } from '../../src/io/text/read-text.js';
import { docxFlow } from '../../src/io/docx/read-docx.js';
import { gridTexts } from '../helpers/read.js';

const rows = gridTexts;

describe('decodeText: BOM, strict UTF-8, GB18030; never garbage', () => {
  const text = '2024年度收入合计2156.82万元，占本年收入100%。';
  it('reads UTF-8, UTF-8 with BOM, UTF-16 with and without BOM, GBK and GB18030', () => {
    const bom8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    for (const bytes of [Buffer.from(text), bom8, le, be, Buffer.from(text, 'utf16le'), iconv.encode(text, 'gbk')])
      expect(decodeText(bytes)?.text).toBe(text);
    const rare = `${text}𠀀${text}`;
    expect(decodeText(iconv.encode(rare, 'gb18030'))?.text).toBe(rare);
  });
  it('a meta charset that lies is overruled by the bytes; bytes in no encoding are refused', () => {
    expect(decodeText(Buffer.from(text), 'gb2312')?.encoding).toBe('utf-8');
    expect(decodeText(iconv.encode(text, 'gbk'), 'utf-8')?.text).toBe(text);
    expect(decodeText(Buffer.from([0x82, 0xa0, 0xff, 0xfe, 0x80, 0x81, 0x00, 0x01]))).toBeUndefined();
    expect(decodeText(iconv.encode('漢字のテキストです。', 'shift_jis'))).toBeUndefined();
  });
  it('valid UTF-8 that holds a replacement character (a page that lost a character before it was saved) is read as written', () => {
    const lost = '三次产业结构为4.8\ufffd74.2\ufffd21.0。';
    expect(decodeText(Buffer.from(lost))).toEqual({ text: lost, encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lost)]))?.text).toBe(lost);
    // control bytes are still no text
    expect(decodeText(Buffer.from('收入\u0001合计'))).toBeUndefined();
  });
});

describe('text: tables of every layout, running text with its lines', () => {
  it('a Markdown pipe table, and the text around it as paragraphs with their line numbers', () => {
    const doc = textDocument(
      '# 说明\n\n| 项目 | 金额 |\n| --- | ---: |\n| 合计 | 1.00 |\n\n正文一句。\n',
      'a.md',
      true,
    );
    expect(rows(doc.grids[0]).slice(1, 3)).toEqual([
      ['项目', '金额'],
      ['合计', '1.00'],
    ]);
    expect(doc.text?.map((p) => [p.text, p.origin.line])).toEqual([
      ['说明', 1],
      ['正文一句。', 7],
    ]);
    expect(doc.grids[0]?.place?.(2, 2)).toMatchObject({ line: 3, row: 1, col: 2 });
  });
  it('columns aligned with spaces (pdftotext -layout), a wrapped label joined to its cell', () => {
    const layout = [
      '项目                         行次        金额',
      '一、一般公共预算财政拨款收入    1     2,156.82',
      '年初财政拨款结转               28',
      '和结余',
      '总计                          30     2,156.82',
    ].join('\n');
    expect(rows(textDocument(layout, 'a.txt').grids[0])).toEqual([
      ['项目', '行次', '金额'],
      ['一、一般公共预算财政拨款收入', '1', '2,156.82'],
      ['年初财政拨款结转和结余', '28', ''],
      ['总计', '30', '2,156.82'],
    ]);
  });
  it('pdftotext -layout: a page break inside a table is no row; a centred title ends the table above it', () => {
    const layout = [
      '                              表一',
      '',
      '科目编码   科目名称                   合计        基本支出',
      '2010350    事业运行                 398.17          392.38',
      '',
      '                             - 3 -',
      '',
      '\f2013799    其他政府办公厅（室）及相            28.15',
      '           关机构事务支出',
      '',
      '                              表二',
      '',
      '项目                    行次         金额    项目              行次      金额',
      '一、财政拨款收入           1     2,156.82    一、一般公共服务     31    2,015.55',
      '',
      '                           第 4 页',
    ].join('\n');
    const grid = rows(textDocument(layout, 'a.txt').grids[0]).map((r) => r.filter((c) => c !== ''));
    expect(grid).toEqual([
      ['表一'],
      ['科目编码', '科目名称', '合计', '基本支出'],
      ['2010350', '事业运行', '398.17', '392.38'],
      ['2013799', '其他政府办公厅（室）及相关机构事务支出', '28.15'],
      ['表二'],
      ['项目', '行次', '金额', '项目', '行次', '金额'],
      ['一、财政拨款收入', '1', '2,156.82', '一、一般公共服务', '31', '2,015.55'],
    ]);
  });
  it('pdftotext -layout: centred 栏次 numbers over wide columns of right-aligned amounts are one column', () => {
    const at = (...pieces: [number, string][]) => {
      let line = '';
      for (const [col, text] of pieces)
        line += ' '.repeat(col - [...line].reduce((w, ch) => w + (ch > '\u2e80' ? 2 : 1), 0)) + text;
      return line;
    };
    const layout = [
      at([0, '科目编码'], [10, '科目名称'], [48, '决算数']),
      at([29, '一般公共预算财政拨款'], [52, '政府性基金预算财政拨款']),
      at([10, '栏次'], [38, '1'], [62, '2']),
      at([0, '2010350'], [10, '事业运行'], [44, '398.17'], [70, '0.00']),
      at([0, '2013799'], [10, '其他支出'], [45, '28.15'], [70, '0.00']),
    ].join('\n');
    expect(rows(textDocument(layout, 'a.txt').grids[0])).toEqual([
      ['科目编码', '科目名称', '决算数', ''],
      ['', '', '一般公共预算财政拨款', '政府性基金预算财政拨款'],
      ['', '栏次', '1', '2'],
      ['2010350', '事业运行', '398.17', '0.00'],
      ['2013799', '其他支出', '28.15', '0.00'],
    ]);
  });
  it('running text broken at the page width: a line starting with a closing bracket or a clause mark continues', () => {
    const text = [
      '    6. 社会保障和就业支出(类)其他社会保障和就业支出(款)其他社会保障和就业支出(项',
      ')。年初预算 2.29 万元,支出决算为 2.06 万元,完成年初预算的 90%。',
      '    7. 卫生健康支出(类)行政事业单位医疗(款)事业单位医疗(项)。年初预算 22.13 万元',
      ',支出决算为 20.79 万元。',
    ].join('\n');
    expect(textDocument(text, 'a.txt').text?.map((p) => [p.text, p.origin.line])).toEqual([
      [
        '6. 社会保障和就业支出(类)其他社会保障和就业支出(款)其他社会保障和就业支出(项)。年初预算 2.29 万元,支出决算为 2.06 万元,完成年初预算的 90%。',
        1,
      ],
      ['7. 卫生健康支出(类)行政事业单位医疗(款)事业单位医疗(项)。年初预算 22.13 万元,支出决算为 20.79 万元。', 3],
    ]);
  });
  it('running text wrapped at the page margin: a full line continues on the next, a short one ends its paragraph', () => {
    const full = '    一、收入支出决算总体情况说明本部门收入总计与支出总计相等均为二千一百五十六万元主要';
    const text = [
      full,
      '原因是人员经费增加。',
      '    4. 社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴',
      '费支出（项）。年初预算35.51万元，支出决算为39.79万元，完成年初预算的100%，支出决',
      '算数大于年初预算数。',
      '    二、收入决算情况说明',
      '本年收入合计二千一百五十六万元，其中一般公共预算财政拨款收入二千一百五十六万元',
      '占百分之一百。',
    ].join('\n');
    expect(textDocument(text, 'a.txt').text?.map((p) => p.origin.line)).toEqual([1, 3, 6, 7]);
  });
  it('pdftotext -layout: a two-column table (a label and its amount) is a table', () => {
    const layout = ['      项目名称         金额', '合计                   84.50', '物业管理服务           36.00'].join(
      '\n',
    );
    expect(rows(textDocument(layout, 'a.txt').grids[0])).toEqual([
      ['项目名称', '金额'],
      ['合计', '84.50'],
      ['物业管理服务', '36.00'],
    ]);
  });
  it('pdftotext -layout: a two-level header over one row of amounts (三公) places every column; the 部门/单位 line is no row', () => {
    const layout = [
      '    部门：云南省示例研究所    单位：万元',
      '',
      '                                      预算数                                                                              决算数',
      '合计    因公出国（境）费            公务用车购置及运行维护费            公务接待费   合计   因公出国（境）费            公务用车购置及运行维护费            公务接待费',
      '                           小计   公务用车购置费   公务用车运行维护费                                          小计   公务用车购置费   公务用车运行维护费',
      '11.00               0.00   9.00             0.00                 9.00         2.00   9.70               0.00   8.20             0.00                 8.20         1.50',
    ].join('\n');
    const grid = rows(textDocument(layout, 'a.txt').grids[0]);
    expect(grid[0]?.filter((c) => c !== '').map((c) => c.replace(/\s+/g, ' '))).toEqual([
      '部门：云南省示例研究所 单位：万元',
    ]);
    const [, , top, second, data] = grid;
    // 公务用车购置及运行维护费 spans 小计, 购置费 and 运行维护费, each over its own amount
    const at = (row: string[] | undefined, text: string) => row?.indexOf(text) ?? -1;
    expect(at(top, '公务用车购置及运行维护费')).toBe(at(second, '小计'));
    expect(top?.[at(second, '公务用车运行维护费')]).toBe('^');
    expect(data?.filter((c) => c !== '')).toEqual([
      '11.00',
      '0.00',
      '9.00',
      '0.00',
      '9.00',
      '2.00',
      '9.70',
      '0.00',
      '8.20',
      '0.00',
      '8.20',
      '1.50',
    ]);
    expect(data?.[at(second, '公务用车运行维护费')]).toBe('9.00');
  });
  it('tab-separated: "301" / "99" is one code; 行次 9 / 10 are two rows', () => {
    const tabbed = '301\t其他工资福利支出\t30.52\n\n99\t\t\n\t9\t\n\t10\t\n';
    expect(rows(textDocument(tabbed, 'a.txt').grids[0])).toEqual([
      ['30199', '其他工资福利支出', '30.52'],
      ['', '9', ''],
      ['', '10', ''],
    ]);
  });
});

describe('HTML: spans, layout frames, &nbsp; and <br>', () => {
  it('rowspan/colspan laid out; a frame table around the content is looked inside', () => {
    const html =
      '<table><tr><td>导航</td></tr><tr><td><p>标题</p><table border=1>' +
      '<tr><td rowspan="2">项目</td><td colspan="2">本年<br>支出</td></tr>' +
      '<tr><td>基本</td><td>项目</td></tr><tr><td>合计</td><td>1.00</td><td>&nbsp;</td></tr>' +
      '</table></td></tr></table><script>var a="<table>";</script>';
    const doc = documentOfFlow('a.html', 'html', htmlFlow(html));
    expect(doc.text?.map((p) => p.text)).toEqual(['导航', '标题']);
    expect(rows(doc.grids[0]).slice(-3)).toEqual([
      ['项目', '本年\n支出', '^'],
      ['^', '基本', '项目'],
      ['合计', '1.00', ''],
    ]);
  });
});

describe('Word: gridSpan, vMerge, nested tables', () => {
  const tc = (text: string, props = '') =>
    `<w:tc><w:tcPr>${props}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
  it('merges across and down; a table inside a layout table; deleted text is no text', () => {
    const inner =
      `<w:tbl><w:tr>${tc('项目', '<w:vMerge w:val="restart"/>')}${tc('支出', '<w:gridSpan w:val="2"/>')}</w:tr>` +
      `<w:tr>${tc('', '<w:vMerge/>')}${tc('基本')}${tc('项目')}</w:tr></w:tbl>`;
    const xml =
      '<w:document><w:body><w:p><w:r><w:t>标题</w:t></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del></w:p>' +
      `<w:tbl><w:tr><w:tc>${inner}<w:p/></w:tc></w:tr></w:tbl></w:body></w:document>`;
    const doc = documentOfFlow('a.docx', 'docx', docxFlow(xml));
    expect(doc.text?.map((p) => [p.text, p.origin.paragraph])).toEqual([['标题', 1]]);
    expect(rows(doc.grids[0]).slice(-2)).toEqual([
      ['项目', '支出', '^'],
      ['^', '基本', '项目'],
    ]);
  });
});
