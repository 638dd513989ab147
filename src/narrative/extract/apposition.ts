import type { SubjectMention } from '../claims.js';

/** The department's flow totals: a bare "支出合计" names its spending, unless a bracket before it says whose. */
const FLOW_TOTALS: readonly string[] = ['expenditure-total', 'income-total'];

/** What may stand in the bracket before the name: nothing, or a word saying the name is the short form. */
const SHORT_FORM = /^(?:(?:以下)?简称)?$/u;

/** Whether `named` fills a bracket closing right before `at`, alone or after 简称. */
function fillsBracket(text: string, named: SubjectMention, at: number): boolean {
  if (text[at - 1] !== '）' || named.end !== at - 1) return false;
  const open = text.lastIndexOf('（', named.start);
  return open >= 0 && SHORT_FORM.test(text.slice(open + 1, named.start));
}

/**
 * "因公出国（境）经费、公务用车购置及运行费、公务接待费（“三公”经费）支出合计 A": a flow total's name right after a
 * bracket that holds one subject's name alone is that subject's total — the bracket names what the words before it
 * add up to, and "支出合计" is its spending. The two mentions become one, of the bracket's subject.
 */
export function bracketNamedTotals(text: string, mentions: readonly SubjectMention[]): SubjectMention[] {
  const out: SubjectMention[] = [];
  for (const m of mentions) {
    const named = out.at(-1);
    if (
      named !== undefined &&
      FLOW_TOTALS.includes(m.subject.id) &&
      !FLOW_TOTALS.includes(named.subject.id) &&
      fillsBracket(text, named, m.start)
    )
      out[out.length - 1] = { start: named.start, end: m.end, subject: named.subject };
    else out.push(m);
  }
  return out;
}
