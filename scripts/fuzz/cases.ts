import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readZip, writeZip, type ZipPart } from './zip.js';

/**
 * Hostile inputs made from the fixtures, deterministically from a seed: mutations at the level of
 * the zip container, of an XML part, of a cell, of the workbook's structure, of a narrative, of a
 * YAML file and of an output path. Each case is a set of files and the juesuan arguments that use
 * them; the runner (main.ts, or the test slice) runs them and classifies the outcome.
 */
export interface FuzzCase {
  id: number;
  /** Which mutation made it: the table's rows. */
  kind: string;
  /** Files to write in the case's folder (name → bytes); all of them are inputs. */
  files: Record<string, Buffer>;
  /** Arguments after `juesuan`, relative to the case's folder. */
  args: string[];
}

export type Rng = () => number;

/** mulberry32: small, fast, good enough to pick mutations; the same seed gives the same campaign. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (r: Rng, n: number): number => Math.floor(r() * n);
const pick = <T>(r: Rng, items: readonly T[]): T => items[int(r, items.length)] as T;

export interface Corpus {
  workbooks: { name: string; parts: ZipPart[] }[];
  narrativeText: string;
  narrativeDocx: ZipPart[];
  config: string;
  rules: string;
  baseline: string;
}

export function loadCorpus(root: string): Corpus {
  const fixtures = join(root, 'fixtures');
  const names = [
    'seed-2024.xlsx',
    'seed-2024-full.xlsx',
    'prior-2023.xlsx',
    ...readdirSync(join(fixtures, 'variants'))
      .filter((f) => f.endsWith('.xlsx'))
      .map((f) => join('variants', f)),
  ];
  return {
    workbooks: names.map((name) => ({ name, parts: readZip(readFileSync(join(fixtures, name))) })),
    narrativeText: readFileSync(join(fixtures, 'seed-2024-narrative.txt'), 'utf8'),
    narrativeDocx: readZip(readFileSync(join(fixtures, 'seed-2024-narrative.docx'))),
    config: [
      'failOn: warn',
      'rules:',
      '  t06.public-total: warn',
      '  x.t09-t06.reception: off',
      'narrative:',
      '  rate100WhenOverBudget: accept',
      '',
    ].join('\n'),
    rules: [
      'rules:',
      '  - id: house.t03-basic',
      '    title: 基本支出合计',
      '    severity: warn',
      '    table: 支出决算表',
      '    assert: basic <= total',
      '    explain: 本单位自定的检查。',
      '',
    ].join('\n'),
    baseline: [
      'version: 1',
      'accepted:',
      '  - rule: t03.row-total',
      '    table: "03"',
      '    row: F2010350',
      '    column: total',
      '    reason: 经核实为填报口径差异',
      '',
    ].join('\n'),
  };
}

// ---------------------------------------------------------------------------------------------
// Texts that have broken parsers before

const HOSTILE_TEXTS = (r: Rng): string[] => [
  '1'.repeat(1000 + int(r, 20_000)),
  '1,'.repeat(500 + int(r, 5000)),
  `${'1 '.repeat(2000)}x`,
  '1e308',
  '-1e308',
  'NaN',
  'Infinity',
  '\u0000\u0001\u001b[31m\u202e',
  '#REF!',
  '=SUM(A1:A9)',
  '（1,234.56）',
  '2,156.82万元',
  '¥-0.00',
  '—',
  '٣٤٥',
  '𠀀'.repeat(100),
  '<![CDATA[x]]>&amp;&lt;',
  ' '.repeat(5000),
  `${'字'.repeat(32_000)}`,
  '2010350 事业运行'.repeat(50),
];

const XML_JUNK = [
  '<',
  '>',
  '&',
  '&#0;',
  '&#xFFFFFFF;',
  '&bogus;',
  '<!--',
  '<![CDATA[',
  '<?x',
  '</c>',
  '<c r="XFD1048576"><v>1</v></c>',
  '<row r="0">',
  '<row r="99999999999">',
  '<c r="A0"/>',
  '<c r="ZZZZ1"/>',
  '<mergeCell ref="A1:XFD1048576"/>',
  '<col min="0" max="99999999"/>',
  '"',
  "'",
  '\u0000',
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>',
];

function xmlParts(parts: ZipPart[]): ZipPart[] {
  return parts.filter((p) => p.name.endsWith('.xml') || p.name.endsWith('.rels'));
}

function replacePart(parts: ZipPart[], name: string, data: Buffer): ZipPart[] {
  return parts.map((p) => (p.name === name ? { name, data } : p));
}

function editText(parts: ZipPart[], name: string, edit: (text: string) => string): ZipPart[] {
  const part = parts.find((p) => p.name === name);
  return part ? replacePart(parts, name, Buffer.from(edit(part.data.toString('utf8')), 'utf8')) : parts;
}

const sheets = (parts: ZipPart[]) => parts.filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p.name));

// ---------------------------------------------------------------------------------------------
// Workbook mutations

type WorkbookMutation = (r: Rng, parts: ZipPart[]) => { parts?: ZipPart[]; bytes?: Buffer };

const ZIP_MUTATIONS: Record<string, WorkbookMutation> = {
  'zip.truncate': (r, parts) => {
    const bytes = writeZip(parts);
    return { bytes: bytes.subarray(0, int(r, bytes.length)) };
  },
  'zip.flip-bytes': (r, parts) => {
    const bytes = Buffer.from(writeZip(parts));
    for (let i = 0, n = 1 + int(r, 20); i < n; i++) bytes[int(r, bytes.length)] = int(r, 256);
    return { bytes };
  },
  'zip.drop-part': (r, parts) => ({ parts: parts.filter((_, i) => i !== int(r, parts.length)) }),
  'zip.duplicate-part': (r, parts) => {
    const part = pick(r, parts);
    return { parts: [...parts, { name: part.name, data: Buffer.from('<x/>') }] };
  },
  'zip.stored': (_, parts) => ({ bytes: writeZip(parts, { store: true }) }),
  'zip.junk-around': (r, parts) => {
    const junk = Buffer.from(Array.from({ length: int(r, 4096) }, () => int(r, 256)));
    return { bytes: r() < 0.5 ? Buffer.concat([junk, writeZip(parts)]) : Buffer.concat([writeZip(parts), junk]) };
  },
};

const XML_MUTATIONS: Record<string, WorkbookMutation> = {
  'xml.delete-range': (r, parts) => {
    const part = pick(r, xmlParts(parts));
    const text = part.data.toString('utf8');
    const at = int(r, text.length);
    return { parts: replacePart(parts, part.name, Buffer.from(text.slice(0, at) + text.slice(at + int(r, 200)))) };
  },
  'xml.insert-junk': (r, parts) => {
    const part = pick(r, xmlParts(parts));
    const text = part.data.toString('utf8');
    const at = int(r, text.length);
    return {
      parts: replacePart(parts, part.name, Buffer.from(text.slice(0, at) + pick(r, XML_JUNK) + text.slice(at))),
    };
  },
  'xml.duplicate-range': (r, parts) => {
    const part = pick(r, xmlParts(parts));
    const text = part.data.toString('utf8');
    const at = int(r, text.length);
    const piece = text.slice(at, at + int(r, 2000));
    return {
      parts: replacePart(
        parts,
        part.name,
        Buffer.from(text.slice(0, at) + piece.repeat(1 + int(r, 50)) + text.slice(at)),
      ),
    };
  },
  'xml.invalid-utf8': (r, parts) => {
    const part = pick(r, xmlParts(parts));
    const bytes = Buffer.from(part.data);
    for (let i = 0; i < 5; i++) bytes[int(r, bytes.length)] = 0x80 + int(r, 0x40);
    return { parts: replacePart(parts, part.name, bytes) };
  },
  'xml.whitespace-padding': (r, parts) => {
    const part = pick(r, sheets(parts));
    const pad = ' \n\t'.repeat(200_000 + int(r, 2_000_000));
    return { parts: editText(parts, part.name, (t) => t.replace('<sheetData>', `<sheetData>${pad}`)) };
  },
};

const CELL_MUTATIONS: Record<string, WorkbookMutation> = {
  'cell.hostile-inline-text': (r, parts) => {
    const part = pick(r, sheets(parts));
    const value = pick(r, HOSTILE_TEXTS(r)).replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'));
    let done = false;
    const index = int(r, 200);
    let seen = 0;
    return {
      parts: editText(parts, part.name, (t) =>
        t.replace(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>.*?<\/c>)/g, (whole, ref: string) => {
          if (done || seen++ < index) return whole;
          done = true;
          return `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
        }),
      ),
    };
  },
  'cell.odd-type': (r, parts) => {
    const part = pick(r, sheets(parts));
    const cell = pick(r, [
      '<v>1e308</v>',
      '<v>-1e999</v>',
      '<v>abc</v>',
      '<v></v>',
      '<f>SUM(A1:A2)</f>',
      '<f t="shared" si="0"/>',
    ]);
    const type = pick(r, ['', ' t="d"', ' t="b"', ' t="e"', ' t="s"', ' t="str"', ' t="x"', ' s="99999"']);
    let n = int(r, 150);
    return {
      parts: editText(parts, part.name, (t) =>
        t.replace(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>.*?<\/c>)/g, (whole, ref: string) =>
          n-- === 0 ? `<c r="${ref}"${type}>${cell}</c>` : whole,
        ),
      ),
    };
  },
  'cell.shared-string-index': (r, parts) => {
    const part = pick(r, sheets(parts));
    const index = pick(r, ['-1', '99999999', '1.5', 'x', '']);
    let n = int(r, 100);
    return {
      parts: editText(parts, part.name, (t) =>
        t.replace(/<c r="([A-Z]+\d+)"([^>]*?) t="s"><v>\d+<\/v><\/c>/g, (whole, ref: string, attrs: string) =>
          n-- === 0 ? `<c r="${ref}"${attrs} t="s"><v>${index}</v></c>` : whole,
        ),
      ),
    };
  },
  'cell.date-style': (r, parts) => {
    const styled = editText(parts, 'xl/styles.xml', (t) =>
      t.replace(/<cellXfs count="(\d+)">/, (_, n: string) => `<cellXfs count="${Number(n) + 1}"><xf numFmtId="14"/>`),
    );
    const part = pick(r, sheets(parts));
    return {
      parts: editText(styled, part.name, (t) => t.replace(/ s="\d+"/g, () => (r() < 0.3 ? ' s="0"' : ' s="1"'))),
    };
  },
};

const STRUCTURE_MUTATIONS: Record<string, WorkbookMutation> = {
  'structure.sheet-names': (r, parts) => {
    const name = pick(r, [
      '支出决算表'.repeat(8),
      '',
      '收入决算表',
      'a\u0000b',
      '\u001b[2J',
      '<&>"\'',
      '情况说明',
    ]).replace(/[<&"]/g, (c) => ({ '<': '&lt;', '&': '&amp;', '"': '&quot;' })[c] ?? c);
    let n = int(r, 9);
    return {
      parts: editText(parts, 'xl/workbook.xml', (t) =>
        t.replace(/name="[^"]*"/g, (w) => (n-- === 0 ? `name="${name}"` : w)),
      ),
    };
  },
  'structure.all-hidden': (_, parts) => ({
    parts: editText(parts, 'xl/workbook.xml', (t) => t.replace(/state="visible"/g, 'state="veryHidden"')),
  }),
  'structure.duplicate-sheet': (r, parts) => ({
    parts: editText(parts, 'xl/workbook.xml', (t) =>
      t.replace('</sheets>', `<sheet sheetId="99" name="副本" state="visible" r:id="rId${4 + int(r, 9)}"/></sheets>`),
    ),
  }),
  'structure.huge-ranges': (r, parts) => {
    const part = pick(r, sheets(parts));
    const extra = pick(r, [
      '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
      '<mergeCells count="1"><mergeCell ref="B1:B1048576"/></mergeCells>',
      '<mergeCells count="2"><mergeCell ref="A1:J19"/><mergeCell ref="A1:A1"/></mergeCells>',
    ]);
    const withCols =
      r() < 0.5
        ? (t: string) => t.replace('<sheetData>', '<cols><col min="0" max="99999999"/></cols><sheetData>')
        : (t: string) => t;
    return {
      parts: editText(parts, part.name, (t) =>
        withCols(t.replace(/<mergeCells.*?<\/mergeCells>/s, '').replace('</sheetData>', `</sheetData>${extra}`)),
      ),
    };
  },
  'structure.far-cell': (r, parts) => {
    const part = pick(r, sheets(parts));
    const ref = pick(r, ['XFD1048576', 'A1048576', 'XFD1', 'AAA500000']);
    const row = ref.replace(/^[A-Z]+/, '');
    return {
      parts: editText(parts, part.name, (t) =>
        t.replace('</sheetData>', `<row r="${row}"><c r="${ref}"><v>1</v></c></row></sheetData>`),
      ),
    };
  },
  // many rows that agree with themselves (total = basic): reading and evaluation must stay linear
  'structure.many-rows': (r, parts) => {
    const part = pick(r, sheets(parts));
    const count = 2000 + int(r, 8000);
    const rows: string[] = [];
    for (let i = 0; i < count; i++) {
      const n = 100 + i;
      rows.push(
        `<row r="${n}"><c r="A${n}" t="inlineStr"><is><t>${2010000 + i}</t></is></c><c r="E${n}"><v>${i}.5</v></c><c r="F${n}"><v>${i}.5</v></c></row>`,
      );
    }
    return { parts: editText(parts, part.name, (t) => t.replace('</sheetData>', `${rows.join('')}</sheetData>`)) };
  },
  // many rows that each break their row's identity: as many findings, in every output format
  'structure.many-findings': (r, parts) => {
    const part = pick(r, sheets(parts));
    const count = 500 + int(r, 2500);
    const rows: string[] = [];
    for (let i = 0; i < count; i++) {
      const n = 100 + i;
      rows.push(
        `<row r="${n}"><c r="A${n}" t="inlineStr"><is><t>${2010000 + i}</t></is></c><c r="E${n}"><v>${i}.5</v></c></row>`,
      );
    }
    return { parts: editText(parts, part.name, (t) => t.replace('</sheetData>', `${rows.join('')}</sheetData>`)) };
  },
  'structure.no-sheets': (_, parts) => ({
    parts: editText(parts, 'xl/workbook.xml', (t) => t.replace(/<sheets>.*<\/sheets>/s, '<sheets/>')),
  }),
};

// ---------------------------------------------------------------------------------------------
// Narratives, YAML, output paths

function mutateText(r: Rng, text: string): Buffer {
  switch (int(r, 7)) {
    case 0:
      return Buffer.from(text.slice(0, int(r, text.length)));
    case 1:
      return Buffer.from(text.replace(/\n/g, ''));
    case 2:
      return Buffer.from(
        '本年收入合计2156.82万元，占比100%，比上年增加14.96万元，增长0.7%，'.repeat(1000 + int(r, 8000)),
      );
    case 3: {
      const bytes = Buffer.from(text);
      for (let i = 0; i < 50; i++) bytes[int(r, bytes.length)] = int(r, 256);
      return bytes;
    }
    case 4:
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 5:
      return Buffer.from(text.replace(/。/g, () => pick(r, HOSTILE_TEXTS(r)).slice(0, 3000)));
    default:
      return Buffer.from(`${text}\n`.repeat(1 + int(r, 60)));
  }
}

function mutateYaml(r: Rng, text: string): string {
  switch (int(r, 9)) {
    case 0:
      return text.replace(/ {2}/, '\t');
    case 1:
      return text + text;
    case 2:
      return `${text}\n${Array.from({ length: int(r, 20_000) }, (_, i) => `k${i}: ${i}`).join('\n')}`;
    case 3:
      return 'a: &a ["x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c]\n';
    case 4:
      return text.slice(0, int(r, text.length));
    case 5:
      return text.replace(/: .*/, `: ${pick(r, HOSTILE_TEXTS(r)).slice(0, 5000)}`);
    case 6:
      return `${'- '.repeat(int(r, 5000))}x\n`;
    case 7:
      return `${'['.repeat(int(r, 5000))}\n`;
    default:
      return text.replace(/\n/g, () => (r() < 0.1 ? '\n\u0000' : '\n'));
  }
}

const OUTPUT_PATHS = ['out/report.sarif', 'missing/deeper/r.sarif', '.', 'input.xlsx/x.sarif', '', 'a\nb.sarif'];

// ---------------------------------------------------------------------------------------------

const FAMILIES = {
  zip: ZIP_MUTATIONS,
  xml: XML_MUTATIONS,
  cell: CELL_MUTATIONS,
  structure: STRUCTURE_MUTATIONS,
} as const;

/** The `index`-th case of a campaign seeded with `seed`. */
export function makeCase(corpus: Corpus, seed: number, index: number): FuzzCase {
  const r = rng(seed * 1_000_003 + index);
  const base = pick(r, corpus.workbooks);
  const family = pick(r, [
    'zip',
    'xml',
    'cell',
    'cell',
    'structure',
    'structure',
    'narrative',
    'yaml',
    'output',
  ] as const);
  const files: Record<string, Buffer> = {};
  const args = ['check', 'input.xlsx'];
  let kind: string = family;
  if (family in FAMILIES) {
    const table = FAMILIES[family as keyof typeof FAMILIES] as Record<string, WorkbookMutation>;
    kind = pick(r, Object.keys(table));
    const result = (table[kind] as WorkbookMutation)(r, base.parts);
    files['input.xlsx'] = result.bytes ?? writeZip(result.parts ?? base.parts);
    if (r() < 0.3) args.push('--format', pick(r, ['json', 'stylish', 'sarif', 'junit', 'html', 'markdown', 'github']));
    if (r() < 0.1) args.push('--annotate', 'annotated.xlsx');
    return { id: index, kind, files, args };
  }
  files['input.xlsx'] = writeZip(base.parts);
  if (family === 'narrative') {
    if (r() < 0.5) {
      kind = 'narrative.text';
      files['narrative.txt'] = mutateText(r, corpus.narrativeText);
      args.push('--narrative', 'narrative.txt');
    } else {
      kind = 'narrative.docx';
      const doc = xmlParts(corpus.narrativeDocx).find((p) => p.name === 'word/document.xml');
      const mutation = pick(r, Object.values(XML_MUTATIONS).slice(0, 4));
      const parts = doc && r() < 0.7 ? (mutation(r, [doc]).parts ?? [doc]) : [];
      const docx = corpus.narrativeDocx.map((p) => parts.find((q) => q.name === p.name) ?? p);
      files['narrative.docx'] =
        r() < 0.2 ? (ZIP_MUTATIONS['zip.flip-bytes']?.(r, docx).bytes ?? writeZip(docx)) : writeZip(docx);
      args.push('--narrative', 'narrative.docx');
    }
  } else if (family === 'yaml') {
    const which = pick(r, ['config', 'rules', 'baseline'] as const);
    kind = `yaml.${which}`;
    files[`${which}.yaml`] = Buffer.from(mutateYaml(r, corpus[which]));
    args.push(`--${which}`, `${which}.yaml`);
  } else {
    kind = 'output.path';
    const path = pick(r, OUTPUT_PATHS);
    args.push('-o', `${pick(r, ['sarif', 'junit', 'html', 'json'])}=${path}`);
  }
  return { id: index, kind, files, args };
}
