import type { CheckReport } from '../model/results.js';
import { countSeverities } from '../model/results.js';
import { ITEMS, jsonPieces } from './json-pieces.js';

/**
 * `--format json`: the documented finding type, flat, plus per-file facts. Stable: CI scripts
 * read it (README "check --format json"). Written a finding at a time (see jsonPieces).
 */
export function* jsonChunks(report: CheckReport): Generator<string> {
  const findings = report.files.flatMap((f) => f.findings);
  const files = report.files.map((f) => ({
    file: f.file,
    department: f.model?.department ?? null,
    year: f.model?.year ?? null,
    unit: f.model?.unit ?? null,
    tables: f.model?.tables.map((t) => t.kind) ?? [],
    ...(f.error ? { error: f.error } : {}),
    counts: countSeverities(f.findings),
    ...(f.accepted ? { accepted: f.accepted } : {}),
  }));
  const value = { version: 1, failOn: report.failOn, summary: countSeverities(findings), files, findings: ITEMS };
  yield* jsonPieces(value, 'findings', findings);
  yield '\n';
}

export function formatJson(report: CheckReport): string {
  return [...jsonChunks(report)].join('');
}
