// Where one keystroke's lint goes, stage by stage, as the language server runs it: incremental
// parse, the tree copy and index reusing the previous version, facts, each rule (the first
// lookahead rule pays for the dataflow). Medians over ~40 keystrokes on the bench's large file
// (run `npm run bench` once first so it exists), or on FILE:
//   npx tsx bench/profile-keystroke.ts [FILE] [keystrokes]
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { initPythonParser, parsePython, Edit } from '../server/src/engine/python/parser';
import { buildSyntaxIndex } from '../server/src/engine/python/syntax-index';
import { extractFacts } from '../server/src/engine/facts';
import { enabledRules, lintPython } from '../server/src/engine/lint';
import { LineIndex, parserText } from '../server/src/engine/text';
import { parseDirectives } from '../server/src/engine/suppressions';
import type { RuleContext } from '../server/src/engine/rules/rule';

async function main() {
  await initPythonParser();
  const file = process.argv[2] || `${__dirname}/.generated/large/strategy_library.py`;
  const keystrokes = Number(process.argv[3] ?? 40);
  // Where to type: after the name of the frame the file indexes most (`dataframe[`, or `df[`).
  const NEEDLE = ['dataframe[', 'df['].find((n) => fs.readFileSync(file, 'utf8').includes(n)) ?? '(';
  let text = fs.readFileSync(file, 'utf8');
  let tree = parsePython(parserText(text));
  let previousRoot = lintPython({ path: file, text, tree }).index.root;
  const samples: Record<string, number[]> = {};
  const add = (k: string, v: number) => (samples[k] ??= []).push(v);
  const lines = text.split('\n');
  const targets: number[] = [];
  // As bench/run.ts: one character typed inside an identifier (`dataframe[` -> `dataframex[`).
  for (let i = 0; i < lines.length; i++) if (lines[i].includes(NEEDLE)) targets.push(i);
  for (const ln of targets.filter((_, i) => i % Math.ceil(targets.length / keystrokes) === 0)) {
    const off = text.split('\n').slice(0, ln).join('\n').length + 1 + lines[ln].indexOf(NEEDLE) + NEEDLE.length - 1;
    const newText = text.slice(0, off) + 'x' + text.slice(off);
    let t = performance.now();
    const lap = (k: string) => { const n = performance.now(); add(k, n - t); t = n; };
    const pt = (o: number, s: string) => { const before = s.slice(0, o).split('\n'); return { row: before.length - 1, column: before[before.length - 1].length }; };
    tree.edit(new Edit({ startIndex: off, oldEndIndex: off, newEndIndex: off + 1, startPosition: pt(off, text), oldEndPosition: pt(off, text), newEndPosition: { row: pt(off, text).row, column: pt(off, text).column + 1 } }));
    const nt = parsePython(parserText(newText), tree);
    tree.delete(); tree = nt;
    lap('parse');
    const index = buildSyntaxIndex(tree, newText, previousRoot);
    lap('index');
    const facts = extractFacts(index);
    // Facts are computed on first read: read every group here, so the rules' figures are their own.
    for (const group of Object.keys(facts)) {
      void facts[group as keyof typeof facts];
      lap(`facts ${group}`);
    }
    const li = new LineIndex(newText); const directives = parseDirectives(index.comments);
    for (const rule of enabledRules(undefined)) {
      const ctx: RuleContext = { path: file, text: newText, lines: li, index, facts, directives, results: undefined, option: (n: string) => rule.options?.[n]?.default ?? NaN };
      try { rule.check(ctx, () => undefined); } catch {}
      lap('rule ' + rule.name);
    }
    previousRoot = index.root;
    text = newText;
  }
  const med = (a: number[]) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
  const rows = Object.entries(samples).map(([k, v]) => [k, med(v)] as const).sort((a, b) => b[1] - a[1]);
  let total = 0; for (const [, v] of rows) total += v;
  console.log('total', total.toFixed(1));
  for (const [k, v] of rows.slice(0, 25)) console.log(v.toFixed(2).padStart(8), k);
}
void main();
