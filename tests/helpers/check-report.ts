import { run } from '../../src/cli.js';
import { memoryIO } from '../../src/cli/io.js';
import type { Finding } from '../../src/model/finding.js';
import { ROOT } from './dist.js';

/** What `juesuan check FILE --format json` gave: its exit code and its stdout. */
export interface CheckReport {
  code: number;
  out: string;
}

const reports = new Map<string, Promise<CheckReport>>();

/**
 * `check FILE --format json` through the library's own `run`, in this process (cwd: the repository
 * root; `file` absolute, as the built CLI is given it in tests/readers/pdf-bundle.test.ts). A
 * published report (a PDF above all) takes a second or so to read and check, and several test
 * files check the same fixture: each worker checks it once (the files it runs share this module,
 * vitest's isolate: false), and the report, a string, is never mutated.
 */
export function checkReport(file: string): Promise<CheckReport> {
  let report = reports.get(file);
  if (!report) {
    report = (async () => {
      const io = memoryIO({ cwd: ROOT });
      const code = await run(['check', file, '--format', 'json'], io);
      return { code, out: io.stdout.join('') };
    })();
    reports.set(file, report);
  }
  return report;
}

/** The findings of checkReport(file). */
export async function reportFindings(file: string): Promise<Finding[]> {
  return (JSON.parse((await checkReport(file)).out) as { findings: Finding[] }).findings;
}
