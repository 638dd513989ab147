import { relative } from 'node:path';
import { InputError } from '../errors/input-error.js';
import type { Severity } from '../model/finding.js';
import { SEVERITY_ZH } from '../report/common.js';
import { packageRoot } from '../util/package-root.js';
import { chooseFormat } from './format-option.js';
import type { CliIO } from './io.js';
import { createChecker } from '../check/index.js';

interface RuleOptions {
  config?: string;
  rules?: string[];
}

function checkerOf(options: RuleOptions, io: CliIO) {
  return createChecker({
    cwd: io.cwd,
    ...(options.config === undefined ? {} : { config: options.config }),
    ...(options.rules ? { rules: options.rules } : {}),
  });
}

function severityText(severity: Severity | 'off'): string {
  return severity === 'off' ? '停用' : SEVERITY_ZH[severity];
}

function sourceOf(file: string, line: number): string {
  const rel = relative(packageRoot(), file);
  return `${rel.startsWith('..') ? file : rel}:${line}`;
}

const FORMATS = ['text', 'json'] as const;

/** juesuan rules: every rule in force with its severity (after configuration) and title. */
export async function rulesCommand(options: RuleOptions & { format: string }, io: CliIO): Promise<number> {
  const format = chooseFormat(options.format, FORMATS, '--format');
  const setup = checkerOf(options, io).ruleSetup();
  const rows = setup.rules.map((r) => ({
    id: r.id,
    severity: setup.severities[r.id] ?? r.severity,
    title: r.title,
    table: r.table ?? null,
  }));
  if (format === 'json') {
    io.out(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  // the words findings use (错误/警告/提示); the configuration's codes are in --format json and in explain
  const width = Math.max(...rows.map((r) => r.id.length));
  for (const r of rows) io.out(`${r.id.padEnd(width)}  ${severityText(r.severity)}  ${r.title}\n`);
  io.out(`共 ${rows.length} 条规则\n`);
  return 0;
}

/** juesuan explain RULE-ID: what the rule checks and why. */
export async function explainCommand(id: string, options: RuleOptions, io: CliIO): Promise<number> {
  const setup = checkerOf(options, io).ruleSetup();
  const rule = setup.rules.find((r) => r.id === id);
  if (!rule) throw new InputError('unknown-rule', `没有编号为「${id}」的规则（juesuan rules 列出全部规则）。`);
  const severity = setup.severities[rule.id] ?? rule.severity;
  io.out(
    [
      `${rule.id}  ${rule.title}`,
      `级别：${severityText(severity)}（${severity}）${severity !== rule.severity ? `，默认 ${severityText(rule.severity)}（${rule.severity}）` : ''}`,
      ...(rule.table ? [`表：${rule.table}`] : []),
      `定义：${sourceOf(rule.source.file, rule.source.line)}`,
      '',
      rule.explain.trim(),
      '',
    ].join('\n'),
  );
  return 0;
}
