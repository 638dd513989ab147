import type { CellPlace } from '../../../src/model/grid.js';
import type { WorkbookModel } from '../../../src/model/types.js';
import type { RuleCases } from '../rule-tester.js';
import { without } from '../../helpers/model-builder.js';
import { at, edit, seed } from './common.js';

export const cases: RuleCases[] = [
  {
    ruleId: 'cells.unreadable',
    valid: [
      { name: 'seed', model: seed },
      { name: 'dashes are blanks, not unreadable', model: edit(['03', 'F2010399', 'basic', '—']) },
    ],
    invalid: [
      {
        name: 'an error value',
        model: edit(['03', 'F2010350', 'basic', '#REF!']),
        findings: [
          {
            cell: at('03', 'F2010350', 'basic'),
            messageId: 'unreadable-cell',
            data: { raw: '#REF!', column: '基本支出' },
          },
        ],
      },
      {
        name: 'an amount too wide for its column, shown as ###: the column is too narrow',
        model: edit(['03', 'F2010350', 'basic', '###']),
        findings: [
          {
            cell: at('03', 'F2010350', 'basic'),
            messageId: 'column-too-narrow',
            data: { raw: '###', column: '基本支出' },
          },
        ],
      },
      {
        name: "two figures in a workbook cell: the workbook's own error",
        model: edit(['03', 'F2010350', 'basic', '392.38 5.79']),
        findings: [{ cell: at('03', 'F2010350', 'basic'), messageId: 'unreadable-cell' }],
      },
      {
        name: 'a word is not a zero; two cells, two findings in sheet order',
        model: edit(['01', 'L5', 'amount', '无'], ['01', 'L4', 'amount', '见说明']),
        findings: [{ cell: at('01', 'L4', 'amount') }, { cell: at('01', 'L5', 'amount') }],
      },
    ],
  },
  {
    ruleId: 'cells.merged-figures',
    valid: [
      { name: 'seed', model: seed },
      {
        name: "two figures in a workbook cell are the workbook's own: cells.unreadable, not this",
        model: edit(['03', 'F2010350', 'basic', '392.38 5.79']),
      },
    ],
    invalid: [
      {
        name: 'two figures in a cell of a PDF table (a column rule lost): a note at the cell',
        model: placed(edit(['03', 'F2010350', 'basic', '392.38 5.79']), '03', 'F2010350', 'basic', { page: 3 }),
        findings: [
          {
            cell: at('03', 'F2010350', 'basic'),
            messageId: 'merged-figures',
            data: { detail: '「392.38 5.79」', column: '基本支出' },
          },
        ],
      },
    ],
  },
  {
    ruleId: 'cells.misaligned',
    valid: [
      { name: 'seed', model: seed },
      {
        name: 'words in an amount cell of a ruled PDF table are its own: cells.unreadable, not this',
        model: placed(edit(['03', 'F2010350', 'basic', '事业运行']), '03', 'F2010350', 'basic', { page: 3 }),
      },
    ],
    invalid: [
      {
        name: 'words in an amount cell of a PDF table read by alignment (no rules): a note at the cell',
        model: placed(edit(['03', 'F2010350', 'basic', '三、国防支出']), '03', 'F2010350', 'basic', {
          page: 3,
          aligned: true,
        }),
        findings: [
          { cell: at('03', 'F2010350', 'basic'), messageId: 'misaligned-words', data: { column: '基本支出' } },
        ],
      },
    ],
  },
  {
    ruleId: 'cells.unplaced',
    alongside: ['t03.row-total', 'cells.unreadable'],
    valid: [{ name: 'seed', model: seed }],
    invalid: [
      {
        name: 'a single-space line whose 基本支出 and 项目支出 no sum tells apart: one note for the line, no rule run on them',
        model: unplaced(seed, '03', 'F2010350', ['basic', 'project']),
        findings: [
          {
            cell: at('03', 'F2010350', 'basic'),
            messageId: 'unplaced-cells',
            data: { count: '2', columns: '「基本支出」「项目支出」', column: '基本支出' },
          },
        ],
      },
      {
        name: 'two such lines: one note each',
        model: unplaced(unplaced(seed, '03', 'F2010350', ['project']), '05', 'F2010350', ['basic']),
        findings: [{ cell: at('05', 'F2010350', 'basic') }, { cell: at('03', 'F2010350', 'project') }],
      },
    ],
  },
  {
    ruleId: 'tables.clipped',
    alongside: ['t05.row-subtotal'],
    valid: [{ name: 'seed', model: seed }],
    invalid: [
      {
        name: 'the 05 cut by the page’s right edge (项目支出 not printed): said once, its rules not run',
        model: clipped(edit(['05', 'F2010350', 'project', '']), '05', [3, 4]),
        findings: [{ cell: null, messageId: 'clipped-table', data: { detail: '第 3 页、第 4 页' } }],
      },
      {
        name: 'the 05 a piece of a sheet printed side by side that no page took: said so, its rules not run',
        model: unjoined(clipped(edit(['05', 'F2010350', 'project', '']), '05', [3]), '05'),
        findings: [{ cell: null, messageId: 'unjoined-piece', data: { detail: '第 3 页' } }],
      },
    ],
  },
  {
    ruleId: 'text.clipped',
    valid: [
      { name: 'seed', model: seed },
      { name: 'a report’s paragraphs all printed', model: withText(seed, [{ page: 9 }, { page: 10 }]) },
    ],
    invalid: [
      {
        name: 'paragraphs whose last line the page’s right edge cut: said once, at the first page',
        model: withText(seed, [{ page: 9 }, { page: 9, clipped: true }, { page: 11, clipped: true }]),
        findings: [{ cell: null, messageId: 'clipped-text', data: { count: '2', detail: '第 9 页、第 11 页' } }],
      },
      {
        name: 'paragraphs cut at the print area, their rest on pages beside not read back: said so',
        model: withText(seed, [{ page: 9, clipped: true, piece: true }, { page: 9 }]),
        findings: [{ cell: null, messageId: 'unjoined-text', data: { count: '1', detail: '第 9 页' } }],
      },
    ],
  },
  {
    ruleId: 'tables.missing',
    valid: [{ name: 'seed: all nine', model: seed }],
    invalid: [
      {
        name: '07 and 08 not published',
        model: without(seed, '07', '08'),
        findings: [
          { cell: null, data: { kind: '07' } },
          { cell: null, data: { kind: '08' } },
        ],
      },
    ],
  },
  {
    ruleId: 'tables.duplicate',
    valid: [{ name: 'seed: each table once', model: seed }],
    invalid: [
      {
        name: 'a stale copy of 09 left in another sheet: found at the copy, naming both',
        model: withCopy(seed, '09', '三公 (旧)'),
        findings: [{ cell: '三公 (旧)!A1', data: { kind: '09', count: '2' } }],
      },
    ],
  },
  {
    ruleId: 'sheets.all-hidden',
    valid: [{ name: 'seed: every sheet visible', model: seed }],
    invalid: [
      {
        name: 'every sheet hidden',
        model: { ...seed, tables: seed.tables.map((t) => ({ ...t, hiddenSheet: true })) },
        findings: [{ cell: null, data: { count: String(new Set(seed.tables.map((t) => t.sheet)).size) } }],
      },
    ],
  },
  {
    ruleId: 'rules.not-applied',
    alongside: ['t01.income-total', 'x.t01-t02.income-total'],
    valid: [{ name: 'seed: every named row is there', model: seed }],
    invalid: [
      {
        name: '01 本年收入合计 renamed: both identities say they were not applied, once each',
        model: withoutRole(seed, '01', 'total', 'income'),
        findings: [
          { cell: null, data: { rule: 't01.income-total', missing: '收入支出决算总表「本年收入合计」行' } },
          { cell: null, data: { rule: 'x.t01-t02.income-total', missing: '收入支出决算总表「本年收入合计」行' } },
        ],
      },
    ],
  },
];

/** The model with a copy of one table in another sheet, after the original. */
function withCopy(model: WorkbookModel, kind: string, sheet: string): WorkbookModel {
  const original = model.tables.find((t) => t.kind === kind);
  if (!original) throw new Error(`no table ${kind}`);
  return { ...model, tables: [...model.tables, { ...original, sheet }] };
}

/** The model with one named row no longer recognised (its label changed beyond the catalog's). */
function withoutRole(model: WorkbookModel, kind: string, role: string, block: string): WorkbookModel {
  const label = '本年收入总额（自拟）';
  return {
    ...model,
    tables: model.tables.map((t) =>
      t.kind !== kind
        ? t
        : {
            ...t,
            rows: t.rows.map((r) => (r.role === role && r.block === block ? { ...r, role: undefined, label } : r)),
          },
    ),
  };
}

/** The model with one cell placed in a published document (a PDF page, a text line), as its reader places it. */
function placed(m: WorkbookModel, kind: string, rowKey: string, column: string, place: CellPlace): WorkbookModel {
  return {
    ...m,
    tables: m.tables.map((t) =>
      t.kind !== kind
        ? t
        : {
            ...t,
            rows: t.rows.map((r) => {
              const cell = r.cells[column];
              if (r.key.id !== rowKey || !cell) return r;
              return { ...r, cells: { ...r.cells, [column]: { ...cell, ref: { ...cell.ref, place } } } };
            }),
          },
    ),
  };
}

/** The model with cells of one row read from a single-space line that no sum placed. */
function unplaced(m: WorkbookModel, kind: string, rowKey: string, columns: string[]): WorkbookModel {
  return {
    ...m,
    tables: m.tables.map((t) =>
      t.kind !== kind
        ? t
        : {
            ...t,
            rows: t.rows.map((r) => {
              if (r.key.id !== rowKey) return r;
              const cells = { ...r.cells };
              for (const c of columns) {
                const cell = cells[c];
                if (cell)
                  cells[c] = { ...cell, raw: '', state: 'unreadable', value: null, reason: '单空格', unplaced: true };
              }
              return { ...r, cells };
            }),
          },
    ),
  };
}

/** The model with the table of `kind` cut by the page's right edge on `pages`. */
/** The model with a report's running text: one paragraph per entry, at its page. */
function withText(m: WorkbookModel, paragraphs: { page: number; clipped?: boolean; piece?: boolean }[]): WorkbookModel {
  const text = paragraphs.map((p, index) => ({ text: `第${index + 1}段正文。`, index, file: 'report.pdf', ...p }));
  return { ...m, text };
}

function clipped(m: WorkbookModel, kind: string, pages: number[]): WorkbookModel {
  return { ...m, tables: m.tables.map((t) => (t.kind === kind ? { ...t, clipped: pages } : t)) };
}

function unjoined(m: WorkbookModel, kind: string): WorkbookModel {
  return { ...m, tables: m.tables.map((t) => (t.kind === kind ? { ...t, unjoined: true } : t)) };
}
