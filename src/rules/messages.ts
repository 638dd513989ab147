/**
 * The messages of the table rules, by messageId: plain `{{name}}` substitution, nothing evaluated.
 * A rule file may override a rule's template with `message:`. An `assert` rule reports these.
 */
export const ASSERT_MESSAGES: Record<string, string> = {
  'not-equal':
    '{{table}} {{row}}「{{column}}」（{{cell}}）为 {{actual}} {{unit}}，{{right}}为 {{expected}} {{unit}}，两者应相等；差额 {{difference}} {{unit}}，超出舍入容差 {{tolerance}}。',
  'too-large':
    '{{table}} {{row}}「{{column}}」（{{cell}}）为 {{actual}} {{unit}}，不应大于{{right}} {{expected}} {{unit}}；超出 {{difference}} {{unit}}，舍入容差 {{tolerance}}。',
  'too-small':
    '{{table}} {{row}}「{{column}}」（{{cell}}）为 {{actual}} {{unit}}，不应小于{{right}} {{expected}} {{unit}}；差额 {{difference}} {{unit}}，舍入容差 {{tolerance}}。',
};

/**
 * The checks implemented in code for what an expression cannot say (check-builtin.ts), each with
 * the messages it reports. Part of the one registry of rule implementations (registry.ts).
 */
export const TABLE_CHECKS = {
  'unreadable-cells': {
    'unreadable-cell':
      '{{table}} {{row}}「{{column}}」（{{cell}}）无法读取：{{detail}}；涉及它的校验均未进行，请改为数字或留空。',
  },
  'missing-tables': { 'missing-table': '工作簿中没有找到{{name}}（公开{{kind}}表）；以它为对象的校验已跳过。' },
  'duplicate-tables': {
    'duplicate-table':
      '工作簿中有 {{count}} 张{{name}}（公开{{kind}}表，工作表 {{sheets}}）；只校验了第一张（{{sheet}}），其余的没有校验：请删去多余的一张，或确认两张完全一致。',
  },
  'hidden-sheets': {
    'all-sheets-hidden':
      '工作簿的 {{count}} 张工作表全部设为隐藏，在 Excel 或 WPS 中打开看不到任何表格；请确认这是要公开的版本，并取消隐藏要公开的表。',
  },
  // reported by the identities that could not be applied (check-assert's notApplied), rerouted here
  'not-applied': {
    'not-applied':
      '规则 {{rule}}（{{title}}）未能执行：找不到{{missing}}。请核对该行的名称或行次是否与标准表一致；在此之前这一勾稽关系没有校验。',
  },
} as const satisfies Record<string, Record<string, string>>;

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
