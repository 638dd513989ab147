/**
 * A report into a slow reader (a pipe into a pager, a slow network): the CLI writes the next piece
 * of it only once stdout has taken the one before, so a report of 10,000 findings is never queued
 * whole in memory (20 MB into a slow pipe held 356 MiB when every write was queued at once).
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { memoryIO } from '../../src/cli/io.js';
import { workdir } from '../helpers/workdir.js';
import { seedWith } from '../hostile/hostile-workbook.js';

const dir = workdir();

/** 1,500 rows of 支出决算表 that each break their row: a report of a few megabytes. */
function brokenRows(xml: string): string {
  const rows: string[] = [];
  for (let i = 0; i < 1500; i++) {
    const n = 100 + i;
    rows.push(
      `<row r="${n}"><c r="A${n}" t="inlineStr"><is><t>${2010000 + i}</t></is></c><c r="E${n}"><v>${i}.5</v></c></row>`,
    );
  }
  return xml.replace('</sheetData>', `${rows.join('')}</sheetData>`);
}

describe('stdout that reads slowly', () => {
  it.each(['stylish', 'json', 'sarif'])(
    'gets the %s report a batch at a time, each once the one before is taken',
    async (format) => {
      const path = seedWith(dir, `slow-${format}.xlsx`, { 'xl/worksheets/sheet3.xml': brokenRows });
      // what stdout holds and has not passed on yet; it passes everything on at its own pace
      let waiting = 0;
      let most = 0;
      let total = 0;
      const io = memoryIO({
        cwd: dir,
        out: (text) => {
          waiting += text.length;
          total += text.length;
          most = Math.max(most, waiting);
        },
        drained: async () => {
          await new Promise((resolve) => setImmediate(resolve));
          waiting = 0;
        },
      });
      expect(await run(['check', path, '--format', format], io)).toBe(1);
      expect(total).toBeGreaterThan(500_000);
      // a batch of 64 Ki characters and the piece that passed the mark (JSON's head, with the
      // document's tables, is one piece): never the report whole, as when every write was queued
      expect(most).toBeLessThan(total / 4);
    },
  );
});
