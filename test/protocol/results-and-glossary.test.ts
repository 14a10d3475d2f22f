// Results attached through the freqtrade layout, diagnostics in the result file, the CodeLens,
// and glossary hovers over every kind of place (identifier, comment, JSON key, CSV header,
// suppression rule name, diagnostic range).
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CodeLens, Hover, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startServer, type TestClient } from '../helpers/lsp-client';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'workspaces', 'freqtrade-small');

function copyDir(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const name of fs.readdirSync(from)) {
    const source = path.join(from, name);
    if (fs.statSync(source).isDirectory()) copyDir(source, path.join(to, name));
    else fs.copyFileSync(source, path.join(to, name));
  }
}

const text = (hover: Hover | null) => (hover ? (hover.contents as MarkupContent).value : '');

describe('results and glossary through the server', function () {
  let client: TestClient;
  let root: string;
  let strategyUri: string;
  let strategyText: string;
  let resultUri: string;

  before(async () => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sl-ws-')));
    copyDir(FIXTURE, root);
    const strategy = path.join(root, 'user_data', 'strategies', 'StrategyTestV3.py');
    strategyUri = 'file://' + strategy;
    strategyText = fs.readFileSync(strategy, 'utf8');
    resultUri = 'file://' + path.join(root, 'user_data', 'backtest_results', 'backtest-result.json');
    client = await startServer({ settings: { debounceMs: 0 }, rootPath: root });
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('attaches the newest freqtrade backtest containing the class and reports result rules on the class', async () => {
    const published = client.nextDiagnostics(strategyUri);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: strategyUri, languageId: 'python', version: 1, text: strategyText } });
    const { diagnostics } = await published;
    const tiny = diagnostics.find((d) => d.code === 'SL601');
    assert.ok(tiny, JSON.stringify(diagnostics.map((d) => d.message)));
    assert.match(String(tiny.message), /backtest-result\.json covers only 21 return observations/);
    assert.equal(strategyText.split('\n')[tiny.range.start.line].slice(tiny.range.start.character, tiny.range.end.character), 'StrategyTestV3');
    assert.ok(tiny.relatedInformation?.some((r) => r.location.uri === resultUri));
  });

  it('shows the finding in the result file only while it is open; in this one-line JSON at line 1 with the key path, never at column 120,000', async () => {
    // The strategy's diagnostics were published (one entry per finding); nothing for the closed result file.
    assert.deepEqual(client.published.filter((p) => p.uri === resultUri && p.diagnostics.length), []);
    const shown = client.nextDiagnostics(resultUri, (p) => p.diagnostics.length > 0);
    const resultText = fs.readFileSync(new URL(resultUri), 'utf8');
    assert.equal(resultText.trimEnd().split('\n').length, 1);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: resultUri, languageId: 'json', version: 1, text: resultText } });
    const { diagnostics } = await shown;
    const tiny = diagnostics.find((d) => d.code === 'SL601');
    assert.ok(tiny, JSON.stringify(diagnostics));
    assert.deepEqual(tiny.range.start, { line: 0, character: 0 });
    assert.match(String(tiny.message), /\(at key strategy\/StrategyTestV3\/daily_profit\)$/);
    for (const d of diagnostics) assert.ok(d.range.start.character < 200, JSON.stringify(d.range));
    // The strategy's related location says the same.
    const strategy = client.published.filter((p) => p.uri === strategyUri).at(-1)!;
    const related = strategy.diagnostics.flatMap((d) => d.relatedInformation ?? []).filter((r) => r.location.uri === resultUri);
    assert.ok(related.length > 0);
    for (const r of related) assert.ok(r.location.range.start.character < 200, JSON.stringify(r));
    // Listed under the message: the place, not the finding a second time.
    for (const r of related) assert.match(r.message, /^the result this is about, at key strategy\/StrategyTestV3\/\w+$/);
    // Closing the result file takes its copies out of the Problems panel.
    const cleared = client.nextDiagnostics(resultUri, (p) => p.diagnostics.length === 0);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: resultUri } });
    await cleared;
  });

  it('points at the key itself in a pretty-printed result file', async () => {
    const file = new URL(resultUri);
    const original = fs.readFileSync(file, 'utf8');
    const pretty = JSON.stringify(JSON.parse(original), null, 1);
    fs.writeFileSync(file, pretty);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: resultUri, languageId: 'json', version: 1, text: pretty } });
    // Once the server has read the rewritten file (the watched-file event), the key is pointed at.
    const shown = client.nextDiagnostics(resultUri, (p) => p.diagnostics.some((d) => d.code === 'SL601' && !/at key/.test(String(d.message))));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: resultUri, type: 2 }] });
    const tiny = (await shown).diagnostics.find((d) => d.code === 'SL601')!;
    assert.match(pretty.split("\n")[tiny.range.start.line].slice(tiny.range.start.character), /^"daily_profit"/, JSON.stringify(tiny));
    assert.doesNotMatch(String(tiny.message), /at key/);
    fs.writeFileSync(file, original);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: resultUri, version: 2 }, contentChanges: [{ text: original }] });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: resultUri, type: 2 }] });
  });

  it('summarises the attached results in a CodeLens above the class', async () => {
    const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: strategyUri } })) as CodeLens[];
    assert.equal(lenses.length, 1);
    assert.match(lenses[0].command!.title, /^Strategy Lint: 179 trades · Sharpe [\d.]+ \(annual\) · PSR [\d.]+ — backtest-result\.json$/);
    assert.match(String(lenses[0].command!.tooltip), /newest result in user_data\/backtest_results holding StrategyTestV3/);
  });

  async function hoverAt(uri: string, line: number, character: number): Promise<string> {
    return text((await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as Hover | null);
  }

  it('hovers a glossary term over a confident identifier and nothing over a plain one', async () => {
    const lines = strategyText.split('\n');
    const line = lines.findIndex((l) => l.includes('startup_candle_count = 30'));
    assert.match(await hoverAt(strategyUri, line, 8), /^\*\*Warm-up Period\*\*/);
    const plain = lines.findIndex((l) => l.includes('def populate_indicators'));
    assert.equal(await hoverAt(strategyUri, plain, lines[plain].indexOf('metadata') + 2), '');
  });

  it('hovers a phrase inside a docstring', async () => {
    const lines = strategyText.split('\n');
    const line = lines.findIndex((l) => l.includes('out of sample'));
    assert.match(await hoverAt(strategyUri, line, lines[line].indexOf('out of sample') + 4), /\*\*Out-of-Sample/i);
  });

  it('hovers one line per rule over a diagnostic, within the size budget, glossary behind "Show documentation"', async () => {
    const lines = strategyText.split('\n');
    const line = lines.findIndex((l) => l.startsWith('class StrategyTestV3'));
    const value = await hoverAt(strategyUri, line, 8);
    assert.match(value, /\*\*tiny-sample\*\* \(SL601\): /);
    assert.doesNotMatch(value, /### Glossary/);
    assert.ok(value.length <= 4000, `${value.length} characters`);
    const docs = /\(command:strategyLint\.showDocumentation\?([^)]+)\)/.exec(value);
    const page = (await client.connection.sendRequest('strategyLint/documentation', JSON.parse(decodeURIComponent(docs![1]))[0])) as { markdown: string };
    assert.match(page.markdown, /# tiny-sample \(SL601\)/);
    assert.match(page.markdown, /### Glossary/);
    assert.match(page.markdown, /\*\*Sample Size\*\*/);
  });

  it('hovers keys in a JSON result file and headers in a CSV', async () => {
    const resultText = fs.readFileSync(new URL(resultUri), 'utf8');
    const lines = resultText.split('\n');
    const line = lines.findIndex((l) => l.includes('"max_drawdown"'));
    assert.match(await hoverAt(resultUri, line, lines[line].indexOf('max_drawdown') + 3), /\*\*(Maximum )?Drawdown/i);
    const csvUri = 'file://' + path.join(root, 'returns.csv');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: csvUri, languageId: 'csv', version: 1, text: 'date,sharpe_ratio,profit_factor\n2024-01-01,1.2,1.5\n' } });
    assert.match(await hoverAt(csvUri, 0, 8), /\*\*Sharpe Ratio/);
    assert.match(await hoverAt(csvUri, 0, 22), /\*\*Profit Factor/);
    assert.equal(await hoverAt(csvUri, 0, 1), '');
  });

  it('follows the result files: a changed backtest (watched-files notification) updates the strategy diagnostics', async () => {
    const file = new URL(resultUri);
    const result = JSON.parse(fs.readFileSync(file, 'utf8'));
    // Re-run with a shorter history: keep 5 days of daily profit.
    result.strategy.StrategyTestV3.daily_profit = result.strategy.StrategyTestV3.daily_profit.slice(0, 5);
    fs.writeFileSync(file, JSON.stringify(result));
    const published = client.nextDiagnostics(strategyUri, (p) => p.diagnostics.some((d) => d.code === 'SL601' && /covers only 5 return observations/.test(String(d.message))));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: resultUri, type: 2 }] });
    await published;
    fs.rmSync(file);
    const cleared = client.nextDiagnostics(strategyUri, (p) => !p.diagnostics.some((d) => d.code === 'SL601'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: resultUri, type: 3 }] });
    await cleared;
  });

  it('a result file created next to the strategy is attached once the client reports it (listings are remembered between keystrokes, issue 17 bug 5)', async () => {
    const sidecar = path.join(root, 'user_data', 'strategies', 'StrategyTestV3.backtest.json');
    fs.writeFileSync(sidecar, JSON.stringify({ format: 'strategy-lint/v1', strategy: 'StrategyTestV3', tradeCount: 7 }));
    const attached = client.nextDiagnostics(strategyUri, (p) => p.diagnostics.some((d) => d.code === 'SL601' && /7 trades/.test(String(d.message))));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: 'file://' + sidecar, type: 1 }] });
    await attached;
    fs.rmSync(sidecar);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: 'file://' + sidecar, type: 3 }] });
  });

  it('lists and explains terms for the Explain Term command', async () => {
    const terms = (await client.connection.sendRequest('strategyLint/glossaryTerms')) as { id: string }[];
    assert.ok(terms.length >= 60);
    const explained = (await client.connection.sendRequest('strategyLint/documentation', { kind: 'term', id: 'deflated-sharpe-ratio' })) as { markdown: string };
    assert.match(explained.markdown, /Deflated Sharpe/);
  });
});
