// The page (npm run build:web) in a real browser: the system's Chromium driven by playwright-core.
// One browser for the file; skipped when no browser is found (.ci/run installs one).
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { type Browser, type BrowserContext, chromium, type FileChooser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { memoryIO } from '../../src/cli/io.js';
import { chromiumArgs, findChromium } from '../helpers/browser.js';
import { BIN, ensureDist, ensureWeb, ROOT } from '../helpers/dist.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { mutatedCopy, workdir } from '../helpers/workdir.js';
import { buildZip, deflatedEntry, zerosEntry } from '../helpers/zip.js';

const executablePath = findChromium();
const WEB = join(ROOT, 'dist', 'web');

/** What the CLI says about a file in `cwd`, in a format. */
async function cli(cwd: string, file: string | string[], format: string): Promise<string> {
  const io = memoryIO({ cwd });
  await run(['check', ...(Array.isArray(file) ? file : [file]), '--format', format], io);
  return io.stdout.join('');
}

interface Opened {
  page: Page;
  context: BrowserContext;
  /** Every request the page made. */
  requests: string[];
  /** Every content-security violation. */
  violations: string[];
  /** File choosers the page opened. */
  choosers: FileChooser[];
}

describe.skipIf(!executablePath)('the page in Chromium (npm run build:web)', () => {
  const dir = workdir();
  let browser: Browser;
  let server: ChildProcess | undefined;
  let served = '';

  beforeAll(async () => {
    ensureDist();
    await ensureWeb();
    // 03 事业运行 基本支出 392.38 → 393.38 breaks the row total and the 合计 column sum
    await mutatedCopy('seed-2024.xlsx', [{ sheet: '支出决算表', cell: 'F9', value: 393.38 }], join(dir, 'broken.xlsx'));
    browser = await chromium.launch({ executablePath, args: chromiumArgs(), timeout: 60_000 });
    server = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'] });
    served = await new Promise<string>((resolve, reject) => {
      let out = '';
      server?.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (match) resolve(match[0]);
      });
      server?.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (server?.pid) process.kill(server.pid);
  });

  async function open(url: string, init?: () => void): Promise<Opened> {
    const context = await browser.newContext({ acceptDownloads: true });
    const requests: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    // anything that would leave the machine is refused (and still counted above)
    await context.route(/^(https?|wss?|ftp):/, (route) =>
      route.request().url().startsWith(served) ? route.continue() : route.abort(),
    );
    if (init) await context.addInitScript(init);
    const page = await context.newPage();
    // listened to before the page loads: file-chooser interception is switched on asynchronously
    const choosers: FileChooser[] = [];
    page.on('filechooser', (chooser) => choosers.push(chooser));
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { reportViolation(v: string): void }).reportViolation(
          `${e.violatedDirective} ${e.blockedURI}`,
        ),
      ),
    );
    await page.goto(url);
    return { page, context, requests, violations, choosers };
  }

  async function drop(page: Page, file: string): Promise<void> {
    const bytes = readFileSync(file).toString('base64');
    const name = file.split(/[\\/]/).pop() ?? file;
    await page.evaluate(
      ([b64, fileName]) => {
        const raw = Uint8Array.from(atob(b64 as string), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([raw], fileName as string));
        document
          .getElementById('drop')
          ?.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      },
      [bytes, name],
    );
  }

  async function checked(page: Page): Promise<void> {
    await page.waitForFunction(
      () => document.body.dataset.state === 'done' || document.body.dataset.state === 'failed',
      undefined,
      { timeout: 60_000 },
    );
    expect(await page.evaluate(() => document.body.dataset.state)).toBe('done');
  }

  async function download(page: Page, format: string): Promise<string> {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.click(`#downloads a[data-format="${format}"]`),
    ]);
    return readFileSync((await file.path()) as string, 'utf8');
  }

  /** The findings listed on the page: severity, rule, cell. */
  function listed(page: Page): Promise<string[]> {
    return page.$$eval('#findings tr[data-rule]', (rows) =>
      rows.map(
        (r) =>
          `${(r as HTMLElement).dataset.severity} ${(r as HTMLElement).dataset.rule} ${(r as HTMLElement).dataset.cell}`,
      ),
    );
  }

  it('opened from disk: the seed shows 未发现问题, a mutated copy the CLI’s findings, marked cells, outputs and annotated workbook; nothing leaves the page', async () => {
    const url = pathToFileURL(join(WEB, 'index.html')).href;
    const { page, context, requests, violations, choosers } = await open(url);
    await page.waitForFunction(() => document.body.dataset.state === 'ready', undefined, { timeout: 30_000 });

    // keyboard: the drop zone is a button; Enter opens the file chooser
    await page.press('#drop', 'Enter');
    await expect.poll(() => choosers.length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(choosers[0]?.isMultiple()).toBe(true);

    await drop(page, join(FIXTURES, 'seed-2024.xlsx'));
    await checked(page);
    expect(await page.textContent('#summary')).toContain('✔ 未发现问题');
    expect(await listed(page)).toEqual([]);
    const seedReport = page.frameLocator('#report');
    // the report frame loads its document after the summary is written: wait for its text, not its empty body
    await expect.poll(() => seedReport.locator('body').textContent(), { timeout: 20_000 }).toContain('未发现问题');

    await page.click('#clear');
    await page.setInputFiles('#files', join(dir, 'broken.xlsx'));
    await checked(page);
    const cliJson = JSON.parse(await cli(dir, 'broken.xlsx', 'json')) as {
      findings: { ruleId: string; severity: string; location: { sheet?: string; cell?: string } }[];
    };
    expect(cliJson.findings.length).toBeGreaterThan(0);
    expect(await listed(page)).toEqual(
      cliJson.findings.map(
        (f) => `${f.severity} ${f.ruleId} ${f.location.cell ? `${f.location.sheet}!${f.location.cell}` : ''}`,
      ),
    );
    // the report is the CLI's: cells marked in the tables
    const hits = await seedReport
      .locator('td.hit')
      .evaluateAll((cells) => cells.map((c) => (c as HTMLElement).title.split('\n')[0]));
    const cells = cliJson.findings.filter((f) => f.location.cell).map((f) => `${f.location.sheet}!${f.location.cell}`);
    expect(hits.length).toBeGreaterThan(0);
    expect(new Set(hits)).toEqual(new Set(cells));
    // the downloads are the CLI's outputs, byte for byte
    for (const format of ['json', 'sarif', 'markdown', 'html'])
      expect(await download(page, format)).toBe(await cli(dir, 'broken.xlsx', format));

    // the annotated workbook: the cells and comments `check --annotate` writes, made in the page
    const [copy] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#downloads button[data-annotate="broken.xlsx"]'),
    ]);
    expect(copy.suggestedFilename()).toBe('broken-标注.xlsx');
    const io = memoryIO({ cwd: dir });
    await run(['check', 'broken.xlsx', '--annotate', 'cli-annotated.xlsx', '--format', 'json'], io);
    const marks = async (file: string) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      return cells.map((address) => {
        const [sheet = '', cell = ''] = address.split('!');
        const c = workbook.getWorksheet(sheet)?.getCell(cell);
        return { address, fill: JSON.stringify(c?.fill), note: JSON.stringify(c?.note) };
      });
    };
    const pageMarks = await marks((await copy.path()) as string);
    expect(pageMarks.every((m) => m.fill.includes('argb') && m.note !== undefined)).toBe(true);
    expect(pageMarks).toEqual(await marks(join(dir, 'cli-annotated.xlsx')));

    // zip bombs: refused in the browser as by the command line (a lying declared size, a dense entry)
    writeFileSync(join(dir, 'liar.xlsx'), buildZip([{ ...zerosEntry('xl/workbook.xml', 8), uncompressedSize: 1000 }]));
    writeFileSync(
      join(dir, 'dense.xlsx'),
      buildZip([deflatedEntry('xl/workbook.xml', '<workbook/>'), zerosEntry('xl/worksheets/sheet1.xml', 8)]),
    );
    await page.click('#clear');
    await page.setInputFiles('#files', [join(dir, 'liar.xlsx'), join(dir, 'dense.xlsx')]);
    await checked(page);
    const bombs = await download(page, 'json');
    expect(bombs).toBe(await cli(dir, ['liar.xlsx', 'dense.xlsx'], 'json'));
    expect(bombs.match(/"code": ?"zip-bomb"/g)).toHaveLength(2);

    expect(await page.evaluate(() => document.body.dataset.engine)).toBe('page');
    expect(requests.filter((r) => !r.startsWith(pathToFileURL(WEB).href) && !r.startsWith('blob:'))).toEqual([]);
    expect(violations).toEqual([]);
    await context.close();
  }, 180_000);

  it('served by juesuan serve: checks in a Web Worker; with a 情况说明 and last year, and the full seed, as the CLI; re-grading; the server takes no upload', async () => {
    const { page, context, requests, violations } = await open(served);
    await page.waitForFunction(() => document.body.dataset.state === 'ready', undefined, { timeout: 30_000 });
    expect(await page.evaluate(() => document.body.dataset.engine)).toBe('worker');
    // a workbook with its 情况说明 (--narrative) and last year's workbook (--previous)
    await page.setInputFiles('#narrative', join(FIXTURES, 'seed-2024-narrative.docx'));
    await page.setInputFiles('#previous', join(FIXTURES, 'prior-2023.xlsx'));
    await page.setInputFiles('#files', join(FIXTURES, 'seed-2024.xlsx'));
    await checked(page);
    const withBoth = ['seed-2024.xlsx', '--narrative', 'seed-2024-narrative.docx', '--previous', 'prior-2023.xlsx'];
    const both = await download(page, 'json');
    expect(both).toBe(await cli(FIXTURES, withBoth, 'json'));
    expect(both).toContain('y.narrative.change');
    await page.setInputFiles('#narrative', []);
    await page.setInputFiles('#previous', []);
    await page.click('#clear');

    await page.setInputFiles('#files', join(FIXTURES, 'seed-2024-full.xlsx'));
    await checked(page);
    const cliJson = JSON.parse(await cli(FIXTURES, 'seed-2024-full.xlsx', 'json')) as {
      findings: { ruleId: string; severity: string }[];
    };
    const warnUp = (list: string[]) =>
      list.filter((x) => !x.startsWith('info ')).map((x) => x.split(' ').slice(0, 2).join(' '));
    expect(warnUp(await listed(page))).toEqual(warnUp(cliJson.findings.map((f) => `${f.severity} ${f.ruleId}`)));
    expect(warnUp(await listed(page))).toHaveLength(16);
    expect(await download(page, 'json')).toBe(await cli(FIXTURES, 'seed-2024-full.xlsx', 'json'));
    // re-grading as the configuration file does: n.template-residue off, n.count an error
    await page.click('#settings summary');
    await page.selectOption('#rules select[data-rule="n.template-residue"]', 'off');
    await page.selectOption('#rules select[data-rule="n.count"]', 'error');
    await page.click('#check');
    await checked(page);
    const regraded = await listed(page);
    expect(regraded.some((x) => x.includes('n.template-residue'))).toBe(false);
    expect(regraded.filter((x) => x.startsWith('error n.count'))).toHaveLength(1);
    expect(requests.filter((r) => !r.startsWith(served) && !r.startsWith('blob:'))).toEqual([]);
    expect(violations).toEqual([]);
    const post = await fetch(served, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect((await fetch(`${served}..%2f..%2fpackage.json`)).status).toBe(404);
    await context.close();
  }, 180_000);

  it('a browser without the APIs the page needs says so', async () => {
    const { page, context } = await open(pathToFileURL(join(WEB, 'index.html')).href, () => {
      (File.prototype as { arrayBuffer?: unknown }).arrayBuffer = undefined;
    });
    await expect(page.locator('#unsupported')).toBeDefined();
    await page.waitForFunction(() => document.getElementById('unsupported')?.textContent?.includes('缺少'));
    expect(await page.textContent('#unsupported')).toContain('File.arrayBuffer');
    expect(await page.isHidden('#app')).toBe(true);
    await context.close();
  }, 60_000);
});
