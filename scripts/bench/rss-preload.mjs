// Preloaded into a measured process: reports its peak resident set size when it exits.
import { appendFileSync } from 'node:fs';

const out = process.env.JUESUAN_BENCH_RSS_FILE;
if (out) process.on('exit', () => appendFileSync(out, `${process.resourceUsage().maxRSS}\n`));
