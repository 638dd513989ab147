import type { Finding } from '../model/finding.js';
import {
  displayPath,
  fails,
  placeOf,
  rulesOf,
  ruleLabel,
  SEVERITY_ZH,
  whereOf,
  worstOf,
  type FormatContext,
} from './common.js';
import { escapeAttribute, escapeMarkup } from './markup.js';
import type { CheckReport, FileResult, RuleInfo } from '../model/results.js';

/**
 * `--format junit`: one <testsuite> per file, one <testcase> per rule in force. A rule fails when it
 * reported a finding at or above --fail-on (the same test as the exit code); findings below it are
 * listed in <system-out> of a passing testcase; a rule that did not apply to the file (no narrative,
 * no --previous, a table missing) is <skipped/> with why, not passed. An unusable file is one
 * testcase with an <error>. An accepted-findings file (its stale entries) is a testsuite of its own
 * rule only, not of the workbook rules. No timing attributes: the output is reproducible.
 */

function findingText(f: Finding, where: (f: Finding) => string): string {
  const lines = [`[${SEVERITY_ZH[f.severity]}] ${where(f) || '工作簿'}：${f.message}`];
  const related = f.related.map(placeOf).filter((p) => p !== '');
  if (related.length > 0) lines.push(`  相关单元格：${related.join('、')}`);
  return lines.join('\n');
}

function testcase(
  file: string,
  rule: RuleInfo,
  findings: Finding[],
  report: CheckReport,
  where: (f: Finding) => string,
  skipped: string | undefined,
): { xml: string; failed: boolean; skipped: boolean } {
  const open = `    <testcase classname="${escapeAttribute(file)}" name="${escapeAttribute(ruleLabel(rule, rule.id))}"`;
  if (findings.length === 0 && skipped !== undefined)
    return {
      xml: `${open}>\n      <skipped message="${escapeAttribute(`未检查：${skipped}`)}"/>\n    </testcase>`,
      failed: false,
      skipped: true,
    };
  if (findings.length === 0) return { xml: `${open}/>`, failed: false, skipped: false };
  const failing = findings.filter((f) => fails(f, report.failOn));
  const passing = findings.filter((f) => !fails(f, report.failOn));
  const body: string[] = [];
  if (failing.length > 0) {
    const places = failing.map((f) => where(f) || '工作簿');
    const summary = `${failing.length} 处：${places.slice(0, 5).join('、')}${places.length > 5 ? ' …' : ''}`;
    const worst = worstOf(failing) ?? 'error';
    body.push(
      `      <failure type="${worst}" message="${escapeAttribute(summary)}">${escapeMarkup(failing.map((f) => findingText(f, where)).join('\n'))}</failure>`,
    );
  }
  if (passing.length > 0)
    body.push(`      <system-out>${escapeMarkup(passing.map((f) => findingText(f, where)).join('\n'))}</system-out>`);
  return { xml: [`${open}>`, ...body, '    </testcase>'].join('\n'), failed: failing.length > 0, skipped: false };
}

function suite(result: FileResult, rules: RuleInfo[], report: CheckReport, context: FormatContext) {
  const file = displayPath(result.file, context.cwd);
  if (result.error) {
    const xml = [
      `  <testsuite name="${escapeAttribute(file)}" tests="1" failures="0" errors="1" skipped="0">`,
      `    <testcase classname="${escapeAttribute(file)}" name="读取工作簿">`,
      `      <error type="${escapeAttribute(result.error.code)}" message="${escapeAttribute(result.error.message)}"/>`,
      '    </testcase>',
      '  </testsuite>',
    ];
    return { xml: xml.join('\n'), tests: 1, failures: 0, errors: 1, skipped: 0 };
  }
  const byRule = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const list = byRule.get(f.ruleId);
    if (list) list.push(f);
    else byRule.set(f.ruleId, [f]);
  }
  const where = (f: Finding) => whereOf(f.location, result.file, context.cwd);
  // a document is tested by the document rules, an accepted-findings file by its own rule only
  const mine = rules.filter((r) => (r.scope === 'baseline') === (result.baseline === true));
  const cases = mine.map((rule) =>
    testcase(file, rule, byRule.get(rule.id) ?? [], report, where, result.notApplied?.[rule.id]),
  );
  const failures = cases.filter((c) => c.failed).length;
  const skipped = cases.filter((c) => c.skipped).length;
  const xml = [
    `  <testsuite name="${escapeAttribute(file)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">`,
    ...cases.map((c) => c.xml),
    '  </testsuite>',
  ];
  return { xml: xml.join('\n'), tests: cases.length, failures, errors: 0, skipped };
}

export function formatJunit(report: CheckReport, context: FormatContext): string {
  const rules = rulesOf(report);
  const suites = report.files.map((f) => suite(f, rules, report, context));
  const total = (key: 'tests' | 'failures' | 'errors' | 'skipped') => suites.reduce((n, s) => n + s[key], 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="juesuan" tests="${total('tests')}" failures="${total('failures')}" errors="${total('errors')}" skipped="${total('skipped')}">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
}
