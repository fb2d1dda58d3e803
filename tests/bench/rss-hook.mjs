// Preloaded into a benchmarked child process (`node --import <this>`): on exit, writes the process's peak
// resident set size to $BENCH_RSS_FILE. Works wherever Node runs, unlike /usr/bin/time -v.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    // resourceUsage().maxRSS is in kilobytes.
    writeFileSync(target, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
  });
}
