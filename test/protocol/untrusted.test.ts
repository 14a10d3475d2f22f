// In an untrusted workspace, paths named by configuration files are not followed.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startServer } from '../helpers/lsp-client';

const STRATEGY = `from freqtrade.strategy import IStrategy, IntParameter


class Scalper(IStrategy):
    timeframe = "5m"
    buy_rsi = IntParameter(20, 40, default=30, space="buy")
`;

describe('workspace trust', function () {
  let root: string;
  before(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sl-trust-')));
    fs.mkdirSync(path.join(root, 'strategies'));
    fs.mkdirSync(path.join(root, 'runs'));
    fs.writeFileSync(path.join(root, 'strategies', 'scalper.py'), STRATEGY);
    // Our own result format: 12 trades, reached only through the config file's results glob.
    fs.writeFileSync(path.join(root, 'runs', 'scalper-run.json'), JSON.stringify({ format: 'strategy-lint/v1', strategy: 'Scalper', tradeCount: 12 }));
    fs.writeFileSync(path.join(root, '.strategy-lint.json'), JSON.stringify({ results: ['runs/*.json'] }));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  for (const trusted of [true, false]) {
    it(`${trusted ? 'follows' : 'ignores'} result globs from a configuration file when the workspace is ${trusted ? '' : 'not '}trusted`, async () => {
      const client = await startServer({ settings: { debounceMs: 0 }, rootPath: root, initializationOptions: { workspaceTrusted: trusted } });
      try {
        const uri = 'file://' + path.join(root, 'strategies', 'scalper.py');
        const published = client.nextDiagnostics(uri);
        await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: STRATEGY } });
        const { diagnostics } = await published;
        assert.equal(diagnostics.some((d) => d.code === 'SL601'), trusted, JSON.stringify(diagnostics.map((d) => d.code)));
      } finally {
        await client.stop();
      }
    });
  }

  // Issue 17, bug 1: the notebook path builds its own lint service, and it must honour trust too.
  for (const trusted of [true, false]) {
    it(`${trusted ? 'follows' : 'ignores'} result globs from a configuration file for a notebook when the workspace is ${trusted ? '' : 'not '}trusted`, async () => {
      const client = await startServer({ settings: { debounceMs: 0 }, rootPath: root, initializationOptions: { workspaceTrusted: trusted } });
      try {
        const file = path.join(root, 'strategies', 'scalper.ipynb');
        const cell = `vscode-notebook-cell:${file}#W0sscalper.ipynb`;
        const published = client.nextDiagnostics(cell);
        await client.connection.sendNotification('notebookDocument/didOpen', {
          notebookDocument: { uri: 'file://' + file, notebookType: 'jupyter-notebook', version: 1, cells: [{ kind: 2, document: cell }] },
          cellTextDocuments: [{ uri: cell, languageId: 'python', version: 1, text: STRATEGY }],
        });
        const { diagnostics } = await published;
        assert.equal(diagnostics.some((d) => d.code === 'SL601'), trusted, JSON.stringify(diagnostics.map((d) => d.code)));
      } finally {
        await client.stop();
      }
    });
  }
});
