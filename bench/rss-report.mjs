// Preloaded into each benchmark step (node --import): reports the process's peak RSS and CPU time on exit.
// `--import` preloads into worker threads too, and a worker's `exit` comes first: only the main
// thread reports, when the whole process (every thread, finished ones included) is done.
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    process.stderr.write(`\nBENCH_MAX_RSS_KB=${u.maxRSS} BENCH_CPU_US=${u.userCPUTime + u.systemCPUTime}\n`);
  });
}
