import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinData } from '../scripts/builtin-data.js';
import { precompiled } from '../src/util/precompiled.js';
import { BIN, ensureDist } from './helpers/dist.js';
import { FIXTURES } from './helpers/fixtures.js';
import { workdir } from './helpers/workdir.js';

// The build writes dist/builtin-data.json; a run uses each entry only while its hashes match the
// YAML. What is there must be exactly what parsing the current YAML gives — and the comparison must
// have compared something: a stale or missing file would otherwise pass by skipping everything.
describe('precompiled built-in data', () => {
  it('holds exactly what parsing the current YAML gives, where its hashes match; at least the catalog does', () => {
    const data = precompiled();
    expect(data, 'dist/builtin-data.json is missing: run npm run build').not.toBeNull();
    const fresh = JSON.parse(JSON.stringify(builtinData())) as ReturnType<typeof builtinData>;
    const compared: string[] = [];
    if (data?.catalog.sha1 === fresh.catalog.sha1) {
      expect(data.catalog).toEqual(fresh.catalog);
      compared.push(fresh.catalog.path);
    }
    for (const entry of fresh.rules) {
      const pre = data?.rules.find((r) => r.path === entry.path);
      if (!pre || pre.sha1 !== entry.sha1 || pre.catalogSha1 !== entry.catalogSha1) continue;
      expect(pre, entry.path).toEqual(entry);
      compared.push(entry.path);
    }
    const claims = data?.claims;
    if (
      claims &&
      fresh.claims &&
      claims.sha1 === fresh.claims.sha1 &&
      claims.traditional.sha1 === fresh.claims.traditional.sha1
    ) {
      expect(claims).toEqual(fresh.claims);
      compared.push(fresh.claims.path);
    }
    const templates = data?.templates;
    if (
      templates &&
      fresh.templates &&
      templates.sha1 === fresh.templates.sha1 &&
      templates.catalogSha1 === fresh.templates.catalogSha1
    ) {
      expect(templates).toEqual(fresh.templates);
      compared.push(fresh.templates.path);
    }
    expect(compared.length, 'nothing compared: dist/builtin-data.json is stale, run npm run build').toBeGreaterThan(0);
    expect(compared).toContain('rules/catalog/tables.yaml');
  });
});

describe('a run with the built-in data only', () => {
  beforeAll(() => ensureDist(), 120_000);

  it('never loads the yaml package: tables, narrative and 绩效自评表 all come from the precompiled data', () => {
    const dir = workdir();
    copyFileSync(join(FIXTURES, 'seed-2024-full.xlsx'), join(dir, 'full.xlsx'));
    const run = spawnSync(
      process.execPath,
      ['-r', join(import.meta.dirname, 'helpers', 'forbid-yaml.cjs'), BIN, 'check', 'full.xlsx', '--format', 'json'],
      { cwd: dir, encoding: 'utf8', timeout: 30_000 },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const ids = (JSON.parse(run.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);
    expect(ids).toContain('n.rate-capped-100');
  });

  it('never loads it for a workbook titled in traditional characters either (template sets, traditional.yaml)', () => {
    const dir = workdir();
    copyFileSync(join(FIXTURES, 'sets', 'hubei-traditional.xlsx'), join(dir, 'trad.xlsx'));
    const run = spawnSync(
      process.execPath,
      ['-r', join(import.meta.dirname, 'helpers', 'forbid-yaml.cjs'), BIN, 'inspect', 'trad.xlsx', '--format', 'json'],
      { cwd: dir, encoding: 'utf8', timeout: 30_000 },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const model = JSON.parse(run.stdout) as { template: { name: string }; tables: unknown[] };
    expect(model.template.name).toBe('hubei');
    expect(model.tables).toHaveLength(9);
  });
});
