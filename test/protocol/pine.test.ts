// A Pine strategy through the real server: diagnostics with the TradingView export beside it
// attached, a glossary hover in a comment, and the quick fixes for lookahead and commission.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CodeAction, Diagnostic, Hover, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startServer, type TestClient } from '../helpers/lsp-client';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'strategies', 'pine');

describe('Pine scripts through the server', function () {
  let client: TestClient;
  let root: string;

  before(async () => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sl-pine-')));
    for (const name of ['ema_pullback_clean_v6.pine', 'EMA_Pullback_BINANCE_BTCUSDT_2024-02-12.csv', 'breakout_flawed_v5.pine']) {
      fs.copyFileSync(path.join(FIXTURES, name), path.join(root, name));
    }
    client = await startServer({ settings: { debounceMs: 0 }, rootPath: root });
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  async function open(name: string): Promise<{ uri: string; text: string; diagnostics: Diagnostic[] }> {
    const uri = 'file://' + path.join(root, name);
    const text = fs.readFileSync(path.join(root, name), 'utf8');
    const published: Promise<PublishDiagnosticsParams> = client.nextDiagnostics(uri);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'pine', version: 1, text } });
    return { uri, text, diagnostics: (await published).diagnostics };
  }

  it('lints a .pine document and attaches the Strategy Tester export named after the strategy', async () => {
    const { diagnostics } = await open('ema_pullback_clean_v6.pine');
    const tiny = diagnostics.find((d) => d.code === 'SL601');
    assert.ok(tiny, JSON.stringify(diagnostics.map((d) => d.message)));
    assert.match(String(tiny.message), /EMA_Pullback_BINANCE_BTCUSDT_2024-02-12\.csv has only 24 trades/);
    assert.ok(!diagnostics.some((d) => d.code === 'SL250' || d.code === 'SL502'), 'the clean script has no lookahead or cost finding');
  });

  it('reports lookahead as an error and offers the [1] fix and the commission fix', async () => {
    const { uri, text, diagnostics } = await open('breakout_flawed_v5.pine');
    const lookahead = diagnostics.find((d) => d.code === 'SL250')!;
    assert.equal(lookahead.severity, 1);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: lookahead.range, context: { diagnostics: [lookahead] } })) as CodeAction[];
    const shift = actions.find((a) => /\[1\]/.test(a.title));
    assert.ok(shift, JSON.stringify(actions.map((a) => a.title)));
    const edit = shift.edit!.changes![uri][0];
    assert.equal(edit.newText, '[1]');
    assert.equal(text.split('\n')[edit.range.start.line].slice(0, edit.range.start.character).endsWith('"W", close'), true);
    const costs = diagnostics.find((d) => d.code === 'SL502')!;
    const costActions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: costs.range, context: { diagnostics: [costs] } })) as CodeAction[];
    assert.ok(costActions.some((a) => /Add a 0\.1% fee/.test(a.title)), JSON.stringify(costActions.map((a) => a.title)));
  });

  it('hovers glossary terms in Pine comments', async () => {
    const uri = 'file://' + path.join(root, 'breakout_flawed_v5.pine');
    const text = fs.readFileSync(path.join(root, 'breakout_flawed_v5.pine'), 'utf8').split('\n');
    const line = text.findIndex((l) => l.includes('Daily bias from the developing daily bar: repaints'));
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: text[line].indexOf('repaints') + 2 } })) as Hover | null;
    assert.match(hover ? (hover.contents as MarkupContent).value : '', /Repainting/);
  });
});
