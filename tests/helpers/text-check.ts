import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../src/cli.js';
import { memoryIO } from '../../src/cli/io.js';
import type { Finding } from '../../src/model/finding.js';

/** Every finding of `check` on a text report written to `dir/a.txt` from `lines`, in the order the check gives them. */
export async function textCheckFindings(dir: string, lines: string[]): Promise<Finding[]> {
  writeFileSync(join(dir, 'a.txt'), lines.join('\n'));
  const io = memoryIO({ cwd: dir });
  await run(['check', 'a.txt', '--format', 'json'], io);
  return (JSON.parse(io.stdout.join('')) as { findings: Finding[] }).findings;
}

/**
 * The table findings (warn and above, `tables.missing` aside) of `check` on a text report written to
 * `dir/a.txt` from `lines`, as "rule severity" in the order the check gives them.
 */
export async function textTableFindings(dir: string, lines: string[]): Promise<string[]> {
  return (await textCheckFindings(dir, lines))
    .filter((f) => f.location.table !== 'narrative' && f.ruleId !== 'tables.missing' && f.severity !== 'info')
    .map((f) => `${f.ruleId} ${f.severity}`);
}
