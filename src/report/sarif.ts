import { locationPlaceText } from '../model/place.js';
import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, FindingLocation, Severity } from '../model/finding.js';
import { displayPath, placeOf, rulesOf, textPlace, type FormatContext } from './common.js';
import { culpritCells, groupedOrder, isDiagnosis } from '../diagnosis/groups.js';
import { ITEMS, jsonPieces } from './json-pieces.js';
import type { CheckReport, RuleInfo } from '../model/results.js';

/**
 * `--format sarif`: SARIF 2.1.0, one run, rule metadata in tool.driver.rules.
 *
 * A workbook is a binary file: it has no lines. A result's physicalLocation names the artifact with
 * `region.startLine: 1`, because GitHub code scanning places alerts by line and its SARIF
 * validator (GH1003) requires startLine on every result; our own primaryLocationLineHash keeps
 * upload-sarif from hashing that line of a binary file. The cell is
 * a logicalLocation ("支出决算表!F9", also in the message text); the other cells of the identity are
 * relatedLocations. partialFingerprints.primaryLocationLineHash is our own stable identity (rule,
 * table, row key, column — not the address: rows move), so alerts survive edits of the workbook.
 */

const FILE_REGION = { startLine: 1 } as const;

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warn: 'warning', info: 'note' };
const MIME: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  txt: 'text/plain',
  md: 'text/markdown',
  html: 'text/html',
  htm: 'text/html',
};

function mimeOf(file: string): string | undefined {
  return MIME[file.split('.').pop()?.toLowerCase() ?? ''];
}

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
  index: number;
}

/** "t03.row-total" → "T03RowTotal": reportingDescriptor.name is an identifier, the title is the description. */
function pascalName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join('');
}

/** Relative paths stay relative to the source root (%SRCROOT%); others become file: URIs. */
function artifactUri(file: string, context: FormatContext): { uri: string; uriBaseId?: string } {
  const shown = displayPath(file, context.cwd);
  if (isAbsolute(shown) || /^[A-Za-z]:\//.test(shown)) return { uri: pathToFileURL(shown).href };
  return { uri: shown.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function logical(location: FindingLocation) {
  // a paragraph of the narrative (P10), named with its line or page when known (P10（第 19 行）)
  if (!location.cell && location.table === 'narrative' && location.rowKey)
    return [{ name: location.rowKey, fullyQualifiedName: textPlace(location) }];
  const published = locationPlaceText(location);
  // a PDF, Word or HTML report: the page, table and cell (or paragraph) by name
  if (published !== '') return [{ name: published, fullyQualifiedName: published, kind: 'element' }];
  if (!location.sheet) return undefined;
  // a cell is literally an XML element of the sheet part (<c r="F9">): SARIF's kind "element"
  if (location.cell) return [{ name: location.cell, fullyQualifiedName: placeOf(location), kind: 'element' }];
  return [{ name: location.sheet, fullyQualifiedName: location.sheet }];
}

/** A text file has lines: a finding in one is placed on its line; a workbook gets the file-level region. */
function sarifLocation(location: FindingLocation, artifact: ArtifactLocation) {
  const logicalLocations = logical(location);
  const region = location.line !== undefined ? { startLine: location.line } : FILE_REGION;
  return {
    physicalLocation: { artifactLocation: artifact, region },
    ...(logicalLocations ? { logicalLocations } : {}),
  };
}

function fingerprint(f: Finding): string {
  const l = f.location;
  const identity = l.rowKey
    ? [f.ruleId, f.messageId, l.table ?? '', l.rowKey, l.column ?? '']
    : [f.ruleId, f.messageId, l.table ?? '', l.sheet ?? '', l.cell ?? '', f.message];
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 32);
}

/**
 * For each diagnosis cell (a lead's data.cell), the rule ids of the findings it explains, by the
 * place of each: what relatedMessage says of a lead's related cells, looked up instead of a pass
 * over every finding for each related cell of each lead.
 */
type ExplainedByPlace = Map<string, Map<string, string[]>>;

function explainedByPlace(findings: readonly Finding[]): ExplainedByPlace {
  const out: ExplainedByPlace = new Map();
  for (const x of findings) {
    if (isDiagnosis(x) || x.data.culprit === undefined) continue;
    let places = out.get(x.data.culprit);
    if (!places) {
      places = new Map();
      out.set(x.data.culprit, places);
    }
    const place = placeOf(x.location);
    const ids = places.get(place);
    if (ids) ids.push(x.ruleId);
    else places.set(place, [x.ruleId]);
  }
  return out;
}

/**
 * What a related location is to the result, where the diagnosis says: a diagnosis' related cells are
 * the findings it explains; an explained finding's related cells include the culprit.
 */
function relatedMessage(f: Finding, r: FindingLocation, explained: ExplainedByPlace): string | undefined {
  if (isDiagnosis(f)) {
    const ids = f.data.cell === undefined ? undefined : explained.get(f.data.cell)?.get(placeOf(r));
    if (ids && ids.length > 0) return `可一并消除：${ids.join('、')}`;
    return culpritCells(f).some((c) => placeOf(c) === placeOf(r)) ? '最可能的出错单元格' : undefined;
  }
  const culprits = (f.data.culprit ?? '').split('、');
  return f.data.culpritValue !== undefined && culprits.includes(placeOf(r)) ? '最可能的出错单元格' : undefined;
}

function result(
  f: Finding,
  ruleIndex: Map<string, number>,
  artifactOf: (file: string) => ArtifactLocation,
  explained: ExplainedByPlace,
) {
  const related = f.related.map((r, i) => {
    const text = relatedMessage(f, r, explained);
    return { id: i + 1, ...sarifLocation(r, artifactOf(r.file)), ...(text ? { message: { text } } : {}) };
  });
  const properties: Record<string, unknown> = { messageId: f.messageId, data: f.data };
  for (const key of ['table', 'rowKey', 'column'] as const) if (f.location[key]) properties[key] = f.location[key];
  return {
    ruleId: f.ruleId,
    ruleIndex: ruleIndex.get(f.ruleId),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [sarifLocation(f.location, artifactOf(f.location.file))],
    ...(related.length > 0 ? { relatedLocations: related } : {}),
    partialFingerprints: { primaryLocationLineHash: fingerprint(f) },
    properties,
  };
}

function descriptor(rule: RuleInfo) {
  return {
    id: rule.id,
    name: pascalName(rule.id),
    shortDescription: { text: rule.title || rule.id },
    fullDescription: { text: rule.explain || rule.title || rule.id },
    ...(rule.explain ? { help: { text: rule.explain } } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
  };
}

/** The results of every file, made one at a time as they are written. */
function* results(report: CheckReport, ruleIndex: Map<string, number>, artifactOf: (file: string) => ArtifactLocation) {
  for (const file of report.files) {
    const explained = explainedByPlace(file.findings);
    for (const f of groupedOrder(file.findings)) yield result(f, ruleIndex, artifactOf, explained);
  }
}

/** The SARIF log, a result at a time (see jsonPieces). */
export function* sarifChunks(report: CheckReport, context: FormatContext): Generator<string> {
  const rules = rulesOf(report);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  // the checked files, then any other file a finding is in (the narrative beside a workbook)
  const artifacts: { location: { uri: string; uriBaseId?: string }; mimeType?: string }[] = [];
  const indexOf = new Map<string, number>();
  const artifactOf = (file: string): ArtifactLocation => {
    let index = indexOf.get(file);
    if (index === undefined) {
      index = artifacts.length;
      indexOf.set(file, index);
      const mimeType = mimeOf(file);
      artifacts.push({ location: artifactUri(file, context), ...(mimeType ? { mimeType } : {}) });
    }
    return { ...(artifacts[index] as (typeof artifacts)[number]).location, index };
  };
  for (const f of report.files) artifactOf(f.file);
  // artifacts are listed before the results: every file a result names, in the order results name them
  for (const file of report.files)
    for (const f of groupedOrder(file.findings)) {
      for (const r of f.related) artifactOf(r.file);
      artifactOf(f.location.file);
    }
  const notifications = report.files.flatMap((file) =>
    file.error
      ? [
          {
            level: 'error',
            message: { text: file.error.message },
            descriptor: { id: file.error.code },
            locations: [{ physicalLocation: { artifactLocation: artifactOf(file.file), region: FILE_REGION } }],
          },
        ]
      : [],
  );
  const log = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'juesuan',
            ...(context.toolVersion ? { version: context.toolVersion, semanticVersion: context.toolVersion } : {}),
            rules: rules.map(descriptor),
          },
        },
        artifacts,
        invocations: [
          {
            executionSuccessful: true,
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        results: ITEMS,
      },
    ],
  };
  yield* jsonPieces(log, 'results', results(report, ruleIndex, artifactOf));
  yield '\n';
}

export function formatSarif(report: CheckReport, context: FormatContext): string {
  return [...sarifChunks(report, context)].join('');
}
