import { spawn, spawnSync } from 'node:child_process';
import { BIN, ensureDist } from '../helpers/dist.js';

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** bin/juesuan.js as a user runs it, killed after `timeoutMs` (a hang is a result, not a stuck suite). */
export function juesuan(args: string[], cwd: string, timeoutMs = 60_000): ProcessResult {
  ensureDist();
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    env: { ...process.env, NO_COLOR: '1', CI: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return {
    code: result.status,
    signal: result.signal,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
    timedOut: result.error !== undefined && (result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT',
  };
}

/** bin/juesuan.js with its stdout closed by the reader after `keepBytes` bytes (`| head -c N`). */
export function juesuanIntoClosedPipe(args: string[], cwd: string, keepBytes = 0): Promise<ProcessResult> {
  ensureDist();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let received = 0;
    const close = () => child.stdout.destroy();
    if (keepBytes === 0) close();
    child.stdout.on('data', (chunk: Buffer) => {
      received += chunk.length;
      stdout += chunk.toString('utf8');
      if (received >= keepBytes) close();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut: signal === 'SIGKILL' });
    });
  });
}

/** One line on stderr, in Chinese, no stack, no English library text. */
export function isOneChineseSentence(stderr: string): boolean {
  const lines = stderr.trimEnd().split('\n');
  return (
    lines.length === 1 && /[\u4e00-\u9fff]/.test(stderr) && !/\bat \S+ \(|Error:|TypeError|ENOENT|EAGAIN/.test(stderr)
  );
}
