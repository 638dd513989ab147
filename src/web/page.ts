/**
 * The page (dist/web/index.html): choose files, check them in this browser with the engine bundle
 * (a Web Worker where one can start, else the page itself), show the same report as
 * `juesuan check --format html`, offer the outputs for download. Nothing is sent anywhere: the
 * page's content-security policy forbids every connection (connect-src 'none').
 */
import type { WebChoices, WebFile, WebRequest, WebResponse } from './engine.js';
import type { AnnotateInPage, EngineInPage, FromEngine, ToEngine } from './protocol.js';

const SEVERITY_ZH = { error: '错误', warn: '警告', info: '提示' } as const;
const SEVERITY_ORDER = ['error', 'warn', 'info', 'off'] as const;

function $(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} missing`);
  return element;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) if (value !== undefined) element.setAttribute(key, value);
  element.append(...children);
  return element;
}

/** The browser features the page needs; the names of those missing. */
function missingFeatures(): string[] {
  const needed: [string, boolean][] = [
    ['File.arrayBuffer', typeof File === 'function' && typeof File.prototype.arrayBuffer === 'function'],
    ['TextDecoder', typeof TextDecoder === 'function'],
    ['TextEncoder', typeof TextEncoder === 'function'],
    ['Blob / URL.createObjectURL', typeof Blob === 'function' && typeof URL.createObjectURL === 'function'],
    ['DataView', typeof DataView === 'function'],
    ['iframe srcdoc', 'srcdoc' in document.createElement('iframe')],
  ];
  return needed.filter(([, ok]) => !ok).map(([name]) => name);
}

// ---------------------------------------------------------------------------------------------
// The engine: a Web Worker, or the same script in the page where a worker cannot start

type Listener = (message: FromEngine) => void;

interface Engine {
  mode: 'worker' | 'page';
  send(message: ToEngine, listener: Listener): void;
}

function engineFile(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="juesuan-engine"]');
  if (!meta) throw new Error('engine file not named');
  return meta.content;
}

function startWorker(file: string): Promise<Engine> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(file);
    } catch (error) {
      reject(error);
      return;
    }
    const listeners = new Map<number, Listener>();
    const timer = setTimeout(() => {
      worker.terminate();
      reject(new Error('worker did not start'));
    }, 10_000);
    worker.onerror = (event) => {
      event.preventDefault();
      clearTimeout(timer);
      worker.terminate();
      reject(new Error(event.message || 'worker failed'));
    };
    worker.onmessage = (event: MessageEvent<FromEngine>) => {
      const message = event.data;
      if (message.type === 'ready') {
        clearTimeout(timer);
        worker.onerror = null;
        resolve({
          mode: 'worker',
          send(m, listener) {
            listeners.set(m.id, listener);
            worker.postMessage(m);
          },
        });
        return;
      }
      listeners.get(message.id)?.(message);
    };
  });
}

/** Loads one of the page's own scripts (the folder's hashed assets) into the page. */
function loadScript(file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = file;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${file} not loaded`));
    document.head.append(script);
  });
}

async function loadInPage(file: string): Promise<Engine> {
  await loadScript(file);
  const inPage = (globalThis as unknown as { juesuanEngine?: EngineInPage }).juesuanEngine;
  if (!inPage) throw new Error('engine not loaded');
  return { mode: 'page', send: (m, listener) => void inPage.answer(m, listener) };
}

let annotator: Promise<AnnotateInPage> | undefined;

/** exceljs is large: its bundle is loaded the first time an annotated copy is asked for. */
function loadAnnotator(): Promise<AnnotateInPage> {
  annotator ??= (async () => {
    const meta = document.querySelector<HTMLMetaElement>('meta[name="juesuan-annotate"]');
    if (!meta) throw new Error('annotate file not named');
    await loadScript(meta.content);
    const loaded = (globalThis as unknown as { juesuanAnnotate?: AnnotateInPage }).juesuanAnnotate;
    if (!loaded) throw new Error('annotate not loaded');
    return loaded;
  })();
  annotator.catch(() => {
    annotator = undefined;
  });
  return annotator;
}

async function connect(): Promise<Engine> {
  const file = engineFile();
  if (typeof Worker === 'function') {
    try {
      return await startWorker(file);
    } catch {
      // e.g. a page opened from disk: Chromium starts no worker from a file:// URL
    }
  }
  return loadInPage(file);
}

let nextId = 1;

function ask<T extends FromEngine['type']>(
  engine: Engine,
  message: ToEngine,
  onProgress?: (m: Extract<FromEngine, { type: 'progress' }>) => void,
): Promise<Extract<FromEngine, { type: T }>> {
  return new Promise((resolve, reject) => {
    engine.send(message, (m) => {
      if (m.type === 'progress') onProgress?.(m);
      else if (m.type === 'failed') reject(new Error(m.message));
      else resolve(m as Extract<FromEngine, { type: T }>);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Choosing files and settings

const chosen: File[] = [];

function addFiles(list: FileList | File[]): void {
  for (const file of list) {
    if (/\.pdf$/i.test(file.name)) {
      status(
        `${file.name}：网页版不读取 PDF，请用命令行 juesuan check 检查，或选择 Word、网页或文本格式的报告。`,
        true,
      );
      continue;
    }
    if (!chosen.some((f) => f.name === file.name && f.size === file.size && f.lastModified === file.lastModified))
      chosen.push(file);
  }
  renderChosen();
}

function renderChosen(): void {
  const list = $('chosen');
  list.replaceChildren(...chosen.map((f) => el('li', {}, `${f.name}（${(f.size / 1024).toFixed(0)} KB）`)));
  ($('check') as HTMLButtonElement).disabled = chosen.length === 0;
  ($('clear') as HTMLButtonElement).disabled = chosen.length === 0;
}

function status(text: string, problem = false): void {
  const element = $('status');
  element.textContent = text;
  element.className = problem ? 'fail' : '';
}

function fillChoices(choices: WebChoices): void {
  $('version').textContent = choices.version;
  const template = $('template') as HTMLSelectElement;
  for (const t of choices.templates) template.append(el('option', { value: t.name }, `${t.title}（${t.name}）`));
  const body = ($('rules') as HTMLTableElement).tBodies[0] as HTMLTableSectionElement;
  for (const rule of choices.rules) {
    const select = el('select', { 'data-rule': rule.id, 'aria-label': `${rule.id} 的级别` });
    for (const s of SEVERITY_ORDER) {
      const label = s === 'off' ? '停用' : SEVERITY_ZH[s];
      select.append(el('option', { value: s }, s === rule.severity ? `${label}（默认）` : label));
    }
    select.value = rule.severity;
    select.dataset.default = rule.severity;
    body.append(
      el(
        'tr',
        { 'data-search': `${rule.id} ${rule.title}`.toLowerCase() },
        el('td', {}, el('code', {}, rule.id)),
        el('td', {}, rule.title),
        el('td', {}, select),
      ),
    );
  }
  $('rule-filter').addEventListener('input', (event) => {
    const query = (event.target as HTMLInputElement).value.trim().toLowerCase();
    for (const row of body.rows) row.hidden = query !== '' && !(row.dataset.search ?? '').includes(query);
  });
}

/** The re-graded rules (those changed from their default), as the configuration's `rules:`. */
function severities(): WebRequest['severities'] {
  const changed: Record<string, 'error' | 'warn' | 'info' | 'off'> = {};
  for (const select of document.querySelectorAll<HTMLSelectElement>('#rules select'))
    if (select.value !== select.dataset.default && select.dataset.rule)
      changed[select.dataset.rule] = select.value as 'error' | 'warn' | 'info' | 'off';
  return changed;
}

async function bytesOf(file: File): Promise<WebFile> {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

// ---------------------------------------------------------------------------------------------
// Results

const MIME: Record<string, string> = {
  html: 'text/html;charset=utf-8',
  json: 'application/json;charset=utf-8',
  sarif: 'application/sarif+json;charset=utf-8',
  markdown: 'text/markdown;charset=utf-8',
};
const EXT: Record<string, string> = { html: 'html', json: 'json', sarif: 'sarif', markdown: 'md' };
const LABEL: Record<string, string> = { html: 'HTML 报告', json: 'JSON', sarif: 'SARIF', markdown: 'Markdown' };
let objectUrls: string[] = [];

/** Offers `bytes` as a file to save (nothing leaves the machine: a blob: URL of this page). */
function save(bytes: BlobPart, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  objectUrls.push(url);
  const link = el('a', { href: url, download: name, hidden: '' });
  document.body.append(link);
  link.click();
  link.remove();
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The annotated copy of one checked workbook (what `check --annotate` writes), made in the page. */
async function annotatedCopy(file: File, result: WebResponse['files'][number], button: HTMLButtonElement) {
  button.disabled = true;
  status(`正在生成 ${file.name} 的标注工作簿……`);
  try {
    const annotate = await loadAnnotator();
    const copy = await annotate.annotate(file.name, new Uint8Array(await file.arrayBuffer()), result.annotate ?? []);
    save(copy.bytes as BlobPart, `${file.name.replace(/\.xlsx$/i, '')}-标注.xlsx`, XLSX_MIME);
    status(
      `已生成标注工作簿：标出 ${copy.cells} 个单元格${copy.unplaced > 0 ? `，另有 ${copy.unplaced} 个问题列在最后一张表` : ''}。`,
    );
  } catch (error) {
    status(`未能生成标注工作簿：${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, true);
  } finally {
    button.disabled = false;
  }
}

function showResult(response: WebResponse, files: readonly File[]): void {
  for (const url of objectUrls) URL.revokeObjectURL(url);
  objectUrls = [];
  $('result').hidden = false;
  const summary = $('summary');
  summary.replaceChildren();
  if (response.error) {
    summary.append(el('p', { class: 'notice error', role: 'alert' }, response.error));
    return;
  }
  const rows = response.files.map((f) => {
    const counts = { error: 0, warn: 0, info: 0 };
    for (const x of f.findings) counts[x.severity] += x.count ?? 1;
    const total = counts.error + counts.warn + counts.info;
    const verdict = f.error
      ? el('span', { class: 'fail' }, `无法检查：${f.error}`)
      : total === 0
        ? el('span', { class: 'pass' }, '✔ 未发现问题')
        : el('span', { class: 'fail' }, `${total} 个问题`);
    return el(
      'tr',
      { 'data-file': f.file },
      el('td', {}, f.file),
      el('td', {}, verdict),
      el('td', { class: 'n' }, String(counts.error)),
      el('td', { class: 'n' }, String(counts.warn)),
      el('td', { class: 'n' }, String(counts.info)),
    );
  });
  summary.append(
    el(
      'table',
      { class: 'summary-table' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', {}, '文件'),
          el('th', {}, '结果'),
          el('th', {}, '错误'),
          el('th', {}, '警告'),
          el('th', {}, '提示'),
        ),
      ),
      el('tbody', {}, ...rows),
    ),
  );
  const findings = response.files.flatMap((f) => f.findings.map((x) => ({ file: f.file, ...x })));
  if (findings.length > 0) {
    summary.append(
      el(
        'table',
        { class: 'findings-list', id: 'findings' },
        el('caption', { class: 'visually-hidden' }, '全部问题'),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', {}, '级别'),
            el('th', {}, '文件'),
            el('th', {}, '位置'),
            el('th', {}, '规则'),
            el('th', {}, '说明'),
          ),
        ),
        el(
          'tbody',
          {},
          ...findings.map((f) =>
            el(
              'tr',
              {
                class: `sev-${f.severity}`,
                'data-rule': f.ruleId,
                'data-severity': f.severity,
                'data-cell': f.cell ?? '',
              },
              el('td', {}, SEVERITY_ZH[f.severity]),
              el('td', {}, f.file),
              el('td', {}, f.cell ?? ''),
              el('td', {}, el('code', {}, f.ruleId)),
              el('td', {}, f.message),
            ),
          ),
        ),
      ),
    );
  }
  const downloads = $('downloads');
  downloads.replaceChildren('下载：');
  const stem = response.files.length === 1 ? (response.files[0]?.file ?? 'juesuan').replace(/\.[^.]+$/, '') : 'juesuan';
  for (const [format, text] of Object.entries(response.outputs)) {
    const url = URL.createObjectURL(new Blob([text], { type: MIME[format] }));
    objectUrls.push(url);
    downloads.append(
      el('a', { href: url, download: `${stem}-校验.${EXT[format]}`, 'data-format': format }, LABEL[format] ?? format),
    );
  }
  // the files were checked in the order chosen: result i is file i
  for (const [i, result] of response.files.entries()) {
    const file = files[i];
    if (!result.annotate || !file) continue;
    const button = el(
      'button',
      { type: 'button', class: 'secondary', 'data-annotate': result.file },
      `标注工作簿：${result.file}`,
    );
    button.addEventListener('click', () => void annotatedCopy(file, result, button));
    downloads.append(button);
  }
  ($('report') as HTMLIFrameElement).srcdoc = response.outputs.html;
}

// ---------------------------------------------------------------------------------------------

async function run(engine: Engine): Promise<void> {
  const button = $('check') as HTMLButtonElement;
  button.disabled = true;
  const progress = $('progress') as HTMLProgressElement;
  progress.hidden = false;
  progress.value = 0;
  status('正在读取文件……');
  document.body.dataset.state = 'running';
  try {
    const narrativeFile = ($('narrative') as HTMLInputElement).files?.[0];
    const previousFile = ($('previous') as HTMLInputElement).files?.[0];
    const template = ($('template') as HTMLSelectElement).value;
    const failOn = ($('fail-on') as HTMLSelectElement).value;
    const files = [...chosen];
    const request: WebRequest = {
      files: await Promise.all(files.map(bytesOf)),
      ...(narrativeFile ? { narrative: await bytesOf(narrativeFile) } : {}),
      ...(previousFile ? { previous: await bytesOf(previousFile) } : {}),
      ...(template ? { template } : {}),
      ...(failOn ? { failOn: failOn as 'warn' | 'info' } : {}),
      severities: severities(),
    };
    const started = performance.now();
    const result = await ask<'result'>(engine, { type: 'check', id: nextId++, request }, (p) => {
      progress.max = Math.max(1, p.total);
      progress.value = p.done;
      status(p.file ? `正在检查 ${p.file}（${p.done + 1}/${p.total}）……` : '正在生成报告……');
    });
    const { counts } = result.response;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    status(
      result.response.error
        ? '未能检查。'
        : `检查完成（${result.response.files.length} 个文件，${seconds} 秒）：${counts.error} 个错误，${counts.warn} 个警告，${counts.info} 个提示。`,
    );
    showResult(result.response, files);
    document.body.dataset.state = 'done';
  } catch (error) {
    status(`检查中出错：${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, true);
    document.body.dataset.state = 'failed';
  } finally {
    progress.hidden = true;
    button.disabled = chosen.length === 0;
  }
}

async function main(): Promise<void> {
  const missing = missingFeatures();
  const notice = $('unsupported');
  if (missing.length > 0) {
    notice.textContent = `这个浏览器缺少本页需要的功能（${missing.join('、')}），无法在本机检查。请使用最新版的 Chrome、Edge 或 Firefox，或使用命令行 juesuan check。`;
    notice.className = 'notice error';
    return;
  }
  notice.textContent = '正在加载检查程序……';
  let engine: Engine;
  try {
    engine = await connect();
    fillChoices((await ask<'choices'>(engine, { type: 'choices', id: nextId++ })).choices);
  } catch (error) {
    notice.textContent = `检查程序未能加载（${error instanceof Error ? error.message : String(error)}）。请使用最新版的 Chrome、Edge 或 Firefox，或使用命令行 juesuan check。`;
    notice.className = 'notice error';
    return;
  }
  notice.hidden = true;
  $('app').hidden = false;
  document.body.dataset.engine = engine.mode;
  document.body.dataset.state = 'ready';

  const input = $('files') as HTMLInputElement;
  const drop = $('drop');
  const start = () => void run(engine);
  input.addEventListener('change', () => {
    if (input.files) addFiles(input.files);
    input.value = '';
    if (chosen.length > 0) start();
  });
  // a button: Enter and Space choose files from the keyboard as a click does
  drop.addEventListener('click', () => input.click());
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    if (event.dataTransfer?.files) addFiles(event.dataTransfer.files);
    if (chosen.length > 0) start();
  });
  // a file dropped beside the drop zone must not make the browser open it (and leave the page)
  window.addEventListener('dragover', (event) => event.preventDefault());
  window.addEventListener('drop', (event) => event.preventDefault());
  $('check').addEventListener('click', start);
  $('clear').addEventListener('click', () => {
    chosen.length = 0;
    renderChosen();
    $('result').hidden = true;
    status('');
  });
}

void main();
