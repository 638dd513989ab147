import { basename } from 'node:path';
import { InputError } from './input-error.js';

/**
 * User-facing sentences for input that cannot be used at all (exit 2).
 * Each code renders ONE Chinese sentence: what is wrong with which file, and what to do.
 * Codes are stable (scripts and tests key on them); wording may change, so tests assert
 * on INPUT_ERROR_MARKERS rather than on whole sentences.
 */

/** Why a file could not be read although it exists (filled in by src/io/guard.ts from the OS error). */
export type ReadFailureReason = 'permission' | 'busy' | 'not-regular-file' | 'too-large' | 'other';

/** Which zip-bomb bound was crossed (see src/io/guard.ts for the numbers and why). */
export type ZipBombDetail =
  | { kind: 'total-size'; declaredBytes: number; limitBytes: number }
  | { kind: 'ratio'; entry: string; ratio: number; limit: number }
  | { kind: 'entry-count'; count: number; limit: number }
  /** The data inflates past what the central directory declared: a lying header. */
  | { kind: 'inflated-size'; entry: string; declaredBytes: number };

interface FileData {
  /** Path as the user gave it; only its base name is shown. */
  file: string;
}

/** Data each code needs; `inputError` is typed against this map. */
export interface InputErrorData {
  'file-not-found': FileData;
  'is-directory': FileData;
  'empty-file': FileData;
  'not-a-workbook': FileData;
  'corrupt-zip': FileData;
  'not-xlsx': FileData;
  'encrypted-workbook': FileData;
  'legacy-xls': FileData;
  'zip-bomb': FileData & { detail: ZipBombDetail };
  'corrupt-workbook': FileData;
  'no-tables': FileData;
  /** A folder given to `check` with no .xlsx below it (lock and hidden files skipped). */
  'no-workbooks': FileData & { legacy?: number };
  /** A documented limit (src/io/limits.ts) exceeded: `what` says which, with the number. */
  'over-limit': FileData & { what: string };
  /** `detail`: the OS error code (EACCES …) or the size limit, shown after the reason. */
  'read-failed': FileData & { reason: ReadFailureReason; detail?: string; what?: string };
  /** A text or HTML file in no encoding juesuan can read (UTF-8, UTF-16, GB18030/GBK). */
  'undecodable-text': FileData;
  /** A PDF without a text layer: a scan. */
  'scanned-pdf': FileData;
  'encrypted-pdf': FileData;
  /** A PDF past the sane bounds (pages, stream sizes, reading time); `detail` says which. */
  'pdf-bomb': FileData & { detail: string };
  'corrupt-pdf': FileData;
  'corrupt-docx': FileData;
  /** A published report (PDF, Word, HTML, text) in which no standard table was recognised. */
  'no-tables-published': FileData;
  /** A document given to `diff` in which no standard table was recognised (text alone has no amounts to compare). */
  'no-tables-diff': FileData;
}

export type InputErrorCode = keyof InputErrorData;

/** The codes of a document read without a recognised table: where amounts are compared (diff, --previous) it is 'no-tables-diff'. */
export const NO_TABLES_CODES: readonly string[] = ['no-tables', 'no-tables-published'];

/**
 * A phrase that occurs in exactly one code's sentence, so tests and scripts can recognise
 * the sentence without copying it (tests/bad-input.test.ts checks the uniqueness).
 */
export const INPUT_ERROR_MARKERS: Readonly<Record<InputErrorCode, string>> = {
  'file-not-found': '找不到文件',
  'is-directory': '是一个文件夹',
  'empty-file': '是空文件',
  'not-a-workbook': '不是 Excel 工作簿',
  'corrupt-zip': '压缩结构已损坏',
  'not-xlsx': '不是 .xlsx 工作簿',
  'encrypted-workbook': '设置了打开密码',
  'legacy-xls': '旧版 .xls',
  'zip-bomb': '疑似压缩炸弹',
  'corrupt-workbook': '内容已损坏',
  'no-tables': '没有识别到部门决算表格',
  'no-workbooks': '中没有 .xlsx 工作簿',
  'read-failed': '无法读取文件',
  'over-limit': '超出本工具的处理上限',
  'undecodable-text': '文字编码无法识别',
  'scanned-pdf': '扫描件没有文字层',
  'encrypted-pdf': '已加密',
  'pdf-bomb': '规模异常',
  'corrupt-pdf': '不是有效的 PDF',
  'corrupt-docx': '不是有效的 Word 文档',
  'no-tables-published': '既没有部门决算表格也没有情况说明',
  'no-tables-diff': '没有可对比的部门决算表格',
};

/** What went wrong and what to do, per read failure: the advice differs, so it is not one suffix. */
const READ_FAILURE_TEXT: Record<ReadFailureReason, { what: string; todo: (file: string) => string }> = {
  permission: { what: '没有读取权限', todo: () => '请检查文件权限或换一个有权限的账户再试' },
  busy: { what: '文件正被其他程序占用', todo: () => '请关闭占用它的程序后再试' },
  'not-regular-file': { what: '不是普通文件', todo: (file) => `请指定保存在磁盘上的${file}` },
  'too-large': { what: '文件过大', todo: (file) => `请确认选择的是${file}` },
  other: { what: '系统错误', todo: (file) => `请检查该${file.trim()}能否正常打开` },
};

/** The workbook's wording when a reader does not say what the file is. */
const WORKBOOK_FILE = { 'not-regular-file': ' .xlsx 文件', other: '部门决算工作簿' } as const;

type Templates = { [C in InputErrorCode]: (data: InputErrorData[C], name: string) => string };

const TEMPLATES: Templates = {
  'file-not-found': (_, f) => `找不到文件「${f}」，请检查路径和文件名是否正确。`,
  'is-directory': (_, f) => `「${f}」是一个文件夹而不是文件，请指定其中的决算工作簿（.xlsx）。`,
  'empty-file': (_, f) => `文件「${f}」是空文件（0 字节），请重新导出或复制决算工作簿后再试。`,
  'not-a-workbook': (_, f) => `文件「${f}」不是 Excel 工作簿（无法识别文件内容），请选择 .xlsx 格式的决算工作簿。`,
  'corrupt-zip': (_, f) =>
    `文件「${f}」的压缩结构已损坏或不完整，请重新下载，或用 Excel、WPS 从原文件重新另存为 .xlsx。`,
  'not-xlsx': (_, f) =>
    `文件「${f}」是压缩包但不是 .xlsx 工作簿（缺少 xl/workbook.xml），请确认选对了文件，或在 Excel、WPS 中另存为 .xlsx 格式。`,
  'encrypted-workbook': (_, f) =>
    `工作簿「${f}」设置了打开密码，无法读取，请在 Excel 或 WPS 中取消密码保护并另存为 .xlsx 后再试。`,
  'legacy-xls': (_, f) =>
    `「${f}」是旧版 .xls/.et 格式，本工具只支持 .xlsx，请在 Excel 或 WPS 中打开后另存为 .xlsx 格式再试。`,
  'zip-bomb': (d, f) =>
    `文件「${f}」解压后体积异常（${describeZipBomb(d.detail)}），疑似压缩炸弹或文件已损坏，已停止读取，请确认文件来源。`,
  'corrupt-workbook': (_, f) => `工作簿「${f}」内容已损坏，无法解析，请在 Excel 或 WPS 中打开后另存为 .xlsx 再试。`,
  'no-tables': (_, f) =>
    `工作簿「${f}」中没有识别到部门决算表格（如收入支出决算总表），请确认选择了部门决算公开表格文件。`,
  'no-workbooks': (d, f) =>
    d.legacy
      ? `文件夹「${f}」中没有 .xlsx 工作簿，只有 ${d.legacy} 个旧版 .xls/.et 文件，请在 Excel 或 WPS 中另存为 .xlsx 后再试。`
      : `文件夹「${f}」中没有 .xlsx 工作簿（已跳过 ~$ 开头的临时文件和隐藏文件），请检查路径。`,
  'over-limit': (d, f) =>
    `「${f}」超出本工具的处理上限（${printable(d.what)}），请确认选对了文件，或删去多余的内容后再试。`,
  'undecodable-text': (_, f) =>
    `文件「${f}」的文字编码无法识别（不是 UTF-8、UTF-16 或 GB18030/GBK），请用记事本或 WPS 另存为 UTF-8 编码后再试。`,
  'scanned-pdf': (_, f) => `「${f}」是扫描件：扫描件没有文字层，请提供可复制文字的 PDF 或原始工作簿。`,
  'encrypted-pdf': (_, f) =>
    `PDF 文件「${f}」已加密（有密码或权限保护），无法读取文字，请提供未加密的 PDF 或原始工作簿。`,
  'pdf-bomb': (d, f) =>
    `PDF 文件「${f}」规模异常（${printable(d.detail)}），疑似恶意构造或已损坏，已停止读取，请确认文件来源。`,
  'corrupt-pdf': (_, f) => `文件「${f}」不是有效的 PDF 或已损坏，无法读取，请重新下载或从原文件重新导出 PDF。`,
  'corrupt-docx': (_, f) =>
    `文件「${f}」不是有效的 Word 文档（.docx）或已损坏，请在 Word 或 WPS 中另存为 .docx 后再试。`,
  'no-tables-published': (_, f) =>
    `文件「${f}」中既没有部门决算表格也没有情况说明，请确认选择了部门决算公开文件（PDF、Word、网页或文本）。`,
  'no-tables-diff': (_, f) =>
    `文件「${f}」中没有可对比的部门决算表格，对比两年金额需要两个年度的决算表格（.xlsx 工作簿，或含表格的 PDF、Word、网页、文本）。`,
  'read-failed': (d, f) => {
    const { what, todo } = READ_FAILURE_TEXT[d.reason];
    const detail = d.detail ? ` ${printable(d.detail)}` : '';
    const kind = d.what ?? (d.reason === 'not-regular-file' ? WORKBOOK_FILE['not-regular-file'] : WORKBOOK_FILE.other);
    return `无法读取文件「${f}」（${what}${detail}），${todo(kind)}。`;
  },
};

/** Render the sentence for `code` (no trailing newline, never more than one line). */
export function renderInputError<C extends InputErrorCode>(code: C, data: InputErrorData[C]): string {
  const template: (data: InputErrorData[C], name: string) => string = TEMPLATES[code];
  return template(data, displayName(data.file));
}

/** The InputError for `code`; pass the underlying exception as `cause` so --debug can show it. */
export function inputError<C extends InputErrorCode>(
  code: C,
  data: InputErrorData[C],
  options?: { cause?: unknown },
): InputError {
  return new InputError(code, renderInputError(code, data), options);
}

/** Base name only (the user knows where it is), with control characters escaped so it stays one line. */
function displayName(path: string): string {
  // basename('') and basename('/') are '' — show the raw path rather than an empty 「」.
  return printable(basename(path) || path);
}

/** Control characters escaped, so a name stays on one line. */
export function printable(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this escapes
    /[\u0000-\u001f\u007f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function describeZipBomb(detail: ZipBombDetail): string {
  switch (detail.kind) {
    case 'total-size':
      return `声明解压后共 ${mib(detail.declaredBytes)}，超过上限 ${mib(detail.limitBytes)}`;
    case 'ratio':
      return `「${printable(detail.entry)}」压缩比约 ${Math.round(detail.ratio)}:1，超过上限 ${detail.limit}:1`;
    case 'entry-count':
      return `包含 ${detail.count} 个文件，超过上限 ${detail.limit} 个`;
    case 'inflated-size':
      return `「${printable(detail.entry)}」实际解压后超过其声明的 ${detail.declaredBytes} 字节`;
  }
}

function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 1 : 0)} MiB`;
}
