import { basename } from 'node:path';
import type { FileResult } from '../model/results.js';

/** A file whose check threw something unexpected: the file's error, not the batch's. */
export function crashResult(file: string, error: unknown, code = 'internal-error'): FileResult {
  const text = error instanceof Error ? error.message : String(error);
  const what = code === 'worker-crashed' ? '工作线程意外退出' : '出现内部错误';
  return {
    file,
    error: {
      code,
      message: `检查「${basename(file) || file}」时${what}（${text.split('\n')[0]}），已跳过该文件，其余文件照常检查；请用 --debug 重新运行并报告此问题。`,
    },
    findings: [],
  };
}
