import { join } from 'node:path';
import type { WorkbookModel } from '../../../src/model/types.js';
import { packageRoot } from '../../../src/util/package-root.js';
import { codeTable, model, table } from '../../helpers/model-builder.js';
import { readWorkbookFile } from '../../helpers/read.js';
import { textDocument } from '../../../src/io/text/read-text.js';
import { readDocument } from '../../../src/reader/read-document.js';
import type { RuleCases } from '../rule-tester.js';
import { at as atIn, edit } from './common.js';

/**
 * Cases of the rules of the other provinces' tables and of the completeness rules: the template-set
 * fixtures (fixtures/sets, consistent by construction) pass; one edited cell, or an incomplete
 * variant, fails with exactly the findings listed.
 */
async function set(name: string): Promise<WorkbookModel> {
  return readWorkbookFile(join(packageRoot(), 'fixtures', 'sets', `${name}.xlsx`));
}

const [hubei, jiangsu, sichuan, yunnan, mongolia, beijing, zhejiang] = await Promise.all(
  ['hubei', 'jiangsu', 'sichuan', 'yunnan', 'inner-mongolia', 'beijing', 'zhejiang'].map(set),
);
const variants = Object.fromEntries(
  await Promise.all(
    ['empty-without-note', 'note-with-data', 'report-parts', 'contents-extra', 'contents-order'].map(
      async (v) => [v, await set(`hubei-${v}`)] as const,
    ),
  ),
) as Record<string, WorkbookModel>;

/** The 08 without its note, explained in the report's text as published reports often do. */
function explainedInText(): WorkbookModel {
  const m = variants['empty-without-note'] as WorkbookModel;
  const text = m.text ?? [];
  const sentence = '本部门2024年度没有国有资本经营预算财政拨款支出，故《国有资本经营预算财政拨款支出决算表》为空表。';
  return { ...m, text: [...text, { text: sentence, index: text.length, file: m.file }] };
}

/**
 * A 三公 table printed down the rows under a 09 title (items as rows, 预算数 | 决算数 across), as a
 * portal's text copy gives it: read as sangong-vertical. 合计 = 出国 + 公务用车 + 接待 in both columns.
 */
const verticalSangong = readDocument(
  textDocument(
    [
      '2023年度财政拨款“三公”经费支出决算表',
      '单位：万元',
      '项目\t预算数\t决算数',
      '合计\t50.00\t45.30',
      '1.因公出国（境）费\t10.00\t8.00',
      '2.公务用车购置及运行费\t22.00\t21.50',
      '其中：（1）公务用车购置费\t\t',
      '（2）公务用车运行费\t22.00\t21.50',
      '3.公务接待费\t18.00\t15.80',
    ].join('\n'),
    'vertical-sangong.txt',
  ),
);

/**
 * The start of a report as a web page stored only its first part: the parts before the tables, the
 * 01 table's title and its first rows, and the file ends there — no 总计 row, nothing after.
 */
const OPENING = [
  '第一部分 青山区招商服务中心概况',
  '一、主要职能',
  '中心负责全区招商引资的组织与服务工作。',
  '二、机构设置',
  '中心设3个内设机构，分别为：办公室、招商科、服务科。',
  '第二部分 青山区招商服务中心2023年度部门决算表',
  '收入支出决算总表',
  '公开01表',
  '部门：青山区招商服务中心',
  '金额单位：万元',
  '项目\t行次\t金额\t项目\t行次\t金额',
  '一、一般公共预算财政拨款收入\t1\t300.00\t一、一般公共服务支出\t32\t280.00',
  '二、政府性基金预算财政拨款收入\t2\t0.00\t二、外交支出\t33\t0.00',
  '三、国有资本经营预算财政拨款收入\t3\t0.00\t三、国防支出\t34\t0.00',
  '四、上级补助收入\t4\t10.00\t四、公共安全支出\t35\t0.00',
];
const cutOpening = readDocument(textDocument(OPENING.join('\n'), 'opening.txt'));

/** The same opening with the 01 table read to its 总计 rows, and nothing after: the other tables are missing. */
const wholeFirstTable = readDocument(
  textDocument(
    [
      ...OPENING.slice(0, 11),
      '一、一般公共预算财政拨款收入\t1\t300.00\t一、一般公共服务支出\t32\t300.00',
      '本年收入合计\t10\t300.00\t本年支出合计\t40\t300.00',
      '年初结转和结余\t12\t0.00\t年末结转和结余\t42\t0.00',
      '总计\t13\t300.00\t总计\t43\t300.00',
    ].join('\n'),
    'first-table.txt',
  ),
);

/** A 三公 table whose amounts are 0.00 or too wide for their column (printed ###): not an empty table. */
const hashedSangong = readDocument(
  textDocument(
    [
      '2023年度财政拨款“三公”经费支出决算表',
      '单位：元',
      '项目\t预算数\t决算数',
      '合计\t0.00\t###',
      '1.因公出国（境）费\t0.00\t0.00',
      '2.公务用车购置及运行费\t0.00\t###',
      '3.公务接待费\t0.00\t0.00',
    ].join('\n'),
    'hashed-sangong.txt',
  ),
);

/**
 * A 06 printed with economic codes down the rows and 合计 | 人员经费 | 公用经费 across (a Guangxi county
 * office): read as basic-economic-rows under the 06 title.
 */
const basicRows = readDocument(
  textDocument(
    [
      '2023年度一般公共预算财政拨款基本支出决算表',
      '单位：万元',
      '经济分类科目编码\t科目名称\t合计\t人员经费\t公用经费',
      '\t合计\t118.40\t100.00\t18.40',
      '301\t工资福利支出\t90.00\t90.00\t',
      '30101\t基本工资\t50.00\t50.00\t',
      '30102\t津贴补贴\t40.00\t40.00\t',
      '302\t商品和服务支出\t18.40\t\t18.40',
      '30201\t办公费\t8.40\t\t8.40',
      '30211\t差旅费\t10.00\t\t10.00',
    ].join('\n'),
    'basic-rows.txt',
  ),
);

const at = (m: WorkbookModel, kind: string, rowKey: string, column: string, block?: string) =>
  atIn(kind, rowKey, column, block, m);

/** A one-table model whose 类 row does not add up (10 against its 项 9). */
function rollupBroken(kind: string, columns: string[], cls: string, leaf: string): WorkbookModel {
  const ten = Object.fromEntries(columns.map((c) => [c, '10.00']));
  const nine = Object.fromEntries(columns.map((c) => [c, '9.00']));
  return model([
    codeTable(kind, [
      ['合计', nine],
      [cls, ten],
      [leaf, nine],
    ]),
  ]);
}
function rollupFine(kind: string, columns: string[], cls: string, leaf: string): WorkbookModel {
  const nine = Object.fromEntries(columns.map((c) => [c, '9.00']));
  return model([
    codeTable(kind, [
      ['合计', nine],
      [cls, nine],
      [leaf, nine],
    ]),
  ]);
}
const F = (cls: string) => `F${cls}`;
const E = (cls: string) => `E${cls}`;

function rollupCases(
  ruleId: string,
  kind: string,
  columns: string[],
  economic: boolean,
  valid: WorkbookModel,
): RuleCases {
  const [cls, leaf] = economic ? ['302 商品和服务支出', '30201 办公费'] : ['201 一般公共服务支出', '2010101 行政运行'];
  const broken = rollupBroken(kind, columns, cls, leaf);
  const key = economic ? E('302') : F('201');
  return {
    ruleId,
    valid: [
      { name: 'the set fixture (项 rows only)', model: valid },
      { name: '类 row = its 项', model: rollupFine(kind, columns, cls, leaf) },
    ],
    invalid: [
      {
        name: '类 row 10 against its 项 9',
        model: broken,
        findings: columns.map((c) => ({ cell: at(broken, kind, key, c) })),
      },
    ],
  };
}

export const cases: RuleCases[] = [
  // ---- 财政拨款支出决算表 (Jiangsu, Sichuan 表3) ----
  {
    ruleId: 'fiscal-expenditure.row-subtotal',
    valid: [
      { name: 'jiangsu', model: jiangsu },
      { name: 'sichuan', model: sichuan },
    ],
    invalid: [
      {
        name: '基本支出 changed',
        model: edit(jiangsu, ['fiscal-expenditure', 'F2010101', 'basic', '286.50']),
        findings: [{ cell: at(jiangsu, 'fiscal-expenditure', 'F2010101', 'subtotal') }],
      },
    ],
  },
  {
    ruleId: 'fiscal-expenditure.total-leaves',
    valid: [{ name: 'jiangsu', model: jiangsu }],
    invalid: [
      {
        name: '合计 项目支出 changed',
        model: edit(jiangsu, ['fiscal-expenditure', 'TOTAL', 'project', '300.00']),
        findings: [{ cell: at(jiangsu, 'fiscal-expenditure', 'TOTAL', 'project') }],
      },
    ],
  },
  rollupCases('fiscal-expenditure.rollup', 'fiscal-expenditure', ['subtotal', 'basic'], false, jiangsu),
  {
    ruleId: 'x.fiscal-expenditure-t04.total',
    valid: [{ name: 'jiangsu', model: jiangsu }],
    invalid: [
      {
        name: '合计 changed',
        model: edit(jiangsu, ['fiscal-expenditure', 'TOTAL', 'subtotal', '700.00']),
        findings: [{ cell: at(jiangsu, 'fiscal-expenditure', 'TOTAL', 'subtotal') }],
      },
    ],
  },
  {
    ruleId: 'x.fiscal-expenditure-t05.class',
    valid: [{ name: 'jiangsu', model: jiangsu }],
    invalid: [
      {
        name: 'a subject below its 一般公共预算 spending',
        model: edit(jiangsu, ['fiscal-expenditure', 'F2010101', 'subtotal', '200.00']),
        findings: [{ cell: at(jiangsu, 'fiscal-expenditure', 'F2010101', 'subtotal') }],
      },
    ],
  },
  rollupCases('fiscal-basic.rollup', 'fiscal-basic', ['amount'], true, jiangsu),
  {
    ruleId: 'fiscal-basic.personnel-total',
    valid: [{ name: 'jiangsu', model: jiangsu }],
    invalid: [
      {
        name: '人员经费合计 changed',
        model: edit(jiangsu, ['fiscal-basic', 'R:personnel-total', 'amount', '342.19']),
        findings: [{ cell: at(jiangsu, 'fiscal-basic', 'R:personnel-total', 'amount') }],
      },
    ],
  },
  {
    ruleId: 'fiscal-basic.public-total',
    valid: [{ name: 'jiangsu', model: jiangsu }],
    invalid: [
      {
        name: '公用经费合计 changed',
        model: edit(jiangsu, ['fiscal-basic', 'R:public-total', 'amount', '51.35']),
        findings: [{ cell: at(jiangsu, 'fiscal-basic', 'R:public-total', 'amount') }],
      },
    ],
  },
  {
    ruleId: 'x.fiscal-basic-fiscal-expenditure.basic',
    valid: [{ name: 'jiangsu', model: jiangsu }],
    invalid: [
      {
        name: '财政拨款支出表基本支出合计 changed',
        model: edit(jiangsu, ['fiscal-expenditure', 'TOTAL', 'basic', '400.00']),
        findings: [{ cell: at(jiangsu, 'fiscal-basic', 'R:personnel-total', 'amount') }],
      },
    ],
  },
  // ---- 一般公共预算: 项目支出表, 经济分类明细表, 收入支出表 ----
  {
    ruleId: 'gp-project.total-leaves',
    valid: [
      { name: 'sichuan', model: sichuan },
      { name: 'yunnan', model: yunnan },
    ],
    invalid: [
      {
        name: '合计 changed',
        model: edit(sichuan, ['gp-project', 'TOTAL', 'amount', '136.20']),
        findings: [{ cell: at(sichuan, 'gp-project', 'TOTAL', 'amount') }],
      },
    ],
  },
  rollupCases('gp-project.rollup', 'gp-project', ['amount'], false, sichuan),
  {
    ruleId: 'x.gp-project-t05.row',
    valid: [{ name: 'sichuan', model: sichuan }],
    invalid: [
      {
        name: 'a subject changed',
        model: edit(sichuan, ['gp-project', 'F2010102', 'amount', '95.30']),
        findings: [{ cell: at(sichuan, 'gp-project', 'F2010102', 'amount') }],
      },
    ],
  },
  {
    ruleId: 'x.gp-project-t05.total',
    valid: [{ name: 'sichuan', model: sichuan }],
    invalid: [
      {
        name: '合计 changed',
        model: edit(sichuan, ['gp-project', 'TOTAL', 'amount', '136.20']),
        findings: [{ cell: at(sichuan, 'gp-project', 'TOTAL', 'amount') }],
      },
    ],
  },
  {
    ruleId: 'x.gp-project-gp-balance.row',
    valid: [{ name: 'yunnan', model: yunnan }],
    invalid: [
      {
        name: 'a subject changed',
        model: edit(yunnan, ['gp-project', 'F2070199', 'amount', '41.00']),
        findings: [{ cell: at(yunnan, 'gp-project', 'F2070199', 'amount') }],
      },
    ],
  },
  {
    ruleId: 'gp-economic.row-subtotal',
    valid: [{ name: 'sichuan', model: sichuan }],
    invalid: [
      {
        name: '项目支出 changed',
        model: edit(sichuan, ['gp-economic', 'E30227', 'project', '85.10']),
        findings: [{ cell: at(sichuan, 'gp-economic', 'E30227', 'subtotal') }],
      },
    ],
  },
  {
    ruleId: 'gp-economic.total-leaves',
    valid: [{ name: 'sichuan', model: sichuan }],
    invalid: [
      {
        name: '合计 基本支出 changed',
        model: edit(sichuan, ['gp-economic', 'TOTAL', 'basic', '394.00']),
        findings: [{ cell: at(sichuan, 'gp-economic', 'TOTAL', 'basic') }],
      },
    ],
  },
  rollupCases('gp-economic.rollup', 'gp-economic', ['subtotal', 'basic'], true, sichuan),
  {
    ruleId: 'x.gp-economic-t05.total',
    valid: [{ name: 'sichuan', model: sichuan }],
    invalid: [
      {
        name: '合计 项目支出 changed',
        model: edit(sichuan, ['gp-economic', 'TOTAL', 'project', '135.30']),
        findings: [{ cell: at(sichuan, 'gp-economic', 'TOTAL', 'project') }],
      },
    ],
  },
  {
    ruleId: 'x.gp-economic-t06.basic',
    valid: [{ name: 'sichuan', model: sichuan }],
    invalid: [
      {
        name: '基本支出 of a subject changed',
        model: edit(sichuan, ['gp-economic', 'E30201', 'basic', '12.40']),
        findings: [{ cell: at(sichuan, 'gp-economic', 'E30201', 'basic') }],
      },
    ],
  },
  {
    ruleId: 'gp-project-economic.total-leaves',
    valid: [{ name: 'inner-mongolia', model: mongolia }],
    invalid: [
      {
        name: '合计 changed',
        model: edit(mongolia, ['gp-project-economic', 'TOTAL', 'amount', '135.30']),
        findings: [{ cell: at(mongolia, 'gp-project-economic', 'TOTAL', 'amount') }],
      },
    ],
  },
  rollupCases('gp-project-economic.rollup', 'gp-project-economic', ['amount'], true, mongolia),
  {
    ruleId: 'x.gp-project-economic-t05.total',
    valid: [{ name: 'inner-mongolia', model: mongolia }],
    invalid: [
      {
        name: 'a 款 and the 合计 changed together',
        model: edit(
          mongolia,
          ['gp-project-economic', 'E30227', 'amount', '86.00'],
          ['gp-project-economic', 'TOTAL', 'amount', '136.20'],
        ),
        findings: [{ cell: at(mongolia, 'gp-project-economic', 'TOTAL', 'amount') }],
      },
    ],
  },
  {
    ruleId: 'gp-balance.row-subtotal',
    valid: [{ name: 'yunnan', model: yunnan }],
    invalid: [
      {
        name: '基本支出 changed',
        model: edit(yunnan, ['gp-balance', 'F2010101', 'basic', '286.50']),
        findings: [{ cell: at(yunnan, 'gp-balance', 'F2010101', 'subtotal') }],
      },
    ],
  },
  {
    ruleId: 'gp-balance.row-balance',
    valid: [{ name: 'yunnan', model: yunnan }],
    invalid: [
      {
        name: '年末结转和结余 written',
        model: edit(yunnan, ['gp-balance', 'F2010101', 'closing', '1.00']),
        findings: [{ cell: at(yunnan, 'gp-balance', 'F2010101', 'closing') }],
      },
    ],
  },
  {
    ruleId: 'gp-balance.total-leaves',
    valid: [{ name: 'yunnan', model: yunnan }],
    invalid: [
      {
        name: '合计 本年收入 changed',
        model: edit(yunnan, ['gp-balance', 'TOTAL', 'income', '529.00']),
        findings: [{ cell: at(yunnan, 'gp-balance', 'TOTAL', 'income') }],
      },
    ],
  },
  rollupCases('gp-balance.rollup', 'gp-balance', ['subtotal', 'basic'], false, yunnan),
  {
    ruleId: 'x.t04-gp-balance.income',
    valid: [{ name: 'yunnan', model: yunnan }],
    invalid: [
      {
        name: '本年收入合计 changed',
        model: edit(yunnan, ['gp-balance', 'TOTAL', 'income', '529.00']),
        findings: [{ cell: at(yunnan, 'gp-balance', 'TOTAL', 'income') }],
      },
    ],
  },
  {
    ruleId: 'x.t04-gp-balance.total',
    valid: [{ name: 'yunnan', model: yunnan }],
    invalid: [
      {
        name: '本年支出合计 changed',
        model: edit(yunnan, ['gp-balance', 'TOTAL', 'subtotal', '529.00']),
        findings: [{ cell: at(yunnan, 'gp-balance', 'TOTAL', 'subtotal') }],
      },
    ],
  },
  {
    ruleId: 'x.gp-balance-t06.basic-split',
    valid: [{ name: 'yunnan', model: yunnan }],
    invalid: [
      {
        name: '基本支出合计 changed',
        model: edit(yunnan, ['gp-balance', 'TOTAL', 'basic', '393.44']),
        findings: [{ cell: at(yunnan, 'gp-balance', 'TOTAL', 'basic') }],
      },
    ],
  },
  // ---- 政府性基金 ----
  rollupCases('fund-basic.rollup', 'fund-basic', ['amount'], true, beijing),
  {
    ruleId: 'fund-basic.personnel-total',
    valid: [{ name: 'beijing (no 人员经费)', model: beijing }],
    invalid: [
      {
        name: '人员经费合计 written',
        model: edit(beijing, ['fund-basic', 'R:personnel-total', 'amount', '1.00']),
        findings: [{ cell: at(beijing, 'fund-basic', 'R:personnel-total', 'amount') }],
      },
    ],
  },
  {
    ruleId: 'fund-basic.public-total',
    valid: [{ name: 'beijing', model: beijing }],
    invalid: [
      {
        name: '公用经费合计 changed',
        model: edit(beijing, ['fund-basic', 'R:public-total', 'amount', '18.10']),
        findings: [{ cell: at(beijing, 'fund-basic', 'R:public-total', 'amount') }],
      },
    ],
  },
  {
    ruleId: 'x.fund-basic-t07.basic',
    valid: [{ name: 'beijing', model: beijing }],
    invalid: [
      {
        name: '政府性基金表基本支出合计 changed',
        model: edit(beijing, ['07', 'TOTAL', 'basic', '18.10']),
        findings: [{ cell: at(beijing, 'fund-basic', 'R:personnel-total', 'amount') }],
      },
    ],
  },
  {
    ruleId: 'fund-sangong.total',
    valid: [{ name: 'sichuan', model: sichuan }],
    invalid: [
      {
        name: '决算数合计 changed',
        model: edit(sichuan, ['fund-sangong', 'ROW', 'total', '1.20', 'actual']),
        findings: [{ cell: at(sichuan, 'fund-sangong', 'ROW', 'total', 'actual') }],
      },
    ],
  },
  {
    ruleId: 'fund-sangong.vehicle',
    valid: [{ name: 'sichuan', model: sichuan }],
    invalid: [
      {
        name: '运行维护费 changed',
        model: edit(sichuan, ['fund-sangong', 'ROW', 'vehicle-operation', '0.90', 'actual']),
        findings: [{ cell: at(sichuan, 'fund-sangong', 'ROW', 'vehicle', 'actual') }],
      },
    ],
  },
  // ---- 会议费、培训费 ----
  {
    ruleId: 't09.meeting',
    valid: [{ name: 'jiangsu: 2.10 against 2.10', model: jiangsu }],
    invalid: [
      {
        name: '会议费 below the basic spending on meetings',
        model: edit(jiangsu, ['09', 'ROW', 'meeting', '2.00', 'actual']),
        findings: [{ cell: at(jiangsu, '09', 'ROW', 'meeting', 'actual') }],
      },
    ],
  },
  {
    ruleId: 't09.training',
    valid: [{ name: 'jiangsu', model: jiangsu }],
    invalid: [
      {
        name: '培训费 below the basic spending on training',
        model: edit(jiangsu, ['09', 'ROW', 'training', '3.00', 'actual']),
        findings: [{ cell: at(jiangsu, '09', 'ROW', 'training', 'actual') }],
      },
    ],
  },
  // ---- 项目收入支出决算表 ----
  {
    ruleId: 'project-ie.row-balance',
    valid: [{ name: 'inner-mongolia', model: mongolia }],
    invalid: [
      {
        name: '年末结转和结余 changed',
        model: edit(mongolia, ['project-ie', 'F2120803', 'closing', '23.00']),
        findings: [{ cell: at(mongolia, 'project-ie', 'F2120803', 'closing') }],
      },
    ],
  },
  {
    ruleId: 'project-ie.total',
    valid: [{ name: 'inner-mongolia', model: mongolia }],
    invalid: [
      {
        name: '合计 本年支出 changed',
        model: edit(mongolia, ['project-ie', 'TOTAL', 'expenditure', '276.00']),
        findings: [{ cell: at(mongolia, 'project-ie', 'TOTAL', 'expenditure') }],
      },
    ],
  },
  {
    ruleId: 'x.project-ie-t03.project',
    valid: [{ name: 'inner-mongolia', model: mongolia }],
    invalid: [
      {
        name: '合计 本年支出 changed',
        model: edit(mongolia, ['project-ie', 'TOTAL', 'expenditure', '276.00']),
        findings: [{ cell: at(mongolia, 'project-ie', 'TOTAL', 'expenditure') }],
      },
    ],
  },
  // ---- 云南 三公与机关运行经费, 内蒙古 机构运行信息表, 政府采购, 政府购买服务 ----
  {
    ruleId: 'sangong-operation.total',
    valid: [{ name: 'yunnan', model: yunnan }],
    invalid: [
      {
        name: '“三公”经费决算数 changed',
        model: edit(yunnan, ['sangong-operation', 'R:total', 'actual', '9.80']),
        findings: [{ cell: at(yunnan, 'sangong-operation', 'R:total', 'actual') }],
      },
    ],
  },
  {
    ruleId: 'sangong-operation.vehicle',
    valid: [{ name: 'yunnan', model: yunnan }],
    invalid: [
      {
        name: '运行维护费预算数 changed',
        model: edit(yunnan, ['sangong-operation', 'R:vehicle-operation', 'budget', '9.50']),
        findings: [{ cell: at(yunnan, 'sangong-operation', 'R:vehicle', 'budget') }],
      },
    ],
  },
  {
    ruleId: 'sangong-vertical.total',
    valid: [{ name: 'vertical 三公 table', model: verticalSangong }],
    invalid: [
      {
        name: '合计 决算数 1.00 over its three items',
        model: edit(verticalSangong, ['sangong-vertical', 'R:total', 'actual', '46.30']),
        findings: [{ cell: at(verticalSangong, 'sangong-vertical', 'R:total', 'actual') }],
      },
    ],
  },
  {
    ruleId: 'basic-economic-rows.row-total',
    valid: [{ name: 'economic rows, 合计 | 人员经费 | 公用经费', model: basicRows }],
    invalid: [
      {
        name: '30201 办公费 合计 0.50 over its 公用经费',
        model: edit(basicRows, ['basic-economic-rows', 'E30201', 'total', '8.90']),
        findings: [{ cell: at(basicRows, 'basic-economic-rows', 'E30201', 'total') }],
      },
    ],
  },
  {
    ruleId: 'basic-economic-rows.rollup',
    valid: [{ name: 'economic rows, 合计 | 人员经费 | 公用经费', model: basicRows }],
    invalid: [
      {
        name: '301 工资福利支出 人员经费 1.00 over its 款 rows',
        model: edit(basicRows, ['basic-economic-rows', 'E301', 'personnel', '91.00']),
        findings: [{ cell: at(basicRows, 'basic-economic-rows', 'E301', 'personnel') }],
      },
    ],
  },
  {
    ruleId: 'sangong-vertical.vehicle',
    valid: [{ name: 'vertical 三公 table', model: verticalSangong }],
    invalid: [
      {
        name: '公务用车运行费 预算数 changed',
        model: edit(verticalSangong, ['sangong-vertical', 'R:vehicle-operation', 'budget', '21.00']),
        findings: [{ cell: at(verticalSangong, 'sangong-vertical', 'R:vehicle', 'budget') }],
      },
    ],
  },
  {
    ruleId: 'x.sangong-operation-t09.actual',
    valid: [{ name: 'yunnan: equal', model: yunnan }],
    invalid: [
      {
        name: '财政拨款“三公”经费 below the 一般公共预算 part',
        model: edit(yunnan, ['sangong-operation', 'R:total', 'actual', '9.00']),
        findings: [{ cell: at(yunnan, 'sangong-operation', 'R:total', 'actual') }],
      },
    ],
  },
  {
    ruleId: 'operation-assets.procurement',
    valid: [{ name: 'inner-mongolia', model: mongolia }],
    invalid: [
      {
        name: '服务 changed',
        model: edit(mongolia, ['operation-assets', 'R:services', 'amount', '85.70']),
        findings: [{ cell: at(mongolia, 'operation-assets', 'R:procurement-total', 'amount') }],
      },
    ],
  },
  {
    ruleId: 'operation-assets.sme',
    valid: [{ name: 'inner-mongolia', model: mongolia }],
    invalid: [
      {
        name: '授予中小企业合同金额 over the total',
        model: edit(mongolia, ['operation-assets', 'R:sme', 'amount', '120.00']),
        findings: [{ cell: at(mongolia, 'operation-assets', 'R:sme', 'amount') }],
      },
    ],
  },
  {
    ruleId: 'procurement.total',
    valid: [
      { name: 'beijing', model: beijing },
      { name: 'jiangsu', model: jiangsu },
    ],
    invalid: [
      {
        name: '实际采购 货物 changed',
        model: edit(beijing, ['procurement', 'ROW', 'goods', '18.50', 'actual']),
        findings: [{ cell: at(beijing, 'procurement', 'ROW', 'total', 'actual') }],
      },
    ],
  },
  {
    ruleId: 'procurement.within-plan',
    valid: [{ name: 'beijing', model: beijing }],
    invalid: [
      {
        name: '实际采购 over the plan',
        model: edit(beijing, ['procurement', 'ROW', 'total', '120.00', 'actual']),
        findings: [{ cell: at(beijing, 'procurement', 'ROW', 'total', 'actual') }],
      },
    ],
  },
  {
    ruleId: 'purchase-services.total',
    valid: [{ name: 'beijing', model: beijing }],
    invalid: [
      {
        name: 'an item changed',
        model: edit(beijing, ['purchase-services', 'T:物业管理服务', 'amount', '36.10']),
        findings: [{ cell: at(beijing, 'purchase-services', 'TOTAL', 'amount') }],
      },
    ],
  },
  // ---- 浙江 分单位 ----
  {
    ruleId: 'income-by-unit.row-total',
    valid: [{ name: 'zhejiang', model: zhejiang }],
    invalid: [
      {
        name: '事业收入 of a unit changed',
        model: edit(zhejiang, ['income-by-unit', 'T:示例服务中心', 'business', '40.10']),
        findings: [{ cell: at(zhejiang, 'income-by-unit', 'T:示例服务中心', 'total') }],
      },
    ],
  },
  {
    ruleId: 'income-by-unit.total',
    valid: [{ name: 'zhejiang', model: zhejiang }],
    invalid: [
      {
        name: '合计 财政拨款收入 changed',
        model: edit(zhejiang, ['income-by-unit', 'TOTAL', 'fiscal', '680.00']),
        findings: [{ cell: at(zhejiang, 'income-by-unit', 'TOTAL', 'fiscal') }],
      },
    ],
  },
  {
    ruleId: 'x.income-by-unit-t02.total',
    valid: [{ name: 'zhejiang', model: zhejiang }],
    invalid: [
      {
        name: '合计 财政拨款收入 changed',
        model: edit(zhejiang, ['income-by-unit', 'TOTAL', 'fiscal', '680.00']),
        findings: [{ cell: at(zhejiang, 'income-by-unit', 'TOTAL', 'fiscal') }],
      },
    ],
  },
  {
    ruleId: 'expenditure-by-unit.row-total',
    valid: [{ name: 'zhejiang', model: zhejiang }],
    invalid: [
      {
        name: '基本支出 of a unit changed',
        model: edit(zhejiang, ['expenditure-by-unit', 'T:本级', 'basic', '400.00']),
        findings: [{ cell: at(zhejiang, 'expenditure-by-unit', 'T:本级', 'total') }],
      },
    ],
  },
  {
    ruleId: 'expenditure-by-unit.total',
    valid: [{ name: 'zhejiang', model: zhejiang }],
    invalid: [
      {
        name: '合计 项目支出 changed',
        model: edit(zhejiang, ['expenditure-by-unit', 'TOTAL', 'project', '300.00']),
        findings: [{ cell: at(zhejiang, 'expenditure-by-unit', 'TOTAL', 'project') }],
      },
    ],
  },
  {
    ruleId: 'x.expenditure-by-unit-t03.total',
    valid: [{ name: 'zhejiang', model: zhejiang }],
    invalid: [
      {
        name: '合计 项目支出 changed',
        model: edit(zhejiang, ['expenditure-by-unit', 'TOTAL', 'project', '300.00']),
        findings: [{ cell: at(zhejiang, 'expenditure-by-unit', 'TOTAL', 'project') }],
      },
    ],
  },
  // ---- 公开完整性 ----
  {
    ruleId: 'completeness.empty-table-note',
    valid: [
      { name: 'hubei: the empty 08 says why', model: hubei },
      { name: 'the report text says why instead', model: explainedInText() },
      { name: 'amounts printed ### are unread, not absent', model: hashedSangong },
    ],
    invalid: [
      {
        name: 'the empty 08 without its note',
        model: variants['empty-without-note'] as WorkbookModel,
        findings: [{ cell: '国有资本经营预算财政拨款支出决算表!A1', messageId: 'empty-table-note' }],
      },
    ],
  },
  {
    ruleId: 'completeness.note-with-data',
    valid: [{ name: 'hubei', model: hubei }],
    invalid: [
      {
        name: '07 has data and says it has none',
        model: variants['note-with-data'] as WorkbookModel,
        findings: [{ cell: '政府性基金预算财政拨款收入支出决算表!A1', messageId: 'note-with-data' }],
      },
    ],
  },
  {
    ruleId: 'completeness.cut-off',
    valid: [
      { name: 'hubei: a whole report', model: hubei },
      { name: 'the 01 table read to its 总计, nothing after: tables missing, not cut off', model: wholeFirstTable },
    ],
    invalid: [
      {
        name: 'a report that breaks off within the 01 table (no 总计 row, nothing after)',
        model: cutOpening,
        findings: [{ cell: '第 5–15 行!A3', messageId: 'cut-off', data: { tableKind: '01', count: '8' } }],
      },
    ],
  },
  {
    ruleId: 'completeness.report-parts',
    valid: [
      { name: 'hubei: every part', model: hubei },
      { name: 'a report that breaks off within 01: completeness.cut-off says so once', model: cutOpening },
    ],
    invalid: [
      {
        name: 'no 名词解释, no 国有资产占用',
        model: variants['report-parts'] as WorkbookModel,
        findings: [
          { cell: null, data: { name: '名词解释' } },
          { cell: null, data: { name: '国有资产占用' } },
        ],
      },
    ],
  },
  {
    ruleId: 'completeness.contents-tables',
    valid: [
      { name: 'hubei', model: hubei },
      {
        name: 'an attachment (绩效自评表) the 目录 does not name',
        model: { ...hubei, tables: [...hubei.tables, table('P01', [{ cells: {} }])] },
      },
    ],
    invalid: [
      {
        name: '目录 lists a table that is not there',
        model: variants['contents-extra'] as WorkbookModel,
        findings: [{ cell: '目录!A16', messageId: 'contents-table-missing' }],
      },
    ],
  },
  {
    ruleId: 'completeness.contents-order',
    valid: [{ name: 'hubei', model: hubei }],
    invalid: [
      {
        name: '目录 swaps 05 and 06 on a one-sheet report',
        model: variants['contents-order'] as WorkbookModel,
        findings: [{ cell: '部门决算!A11', related: ['部门决算!A161'] }],
      },
    ],
  },
];
