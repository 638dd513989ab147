/**
 * Metamorphic test of the narrative checker: every narrative shape (fixtures/src/narrative-shapes.yaml),
 * consistent and wrong, rewritten as real documents write the same text — ASCII or full-width
 * punctuation and digits, spaces between a figure and its unit, thousands separators, a line broken
 * mid-sentence as a PDF page breaks it — gives exactly the findings of the text as written. The grammar
 * is written once for the normalised text; this keeps every new shape robust to the typography too.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRepoRoot } from '../../scripts/fixtures/build.js';
import {
  loadShapes,
  markers,
  type Shape,
  SHAPES_SOURCE_REL,
  stripMarkers,
} from '../../scripts/fixtures/narrative-shapes.js';
import { checkNarrative } from '../../src/narrative/check.js';
import { narrativeRules, paragraphsOfText } from './helpers.js';

const HALF: Record<string, string> = { '，': ',', '；': ';', '：': ':', '（': '(', '）': ')', '％': '%' };
const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '%': '％' };

/** A comma of a figure (1,234.56): left as it is by a change of punctuation width. */
const inFigure = (t: string, i: number) => /[0-9]/.test(t[i - 1] ?? '') && /^[0-9]{3}(?![0-9])/.test(t.slice(i + 1));

/** Full-width punctuation as ASCII, and ASCII as full-width (a figure's thousands comma kept). */
function swapPunctuation(text: string): string {
  return [...text].map((c, i) => HALF[c] ?? (c === ',' && inFigure(text, i) ? c : FULL[c]) ?? c).join('');
}

/** Digits and a figure's decimal point in full width ("２１５６．８２"). */
function fullWidthDigits(text: string): string {
  return text
    .replace(/(?<=[0-9])\.(?=[0-9])/g, '．')
    .replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}

/** A no-break space between a figure and its unit, a thin space after a percent sign. */
function unitSpaces(text: string): string {
  return text.replace(/([0-9])(?=万元|亿元|元|个百分点)/g, '$1\u00a0').replace(/%(?=[，。；])/g, '%\u2009');
}

/** Thousands separators in the amounts of four integer digits or more (3000.00 万元 → 3,000.00 万元). */
function thousands(text: string): string {
  return text.replace(/(?<![0-9.,])([0-9]{4,})(?=(?:\.[0-9]+)?(?:万元|亿元|元))/g, (int) =>
    int.replace(/\B(?=([0-9]{3})+$)/g, ','),
  );
}

/**
 * The longest paragraph broken as a PDF page breaks it: a few characters after its second clause comma
 * (the line before it then holds a clause mark), never inside a figure nor right after a sentence's end.
 */
function pageBreak(paragraphs: string[]): string[] {
  const longest = paragraphs.reduce((a, p, i) => (p.length > (paragraphs[a] ?? '').length ? i : a), 0);
  const text = paragraphs[longest] as string;
  const second = text.indexOf('，', text.indexOf('，') + 1);
  if (second < 0) return paragraphs;
  let at = second + 4;
  const figure = /[0-9.,%]/;
  while (at < text.length && (figure.test(text[at] ?? '') || /[。；：）”]/.test(text[at - 1] ?? ''))) at += 1;
  if (at >= text.length - 1) return paragraphs;
  return paragraphs.map((p, i) => (i === longest ? `${p.slice(0, at)}\n${p.slice(at)}` : p));
}

/**
 * All of them at once, each text once: each alone is a way real documents write the same text, so
 * together they are one too — and one check per text keeps the suite fast.
 */
function rewrite(paragraphs: string[]): string[] {
  return pageBreak(paragraphs.map((p) => fullWidthDigits(unitSpaces(thousands(swapPunctuation(p))))));
}

/** Findings of a text (its paragraphs one per line, as a .txt is read), as "rule P#" (whole-text rules aside). */
function findings(paragraphs: string[]): string[] {
  const text = paragraphs.join('\n');
  const narrative = {
    file: 'notes.txt',
    source: 'alone' as const,
    paragraphs: paragraphsOfText(text, 'notes.txt', false),
  };
  return checkNarrative({ narrative, rules: narrativeRules, strict: true })
    .findings.filter((f) => !WHOLE_TEXT.has(f.ruleId))
    .map((f) => `${f.ruleId} ${f.location.rowKey ?? ''}`)
    .sort();
}

/** As in shapes.test.ts: where a text was read and a text without figures are no shape's findings. */
const WHOLE_TEXT = new Set(['n.source', 'n.no-claims']);

const shapes: Shape[] = await loadShapes(path.join(findRepoRoot(), SHAPES_SOURCE_REL));

/**
 * The shapes a hundred at a time: one test over all of them outgrew its time limit on a busy machine, and a chunk
 * names where to look when it fails.
 */
const CHUNK = 100;
const chunks = Array.from({ length: Math.ceil(shapes.length / CHUNK) }, (_, i) =>
  shapes.slice(i * CHUNK, (i + 1) * CHUNK),
).map((chunk) => ({ name: `${chunk[0]?.id} … ${chunk[chunk.length - 1]?.id}`, chunk }));

describe('narrative shapes rewritten as real documents write them', () => {
  it('are all read', () => {
    expect(chunks.reduce((n, c) => n + c.chunk.length, 0)).toBe(shapes.length);
    expect(shapes.length).toBeGreaterThan(0);
  });
  it.each(chunks)(
    '$name give the findings their markers name (shapes.test.ts holds the texts as written to them)',
    ({ chunk }) => {
      const differing: string[] = [];
      for (const shape of chunk)
        for (const kind of ['ok', 'bad'] as const) {
          const expected = shape[kind].flatMap((p, i) => markers(p).map((rule) => `${rule} P${i + 1}`)).sort();
          const rewritten = rewrite(shape[kind].map(stripMarkers));
          const actual = findings(rewritten);
          if (actual.join('|') !== expected.join('|'))
            differing.push(
              `${shape.id}.${kind}: ${expected.join(', ') || '—'} → ${actual.join(', ') || '—'}\n  ${rewritten.join('\n  ')}`,
            );
        }
      expect(differing).toEqual([]);
    },
  );
});
