/**
 * Linear or not, as a ratio measured in one run (never an absolute time): the CPU time of a job
 * of size n against size k·n, best of a few tries so that another process's burst cannot make a
 * linear job look quadratic. Linear work gives about k; quadratic work k².
 */
export function workRatio(job: (n: number) => void, n: number, k: number, tries = 3): number {
  const cpu = (size: number): number => {
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < tries; i++) {
      const start = process.cpuUsage();
      job(size);
      const used = process.cpuUsage(start);
      best = Math.min(best, used.user + used.system);
    }
    return Math.max(best, 1);
  };
  cpu(n); // warm up the JIT so the small size is not charged for compiling
  return cpu(k * n) / cpu(n);
}
