// Writes a large, consistent final-accounts workbook: 02/03/05 with about 3,000 function rows
// each, 01/04 with their class totals, 06 with every economic line filled, 09 filled.
import ExcelJS from 'exceljs';

const CLASSES = ['201', '205', '206', '208', '210', '212', '213', '221'];
const CLASS_NAMES = {
  201: '一般公共服务支出',
  205: '教育支出',
  206: '科学技术支出',
  208: '社会保障和就业支出',
  210: '卫生健康支出',
  212: '城乡社区支出',
  213: '农林水支出',
  221: '住房保障支出',
};

/** Deterministic pseudo-random cents (no Math.random: the same workbook every run). */
function* cents(seed) {
  let x = seed;
  for (;;) {
    x = (x * 1103515245 + 12345) % 2147483648;
    yield 100 + (x % 5000000);
  }
}

const yuan = (c) => c / 100;

function functionRows(count) {
  const gen = cents(7);
  const rows = [];
  for (let i = 0; rows.length < count; i += 1) {
    const cls = CLASSES[i % CLASSES.length];
    const kuan = String(1 + (Math.floor(i / CLASSES.length) % 99)).padStart(2, '0');
    const xiang = String(1 + Math.floor(i / (CLASSES.length * 99))).padStart(2, '0');
    const basic = gen.next().value;
    const project = gen.next().value;
    rows.push({ code: `${cls}${kuan}${xiang}`, name: `科目${i + 1}`, basic, project, total: basic + project });
  }
  return rows;
}

function sheet(wb, title, unitRow, header, rows) {
  const ws = wb.addWorksheet(title.slice(0, 28));
  ws.addRow([`2024年度${title}`]);
  ws.addRow(unitRow);
  for (const h of header) ws.addRow(h);
  for (const r of rows) ws.addRow(r);
  return ws;
}

export async function writeLargeWorkbook(file, rowCount = 3000) {
  const rows = functionRows(rowCount);
  const sum = (list, key) => list.reduce((a, r) => a + r[key], 0);
  const total = { basic: sum(rows, 'basic'), project: sum(rows, 'project'), total: sum(rows, 'total') };
  const byClass = CLASSES.map((c) => ({
    code: c,
    total: sum(
      rows.filter((r) => r.code.startsWith(c)),
      'total',
    ),
  }));
  const wb = new ExcelJS.Workbook();
  const unit = ['部门：基准测试单位', null, null, '单位：万元'];

  const t01 = [];
  const incomeLabels = [
    '一、一般公共预算财政拨款收入',
    '二、政府性基金预算财政拨款收入',
    '三、国有资本经营预算财政拨款收入',
    '四、上级补助收入',
    '五、事业收入',
    '六、经营收入',
    '七、附属单位上缴收入',
    '八、其他收入',
  ];
  for (let i = 0; i < CLASSES.length; i += 1) {
    t01.push([
      incomeLabels[i] ?? null,
      i + 1,
      i === 0 ? yuan(total.total) : null,
      CLASS_NAMES[CLASSES[i]],
      31 + i,
      yuan(byClass[i].total),
    ]);
  }
  t01.push(['本年收入合计', 27, yuan(total.total), '本年支出合计', 57, yuan(total.total)]);
  t01.push(['总计', 30, yuan(total.total), '总计', 60, yuan(total.total)]);
  sheet(
    wb,
    '收入支出决算总表',
    unit,
    [
      ['收入', null, null, '支出'],
      ['项目', '行次', '金额', '项目', '行次', '金额'],
      ['栏次', null, 1, '栏次', null, 2],
    ],
    t01,
  );

  const codeHeader = (cols) => [
    ['科目编码', '科目名称', ...cols],
    ['栏次', null, ...cols.map((_, i) => i + 1)],
  ];
  sheet(wb, '收入决算表', unit, codeHeader(['本年收入合计', '财政拨款收入']), [
    ['合计', null, yuan(total.total), yuan(total.total)],
    ...rows.map((r) => [r.code, r.name, yuan(r.total), yuan(r.total)]),
  ]);
  sheet(wb, '支出决算表', unit, codeHeader(['本年支出合计', '基本支出', '项目支出']), [
    ['合计', null, yuan(total.total), yuan(total.basic), yuan(total.project)],
    ...rows.map((r) => [r.code, r.name, yuan(r.total), yuan(r.basic), yuan(r.project)]),
  ]);
  sheet(wb, '一般公共预算财政拨款支出决算表', unit, codeHeader(['小计', '基本支出', '项目支出']), [
    ['合计', null, yuan(total.total), yuan(total.basic), yuan(total.project)],
    ...rows.map((r) => [r.code, r.name, yuan(r.total), yuan(r.basic), yuan(r.project)]),
  ]);

  const t04 = [
    [
      '一、一般公共预算财政拨款',
      1,
      yuan(total.total),
      CLASS_NAMES[CLASSES[0]],
      33,
      yuan(byClass[0].total),
      yuan(byClass[0].total),
    ],
  ];
  for (let i = 1; i < CLASSES.length; i += 1)
    t04.push([null, i + 1, null, CLASS_NAMES[CLASSES[i]], 33 + i, yuan(byClass[i].total), yuan(byClass[i].total)]);
  t04.push(['本年收入合计', 27, yuan(total.total), '本年支出合计', 59, yuan(total.total), yuan(total.total)]);
  t04.push(['总计', 32, yuan(total.total), '总计', 64, yuan(total.total), yuan(total.total)]);
  sheet(
    wb,
    '财政拨款收入支出决算总表',
    unit,
    [
      ['收入', null, null, '支出'],
      [
        '项目',
        '行次',
        '决算数',
        '项目',
        '行次',
        '小计',
        '一般公共预算财政拨款',
        '政府性基金预算财政拨款',
        '国有资本经营预算财政拨款',
      ],
      ['栏次', null, 1, '栏次', null, 2, 3, 4, 5],
    ],
    t04,
  );

  // 06: personnel 301 lines carry the basic total less the public lines
  const publicLines = [
    '30201',
    '30202',
    '30205',
    '30206',
    '30207',
    '30211',
    '30213',
    '30216',
    '30228',
    '30229',
    '30299',
  ];
  const publicEach = 100000;
  const personnelLines = [
    '30101',
    '30102',
    '30103',
    '30107',
    '30108',
    '30109',
    '30110',
    '30111',
    '30112',
    '30113',
    '30199',
  ];
  const personnel = total.basic - publicEach * publicLines.length;
  const personnelEach = Math.floor(personnel / personnelLines.length);
  const personnelLast = personnel - personnelEach * (personnelLines.length - 1);
  const t06 = [
    [
      '301',
      '工资福利支出',
      yuan(personnel),
      '302',
      '商品和服务支出',
      yuan(publicEach * publicLines.length),
      '310',
      '资本性支出',
      null,
    ],
  ];
  for (let i = 0; i < Math.max(personnelLines.length, publicLines.length); i += 1) {
    const p = personnelLines[i];
    const q = publicLines[i];
    t06.push([
      p ?? null,
      p ? `人员${p}` : null,
      p ? yuan(i === personnelLines.length - 1 ? personnelLast : personnelEach) : null,
      q ?? null,
      q ? `公用${q}` : null,
      q ? yuan(publicEach) : null,
      null,
      null,
      null,
    ]);
  }
  t06.push(['303', '对个人和家庭的补助', null]);
  t06.push([
    '人员经费合计',
    null,
    yuan(personnel),
    '公用经费合计',
    null,
    null,
    null,
    null,
    yuan(publicEach * publicLines.length),
  ]);
  sheet(
    wb,
    '一般公共预算财政拨款基本支出决算明细表',
    unit,
    [
      ['人员经费', null, null, '公用经费'],
      [
        '经济分类科目编码',
        '科目名称',
        '决算数',
        '经济分类科目编码',
        '科目名称',
        '决算数',
        '经济分类科目编码',
        '科目名称',
        '决算数',
      ],
    ],
    t06,
  );

  sheet(
    wb,
    '财政拨款“三公”经费支出决算表',
    unit,
    [
      ['预算数', null, null, null, null, null, '决算数'],
      [
        '合计',
        '因公出国（境）费',
        '公务用车购置及运行维护费',
        null,
        null,
        '公务接待费',
        '合计',
        '因公出国（境）费',
        '公务用车购置及运行维护费',
        null,
        null,
        '公务接待费',
      ],
      [
        null,
        null,
        '小计',
        '公务用车购置费',
        '公务用车运行维护费',
        null,
        null,
        null,
        '小计',
        '公务用车购置费',
        '公务用车运行维护费',
        null,
      ],
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    ],
    [[10, 0, 6, 0, 6, 4, 8, 0, 5, 0, 5, 3]],
  );
  await wb.xlsx.writeFile(file);
}
