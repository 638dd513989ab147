/**
 * The narrative and 绩效自评表 checks, by implementation name (what a rule's `check:` names), each
 * with the messages it reports (messageId → template): plain {{name}} substitution
 * (src/rules/messages.ts render), nothing evaluated. Every narrative message names the paragraph
 * ({{where}}: P12, or sheet!cell) and quotes the sentence. Part of the one registry of rule
 * implementations (src/rules/registry.ts).
 */
export const NARRATIVE_CHECKS = {
  'narrative.source': {
    'narrative-source':
      '情况说明取自 {{source}}：{{paragraphs}} 段，提取 {{claims}} 条陈述，其中 {{verified}} 条已核对（{{unverifiable}} 条缺少可比对的数据）。',
  },
  'narrative.no-claims': {
    'narrative-no-claims':
      '情况说明 {{source}} 有 {{paragraphs}} 段文字，却没有读到任何数字陈述：请确认选对了文件、文件能正常打开；没有可核对的陈述不等于没有问题。',
  },
  'narrative.amount': {
    'amount-mismatch':
      '情况说明 {{where}} 写「{{subject}}」{{role}} {{actual}} {{unit}}，而{{cell}} 为 {{expected}} {{unit}}；差额 {{difference}}，超出舍入容差 {{tolerance}}。原文：「{{quote}}」',
  },
  'narrative.share': {
    'share-mismatch':
      '情况说明 {{where}} 写 {{part}} 占 {{whole}} 的 {{stated}}，按金额计算应为 {{computed}}。原文：「{{quote}}」',
  },
  'narrative.share-truncated': {
    'share-truncated':
      '情况说明 {{where}} 的 {{stated}} 是 {{computed}} 截去尾数所得，四舍五入应进位。原文：「{{quote}}」',
    'rate-truncated':
      '情况说明 {{where}} 的完成率 {{stated}} 是 {{computed}} 截去尾数所得，四舍五入应进位。原文：「{{quote}}」',
  },
  'narrative.share-nudged': {
    'share-nudged':
      '情况说明 {{where}} 的 {{stated}} 与按金额计算的 {{computed}} 差一个末位单位，似为凑成合计 100% 而调整。原文：「{{quote}}」',
  },
  'narrative.rate': {
    'rate-mismatch':
      '情况说明 {{where}} 写完成预算的 {{stated}}，按 {{actual}} ÷ {{budget}} 计算应为 {{computed}}。原文：「{{quote}}」',
  },
  'narrative.rate-capped-100': {
    'rate-capped':
      '情况说明 {{where}} 决算 {{actual}} 超过预算 {{budget}}，完成率应为 {{computed}}，却写作 {{stated}}。原文：「{{quote}}」',
  },
  'narrative.yoy': {
    'yoy-mismatch':
      '情况说明 {{where}} 本年 {{current}}、变动 {{change}}，上年应为 {{prior}}，变动率应为 {{computed}}，却写作 {{stated}}。原文：「{{quote}}」',
  },
  'narrative.direction': {
    'words-disagree':
      '情况说明 {{where}} 的变动额「{{change}}」与变动率「{{rate}}」方向不一致（应同为{{expected}}）。原文：「{{quote}}」',
    'reason-contradicts':
      '情况说明 {{where}} 以「{{word}}」说明原因，但数据是「{{figures}}」，方向相反。原文：「{{quote}}」',
  },
  'narrative.list-sum': {
    'list-sum':
      '情况说明 {{where}} {{what}}（{{count}} 项：{{items}}）合计 {{actual}}，与所述总数 {{total}} 不符；差额 {{difference}}，超出舍入容差 {{tolerance}}。原文：「{{quote}}」',
  },
  'narrative.count': {
    'count-mismatch': '情况说明 {{where}} 写共 {{stated}} 个，而{{what}}为 {{actual}} 个。原文：「{{quote}}」',
  },
  'narrative.template-residue': {
    'template-residue':
      '情况说明 {{where}} 留有模板文字「{{residue}}」，发布前应按实际情况改写或删除。原文：「{{quote}}」',
  },
  'performance.rate': {
    'performance-rate':
      '{{table}}「{{project}}」执行率 {{stated}}（{{cell}}），按执行数 {{actual}} ÷ 预算数 {{budget}} 应为 {{computed}}。',
  },
  'performance.score': {
    'performance-score':
      '{{table}}「{{project}}」得分 {{actual}}（{{cell}}），按分值 {{points}} × 执行率 {{rate}} 应为 {{expected}}；差额 {{difference}}，超出舍入容差 {{tolerance}}。',
  },
  'performance.sum': {
    'performance-sum':
      '各项目绩效自评表的执行数合计 {{actual}} 万元（{{items}}），与{{target}} {{expected}} 不符；差额 {{difference}}，超出舍入容差 {{tolerance}}。',
  },
  'performance.totals': {
    'performance-total':
      '{{table}}「{{label}}」为 {{actual}}（{{cell}}），而{{target}} 为 {{expected}}；差额 {{difference}}，超出舍入容差 {{tolerance}}。',
  },
} as const satisfies Record<string, Record<string, string>>;

/** The name of a narrative or 绩效自评表 check. */
export type NarrativeCheck = keyof typeof NARRATIVE_CHECKS;

/** What every narrative finding's data carries besides its message's slots (see verify/common.ts finding). */
export const NARRATIVE_SLOTS = ['paragraph', 'where', 'quote'] as const;
