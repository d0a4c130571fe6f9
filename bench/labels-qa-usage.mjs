// Preloaded into each step of bench/labels-qa.ts (node --import): peak RSS and CPU time on exit.
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`\nBENCH_USAGE=${u.maxRSS},${u.userCPUTime},${u.systemCPUTime}\n`);
});
