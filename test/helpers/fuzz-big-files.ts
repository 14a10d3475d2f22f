// Writes big, realistic result files (a freqtrade backtest with N MB of trades) into a temp dir.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';

const TRADE = JSON.stringify({
  pair: 'ETH/BTC',
  open_date: '2018-01-10 07:15:00+00:00',
  close_date: '2018-01-10 07:20:00+00:00',
  profit_ratio: 0.0399,
  profit_abs: 4.5e-5,
  trade_duration: 5,
  is_open: false,
  exit_reason: 'roi',
  enter_tag: null,
});

export function writeBigBacktest(megabytes: number): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strategy-lint-big-'));
  const file = path.join(dir, `backtest-result-${megabytes}mb.json`);
  const target = megabytes * 1024 * 1024;
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, '{"strategy":{"S":{"starting_balance":1000,"trades":[');
    const chunk = Array(2000).fill(TRADE).join(',');
    let written = 60;
    for (let first = true; written < target - 100; first = false) {
      fs.writeSync(fd, (first ? '' : ',') + chunk);
      written += chunk.length + 1;
    }
    fs.writeSync(fd, ']}}}');
  } finally {
    fs.closeSync(fd);
  }
  return { dir, file };
}

export interface MemoryProbe {
  fileMB: number;
  ms: number;
  peakRssAfterReadMB: number;
  peakRssAfterLoadMB: number;
  loadPeakGrowthMB: number;
  heapGrowthMB: number;
  summaries: number;
  problems: string[];
  tradeCount?: number;
}

/** Loads `file` in a fresh node process (test/helpers/fuzz-load-memory.ts) and returns its figures. */
export function probeLoadMemory(file: string): MemoryProbe {
  const script = path.join(__dirname, 'fuzz-load-memory.ts');
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, file], { encoding: 'utf8', cwd: path.join(__dirname, '..', '..'), timeout: 120000 });
  return JSON.parse(out.trim().split('\n').pop()!) as MemoryProbe;
}
