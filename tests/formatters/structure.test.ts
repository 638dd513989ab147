import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { byName, descendants, parseXml, textOf, type XmlElement } from '../helpers/xml.js';
import { workdir } from '../helpers/workdir.js';
import { brokenSeed, cli, FORMAT_LIST } from './seed-broken.js';

const dir = workdir();
let broken = '';
let findings: Finding[] = [];

beforeAll(async () => {
  broken = await brokenSeed(dir);
  findings = (JSON.parse((await cli(['check', broken, '--format', 'json'], dir)).out) as { findings: Finding[] })
    .findings;
  // the two broken identities, and the diagnosis naming the typed cell
  expect(findings.map((f) => `${f.ruleId} ${f.location.cell}`).sort()).toEqual([
    'diagnosis.culprit F9',
    't03.row-total E9',
    't03.total-leaves F8',
  ]);
});

async function output(format: string, files: string[] = [broken]): Promise<string> {
  return (await cli(['check', ...files, '--format', format], dir)).out;
}

interface SarifLog {
  version: string;
  $schema: string;
  runs: {
    tool: {
      driver: {
        name: string;
        rules: {
          id: string;
          name: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          defaultConfiguration: { level: string };
        }[];
      };
    };
    artifacts: { location: { uri: string } }[];
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: { artifactLocation: { uri: string; index: number }; region?: unknown };
        logicalLocations?: { fullyQualifiedName: string }[];
      }[];
      partialFingerprints: Record<string, string>;
    }[];
    invocations: {
      executionSuccessful: boolean;
      toolExecutionNotifications?: { level: string; message: { text: string } }[];
    }[];
  }[];
}

describe('SARIF 2.1.0', () => {
  it('validates structurally: version, runs, driver rules, results with locations', async () => {
    const log = JSON.parse(await output('sarif')) as SarifLog;
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
    expect(log.runs).toHaveLength(1);
    const [run] = log.runs;
    if (!run) throw new Error('no run');
    const rules = run.tool.driver.rules;
    expect(run.tool.driver.name).toBe('juesuan');
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const rule of rules) {
      expect(rule.name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
      expect(rule.shortDescription.text).not.toBe('');
      expect(rule.fullDescription.text).not.toBe('');
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
    }
    expect(run.results).toHaveLength(findings.length);
    for (const [i, result] of run.results.entries()) {
      const finding = findings[i] as Finding;
      expect(result.ruleId).toBe(finding.ruleId);
      expect(rules[result.ruleIndex]?.id).toBe(result.ruleId);
      expect(result.level).toBe(({ error: 'error', warn: 'warning', info: 'note' } as const)[finding.severity]);
      expect(result.message.text).toBe(finding.message);
      expect(result.locations).toHaveLength(1);
      const [location] = result.locations;
      expect(location?.physicalLocation.artifactLocation.uri).toBe('broken.xlsx');
      expect(run.artifacts[location?.physicalLocation.artifactLocation.index ?? -1]?.location.uri).toBe('broken.xlsx');
      // a workbook has no lines: the file-level region GitHub requires, the cell as a logical location
      expect(location?.physicalLocation.region).toEqual({ startLine: 1 });
      expect(location?.logicalLocations?.[0]?.fullyQualifiedName).toBe(`支出决算表!${finding.location.cell}`);
      expect(result.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(run.invocations[0]?.executionSuccessful).toBe(true);
  });

  it('keeps the fingerprint when the offending row moves; reports an unusable file as a notification', async () => {
    const log = JSON.parse(await output('sarif', [broken, 'missing.xlsx'])) as SarifLog;
    const [run] = log.runs;
    expect(run?.artifacts.map((a) => a.location.uri)).toEqual(['broken.xlsx', 'missing.xlsx']);
    expect(run?.invocations[0]?.toolExecutionNotifications?.[0]?.message.text).toContain('missing.xlsx');
    const first = (JSON.parse(await output('sarif')) as SarifLog).runs[0]?.results.map(
      (r) => r.partialFingerprints.primaryLocationLineHash,
    );
    expect(run?.results.map((r) => r.partialFingerprints.primaryLocationLineHash)).toEqual(first);
  });
});

describe('JUnit', () => {
  it('parses as XML: one testsuite per file, one testcase per rule, failures carry the findings', async () => {
    const root = parseXml(await output('junit', [broken, 'missing.xlsx']));
    expect(root.name).toBe('testsuites');
    const suites = byName(root, 'testsuite');
    expect(suites.map((s) => s.attributes.name)).toEqual(['broken.xlsx', 'missing.xlsx']);
    const [ok, missing] = suites as [XmlElement, XmlElement];
    const cases = byName(ok, 'testcase');
    const rules = JSON.parse((await cli(['rules', '--format', 'json'], dir)).out) as { id: string }[];
    // the workbook rules: baseline.stale is the rule of an accepted-findings file, not of a workbook
    expect(cases.map((c) => c.attributes.name?.split(' ')[0])).toEqual(
      rules.map((r) => r.id).filter((id) => id !== 'baseline.stale'),
    );
    expect(Number(ok.attributes.tests)).toBe(cases.length);
    const failed = cases.filter((c) => byName(c, 'failure').length > 0);
    expect(failed.map((c) => c.attributes.name?.split(' ')[0]).sort()).toEqual(['t03.row-total', 't03.total-leaves']);
    expect(Number(ok.attributes.failures)).toBe(2);
    for (const c of failed) expect(textOf(byName(c, 'failure')[0] as XmlElement)).toMatch(/支出决算表!(E9|F8)/);
    expect(byName(missing, 'error')[0]?.attributes.message).toContain('missing.xlsx');
    expect(Number(root.attributes.tests)).toBe(cases.length + 1);
    expect(Number(root.attributes.errors)).toBe(1);
  });

  it('findings below --fail-on pass, listed in system-out', async () => {
    const root = parseXml(
      (
        await cli(
          ['check', broken, '--format', 'junit', '--disable', 't03.total-leaves', '--config', configWarn()],
          dir,
        )
      ).out,
    );
    expect(byName(root, 'failure')).toHaveLength(0);
    expect(textOf(byName(root, 'system-out')[0] as XmlElement)).toContain('支出决算表!E9');
  });

  it('a rule that did not apply to the file is skipped with why, not passed', async () => {
    const root = parseXml(await output('junit'));
    const [suite] = byName(root, 'testsuite') as [XmlElement];
    const skippedWhy = (id: string) => {
      const testcase = byName(suite, 'testcase').find((c) => c.attributes.name?.split(' ')[0] === id);
      return byName(testcase as XmlElement, 'skipped')[0]?.attributes.message;
    };
    // the workbook has no narrative and no --previous was given
    expect(skippedWhy('n.share')).toBe('未检查：没有情况说明');
    expect(skippedWhy('p.rate')).toBe('未检查：没有绩效自评表');
    expect(skippedWhy('y.t01.opening-balance')).toBe('未检查：未给出上年工作簿（--previous）');
    expect(skippedWhy('y.narrative.change')).toBe('未检查：未给出上年工作簿（--previous）');
    // checked and passed: no <skipped/>
    expect(skippedWhy('t01.income-total')).toBeUndefined();
    const skipped = byName(suite, 'skipped').length;
    expect(skipped).toBeGreaterThan(10);
    expect(Number(suite.attributes.skipped)).toBe(skipped);
    expect(Number(root.attributes.skipped)).toBe(skipped);
  });

  it('an accepted-findings file is a testsuite of its own rule, not of the workbook rules', async () => {
    const accepted = join(dir, 'stale.yaml');
    writeFileSync(
      accepted,
      'version: 1\naccepted:\n  - rule: t01.income-total\n    table: "01"\n    row: L27\n    column: amount\n    reason: 已核实\n',
    );
    const root = parseXml((await cli(['check', broken, '--baseline', accepted, '--format', 'junit'], dir)).out);
    const suites = byName(root, 'testsuite');
    expect(suites.map((s) => s.attributes.name)).toEqual(['broken.xlsx', 'stale.yaml']);
    const cases = byName(suites[1] as XmlElement, 'testcase');
    expect(cases.map((c) => c.attributes.name?.split(' ')[0])).toEqual(['baseline.stale']);
    expect(textOf(byName(cases[0] as XmlElement, 'system-out')[0] as XmlElement)).toMatch(
      /^\[提示\] 第 3 行：审核说明第 3 行接受的问题（t01\.income-total，表 01，行 L27，栏 amount）已不再出现/,
    );
  });
});

function configWarn(): string {
  const path = join(dir, 'warn.yaml');
  writeFileSync(path, 'rules:\n  t03.row-total: warn\n');
  return path;
}

describe('HTML report', () => {
  let html = '';
  let root: XmlElement;
  beforeAll(async () => {
    html = await output('html');
    root = parseXml(html);
  });

  it('is one well-formed page with nothing from the network', () => {
    expect(root.name).toBe('html');
    const all = [...descendants(root)];
    expect(all.filter((e) => e.name === 'script' && e.attributes.src !== undefined)).toHaveLength(0);
    expect(all.filter((e) => e.name === 'link')).toHaveLength(0);
    expect(
      all.flatMap((e) => [e.attributes.href, e.attributes.src].filter((v) => v !== undefined && !v.startsWith('#'))),
    ).toEqual([]);
    const csp = all.find((e) => e.attributes['http-equiv'] === 'Content-Security-Policy')?.attributes.content ?? '';
    expect(csp).toMatch(/default-src 'none'/);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('renders every table of the model with cell addresses as titles', () => {
    const grids = [...descendants(root)].filter((e) => e.name === 'table' && e.attributes.class === 'grid');
    expect(grids).toHaveLength(9);
    const cells = [...descendants(root)].filter((e) => e.name === 'td' && e.attributes.id?.startsWith('c0-'));
    expect(cells.length).toBeGreaterThan(300);
    for (const cell of cells) expect(cell.attributes.title).toMatch(/^[^!\n]+![A-Z]+\d+/);
  });

  it('marks exactly the offending cells, their related cells, and links them to the findings', () => {
    const cells = [...descendants(root)].filter((e) => e.name === 'td' && e.attributes.id?.startsWith('c0-'));
    const address = (e: XmlElement) => (e.attributes.title ?? '').split('\n')[0];
    const hits = cells.filter((c) => c.attributes.class?.split(' ').includes('hit'));
    expect(hits.map(address).sort()).toEqual(['支出决算表!E9', '支出决算表!F8', '支出决算表!F9']);
    for (const hit of hits.filter((h) => address(h) !== '支出决算表!F9')) {
      expect(hit.attributes.class).toContain('error');
      expect(hit.attributes.title).toMatch(/\[错误\] t03\./);
    }
    // the typed cell is marked as the culprit, apart from the totals the identities are stated for
    const culprits = cells.filter((c) => c.attributes.class?.split(' ').includes('culprit'));
    expect(culprits.map(address)).toEqual(['支出决算表!F9']);
    expect(culprits[0]?.attributes.title?.split('\n')[1]).toBe('最可能的出错单元格');
    const related = new Set(findings.flatMap((f) => f.related.map((r) => `${r.sheet}!${r.cell}`)));
    for (const hit of ['支出决算表!E9', '支出决算表!F8', '支出决算表!F9']) related.delete(hit);
    const rel = cells.filter((c) => c.attributes.class?.split(' ').includes('rel'));
    expect(new Set(rel.map(address))).toEqual(related);
    const rows = [...descendants(root)].filter(
      (e) => e.name === 'tr' && e.attributes.class?.split(' ').includes('finding'),
    );
    // the diagnosis leads, the findings it explains follow
    expect(rows.map((r) => r.attributes.class)).toEqual(['finding lead', 'finding explained', 'finding explained']);
    for (const row of rows) {
      const ids = (row.attributes['data-cells'] ?? '').split(' ');
      const marked = cells.find((c) => c.attributes.id === ids[0]);
      expect(marked?.attributes['data-f']?.split(' ')).toContain(row.attributes.id);
    }
  });

  it('marks the cells of a report as published too: by the cell of its grid, not by its printed place', async () => {
    // 2010102's 本年支出合计 is 20.00, its parts add up to 19.00
    const text = [
      '2025年度支出决算表',
      '单位：万元',
      '科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出',
      '合计\t\t20.00\t\t19.00',
      '2010102\t一般行政管理事务\t20.00\t\t19.00',
    ];
    writeFileSync(join(dir, 'published.txt'), `${text.join('\n')}\n`);
    const args = ['check', 'published.txt', '--disable', 'tables.missing', '--format'];
    const located = (JSON.parse((await cli([...args, 'json'], dir)).out) as { findings: Finding[] }).findings
      .filter((f) => f.location.sheet && f.location.cell)
      .map((f) => `${f.location.sheet}!${f.location.cell}`);
    expect(located.length).toBeGreaterThan(0);
    const page = parseXml((await cli([...args, 'html'], dir)).out);
    const hits = [...descendants(page)].filter(
      (e) => e.name === 'td' && e.attributes.class?.split(' ').includes('hit'),
    );
    expect(hits.map((c) => (c.attributes.title ?? '').split('\n')[0]).sort()).toEqual([...new Set(located)].sort());
  });
});

describe('every format', () => {
  it.each(FORMAT_LIST)('%s: reports an unusable file beside a checked one', async (format) => {
    const text = await output(format, [broken, 'missing.xlsx']);
    expect(text).toContain('missing.xlsx');
    expect(text).toContain('t03.row-total');
  });
});
