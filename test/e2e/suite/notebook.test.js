// Extension-host test: a Jupyter notebook in real VS Code. The client syncs it as a notebook
// (LSP notebook document sync); the server lints its Python cells as one program and answers per cell.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

const helpers = require('./helpers');
const { sleep, codeOf, ours } = helpers;
// Notebook start-up is slower than a text editor's: wait longer by default.
const waitFor = (what, fn, timeoutMs = 45000) => helpers.waitFor(what, fn, timeoutMs);

// Cell diagnostics are pushed by the server: VS Code's client does not pull them for cells.
describe('Strategy Lint in a Jupyter notebook (real VS Code)', function () {
  let file;
  let notebook;

  before(async function () {
    const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
    assert.ok(folder, 'the e2e workspace folder is open');
    // This file runs first: make sure the extension is up before the notebook opens.
    const ext = vscode.extensions.getExtension('strategy-lint.strategy-lint');
    assert.ok(ext, 'extension loaded');
    await ext.activate();
    // A copy of the fixture inside the workspace (removed afterwards).
    const fixture = path.resolve(__dirname, '..', '..', 'fixtures', 'notebooks', 'feature_engineering.ipynb');
    file = path.join(folder.uri.fsPath, 'e2e_feature_engineering.ipynb');
    fs.copyFileSync(fixture, file);
    notebook = await vscode.workspace.openNotebookDocument(vscode.Uri.file(file));
    await vscode.window.showNotebookDocument(notebook);
    assert.strictEqual(notebook.cellAt(1).document.languageId, 'python', `cell language: ${notebook.cellAt(1).document.languageId}, notebook type ${notebook.notebookType}`);
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor').catch(() => undefined);
    fs.rmSync(file, { force: true });
  });

  it('puts each diagnostic on the right cell, at the line within the cell', async function () {
    const cell = (i) => notebook.cellAt(i);
    const scaler = await waitFor('SL204 on cell 6', () => ours(cell(5).document.uri).find((d) => codeOf(d) === 'SL204')).catch((e) => {
      throw new Error(`${e.message}; cells: ${JSON.stringify(notebook.getCells().map((c) => ours(c.document.uri).map((d) => `${d.range.start.line}:${codeOf(d)}`)))}`);
    });
    assert.strictEqual(cell(5).document.getText(scaler.range), 'scaler.fit_transform(X)');
    assert.match(scaler.message, /\(cell 10, line 3\)/);
    const split = await waitFor('SL301 on cell 9', () => ours(cell(8).document.uri).find((d) => codeOf(d) === 'SL301'));
    assert.strictEqual(split.range.start.line, 0);
    for (const i of [0, 1, 2, 3, 6, 10]) assert.deepStrictEqual(ours(cell(i).document.uri).filter((d) => ['SL204', 'SL301'].includes(codeOf(d))), []);
  });

  it('hovers the rule line (its ignore link aimed at the cell) and offers a quick fix that edits the cell', async function () {
    const cellDoc = notebook.cellAt(8).document;
    const split = ours(cellDoc.uri).find((d) => codeOf(d) === 'SL301');
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', cellDoc.uri, split.range.start.translate(0, 2)).catch((e) => {
      throw new Error(`hover: ${e.message}`);
    });
    const text = (hovers || []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.ok(text.includes('**shuffled-time-series-split** (SL301): '), text.slice(0, 200));
    const ignore = /\[ignore\]\(command:strategyLint\.ignoreOnLine\?([^ )]+)/.exec(text);
    assert.ok(ignore, text.slice(0, 400));
    assert.deepStrictEqual(JSON.parse(decodeURIComponent(ignore[1])), [cellDoc.uri.toString(), split.range.start.line, 'shuffled-time-series-split']);
    // The code-action command needs the cell's text model, which the notebook editor creates
    // for cells it renders: scroll the cell into view, as a user would.
    vscode.window.activeNotebookEditor.revealRange(new vscode.NotebookRange(8, 9), vscode.NotebookEditorRevealType.InCenter);
    await sleep(1000);
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', cellDoc.uri, split.range, vscode.CodeActionKind.QuickFix.value).catch((e) => {
      throw new Error(`code actions: ${e.message}`);
    });
    const fix = (actions || []).find((a) => /shuffle=False/.test(a.title));
    assert.ok(fix, JSON.stringify((actions || []).map((a) => a.title)));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(cellDoc.getText(), /shuffle=False\)/);
    await waitFor('SL301 to disappear from cell 9', () => !ours(cellDoc.uri).some((d) => codeOf(d) === 'SL301'));
  });
});
