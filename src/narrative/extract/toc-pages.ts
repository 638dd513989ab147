import { WORDED_OUTLINE_MARK } from '../../util/outline.js';
import type { Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { sentenceAt } from './para.js';
import { residueAt } from './residue-at.js';
import { allMatches } from '../../util/matches.js';

/** "目录", "目 录", "目錄" alone on its line: a table of contents follows. */
const CONTENTS = /^目录$/u;
/** Where a contents entry's heading starts: its outline number, a part, an attachment. */
const ENTRY_START = `(?:${WORDED_OUTLINE_MARK}|附件|附表)`;
/**
 * A contents entry: a heading (figures in it only as a year or a number's part: "2022 年度", "附件 1"), then its page
 * ("一、部门概况 1", "第二部分 决算情况说明……3"); lines copied out of a PDF may run on into one, each entry still ending
 * in its page before the next one's number.
 */
const ENTRY = new RegExp(
  `(?<heading>(?:[^0-9，。；]|[0-9]+(?=年|号|〕|[^0-9，。；]*?[\\u4e00-\\u9fff）][.…·]*[0-9]))*?[\\u4e00-\\u9fff）])[.…·]*(?<page>[0-9]{1,3})(?=${ENTRY_START}|$)`,
  'gu',
);
/** As written, a page stands apart from its heading: after a space or a leader of dots ("附件1" is no page). */
const APART = /[\s.…·．]/u;
/** A line of running text ends the contents. */
const SENTENCE = /[。；]/u;
/** How many lines after 目录 are read for its entries. */
const CONTENTS_REACH = 80;

interface Entry {
  pc: ParaClaims;
  heading: string;
  page: number;
  at: number;
}

/** The entries of the table of contents after paras[from] (its 目录 line), in order. */
function entriesAfter(paras: ParaClaims[], from: number): Entry[] {
  const out: Entry[] = [];
  for (const pc of paras.slice(from + 1, from + 1 + CONTENTS_REACH)) {
    const { text, source, at } = pc.p.n;
    if (SENTENCE.test(text)) break;
    // the body begins where the first entry's heading comes again
    if (out[0] && text.startsWith(out[0].heading)) break;
    for (const m of allMatches(text, ENTRY)) {
      const { heading, page } = m.groups as { heading: string; page: string };
      const pageAt = m.index + m[0].length - page.length;
      if (!APART.test(source[(at[pageAt] ?? 0) - 1] ?? '')) continue;
      out.push({ pc, heading, page: Number(page), at: pageAt });
    }
  }
  return out;
}

/** How few entries make a table of contents whose pages are read. */
const MIN_ENTRIES = 4;

/**
 * n.toc-pages: the pages of a table of contents run forward; an entry on an earlier page than the one before it, while
 * the entry after it is again at or past that one ("（二）预算执行情况 7", "三、绩效评价工作情况 5", "（一）绩效评价目的 8"), is
 * a page number left from an earlier draft. A part paginated on its own (附件 from page 1 again) goes on from its own
 * first page, below the entry before it, and is not read.
 */
export function tocPageClaims(paras: ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  paras.forEach((pc, index) => {
    if (!CONTENTS.test(pc.p.n.text)) return;
    const entries = entriesAfter(paras, index);
    if (entries.length < MIN_ENTRIES) return;
    for (let i = 1; i + 1 < entries.length; i += 1) {
      const [before, entry, after] = [entries[i - 1], entries[i], entries[i + 1]] as [Entry, Entry, Entry];
      if (!(entry.page < before.page && after.page >= before.page)) continue;
      const { p } = entry.pc;
      const span = { start: entry.at, end: entry.at + String(entry.page).length };
      out.push(
        residueAt(p, span, sentenceAt(p, span.start), () => ({
          residueId: 'toc-pages',
          check: 'narrative.toc-pages',
          text: `${before.heading}（第 ${before.page} 页）、${after.heading}（第 ${after.page} 页）`,
          should: `第 ${before.page}–${after.page} 页`,
        })),
      );
    }
  });
  return out;
}
