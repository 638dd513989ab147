import { InputError } from './input-error.js';
import { printable } from './messages.js';

/**
 * User-facing sentences for an output that cannot be written (exit 2), one per code: what went
 * wrong with which output, and what to do. Every output of every command (check -o, --annotate,
 * diff -o, baseline -o) says it the same way; see src/io/output/writer.ts.
 */

/** What the run reads a file as; named in the sentence when an output would overwrite it. */
export type InputRole = 'workbook' | 'previous' | 'narrative' | 'config' | 'rules' | 'baseline' | 'builtin';

const ROLE_TEXT: Record<InputRole, string> = {
  workbook: '输入文件',
  previous: '上年工作簿',
  narrative: '情况说明',
  config: '配置文件',
  rules: '规则文件',
  baseline: '审核说明',
  builtin: 'juesuan 自带的规则文件',
};

/** How the output and the input are one file. */
export type SameFileHow = 'path' | 'symlink' | 'hard-link' | 'case';

const HOW_TEXT: Record<SameFileHow, (input: string) => string> = {
  path: (input) => `就是本次读取的${input}`,
  symlink: (input) => `经符号链接指向本次读取的${input}`,
  'hard-link': (input) => `与本次读取的${input}是同一个文件（硬链接）`,
  case: (input) => `与本次读取的${input}只差大小写，在不区分大小写的文件夹中是同一个文件`,
};

/** Why a write failed: an OS error code (EACCES …) or one of ours. */
export type WriteFailure =
  | 'empty-path'
  | 'is-directory'
  | 'under-file'
  | 'no-folder'
  | 'permission'
  | 'no-space'
  | 'read-only'
  | 'name-too-long'
  | 'link-loop'
  | 'busy'
  | 'no-reader'
  | 'other';

const ERRNO_FAILURE: Readonly<Record<string, WriteFailure>> = {
  EISDIR: 'is-directory',
  ENOTDIR: 'under-file',
  ENOENT: 'no-folder',
  EACCES: 'permission',
  EPERM: 'permission',
  ENOSPC: 'no-space',
  EDQUOT: 'no-space',
  EFBIG: 'no-space',
  EROFS: 'read-only',
  ENAMETOOLONG: 'name-too-long',
  ELOOP: 'link-loop',
  EBUSY: 'busy',
  ETXTBSY: 'busy',
  ENXIO: 'no-reader',
};

/** The failure an OS error stands for. */
export function writeFailureOf(error: unknown): WriteFailure {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (code && ERRNO_FAILURE[code]) || 'other';
}

const FAILURE_TEXT: Record<WriteFailure, (at: string, detail: string) => string> = {
  'empty-path': () => '路径为空，请写出文件名',
  'is-directory': () => '这是一个文件夹，请在它后面写上文件名',
  'under-file': (at) => `路径中的「${at}」是文件而不是文件夹，请检查路径`,
  'no-folder': (at) => `无法创建文件夹「${at}」，请检查路径`,
  permission: () => '没有写入权限，请换一个文件夹或检查权限',
  'no-space': () => '磁盘空间不足（没有留下写了一半的文件），请腾出空间后再试',
  'read-only': () => '所在的文件系统是只读的，请换一个位置',
  'name-too-long': () => '路径或文件名过长，请换一个短一些的',
  'link-loop': () => '路径中的符号链接形成了循环，请检查路径',
  busy: () => '文件正被其他程序占用（例如在 Excel 中打开），请关闭后再试',
  'no-reader': () => '这是一个没有读取方的管道或无法打开的设备，请检查路径',
  other: (_, detail) => `系统错误 ${detail}，请检查路径和权限`,
};

/**
 * The output `shown` (as the user wrote it) of `option` could not be written. `at` is the path
 * component at fault (a file in the way, a folder that cannot be created); `detail` the OS code.
 */
export function outputWriteError(
  option: string,
  shown: string,
  failure: WriteFailure,
  options: { at?: string; detail?: string; cause?: unknown } = {},
): InputError {
  const what = FAILURE_TEXT[failure](printable(options.at ?? shown), printable(options.detail ?? ''));
  const target = failure === 'empty-path' ? '' : `「${printable(shown)}」`;
  return new InputError('output-write-failed', `无法写入 ${option} 的输出文件${target}：${what}。`, {
    cause: options.cause,
  });
}

/** An output that is one of the run's inputs: refused before anything is written. */
export function outputIsInputError(
  option: string,
  shown: string,
  input: { shown: string; role: InputRole },
  how: SameFileHow,
): InputError {
  return new InputError(
    'output-is-input',
    `${option} 的输出文件「${printable(shown)}」${HOW_TEXT[how](`${ROLE_TEXT[input.role]}「${printable(input.shown)}」`)}：juesuan 从不改写输入，请另选一个文件名。`,
  );
}

/** Two outputs of one run that are one file. */
export function outputTwiceError(first: string, second: string): InputError {
  return new InputError(
    'bad-output',
    `${printable(first)}与 ${printable(second)}写到同一个文件：每个输出请用不同的路径。`,
  );
}
