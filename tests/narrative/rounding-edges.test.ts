/**
 * Counterexamples the narrative property tests (properties.test.ts) found, each shrunk to a plain
 * case: figures at the edge of their rounding that a consistent text may well print.
 */
import { describe, expect, it } from 'vitest';
import { ruleIds } from './helpers.js';

describe('figures that round to 0 or to each other', () => {
  it('a rate over a prior that rounds to 0 is unknown when the change rounds to 0 too', () => {
    // 0.003 万元 now, 0.004 万元 less than a year before (0.007): 57%; every figure rounds to 0.00
    expect(ruleIds(['2024年度公务接待费支出0.00万元，比上年减少0.00万元，下降57%。'])).toEqual([]);
    // a change that does not round to 0 over a prior that does still proves the rate wrong
    expect(ruleIds(['2024年度培训费支出8.00万元，比上年增加8.00万元，增长100%。'])).toEqual(['n.zero-base']);
  });

  it('a share of a whole that rounds to 0 is unknown when the part rounds to 0 too', () => {
    expect(
      ruleIds([
        '2024年度一般公共预算财政拨款支出0.00万元。其中：教育支出0.00万元，占60%；科学技术支出0.00万元，占40%。',
      ]),
    ).toEqual([]);
  });

  it('决算数大于/小于预算数 beside figures that round to the same amount says nothing', () => {
    // 96.6 万元 of a 97.3 万元 budget, or 97.4 of 96.9: both printed as 97 with 0 decimals
    expect(
      ruleIds(['2024年度机关运行经费年初预算为97万元，支出决算为97万元，完成年初预算的99%，决算数小于预算数。']),
    ).toEqual([]);
    expect(
      ruleIds(['2024年度机关运行经费年初预算为97万元，支出决算为97万元，完成年初预算的101%，决算数大于预算数。']),
    ).toEqual([]);
    // 96 and 97 printed with 0 decimals meet only at 96.5: the 决算 cannot exceed the 预算
    expect(
      ruleIds(['2024年度机关运行经费年初预算为97万元，支出决算为96万元，完成年初预算的99%，决算数大于预算数。']),
    ).toEqual(['n.direction']);
    expect(
      ruleIds(['2024年度机关运行经费年初预算为97.00万元，支出决算为96.00万元，完成年初预算的99%，决算数大于预算数。']),
    ).toEqual(['n.direction']);
  });
});

describe('paired 各 lists written with thousands separators or in 亿元', () => {
  it('each rate is checked over its own pair', () => {
    // 170,000 over 1,260,000 is 13.49%: 13.5, not 13.4
    const yuan = (q: string) =>
      `2024年度收、支总计各为1,320,000元、1,430,000元。与上年相比，收、支总计各增加120,000元、170,000元，各增长10%、${q}%。`;
    expect(ruleIds([yuan('13.5')])).toEqual([]);
    expect(ruleIds([yuan('13.4')])).toEqual(['n.share-truncated']);
    const yi = (q: string) =>
      `2024年度收、支总计各为13.20亿元、14.30亿元。与上年相比，收、支总计各增加1.20亿元、1.70亿元，各增长10%、${q}%。`;
    expect(ruleIds([yi('13.5')])).toEqual([]);
    expect(ruleIds([yi('12.5')])).toEqual(['n.yoy']);
  });
});

describe('a figure restated with other decimals', () => {
  it('is the same figure when some exact amount rounds to both', () => {
    // 352.46 万元 prints as 352.5 with one decimal and as 352 with none
    expect(ruleIds(['2024年度本年支出合计352.5万元。', '2024年度本年支出合计352万元。'])).toEqual([]);
    expect(ruleIds(['2024年度本年支出合计3,524,600元。', '2024年度本年支出合计352万元。'])).toEqual([]);
    // nothing from 352.55 up prints as 352
    expect(ruleIds(['2024年度本年支出合计352.6万元。', '2024年度本年支出合计352万元。'])).toEqual(['n.restated']);
    // with the same decimals one exact amount prints one way only
    expect(ruleIds(['2024年度本年支出合计352.46万元。', '2024年度本年支出合计352.47万元。'])).toEqual(['n.restated']);
  });
});

describe('a rate restated with other decimals', () => {
  it('is the same rate when some exact ratio rounds to both', () => {
    // 50.8740 of 50.00 is 101.748%: 101.75 with two decimals, 101.7 with one (not 101.8)
    const stated = (r: string) => `2024年度机关运行经费年初预算为50.00万元，支出决算为50.87万元，完成年初预算的${r}%。`;
    expect(ruleIds([stated('101.75'), stated('101.7')])).toEqual([]);
    expect(ruleIds([stated('101.74'), stated('101.76')])).toEqual(['n.restated']);
    expect(ruleIds([stated('101.76'), stated('101.7')])).toEqual(['n.restated']);
  });
});

describe('the prior year written beside the current, then 较 that year', () => {
  it('bounds the rate by the written prior, not by the current less the change', () => {
    // 28.05 ÷ 11.95 is 234.73%: 235; current less change (11.94 … 11.96) would allow 234 too
    const text = (r: string) => `2024年本年收入合计40.00万元，2023年为11.95万元，较2023年增加28.05万元，增长${r}%。`;
    expect(ruleIds([text('235')])).toEqual([]);
    expect(ruleIds([text('234')])).toEqual(['n.share-truncated']);
  });
});

describe('a change printed as 0 beside its direction word', () => {
  it('is a change too small to print, not none: it carries the rounding of the figures around it', () => {
    // 0.004 + 0.004 + 0 = 0.008 万元 less: each part prints as 减少0.00, the total as 减少0.01
    const text = (parts: string) =>
      `2024年度“三公”经费支出决算为12.00万元，比上年减少0.01万元。其中：${parts}；公务接待费4.00万元，与上年持平。`;
    expect(
      ruleIds([
        text('因公出国（境）费2.00万元，比上年减少0.00万元；公务用车购置及运行维护费6.00万元，比上年减少0万元'),
      ]),
    ).toEqual([]);
    // beside figures of two decimals, a 0 hides at most 0.005: 0.02 is still too much
    expect(
      ruleIds([
        '2024年度“三公”经费支出决算为12.00万元，比上年减少0.02万元。其中：因公出国（境）费2.00万元，比上年减少0万元；公务用车购置及运行维护费6.00万元，比上年减少0万元；公务接待费4.00万元，与上年持平。',
      ]),
    ).toEqual(['n.change-sum']);
  });
});
