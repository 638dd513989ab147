import { OUTLINE_MARK } from '../../util/outline.js';
import type { Claim } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import type { ParaClaims } from './across.js';
import { place, sentenceAt } from './para.js';

/** "第二部分": a part heading before the name it introduces. */
const PART = '第[一二三四五六七八九十]+部分：?';

/** The figures a year's budget or accounts are told of right after the year: "“三公”经费", "财政拨款", "一般公共预算". */
const FIGURES_OF = '[“"]?三公[”"]?经费|财政拨款|一般公共预算(?:财政拨款)?';

/**
 * "某局2023年部门预算", "第二部分某局2023年度部门决算表", "纳入某局2023年度部门决算编制范围的…", "某台2021年“三公”经费支出
 * 预算为…": the unit whose budget or accounts these are (纳入 is no part of the name).
 */
const BEFORE_YEAR = new RegExp(
  `(?:^(?:${PART}|${OUTLINE_MARK})?(?:纳入)?|(?<=：|纳入))(?!${PART})(?<name>[\\u4e00-\\u9fff（）]{4,40}?)(?=20[0-9]{2}年?度?(?:部门|单位)?(?:${FIGURES_OF})?(?:收入|支出|收支)?(?:预算|决算))`,
  'u',
);

/** "第一部分某局概况": the part heading that introduces the unit. */
export const OVERVIEW = new RegExp(`^(?<part>${PART})(?<name>[\\u4e00-\\u9fff（）]{4,40}?)概况`, 'u');

/** The characters an institution's name ends with (局, 中心, 分院, 法院, 委员会, 办公室, 镇政府…). */
export const INSTITUTION_CHARS = '局委办院所站心处队馆会部室厅校司社团园场台组府行署庭';

/** The characters a unit's name ends with: an institution's, or a place's (镇, 乡, 区, …, 村, 厂). */
export const NAME_END = new RegExp(`[${INSTITUTION_CHARS}镇乡区县市州旗村厂]$`, 'u');

/** The mark of a summed (or merged) report after the unit's name: "（汇总）", "（合并）". */
const SUMMED = /（(?:汇总级?|合并)）$/u;

export interface NameSlot {
  pc: ParaClaims;
  name: string;
  at: number;
  /** The part heading it stands in ("第一部分"), for an overview heading. */
  part?: string;
}

/** Where the unit's own name stands: before "2023年部门预算", in the part heading "第一部分 X概况". */
export function nameSlots(paras: ParaClaims[]): NameSlot[] {
  const out: NameSlot[] = [];
  for (const pc of paras) {
    const text = pc.p.n.text;
    const year = BEFORE_YEAR.exec(text);
    if (year?.groups?.name) {
      // "某区卫健局（汇总）2022 年部门决算": the mark of a summed report is no part of the name
      const name = year.groups.name.replace(SUMMED, '');
      out.push({ pc, name, at: year.index + year[0].length - year.groups.name.length });
    }
    const overview = OVERVIEW.exec(text);
    if (overview?.groups?.name && overview.groups.part)
      out.push({ pc, name: overview.groups.name, at: overview.groups.part.length, part: overview.groups.part });
  }
  return out;
}

/** `full` is `short` with one or two more characters that end a unit's name ("水文分" → 水文分局). */
function cutFrom(short: string, full: string): boolean {
  const lost = full.length - short.length;
  return lost >= 1 && lost <= 2 && full.startsWith(short) && NAME_END.test(full) && !NAME_END.test(short);
}

/**
 * n.unit-name-cut: where the unit's name stands — before "2023年部门预算" or in the part heading "第一部分 X概况" —
 * it is written with its last character(s) lost ("某县水务局水文分2024部门预算") while the same text writes the
 * whole name in such a place too ("第一部分某县水务局水文分局概况"). The short form ends in no character a name
 * ends with; in an overview heading, where a field of work may stand ("某区教育概况"), only when the same part's
 * heading is written elsewhere with the whole name (a table of contents and the body disagreeing).
 */
export function cutNameClaims(paras: ParaClaims[]): Claim[] {
  const slots = nameSlots(paras);
  const out: Claim[] = [];
  for (const slot of slots) {
    const full = slots.find((s) => cutFrom(slot.name, s.name) && (slot.part === undefined || s.part === slot.part));
    if (!full) continue;
    const n = slot.pc.p.n;
    const span = { start: slot.at, end: slot.at + slot.name.length };
    const written = sourceSlice(n, span.start, span.end);
    out.push({
      kind: 'residue',
      residueId: 'unit-name-cut',
      check: 'narrative.unit-name-cut',
      text: written,
      written,
      should: sourceSlice(full.pc.p.n, full.at, full.at + full.name.length),
      ...place(slot.pc.p, sentenceAt(slot.pc.p, span.start), span),
    });
  }
  return out;
}
