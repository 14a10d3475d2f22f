// Drives the built server over stdio with a real JSON-RPC client: the path every editor takes.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { startServer, type TestClient } from '../helpers/lsp-client';

const STRATEGY = path.join(__dirname, '..', '..', 'examples', 'freqtrade', 'user_data', 'strategies', 'BandRiderStrategy.py');
const URI = 'file://' + STRATEGY;

function hoverText(hover: Hover | null): string {
  return hover ? (hover.contents as MarkupContent).value : '';
}

describe('language server over stdio', function () {
  let client: TestClient;
  let text: string;
  let version = 1;

  before(async () => {
    client = await startServer({ settings: { debounceMs: 0 } });
    text = fs.readFileSync(STRATEGY, 'utf8');
  });
  after(() => client?.stop());

  it('announces incremental sync, hover, quick fixes and fix-all', () => {
    const caps = client.initializeResult.capabilities;
    assert.equal((caps.textDocumentSync as { change: number }).change, 2);
    assert.equal(caps.hoverProvider, true);
    assert.deepEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.strategyLint']);
  });

  let diagnostic: Diagnostic;
  it('publishes too-many-parameters on didOpen, on the class name', async () => {
    const published = client.nextDiagnostics(URI);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'python', version, text } });
    const { diagnostics } = await published;
    const found = diagnostics.find((d) => d.code === 'SL101');
    assert.ok(found, JSON.stringify(diagnostics));
    diagnostic = found;
    assert.equal(found.source, 'strategy-lint');
    assert.match(String(found.message), /BandRiderStrategy tunes 12 parameters \(8 declared, 1 pasted from optimiser output, 3 distinct hidden thresholds in conditions\)/);
    const line = text.split('\n')[found.range.start.line];
    assert.equal(line.slice(found.range.start.character, found.range.end.character), 'BandRiderStrategy');
    assert.match(String(found.codeDescription!.href), /docs\/rules\/too-many-parameters\.md$/);
  });

  it('hovers each rule once, as one line with "docs" and "ignore" links, and the full page behind "Show documentation"', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: URI },
      position: { line: diagnostic.range.start.line, character: diagnostic.range.start.character + 3 },
    })) as Hover;
    const value = hoverText(hover);
    assert.match(value, /^\*\*too-many-parameters\*\* \(SL101\): More tuned parameters than the data can support\. \[docs\]\(file:\/\/\S+\/docs\/rules\/too-many-parameters\.md\) · \[ignore\]\(command:strategyLint\.ignoreOnLine\?/m);
    assert.equal(value.match(/\*\*too-many-parameters\*\*/g)?.length, 1);
    assert.doesNotMatch(value, /## Why it matters/);
    // The message is the editor's to show (above the hover): not repeated here.
    assert.doesNotMatch(value, /tunes 12 parameters/);
    const docs = /\[Show documentation[^\]]*\]\(command:strategyLint\.showDocumentation\?([^)]+)\)/.exec(value);
    assert.ok(docs, value);
    const [params] = JSON.parse(decodeURIComponent(docs[1]));
    const page = (await client.connection.sendRequest('strategyLint/documentation', params)) as { markdown: string };
    assert.match(page.markdown, /^# too-many-parameters \(SL101\)/);
    assert.match(page.markdown, /## Why it matters/);
    assert.match(page.markdown, /### Glossary/);
  });

  it('the hover\'s "ignore" link asks the server to add the suppression, which it applies as a workspace edit', async () => {
    await client.connection.sendRequest('workspace/executeCommand', { command: 'strategyLint.ignoreOnLine', arguments: [URI, diagnostic.range.start.line, 'too-many-parameters'] });
    const applied = client.appliedEdits.at(-1) as { edit: { changes: Record<string, { newText: string; range: { start: { line: number } } }[]> } };
    assert.equal(applied.edit.changes[URI][0].range.start.line, diagnostic.range.start.line);
    assert.match(applied.edit.changes[URI][0].newText, /# strategy-lint: ignore\[too-many-parameters\]/);
  });

  it('reports its state for the status item: ready, with the number of files linted', async () => {
    const last = client.statuses.at(-1);
    assert.deepEqual(last, { state: 'ready', filesLinted: 1 });
  });

  it('offers ignore-on-line, ignore-in-file and show-docs; the ignore edit silences the rule', async () => {
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Ignore too-many-parameters on this line'), titles.join(', '));
    assert.ok(titles.includes('Ignore too-many-parameters in this file'), titles.join(', '));
    assert.ok(titles.includes('Show documentation for too-many-parameters'), titles.join(', '));
    const ignore = actions.find((a) => a.title === 'Ignore too-many-parameters on this line')!;
    const edits = ignore.edit!.changes![URI];
    const doc = TextDocument.create(URI, 'python', version, text);
    const next = TextDocument.applyEdits(doc, edits);
    assert.match(next.split('\n')[diagnostic.range.start.line], /class BandRiderStrategy\(IStrategy\):  # strategy-lint: ignore\[too-many-parameters\]$/);
    version++;
    const published = client.nextDiagnostics(URI, (p) => p.version === version);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version },
      contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })),
    });
    const { diagnostics } = await published;
    assert.equal(diagnostics.filter((d) => d.code === 'SL101').length, 0);
    text = next;
  });

  it('hovers the rule documentation over a rule name inside a suppression comment', async () => {
    const line = diagnostic.range.start.line;
    const character = text.split('\n')[line].indexOf('too-many-parameters') + 2;
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line, character } })) as Hover;
    assert.match(hoverText(hover), /^\*\*too-many-parameters\*\* \(SL101\): /);
    assert.doesNotMatch(hoverText(hover), /\[ignore\]/);
  });

  it('re-lints after incremental edits: removing the suppression brings the warning back', async () => {
    const line = diagnostic.range.start.line;
    const lineText = text.split('\n')[line];
    const start = lineText.indexOf('  # strategy-lint');
    version++;
    const published = client.nextDiagnostics(URI, (p) => p.version === version);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version },
      contentChanges: [{ range: { start: { line, character: start }, end: { line, character: lineText.length } }, text: '' }],
    });
    const { diagnostics } = await published;
    assert.equal(diagnostics.filter((d) => d.code === 'SL101').length, 1);
  });

  it('fix-all (source.fixAll.strategyLint) applies the safe fixes, and a second fix-all has nothing left', async () => {
    const whole = { start: { line: 0, character: 0 }, end: { line: 9999, character: 0 } };
    const request = () =>
      client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: URI }, range: whole, context: { diagnostics: [], only: ['source.fixAll.strategyLint'] } }) as Promise<CodeAction[]>;
    const [fixAll] = await request();
    assert.equal(fixAll.kind, 'source.fixAll.strategyLint');
    assert.match(fixAll.title, /fix all safe problems \(\d+\)/);
    const doc = TextDocument.create(URI, 'python', version, text);
    const fixed = TextDocument.applyEdits(doc, fixAll.edit!.changes![URI]);
    assert.match(fixed, /startup_candle_count = 200\b/, 'insufficient-warmup raised to the EMA(200) window');
    assert.match(fixed, /stoploss = -0\.27183/, 'unsafe fixes (rounding) are not applied');
    version++;
    const published = client.nextDiagnostics(URI, (p) => p.version === version);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges: [{ text: fixed }] });
    await published;
    text = fixed;
    assert.deepEqual(await request(), []);
    const lightbulb = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: URI }, range: whole, context: { diagnostics: [] } })) as CodeAction[];
    assert.ok(!lightbulb.some((a) => a.kind === 'source.fixAll.strategyLint'), 'fix-all is not computed for plain lightbulb requests');
  });

  it('opens the rule doc through window/showDocument', async () => {
    const shown = new Promise<{ uri: string }>((resolve) => client.connection.onRequest('window/showDocument', (p: { uri: string }) => (resolve(p), { success: true })));
    await client.connection.sendRequest('workspace/executeCommand', { command: 'strategyLint.showRuleDoc', arguments: ['SL101'] });
    const { uri } = await shown;
    assert.match(uri, /docs\/rules\/too-many-parameters\.md$/);
  });

  it('shuts down and exits cleanly', async () => {
    const exited = new Promise<number | null>((resolve) => client.process.on('exit', (code) => resolve(code)));
    await client.connection.sendRequest('shutdown');
    await client.connection.sendNotification('exit');
    assert.equal(await exited, 0);
  });
});
