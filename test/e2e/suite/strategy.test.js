// Extension-host tests: run inside a real VS Code extension host (code-server or
// @vscode/test-electron) with the real `vscode` API, against the packaged bundle in dist/.
'use strict';
const assert = require('assert');
const path = require('path');
const vscode = require('vscode');

const EXTENSION_ID = 'strategy-lint.strategy-lint';
const RULE = 'too-many-parameters';
const IGNORE_COMMENT = `# strategy-lint: ignore[${RULE}]`;

const { sleep, waitFor, codeOf, ours } = require('./helpers');

function sl101(uri) {
  return ours(uri).find((d) => codeOf(d) === 'SL101');
}

function describeDiags(uri) {
  return JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.source} ${codeOf(d)} ${d.message}`));
}

function hoverText(hovers) {
  return (hovers || []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n---\n');
}

describe('Strategy Lint in a real VS Code extension host', function () {
  let uri;
  let editor;

  before(async function () {
    const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
    assert.ok(folder, 'the e2e workspace folder is open');
    uri = vscode.Uri.file(path.join(folder.uri.fsPath, 'user_data', 'strategies', 'BandRiderStrategy.py'));
    const doc = await vscode.workspace.openTextDocument(uri);
    editor = await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'python');
  });

  after(async function () {
    // Leave the file as it was on disk (the code-action test edits the buffer).
    if (editor && editor.document.isDirty) {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('activates the extension and registers its commands', async function () {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is loaded`);
    await waitFor('extension activation', () => ext.isActive, 30000);
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['strategyLint.restartServer', 'strategyLint.showOutput']) {
      assert.ok(commands.includes(id), `command ${id} is registered`);
    }
    await vscode.commands.executeCommand('strategyLint.showOutput'); // must not throw
  });

  it('publishes an SL101 too-many-parameters diagnostic from source strategy-lint', async function () {
    const d = await waitFor('an SL101 diagnostic', () => sl101(uri), 45000).catch((e) => {
      throw new Error(`${e.message}; diagnostics now: ${describeDiags(uri)}`);
    });
    assert.strictEqual(d.source, 'strategy-lint');
    assert.match(d.message, /tunes \d+ parameters/);
    assert.ok(d.message.includes(`[${RULE}]`), d.message);
    assert.strictEqual(editor.document.lineAt(d.range.start.line).text.trim().startsWith('class BandRiderStrategy'), true);
    assert.strictEqual(editor.document.getText(d.range), 'BandRiderStrategy');
  });

  it('answers vscode.executeHoverProvider at the diagnostic with the rule documentation', async function () {
    const d = sl101(uri);
    assert.ok(d, 'SL101 still present');
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, d.range.start.translate(0, 3));
    const text = hoverText(hovers);
    assert.ok(text.includes(`# ${RULE}`), `hover contains "# ${RULE}": ${JSON.stringify(text.slice(0, 300))}`);
    assert.ok(text.includes('SL101'), 'hover names the code');
  });

  it("offers 'Ignore too-many-parameters on this line'; applying it inserts the comment and clears the diagnostic", async function () {
    const d = sl101(uri);
    assert.ok(d, 'SL101 still present');
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const titles = (actions || []).map((a) => a.title);
    const ignore = (actions || []).find((a) => a.title === `Ignore ${RULE} on this line`);
    assert.ok(ignore, `quick fix offered; got ${JSON.stringify(titles)}`);
    assert.ok(ignore.edit instanceof vscode.WorkspaceEdit, 'the quick fix carries a workspace edit');
    const applied = await vscode.workspace.applyEdit(ignore.edit);
    assert.strictEqual(applied, true, 'workspace.applyEdit succeeded');
    const doc = editor.document;
    const lineText = doc.lineAt(d.range.start.line).text;
    assert.ok(doc.getText().includes(IGNORE_COMMENT), `document contains ${IGNORE_COMMENT}; line: ${JSON.stringify(lineText)}`);
    await waitFor('SL101 to disappear after the ignore comment', () => !sl101(uri), 30000).catch((e) => {
      throw new Error(`${e.message}; diagnostics now: ${describeDiags(uri)}`);
    });
  });

  it('strategyLint.restartServer restarts the server and diagnostics come back', async function () {
    // Back to the file on disk (no ignore comment), then restart: the new server must lint it again.
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.ok(!editor.document.getText().includes(IGNORE_COMMENT), 'revert removed the ignore comment');
    await waitFor('SL101 after revert', () => sl101(uri), 30000);
    await vscode.commands.executeCommand('strategyLint.restartServer');
    await waitFor('SL101 after restart', () => sl101(uri), 45000).catch((e) => {
      throw new Error(`${e.message}; diagnostics now: ${describeDiags(uri)}`);
    });
  });
});
