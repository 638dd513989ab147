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
    'amount-mismatch-table':
      '情况说明 {{where}} 写「{{subject}}」{{role}} {{actual}} {{unit}}，与{{agrees}}一致，而{{cell}} 为 {{expected}} {{unit}}；差额 {{difference}}，超出舍入容差 {{tolerance}}：文字与另一张表相符，请先核对这张表。原文：「{{quote}}」',
  },
  'narrative.share': {
    'share-mismatch':
      '情况说明 {{where}} 写 {{part}} 占 {{whole}} 的 {{stated}}，按金额计算应为 {{computed}}。原文：「{{quote}}」',
    'share-implied-whole':
      '情况说明 {{where}} 写 {{part}} 占{{whole}}的 {{stated}}；同组其他各项（{{others}}）推得的总数下，应约为 {{computed}}。原文：「{{quote}}」',
    'share-implied-whole-pair':
      '情况说明 {{where}} 两项占{{whole}}的比例不能同属一个总数：{{first}} 推得总数约 {{firstWhole}}，{{second}} 推得约 {{secondWhole}}，两者超出舍入范围，必有一项有误。原文：「{{quote}}」',
  },
  'narrative.share-truncated': {
    'share-truncated':
      '情况说明 {{where}} 的 {{stated}} 是 {{computed}} 截去尾数所得，四舍五入应进位。原文：「{{quote}}」',
    'rate-truncated':
      '情况说明 {{where}} 的完成率 {{stated}} 是 {{computed}} 截去尾数所得，四舍五入应进位。原文：「{{quote}}」',
    'variance-truncated':
      '情况说明 {{where}} 的预决算差异率 {{stated}} 是 {{computed}} 截去尾数所得，四舍五入应进位。原文：「{{quote}}」',
  },
  'narrative.share-nudged': {
    'share-nudged':
      '情况说明 {{where}} 的 {{stated}} 与按金额计算的 {{computed}} 差一个末位单位，似为凑成合计 100% 而调整。原文：「{{quote}}」',
  },
  'narrative.rate': {
    'rate-mismatch':
      '情况说明 {{where}} 写完成预算的 {{stated}}，按 {{actual}} ÷ {{budget}} 计算应为 {{computed}}。原文：「{{quote}}」',
    'rate-time-progress':
      '情况说明 {{where}} 写 {{rate}}，{{stated}}（时间进度 {{progress}}）；同一报告另写 {{first}}（时间进度 {{firstProgress}}）：时间进度只有一个，按前一处应为{{computed}}。原文：「{{quote}}」',
    'rate-time-period':
      '情况说明 {{where}} 写 {{rate}}，{{stated}}（时间进度 {{progress}}）；而所说的{{period}}过去的时间为全年的 {{gone}}，按此应为{{computed}}。原文：「{{quote}}」',
    'variance-mismatch':
      '情况说明 {{where}} 写预决算差异率 {{stated}}，按（{{actual}} − {{budget}}）÷ {{budget}} 计算应为 {{computed}}。原文：「{{quote}}」',
    'rate-parts-budget':
      '情况说明 {{where}} 写{{subject}}预算 {{budget}}，其中各项按决算与完成率推得的预算（{{parts}}）合计{{computed}}，与总预算对不上。原文：「{{quote}}」',
    'rate-part-bound':
      '情况说明 {{where}} 写{{subject}}完成预算的 {{stated}}，但其决算为 {{actual}}，预算又不会超过总数的预算 {{bound}}，完成率至少为 {{computed}}。原文：「{{quote}}」',
  },
  'narrative.rate-capped-100': {
    'rate-capped':
      '情况说明 {{where}} 决算 {{actual}} 超过预算 {{budget}}，完成率应为 {{computed}}，却写作 {{stated}}。原文：「{{quote}}」',
    'rate-over-capped':
      '情况说明 {{where}} 写决算数{{word}}预算数，完成率却写作 {{stated}}{{computed}}。原文：「{{quote}}」',
  },
  'narrative.yoy': {
    'rise-over-current':
      '情况说明 {{where}} 本年 {{current}}，却写比上年增加 {{change}}：增加额大于本年数，上年数将为负，收入、支出或预算不可能如此。原文：「{{quote}}」',
    'yoy-mismatch':
      '情况说明 {{where}} 本年 {{current}}、变动 {{change}}，上年应为 {{priorText}}，变动率应为 {{computed}}，却写作 {{stated}}。原文：「{{quote}}」',
    'budget-gap-mismatch':
      '情况说明 {{where}} 决算 {{current}}、与预算相差 {{change}}，预算应为 {{priorText}}，差额率应为 {{computed}}，却写作 {{stated}}。原文：「{{quote}}」',
    'adjusted-gap-mismatch':
      '情况说明 {{where}} 调整后 {{current}}、调整 {{change}}，调整前应为 {{priorText}}，调整幅度应为 {{computed}}，却写作 {{stated}}。原文：「{{quote}}」',
    'base-rate':
      '情况说明 {{where}} 写上年 {{prior}}、变动 {{change}}，变动率应为 {{computed}}，却写作 {{stated}}。原文：「{{quote}}」',
    'budget-base-rate':
      '情况说明 {{where}} 写预算 {{prior}}、与预算相差 {{change}}，差额率应为 {{computed}}，却写作 {{stated}}。原文：「{{quote}}」',
    'register-change':
      '情况说明 {{where}} 写{{subject}} {{current}}，比{{base}}{{stated}}；而 {{basePlace}} 写{{base}}为 {{prior}}，两者相差应为{{computed}}。原文：「{{quote}}」',
    'budget-prior-stated':
      '情况说明 {{where}} 写决算 {{current}}、预算 {{prior}}，两者相差 {{computed}}，与预算的差额却写作 {{stated}}。原文：「{{quote}}」',
    'reported-prior-stated':
      '情况说明 {{where}} 写决算 {{current}}、报告数（执行数）{{prior}}，两者相差 {{computed}}，变动额却写作 {{stated}}。原文：「{{quote}}」',
    'adjusted-prior-stated':
      '情况说明 {{where}} 写调整前 {{prior}}、调整后 {{current}}，两者相差 {{computed}}，调整额却写作 {{stated}}。原文：「{{quote}}」',
    'yoy-prior-stated':
      '情况说明 {{where}} 写本年 {{current}}、上年 {{prior}}，两者相差 {{computed}}，变动额却写作 {{stated}}。原文：「{{quote}}」',
    'change-cell-size':
      '情况说明 {{where}} 的表格由上年 {{prior}} 到本年 {{current}}，增减额应为 {{computed}}，却写作 {{stated}}。原文：「{{quote}}」',
    'growth-mismatch':
      '情况说明 {{where}} 写本年 {{current}}、上年 {{prior}}，变动率应为 {{computed}}，却写作 {{stated}}。原文：「{{quote}}」',
    'budget-growth-mismatch':
      '情况说明 {{where}} 写决算 {{current}}、预算 {{prior}}，与预算的差额率应为 {{computed}}，却写作 {{stated}}。原文：「{{quote}}」',
    'adjusted-growth-mismatch':
      '情况说明 {{where}} 写调整后 {{current}}、调整前 {{prior}}，调整幅度应为 {{computed}}，却写作 {{stated}}。原文：「{{quote}}」',
    'reported-growth-mismatch':
      '情况说明 {{where}} 写决算 {{current}}、报告数（执行数）{{prior}}，变动率应为 {{computed}}，却写作 {{stated}}。原文：「{{quote}}」',
    'growth-either-reading':
      '情况说明 {{where}} 写本年 {{current}}，比较后写 {{prior}}：作为上年数，变动率应为 {{asPrior}}；作为漏写动词的变动额，应为 {{asChange}}；两种读法都不是所写的 {{stated}}。原文：「{{quote}}」',
  },
  'narrative.direction': {
    'register-direction':
      '情况说明 {{where}} 写{{subject}} {{current}}，比{{base}}{{stated}}；而 {{basePlace}} 写{{base}}为 {{prior}}，实为{{computed}}，增减方向写反。原文：「{{quote}}」',
    'words-disagree':
      '情况说明 {{where}} 的变动额「{{change}}」与变动率「{{rate}}」方向不一致（应同为{{expected}}）。原文：「{{quote}}」',
    'reason-contradicts':
      '情况说明 {{where}} 以「{{word}}」说明原因，但数据是「{{figures}}」，方向相反。原文：「{{quote}}」',
    'moved-contradicts':
      '情况说明 {{where}} 写由上年的数「{{word}}」到本年的数，但两数是「{{figures}}」，方向相反。原文：「{{quote}}」',
    'budget-gap-contradicts':
      '情况说明 {{where}} 写「{{word}}」，但数据是「{{figures}}」，决算与预算的差额方向相反。原文：「{{quote}}」',
    'change-cell-sign':
      '情况说明 {{where}} 的表格由上年 {{prior}} 到本年 {{current}}，增减额应为 {{computed}}，却写作 {{stated}}（同列其他行的减少写作负数）。原文：「{{quote}}」',
    'growth-direction':
      '情况说明 {{where}} 写本年 {{current}}、上年 {{prior}}，是{{actual}}，变动率「{{stated}}」却说{{said}}。原文：「{{quote}}」',
    'budget-growth-direction':
      '情况说明 {{where}} 写决算 {{current}}、预算 {{prior}}，是{{actual}}，差额率「{{stated}}」却说{{said}}。原文：「{{quote}}」',
    'adjusted-growth-direction':
      '情况说明 {{where}} 写调整后 {{current}}、调整前 {{prior}}，是{{actual}}，调整幅度「{{stated}}」却说{{said}}。原文：「{{quote}}」',
    'reported-growth-direction':
      '情况说明 {{where}} 写决算 {{current}}、报告数（执行数）{{prior}}，是{{actual}}，变动率「{{stated}}」却说{{said}}。原文：「{{quote}}」',
  },
  'narrative.list-sum': {
    'list-sum':
      '情况说明 {{where}} {{what}}（{{count}} 项：{{items}}）合计 {{actual}}，与所述总数 {{total}} 不符；差额 {{difference}}，超出舍入容差 {{tolerance}}。原文：「{{quote}}」',
  },
  'narrative.count': {
    'count-mismatch':
      '情况说明 {{where}} 写共 {{stated}} {{counter}}，而{{what}}为 {{actual}} {{counter}}。原文：「{{quote}}」',
    'part-over-all':
      '情况说明 {{where}} “其中”写 {{stated}} {{counter}}，多于本句在它之前所列各数（{{what}}）的合计 {{actual}}：一部分不能多于全部。原文：「{{quote}}」',
    'count-restated':
      '情况说明 {{where}} 写 {{stated}} {{counter}}，同段又写“{{what}}”（{{actual}} 个）：同一组事物的个数前后不一。原文：「{{quote}}」',
  },
  'narrative.template-residue': {
    'template-residue':
      '情况说明 {{where}} 留有模板文字「{{residue}}」，发布前应按实际情况改写或删除。原文：「{{quote}}」',
    'template-kind':
      '情况说明 {{where}} 开头写公开「{{written}}」，而文中写这一年度的标题都是{{should}}：一年的预算在年前公开、决算在年后公开，不会是同一份报告，开头似沿用了另一份报告的文字。原文：「{{quote}}」',
    'template-kind-heading':
      '情况说明 {{where}} 的标题写「{{written}}」，而文中其余标题和这一部分下的各项写的都是「{{should}}」：一年的预算与决算不是同一份报告，这一标题沿用了另一种报告的文字。原文：「{{quote}}」',
    'template-unit-chosen':
      '情况说明 {{where}} 写「{{written}}」，留着模板的两可写法「{{residue}}」，而同一标题在文中已写作「{{should}}」。原文：「{{quote}}」',
  },
  'narrative.scope-shift': {
    'scope-shift':
      '情况说明 {{where}} 写本年合计 {{current}}、上年合计 {{prior}}，两者相差 {{computed}}，两个合计的其中却都列有不属于「{{subject}}」的项；变动额 {{stated}} 只与属于它的各项之和的差 {{narrowed}} 相符：同一名称前后口径不一。原文：「{{quote}}」',
  },
  'narrative.yoy-over-current': {
    'yoy-over-current':
      '情况说明 {{where}} 的变动率 {{stated}} 是变动额 {{change}} 除以本年数 {{current}} 所得；应除以上年数 {{priorText}}，为 {{computed}}。原文：「{{quote}}」',
  },
  'narrative.unit-slip': {
    'unit-slip-change':
      '情况说明 {{where}} 本年 {{current}}，变动额写作 {{written}}：变动率 {{stated}} 只在变动额为 {{read}} 时成立，按所写单位应为 {{computed}}，似为单位写错。原文：「{{quote}}」',
    'unit-slip-prior':
      '情况说明 {{where}} 本年 {{current}}，上年写作 {{written}}：变动率 {{stated}} 只在上年为 {{read}} 时成立，按所写单位应为 {{computed}}，似为单位写错。原文：「{{quote}}」',
    'unit-slip-current':
      '情况说明 {{where}} 上年 {{prior}}，本年写作 {{written}}：变动率 {{stated}} 只在本年为 {{read}} 时成立，按所写单位应为 {{computed}}，似为单位写错。原文：「{{quote}}」',
    'unit-slip-difference':
      '情况说明 {{where}} 写本年 {{current}}、上年 {{prior}}，变动额 {{stated}}：按所写单位两者相差 {{computed}}，只在 {{written}} 读作 {{read}} 时相符，似为单位写错。原文：「{{quote}}」',
    'rate-money-unit':
      '情况说明 {{where}} 的「{{residue}}」在百分比后又写了金额单位：同一个数不能既是比率又是金额，必有一处写错。原文：「{{quote}}」',
  },
  'narrative.zero-base': {
    'zero-base':
      '情况说明 {{where}} 本年 {{current}}、变动 {{change}}，上年为 0，变动率无从计算，却写作 {{stated}}。原文：「{{quote}}」',
    'zero-change-rate':
      '情况说明 {{where}} {{current}}变动 {{change}}，变动率却写作 {{stated}}：没有变动时变动率只能为 0，上年也为 0 时无从计算。原文：「{{quote}}」',
  },
  'narrative.flat-nonzero': {
    'register-flat':
      '情况说明 {{where}} 写{{subject}} {{current}} 与{{base}}持平；而 {{basePlace}} 写{{base}}为 {{prior}}，实为{{computed}}。原文：「{{quote}}」',
    'flat-nonzero': '情况说明 {{where}} 写「持平」，同一处却写变动额 {{change}}。原文：「{{quote}}」',
    'flat-elsewhere':
      '情况说明 {{where}} 写{{name}}与{{year}}持平，而文中另一处写同一个数较{{year}}{{change}}，两者矛盾。原文：「{{quote}}」',
    'moved-but-flat':
      '情况说明 {{where}} 写「{{residue}}」：既说增减了或增减到某数，又说持平，两者不能同时成立。原文：「{{quote}}」',
    'flat-reason': '情况说明 {{where}} 说明「{{word}}」的原因，但数据是「{{figures}}」，并未持平。原文：「{{quote}}」',
    'flat-years': '情况说明 {{where}} 写「{{word}}」，但所比两数是「{{figures}}」，并不相同。原文：「{{quote}}」',
    'flat-said':
      '情况说明 {{where}} 写决算数与预算数「{{word}}」，但数据是「{{figures}}」，并未持平。原文：「{{quote}}」',
    'flat-two-years':
      '情况说明 {{where}} 写两年持平，但同一处写出的本年 {{current}}、上年 {{prior}} 并不相同。原文：「{{quote}}」',
    'flat-budget':
      '情况说明 {{where}} 写{{subject}}与预算相比无增减，但决算 {{actual}}、预算 {{budget}} 并不相同。原文：「{{quote}}」',
  },
  'narrative.percent-fraction': {
    'percent-fraction':
      '情况说明 {{where}} 的 {{stated}} 是比值 {{ratio}} 未乘以 100 的结果，应为 {{computed}}。原文：「{{quote}}」',
  },
  'narrative.rate-zero-budget': {
    'rate-zero-budget':
      '情况说明 {{where}} 预算为 {{budget}}，决算 {{actual}}，完成率无从计算，却写作 {{stated}}（似按另一预算数计算）。原文：「{{quote}}」',
  },
  'narrative.share-sum': {
    'share-sum':
      '情况说明 {{where}} {{parts}} 是{{whole}}的全部组成部分，占比合计应为 100%，却为 {{total}}。原文：「{{quote}}」',
    'share-sum-stated':
      '情况说明 {{where}} 写各部分的比例 {{parts}}，合计 {{computed}}，而文中写合计为 {{stated}}（舍入容差 {{tolerance}}）。原文：「{{quote}}」',
    'share-sum-over':
      '情况说明 {{where}} 并列各部分占{{whole}}的比例 {{parts}} 合计 {{total}}，超过 100%（舍入容差 {{tolerance}}）：互不包含的部分合计不能超过总数。原文：「{{quote}}」',
  },
  'narrative.change-sum': {
    'change-sum':
      '情况说明 {{where}} 各组成部分的变动额（{{items}}）合计 {{actual}}，与「{{name}}」的变动额 {{expected}} 不符；差额 {{difference}}，超出舍入容差 {{tolerance}}。原文：「{{quote}}」',
    'change-sum-levels':
      '情况说明 {{where}} 各组成部分比{{base}}的变动额（{{items}}）合计 {{actual}}；而「{{name}}」本年 {{current}}、{{base}}（{{basePlace}}）{{prior}}，两者相差 {{expected}}，不符。原文：「{{quote}}」',
    'change-sum-bound':
      '情况说明 {{where}} 写出的组成部分的{{change}}（{{items}}）合计 {{actual}}；其余组成部分本年为 0、只可能减少，「{{name}}」的{{change}}应{{limit}}为 {{actual}}，却写作 {{expected}}；差额 {{difference}}，超出舍入容差 {{tolerance}}。原文：「{{quote}}」',
    'change-sum-bases':
      '情况说明 {{where}} 按各组成部分的变动额 ÷ 增减率（{{items}}）推算，各项上年数合计至少 {{computed}}；而「{{name}}」{{total}}，上年数至多 {{limit}}：部分之和不能大于总数（多半是某项增减率以本年数为分母）。原文：「{{quote}}」',
    'change-sum-pinned':
      '情况说明 {{where}} 按各组成部分的金额与增减率（{{items}}）推算，各项变动额合计 {{computed}}；而「{{name}}」的变动额写作 {{stated}}，舍入也对不上。原文：「{{quote}}」',
    'part-rates':
      '情况说明 {{where}} 按各组成部分的金额和比上年增减率（{{items}}）推算，「{{name}}」比上年应{{computed}}，却写作{{stated}}。原文：「{{quote}}」',
  },
  'narrative.change-sum-usual': {
    'change-sum-usual':
      '情况说明 {{where}} 以{{stated}}的变动额（{{items}}）说明「{{name}}」的变动，{{together}} {{actual}}，与写出的变动额 {{expected}} 不符；差额 {{difference}}，超出舍入容差 {{tolerance}}。文中未写{{others}}等其他组成部分；若有，应写明其变动。原文：「{{quote}}」',
    'change-sum-none':
      '情况说明 {{where}} 各组成部分的变动额（{{items}}）合计 {{actual}}，与「{{name}}」的变动额 {{expected}} 不符；差额 {{difference}}，超出舍入容差 {{tolerance}}。文中写“无{{none}}”，按上年也为 0、无变动计；若上年不为 0，应写明其变动。原文：「{{quote}}」',
    'change-sum-silent':
      '情况说明 {{where}} 写出的各组成部分的变动额（{{items}}）合计 {{actual}}，与「{{name}}」的变动额 {{expected}} 不符；差额 {{difference}}，超出舍入容差 {{tolerance}}。未写出的{{silent}}本年为 0、文中未提及，按上年也为 0 计；若上年不为 0，应写明其变动。原文：「{{quote}}」',
  },
  'narrative.carryover': {
    carryover:
      '情况说明 {{where}} 写{{scope}}{{formula}}，应得 {{computed}}，而{{closing}}写作 {{stated}}；差额 {{difference}}，超出舍入容差 {{tolerance}}。原文：「{{quote}}」',
  },
  'narrative.totals-equal': {
    'totals-change':
      '情况说明 {{where}} 收入预算与支出预算同为 {{total}}：部门预算收支平衡，两年皆然，收入、支出较上年的变动应相同，文中收入变动 {{income}}，支出变动 {{stated}}；差额 {{difference}}，超出舍入容差 {{tolerance}}。原文：「{{quote}}」',
    'totals-equal':
      '情况说明 {{where}} 写收入总计 {{income}}、支出总计 {{stated}}：收入支出决算总表的收入总计与支出总计是同一个数（支出总计含年末结转和结余），两者却不相等；差额 {{difference}}，超出舍入容差 {{tolerance}}。原文：「{{quote}}」',
    'budget-totals':
      '情况说明 {{where}} 写支出预算 {{stated}}，而收入预算写的是 {{income}}：部门预算收支平衡，收入预算与支出预算是同一个数，两者却不相等；差额 {{difference}}，超出舍入容差 {{tolerance}}。原文：「{{quote}}」',
    'budget-fund':
      '情况说明 {{where}} 写一般公共预算财政拨款收入 {{stated}}，而收入预算中的一般公共预算拨款写的是 {{income}}：同一年度预算的同一个数，两处却不相等；差额 {{difference}}，超出舍入容差 {{tolerance}}。原文：「{{quote}}」',
  },
  'narrative.balance': {
    carryover:
      '情况说明 {{where}} 写{{formula}}，应得 {{computed}}，而{{closing}}写作 {{stated}}；差额 {{difference}}，超出舍入容差 {{tolerance}}。原文：「{{quote}}」',
    'balanced-principle':
      '情况说明 {{where}} 写{{incomeLabel}} {{income}}，又按收支平衡的原则写{{spendingLabel}} {{stated}}，两者却不相等；差额 {{difference}}，超出舍入容差 {{tolerance}}。原文：「{{quote}}」',
    balanced:
      '情况说明 {{where}} 写{{incomeLabel}} {{income}}、{{spendingLabel}} {{stated}}，随即写收支平衡，两者却不相等；差额 {{difference}}，超出舍入容差 {{tolerance}}。原文：「{{quote}}」',
  },
  'narrative.restated': {
    restated:
      '情况说明 {{where}} 写「{{subject}}」{{role}} {{actual}}，而 {{earlier}} 写的是 {{expected}}：同一数字前后不一致。原文：「{{quote}}」',
    'restated-headline':
      '情况说明 {{where}} 写「{{subject}}」的变动率 {{actual}}，而标题 {{earlier}} 写的是 {{expected}}：同一变动率前后不一致。原文：「{{quote}}」',
    'restated-count':
      '情况说明 {{where}} 写「{{actual}}」，而 {{earlier}} 同样的话写的是「{{expected}}」：同一个数前后不一致。原文：「{{quote}}」',
    'restated-rate':
      '情况说明 {{where}} 写 {{actual}} 为 {{budget}} 的 {{stated}}，而 {{earlier}} 写同样两个数的比率是 {{expected}}：同一比率前后不一致。原文：「{{quote}}」',
    'restated-unit-slip':
      '情况说明 {{where}} 的「{{written}}」与文中别处的 {{should}} 名称相同、数字相同而单位不同：同一数字前后写法不一致，必有一处单位写错。原文：「{{quote}}」',
    'restated-period-rate':
      '情况说明 {{where}} 写「{{written}}」，而前文写同一期间同一项目的变动率是 {{should}}：同一比率前后不一致。原文：「{{quote}}」',
    'restated-item':
      '情况说明 {{where}} 的科目条目开头写 {{should}}，同一条目又写「{{written}}」：同一科目同一年度的数字前后不一致。原文：「{{quote}}」',
    'restated-paired':
      '情况说明 {{where}} 的「{{written}}」按其前的名称依次相配，而前文写的是 {{should}}：“分别”所配的数字与前文不一致（位置对调了）。原文：「{{quote}}」',
    'restated-swapped':
      '情况说明 {{where}} 的“分别”按名称依次相配，得出「{{written}}」，而文中别处写的是 {{should}}（正是同列中另一项的数字）：所配的数字位置对调了。原文：「{{quote}}」',
    'restated-threshold':
      '情况说明 {{where}} 说「{{residue}}」，而同处写出的这个数是 {{written}}，应{{should}}：同一数字的两种说法不一致。原文：「{{quote}}」',
    'restated-lost-digits':
      '情况说明 {{where}} 的「{{written}}」缺了千分位逗号前的数字，文中别处写作 {{should}}：同一数字前后写法不一致，不能当作另一个数读过。原文：「{{quote}}」',
  },
  'narrative.restated-named': {
    restated:
      '情况说明 {{where}} 写「{{subject}}」为 {{actual}}，而 {{earlier}} 同一名称写的是 {{expected}}：同一数字前后不一致。原文：「{{quote}}」',
  },

  'narrative.includes': {
    includes:
      '情况说明 {{where}} 列举的{{group}}“主要包括”与基本支出决算明细表不一致：列出而决算数为 0 的有 {{zero}}；未列出而决算数不为 0 的有 {{omitted}}。原文：「{{quote}}」',
  },
  // the text-pattern checks (a claims.yaml residue pattern names one of these: RESIDUE_CHECKS)
  'narrative.placeholder': {
    placeholder:
      '情况说明 {{where}} 留有占位文字「{{residue}}」（XX、××、某某或缺号的序号），应填入实际内容。原文：「{{quote}}」',
  },
  'narrative.percent-sign': {
    'percent-sign':
      '情况说明 {{where}} 的比率「{{residue}}」缺少百分号（或数字），读者无法判断其含义。原文：「{{quote}}」',
  },
  'narrative.reason-empty': {
    'reason-empty': '情况说明 {{where}} 写了「{{residue}}」却没有说明原因。原文：「{{quote}}」',
  },
  'narrative.year-heading': {
    'year-heading':
      '情况说明 {{where}} 的标题写「{{residue}}」，与报告年度不符，似沿用了往年的标题。原文：「{{quote}}」',
    'year-heading-body-later':
      '情况说明 {{where}} 的标题写「{{written}}」决算，而{{residue}}：一年的决算不会报告其后一年的收支，标题与正文的年度必有一处写错（按正文，标题应为「{{should}}」）。原文：「{{quote}}」',
  },
  'narrative.year-compare': {
    'year-compare': '情况说明 {{where}} 与「{{residue}}」比较，而这正是报告年度本身，应为上一年度。原文：「{{quote}}」',
    'year-compare-later':
      '情况说明 {{where}} 与「{{residue}}」比较：句中说的是报告年度，所比的年度却在其后，应为上一年度。原文：「{{quote}}」',
    'year-compare-same':
      '情况说明 {{where}} 与「{{residue}}」比较：句中的数正是这一年度的，不能与自身相比，应为 {{should}}，似年度写错。原文：「{{quote}}」',
    'year-compare-same-frame':
      '情况说明 {{where}} 写「{{residue}}」的数，又与同一年度相比；文中其余的比较也都与这一年度相比，可见句首的年度应为 {{should}}，似年度写错。原文：「{{quote}}」',
    'year-compare-earlier':
      '情况说明 {{where}} 写「{{residue}}」，而文中其余的比较都与同一个年度相比（应为「{{should}}」），隔了一年又未说明缘由，似年度写错。原文：「{{quote}}」',
    'year-compare-own-execution':
      '情况说明 {{where}} 把预算与「{{residue}}」比较：预算编制时当年的执行数尚无从得知，所比的应为上一年度（{{should}}），似年度写错。原文：「{{quote}}」',
    'year-compare-skipped':
      '情况说明 {{where}} 把{{residue}}的数与「{{written}}」比较：单位的收支和“三公”经费逐年与上一年度相比，隔了一年又未说明缘由，应为 {{should}}，似年度写错。原文：「{{quote}}」',
  },
  'narrative.average-growth': {
    'average-growth-mismatch':
      '情况说明 {{where}} 写年均变动 {{stated}}，按 {{basis}}（{{years}} 年）计算应为 {{computed}}。原文：「{{quote}}」',
  },
  'narrative.average': {
    'average-mismatch':
      '情况说明 {{where}} 写平均 {{stated}}，按 {{total}} ÷ {{count}} 计算应为 {{computed}}。原文：「{{quote}}」',
  },
  'narrative.point-change': {
    'point-change-mismatch':
      '情况说明 {{where}} 由 {{from}} 到 {{to}} 写「{{stated}}」，按两个比率计算应为{{computed}}。原文：「{{quote}}」',
    'point-gap-mismatch':
      '情况说明 {{where}} {{to}} 与 {{from}} 相比写「{{stated}}」，按两个比率计算应为{{computed}}。原文：「{{quote}}」',
    'share-points':
      '情况说明 {{where}} 「{{part}}」占总数的比重 {{share}} 写「{{stated}}」；按各部分本年数和比上年的变动额（{{items}}）推算，本年比重 {{now}}、上年比重 {{prior}}，应为{{computed}}。原文：「{{quote}}」',
  },
  'narrative.purchase-count': {
    'purchase-count':
      '情况说明 {{where}} 写本年购置公务用车 {{count}} 辆，而 {{costWhere}} 写公务用车购置费 {{cost}}：{{why}}。原文：「{{quote}}」',
  },
  'narrative.year-body': {
    'year-body': '情况说明 {{where}} 正文写「{{residue}}」，与报告年度不符，似沿用了往年的文字。原文：「{{quote}}」',
    'year-body-short':
      '情况说明 {{where}} 的年份「{{written}}」只有三位数字，少了一位（文中写全、以这三位开头的年份：{{should}}）。原文：「{{quote}}」',
    'year-body-short-alone':
      '情况说明 {{where}} 的年份「{{written}}」只有三位数字，少了一位（其后是“年度”“年收入”“年决算”一类的词、月份或句首的逗号，只能是年份）。原文：「{{quote}}」',
    'year-body-short-inner':
      '情况说明 {{where}} 的年份「{{written}}」只有三位数字，少了一位（其后是“{{residue}}”，只能是年份；文中写全、少一位即成这三位的年份：{{should}}）。原文：「{{quote}}」',
    'year-body-long':
      '情况说明 {{where}} 的年份「{{written}}」有五位数字，多了一位（其后是“{{residue}}”，只能是年份；文中写全、多一位即成这五位的年份：{{should}}）。原文：「{{quote}}」',
    'year-body-paired':
      '情况说明 {{where}} 把{{residue}}的决算与「{{written}}」年上半年的预算执行情况一并报告：一个年度的决算在次年年中与次年上半年的执行情况一并报告，应为 {{should}} 年，似沿用了往年的文字。原文：「{{quote}}」',
    'year-body-paired-draft':
      '情况说明 {{where}} 把{{residue}}的预算执行情况与「{{written}}」年的预算草案一并报告：与一年执行情况同报的是次年的预算草案，应为 {{should}} 年，似沿用了往年的文字。原文：「{{quote}}」',
    'year-body-self':
      '情况说明 {{where}} 写「{{written}}」，而{{residue}}：报告称说它自己的几处，同一种文件的年度应当相同，应为 {{should}} 年，似沿用了往年的文字。原文：「{{quote}}」',
    'year-body-restated':
      '情况说明 {{where}} 写「{{written}}」年的这一决算数较上年的变动，而前文写出数额的是{{residue}}：变动说的是同一个数，两处的年度应当相同（{{should}} 年），必有一处写错。原文：「{{quote}}」',
    'year-body-as-of':
      '情况说明 {{where}} 写「{{written}}」，晚于文末所署的日期 {{residue}}：截至的日期不会在成文之后，似年度写错。原文：「{{quote}}」',
    'year-body-approved':
      '情况说明 {{where}} 写{{residue}}于「{{written}}」审议通过：一个年度的决算要到年度终了后才能编成、审议，日期应在 {{should}}，似沿用了往年的日期。原文：「{{quote}}」',
  },
  'narrative.figure-garbled': {
    'figure-garbled':
      '情况说明 {{where}} 写「{{written}}」：{{residue}}，读不出确数，似为转载或编辑时损坏，发布前应按原稿改正。原文：「{{quote}}」',
  },
  'narrative.toc-pages': {
    'toc-pages':
      '情况说明 {{where}} 目录中此项的页码为「{{written}}」，而前后两项为 {{residue}}：目录的页码依次不减，此项应在 {{should}}，似为旧稿的页码。原文：「{{quote}}」',
  },
  'narrative.field-code': {
    'field-code':
      '情况说明 {{where}} 印出了文字处理软件的域代码「{{residue}}」，没有印出它的结果（目录的页码），发布前应更新域或改写为页码。原文：「{{quote}}」',
  },
  'narrative.subject-name': {
    'subject-name': '情况说明 {{where}} 的科目名称「{{residue}}」有误。原文：「{{quote}}」',
  },
  'narrative.template-unit': {
    'template-unit':
      '情况说明 {{where}} 沿用了模板的「{{residue}}」写法，应按本单位实际写作“部门”或“单位”。原文：「{{quote}}」',
  },
  'narrative.unit-name': {
    'unit-name': '情况说明 {{where}} 写的单位名称「{{residue}}」与标题不一致。原文：「{{quote}}」',
  },
  'narrative.unit-name-cut': {
    'unit-name-cut':
      '情况说明 {{where}} 把单位名称写作「{{written}}」，少了末尾的字：同一文中写作「{{should}}」。原文：「{{quote}}」',
  },
  'narrative.unit-name-mixed': {
    'unit-name-level':
      '情况说明 {{where}} 把单位名称写作「{{written}}」，少了地名中的区（县）：同一文中写作「{{should}}」。原文：「{{quote}}」',
    'unit-name-spliced':
      '情况说明 {{where}} 的「{{written}}」在单位名称「{{should}}」前多了「{{residue}}」：另一种写法的开头留在了名称前，似为替换名称时的遗留。原文：「{{quote}}」',
    'unit-name-kind':
      '情况说明 {{where}} 介绍本单位时写「{{written}}」，而标题的单位是「{{should}}」：地名、业务相同，机构类别却不同，必有一处名称写错。原文：「{{quote}}」',
    'unit-name-swapped':
      '情况说明 {{where}} 把单位名称写作「{{written}}」，与「{{should}}」字相同而次序颠倒，必有一处写错。原文：「{{quote}}」',
    'unit-name-slip':
      '情况说明 {{where}} 在本单位名称的位置写「{{written}}」，而标题和其他部分都写「{{should}}」：只差一个字，似为笔误。原文：「{{quote}}」',
    'unit-name-self-slip':
      '情况说明 {{where}} 以本单位为主语时写「{{written}}」，而{{residue}}写「{{should}}」：只差一个字，且不是同类单位之间区分的字（序号、方位、层级），似为笔误。原文：「{{quote}}」',
    'unit-name-self-variant':
      '情况说明 {{where}} 以本单位为主语（或在本单位的部分标题中）写「{{written}}」，而{{residue}}写「{{should}}」：名称中换了一个词、添了一个字或少了一个词，不是简称会省的词，也不是区分同类单位的序号、方位、层级，必有一处写错。原文：「{{quote}}」',
    'unit-name-twin':
      '情况说明 {{where}} 在只能写本单位名称处写「{{written}}」，而{{residue}}写「{{should}}」，全文别处都这样写：只有一处改了一两个字（不是简称会省的字，也不是区分同类单位的序号、方位），似为笔误。原文：「{{quote}}」',
    'unit-name-town-level':
      '情况说明 {{where}} 写「{{written}}」，而{{residue}}及全文别处都写「{{should}}」：同一个乡镇只能是乡或镇之一，文中又未说明撤乡设镇或更名，似为笔误。原文：「{{quote}}」',
    'unit-name-own-marked':
      '情况说明 {{where}} 标作本级的单位写「{{written}}」，而{{residue}}写「{{should}}」：本级只能是本单位，两者只差一个字，且不是同类单位之间区分的字，似为笔误。原文：「{{quote}}」',
    'unit-name-self-dropped':
      '情况说明 {{where}} 以本单位为主语时写「{{written}}」，而{{residue}}写「{{should}}」：地名中少了一个字（简称只省略整词，不省地名中的字），似为笔误。原文：「{{quote}}」',
    'unit-name-self-level':
      '情况说明 {{where}} 以本单位为主语时写「{{written}}」，而{{residue}}写「{{should}}」：地名后多了一个层级字（乡、镇、村），简称只省略字、不添字，似为笔误。原文：「{{quote}}」',
    'unit-name-self-level-changed':
      '情况说明 {{where}} 以本单位为主语时写「{{written}}」，而{{residue}}写「{{should}}」：同一地名写成了另一个层级（区、县、市，或乡、镇），一地同时只有一个层级，似为笔误。原文：「{{quote}}」',
    'unit-name-self-added':
      '情况说明 {{where}} 以本单位为主语时写「{{written}}」，而{{residue}}和文中别处都写「{{should}}」：机构类别前多了两个字，简称只省略字、不添字，必有一处名称写错。原文：「{{quote}}」',
    'unit-name-cover':
      '情况说明 {{where}} 封面（年度与“部门决算”之间只写单位名称的一行）写「{{written}}」，而{{residue}}写「{{should}}」：简称只省字，不改字、不添字，必有一处写错。原文：「{{quote}}」',
    'unit-name-named-alone':
      '情况说明 {{where}} 列出的唯一单位写「{{written}}」，而{{residue}}写「{{should}}」：简称只省字，不改字、不添字，必有一处写错。原文：「{{quote}}」',
    'unit-name-presented-untitled':
      '情况说明 {{where}} 报告介绍自己时写「{{written}}」，而文中审查的是「{{should}}」同一年度的决算（别处写了两次以上，「{{written}}」只此一处）：同一个地方的层级写了两种，必有一处写错。原文：「{{quote}}」',
    'unit-name-own-level-swapped':
      '情况说明 {{where}} 在只能写本地方的位置（{{residue}}）写「{{written}}」，而标题写的是「{{should}}」：同一个地方写成了另一个层级（如撤县设区后沿用了旧称），必有一处写错。原文：「{{quote}}」',
    'unit-name-own-place':
      '情况说明 {{where}} 在只能写本地方的位置（{{residue}}）写「{{written}}」，而标题写的是「{{should}}」：同一层级的另一个地名，必有一处写错。原文：「{{quote}}」',
    'unit-name-presented-level':
      '情况说明 {{where}} 介绍本报告时写「{{written}}」，而标题写「{{should}}」：报告说的是同一个地方、同一年度，地名的层级却不同（市、县、区），必有一处写错。原文：「{{quote}}」',
    'unit-name-self-doubled':
      '情况说明 {{where}} 以本单位为主语时写「{{written}}」，而{{residue}}写「{{should}}」：名称中有一个字重复了一次，似为笔误。原文：「{{quote}}」',
    'unit-name-doubled':
      '情况说明 {{where}} 以本单位为主语时写「{{written}}」，而{{residue}}写「{{should}}」：名称末尾的字重复了一次，似为笔误。原文：「{{quote}}」',
    'unit-name-framing':
      '情况说明 {{where}} 以「{{written}}」框定本年度的数字，而文中另一处同样的位置写「{{should}}」：一份报告只说一个单位的数字，两者只差一个字，必有一处写错。原文：「{{quote}}」',
    'unit-name-self-missing':
      '情况说明 {{where}} 以本单位为主语时写「{{written}}」，而{{residue}}写「{{should}}」：少了一个字，且不是简称会省的字，似为笔误。原文：「{{quote}}」',
    'unit-name-overview':
      '情况说明 {{where}} 的概况标题写「{{written}}」，而同一部分的标题在别处写「{{should}}」（与标题的单位相同）：同一部分写了两个单位，写「{{written}}」的一处似从另一个单位的报告中照搬。原文：「{{quote}}」',
    'unit-name-sole':
      '情况说明 {{where}} 写「{{written}}」为「{{should}}」自身（本级、唯一的独立核算单位），而两者是同类的两个单位：同一句的主语是「{{should}}」，「{{written}}」文中别处没有，似从另一个单位的报告中照搬。原文：「{{quote}}」',
    'unit-name-overview-title':
      '情况说明 {{where}} 的概况标题写「{{written}}」，而标题的单位是「{{should}}」：同一地方的另一个局，文中别处没有，也没说到挂牌、合署或更名，似从该单位的报告中照搬。原文：「{{quote}}」',
    'unit-name-overview-pair':
      '情况说明 {{where}} 的概况标题写「{{written}}」，而同一部分的标题在目录（或正文）写「{{should}}」：同类单位换了另一个地名，同一部分写了两个单位，其中一处似从另一个单位的报告中照搬。原文：「{{quote}}」',
    'unit-name-other-unit':
      '情况说明 {{where}} 在本单位名称的位置写「{{written}}」，而其他各处都写「{{should}}」：是同类的另一个单位，似为从该单位的报告中照搬。原文：「{{quote}}」',
    'unit-name-under-parent':
      '情况说明 {{where}} 列出本单位的下属单位时写「{{written}}」，而同列的其他下属单位和文中别处都写「{{should}}」：本单位的名称换了一个词，换后的名称文中别处没有，似为笔误。原文：「{{quote}}」',
    'unit-name-other-place':
      '情况说明 {{where}} 在只能写本单位名称的位置写「{{written}}」，而本单位是「{{should}}」：同类单位（层级、机构相同）换了另一个地名，文中别处没有这个单位，似为从该单位的报告中照搬。原文：「{{quote}}」',
  },
  'narrative.unit-own-level': {
    'unit-own-level':
      '情况说明 {{where}} 的单位构成把「{{written}}」列为本级，而标题的单位是「{{should}}」：本级应是本单位。原文：「{{quote}}」',
    'unit-own-composed':
      '情况说明 {{where}} 把「{{written}}」列为本单位所设的单位，而标题的单位是「{{should}}」：同类单位、地名不同，本单位不会由另一个同类单位构成。原文：「{{quote}}」',
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
