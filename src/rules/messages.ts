/**
 * The messages of the table rules, by messageId: plain `{{name}}` substitution, nothing evaluated.
 * A rule file may override a rule's template with `message:`. An `assert` rule reports these.
 */
export const ASSERT_MESSAGES: Record<string, string> = {
  'not-equal':
    '{{table}} {{row}}「{{column}}」（{{cell}}）{{actualText}}，{{right}}{{expectedText}}，两者应相等；差额 {{difference}} {{unit}}，超出舍入容差 {{tolerance}}。',
  'too-large':
    '{{table}} {{row}}「{{column}}」（{{cell}}）{{actualText}}，不应大于{{right}} {{expected}} {{unit}}；超出 {{difference}} {{unit}}，舍入容差 {{tolerance}}。',
  'too-small':
    '{{table}} {{row}}「{{column}}」（{{cell}}）{{actualText}}，不应小于{{right}} {{expected}} {{unit}}；差额 {{difference}} {{unit}}，舍入容差 {{tolerance}}。',
};

/**
 * The checks implemented in code for what an expression cannot say (check-builtin.ts), each with
 * the messages it reports. Part of the one registry of rule implementations (registry.ts).
 */
export const TABLE_CHECKS = {
  'unreadable-cells': {
    'unreadable-cell':
      '{{table}} {{row}}「{{column}}」（{{cell}}）无法读取：{{detail}}；涉及它的校验均未进行，请改为数字或留空。',
    'column-too-narrow':
      '{{table}} {{row}}「{{column}}」（{{cell}}）是「{{raw}}」：列宽不足，金额太长显示不下，印成了 #；这一格无法读取，涉及它的校验均未进行。请加宽该列后重新导出，或对照原表核对这个数。',
  },
  'merged-figures': {
    'merged-figures':
      '{{table}} {{row}}「{{column}}」（{{cell}}）读到两个金额：{{detail}}；多半是两列之间的列线没有读出，两列的数挤进了一格，而不是表中写错。这一格及涉及它的校验没有进行，请对照原文核对这两列。',
  },
  'misaligned-cells': {
    'misaligned-words':
      '{{table}} {{row}}「{{column}}」（{{cell}}）读到文字：{{detail}}；这张表没有表格线，各列是按文字对齐读出的，多半是相邻一列的文字被归到了这一列，而不是表中写错。这一格及涉及它的校验没有进行，请对照原文核对这一行。',
  },
  'unplaced-cells': {
    'unplaced-cells':
      '{{table}} {{row}}（{{cell}}）这一行是单空格分隔的文本，空白格没有留下位置：{{columns}}这 {{count}} 格是空白还是这一行的某个金额，无法确定；涉及它们的校验没有进行。请对照原表核对，或提供按列对齐的文本、PDF 或原始工作簿。',
  },
  'clipped-tables': {
    'clipped-table':
      '{{table}}（{{detail}}）超出页面右边缘，右侧的列没有印出来或只印出一部分：这张表未能完整读取，涉及它的校验均未进行。请对照原文件核对，或提供表格完整印在页面内的 PDF（或原始工作簿）。',
    'unjoined-piece':
      '{{table}}（{{detail}}）是一张宽表分页并排打印的一部分，其余部分未能确定印在哪一页、无法与它拼接：这张表未能完整读取，涉及它的校验均未进行。请对照原文件核对，或提供每张表按页宽缩放打印的 PDF（或原始工作簿）。',
  },
  'clipped-text': {
    'clipped-text':
      '正文有 {{count}} 段（{{detail}}）超出页面右边缘，行末的文字没有印出来：这些段落未能完整读取，其中的陈述未能全部核对。请对照原文件核对，或提供正文完整印在页面内的 PDF（或原始文件）。',
    'unjoined-text':
      '正文有 {{count}} 段（{{detail}}）比打印区域宽、不换行，超出的部分分页并排打印，却未能在旁边的页上找到接续的文字（没有印出，或无法确定接在哪一行）：这些段落未能完整读取，截断处的陈述没有核对。请对照原文件核对，或提供正文在页面内换行打印的 PDF（或原始工作簿）。',
  },
  // the set's number of the table (公开01表, 表1-1, 七) as detail
  'missing-tables': { 'missing-table': '{{source}}中没有找到{{name}}（{{detail}}）；以它为对象的校验已跳过。' },
  'duplicate-tables': {
    'duplicate-table':
      '{{source}}中有 {{count}} 张{{name}}（{{detail}}，{{at}} {{sheets}}）；只校验了第一张（{{sheet}}），其余的没有校验：请删去多余的一张，或确认两张完全一致。',
  },
  'hidden-sheets': {
    'all-sheets-hidden':
      '工作簿的 {{count}} 张工作表全部设为隐藏，在 Excel 或 WPS 中打开看不到任何表格；请确认这是要公开的版本，并取消隐藏要公开的表。',
  },
  'same-totals': {
    'same-totals':
      '{{table}} {{row}}「{{column}}」（{{cell}}）为 {{actual}} {{unit}}，{{right}}为 {{expected}} {{unit}}：本单位的收入只有一般公共预算财政拨款（其他各项收入和年初结转和结余都为零），两张表的合计是同一笔支出，舍入后应印同一个数；差额 {{difference}} {{unit}}。',
  },
  // reported by the identities that could not be applied (check-assert's notApplied), rerouted here
  'not-applied': {
    'not-applied':
      '规则 {{rule}}（{{title}}）未能执行：找不到{{missing}}。请核对表中行、列的名称或行次是否与标准表一致；在此之前这一勾稽关系没有校验。',
  },
  // 公开完整性 (src/completeness): what the template set requires besides consistent figures
  'empty-table-note': {
    'empty-table-note':
      '{{table}}（{{cell}}）没有数据，但没有注明「本表无数据」及原因；空表也要公开，并说明为什么没有数据。',
  },
  'note-with-data': {
    'note-with-data': '{{table}}（{{cell}}）有数据，却注明「{{raw}}」；有数据的表不应再写无数据的说明。',
  },
  'cut-off': {
    'cut-off':
      '报告在{{table}}（{{detail}}）中途结束：这张表没有「总计」行，表套要求的其后 {{count}} 张表（{{missing}}）和表后的各部分说明都不在这个文件里。文件像是只存了报告的开头（网页只保存了前一部分，或下载不完整）；缺少的表和部分因此没有逐一报出，这张表涉及总计的校验也没有进行。请核对是否为完整的报告。',
  },
  'report-parts': {
    'report-part-missing': '公开报告中没有找到「{{name}}」部分（表套「{{title}}」要求；按标题用语查找：{{detail}}）。',
  },
  'contents-tables': {
    'contents-table-missing': '目录（{{cell}}）列出「{{name}}」，但文件中没有这张表。',
    'contents-table-unlisted': '文件中有{{table}}（{{cell}}），目录（{{detail}}）没有列出。',
  },
  'contents-order': {
    'contents-order':
      '目录中表的顺序与文件不一致：目录（{{detail}}）第 {{expected}} 张为「{{name}}」，文件中第 {{expected}} 张却是{{table}}（{{cell}}）。',
  },
} as const satisfies Record<string, Record<string, string>>;

/**
 * How a message says what a side of an identity is: a side that is one blank cell is 空白 (the
 * publisher wrote nothing), not "0.00 万元"; the figures show 空白 as well (report/figures.ts).
 */
export const BLANK_TEXT = '为空白';

export function sideText(amount: string, unit: string, blank: boolean): string {
  return blank ? BLANK_TEXT : `为 ${amount} ${unit}`;
}

/** Slots a table rule's template may use; a rule file naming another slot is rejected when loaded. */
export const SLOTS = [
  'table',
  'tableKind',
  'row',
  'rowKey',
  'column',
  'cell',
  'sheet',
  'actual',
  'expected',
  'actualText',
  'expectedText',
  'difference',
  'tolerance',
  'unit',
  'op',
  'left',
  'right',
  'raw',
  'reason',
  'detail',
  'name',
  'kind',
  'rule',
  'title',
  'missing',
  'count',
  'sheets',
] as const;

export function slotsOf(template: string): string[] {
  return [...template.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((m) => m[1] as string);
}

/** The slots of a template that `data` has no value for. */
export function missingSlots(template: string, data: Record<string, string>): string[] {
  return slotsOf(template).filter((slot) => data[slot] === undefined);
}

/** Replaces each {{name}} by data[name]; a slot without data renders empty. */
export function render(template: string, data: Record<string, string>): string {
  return template.replace(/\{\{\s*([^}\s]+)\s*\}\}/g, (_, name: string) => data[name] ?? '');
}
