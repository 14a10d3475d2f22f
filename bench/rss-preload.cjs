// Preloaded into the CLI process by the workspace-scan benchmark (node -r bench/rss-preload.cjs
// dist/cli.js ...): at exit, writes the process's own peak RSS and CPU time to the file named by
// STRATEGY_LINT_BENCH_RSS. Portable (no /usr/bin/time), and measures exactly the CLI process.
//
// On Linux the peak is VmHWM from /proc/self/status, the high-water mark of this process's own
// address space. getrusage's maxRSS (process.resourceUsage) also keeps the peak of the address
// space the process had before exec, i.e. the forked parent's: spawned from a bench process of
// 400 MB, a child that never exceeds 40 MB reports 400.
'use strict';
const fs = require('node:fs');

function peakRssKb() {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // not Linux: fall back to getrusage
  }
  return process.resourceUsage().maxRSS;
}

const out = process.env.STRATEGY_LINT_BENCH_RSS;
if (out) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    fs.writeFileSync(out, JSON.stringify({ maxRssKb: peakRssKb(), userUs: usage.userCPUTime, systemUs: usage.systemCPUTime }));
  });
}
