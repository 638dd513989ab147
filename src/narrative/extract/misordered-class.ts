import type { Claim } from '../claims.js';
import type { Vocabulary } from '../vocabulary.js';
import type { ParaClaims } from './across.js';
import { sentenceAt } from './para.js';
import { residueAt } from './residue-at.js';
import { allMatches } from '../../util/matches.js';

/** A name ending in 支出 right before its figure, in what follows 功能分类 in the same sentence. */
const NAMED_FIGURE = /(?<=^|[：，、；\s])([\u4e00-\u9fff]{2,16}支出)(?=为?[0-9])/gu;

/** The characters of a name in a fixed order: two names with the same key are reorderings of each other. */
function letters(name: string): string {
  return [...name].sort().join('');
}

function classNames(vocabulary: Vocabulary): { known: Set<string>; classes: Map<string, string> } {
  const known = new Set(vocabulary.subjects.flatMap((s) => s.names));
  const classes = new Map<string, string>();
  for (const s of vocabulary.subjects)
    if (s.id.startsWith('class:'))
      for (const name of s.names) if (/^[\u4e00-\u9fff]+支出$/u.test(name)) classes.set(letters(name), s.label);
  return { known, classes };
}

/**
 * n.subject-name: "按支出功能分类科目：一般公共服务支出 A 万元，保障住房支出 B 万元" — a figure of the
 * 功能分类 named by a class's name with its parts swapped (住房保障支出). The name is no 科目 (neither a
 * subject the checker knows nor any class name, in force or former), and its characters are exactly those
 * of one class name: nothing else it could be.
 */
export function misorderedClassClaims(paras: ParaClaims[], vocabulary: Vocabulary): Claim[] {
  const out: Claim[] = [];
  // every name known, and the class names by their characters: worked out for a text that says 功能分类 only
  let names: { known: Set<string>; classes: Map<string, string> } | undefined;
  for (const { p } of paras) {
    const text = p.n.text;
    for (let at = text.indexOf('功能分类'); at >= 0; at = text.indexOf('功能分类', at + 4)) {
      names ??= classNames(vocabulary);
      const { known, classes } = names;
      const sentence = sentenceAt(p, at);
      const scope = text.slice(at, sentence.end);
      for (const m of allMatches(scope, NAMED_FIGURE)) {
        const name = m[1] as string;
        const current = classes.get(letters(name));
        if (current === undefined || known.has(name)) continue;
        const span = { start: at + m.index, end: at + m.index + name.length };
        out.push(
          residueAt(p, span, sentence, (written) => ({
            residueId: 'misordered-class',
            check: 'narrative.subject-name',
            text: `${written}（没有这一科目，类级科目为「${current}」）`,
            should: current,
          })),
        );
      }
    }
  }
  return out;
}
