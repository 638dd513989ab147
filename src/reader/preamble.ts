import type { Unit } from '../model/types.js';
import { DEPARTMENT_LABEL } from '../util/department-label.js';
import { normalise, squeeze } from '../util/text.js';

/** Lines above a table's header that describe it rather than head its columns. */
const PREAMBLE =
  /^(?:(?:金额)?单位[:：]|填报日期|公开\d{1,2}表$|表\d{1,2}(?:-\d{1,2})?$|表[一二三四五六七八九十]{1,3}$|[\d\-－]+表$|财决\d{1,2}(?:-\d{1,2})?表$)/;

export function isPreambleText(text: string): boolean {
  const s = normalise(text);
  return PREAMBLE.test(s) || DEPARTMENT_LABEL.test(s);
}

const UNIT = /单位[:：]?(万元|元)/;
const HEADER_UNIT = /[(（](万元|元)[)）]/;

/** The unit a text declares ("单位：万元", "金额单位:元", a header "决算数（万元）"), if any. */
export function unitIn(text: string): Unit | undefined {
  const s = squeeze(text);
  const found = UNIT.exec(s) ?? HEADER_UNIT.exec(s);
  return found ? (found[1] as Unit) : undefined;
}

const DEPARTMENT =
  /(?:部门|单位名称|编制单位|填报单位|预算单位|部门名称|编制部门|填报部门|预算部门|[(（](?:单位|部门)[)）]名称)[:：]\s*(.+)$/;

/** The department a preamble text names ("部门：武汉…大数据中心"), without a trailing 单位 clause. */
export function departmentIn(text: string): string | undefined {
  const found = DEPARTMENT.exec(text.trim());
  if (!found?.[1]) return undefined;
  const name = found[1].replace(/\s*(?:金额)?单位[:：].*$/, '').trim();
  return name === '' ? undefined : name;
}

/** The report year a title names ("2024年度收入支出决算总表", "2024 年度"). */
export function yearIn(text: string): number | undefined {
  const found = /((?:19|20)\d{2})\s*年/.exec(text);
  return found?.[1] ? Number(found[1]) : undefined;
}

/** "公开01表", "公开 01 表", "表1", "表1-1", "表七", "财决01表", "(财决01表)". */
export function markerIn(text: string): string | undefined {
  const s = squeeze(text).replace(/^[(（](.*)[)）]$/, '$1');
  const found =
    /^(公开\d{1,2}表|表\d{1,2}(?:-\d{1,2})?|表[一二三四五六七八九十]{1,3}|[\d]{1,2}-[\d]{1,2}表|财决\d{1,2}(?:-\d{1,2})?表)$/.exec(
      s,
    );
  return found?.[1];
}

/**
 * The marker an official export puts in its sheet names ("Z01 收入支出决算总表(财决01表)",
 * "C07 一般公共预算财政拨款基本支出决算表"): the code in front, and a (财决NN表) at the end.
 */
export function sheetMarkerIn(sheet: string): string | undefined {
  const s = squeeze(sheet);
  const caijue = /[(（](财决\d{1,2}(?:-\d{1,2})?表)[)）]$/.exec(s);
  if (caijue?.[1]) return caijue[1];
  const code = /^([A-Z]\d{2})(?=[^\dA-Za-z])/.exec(s);
  return code?.[1];
}

/**
 * A title with its set's numbering in front or behind ("表1-1 收入决算表", "表4-2：…",
 * "一、收入支出决算总表"): the numbering as a marker, when there is one.
 */
export function titleNumberIn(title: string): string | undefined {
  const s = squeeze(title);
  const found =
    /^(表\d{1,2}(?:-\d{1,2})?)(?=[:：、.．\u4e00-\u9fff])/.exec(s) ?? /[(（](表\d{1,2}(?:-\d{1,2})?)[)）]$/.exec(s);
  return found?.[1];
}
