// A vitest reporter listing the test files that cost the most: import and collection (the module
// and its top-level work, which vitest's JSON report leaves out) plus the tests and hooks.
//   npx vitest run --reporter=default --reporter=./scripts/test-durations.mjs
// TEST_DURATIONS_TOP=N lists N files (default 15); TEST_DURATIONS_JSON=FILE also writes every file's figures.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

const seconds = (ms) => (ms / 1000).toFixed(2).padStart(7);

export default class TestDurations {
  onInit(vitest) {
    this.root = vitest.config.root;
    this.started = performance.now();
  }

  onTestRunEnd(testModules) {
    const wall = performance.now() - this.started;
    const rows = testModules.map((m) => {
      const d = m.diagnostic();
      const collect = d.collectDuration + d.setupDuration + d.prepareDuration;
      return { file: relative(this.root, m.moduleId), collect, tests: d.duration, total: collect + d.duration };
    });
    rows.sort((a, b) => b.total - a.total);
    const top = Number(process.env.TEST_DURATIONS_TOP ?? 15);
    const lines = ['', `   total collect   tests  file (slowest ${Math.min(top, rows.length)} of ${rows.length})`];
    for (const r of rows.slice(0, top))
      lines.push(`${seconds(r.total)} ${seconds(r.collect)} ${seconds(r.tests)}  ${r.file}`);
    const sum = rows.reduce((s, r) => s + r.total, 0);
    lines.push(`${seconds(sum)} summed over files, ${seconds(wall).trim()} s wall`, '');
    process.stdout.write(lines.join('\n'));
    if (process.env.TEST_DURATIONS_JSON)
      writeFileSync(process.env.TEST_DURATIONS_JSON, JSON.stringify({ wall, files: rows }, null, 2));
  }
}
