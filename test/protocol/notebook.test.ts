// Jupyter notebooks over LSP notebook document sync, against the built server over stdio.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { CodeAction, Diagnostic, Hover, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startServer, type TestClient } from '../helpers/lsp-client';
import { pasteIntoNotebook } from '../unit/notebook/helpers';

const ROOT = path.join(__dirname, '..', '..');
const FEATURES = path.join(ROOT, 'test', 'fixtures', 'notebooks', 'feature_engineering.ipynb');

interface Cell {
  uri: string;
  kind: 1 | 2;
  languageId: string;
  text: string;
}

/** The cells VS Code would send for an .ipynb (cell URIs in the vscode-notebook-cell scheme). */
function cellsOf(file: string, json: string): Cell[] {
  const nb = JSON.parse(json) as { cells: { cell_type: string; source: string | string[] }[] };
  return nb.cells.map((c, i) => ({
    uri: `vscode-notebook-cell:${file}#W${i}s${path.basename(file)}`,
    kind: c.cell_type === 'code' ? 2 : 1,
    languageId: c.cell_type === 'code' ? 'python' : c.cell_type === 'markdown' ? 'markdown' : 'raw',
    text: Array.isArray(c.source) ? c.source.join('') : c.source,
  }));
}

async function openNotebook(client: TestClient, file: string, cells: Cell[]): Promise<Map<string, Diagnostic[]>> {
  const uri = 'file://' + file;
  const code = cells.filter((c) => c.kind === 2);
  const published = Promise.all(code.map((c) => client.nextDiagnostics(c.uri)));
  await client.connection.sendNotification('notebookDocument/didOpen', {
    notebookDocument: { uri, notebookType: 'jupyter-notebook', version: 1, cells: cells.map((c) => ({ kind: c.kind, document: c.uri })) },
    cellTextDocuments: cells.map((c) => ({ uri: c.uri, languageId: c.languageId, version: 1, text: c.text })),
  });
  const all = await published;
  return new Map(all.map((p) => [p.uri, p.diagnostics]));
}

const row = (d: Diagnostic) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`;

describe('notebooks over LSP notebook sync', function () {
  let client: TestClient;
  before(async () => (client = await startServer({ settings: { debounceMs: 0 } })));
  after(() => client?.stop());

  it('announces notebook document sync for Python cells of Jupyter notebooks', () => {
    const sync = client.initializeResult.capabilities.notebookDocumentSync as { notebookSelector: { notebook: { notebookType: string }; cells?: unknown }[] };
    // All cells are synced (no cells filter) so cell labels count markdown cells too.
    assert.ok(sync.notebookSelector.some((s) => s.notebook.notebookType === 'jupyter-notebook' && s.cells === undefined));
  });

  describe('the feature-engineering notebook', () => {
    const json = fs.readFileSync(FEATURES, 'utf8');
    const cells = cellsOf(FEATURES, json);
    let diagnostics: Map<string, Diagnostic[]>;

    it('didOpen publishes diagnostics per cell URI, at lines within the cells', async () => {
      diagnostics = await openNotebook(client, FEATURES, cells);
      const byCell = cells.map((c) => (diagnostics.get(c.uri) ?? []).map(row).join(', '));
      assert.deepEqual(byCell, ['', '', '', '', '', '3:12 SL204', '', '', '1:36 SL301', '1:9 SL401', '', '']);
      const sl204 = diagnostics.get(cells[5].uri)![0];
      assert.match(String(sl204.message), /\(cell 10, line 3\)/);
      const line = cells[5].text.split('\n')[sl204.range.start.line];
      assert.equal(line.slice(sl204.range.start.character, sl204.range.end.character), 'scaler.fit_transform(X)');
    });

    it('hovers the rule line in a cell, its "ignore" link editing that cell', async () => {
      const d = diagnostics.get(cells[5].uri)![0];
      const hover = (await client.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: cells[5].uri },
        position: { line: d.range.start.line, character: d.range.start.character + 2 },
      })) as Hover;
      const value = (hover.contents as MarkupContent).value;
      assert.match(value, /^\*\*lookahead-scaler-fit-on-full-data\*\* \(SL204\): /);
      assert.deepEqual(hover.range, d.range);
      const ignore = /\[ignore\]\(command:strategyLint\.ignoreOnLine\?([^ )]+)/.exec(value);
      assert.ok(ignore, value);
      const args = JSON.parse(decodeURIComponent(ignore[1]));
      assert.deepEqual(args, [cells[5].uri, d.range.start.line, 'lookahead-scaler-fit-on-full-data']);
      await client.connection.sendRequest('workspace/executeCommand', { command: 'strategyLint.ignoreOnLine', arguments: args });
      const applied = client.appliedEdits.at(-1) as { edit: { changes: Record<string, { range: { start: { line: number } }; newText: string }[]> } };
      assert.deepEqual(Object.keys(applied.edit.changes), [cells[5].uri]);
      assert.equal(applied.edit.changes[cells[5].uri][0].range.start.line, d.range.start.line);
      assert.match(applied.edit.changes[cells[5].uri][0].newText, /# strategy-lint: ignore\[lookahead-scaler-fit-on-full-data\]/);
    });

    it('offers quick fixes that edit the right cell, including a fix spread over two cells', async () => {
      const split = diagnostics.get(cells[8].uri)![0];
      const actions = (await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: cells[8].uri },
        range: split.range,
        context: { diagnostics: [split], only: ['quickfix'] },
      })) as CodeAction[];
      const fix = actions.find((a) => a.title.startsWith('Split without shuffling'))!;
      assert.ok(fix, actions.map((a) => a.title).join(', '));
      assert.deepEqual(Object.keys(fix.edit!.changes!), [cells[8].uri]);
      assert.deepEqual(fix.diagnostics, [split]);
      const ignore = actions.find((a) => a.title === 'Ignore shuffled-time-series-split on this line')!;
      assert.equal(ignore.edit!.changes![cells[8].uri][0].range.start.line, 0);

      const model = diagnostics.get(cells[9].uri)![0];
      const modelActions = (await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: cells[9].uri },
        range: model.range,
        context: { diagnostics: [model], only: ['quickfix'] },
      })) as CodeAction[];
      const ridge = modelActions.find((a) => /Ridge/.test(a.title))!;
      assert.ok(ridge, modelActions.map((a) => a.title).join(', '));
      const changes = ridge.edit!.changes!;
      assert.deepEqual(Object.keys(changes).sort(), [cells[1].uri, cells[9].uri].sort());
      assert.equal(changes[cells[1].uri][0].range.start.line, 5); // the sklearn.linear_model import in cell 2
      assert.equal(changes[cells[9].uri][0].range.start.line, 0);
    });

    it('didChange of one cell re-lints the notebook: the fixed cell is clean, the others keep theirs', async () => {
      const target = cells[8];
      const col = target.text.indexOf(')');
      const cleared = client.nextDiagnostics(target.uri, (p: PublishDiagnosticsParams) => p.diagnostics.length === 0);
      const scaler = client.nextDiagnostics(cells[5].uri);
      await client.connection.sendNotification('notebookDocument/didChange', {
        notebookDocument: { uri: 'file://' + FEATURES, version: 2 },
        change: {
          cells: {
            textContent: [
              { document: { uri: target.uri, version: 2 }, changes: [{ range: { start: { line: 0, character: col }, end: { line: 0, character: col } }, text: ', shuffle=False' }] },
            ],
          },
        },
      });
      await cleared;
      assert.deepEqual((await scaler).diagnostics.map(row), ['3:12 SL204']);
    });

    it('didClose clears every cell', async () => {
      // Publications of the previous edit may still be in flight: wait for the clearing one.
      const cleared = Promise.all(cells.filter((c) => c.kind === 2).map((c) => client.nextDiagnostics(c.uri, (p) => p.diagnostics.length === 0)));
      await client.connection.sendNotification('notebookDocument/didClose', {
        notebookDocument: { uri: 'file://' + FEATURES },
        cellTextDocuments: cells.map((c) => ({ uri: c.uri })),
      });
      for (const p of await cleared) assert.deepEqual(p.diagnostics, []);
    });
  });

  for (const fixture of ['examples/freqtrade/user_data/strategies/BandRiderStrategy.py', 'test/fixtures/strategies/lookahead/pandas/ml_leakage.py']) {
    it(`a strategy pasted into a notebook gets the same diagnostics as the .py file, at the right cell and line: ${path.basename(fixture)}`, async () => {
      const py = path.join(ROOT, fixture);
      const text = fs.readFileSync(py, 'utf8');
      const pyUri = 'file://' + py;
      const pyPublished = client.nextDiagnostics(pyUri);
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: pyUri, languageId: 'python', version: 1, text } });
      const expected = (await pyPublished).diagnostics;
      assert.ok(expected.length > 0);

      const nbFile = py.replace(/\.py$/, '.pasted.ipynb');
      const pasted = pasteIntoNotebook(text, { markdownEvery: 3 });
      const cells = cellsOf(nbFile, pasted.json);
      const diagnostics = await openNotebook(client, nbFile, cells);
      const back: Diagnostic[] = [];
      for (const { index, pyLine } of pasted.cells) {
        for (const d of diagnostics.get(cells[index].uri) ?? []) {
          back.push({
            ...d,
            message: String(d.message).replace(/cell (\d+), line (\d+)/g, (_: string, c: string, l: string) => `line ${pasted.cells.find((x) => x.index === Number(c) - 1)!.pyLine + Number(l)}`),
            range: { start: { line: pyLine + d.range.start.line, character: d.range.start.character }, end: { line: pyLine + d.range.end.line, character: d.range.end.character } },
          });
          if (d.relatedInformation) {
            back[back.length - 1].relatedInformation = d.relatedInformation.map((r) => {
              const at = pasted.cells.find((c) => cells[c.index].uri === r.location.uri);
              assert.ok(at, `related location in a code cell: ${r.location.uri}`);
              const shift = (p: { line: number; character: number }) => ({ line: at.pyLine + p.line, character: p.character });
              return { ...r, location: { uri: pyUri, range: { start: shift(r.location.range.start), end: shift(r.location.range.end) } } };
            });
          }
        }
      }
      const key = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}:${d.code}:${d.message}`;
      back.sort((a, b) => key(a).localeCompare(key(b)));
      const sorted = [...expected].sort((a, b) => key(a).localeCompare(key(b)));
      assert.deepEqual(back, sorted);
    });
  }
});
