// Chaos test of the real server (dist/server.js --stdio): seeded random sequences of open,
// incremental change (out-of-range, reversed, several per notification, huge inserts), close,
// hover, code action, $/cancelRequest and configuration changes. After each sequence the server
// must be alive, and the diagnostics it published for every open document must equal a fresh
// in-process lintPython of the text the client holds (differential check).
// CHAOS_SEED / CHAOS_SEQUENCES / CHAOS_STEPS override the bounded defaults.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { CancellationTokenSource, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { toDiagnostic } from '../../server/src/diagnostics';
import { lintPython } from '../../server/src/engine/lint';
import { initPythonParser } from '../../server/src/engine/python/parser';
import { lintConfigOf, normalizeSettings } from '../../server/src/settings';
import { uriToPath } from '../../server/src/uri';
import { envInt } from '../helpers/fuzz-config';
import { pythonCorpus } from '../helpers/fuzz-python';
import { type LspChange } from '../helpers/fuzz-python';
import { applyLspChange } from '../helpers/fuzz-python-properties';
import { SERVER, startServer, type TestClient } from '../helpers/lsp-client';

const SEED = envInt('CHAOS_SEED') ?? 424242;
const SEQUENCES = envInt('CHAOS_SEQUENCES') ?? 20;
const STEPS = envInt('CHAOS_STEPS') ?? 30;
const DIR = path.join(os.tmpdir(), 'strategy-lint-chaos-does-not-exist');
const URIS = ['a.py', 'b.py', 'c.py'].map((f) => 'file://' + path.join(DIR, f));

type Step =
  | { kind: 'open'; doc: number; text: string }
  | { kind: 'change'; doc: number; changes: LspChange[] }
  | { kind: 'close'; doc: number }
  | { kind: 'hover'; doc: number; line: number; character: number }
  | { kind: 'codeAction'; doc: number; line: number; character: number; lines: number }
  | { kind: 'cancel'; doc: number; line: number; character: number }
  | { kind: 'config'; settings: Record<string, unknown> };

const corpus = pythonCorpus();
const doc = fc.nat({ max: URIS.length - 1 });
const small = fc.nat({ max: 90 });
const position = fc.record({
  line: fc.oneof({ weight: 6, arbitrary: small }, { weight: 1, arbitrary: fc.integer({ min: 1000, max: 1_000_000 }) }),
  character: fc.oneof({ weight: 6, arbitrary: small }, { weight: 1, arbitrary: fc.integer({ min: 1000, max: 1_000_000 }) }),
});
const insert = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('', 'x', '\n', '\r\n', '\r', '😀', '\ud800', '\0', '(', ')', '"""', '# strategy-lint: ignore\n', '    p = IntParameter(1, 50)\n', 'class X(IStrategy):\n    a = IntParameter(1, 9)\n', '        if df["rsi"] < 31.5:\n') },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  // Huge inserts: 30-90 KB of code.
  { weight: 1, arbitrary: fc.integer({ min: 500, max: 1500 }).map((n) => '    q = IntParameter(1, 5, default=2)  # 😀 padding line\n'.repeat(n)) },
);
const change: fc.Arbitrary<LspChange> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text: insert }) },
  { weight: 1, arbitrary: fc.record({ text: fc.constantFrom(...corpus.map((c) => c.text)) }) },
);
// max-parameters 0 makes too-many-parameters report every strategy with its exact parameter count,
// so diagnostics change with almost any divergence between the server's text and the client's.
const SENSITIVE = { debounceMs: 0, options: { 'too-many-parameters': { 'max-parameters': 0 } } };
const settings = fc.record(
  {
    select: fc.oneof(fc.constant([]), fc.constant(['SL101']), fc.constant(['too-many-parameters', 'nonsense']), fc.constant('not-an-array')),
    ignore: fc.oneof(fc.constant([]), fc.constant(['SL101']), fc.constant([42, null])),
    severity: fc.oneof(fc.constant({}), fc.constant({ 'too-many-parameters': 'error' }), fc.constant({ SL101: 'off' }), fc.constant([1, 2])),
    options: fc.oneof({ weight: 4, arbitrary: fc.constant(SENSITIVE.options) }, fc.constant({}), fc.constant(null)),
    enable: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant('yes') }),
    maxFileBytes: fc.oneof({ weight: 4, arbitrary: fc.constant(2 * 1024 * 1024) }, { weight: 1, arbitrary: fc.constant(3000) }, { weight: 1, arbitrary: fc.constant(-1) }),
  },
  { requiredKeys: [] },
).map((s) => ({ options: SENSITIVE.options, ...s, debounceMs: 0 }));

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('open' as const), doc, text: fc.constantFrom(...corpus.map((c) => c.text)) }) },
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('change' as const), doc, changes: fc.array(change, { minLength: 1, maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('close' as const), doc }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('hover' as const), doc, line: small, character: small }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('codeAction' as const), doc, line: small, character: small, lines: fc.nat({ max: 200 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancel' as const), doc, line: small, character: small }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('config' as const), settings }) },
);

interface ClientDoc {
  text: string;
  version: number;
}

function expectedDiagnostics(uri: string, text: string, rawSettings: unknown): Diagnostic[] {
  const settings = normalizeSettings(rawSettings);
  if (!settings.enable) return [];
  if (text.length > settings.maxFileBytes) {
    return [
      toDiagnostic(
        {
          rule: 'file-too-large',
          code: 'SL000',
          severity: 'info',
          message: `Strategy Lint skipped this file: ${text.length} characters is above the limit of ${settings.maxFileBytes} (setting strategyLint.maxFileBytes).`,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        },
        uri,
      ),
    ];
  }
  const output = lintPython({ path: uriToPath(uri), text, config: lintConfigOf(settings) });
  try {
    return output.findings.map((f) => toDiagnostic(f, uri));
  } finally {
    output.release();
  }
}

const essentials = (d: Diagnostic) => ({ code: d.code, range: d.range, message: d.message, severity: d.severity });
// Result association needs the server's workspace view (a `results=` directive resolves against
// workspace folders): unresolved-results is left out of the comparison on both sides.
const comparable = (d: Diagnostic) => (d.data as { rule?: string } | undefined)?.rule !== 'unresolved-results';

describe('chaos: random LSP traffic against the real server', function () {
  this.timeout(120000);
  let client: TestClient;
  const stderr: string[] = [];

  before(async () => {
    await initPythonParser();
    client = await startServer({ settings: SENSITIVE });
    client.process.stderr.on('data', (d) => stderr.push(String(d)));
  });
  after(() => client?.stop());

  it(`survives ${SEQUENCES} sequences x ${STEPS} steps and publishes what a fresh lint gives (seed ${SEED})`, async () => {
    // The differential check compares dist/server.js with the engine source: a rebuild by someone
    // else mid-run (new rule code) shows up as a difference; failures say so.
    const builtAt = fs.statSync(SERVER).mtimeMs;
    const sequences = fc.sample(fc.array(step, { minLength: STEPS, maxLength: STEPS }), { seed: SEED, numRuns: SEQUENCES });
    let version = 1;
    let currentSettings: Record<string, unknown> = SENSITIVE;
    const stats = { requests: 0, cancelled: 0, changes: 0 };
    for (const [n, sequence] of sequences.entries()) {
      const docs = new Map<number, ClientDoc>();
      const where = () =>
        `sequence ${n} (CHAOS_SEED=${SEED})${builtAt !== fs.statSync(SERVER).mtimeMs ? ' [dist/server.js was rebuilt during the run: the server and the in-process engine may differ]' : ''}; server stderr: ${stderr.join('').slice(0, 2000)}`;
      const pending: Promise<unknown>[] = [];
      for (const s of sequence) {
        const uri = 'doc' in s ? URIS[s.doc] : '';
        const open = 'doc' in s ? docs.get(s.doc) : undefined;
        switch (s.kind) {
          case 'open':
            if (open) break; // reopening an open document is a client bug we do not model
            docs.set(s.doc, { text: s.text, version: ++version });
            await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version, text: s.text } });
            break;
          case 'change':
            if (!open) break;
            open.version = ++version;
            for (const c of s.changes) open.text = applyLspChange(open.text, c);
            stats.changes += s.changes.length;
            await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: open.version }, contentChanges: s.changes });
            break;
          case 'close':
            if (!open) break;
            docs.delete(s.doc);
            await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
            break;
          case 'hover':
            stats.requests++;
            pending.push(client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: s.line, character: s.character } }));
            break;
          case 'codeAction': {
            stats.requests++;
            const range = { start: { line: s.line, character: s.character }, end: { line: s.line + s.lines, character: 0 } };
            pending.push(client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }));
            break;
          }
          case 'cancel': {
            stats.requests++;
            const source = new CancellationTokenSource();
            const request = client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: s.line, character: s.character } }, source.token);
            source.cancel();
            stats.cancelled++;
            // A cancelled request may answer normally or with RequestCancelled (-32800); nothing else.
            pending.push(request.catch((e: { code?: number }) => assert.equal(e?.code, -32800, `cancelled hover failed: ${JSON.stringify(e)}`)));
            break;
          }
          case 'config':
            currentSettings = s.settings;
            await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { strategyLint: s.settings } });
            break;
        }
      }
      try {
        await Promise.all(pending);
      } catch (error) {
        assert.fail(`a request failed in ${where()}: ${(error as Error)?.stack ?? JSON.stringify(error)}`);
      }
      assert.equal(client.process.exitCode, null, `server exited in ${where()}`);
      assert.equal(client.process.signalCode, null, `server killed in ${where()}`);

      // Settle: a no-op edit per open document, then wait for that version's diagnostics.
      const finals: Promise<PublishDiagnosticsParams>[] = [];
      for (const [i, d] of docs) {
        d.version = ++version;
        const v = d.version;
        finals.push(client.nextDiagnostics(URIS[i], (p) => p.version === v));
        await client.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri: URIS[i], version: v },
          contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }],
        });
      }
      const published = await Promise.all(finals);
      for (const [k, [i, d]] of [...docs].entries()) {
        const expected = expectedDiagnostics(URIS[i], d.text, currentSettings).filter(comparable).map(essentials);
        assert.deepEqual(published[k].diagnostics.filter(comparable).map(essentials), expected, `diagnostics of ${URIS[i]} differ from a fresh lint in ${where()}`);
      }
      // Leave nothing open for the next sequence.
      for (const i of docs.keys()) await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: URIS[i] } });
    }
    const failures = client.logs.filter((l) => /lint failed|uncaught|failed \(reported once/i.test(l));
    assert.deepEqual(failures, [], 'the server logged failures');
    assert.doesNotMatch(stderr.join(''), /uncaught/i);
    console.log(`      chaos: ${SEQUENCES * STEPS} steps, ${stats.changes} content changes, ${stats.requests} requests (${stats.cancelled} cancelled)`);
  });
});
