/**
 * Templates of the diagnosis findings and of the findings a culprit explains. Plain `{{name}}`
 * substitution, as for the rules' messages.
 */
export const DIAGNOSIS_MESSAGES: Record<string, string> = {
  culprit:
    '最可能的出错单元格：{{cell}}（改为 {{value}} 可同时消除 {{count}} 个{{what}}）。{{table}} {{row}}「{{column}}」现为 {{written}}；{{explains}}都涉及它，改为 {{value}} 后全部成立，其他已成立的勾稽关系不受影响。请核对原始数据后再改。',
  'culprit-pair':
    '没有单个单元格能解释这 {{count}} 个{{what}}；最可能是两个单元格同时填错：{{cell}} 改为 {{value}}，{{cell2}} 改为 {{value2}}，可同时消除{{explains}}，其他已成立的勾稽关系不受影响。请核对原始数据后再改。',
  'culprit-ambiguous':
    '{{explains}}改动以下任一{{unitWord}}都能同时消除，无法据勾稽关系判断是哪一个：{{candidates}}。请逐一核对原始数据。',
  'too-many':
    '有 {{count}} 条必须成立的勾稽关系不成立（超过 {{limit}} 条），未推断出错单元格：这么多处同时不符，多半是整表错位、单位不一致或行列对应有误，而不是个别单元格填错。各条错误照常列出。',
};

/**
 * How the diagnosis rewords the findings it explains (they keep their messageId, so an alert's
 * identity does not change). A total's finding when a culprit elsewhere explains it: the total is probably right, so the
 * message says the total and its items disagree rather than what the total should be.
 */
export const EXPLAINED_MESSAGES: Record<string, string> = {
  'not-equal':
    '{{table}} {{row}}「{{column}}」（{{cell}}）{{actualText}}，{{right}}{{expectedText}}，合计与明细不符（差额 {{difference}} {{unit}}，舍入容差 {{tolerance}}）；最可能的出错单元格是 {{culprit}}，见 diagnosis.culprit。',
  'too-large':
    '{{table}} {{row}}「{{column}}」（{{cell}}）{{actualText}}，大于{{right}} {{expected}} {{unit}}（超出 {{difference}} {{unit}}，舍入容差 {{tolerance}}）；最可能的出错单元格是 {{culprit}}，见 diagnosis.culprit。',
  'too-small':
    '{{table}} {{row}}「{{column}}」（{{cell}}）{{actualText}}，小于{{right}} {{expected}} {{unit}}（差额 {{difference}} {{unit}}，舍入容差 {{tolerance}}）；最可能的出错单元格是 {{culprit}}，见 diagnosis.culprit。',
};

/** The diagnosis' entry of the registry of rule implementations (src/rules/registry.ts). */
export const DIAGNOSIS_CHECKS = { 'diagnosis.culprit': DIAGNOSIS_MESSAGES } as const;

/** The messageIds of the findings that lead a group (the diagnosis), for formatters that group. */
export const DIAGNOSIS_MESSAGE_IDS: readonly string[] = Object.keys(DIAGNOSIS_MESSAGES);
