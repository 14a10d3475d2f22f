// Where the facts stage goes, group by group, on a fresh syntax index per run (as a lint has):
//   npx tsx bench/profile-facts.ts [FILE] [runs] [group,group,...]
// Groups are read in the order given; a group's time includes the groups it reads first (the
// parameters include the strategies and the bindings). CPU time of this process, median of runs:
// steadier than wall time on a shared machine. `extractFacts` alone computes nothing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractFacts } from '../server/src/engine/facts';
import type { StrategyFacts } from '../server/src/engine/facts/types';
import { initPythonParser, parsePython } from '../server/src/engine/python/parser';
import { buildSyntaxIndex } from '../server/src/engine/python/syntax-index';

const GROUPS: (keyof StrategyFacts)[] = ['strategies', 'parameters', 'models', 'frameworks', 'settings', 'windows', 'costs', 'validation', 'lean', 'freqtrade', 'backtestWindows'];

function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  await initPythonParser();
  const file = process.argv[2] || path.join(__dirname, '.generated', 'large', 'strategy_library.py');
  const runs = Number(process.argv[3] ?? 21);
  const groups = process.argv[4] ? (process.argv[4].split(',') as (keyof StrategyFacts)[]) : GROUPS;
  const text = fs.readFileSync(file, 'utf8');
  const tree = parsePython(text);
  const samples = new Map<string, number[]>();
  const add = (name: string, ms: number) => samples.set(name, [...(samples.get(name) ?? []), ms]);
  for (let r = 0; r < runs; r++) {
    const index = buildSyntaxIndex(tree, text);
    let facts: StrategyFacts | undefined;
    let total = cpuMs(() => (facts = extractFacts(index)));
    add('extractFacts (nothing read)', total);
    for (const group of groups) {
      const ms = cpuMs(() => void facts![group]);
      add(group, ms);
      total += ms;
    }
    add('all groups read', total);
  }
  tree.delete();
  console.log(`${path.basename(file)}, median of ${runs} runs (CPU ms):`);
  for (const [name, values] of samples) console.log(`${median(values).toFixed(2).padStart(8)}  ${name}`);
}

void main();
