// The language server's strategyLint/reportData request (what the VS Code panel asks for),
// against the built server over stdio.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { reportDataForFile } from '../../../server/src/cli/report-command';
import { initPythonParser } from '../../../server/src/engine/python/parser';
import type { ReportData } from '../../../server/src/report/model';
import { SERVER, startServer, type TestClient } from '../../helpers/lsp-client';

const ROOT = path.join(__dirname, '..', '..', '..');
const EXAMPLES = path.join(ROOT, 'examples');

describe('strategyLint/reportData (server)', function () {
  this.timeout(60000);
  let client: TestClient;

  before(async () => {
    // Build the server when it predates the request (fresh checkout or stale dist/).
    if (!fs.existsSync(SERVER) || !fs.readFileSync(SERVER, 'utf8').includes('strategyLint/reportData')) {
      execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
    }
    await initPythonParser();
    client = await startServer({ settings: { debounceMs: 0 }, rootPath: EXAMPLES });
  });
  after(async () => client?.stop());

  async function open(relative: string): Promise<string> {
    const file = path.join(EXAMPLES, relative);
    const uri = 'file://' + file;
    const published = client.nextDiagnostics(uri);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: fs.readFileSync(file, 'utf8') } });
    await published;
    return uri;
  }

  it('returns the same report data as the CLI for an open strategy', async () => {
    const uri = await open('vectorbt/ma_sweep.py');
    const data = (await client.connection.sendRequest('strategyLint/reportData', { uri })) as ReportData;
    const cli = reportDataForFile(path.join(EXAMPLES, 'vectorbt', 'ma_sweep.py'), EXAMPLES);
    // Shown relative to the workspace folder, never absolute (issue 18), as the CLI shows it.
    assert.equal(data.file, 'vectorbt/ma_sweep.py');
    assert.ok(data.strategies[0].files.every((f: { file: string }) => !path.isAbsolute(f.file)));
    assert.equal(data.strategies.length, 1);
    assert.deepEqual(data.strategies[0].pbo, cli.strategies[0].pbo);
    assert.deepEqual(data.strategies[0].dsr, cli.strategies[0].dsr);
    assert.deepEqual(data.strategies[0].sample, cli.strategies[0].sample);
    assert.deepEqual(data.terms, cli.terms);
  });

  it('answers null for a document the server does not have open', async () => {
    const data = await client.connection.sendRequest('strategyLint/reportData', { uri: 'file:///nowhere/never.py' });
    assert.equal(data, null);
  });
});
