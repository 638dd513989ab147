import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { loadTemplates } from '../../src/catalog/templates.js';
import { sheetMarkerIn, titleNumberIn } from '../../src/reader/preamble.js';
import { catalogFor } from '../../src/reader/template.js';
import { matchTitle } from '../../src/reader/titles.js';

/** Titles as the provinces print them (目录 entries and table titles seen in published reports). */
const catalog = loadCatalog();
const kind = (title: string) => matchTitle(title, catalog)?.kind ?? null;

describe('table titles of the provinces', () => {
  it.each([
    ['2024年度收入支出决算总表', '01'],
    ['XX市审计局2023年度收入支出决算总表', '01'],
    ['收入支出决算表', '01'],
    ['收入决算总表', '02'],
    ['支出决算总表', '03'],
    ['收入决算表（分科目）', '02'],
    ['收入决算表（分单位）', 'income-by-unit'],
    ['支出决算表(分单位)', 'expenditure-by-unit'],
    ['财政拨款收入支出决算表', '04'],
    ['一般公共预算财政拨款收入支出决算表', 'gp-balance'],
    ['一般公共预算财政拨款项目支出决算表', 'gp-project'],
    ['一般公共预算财政拨款项目支出决算明细表', 'gp-project-economic'],
    ['财政拨款支出决算明细表', 'fiscal-expenditure'],
    ['财政拨款基本支出决算表', 'fiscal-basic'],
    ['政府性基金预算财政拨款基本支出决算表', 'fund-basic'],
    ['国有资本经营预算支出决算表', '08'],
    ['国有资本经营预算财政拨款收入支出决算表', '08'],
    ['一般公共预算财政拨款安排的“三公”经费支出决算表', '09'],
    ['一般公共预算财政拨款“三公”经费及会议费、培训费支出决算表', '09'],
    ['“三公”经费、会议费、培训费支出决算表', '09'],
    ['财政拨款“三公”经费、会议费、培训费支出决算表', '09'],
    ['一般公共预算财政拨款“三公”经费情况表', '09'],
    ['财政拨款“三公”经费、行政参公单位机关运行经费情况表', 'sangong-operation'],
    ['政府性基金预算财政拨款“三公”经费支出决算表', 'fund-sangong'],
    ['机构运行经费支出、国有资产占用情况及政府采购支出信息表', 'operation-assets'],
    ['机构运行信息表', 'operation-assets'],
    ['项目收入支出决算表', 'project-ie'],
    ['政府采购情况表', 'procurement'],
    ['政府购买服务支出情况表', 'purchase-services'],
    ['表1-1 收入决算表', '02'],
    ['Z01 收入支出决算总表(财决01表)', '01'],
    // traditional characters
    ['2024年度國有資本經營預算財政撥款收入支出決算表', '08'],
    ['財政撥款“三公”經費支出決算表', '09'],
    ['一般公共預算財政撥款基本支出決算明細表', '06'],
    // printed without the last 表 (a Hunan township report's 06): a long pattern's stem at the end
    ['2021年度一般公共预算财政拨款基本支出决算明细', '06'],
    ['六、一般公共预算财政拨款基本支出决算明细', '06'],
    ['财政拨款收入支出决算总', '04'],
  ])('%s → %s', (title, expected) => {
    expect(kind(title)).toBe(expected);
  });

  it.each([
    '项目支出决算表',
    '基本支出决算表',
    '国有资产占用情况表',
    '七、财政拨款“三公”经费支出决算情况说明',
    '部门整体支出绩效目标表',
    // without 表, only a long stem names a table: not 收入决算, 支出决算, a heading, or a stem inside a sentence
    '二、收入决算',
    '三、支出决算',
    '2021年度部门决算',
    '六、一般公共预算财政拨款基本支出决算情况说明',
    '一般公共预算财政拨款基本支出决算明细情况',
  ])('%s is none of the kinds (no table read, no false finding)', (title) => {
    expect(kind(title)).toBeNull();
  });

  it('Sichuan claims 一般公共预算财政拨款支出决算明细表 for its 经济分类 table (表4-1)', () => {
    expect(kind('一般公共预算财政拨款支出决算明细表')).toBe('05');
    const sichuan = loadTemplates(catalog).find((s) => s.name === 'sichuan');
    const claimed = sichuan ? catalogFor(sichuan, catalog) : undefined;
    expect(claimed && matchTitle('表4-1 一般公共预算财政拨款支出决算明细表', claimed)?.kind).toBe('gp-economic');
  });

  it('reads the numbering of titles and export sheet names', () => {
    expect(titleNumberIn('表1-1 收入决算表')).toBe('表1-1');
    expect(titleNumberIn('表4：一般公共预算财政拨款支出决算表')).toBe('表4');
    expect(titleNumberIn('收入决算表')).toBeUndefined();
    expect(sheetMarkerIn('Z01 收入支出决算总表(财决01表)')).toBe('财决01表');
    expect(sheetMarkerIn('C07 一般公共预算财政拨款基本支出决算表')).toBe('C07');
    expect(sheetMarkerIn('收入支出决算总表')).toBeUndefined();
  });
});
