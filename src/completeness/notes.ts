import type { Table } from '../model/types.js';
import { normalise } from '../util/text.js';

/** "本表无数据", "本表为空表": the note speaks of the table itself. */
const TABLE_IS_EMPTY = /本表无数据|本表为空|为空表|本表无(?:相关)?(?:收入|支出|数据|内容)/;
/** "本部门2024年度无政府性基金预算财政拨款收入支出": what follows 无/没有/未发生 is named. */
const NOTHING_OF = /(?:无|没有|未发生|未安排|不涉及)(.{4,40}?)(?:[。；;]|$)/;

function words(text: string): string {
  return normalise(text).replace(/^(?:注|说明)[:：]?\d*[.．、]?/, '');
}

/** The note says the table has no data (any wording: 本表无数据, 本部门…无…支出). */
export function saysNoData(note: string): boolean {
  const text = words(note);
  return TABLE_IS_EMPTY.test(text) || NOTHING_OF.test(text);
}

/** A table's name without the generic words its title shares with others. */
function subjectOf(table: Table): string {
  return normalise(table.name).replace(/^\d{4}年度?/, '');
}

/**
 * The note says *this* table has no data: 本表无数据, or "无" followed by the table's own subject
 * ("无政府性基金预算财政拨款收入支出" on 07, not on 04 whose other funds have data).
 */
export function saysThisTableEmpty(note: string, table: Table): boolean {
  const text = words(note);
  if (TABLE_IS_EMPTY.test(text)) return true;
  const nothing = NOTHING_OF.exec(text)?.[1];
  if (!nothing) return false;
  const subject = subjectOf(table);
  return subject.slice(0, 4) === nothing.slice(0, 4);
}

/**
 * The report's text explains the empty table instead (common in published reports: "本部门无政府性
 * 基金预算财政拨款收入支出，故《政府性基金预算财政拨款收入支出决算表》为空表"): a paragraph naming the
 * table and saying it is empty or that there was none.
 */
export function textExplainsEmpty(table: Table, text: readonly { text: string }[]): boolean {
  const name = subjectOf(table);
  const title = normalise(table.title).replace(/^.*?\d{4}年度?/, '');
  return text.some((p) => {
    const s = normalise(p.text);
    return (
      (s.includes(name) || (title.length >= 6 && s.includes(title))) &&
      (/空表|为空|无数据/.test(s) || saysThisTableEmpty(p.text, table))
    );
  });
}
