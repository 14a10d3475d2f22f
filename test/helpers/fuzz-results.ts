// Generators and invariants for fuzzing result-file loading (loadResultFile).
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { zipSync, strToU8 } from 'fflate';
import { loadResultFile } from '../../server/src/engine/results/load-result';
import type { BacktestSummary } from '../../server/src/engine/results/summary';

const ROOT = path.join(__dirname, '..', '..');

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else if (!/^(LICENSE|README\.md)$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

export interface Sample {
  name: string;
  bytes: Uint8Array;
}

/** Real result files: the shared data set and the repo's fixtures. */
export function resultSamples(): Sample[] {
  const files = [...filesUnder('/work/shared/data'), ...filesUnder(path.join(ROOT, 'test', 'fixtures', 'results'))];
  return files.map((f) => ({ name: f, bytes: new Uint8Array(fs.readFileSync(f)) }));
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** JSON values of the wrong type (and the numbers JSON has no spelling for, as raw tokens). */
const WRONG_VALUES: unknown[] = [null, true, false, 0, -1, 1e308, -1e308, 5e-324, 2 ** 53 + 1, '', 'NaN', '2024-13-45', '1,5', [], {}, [null], [[1]], { a: { b: 1 } }, '😀\ud800'];
const RAW_TOKENS = ['NaN', 'Infinity', '-Infinity', '-0', '1e999', '-1e999', '123456789012345678901234567890', '0.' + '0'.repeat(400) + '1', 'undefined', 'nul', 'tru', '"\\ud800"', '"\\u0000"', '[]', '{}', '1e-400'];

type JsonMutation = { path: number[]; kind: 'replace' | 'delete' | 'raw'; value: number; token: number };

const jsonMutationArb: fc.Arbitrary<JsonMutation> = fc.record({
  path: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
  kind: fc.constantFrom('replace' as const, 'delete' as const, 'raw' as const),
  value: fc.nat(),
  token: fc.nat(),
});

const RAW_MARK = '__fuzz_raw_token__';

/** Walks `path` (indices into keys/elements, modulo their count) and mutates the value there. */
function mutateJson(root: unknown, m: JsonMutation): unknown {
  if (root === null || typeof root !== 'object') return root;
  let parent = root as Record<string, unknown>;
  for (let i = 0; i < m.path.length; i++) {
    const keys = Object.keys(parent);
    if (keys.length === 0) return root;
    const key = keys[m.path[i] % keys.length];
    const child = parent[key];
    const last = i === m.path.length - 1 || child === null || typeof child !== 'object';
    if (last) {
      if (m.kind === 'delete') {
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else delete parent[key];
      } else if (m.kind === 'replace') parent[key] = structuredClone(WRONG_VALUES[m.value % WRONG_VALUES.length]);
      else parent[key] = `${RAW_MARK}${m.token % RAW_TOKENS.length}`;
      return root;
    }
    parent = child as Record<string, unknown>;
  }
  return root;
}

function serialize(value: unknown): string {
  return JSON.stringify(value, null, 1).replace(new RegExp(`"${RAW_MARK}(\\d+)"`, 'g'), (_, i) => RAW_TOKENS[Number(i)]);
}

type ByteMutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'insert'; at: number; token: number }
  | { kind: 'cut'; at: number; length: number };

const byteMutationArb: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.nat({ max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), token: fc.nat() }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.nat({ max: 4000 }) }),
);

function mutateBytes(bytes: Uint8Array, m: ByteMutation): Uint8Array {
  const at = m.at % (bytes.length + 1);
  switch (m.kind) {
    case 'truncate':
      return bytes.subarray(0, at);
    case 'flip': {
      const copy = bytes.slice();
      if (at < copy.length) copy[at] = m.byte;
      return copy;
    }
    case 'insert': {
      const token = encoder.encode(RAW_TOKENS[m.token % RAW_TOKENS.length]);
      const out = new Uint8Array(bytes.length + token.length);
      out.set(bytes.subarray(0, at));
      out.set(token, at);
      out.set(bytes.subarray(at), at + token.length);
      return out;
    }
    case 'cut': {
      const out = new Uint8Array(bytes.length - Math.min(m.length, bytes.length - at));
      out.set(bytes.subarray(0, at));
      out.set(bytes.subarray(at + m.length), at);
      return out;
    }
  }
}

/** A file name that steers the loader: the sample's own, or another format's. */
const nameArb = (own: string) =>
  fc.constantFrom(own, '/fuzz/backtest-result-2024.json', '/fuzz/backtest-result.meta.json', '/fuzz/.last_result.json', '/fuzz/strategy_X.fthypt', '/fuzz/returns.csv', '/fuzz/backtest-result.zip', '/fuzz/unknown.bin', '/fuzz/1234567890.json', '/fuzz/x.strategy-lint.json');

export function mutatedResultArb(samples = resultSamples()): fc.Arbitrary<Sample> {
  const jsonSamples = samples.filter((s) => {
    try {
      JSON.parse(decoder.decode(s.bytes));
      return true;
    } catch {
      return false;
    }
  });
  const structural = fc
    .tuple(fc.constantFrom(...jsonSamples), fc.array(jsonMutationArb, { minLength: 1, maxLength: 8 }))
    .chain(([sample, mutations]) =>
      nameArb(sample.name).map((name) => {
        const value = mutations.reduce((v, m) => mutateJson(v, m), JSON.parse(decoder.decode(sample.bytes)) as unknown);
        return { name, bytes: encoder.encode(serialize(value)) };
      }),
    );
  const bytewise = fc
    .tuple(fc.constantFrom(...samples), fc.array(byteMutationArb, { minLength: 1, maxLength: 6 }))
    .chain(([sample, mutations]) => nameArb(sample.name).map((name) => ({ name, bytes: mutations.reduce(mutateBytes, sample.bytes) })));
  const zipped = fc
    .tuple(structural, fc.boolean(), fc.nat())
    .map(([inner, corrupt, at]) => {
      const zip = zipSync({ [path.basename(inner.name).replace(/\.\w+$/, '') + '.json']: inner.bytes, 'X.py': strToU8('class X: pass\n') });
      if (corrupt) zip[at % zip.length] ^= 0xff;
      return { name: '/fuzz/backtest-result-2024.zip', bytes: zip };
    });
  const junk = fc.oneof(
    fc.uint8Array({ maxLength: 2000 }).map((bytes) => ({ name: '/fuzz/junk.json', bytes })),
    fc.uint8Array({ maxLength: 2000 }).map((bytes) => ({ name: '/fuzz/junk.zip', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes]) })),
    fc.string({ unit: 'binary', maxLength: 500 }).map((s) => ({ name: '/fuzz/text.csv', bytes: encoder.encode(s) })),
    fc.array(fc.array(fc.oneof(fc.double().map(String), fc.constantFrom('NaN', 'inf', '', '-0', '1e999', 'x', '"1,5"')), { maxLength: 6 }), { maxLength: 30 }).map((rows) => ({
      name: '/fuzz/matrix.csv',
      bytes: encoder.encode(rows.map((r) => r.join(',')).join('\n')),
    })),
  );
  return fc.oneof({ weight: 4, arbitrary: structural }, { weight: 4, arbitrary: bytewise }, { weight: 1, arbitrary: zipped }, { weight: 2, arbitrary: junk });
}

/** Deterministic nasty files. */
export function pathologicalResults(): Sample[] {
  const deep = 100_000;
  const zeros = new Uint8Array(60 * 1024 * 1024); // inflates far above the 50 MB cap
  return [
    { name: '/fuzz/empty.json', bytes: new Uint8Array() },
    { name: '/fuzz/empty.zip', bytes: new Uint8Array() },
    { name: '/fuzz/empty.csv', bytes: new Uint8Array() },
    { name: '/fuzz/nested-arrays.json', bytes: encoder.encode('['.repeat(deep) + ']'.repeat(deep)) },
    { name: '/fuzz/nested-arrays-unclosed.json', bytes: encoder.encode('['.repeat(deep)) },
    { name: '/fuzz/nested-objects.json', bytes: encoder.encode('{"a":'.repeat(deep) + '1' + '}'.repeat(deep)) },
    { name: '/fuzz/nested-in-trades.json', bytes: encoder.encode('{"strategy":{"S":{"trades":' + '['.repeat(deep) + ']'.repeat(deep) + '}}}') },
    { name: '/fuzz/nan-tokens.json', bytes: encoder.encode('{"strategy":{"S":{"trades":[{"profit_ratio":NaN},{"profit_ratio":Infinity},{"profit_ratio":-0}],"total_trades":1e999}}}') },
    { name: '/fuzz/not-a-zip.zip', bytes: encoder.encode('{"this": "is json"}') },
    { name: '/fuzz/pk-only.zip', bytes: new Uint8Array([0x50, 0x4b]) },
    { name: '/fuzz/pk-header.json', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]) },
    { name: '/fuzz/bomb.zip', bytes: zipSync({ 'backtest-result.json': zeros }, { level: 9 }) },
    { name: '/fuzz/utf16.json', bytes: new Uint8Array([0xff, 0xfe, ...[...encoder.encode('{"a":1}')].flatMap((b) => [b, 0])]) },
    { name: '/fuzz/bom.json', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode('{"strategy":{}}')]) },
    { name: '/fuzz/binary.json', bytes: Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) & 255) },
    { name: '/fuzz/nul.csv', bytes: new Uint8Array(1000) },
    { name: '/fuzz/huge-numbers.csv', bytes: encoder.encode('date,ret\n2024-01-01,1e308\n2024-01-02,1e308\n2024-01-03,-1e308\n2024-01-04,1e-320\n') },
    { name: '/fuzz/constant.csv', bytes: encoder.encode('date,ret\n' + Array.from({ length: 50 }, (_, i) => `2024-01-${String((i % 28) + 1).padStart(2, '0')},0`).join('\n')) },
    { name: '/fuzz/one-row.csv', bytes: encoder.encode('date,ret\n2024-01-01,0.01\n') },
    { name: '/fuzz/long-line.csv', bytes: encoder.encode('a,'.repeat(500_000)) },
    { name: '/fuzz/many-columns-matrix.csv', bytes: encoder.encode(Array.from({ length: 20 }, () => Array.from({ length: 2000 }, () => '0').join(',')).join('\n')) },
  ];
}

function* numbersIn(value: unknown, where: string, inArray = false): Generator<[string, number, boolean]> {
  if (typeof value === 'number') yield [where, value, inArray];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* numbersIn(v, `${where}[${i}]`, true);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* numbersIn(v, `${where}.${k}`, inArray);
}

const BAD = /(^|[^A-Za-z_])(NaN|undefined|Infinity|\[object Object\])($|[^A-Za-z_])/;

export function assertValidSummaries(sample: Sample, summaries: BacktestSummary[]): void {
  const what = `${sample.name} (${sample.bytes.length} bytes)`;
  const spelled = decoder.decode(sample.bytes.subarray(0, 5_000_000));
  assert.ok(Array.isArray(summaries) && summaries.length > 0, `${what}: no summary`);
  for (const s of summaries) {
    for (const p of s.problems) {
      assert.ok(typeof p.message === 'string' && p.message.length > 0, `${what}: empty problem message`);
      // A message may name NaN/Infinity when the file itself spells them ('max_drawdown is NaN;
      // ignored'); otherwise those words (and undefined, [object Object]) leaked from a computation.
      let message = p.message.replace(/NaN\/Infinity literal/g, '').replace(/ is -?(NaN|Infinity); ignored/g, ' is non-finite; ignored');
      for (const token of ['NaN', 'Infinity', 'undefined']) if (spelled.includes(token)) message = message.split(token).join('');
      assert.doesNotMatch(message, BAD, `${what}: problem message leaks a value: ${p.message}`);
      assert.doesNotMatch(p.message, /^internal error/, `${what}: a loader threw (caught by loadResultFile): ${p.message}`);
      if (p.offset !== undefined) assert.ok(Number.isInteger(p.offset) && p.offset >= 0, `${what}: bad problem offset ${p.offset}`);
    }
    for (const [name, loc] of Object.entries(s.locations ?? {})) {
      assert.ok(Number.isInteger(loc.offset) && loc.offset >= 0 && Number.isInteger(loc.length) && loc.length >= 0, `${what}: bad location ${name}`);
    }
    // Raw parameter values are the file's own; everything else is computed and must be clean.
    const { parameters: _raw, ...computed } = s;
    for (const [where, n, inArray] of numbersIn(computed, 'summary')) {
      assert.ok(!Number.isNaN(n), `${what}: NaN at ${where}`);
      if (inArray) assert.ok(Number.isFinite(n), `${what}: ${n} in a numeric array at ${where}`);
    }
    if (s.recognized === false) assert.ok(s.problems.length > 0, `${what}: unrecognised without a problem`);
  }
}

/** A hang guard, not a speed test (speed lives in bench/): a minute per file. */
export const LOAD_HANG_GUARD_MS = 60_000;

export function loadAndCheck(sample: Sample): BacktestSummary[] {
  const started = performance.now();
  let summaries: BacktestSummary[];
  try {
    summaries = loadResultFile(sample.name, sample.bytes);
  } catch (error) {
    assert.fail(`loadResultFile threw on ${sample.name}: ${(error as Error)?.stack ?? error}`);
  }
  const elapsed = performance.now() - started;
  assertValidSummaries(sample, summaries);
  assert.ok(elapsed < LOAD_HANG_GUARD_MS, `loadResultFile ran ${elapsed.toFixed(0)} ms (hang guard) on ${sample.name} (${sample.bytes.length} bytes)`);
  return summaries;
}

export const resultProperty = () => fc.property(mutatedResultArb(), (sample) => void loadAndCheck(sample));
