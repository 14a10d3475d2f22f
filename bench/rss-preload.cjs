// Preloaded into the CLI process by the workspace-scan benchmark (node -r bench/rss-preload.cjs
// dist/cli.js ...): at exit, writes the process's own peak RSS and CPU time to the file named by
// STRATEGY_LINT_BENCH_RSS. Portable (no /usr/bin/time), and measures exactly the CLI process.
'use strict';
const fs = require('node:fs');

const out = process.env.STRATEGY_LINT_BENCH_RSS;
if (out) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    // maxRSS is in kilobytes.
    fs.writeFileSync(out, JSON.stringify({ maxRssKb: usage.maxRSS, userUs: usage.userCPUTime, systemUs: usage.systemCPUTime }));
  });
}
