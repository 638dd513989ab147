/**
 * Linear or not, as a ratio measured in one run (never an absolute time): the CPU time of a job
 * of size n against size k·n, best of a few tries so that another process's burst cannot make a
 * linear job look quadratic. Linear work gives about k; quadratic work k².
 *
 * A job that takes well under a millisecond is repeated until it has used MIN_SAMPLE_MICROS of CPU
 * and charged per call: a single sub-millisecond sample is mostly clock granularity and scheduler
 * noise (a linear per-file summary once measured 26× for 8× the files on a busy machine).
 *
 * The whole measurement is repeated (up to ROUNDS times) while its ratio looks superlinear, and the
 * smallest ratio is returned: process CPU time includes V8's collector threads, and with the suite's
 * other files on every core one round of a linear job once measured 24.07× for 8× the text. Quadratic
 * work gives about k² in every round, so only repeated noise in the same direction could hide it.
 */
const MIN_SAMPLE_MICROS = 20_000;
const ROUNDS = 3;

export function workRatio(job: (n: number) => void, n: number, k: number, tries = 3): number {
  const cpu = (size: number): number => {
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < tries; i++) {
      const start = process.cpuUsage();
      let calls = 0;
      let micros = 0;
      do {
        job(size);
        calls += 1;
        const used = process.cpuUsage(start);
        micros = used.user + used.system;
      } while (micros < MIN_SAMPLE_MICROS);
      best = Math.min(best, micros / calls);
    }
    return Math.max(best, 1);
  };
  cpu(n); // warm up the JIT so the small size is not charged for compiling
  let smallest = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS && smallest >= 2 * k; round++) smallest = Math.min(smallest, cpu(k * n) / cpu(n));
  return smallest;
}
