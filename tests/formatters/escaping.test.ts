import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { formatGithub, escapeData, escapeProperty } from '../../src/report/github.js';
import { formatHtml } from '../../src/report/html.js';
import { formatJunit } from '../../src/report/junit.js';
import { escapeCell, formatMarkdown } from '../../src/report/markdown.js';
import { formatSarif } from '../../src/report/sarif.js';
import type { CheckReport } from '../../src/model/results.js';
import { addr, label, model, table } from './hostile-model.js';
import { byName, descendants, parseXml, textOf } from '../helpers/xml.js';

/** Text from a workbook or a rule file is data: every format must carry it inert. */
const NASTY = `<script>alert(1)</script> & "q" 'a' | 50% a,b:c ]]> \u0001bell\r\nline2`;
const FILE = 'dir/a|b<i>&.xlsx';
const m = model(
  [table('03', [{ code: '2010350', label, cells: { total: '1', basic: '2' } }], { sheet: 'S<&>"\'!', file: FILE })],
  FILE,
);
/** "sheet!C5" → "C5" */
const cellOf = (address: string) => address.slice(address.lastIndexOf('!') + 1);
const cell = cellOf(addr(m, '03', 'F2010350', 'total'));

const finding: Finding = {
  ruleId: 'x.rule',
  severity: 'warn',
  message: NASTY,
  messageId: 'not-equal',
  data: { expected: '<1>', actual: '&2' },
  location: { file: FILE, sheet: m.tables[0]?.sheet, cell, table: '03', rowKey: 'F2010350', column: 'total' },
  related: [{ file: FILE, sheet: m.tables[0]?.sheet, cell: cellOf(addr(m, '03', 'F2010350', 'basic')) }],
};
const report: CheckReport = {
  files: [
    { file: FILE, model: m, findings: [finding] },
    { file: 'bad<&>.xlsx', error: { code: 'x<y', message: NASTY }, findings: [] },
  ],
  failOn: 'warn',
  rules: [{ id: 'x.rule', title: `title ${NASTY}`, severity: 'warn', explain: `explain ${NASTY}` }],
};
const context = { cwd: '/work', color: false };

describe('escaping', () => {
  it('JUnit: well-formed XML that round-trips the text (control characters replaced)', () => {
    const root = parseXml(formatJunit(report, context));
    const failure = byName(root, 'failure')[0];
    expect(textOf(failure ?? root)).toContain(
      NASTY.replace('\u0001', '\uFFFD').replace('\r\n', '\n').replace('\r', ''),
    );
    expect(byName(root, 'testsuite').map((s) => s.attributes.name)).toEqual([FILE, 'bad<&>.xlsx']);
    expect(byName(root, 'testcase')[0]?.attributes.name).toBe(`x.rule title ${NASTY.replace('\u0001', '\uFFFD')}`);
  });

  it('HTML: well-formed, no element or attribute comes from the data', () => {
    const html = formatHtml(report, context);
    const root = parseXml(html);
    expect([...descendants(root)].filter((e) => e.name === 'script')).toHaveLength(1);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<i>');
    const marked = [...descendants(root)].find((e) => e.name === 'td' && e.attributes.class?.includes('hit'));
    expect(marked?.attributes.title).toContain(`S<&>"'!!${cell}`);
    expect(marked?.attributes.title).toContain('<script>alert(1)</script>');
    expect(textOf(root)).toContain(label);
  });

  it('SARIF: JSON carries the text as is; the file name becomes a URI', () => {
    const log = JSON.parse(formatSarif(report, context)) as {
      runs: { artifacts: { location: { uri: string } }[]; results: { message: { text: string } }[] }[];
    };
    expect(log.runs[0]?.results[0]?.message.text).toBe(NASTY);
    expect(log.runs[0]?.artifacts[0]?.location.uri).toBe('dir/a%7Cb%3Ci%3E%26.xlsx');
  });

  it('GitHub: %, CR and LF escaped in data; also : and , in properties', () => {
    expect(escapeData('50%\r\n')).toBe('50%25%0D%0A');
    expect(escapeProperty('a,b:c%\n')).toBe('a%2Cb%3Ac%25%0A');
    const lines = formatGithub(report, context).split('\n');
    expect(lines[0]).toMatch(/^::warning file=dir\/a\|b<i>&\.xlsx,title=x\.rule title .*::/);
    expect(lines[0]).toContain('50%25 a,b:c');
    expect(lines[0]).toContain('%0D%0Aline2');
    const title = /title=([^:]*)::/.exec(lines[0] ?? '')?.[1] ?? '';
    expect(title).not.toMatch(/[,:\r\n]/);
    expect(lines[1]).toMatch(/^::error file=bad<&>\.xlsx,title=juesuan：无法检查::/);
    expect(lines.filter((l) => l.startsWith('::'))).toHaveLength(2);
  });

  it('Markdown: pipes and markup escaped, one table row per finding', () => {
    expect(escapeCell('a|b <i> `c` *d* \\ e\nf')).toBe('a\\|b \\<i\\> \\`c\\` \\*d\\* \\\\ e<br>f');
    const md = formatMarkdown(report, context);
    const row = md.split('\n').find((l) => l.includes('x.rule') && l.startsWith('| '));
    expect(row).toBeDefined();
    // the row has exactly the table's cells: no unescaped pipe from the data
    expect((row ?? '').split(/(?<!\\)\|/).length - 2).toBe(5);
    expect(md).not.toContain('<script>');
  });
});

describe('HTML for a batch', () => {
  it('renders every table up to 10 files, only the tables with findings beyond', () => {
    const two = model(
      [
        table('03', [{ code: '2010350', label: 'a', cells: { total: '1' } }], { file: FILE }),
        table('02', [{ code: '2010350', label: 'b', cells: { total: '1' } }], { file: FILE }),
      ],
      FILE,
    );
    const sheet03 = two.tables[0]?.sheet;
    const result = {
      file: FILE,
      model: two,
      findings: [{ ...finding, location: { ...finding.location, sheet: sheet03 }, related: [] }],
    };
    const grids = (files: number) =>
      [
        ...descendants(
          parseXml(formatHtml({ files: Array.from({ length: files }, () => result), failOn: 'warn' }, context)),
        ),
      ].filter((e) => e.name === 'table' && e.attributes.class === 'grid').length;
    expect(grids(10)).toBe(20);
    expect(grids(11)).toBe(11);
  });
});
