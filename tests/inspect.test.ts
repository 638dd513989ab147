import { describe, expect, it } from 'vitest';
import { run } from '../src/cli.js';
import { memoryIO } from '../src/cli/io.js';
import { ROOT } from './helpers/dist.js';

async function inspect(...args: string[]) {
  const io = memoryIO({ cwd: ROOT });
  const code = await run(['inspect', ...args], io);
  return { code, out: io.stdout.join(''), err: io.stderr.join('') };
}

describe('inspect: what check reads besides the tables', () => {
  it('the 情况说明 sheet check reads is said to be the 情况说明, not an unused sheet', async () => {
    const text = await inspect('fixtures/seed-2024-full.xlsx');
    expect(text.code).toBe(0);
    expect(text.out).toContain('工作表「情况说明」：不是决算表，是情况说明；juesuan check 核对其中的陈述。');
    expect(text.out).not.toContain('未使用的工作表「情况说明」');
    const json = JSON.parse((await inspect('fixtures/seed-2024-full.xlsx', '--format', 'json')).out) as {
      ignoredSheets: { sheet: string; readAs?: string }[];
    };
    expect(json.ignoredSheets.find((s) => s.sheet === '情况说明')?.readAs).toBe('narrative');
  });

  it('a .docx or .txt without tables is a 情况说明: said so, exit 0, no missing-table list', async () => {
    for (const file of ['fixtures/seed-2024-narrative.docx', 'fixtures/seed-2024-narrative.txt']) {
      const { code, out, err } = await inspect(file);
      expect(err, file).toBe('');
      expect(code, file).toBe(0);
      expect(out, file).toContain('识别出 0 张表\n');
      expect(out, file).toMatch(/没有识别出决算表；全文 \d+ 段。/);
      expect(out, file).toContain(
        `juesuan check 把它作为情况说明核对：单独检查时核对文字中的数字彼此是否一致，与工作簿一起检查（juesuan check 工作簿.xlsx --narrative ${file}）时还与决算表核对。`,
      );
      expect(out, file).not.toContain('本套要求而缺少的表');
      expect(out, file).not.toContain('xl/workbook.xml');
    }
  });
});
