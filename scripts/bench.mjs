// npm run bench: whole-process timings of `juesuan check`, as ratios, from one run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeBatch } from './bench/batch.mjs';
import { writeLargeWorkbook } from './bench/large-workbook.mjs';
import { writeManyFindings } from './bench/many-findings.mjs';
import { writeReportPdf } from './bench/report-pdf.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, '.bench');
const runs = Number(process.env.BENCH_RUNS ?? 7);
mkdirSync(work, { recursive: true });
const large = join(work, 'large.xlsx');
const seed = join(root, 'fixtures', 'seed-2024.xlsx');
await writeLargeWorkbook(large);
const reportPdf = join(work, 'report-25.pdf');
const reportPages = await writeReportPdf(root, reportPdf);

const preload = join(root, 'scripts', 'bench', 'rss-preload.mjs');
const cli = join(root, 'bin', 'juesuan.js');

/**
 * Runs each command `count` times, in rounds (the first, the second … the first again), so that a
 * change of load during the measurement falls on every command alike and their ratios stay fair.
 */
function measureTogether(commands, count = runs) {
  const rssFiles = commands.map((_, i) => join(work, `rss-${i}.txt`));
  const times = commands.map(() => []);
  for (const file of rssFiles) rmSync(file, { force: true });
  for (let round = 0; round < count; round += 1) {
    commands.forEach((args, i) => {
      const start = process.hrtime.bigint();
      const result = spawnSync(process.execPath, ['--import', preload, ...args], {
        cwd: root,
        env: { ...process.env, JUESUAN_BENCH_RSS_FILE: rssFiles[i], NO_COLOR: '1' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      times[i].push(Number(process.hrtime.bigint() - start) / 1e6);
      if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
    });
  }
  return commands.map((_, i) => {
    const sorted = times[i].sort((a, b) => a - b);
    // each run's peak RSS (KiB) and CPU (user + system, µs) as the process itself counted them at exit
    const usage = readFileSync(rssFiles[i], 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(' ').map(Number));
    const cpus = usage.map(([, cpu]) => cpu / 1000).sort((a, b) => a - b);
    return {
      median: sorted[Math.floor(sorted.length / 2)],
      // half the interquartile range: how far repeated runs of the same command stray from each other
      spread: (sorted[Math.floor((3 * (sorted.length - 1)) / 4)] - sorted[Math.floor((sorted.length - 1) / 4)]) / 2,
      cpu: cpus[Math.floor(cpus.length / 2)],
      peakRssMiB: Math.max(...usage.map(([rss]) => rss)) / 1024,
    };
  });
}

const measure = (args, count = runs) => measureTogether([args], count)[0];

const readOnly = (file) => [
  '--input-type=module',
  '-e',
  `import E from 'exceljs'; await new E.Workbook().xlsx.readFile(${JSON.stringify(file)});`,
];
// each target's ratio from commands taken in turns (see measureTogether): the seed's check beside
// node -e '' and exceljs, the large workbook's beside exceljs, the PDF's beside pdfjs-dist alone
const [baseline, seedCheck, seedExceljs] = measureTogether([
  ['-e', ''],
  [cli, 'check', seed, '--format', 'json'],
  readOnly(seed),
]);
const [largeCheck, largeExceljs] = measureTogether([[cli, 'check', large, '--format', 'json'], readOnly(large)]);
const rows = [
  { name: 'seed', check: seedCheck, exceljs: seedExceljs },
  { name: 'large (3,000 rows × 02/03/05)', check: largeCheck, exceljs: largeExceljs },
];

// a published report: the PDF as a portal serves it (25 pages), against the seed workbook's check,
// and pdfjs-dist alone on it (load, open, every page's text): the floor under the check
const [pdf, pdfFloor] = measureTogether([
  [cli, 'check', reportPdf, '--format', 'json'],
  [join(root, 'scripts', 'bench', 'pdf-floor.mjs'), reportPdf],
]);

// the narrative (情况说明): the seed workbook checked with its text beside it (--narrative) and
// without, and the text checked alone, once, twice and eight times over: what reading the text
// costs beside the tables, and whether it grows with the text's length alone
const seedText = join(root, 'fixtures', 'seed-2024-narrative.txt');
const seedTextChars = readFileSync(seedText, 'utf8').length;
const repeated = (times) => {
  const file = join(work, `narrative-x${times}.txt`);
  writeFileSync(file, Array(times).fill(readFileSync(seedText, 'utf8')).join('\n'));
  return file;
};
const [tablesOnly, tablesAndText, textOnce, textTwice, textEight] = measureTogether([
  [cli, 'check', seed, '--format', 'json'],
  [cli, 'check', seed, '--narrative', seedText, '--format', 'json'],
  [cli, 'check', seedText, '--format', 'json'],
  [cli, 'check', repeated(2), '--format', 'json'],
  [cli, 'check', repeated(8), '--format', 'json'],
]);

// batch: 200 workbooks in one process: every file in this thread (--jobs 1), the default (this
// thread, joined by workers when the work left pays for them), and a worker per core
const batchSize = 200;
const batchRuns = Number(process.env.BENCH_BATCH_RUNS ?? 5);
const cores = availableParallelism();
const batchDir = makeBatch(root, join(work, 'batch-200'), batchSize);
const loadBefore = loadavg()[0];
const [single, byDefault, all] = measureTogether(
  [
    [cli, 'check', batchDir, '--format', 'json', '--jobs', '1'],
    [cli, 'check', batchDir, '--format', 'json'],
    [cli, 'check', batchDir, '--format', 'json', '--jobs', String(cores)],
  ],
  batchRuns,
);

// rows: the same workbook shape at 5,000, 10,000 and 100,000 function rows (spread over 02/03/05);
// linear work keeps the time per row flat, so the ratios of time per row should stay near 1
const scaling = [];
for (const rowsTotal of [5_000, 10_000, 100_000]) {
  const file = join(work, `rows-${rowsTotal}.xlsx`);
  await writeLargeWorkbook(file, Math.round(rowsTotal / 3));
  const m = measure([cli, 'check', file, '--format', 'json'], Number(process.env.BENCH_ROWS_RUNS ?? 3));
  scaling.push({ rowsTotal, ...m });
}

// many findings: the fuzzer's many-rows shape, 10,000 appended rows each breaking an identity
// (10,000 warnings and a failing sum of them all), in every output format: the cost per finding
const manyFile = join(work, 'many-findings-10k.xlsx');
writeManyFindings(root, manyFile, 10_000);
const manyFormats = ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown', 'html'];
const many = manyFormats.map((format) => ({
  format,
  ...measure([cli, 'check', manyFile, '--format', format], Number(process.env.BENCH_MANY_RUNS ?? 3)),
}));

const fmt = (x) => x.toFixed(2);
const lines = [
  `juesuan bench — median of ${runs} runs each, whole process, one machine, one run; each ratio's commands taken in turns`,
  '',
];
lines.push(`node -e '' : ${fmt(baseline.median)} ms, peak RSS ${fmt(baseline.peakRssMiB)} MiB`);
for (const r of rows) {
  lines.push(
    '',
    `${r.name}:`,
    `  juesuan check        ${fmt(r.check.median)} ms  = ${fmt(r.check.median / r.exceljs.median)} × bare exceljs readFile, ${fmt(r.check.median / baseline.median)} × node -e ''`,
    `  bare exceljs read    ${fmt(r.exceljs.median)} ms  = ${fmt(r.exceljs.median / baseline.median)} × node -e ''`,
    `  CPU                  check ${fmt(r.check.cpu)} ms, exceljs read ${fmt(r.exceljs.cpu)} ms (${fmt(r.check.cpu / r.exceljs.cpu)} ×)`,
    `  peak RSS             check ${fmt(r.check.peakRssMiB)} MiB, exceljs read ${fmt(r.exceljs.peakRssMiB)} MiB (${fmt(r.check.peakRssMiB / r.exceljs.peakRssMiB)} ×)`,
  );
}
lines.push(
  '',
  `published report, PDF of ${reportPages} pages (ruled tables, non-embedded CID font):`,
  `  juesuan check        ${fmt(pdf.median)} ms  = ${fmt(pdf.median / rows[0].check.median)} × the seed workbook's check, ${fmt(pdf.median / baseline.median)} × node -e ''`,
  `  peak RSS             ${fmt(pdf.peakRssMiB)} MiB (${fmt(pdf.peakRssMiB / rows[0].check.peakRssMiB)} × the seed workbook's check)`,
  `  pdfjs-dist alone     ${fmt(pdfFloor.median)} ms (load, open, text of every page: the floor), CPU ${fmt(pdfFloor.cpu)} ms vs the check's ${fmt(pdf.cpu)} ms`,
);
// the CPU of each further copy of the text: the same from the second copy on and past the seventh when linear
const perCopy = (from, to, copies) => (to.cpu - from.cpu) / copies;
lines.push(
  '',
  `narrative (the seed's 情况说明, ${seedTextChars} characters), CPU, median of runs taken in turns:`,
  `  workbook + text      ${fmt(tablesAndText.cpu)} ms = ${fmt(tablesAndText.cpu / tablesOnly.cpu)} × the workbook alone (${fmt(tablesOnly.cpu)} ms): ${fmt(tablesAndText.cpu - tablesOnly.cpu)} ms for the text`,
  `  text alone           ${fmt(textOnce.cpu)} ms = ${fmt(textOnce.cpu / baseline.cpu)} × node -e '' (${fmt(baseline.cpu)} ms)`,
  `  text × 2, × 8        ${fmt(textTwice.cpu)} ms, ${fmt(textEight.cpu)} ms: a copy costs ${fmt(perCopy(textOnce, textTwice, 1))} ms as the 2nd, ${fmt(perCopy(textTwice, textEight, 6))} ms each from the 3rd to the 8th (${fmt(perCopy(textTwice, textEight, 6) / perCopy(textOnce, textTwice, 1))} ×, linear ≈ 1)`,
);
const rate = (m) => batchSize / (m.median / 1000);
lines.push(
  '',
  `batch of ${batchSize} workbooks (seed + 6 variants, hard links), median of ${batchRuns} runs each, taken in turns:`,
  `  --jobs 1 (this thread)       ${fmt(single.median)} ms = ${fmt(rate(single))} workbooks/s, peak RSS ${fmt(single.peakRssMiB)} MiB`,
  `  default                      ${fmt(byDefault.median)} ms = ${fmt(rate(byDefault))} workbooks/s, peak RSS ${fmt(byDefault.peakRssMiB)} MiB`,
  `  --jobs ${cores} (all cores)${' '.repeat(Math.max(0, 12 - String(cores).length))}${fmt(all.median)} ms = ${fmt(rate(all))} workbooks/s, peak RSS ${fmt(all.peakRssMiB)} MiB`,
  `  speed-up                     default ${fmt(single.median / byDefault.median)} ×, --jobs ${cores} ${fmt(single.median / all.median)} × on ${cores} cores`,
  `  load average (1 min)         ${fmt(loadBefore)} before, ${fmt(loadavg()[0])} after, on ${cores} cores (above ${cores}: other processes competed)`,
);
const perRow = (m) => (m.median - baseline.median) / m.rowsTotal;
const [r5, r10, r100] = scaling;
lines.push('', 'rows (02/03/05 together), whole process, median of runs; time per row net of node start-up:');
for (const m of scaling)
  lines.push(
    `  ${String(m.rowsTotal).padStart(7)} rows  ${fmt(m.median)} ms, ${fmt(perRow(m) * 1000)} µs/row, peak RSS ${fmt(m.peakRssMiB)} MiB`,
  );
lines.push(
  `  per-row time ratio 10k/5k ${fmt(perRow(r10) / perRow(r5))}, 100k/10k ${fmt(perRow(r100) / perRow(r10))} (linear ≈ 1; quadratic would be 2 and 10)`,
);
const rowsCheck = scaling[1];
lines.push('', "10,000 findings (10,000 rows appended to the seed's 05, each a finding), median of runs:");
for (const m of many)
  lines.push(
    `  ${m.format.padEnd(9)} CPU ${fmt(m.cpu)} ms = ${fmt(m.cpu / rowsCheck.cpu)} × the 10k-row check's, peak RSS ${fmt(m.peakRssMiB)} MiB = ${fmt(m.peakRssMiB / rowsCheck.peakRssMiB)} ×`,
  );
const slowest = many.reduce((a, b) => (b.cpu > a.cpu ? b : a));
const largest = many.reduce((a, b) => (b.peakRssMiB > a.peakRssMiB ? b : a));
// the targets of issues 15 and 11 (and issue 10's per-run bounds), each as this run measured it
const [seedRow, largeRow] = rows;
const target = (name, value, limit, unit, ok) =>
  `  ${ok ? 'met    ' : 'NOT met'}  ${name.padEnd(44)} ${fmt(value)}${unit} (target ${limit})`;
lines.push(
  '',
  'targets:',
  target(
    "seed check / node -e '' (wall, median)",
    seedRow.check.median / baseline.median,
    '≤ 3',
    ' ×',
    seedRow.check.median <= 3 * baseline.median,
  ),
  target(
    'large check / exceljs readFile (wall)',
    largeRow.check.median / largeRow.exceljs.median,
    '≤ 1.2',
    ' ×',
    largeRow.check.median <= 1.2 * largeRow.exceljs.median,
  ),
  target(
    'large check / exceljs readFile (CPU)',
    largeRow.check.cpu / largeRow.exceljs.cpu,
    '≤ 1.2',
    ' ×',
    largeRow.check.cpu <= 1.2 * largeRow.exceljs.cpu,
  ),
  target(
    'large check / exceljs readFile (peak RSS)',
    largeRow.check.peakRssMiB / largeRow.exceljs.peakRssMiB,
    '≤ 1.2',
    ' ×',
    largeRow.check.peakRssMiB <= 1.2 * largeRow.exceljs.peakRssMiB,
  ),
  target(`batch of ${batchSize}, default (workbooks/s)`, rate(byDefault), '≥ 40', '/s', rate(byDefault) >= 40),
  // "never slower": a difference inside the spread of --jobs 1's own repeated runs is not a slowdown
  target(
    'batch default / --jobs 1 (wall)',
    byDefault.median / single.median,
    `≤ 1, within ±${fmt(single.spread / single.median)} run-to-run`,
    ' ×',
    byDefault.median <= single.median + single.spread,
  ),
  target(`PDF of ${reportPages} pages (s)`, pdf.median / 1000, '≤ 1', ' s', pdf.median <= 1000),
  // issue 10's bounds for any one run (its fuzz campaign holds every run to them)
  target(
    `10,000 findings, slowest format (${slowest.format}) CPU`,
    slowest.cpu / 1000,
    '≤ 5, issue 10',
    ' s',
    slowest.cpu <= 5000,
  ),
  target(
    `10,000 findings, largest format (${largest.format}) RSS`,
    largest.peakRssMiB,
    '≤ 300, issue 10',
    ' MiB',
    largest.peakRssMiB <= 300,
  ),
  `  load average (1 min) at the end ${fmt(loadavg()[0])} on ${cores} cores`,
);
const report = `${lines.join('\n')}\n`;
process.stdout.write(report);
writeFileSync(join(work, 'last.txt'), report);
