import type { Severity } from '../model/finding.js';
import {
  displayPath,
  placeOf,
  rulesOf,
  ruleLabel,
  SEVERITY_ZH,
  textPlace,
  whereOf,
  type FormatContext,
} from './common.js';
import { groupedOrder } from '../diagnosis/groups.js';
import { countSeverities, type CheckReport } from '../model/results.js';

/**
 * `--format github`: GitHub Actions workflow commands, one annotation per finding
 * (`::error file=…,title=…::message`). A workbook has no lines, so annotations carry the file
 * only; the cell leads the message. GitHub shows at most 10 annotations of each level per step:
 * for the full list write `-o markdown=$GITHUB_STEP_SUMMARY` as well.
 */

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warn: 'warning', info: 'notice' };

/** Message data: %, CR and LF would end or corrupt the command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values: also ':' and ',', which separate properties and the message. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(kind: string, properties: Record<string, string>, message: string): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  return `::${kind} ${props}::${escapeData(message)}`;
}

export function formatGithub(report: CheckReport, context: FormatContext): string {
  const rules = new Map(rulesOf(report).map((r) => [r.id, r]));
  const lines: string[] = [];
  for (const file of report.files) {
    const path = displayPath(file.file, context.cwd);
    if (file.error) lines.push(command('error', { file: path, title: 'juesuan：无法检查' }, file.error.message));
    // a diagnosis before the findings it explains
    for (const f of groupedOrder(file.findings)) {
      // a finding in the narrative file is annotated on that file, at its line when known
      const own = f.location.file !== file.file;
      const properties: Record<string, string> = { file: own ? displayPath(f.location.file, context.cwd) : path };
      if (f.location.line !== undefined) properties.line = String(f.location.line);
      properties.title = ruleLabel(rules.get(f.ruleId), f.ruleId);
      const place = own ? textPlace(f.location) || placeOf(f.location) : whereOf(f.location, file.file, context.cwd);
      lines.push(command(COMMAND[f.severity], properties, place ? `${place}：${f.message}` : f.message));
    }
  }
  const counts = countSeverities(report.files.flatMap((f) => f.findings));
  const unusable = report.files.filter((f) => f.error).length;
  lines.push(
    `juesuan：${report.files.length} 个文件${unusable ? `（${unusable} 个无法检查）` : ''}，` +
      `${counts.error} 个${SEVERITY_ZH.error}，${counts.warn} 个${SEVERITY_ZH.warn}，${counts.info} 个${SEVERITY_ZH.info}`,
  );
  return `${lines.join('\n')}\n`;
}
