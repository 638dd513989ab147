import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { memoryIO } from '../../src/cli/io.js';
import { ROOT } from '../helpers/dist.js';

/**
 * A finding about the narrative is placed on the narrative file — with its paragraph and the line the
 * paragraph starts on — in every CI format, not on the workbook (P10 of the seed's .txt is line 19).
 */
const WORKBOOK = 'fixtures/seed-2024.xlsx';
const NARRATIVE = 'fixtures/seed-2024-narrative.txt';
const out: Record<string, string> = {};

beforeAll(async () => {
  for (const format of ['github', 'sarif', 'markdown', 'html', 'junit', 'json']) {
    const io = memoryIO({ cwd: ROOT });
    await run(['check', WORKBOOK, '--narrative', NARRATIVE, '--format', format], io);
    out[format] = io.stdout.join('');
  }
});

describe('narrative findings are placed on the narrative file, paragraph and line', () => {
  it('json: the finding carries the file, paragraph and line', () => {
    const findings = (JSON.parse(out.json as string) as { findings: { ruleId: string; location: object }[] }).findings;
    expect(findings.find((f) => f.ruleId === 'n.template-residue')?.location).toEqual({
      file: NARRATIVE,
      table: 'narrative',
      rowKey: 'P10',
      line: 19,
    });
  });

  it('github: the annotation is on the narrative file at its line', () => {
    expect(out.github).toContain(
      `::warning file=${NARRATIVE},line=19,title=n.template-residue 情况说明中留有模板文字::P10（第 19 行）：`,
    );
    expect(out.github).not.toMatch(/file=fixtures\/seed-2024\.xlsx,title=n\.template-residue/);
  });

  it('sarif: the result is in the narrative artifact, region at the line, the paragraph as logical location', () => {
    const run0 = (JSON.parse(out.sarif as string) as { runs: SarifRun[] }).runs[0] as SarifRun;
    const narrative = run0.artifacts.findIndex((a) => a.location.uri === NARRATIVE);
    expect(run0.artifacts[narrative]?.mimeType).toBe('text/plain');
    const result = run0.results.find((r) => r.ruleId === 'n.template-residue');
    expect(result?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: NARRATIVE, uriBaseId: '%SRCROOT%', index: narrative },
      region: { startLine: 19 },
    });
    expect(result?.locations[0]?.logicalLocations).toEqual([{ name: 'P10', fullyQualifiedName: 'P10（第 19 行）' }]);
  });

  it('markdown, html and junit name the file, the paragraph and the line, not 工作簿', () => {
    const place = `${NARRATIVE} P10（第 19 行）`;
    expect(out.markdown).toContain(`| ⚠️ 警告 | ${place} | n.template-residue |`);
    expect(out.html).toContain(`${place}</td>`);
    expect(out.junit).toContain(`[警告] ${place}：情况说明 P10 留有模板文字`);
  });
});

interface SarifRun {
  artifacts: { location: { uri: string }; mimeType?: string }[];
  results: {
    ruleId: string;
    locations: { physicalLocation: unknown; logicalLocations?: unknown }[];
  }[];
}
