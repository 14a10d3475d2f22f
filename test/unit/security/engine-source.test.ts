// Static checks of the product source (server/src, client/src): modules are only loaded by
// literal name, code is never run from strings, and pickle files are never read.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { zipSync, strToU8 } from 'fflate';
import { loadResultFile } from '../../../server/src/engine/results/load-result';

const ROOT = path.join(__dirname, '..', '..', '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(full));
    else if (/\.(ts|js|mjs|cjs)$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** Source with comments blanked (same offsets), so prose about pickle or eval does not count. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|(^|[^:'"`\\])\/\/[^\n]*/g, (m, lead: string | undefined) => (lead ?? '') + ' '.repeat(m.length - (lead ?? '').length));
}

const FILES = [...sources(path.join(ROOT, 'server', 'src')), ...(fs.existsSync(path.join(ROOT, 'client', 'src')) ? sources(path.join(ROOT, 'client', 'src')) : [])];

function findAll(regex: RegExp): string[] {
  const hits: string[] = [];
  for (const file of FILES) {
    const text = withoutComments(fs.readFileSync(file, 'utf8'));
    for (const m of text.matchAll(regex)) hits.push(`${path.relative(ROOT, file)}:${text.slice(0, m.index!).split('\n').length}: ${m[0].trim()}`);
  }
  return hits;
}

// A string literal without interpolation: '...' or "..." or `...` with no ${.
const LITERAL = String.raw`\s*(?:'[^'\n]*'|"[^"\n]*"|\`[^\`$]*\`)\s*[,)]`;

describe('security: product source', () => {
  it('finds the sources', () => assert.ok(FILES.length > 20, `${FILES.length} files`));

  it('has detectors that catch what they look for', () => {
    const dynamicRequire = new RegExp(String.raw`(?<![\w$.])require\s*\((?!${LITERAL})`);
    for (const bad of ['require(name)', 'require(`./${x}`)', "require('a' + b)", 'require (x)']) assert.match(bad, dynamicRequire, bad);
    for (const ok of ["require('fs')", 'require("smol-toml") as T', 'require.resolve(`${a}/b`)', "x.require(y)"]) assert.doesNotMatch(ok, dynamicRequire, ok);
    assert.equal(withoutComments("a(); // pickle\n/* eval( */ b('http://x')").includes('pickle'), false);
    assert.ok(withoutComments("b('http://x')").includes('http://x'));
  });

  it('calls require() only with a literal module name', () => {
    assert.deepEqual(findAll(new RegExp(String.raw`(?<![\w$.])require\s*\((?!${LITERAL})`, 'g')), []);
  });

  it('calls import() only with a literal module name', () => {
    assert.deepEqual(findAll(new RegExp(String.raw`(?<![\w$.])import\s*\((?!${LITERAL})`, 'g')), []);
  });

  it('never uses eval, new Function or the vm module', () => {
    assert.deepEqual(findAll(/(?<![\w$.])eval\s*\(|\bnew\s+Function\s*\(|require\(\s*['"](?:node:)?vm['"]\s*\)|from\s+['"](?:node:)?vm['"]/g), []);
  });

  it('never mentions pickle, .pkl or joblib outside comments', () => {
    assert.deepEqual(findAll(/pickle|\.pkl\b|joblib|cPickle/gi), []);
  });

  it('does not open the .pkl analysis files freqtrade stores beside a backtest in its zip', () => {
    const backtest = JSON.stringify({ strategy: { S: { trades: [], total_trades: 0 } }, strategy_comparison: [{ key: 'S', trades: 0 }] });
    // A pickle header followed by bytes that are not a valid deflate stream: inflating it would fail loudly.
    const pkl = new Uint8Array([0x80, 0x04, 0x95, ...strToU8('PICKLE-MARKER cos\nsystem\n(S"echo pwned"\ntR.')]);
    const zip = zipSync({
      'backtest-result-2024-01-01_00-00-00.json': strToU8(backtest),
      'backtest-result-2024-01-01_00-00-00_S_signals.pkl': [pkl, { level: 0 }],
      'backtest-result-2024-01-01_00-00-00_S_exited.pkl': [pkl, { level: 0 }],
    });
    const summaries = loadResultFile('/fuzz/backtest-result-2024-01-01_00-00-00.zip', zip);
    const text = JSON.stringify(summaries);
    assert.doesNotMatch(text, /PICKLE-MARKER|echo pwned/);
    assert.doesNotMatch(summaries.flatMap((s) => s.problems.map((p) => p.message)).join('\n'), /\.pkl/);
  });
});
