import { placeFields, refText } from '../../model/place.js';
import type { FindingLocation } from '../../model/finding.js';
import type { AmountCell, Table, TableRow, WorkbookModel } from '../../model/types.js';
import { fromCell, scale, unitFactor, type Approx } from '../../money/interval.js';
import type { Unit } from '../../model/types.js';
import type { Link } from '../catalog/types.js';

/** A table cell a claim is compared with. */
export interface LinkedCell {
  table: Table;
  row: TableRow;
  column: string;
  cell: AmountCell;
}

function rowOf(table: Table, link: Link): TableRow | undefined {
  const inBlock = (r: TableRow) => link.block === undefined || r.block === link.block;
  const row = link.row;
  if ('role' in row) return table.rows.find((r) => inBlock(r) && r.role === row.role);
  if ('code' in row) return table.rows.find((r) => inBlock(r) && r.key.code === row.code);
  if ('total' in row) return table.rows.find((r) => inBlock(r) && r.key.total);
  return table.rows.find(inBlock);
}

/**
 * A cell a claim can be compared with: one read, and no blank the page's edge may have left (a PDF
 * of a table wider than its page does not print the figures past the edge: there, blank is unknown).
 */
export function comparable(cell: AmountCell): boolean {
  return cell.state === 'number' || (cell.state === 'blank' && cell.ref.place?.clipped !== true);
}

/** The cell a link names in the first table of its kind; undefined when the table, row or a comparable cell is absent. */
export function resolveLink(model: WorkbookModel | undefined, link: Link | undefined): LinkedCell | undefined {
  if (!model || !link) return undefined;
  const table = model.tables.find((t) => t.kind === link.table);
  const row = table ? rowOf(table, link) : undefined;
  const cell = row?.cells[link.column];
  if (!table || !row || !cell || !comparable(cell)) return undefined;
  return { table, row, column: link.column, cell };
}

/**
 * Whether the link names a cell its table has but could not read (unreadable, or a figure of a
 * single-space line no sum placed): what it holds is not known, neither equal nor different.
 */
export function unknownLink(model: WorkbookModel | undefined, link: Link): boolean {
  const table = model?.tables.find((t) => t.kind === link.table);
  const row = table ? rowOf(table, link) : undefined;
  return row?.cells[link.column]?.state === 'unreadable';
}

/** A form's cell by column id (the 预算执行情况 row of a 绩效自评表). */
export function formCell(table: Table, column: string): LinkedCell | undefined {
  const row = table.rows.find((r) => r.cells[column] !== undefined);
  const cell = row?.cells[column];
  if (!row || !cell || !comparable(cell)) return undefined;
  return { table, row, column, cell };
}

/** The cell's interval in the unit the text uses. */
export function cellIn(linked: LinkedCell, unit: Unit): Approx {
  const value = fromCell(linked.cell) as Approx;
  return scale(value, unitFactor(linked.table.unit, unit));
}

export function cellLocation(linked: LinkedCell): FindingLocation {
  const { ref } = linked.cell;
  return {
    file: ref.file,
    sheet: ref.sheet,
    cell: ref.cell,
    table: linked.table.kind,
    rowKey: linked.row.key.id,
    column: linked.column,
    ...placeFields(ref.place),
  };
}

/** "收入支出决算总表 收入支出决算总表!C33". */
export function cellName(linked: LinkedCell): string {
  return `${linked.table.name} ${refText(linked.cell.ref)}`;
}
