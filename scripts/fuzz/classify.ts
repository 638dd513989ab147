/**
 * What a run of juesuan on a hostile input must never do, in the order a run is classified (the
 * first that applies): the outcome classes of the fuzz table.
 */
export const OUTCOMES = [
  'crash',
  'internal error',
  'English text',
  'multi-line exit-2 message',
  'over 5 s',
  'over 300 MiB RSS',
  'input changed',
  'ok',
] as const;

export type Outcome = (typeof OUTCOMES)[number];

export interface RunResult {
  /** null when killed (timed out or by a signal). */
  code: number | null;
  stderr: string;
  /** User + system CPU seconds, when measured. */
  cpuSeconds?: number;
  /** Peak resident set, MiB, when measured. */
  rssMiB?: number;
  timedOut?: boolean;
  inputsChanged: boolean;
}

export const LIMIT_SECONDS = 5;
export const LIMIT_RSS_MIB = 300;

/**
 * English words that are not ours: three or more Latin words in a row outside the quoted file
 * names (「…」), which hold whatever the user named. Codes such as EACCES stay single words.
 */
export function hasEnglish(text: string): boolean {
  const unquoted = text.replace(/「[^」]*」/g, '「」').replace(/juesuan --help|juesuan rules|juesuan baseline/g, '');
  return /[A-Za-z]{2,}[ ,:']+[A-Za-z]{2,}[ ,:']+[A-Za-z]{2,}/.test(unquoted);
}

export function classify(result: RunResult): Outcome {
  if (result.timedOut) return 'over 5 s';
  if (result.code === null || ![0, 1, 2].includes(result.code)) return 'crash';
  if (/内部错误|工作线程意外退出/.test(result.stderr)) return 'internal error';
  if (hasEnglish(result.stderr)) return 'English text';
  // every line one sentence of ours: a data file's error says each of its problems on a line of its own
  if (
    result.code === 2 &&
    result.stderr
      .trimEnd()
      .split('\n')
      .some((line) => !line.startsWith('juesuan: '))
  )
    return 'multi-line exit-2 message';
  if ((result.cpuSeconds ?? 0) > LIMIT_SECONDS) return 'over 5 s';
  if ((result.rssMiB ?? 0) > LIMIT_RSS_MIB) return 'over 300 MiB RSS';
  if (result.inputsChanged) return 'input changed';
  return 'ok';
}
