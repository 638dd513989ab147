// Preloaded into a measured process: reports its peak resident set size (KiB) and CPU time
// (user + system, µs) when it exits.
import { appendFileSync } from 'node:fs';

const out = process.env.JUESUAN_BENCH_RSS_FILE;
if (out)
  process.on('exit', () => {
    const usage = process.resourceUsage();
    appendFileSync(out, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}\n`);
  });
