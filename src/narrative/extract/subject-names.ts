import type { Claim } from '../claims.js';
import { place, sentenceAt } from './para.js';
import type { ParaState } from './state.js';

/** The name written after a 7-digit 项 code: CJK up to the level mark, a figure or a clause mark. */
const NAME_AFTER = /^[\u4e00-\u9fff（）]{2,40}?(?=（项）|支出决算|决算数|年初预算|为|[0-9，。；：、]|$)/u;

/**
 * n.subject-name (with the tables): "2080505 机关事业单位养老保险缴费支出" — the code is the table's
 * 项 but the name written after it is not that row's name (an outdated or mistyped 科目名称). A code
 * followed by its own name is read as one subject name, so only a code read alone is looked at.
 */
export function subjectNameClaims(s: ParaState): Claim[] {
  const { p } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  for (const m of p.subjects) {
    if (!m.subject.id.startsWith('item:') || !/^[0-9]{7}$/.test(text.slice(m.start, m.end))) continue;
    const written = NAME_AFTER.exec(text.slice(m.end))?.[0];
    if (!written) continue;
    const label = m.subject.names.find((n) => !/^[0-9]/.test(n)) ?? m.subject.label;
    if (written.startsWith(label) || label.startsWith(written)) continue;
    const span = { start: m.start, end: m.end + written.length };
    out.push({
      kind: 'residue',
      residueId: 'item-name',
      check: 'narrative.subject-name',
      text: `${text.slice(m.start, m.end)} ${written}（表中为「${m.subject.label}」）`,
      written: `${text.slice(m.start, m.end)} ${written}`,
      should: `${text.slice(m.start, m.end)} ${m.subject.label}`,
      ...place(p, sentenceAt(p, m.start), span),
    });
  }
  return out;
}
