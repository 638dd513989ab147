import { placeText, publishedTable, tablePlace } from '../model/place.js';
import type { AmountCell, Table, WorkbookModel } from '../model/types.js';

function cellText(id: string, c: AmountCell): string {
  if (c.state === 'blank') return '';
  // a published report's cell by its place (第 5 页 · 表 3 第 12 行第 4 列), a worksheet's by its address
  const at = c.ref.place ? placeText(c.ref.place) : c.ref.cell;
  if (c.state === 'unreadable') return `${id}=⚠「${c.raw}」@${at}`;
  return `${id}=${c.value?.toFixed() ?? ''}@${at}`;
}

function tableText(t: Table): string[] {
  const lines = [
    `【${t.kind}】${t.name}　${publishedTable(t) ? `位置「${tablePlace(t)}」` : `工作表「${t.sheet}」`}${t.hiddenSheet ? '（隐藏）' : ''} ${publishedTable(t) ? '' : t.range}　单位：${t.unit}${t.unitSource === 'table' ? '' : '（推定）'}${t.empty ? '　（空表）' : ''}`,
    `  标题：${t.title}${t.marker ? `　${t.marker}` : ''}`,
    `  列：${t.columns.map((c) => `${c.block}.${c.id}=${c.col}`).join('  ')}`,
  ];
  if (t.unmapped)
    lines.push(
      `  未对应的列：${t.unmapped.join('、')}（填有金额，对应不上本表的标准列；要用到本表未列出的列的勾稽没有校验）`,
    );
  for (const r of t.rows) {
    const values = Object.entries(r.cells)
      .map(([id, c]) => cellText(id, c))
      .filter((s) => s !== '');
    const level = r.key.level ? `[${r.key.level}]` : '';
    const role = r.role ? `<${r.role}>` : '';
    lines.push(
      `  ${r.block} ${r.key.id}${level}${role} ${r.label}${r.hidden ? '（隐藏行）' : ''}  ${values.join('  ')}`.trimEnd(),
    );
  }
  for (const note of t.notes) lines.push(`  注记：${note}`);
  return lines;
}

/** Human-readable listing of what the reader recognised (juesuan inspect). */
export function inspectText(model: WorkbookModel): string {
  const lines = [
    `文件：${model.file}`,
    `部门：${model.department ?? '（未识别）'}　年度：${model.year ?? '（未识别）'}　单位：${model.unit ?? '（未识别）'}`,
    `识别出 ${model.tables.length} 张表${model.tables.length > 0 ? `：${model.tables.map((t) => t.kind).join(' ')}` : ''}`,
  ];
  if (model.template) {
    const how = { detected: '按表名和标志判断', option: '由 --template 指定', config: '由配置文件指定' }[
      model.template.how
    ];
    lines.push(`表套：${model.template.name}「${model.template.title}」（${how}）`);
    if (model.template.how === 'detected') lines.push(`  依据：${model.template.reason}`);
  }
  lines.push('');
  for (const t of model.tables) lines.push(...tableText(t), '');
  // a text without tables is a 情况说明, not a workbook lacking every table
  const textAlone = model.tables.length === 0 && (model.text?.length ?? 0) > 0;
  if (model.missingTables.length > 0 && !textAlone)
    lines.push(`本套要求而缺少的表：${model.missingTables.map((m) => `${m.kind} ${m.name}`).join('；')}`);
  if (textAlone)
    lines.push(
      `没有识别出决算表；全文 ${model.text?.length} 段。juesuan check 把它作为情况说明核对：单独检查时核对文字中的数字彼此是否一致，与工作簿一起检查（juesuan check 工作簿.xlsx --narrative ${model.file}）时还与决算表核对。`,
    );
  for (const u of model.unknownTables ?? [])
    lines.push(
      u.kind
        ? `未识别的表「${u.title}」（${u.place}）：表名是表目录中的「${u.kind}」，表头却对不上它的列，没有读取，也没有校验。`
        : `未识别的表「${u.title}」（${u.place}）：表目录中没有这种表，没有读取，也没有校验。`,
    );
  for (const s of model.ignoredSheets)
    lines.push(
      s.readAs === 'narrative'
        ? `工作表「${s.sheet}」${s.hidden ? '（隐藏）' : ''}：不是决算表，是情况说明；juesuan check 核对其中的陈述。`
        : `未使用的工作表「${s.sheet}」${s.hidden ? '（隐藏）' : ''}：${s.reason}`,
    );
  for (const c of model.unreadable)
    lines.push(`无法读取的单元格 ${c.ref.sheet}!${c.ref.cell}「${c.raw}」：${c.reason ?? ''}`);
  return `${lines.join('\n')}\n`;
}
