// Child-process probe: loads one result file and prints memory figures as JSON on stdout.
// Run as `node --import tsx test/helpers/fuzz-load-memory.ts <file> [maxBytes]` so the numbers
// are not polluted by the test runner. Peak RSS comes from getrusage (maxRSS, KB).
import * as fs from 'fs';
import { loadResultFile } from '../../server/src/engine/results/load-result';

const file = process.argv[2];
const maxBytes = process.argv[3] ? Number(process.argv[3]) : undefined;
const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
const before = process.memoryUsage();
const peakBefore = process.resourceUsage().maxRSS * 1024;
const bytes = new Uint8Array(fs.readFileSync(file));
const afterRead = process.memoryUsage();
const peakAfterRead = process.resourceUsage().maxRSS * 1024;
const started = performance.now();
const summaries = loadResultFile(file, bytes, maxBytes === undefined ? {} : { maxBytes });
const ms = performance.now() - started;
const after = process.memoryUsage();
const peakAfter = process.resourceUsage().maxRSS * 1024;
process.stdout.write(
  JSON.stringify({
    fileMB: mb(bytes.length),
    ms: Math.round(ms),
    rssBeforeMB: mb(before.rss),
    peakRssAfterReadMB: mb(peakAfterRead),
    peakRssAfterLoadMB: mb(peakAfter),
    /** Peak RSS growth caused by loading, beyond holding the file's bytes. */
    loadPeakGrowthMB: mb(peakAfter - Math.max(peakAfterRead, peakBefore)),
    heapGrowthMB: mb(after.heapUsed - afterRead.heapUsed),
    summaries: summaries.length,
    problems: summaries.flatMap((s) => s.problems.map((p) => p.message)).slice(0, 5),
    tradeCount: summaries[0]?.tradeCount,
  }) + '\n',
);
