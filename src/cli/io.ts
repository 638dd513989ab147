/** Everything the CLI needs from the outside world; bin/juesuan.js supplies the real process. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /**
   * Resolves when stdout has taken what was written (a slow pipe, a pager): a long report is made
   * as fast as it is read, not held in memory. Absent: writes are taken at once.
   */
  drained?(): Promise<void>;
  /** stdout is a terminal (colours, progress). */
  isTTY: boolean;
  /** stderr is a terminal (the progress bar of a batch); absent means no. */
  errIsTTY?: boolean;
  /** The width of the terminal stdout is (process.stdout.columns); absent for a pipe or a file. */
  columns?: number;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** Collects output in memory: used by tests to run the CLI in-process. */
export function memoryIO(overrides: Partial<CliIO> = {}): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    isTTY: false,
    env: {},
    cwd: process.cwd(),
    ...overrides,
    stdout,
    stderr,
  };
}
