import type { CellPlace } from './grid.js';
import type { AmountCell, Table, TableRow, WorkbookModel } from './types.js';

/** The stable JSON shape of `juesuan inspect --format json` (documented in README). */
export interface CellJson {
  cell: string;
  raw: string;
  state: AmountCell['state'];
  value: string | null;
  decimals: number;
  reason?: string;
  formula?: true;
  hidden?: true;
  /** A published report: where the cell is (page, line, table, row, col). */
  place?: CellPlace;
}

function cellJson(c: AmountCell): CellJson {
  const json: CellJson = {
    cell: c.ref.cell,
    raw: c.raw,
    state: c.state,
    value: c.value === null ? null : c.value.toFixed(),
    decimals: c.decimals,
  };
  if (c.ref.place) json.place = c.ref.place;
  if (c.reason) json.reason = c.reason;
  if (c.fromFormula) json.formula = true;
  if (c.hidden) json.hidden = true;
  return json;
}

function rowJson(r: TableRow) {
  return {
    key: r.key,
    label: r.label,
    ...(r.role ? { role: r.role } : {}),
    block: r.block,
    sheetRow: r.sheetRow,
    hidden: r.hidden,
    cells: Object.fromEntries(Object.entries(r.cells).map(([id, c]) => [id, cellJson(c)])),
  };
}

function tableJson(t: Table) {
  return {
    kind: t.kind,
    name: t.name,
    title: t.title,
    ...(t.marker ? { marker: t.marker } : {}),
    sheet: t.sheet,
    range: t.range,
    hiddenSheet: t.hiddenSheet,
    unit: t.unit,
    unitSource: t.unitSource,
    empty: t.empty,
    columns: t.columns,
    ...(t.unmapped ? { unmapped: t.unmapped } : {}),
    rows: t.rows.map(rowJson),
    notes: t.notes,
  };
}

export function modelToJson(model: WorkbookModel) {
  return {
    file: model.file,
    department: model.department ?? null,
    year: model.year ?? null,
    unit: model.unit ?? null,
    template: model.template ?? null,
    tables: model.tables.map(tableJson),
    ignoredSheets: model.ignoredSheets,
    missingTables: model.missingTables,
    ...(model.unknownTables ? { unknownTables: model.unknownTables } : {}),
    unreadable: model.unreadable.map((c) => ({ sheet: c.ref.sheet, ...cellJson(c) })),
  };
}
