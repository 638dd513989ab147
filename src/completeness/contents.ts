import type { Catalog } from '../catalog/types.js';
import type { ReportParagraph } from '../model/types.js';
import { matchTitle, simplifyText } from '../reader/titles.js';
import { normalise } from '../util/text.js';

/** A 目录 entry's page number, with the dot leader before it. */
const PAGE_NUMBER = /[\s.．…⋯·-]*\d+\s*$/;

/** A 目录 entry without its page number, dot leaders or a Word TOC field code. */
export function entryText(text: string): string {
  return text
    .replace(/PAGEREF\s*\S+(?:\s*\\?h)?(?:\s*\d+)?\s*$/i, '')
    .replace(PAGE_NUMBER, '')
    .trim();
}

/**
 * An entry broken over two lines before its page number (a 目录 printed in a narrow box: 3、一般
 * 公共预算财政拨款 / 支出决算表……4), as one paragraph: the first line has no page number and names
 * no table, the second ends in the page number, and the two together name a table the second alone
 * does not (支出决算表 alone is another). Undefined when they are not so.
 */
function brokenEntry(
  first: ReportParagraph,
  next: ReportParagraph | undefined,
  catalog: Catalog,
): ReportParagraph | undefined {
  if (!next || next.sheet !== first.sheet || PAGE_NUMBER.test(first.text) || !PAGE_NUMBER.test(next.text))
    return undefined;
  const named = (text: string) => matchTitle(entryText(text), catalog);
  const whole = named(first.text + next.text);
  if (!whole || named(first.text) || named(next.text) === whole) return undefined;
  return { ...first, text: first.text + next.text };
}

export interface Contents {
  /** The paragraph reading 目录. */
  heading: ReportParagraph;
  entries: ReportParagraph[];
  /** Table kinds the entries name, in order (first mention), with the entry naming each. */
  tables: { kind: string; entry: ReportParagraph }[];
}

const CONTENTS_HEADING = /^目录$|^目次$/;

/**
 * A normalised paragraph reading 目录 or 目次, in either script. The script is simplified a
 * character for a character, so a text longer than two characters (four UTF-16 units) is not
 * simplified at all: most paragraphs are sentences, and every paragraph of a report is asked.
 */
function isContentsHeading(text: string): boolean {
  return text.length <= 4 && CONTENTS_HEADING.test(simplifyText(text));
}

const MAX_ENTRIES = 150;

/**
 * The report's 目录: the paragraphs after a 目录 heading until the text starts over (an entry
 * repeated: the body's first heading), a sentence (the body), another sheet, or 150 paragraphs.
 */
export function findContents(text: readonly ReportParagraph[], catalog: Catalog): Contents | undefined {
  const at = text.findIndex((p) => isContentsHeading(normalise(p.text)));
  if (at < 0) return undefined;
  const heading = text[at] as ReportParagraph;
  const entries: ReportParagraph[] = [];
  const seen = new Set<string>();
  for (let i = at + 1; i < text.length && entries.length < MAX_ENTRIES; i += 1) {
    const broken = brokenEntry(text[i] as ReportParagraph, text[i + 1], catalog);
    if (broken) i += 1;
    const p = broken ?? (text[i] as ReportParagraph);
    if (p.sheet !== heading.sheet) break;
    const key = normalise(entryText(p.text));
    if (key === '') continue;
    if (seen.has(key) || key.length > 60 || /。$/.test(key)) break;
    seen.add(key);
    entries.push(p);
  }
  const tables: Contents['tables'] = [];
  for (const entry of entries) {
    const table = matchTitle(entryText(entry.text), catalog);
    if (table && !tables.some((t) => t.kind === table.kind)) tables.push({ kind: table.kind, entry });
  }
  return { heading, entries, tables };
}
