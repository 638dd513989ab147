import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkbookModel } from '../../src/model/types.js';
import { readFixture } from '../helpers/fixtures.js';
import { checkNarrative } from '../../src/narrative/check.js';
import { narrativeOf, narrativeRules, problems, ruleIds } from './helpers.js';

/**
 * Every claim kind, true and false, in simplified and in traditional characters: the true text
 * gives no finding at warn or above, the false one exactly the kind's rule. Traditional texts are
 * written as a Hong Kong or Taiwan template would write them, not converted from the simplified.
 */
interface KindCase {
  kind: string;
  rule: string;
  /** The seed's tables are needed to compare with. */
  tables?: boolean;
  simplified: { ok: string[]; bad: string[] };
  traditional: { ok: string[]; bad: string[] };
}

const CASES: KindCase[] = [
  {
    kind: 'amount restated from the tables',
    rule: 'n.amount',
    tables: true,
    simplified: {
      ok: ['2024年度收入合计2156.82万元，基本支出533.65万元。'],
      bad: ['2024年度收入合计2165.82万元，基本支出533.65万元。'],
    },
    traditional: {
      ok: ['2024年度收入合計2156.82萬元，基本支出533.65萬元。'],
      bad: ['2024年度收入合計2156.82萬元，基本支出535.63萬元。'],
    },
  },
  {
    kind: 'share (占 X%)',
    rule: 'n.share',
    simplified: {
      ok: [
        '2024年度支出合计2156.82万元。其中：基本支出533.65万元，占本年支出24.74%；项目支出1623.17万元，占本年支出75.26%。',
      ],
      bad: [
        '2024年度支出合计2156.82万元。其中：基本支出533.65万元，占本年支出24.47%；项目支出1623.17万元，占本年支出75.26%。',
      ],
    },
    traditional: {
      ok: [
        '2024年度支出合計2156.82萬元。其中：基本支出533.65萬元，佔本年支出24.74%；項目支出1623.17萬元，佔本年支出75.26%。',
      ],
      bad: [
        '2024年度支出合計2156.82萬元。其中：基本支出533.65萬元，佔本年支出24.74%；項目支出1623.17萬元，佔本年支出57.26%。',
      ],
    },
  },
  {
    kind: 'share truncated instead of rounded',
    rule: 'n.share-truncated',
    simplified: {
      ok: ['支出合计2156.82万元，项目支出1623.17万元，占本年支出75.26%。'],
      bad: ['支出合计2156.82万元，项目支出1623.17万元，占本年支出75.25%。'],
    },
    traditional: {
      ok: ['支出合計2156.82萬元，項目支出1623.17萬元，佔本年支出75.26%。'],
      bad: ['支出合計2156.82萬元，項目支出1623.17萬元，佔本年支出75.25%。'],
    },
  },
  {
    kind: 'shares nudged to total 100%',
    rule: 'n.share-nudged',
    simplified: {
      ok: [
        '一般公共预算财政拨款支出3000.00万元，主要用于以下方面：',
        '1. 一般公共服务（类）支出1000.00万元，占33.3%。',
        '2. 教育支出（类）1000.00万元，占33.3%。',
        '3. 科学技术支出（类）1000.00万元，占33.3%。',
      ],
      bad: [
        '一般公共预算财政拨款支出3000.00万元，主要用于以下方面：',
        '1. 一般公共服务（类）支出1000.00万元，占33.3%。',
        '2. 教育支出（类）1000.00万元，占33.3%。',
        '3. 科学技术支出（类）1000.00万元，占33.4%。',
      ],
    },
    traditional: {
      ok: [
        '一般公共預算財政撥款支出3000.00萬元，主要用於以下方面：',
        '1. 一般公共服務（類）支出1000.00萬元，佔33.3%。',
        '2. 教育支出（類）1000.00萬元，佔33.3%。',
        '3. 科學技術支出（類）1000.00萬元，佔33.3%。',
      ],
      bad: [
        '一般公共預算財政撥款支出3000.00萬元，主要用於以下方面：',
        '1. 一般公共服務（類）支出1000.00萬元，佔33.4%。',
        '2. 教育支出（類）1000.00萬元，佔33.3%。',
        '3. 科學技術支出（類）1000.00萬元，佔33.3%。',
      ],
    },
  },
  {
    kind: 'execution rate',
    rule: 'n.rate',
    simplified: {
      ok: ['年初预算为503.89万元，支出决算为398.17万元，完成年初预算的79%。'],
      bad: ['年初预算为503.89万元，支出决算为398.17万元，完成年初预算的97%。'],
    },
    traditional: {
      ok: ['年初預算為503.89萬元，支出決算為398.17萬元，完成年初預算的79%。'],
      bad: ['年初預算為503.89萬元，支出決算為398.17萬元，完成年初預算的87%。'],
    },
  },
  {
    kind: 'rate written 100% when 决算 > 预算',
    rule: 'n.rate-capped-100',
    simplified: {
      ok: ['年初预算35.51万元，支出决算为39.79万元，完成年初预算的112.05%。'],
      bad: ['年初预算35.51万元，支出决算为39.79万元，完成年初预算的100%。'],
    },
    traditional: {
      ok: ['年初預算35.51萬元，支出決算為39.79萬元，完成年初預算的112.05%。'],
      bad: ['年初預算35.51萬元，支出決算為39.79萬元，完成年初預算的100%。'],
    },
  },
  {
    kind: 'year-over-year change and rate',
    rule: 'n.yoy',
    simplified: {
      ok: ['2024年度收入合计2156.82万元，与2023年度相比，收入合计增加14.96万元，增长0.7%。'],
      bad: ['2024年度收入合计2156.82万元，与2023年度相比，收入合计增加14.96万元，增长7%。'],
    },
    traditional: {
      ok: ['2024年度收入合計2156.82萬元，與2023年度相比，收入合計增加14.96萬元，增長0.7%。'],
      bad: ['2024年度收入合計2156.82萬元，與2023年度相比，收入合計增加149.6萬元，增長0.7%。'],
    },
  },
  {
    kind: 'direction word of the stated reason',
    rule: 'n.direction',
    simplified: {
      ok: [
        '政府性基金预算财政拨款收入0万元，比2023年度决算数减少278.06万元。减少主要原因是2024年无政府性基金预算项目。',
      ],
      bad: [
        '政府性基金预算财政拨款收入0万元，比2023年度决算数减少278.06万元。增加主要原因是2024年无政府性基金预算项目。',
      ],
    },
    traditional: {
      ok: [
        '政府性基金預算財政撥款收入0萬元，比2023年度決算數減少278.06萬元。減少主要原因是2024年無政府性基金預算項目。',
      ],
      bad: [
        '政府性基金預算財政撥款收入0萬元，比2023年度決算數減少278.06萬元。增加主要原因是2024年無政府性基金預算項目。',
      ],
    },
  },
  {
    kind: 'amounts of a list against their total',
    rule: 'n.list-sum',
    simplified: {
      ok: ['政府采购支出总额1184.97万元，其中：政府采购货物支出0.8万元、政府采购服务支出1184.17万元。'],
      bad: ['政府采购支出总额1184.97万元，其中：政府采购货物支出0.8万元、政府采购服务支出1184.71万元。'],
    },
    traditional: {
      ok: ['政府採購支出總額1184.97萬元，其中：政府採購貨物支出0.8萬元、政府採購服務支出1184.17萬元。'],
      bad: ['政府採購支出總額1184.97萬元，其中：政府採購貨物支出8萬元、政府採購服務支出1184.17萬元。'],
    },
  },
  {
    kind: 'count of the projects listed',
    rule: 'n.count',
    simplified: {
      ok: ['项目支出1623.17万元。项目支出主要用于甲项目1000万元；乙项目623.17万元。', '共涉及项目2个。'],
      bad: ['项目支出1623.17万元。项目支出主要用于甲项目1000万元；乙项目623.17万元。', '共涉及项目3个。'],
    },
    traditional: {
      ok: ['項目支出1623.17萬元。項目支出主要用於甲項目1000萬元；乙項目623.17萬元。', '共涉及項目2個。'],
      bad: ['項目支出1623.17萬元。項目支出主要用於甲項目1000萬元；乙項目623.17萬元。', '共涉及項目1個。'],
    },
  },
  {
    kind: 'template residue',
    rule: 'n.template-residue',
    simplified: {
      ok: ['公务接待费支出决算为0万元，比年初预算减少2万元。'],
      bad: ['公务接待费支出决算为0万元，比年初预算增加（减少）2万元。'],
    },
    traditional: {
      ok: ['公務接待費支出決算為0萬元，比年初預算減少2萬元。'],
      bad: ['公務接待費支出決算為0萬元，比年初預算增加（減少）2萬元。'],
    },
  },
  {
    kind: 'cars bought without a purchase cost',
    rule: 'n.purchase-count',
    simplified: {
      ok: ['本年度使用财政拨款购置公务用车2辆，公务用车购置费36.00万元。'],
      bad: ['本年度使用财政拨款购置公务用车2辆，公务用车购置费0万元。'],
    },
    traditional: {
      ok: ['本年度使用財政撥款購置公務用車2輛，公務用車購置費36.00萬元。'],
      bad: ['本年度使用財政撥款購置公務用車2輛，公務用車購置費0萬元。'],
    },
  },
  {
    kind: 'a placeholder left in the text',
    rule: 'n.placeholder',
    simplified: {
      ok: ['纳入本镇2024年度部门决算编制范围的二级预算单位包括：镇文化站。'],
      bad: ['纳入部门名称2024年度部门决算编制范围的二级预算单位包括：镇文化站。'],
    },
    traditional: {
      ok: ['納入本鎮2024年度部門決算編製範圍的二級預算單位包括：鎮文化站。'],
      bad: ['納入部門名稱2024年度部門決算編製範圍的二級預算單位包括：鎮文化站。'],
    },
  },
];

let seed: WorkbookModel;
beforeAll(async () => {
  seed = await readFixture('seed-2024.xlsx');
});

describe.each(CASES)('$kind ($rule)', (c) => {
  const model = () => (c.tables ? seed : undefined);
  it.each(['simplified', 'traditional'] as const)(
    `%s: the true text passes, the false one gives exactly ${c.rule}`,
    (script) => {
      expect(ruleIds(c[script].ok, model())).toEqual([]);
      expect(ruleIds(c[script].bad, model())).toEqual([c.rule]);
    },
  );
});

describe('findings say where and what', () => {
  it('quote the sentence, give the paragraph and name the table cell compared', () => {
    const [f] = problems(['一、收入决算情况说明', '2024年度收入合计2165.82万元。'], seed);
    expect(f?.location).toMatchObject({ file: 'notes.txt', table: 'narrative', rowKey: 'P2' });
    expect(f?.data).toMatchObject({
      quote: '2024年度收入合计2165.82万元。',
      actual: '2165.82',
      expected: '2156.82',
      difference: '9',
    });
    expect(f?.related).toEqual([
      expect.objectContaining({ sheet: '收入支出决算总表', table: '01', rowKey: 'L27', column: 'amount' }),
    ]);
    expect(f?.message).toContain('P2');
  });

  it('a prior year worked out is written in the unit of the figures: 亿元 stays 亿元', () => {
    const [f] = problems(['1-6月累计完成上划收入27.65亿元，同比减少0.35亿元，下降1.5%。']);
    expect(f?.ruleId).toBe('n.yoy');
    expect(f?.message).toContain('上年应为 28亿元');
    const [g] = problems(['2024年度收入合计150.00万元，比上年增加30.00万元，增长24%。']);
    expect(g?.message).toContain('上年应为 120万元');
  });

  it('a change against the budget names the budget, not the prior year, as the base worked out', () => {
    const [f] = problems(['2.公务接待费支出8.42万元，与2024年度预算相比，减少0.3万元，下降0.04%。']);
    expect(f?.ruleId).toBe('n.yoy');
    expect(f?.message).toContain('预算应为 8.72万元');
    expect(f?.message).not.toContain('上年');
  });

  it('a change written in words (持平, 无增减) is exactly 0: it adds nothing to the tolerance shown', () => {
    const [f] = problems([
      '2024年度“三公”经费支出决算为30.00万元，比上年减少7.00万元。其中：因公出国（境）费0万元，与上年持平；公务用车购置及运行维护费18.00万元，比上年减少4.00万元；公务接待费12.00万元，比上年减少2.00万元。',
    ]);
    expect(f?.ruleId).toBe('n.change-sum');
    expect(f?.data).toMatchObject({ items: '0 + -4 + -2', expected: '-7', tolerance: '0.015' });
  });

  it('a list no reading of which holds shows the sum that is wrong: the items, or a breakdown over its item', () => {
    const text = (staff: string, project: string) => [
      `2024年度支出合计480.00万元，其中：基本支出300.00万元，其中：人员经费250.00万元，公用经费${staff}万元；项目支出${project}万元。`,
    ];
    expect(ruleIds(text('50.00', '180.00'))).toEqual([]);
    // the items add up (300 + 180); the breakdown of 基本支出 exceeds it
    const [over] = problems(text('60.00', '180.00'));
    expect(over?.ruleId).toBe('n.list-sum');
    expect(over?.data).toMatchObject({ items: '250 + 60', expected: '300', actual: '310' });
    // the breakdown fits (250 + 50); the items do not add up
    const [items] = problems(text('50.00', '190.00'));
    expect(items?.data).toMatchObject({ items: '300 + 190', expected: '480', actual: '490' });
  });

  it('a list written in 元 is summed and shown in 元, the unit of its total', () => {
    const [f] = problems(['基本支出 500000.50 元，其中：人员经费 400000.25 元，公用经费 90000.25 元。']);
    expect(f?.ruleId).toBe('n.list-sum');
    expect(f?.data).toMatchObject({
      actual: '490000.5',
      expected: '500000.5',
      difference: '-10000',
      tolerance: '0.015',
    });
  });

  it('reads amounts written with PDF spaces, full-width digits or in 元', () => {
    expect(ruleIds(['收入合计 2, 156. 82 万元。'], seed)).toEqual([]);
    expect(ruleIds(['收入合计２１５６.８２万元。'], seed)).toEqual([]);
    expect(ruleIds(['收入合计21568200元。'], seed)).toEqual([]);
    expect(ruleIds(['收入合计21586200元。'], seed)).toEqual(['n.amount']);
  });

  it('names a 项 subject by its name or its code', () => {
    expect(
      ruleIds(
        [
          '机关事业单位基本养老保险缴费支出39.79万元。',
          '2080505 机关事业单位基本养老保险缴费支出 39.79 万元。',
          '2210201 44.91 万元。',
        ],
        seed,
      ),
    ).toEqual([]);
    expect(ruleIds(['2080505 机关事业单位基本养老保险缴费支出 39.97 万元。'], seed)).toEqual(['n.amount']);
    expect(ruleIds(['2210201 44.19 万元。'], seed)).toEqual(['n.amount']);
  });

  it('rounding: 46.1 stands for 46.05…46.15, so it matches 46.10 but 46.2 does not', () => {
    expect(ruleIds(['社会保障和就业支出（类）46.1 万元。'], seed)).toEqual([]);
    expect(ruleIds(['社会保障和就业支出（类）46.2 万元。'], seed)).toEqual(['n.amount']);
  });

  it('takes a missing 预算数 from the 三公 table: 公务接待费 0 of a 2.00 budget is 0%, not 100%', () => {
    expect(ruleIds(['3. 公务接待费支出决算为0万元，完成年初预算的0%。'], seed)).toEqual([]);
    expect(ruleIds(['3. 公务接待费支出决算为0万元，完成年初预算的100%。'], seed)).toEqual(['n.rate']);
  });

  it('the current figure of a change is the one stated for the subject it names', () => {
    expect(
      ruleIds(['2024年度支出合计2156.82万元，其中基本支出533.65万元，与上年相比，支出合计增加14.96万元，增长0.7%。']),
    ).toEqual([]);
    expect(ruleIds(['机关运行经费支出12.34万元，比上年减少1.2万元，降低8.9%。'])).toEqual([]);
    expect(ruleIds(['机关运行经费支出12.34万元，比上年减少1.2万元，降低9.9%。'])).toEqual(['n.yoy']);
    // 9.7% is 1.2 ÷ 12.34: the change over the current year, its own rule
    expect(ruleIds(['机关运行经费支出12.34万元，比上年减少1.2万元，降低9.7%。'])).toEqual(['n.yoy-over-current']);
  });

  it('a “三公” total listing 会议费 and 培训费 is wider than 三公: a change fitting only the three items is one name for two scopes', () => {
    const lists =
      '2024年“三公”经费决算数合计为120.00万元，其中：因公出国（境）费0万元、公务用车运行维护费60.00万元、公务接待费20.00万元、会议费25.00万元、培训费15.00万元。2023年“三公”经费决算数合计为100.00万元，其中：因公出国（境）费0万元、公务用车运行维护费50.00万元、公务接待费22.00万元、会议费18.00万元、培训费10.00万元。';
    // totals: 120 − 100 = 20; the three items: 80 − 72 = 8 (give or take 1: "0万元" is written to the 万)
    expect(ruleIds([lists, '2024年“三公”经费决算数较上年增加20.00万元。'])).toEqual([]);
    expect(ruleIds([lists, '2024年“三公”经费决算数较上年增加8.00万元。'])).toEqual(['n.scope-shift']);
    expect(ruleIds([lists, '2024年“三公”经费决算数较上年增加12.00万元。'])).toEqual(['n.yoy']);
  });

  it('a rate that change ÷ current gives is over the current year unless the text shows it rounds rates twice', () => {
    // 1210 ÷ 16210 = 7.46% (7.5% rounded once more is 8%), 1210 ÷ 15000 = 8.07%: alone, over the current year
    expect(ruleIds(['非税收入完成15000万元，同比减少1210万元，下降8%。'])).toEqual(['n.yoy-over-current']);
    // 2065 ÷ 18000 = 11.47% written 12%: only rounding twice gives it, so 8% may be rounded twice too
    expect(
      ruleIds(['税收收入完成20065万元，同比增加2065万元，增长12%。非税收入完成15000万元，同比减少1210万元，下降8%。']),
    ).toEqual(['n.yoy', 'n.yoy']);
  });

  it('a share inside a 其中 list without a named whole is of the list total', () => {
    const text = (share: string) => [
      `2024年度三公经费财政拨款支出全年预算为10.00万元，支出决算为8.00万元，完成全年预算的80%。其中：因公出国（境）费支出决算为0万元，占0%；公务用车购置及运行维护费支出决算为5.00万元，占${share}；公务接待费支出决算为3.00万元，占37.5%。`,
    ];
    expect(ruleIds(text('62.5%'))).toEqual([]);
    expect(ruleIds(text('65.2%'))).toEqual(['n.share']);
  });

  it('a list of numbered paragraphs takes their own amounts, not those of their sub-items', () => {
    const text = (b: string) => [
      '三公经费财政拨款支出决算为5.00万元，主要用于以下方面：',
      `1. 公务用车购置及运行维护费${b}万元，其中：`,
      '（1）公务用车购置费1.00万元。',
      '（2）公务用车运行维护费1.00万元。',
      '2. 公务接待费3.00万元。',
    ];
    expect(ruleIds(text('2.00'))).toEqual([]);
    expect(ruleIds(text('2.50'))).toEqual(['n.list-sum', 'n.list-sum']);
  });

  it('counts only what the cue counts: 涉及 2 个单位 is not a project count', () => {
    const listed = '项目支出1623.17万元。项目支出主要用于甲项目1000万元；乙项目623.17万元。';
    expect(ruleIds([listed, '本次评价共涉及2个单位。'])).toEqual([]);
    expect(ruleIds([listed, '本次评价涉及3个项目。'])).toEqual(['n.count']);
  });

  it('a count says its number back in the counter the text writes it with (人, 辆), not always 个', () => {
    const messages = (text: string) => problems([text]).map((f) => f.message);
    expect(messages('年末实有人数48人，其中在职人员30人，离休人员0人，退休人员16人。')).toEqual([
      expect.stringContaining('写共 48 人，而“其中”所列各组之和为 46 人'),
    ]);
    expect(messages('公务用车保有量9辆，其中：执法执勤用车4辆，特种专业技术用车6辆。')).toEqual([
      expect.stringContaining('写共 9 辆，而“其中”所列各组之和为 10 辆'),
    ]);
    expect(messages('本次评价共涉及项目2个。')).toEqual([]);
  });

  it('a count, its change and the rate are exact numbers: 12 of 48 is 25%, never 26%', () => {
    expect(ruleIds(['全县慈善组织共60家，比上年增加12家，增幅为25%。'])).toEqual([]);
    expect(ruleIds(['全县慈善组织共60家，比上年增加12家，增幅为26%。'])).toEqual(['n.yoy']);
  });

  it('the groups of a count end where a second 其中 breaks one of them down further', () => {
    expect(ruleIds(['现有职工共30人，其中在编职工18人，聘用人员12人，其中高级职称0名、中级职称4人。'])).toEqual([]);
    expect(ruleIds(['现有职工共30人，其中在编职工18人，聘用人员13人，其中高级职称0名、中级职称4人。'])).toEqual([
      'n.count',
    ]);
  });

  it('a count of groups is read in every counter a count is written with (所, 户 as well as 个, 辆)', () => {
    expect(ruleIds(['全镇共有学校5所，其中：小学3所、中学3所。'])).toEqual(['n.count']);
    expect(ruleIds(['全镇共有学校5所，其中：小学3所、中学2所。'])).toEqual([]);
    expect(ruleIds(['共有困难家庭12户，其中：低保户7户、特困户6户。'])).toEqual(['n.count']);
    expect(ruleIds(['共有困难家庭12户，其中：低保户7户、特困户5户。'])).toEqual([]);
  });

  it('a named list cut by a page break is not counted: its names go on past the line', () => {
    expect(ruleIds(['本单位下设9个内设机构，分别是：办公室、政教处、', '二、机构设置'])).toEqual([]);
    expect(ruleIds(['本单位下设9个内设机构，分别是：办公室、政教处。', '二、机构设置'])).toEqual(['n.count']);
  });

  it('adds and divides amounts written in 元 and 万元 alike', () => {
    expect(
      ruleIds(['政府采购支出总额1184.97万元，其中：政府采购货物支出8000元、政府采购服务支出1184.17万元。']),
    ).toEqual([]);
    expect(ruleIds(['基本支出5336500元，占本年支出24.74%。'], seed)).toEqual([]);
    expect(ruleIds(['基本支出5336500元，占本年支出42.74%。'], seed)).toEqual(['n.share']);
  });

  it('a change word contradicting its rate word is a direction finding', () => {
    expect(ruleIds(['收入合计2156.82万元，与上年相比增加14.96万元，下降0.7%。'])).toEqual(['n.direction']);
  });

  it('支出决算数大于年初预算数 when it is smaller contradicts the figures', () => {
    expect(
      ruleIds([
        '年初预算为503.89万元，支出决算为398.17万元，完成年初预算的79%，支出决算数大于年初预算数的主要原因：实际需求。',
      ]),
    ).toEqual(['n.direction']);
  });

  it('a title line ending 公开说明 gives the report year when no year dominates the text', () => {
    // one 2022 in the title against one 2021 in the body: only the title can say which is the report's
    expect(ruleIds(['某局2022年度部门决算公开说明', '现将本局2021年度部门决算公开如下：'])).toEqual(['n.year-body']);
    expect(ruleIds(['某局2022年度部门决算公开说明', '现将本局2022年度部门决算公开如下：'])).toEqual([]);
  });

  it('template alternatives offered with 或 are residue too: 增加(或减少), 增长(或下降)', () => {
    expect(ruleIds(['较上年度决算数增加(或减少)0万元,增长(或下降)0%。'])).toEqual([
      'n.template-residue',
      'n.template-residue',
    ]);
    expect(ruleIds(['较上年度决算数增加12万元，增长3%。', '或减少开支，或压缩会议。'])).toEqual([]);
  });

  it('a 其中 list ends where 此外 / 另外 adds a figure beside it, or 加上 opens a new total: no part of the list', () => {
    const text = (tail: string) => [
      `支出合计500.00万元，其中：基本支出500.00万元，占100%；${tail}专项业务费80.00万元。`,
    ];
    expect(ruleIds(text('此外，'))).toEqual([]);
    expect(ruleIds(text('另外，'))).toEqual([]);
    // without the word the figure is read as one more item, and the parts exceed the total
    expect(ruleIds(text(''))).toEqual(['n.list-sum']);
    // "加上…，…财力 T" opens a new total after the list: T is no item of it
    expect(
      ruleIds([
        '全县政府性基金收入完成6.40亿元，同比增长12.3%，其中土地出让金收入5.90亿元，增长15.1%；加上上级补助资金和专项债券资金，当年政府性基金财力实现9.80亿元。',
      ]),
    ).toEqual([]);
  });

  it('a 其中 list that opens with counts (批次, 人次) lists no amount: a figure after the counts is not its part', () => {
    const text = (first: string) => [`公务接待费支出30.00万元，其中：${first}外宾接待费用40.00万元。`];
    expect(ruleIds(text('国内公务接待45批次、380人次，'))).toEqual([]);
    // without the counts the figure is the list's one item, and it exceeds the total
    expect(ruleIds(text(''))).toEqual(['n.list-sum']);
  });

  it('flags bracketed template guidance and an unfilled 占 %', () => {
    expect(ruleIds(['（根据本部门使用的其他专用名词补充解释）'])).toEqual(['n.template-residue']);
    expect(ruleIds(['基本支出533.65万元，占本年支出 %。'])).toEqual(['n.template-residue']);
    // a table's column heading naming its unit in brackets, read as text: no blank
    expect(ruleIds(['项目 预算数 决算数 增减(%) 占决算 总额(%)'])).toEqual([]);
    // no residue, and no claim either: one sentence need not state a figure that can be checked
    expect(ruleIds(['单价100万元（含）以上设备（不含车辆）0台（套）。'])).toEqual([]);
  });

  it('n.no-claims: a text as long as a 情况说明 that states amounts but yields no claim is said so (info); a text without amounts is not', () => {
    // a 部门概况 section, a sentence about staff numbers: short texts that state no checkable figure
    expect(ruleIds(['（二）人员构成情况', '本单位编制30人，实有人数28人。'])).toEqual([]);
    // a page of 目录 and 职责 (the opening of a report): long, and no amount in it to read — nothing missed
    const duties = Array.from(
      { length: 12 },
      (_, i) => `第${i + 1}项职责：负责本单位日常事务的组织、协调和督促落实，做好有关文件的起草和审核工作。`,
    );
    expect(ruleIds(duties)).toEqual([]);
    expect(
      ruleIds(duties.map((d) => d.replace('负责本单位', '負責本單位').replace('组织、协调', '組織、協調'))),
    ).toEqual([]);
    // a project's budget and funds received beside prose: a few amounts that are no claim
    const project = [
      ...duties.slice(0, 8),
      '全年实施项目共6个，年初批复预算4个项目320万元（含结转项目20万元），调整后项目预算298.50万元，年中增加2个项目，实际到位资金150.25万元。',
    ];
    expect(ruleIds(project)).toEqual([]);
    // a page that states amounts and yields not one claim: the grammar read nothing of it (a wrong file, or text read wrongly)
    const amounts = Array.from(
      { length: 12 },
      (_, i) => `第${i + 1}批：采购会议室桌椅一批，合同价${i + 3}.50万元，由供货方分两次送达，逐件验收合格后付款。`,
    );
    // …said at info: reading none of them is the checker's limit, not an error the text is proved to hold
    // (real budget-execution pages, statistics and news of that length gave it as warnings on correct text)
    const noClaims = (paras: string[]) =>
      checkNarrative({ narrative: narrativeOf(paras), rules: narrativeRules, strict: true })
        .findings.filter((f) => f.ruleId === 'n.no-claims')
        .map((f) => f.severity);
    expect(ruleIds(amounts)).toEqual([]);
    expect(noClaims(amounts)).toEqual(['info']);
    expect(noClaims(amounts.map((a) => a.replace('万元', '萬元').replace('验收', '驗收')))).toEqual(['info']);
    expect(noClaims(project)).toEqual([]);
  });

  it('item budgets of numbered paragraphs must add up to the total 年初预算', () => {
    const text = (b: string, rate: string) => [
      '（三）一般公共预算财政拨款支出决算具体情况',
      '一般公共预算财政拨款支出年初预算为30万元，支出决算为25万元，完成年初预算的83.3%。',
      `1. 一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）事业运行（项）。年初预算为${b}万元，支出决算为15万元，完成年初预算的${rate}。`,
      '2. 住房保障支出（类）住房改革支出（款）住房公积金（项）。年初预算为10万元，支出决算为10万元，完成年初预算的100%。',
    ];
    expect(ruleIds(text('20', '75%'))).toEqual([]);
    const wrong = problems(text('18', '83.3%'));
    expect(wrong.map((f) => [f.ruleId, f.data.actual, f.data.expected, f.location.rowKey])).toEqual([
      ['n.list-sum', '28', '30', 'P2'],
    ]);
  });

  it('a list written in 亿元 or with an item in 元 is shown in the unit its total is written in', () => {
    const yi = problems(['2024年度收入总计120亿元，其中：财政拨款收入90亿元，事业收入40亿元。']);
    expect(yi.map((f) => [f.ruleId, f.data.items, f.data.actual, f.data.difference, f.data.tolerance])).toEqual([
      ['n.list-sum', '90 + 40', '130', '10', '1.5'],
    ]);
    const mixed = problems(['2024年度收入总计100.00万元，其中：财政拨款收入90.00万元，事业收入400000元。']);
    expect(mixed.map((f) => [f.ruleId, f.data.items, f.data.actual, f.data.difference])).toEqual([
      ['n.list-sum', '90 + 40', '130', '30'],
    ]);
  });

  it('a carryover written in 亿元 is worked out in 亿元 in its message', () => {
    const wrong = problems(['年初结转和结余1.20亿元，本年收入5.00亿元，本年支出4.80亿元，年末结转和结余1.60亿元。']);
    expect(wrong.map((f) => [f.ruleId, f.data.computed, f.data.difference, f.data.tolerance])).toEqual([
      ['n.carryover', '1.4 亿元', '-0.2', '0.02'],
    ]);
  });
});
