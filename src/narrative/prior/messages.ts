/**
 * Message templates of the year-over-year findings, by messageId: plain {{name}} substitution
 * (src/rules/messages.ts render). The narrative ones name the paragraph and quote the sentence.
 */
export const YEAR_MESSAGES: Record<string, string> = {
  'prior-direction':
    '情况说明 {{where}} 写「{{subject}}」{{stated}}，但按上年决算（{{priorCell}}）{{prior}} {{unit}}、本年 {{current}} {{unit}}，实为{{change}}（{{changeRate}}），方向相反。原文：「{{quote}}」',
  'prior-change':
    '情况说明 {{where}} 写「{{subject}}」{{stated}}，按上年决算（{{priorCell}}）{{prior}} {{unit}}、本年 {{current}} {{unit}}，应为{{change}}（{{changeRate}}）；差额 {{difference}} {{unit}}，超出舍入容差 {{tolerance}}。原文：「{{quote}}」',
  'prior-rate':
    '情况说明 {{where}} 写「{{subject}}」{{statedRate}}，按上年决算（{{priorCell}}）{{prior}} {{unit}}、本年 {{current}} {{unit}}，应为{{changeRate}}。原文：「{{quote}}」',
  'unexplained-change':
    '「{{subject}}」（{{table}} {{row}}，{{cell}}）由上年 {{prior}} 万元变为 {{current}} 万元，{{change}}（{{changeRate}}），达到大幅变动标准（{{threshold}}），情况说明中没有说明其变动原因的语句。',
};
