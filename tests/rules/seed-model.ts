import { Decimal } from 'decimal.js';
import type { Table, WorkbookModel } from '../../src/model/types.js';
import { codeTable, model, table, type CellText, type RowSpec } from '../helpers/model-builder.js';

/**
 * The seed report's nine tables (fixtures/src/seed-2024.yaml, as published), built directly as
 * a model: every table rule passes on it, and each failing case is one edit away from it.
 */

const CLASSES = [
  '一般公共服务支出',
  '外交支出',
  '国防支出',
  '公共安全支出',
  '教育支出',
  '科学技术支出',
  '文化旅游体育与传媒支出',
  '社会保障和就业支出',
  '卫生健康支出',
  '节能环保支出',
  '城乡社区支出',
  '农林水支出',
  '交通运输支出',
  '资源勘探工业信息等支出',
  '商业服务业等支出',
  '金融支出',
  '援助其他地区支出',
  '自然资源海洋气象等支出',
  '住房保障支出',
  '粮油物资储备支出',
  '国有资本经营预算支出',
  '灾害防治及应急管理支出',
  '其他支出',
  '债务还本支出',
  '债务付息支出',
  '抗疫特别国债安排的支出',
];
const CLASS_AMOUNTS: Record<string, string> = {
  一般公共服务支出: '2015.55',
  社会保障和就业支出: '46.10',
  卫生健康支出: '42.30',
  住房保障支出: '52.87',
};

function t01(): Table {
  const incomeItems = [
    '一般公共预算财政拨款收入',
    '政府性基金预算财政拨款收入',
    '国有资本经营预算财政拨款收入',
    '上级补助收入',
    '事业收入',
    '经营收入',
    '附属单位上缴收入',
    '其他收入',
  ];
  const income: RowSpec[] = Array.from({ length: 26 }, (_, i) => ({
    block: 'income',
    line: i + 1,
    label: incomeItems[i] ?? '',
    cells: { amount: i === 0 ? '2156.82' : null },
  }));
  income.push(
    { block: 'income', line: 27, label: '本年收入合计', cells: { amount: '2156.82' } },
    { block: 'income', line: 28, label: '使用非财政拨款结余(含专用结余)' },
    { block: 'income', line: 29, label: '年初结转和结余' },
    { block: 'income', line: 30, label: '总计', cells: { amount: '2156.82' } },
  );
  const expenditure: RowSpec[] = CLASSES.map((label, i) => ({
    block: 'expenditure',
    line: 31 + i,
    label,
    cells: { amount: CLASS_AMOUNTS[label] ?? null },
  }));
  expenditure.push(
    { block: 'expenditure', line: 57, label: '本年支出合计', cells: { amount: '2156.82' } },
    { block: 'expenditure', line: 58, label: '结余分配' },
    { block: 'expenditure', line: 59, label: '年末结转和结余' },
    { block: 'expenditure', line: 60, label: '总计', cells: { amount: '2156.82' } },
  );
  return table('01', [...income, ...expenditure]);
}

/** 项 rows of 02/03/05: [code name, 合计, 基本, 项目]. */
const ITEMS: [string, CellText, CellText, CellText][] = [
  ['2010350 事业运行', '398.17', '392.38', '5.79'],
  ['2010399 其他政府办公厅（室）及相关机构事务支出', '1589.23', null, '1589.23'],
  ['2013799 其他网信事务支出', '28.15', null, '28.15'],
  ['2080505 机关事业单位基本养老保险缴费支出', '39.79', '39.79', null],
  ['2081199 其他残疾人事业支出', '4.25', '4.25', null],
  ['2089999 其他社会保障和就业支出', '2.06', '2.06', null],
  ['2101102 事业单位医疗', '20.79', '20.79', null],
  ['2101103 公务员医疗补助', '21.51', '21.51', null],
  ['2210201 住房公积金', '44.91', '44.91', null],
  ['2210202 提租补贴', '7.96', '7.96', null],
];

type Item = [string, CellText, CellText, CellText];

function add(a: CellText, b: CellText): CellText {
  if (a === null) return b;
  if (b === null) return a;
  return new Decimal(a).plus(b).toFixed(2);
}

/** The 项 rows with 类 and 款 subtotal rows inserted (exact sums), as the split-codes layout does. */
export function splitItems(): Item[] {
  const out: Item[] = [];
  for (const [head, t, b, p] of ITEMS) {
    const code = head.split(' ')[0] as string;
    for (const parent of [code.slice(0, 3), code.slice(0, 5)]) {
      const row = out.find(([h]) => h === parent);
      if (row) {
        row[1] = add(row[1], t);
        row[2] = add(row[2], b);
        row[3] = add(row[3], p);
      } else out.push([parent, t, b, p]);
    }
    out.push([head, t, b, p]);
  }
  return out;
}

export type Columns = (item: Item) => Record<string, CellText>;
export const T02: Columns = ([, t]) => ({ total: t, fiscal: t });
export const T03: Columns = ([, t, b, p]) => ({ total: t, basic: b, project: p });
export const T05: Columns = ([, t, b, p]) => ({ subtotal: t, basic: b, project: p });

/** 02, 03 or 05 from the seed's rows: only 项 rows as published, or with 类/款 subtotal rows. */
export function functionTable(kind: '02' | '03' | '05', columns: Columns, split = false): Table {
  const total: Item = ['合计', '2156.82', '533.65', '1623.17'];
  const items = split ? splitItems() : ITEMS;
  return codeTable(
    kind,
    [total, ...items].map((item) => [item[0], columns(item)]),
  );
}

function t02(): Table {
  return functionTable('02', T02);
}

function t03(): Table {
  return functionTable('03', T03);
}

/** 04 as published; `closingLines` labels lines 61–63 (年末 by fund) as some provinces do. */
export function t04(closingLines = false): Table {
  const incomeLabels: Record<number, string> = {
    1: '一般公共预算财政拨款',
    2: '政府性基金预算财政拨款',
    3: '国有资本经营预算财政拨款',
    27: '本年收入合计',
    28: '年初财政拨款结转和结余',
    29: '一般公共预算财政拨款',
    30: '政府性基金预算财政拨款',
    31: '国有资本经营预算财政拨款',
    32: '总计',
  };
  const income: RowSpec[] = Array.from({ length: 32 }, (_, i) => ({
    block: 'income',
    line: i + 1,
    label: incomeLabels[i + 1] ?? '',
    cells: { amount: [1, 27, 32].includes(i + 1) ? '2156.82' : null },
  }));
  const both = (v: string | undefined) => ({ subtotal: v ?? null, general: v ?? null });
  const expenditure: RowSpec[] = CLASSES.map((label, i) => ({
    block: 'expenditure',
    line: 33 + i,
    label,
    cells: both(CLASS_AMOUNTS[label]),
  }));
  expenditure.push(
    { block: 'expenditure', line: 59, label: '本年支出合计', cells: both('2156.82') },
    { block: 'expenditure', line: 60, label: '年末财政拨款结转和结余' },
    { block: 'expenditure', line: 61, label: closingLines ? '一般公共预算财政拨款' : '' },
    { block: 'expenditure', line: 62, label: closingLines ? '政府性基金预算财政拨款' : '' },
    { block: 'expenditure', line: 63, label: closingLines ? '国有资本经营预算财政拨款' : '' },
    { block: 'expenditure', line: 64, label: '总计', cells: both('2156.82') },
  );
  return table('04', [...income, ...expenditure]);
}

function t05(): Table {
  return functionTable('05', T05);
}

/** 06 as published; `withoutClasses` drops the 类 rows (301, 302, 303, 310), leaving 款 lines. */
export function t06(withoutClasses = false): Table {
  const b1: [string, string, CellText][] = [
    ['301', '工资福利支出', '490.18'],
    ['30101', '基本工资', '86.95'],
    ['30102', '津贴补贴', '26.95'],
    ['30103', '奖金', null],
    ['30106', '伙食补助费', null],
    ['30107', '绩效工资', '212.44'],
    ['30108', '机关事业单位基本养老保险缴费', '39.79'],
    ['30109', '职业年金缴费', null],
    ['30110', '职工基本医疗保险缴费', '20.79'],
    ['30111', '公务员医疗补助缴费', '21.51'],
    ['30112', '其他社会保障缴费', '6.31'],
    ['30113', '住房公积金', '44.91'],
    ['30114', '医疗费', null],
    ['30199', '其他工资福利支出', '30.52'],
    ['303', '对个人和家庭的补助', null],
    ['30301', '离休费', null],
    ['30302', '退休费', null],
    ['30399', '其他对个人和家庭的补助', null],
  ];
  const b2: [string, string, CellText][] = [
    ['302', '商品和服务支出', '43.47'],
    ['30201', '办公费', '2.82'],
    ['30202', '印刷费', null],
    ['30206', '电费', '0.10'],
    ['30207', '邮电费', '3.01'],
    ['30211', '差旅费', '1.07'],
    ['30212', '因公出国（境）费用', null],
    ['30213', '维修（护）费', '0.01'],
    ['30217', '公务接待费', null],
    ['30226', '劳务费', '6.50'],
    ['30227', '委托业务费', '10.08'],
    ['30228', '工会经费', '8.00'],
    ['30229', '福利费', '4.38'],
    ['30231', '公务用车运行维护费', null],
    ['30299', '其他商品和服务支出', '7.50'],
  ];
  const b3: [string, string, CellText][] = [
    ['310', '资本性支出', null],
    ['31002', '办公设备购置', null],
    ['31013', '公务用车购置', null],
  ];
  const rows = (block: string, list: [string, string, CellText][]): RowSpec[] =>
    list
      .filter(([code]) => !withoutClasses || code.length > 3)
      .map(([code, label, amount]) => ({ block, code, label, cells: { amount } }));
  return table('06', [
    ...rows('b1', b1),
    ...rows('b2', b2),
    ...rows('b3', b3),
    { block: 'b1', role: 'personnel-total', label: '人员经费合计', cells: { amount: '490.18' }, sheetRow: 40 },
    { block: 'b3', role: 'public-total', label: '公用经费合计', cells: { amount: '43.47' }, sheetRow: 40 },
  ]);
}

function t09(): Table {
  return table('09', [
    { block: 'budget', cells: { total: '2.00', reception: '2.00' } },
    { block: 'actual', cells: {} },
  ]);
}

/** The seed's nine tables; `replace` swaps in other versions of some of them. */
export function seedModel(...replace: Table[]): WorkbookModel {
  const tables = [
    t01(),
    t02(),
    t03(),
    t04(),
    t05(),
    t06(),
    // the seed's empty tables, with their notes
    codeTable('07', [['合计', {}]], { notes: ['本部门2024年度无政府性基金预算财政拨款收入支出。'] }),
    codeTable('08', [['合计', {}]], { notes: ['本部门2024年度无国有资本经营预算财政拨款支出。'] }),
    t09(),
  ];
  return model(tables.map((t) => replace.find((r) => r.kind === t.kind) ?? t));
}

/** A 07 with spending (城乡社区 212 08 03), optionally with its 类/款 subtotal rows. */
export function t07(split = false): Table {
  const row = {
    opening: '10.00',
    income: '100.00',
    subtotal: '90.00',
    basic: null,
    project: '90.00',
    closing: '20.00',
  };
  const rows: [string, Record<string, CellText>][] = [['合计', row]];
  if (split) rows.push(['212 城乡社区支出', row], ['21208 国有土地使用权出让收入安排的支出', row]);
  rows.push(['2120803 城市建设支出', row]);
  return codeTable('07', rows);
}

/** A 08 with spending (国有资本经营 223 01 99), optionally with its 类/款 subtotal rows. */
export function t08(split = false): Table {
  const row = { total: '30.00', basic: null, project: '30.00' };
  const rows: [string, Record<string, CellText>][] = [['合计', row]];
  if (split) rows.push(['223 国有资本经营预算支出', row], ['22301 解决历史遗留问题及改革成本支出', row]);
  rows.push(['2230199 其他解决历史遗留问题及改革成本支出', row]);
  return codeTable('08', rows);
}
