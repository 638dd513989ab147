import type { Finding, FindingLocation } from '../model/finding.js';
import { locationPlaceText } from '../model/place.js';
import { DIAGNOSIS_MESSAGE_IDS } from './messages.js';

/**
 * A cell as the diagnosis names it: "支出决算表!F9" in a workbook; in a report as published, where the
 * reader found it ("第 243 行第 6 列", "第 5 页 · 表 3 第 12 行第 4 列"), since its sheet is no sheet.
 */
export function cellName(location: FindingLocation): string {
  const published = locationPlaceText(location);
  if (published !== '') return published;
  return location.sheet && location.cell ? `${location.sheet}!${location.cell}` : (location.sheet ?? '');
}

/**
 * How the findings of a diagnosis go together, for every format and the baseline: a diagnosis leads the
 * findings it explains (theirs `data.culprit` equals its `data.cell`), which stay, listed under it.
 * The cells it names as the culprit (one, or the two of a pair; none when it cannot tell) are marked
 * apart from the cells the explained findings are about.
 */

export interface FindingGroup {
  /** The diagnosis, when the group has one. */
  lead?: Finding;
  /** The diagnosis' explained findings, or the one finding of a group without a diagnosis. */
  members: Finding[];
}

export function isDiagnosis(finding: Finding): boolean {
  return DIAGNOSIS_MESSAGE_IDS.includes(finding.messageId) && finding.data.cell !== undefined;
}

/** The cells a diagnosis names as the culprit: its location (and the pair's second cell); none when it cannot tell. */
export function culpritCells(finding: Finding): FindingLocation[] {
  if (finding.messageId === 'culprit') return [finding.location];
  if (finding.messageId === 'culprit-pair') return [finding.location, ...finding.related.slice(0, 1)];
  return [];
}

/** Is `finding` explained by `lead`? */
export function explainedBy(finding: Finding, lead: Finding): boolean {
  return !isDiagnosis(finding) && finding.data.culprit !== undefined && finding.data.culprit === lead.data.cell;
}

/**
 * The findings in groups, in their order: a diagnosis with the findings it explains (wherever they
 * stand in the list), every other finding alone. Linear: explained findings are looked up by the
 * culprit they name, not by a pass over every finding for each diagnosis.
 */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const leadCells = new Set<string>();
  const byCulprit = new Map<string, Finding[]>();
  for (const f of findings) {
    if (isDiagnosis(f)) leadCells.add(f.data.cell as string);
    else if (f.data.culprit !== undefined) {
      const list = byCulprit.get(f.data.culprit);
      if (list) list.push(f);
      else byCulprit.set(f.data.culprit, [f]);
    }
  }
  const taken = new Set<Finding>();
  const groups: FindingGroup[] = [];
  for (const f of findings) {
    if (taken.has(f)) continue;
    if (isDiagnosis(f)) {
      const members = (byCulprit.get(f.data.cell as string) ?? []).filter((m) => !taken.has(m));
      for (const m of members) taken.add(m);
      taken.add(f);
      groups.push({ lead: f, members });
      continue;
    }
    // an explained finding listed before its diagnosis waits for it
    if (f.data.culprit !== undefined && leadCells.has(f.data.culprit)) continue;
    taken.add(f);
    groups.push({ members: [f] });
  }
  return groups;
}

/** The findings with each diagnosis directly before the findings it explains. */
export function groupedOrder(findings: readonly Finding[]): Finding[] {
  return groupFindings(findings).flatMap((g) => (g.lead ? [g.lead, ...g.members] : g.members));
}

/** "sheet!cell" of every culprit cell of the findings. */
export function culpritKeys(findings: readonly Finding[]): Set<string> {
  const keys = new Set<string>();
  for (const f of findings)
    if (isDiagnosis(f)) for (const l of culpritCells(f)) if (l.sheet && l.cell) keys.add(`${l.sheet}!${l.cell}`);
  return keys;
}

/**
 * The 应为 figure a format shows: none for a finding that a culprit in another cell explains — its
 * total is probably right, and "应为 534.10" would invite copying the typo onward.
 */
export function shownExpected(finding: Finding): string | undefined {
  if (!isDiagnosis(finding) && finding.data.culpritValue !== undefined) {
    const culprits = (finding.data.culprit ?? '').split('、');
    if (!culprits.includes(cellName(finding.location))) return undefined;
  }
  return finding.data.expected;
}
