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

  it('hovers each rule at the class name once, as one line with docs and ignore links, within the 4,000-character budget', async function () {
    const d = sl101(uri);
    assert.ok(d, 'SL101 still present');
    // The results attach too: six rules share the class name (it once hovered 27,000 characters).
    await waitFor('result findings on the class name', () => ours(uri).filter((x) => x.range.isEqual(d.range)).length >= 4, 30000);
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, d.range.start.translate(0, 3));
    const text = hoverText(hovers);
    const here = ours(uri).filter((x) => x.range.isEqual(d.range));
    for (const code of new Set(here.map(codeOf))) {
      assert.strictEqual(text.split(`(${code})`).length - 1, 1, `${code} once in the hover: ${JSON.stringify(text.slice(0, 400))}`);
    }
    assert.ok(text.length <= 4000, `hover is ${text.length} characters`);
    assert.ok(text.includes(`**${RULE}** (SL101): `), JSON.stringify(text.slice(0, 300)));
    assert.ok(/\[docs\]\(file:/.test(text) && /\[ignore\]\(command:strategyLint\.ignoreOnLine\?/.test(text), 'docs and ignore links');
    assert.ok(/\[Show documentation[^\]]*\]\(command:strategyLint\.showDocumentation\?/.test(text), 'Show documentation link');
    assert.ok(!text.includes('## Why it matters'), 'the full page is behind Show documentation');
    // The diagnostic messages are the editor's to show above the hover: not repeated.
    assert.ok(!/tunes \d+ parameters/.test(text), 'message not repeated in the hover');
    console.log(`      hover at the class name: ${text.length} characters for ${here.length} diagnostics`);
  });

  it('one Problems entry per finding: no two diagnostics alike, none in the closed result file', async function () {
    const all = ours(uri);
    const keys = all.map((x) => `${x.range.start.line}:${x.range.start.character}:${codeOf(x)}:${x.message}`);
    assert.strictEqual(new Set(keys).size, keys.length, `duplicates among ${JSON.stringify(keys)}`);
    const results = vscode.languages.getDiagnostics().filter(([u, ds]) => /backtest_results/.test(u.path) && ds.some((x) => x.source === 'strategy-lint'));
    assert.deepStrictEqual(results.map(([u]) => u.path), [], 'result-file findings appear only while the file is open');
  });

  it('shows the result-file findings while it is open, at line 1 with the key path (a one-line JSON)', async function () {
    const folder = vscode.workspace.workspaceFolders[0];
    const resultUri = vscode.Uri.file(path.join(folder.uri.fsPath, 'user_data', 'backtest_results', 'backtest-result-2024-01-08_09-12-44.json'));
    const doc = await vscode.workspace.openTextDocument(resultUri);
    await vscode.window.showTextDocument(doc, { preview: false });
    const shown = await waitFor('diagnostics in the open result file', () => (ours(resultUri).length ? ours(resultUri) : undefined), 30000);
    for (const x of shown) assert.ok(x.range.start.character < 200, `at column ${x.range.start.character}: ${x.message}`);
    assert.ok(shown.some((x) => / \(at key strategy\/BandRiderStrategy\/[a-z_]+\)$/.test(x.message)), JSON.stringify(shown.map((x) => x.message)));
    // (Dropping them on close is checked in the browser: a document the extension API opened
    // stays open in the extension host long after its editor closes.)
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.window.showTextDocument(editor.document);
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

  it('"Show documentation" opens the rule pages read-only (a virtual document, no untitled buffer)', async function () {
    await vscode.commands.executeCommand('strategyLint.showDocumentation', { kind: 'rules', ids: [RULE] });
    const page = await waitFor('the documentation document', () => vscode.workspace.textDocuments.find((doc) => doc.uri.scheme === 'strategy-lint-docs' && doc.uri.path.startsWith('/rules/')), 30000);
    assert.ok(page.getText().startsWith(`# ${RULE} (SL101)`), JSON.stringify(page.getText().slice(0, 100)));
    assert.ok(page.getText().includes('### Glossary'), 'with its glossary terms');
    assert.ok(!vscode.workspace.textDocuments.some((doc) => doc.isUntitled), 'no untitled buffer');
  });

  it('"Explain Term..." opens the picked term read-only, never an untitled buffer', async function () {
    const running = vscode.commands.executeCommand('strategyLint.explainTerm');
    // The quick pick fills from a server request: accept its first term once it is there.
    const term = await waitFor(
      'the term document',
      async () => {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return vscode.workspace.textDocuments.find((doc) => doc.uri.scheme === 'strategy-lint-docs' && doc.uri.path.startsWith('/term/'));
      },
      30000,
      500,
    );
    await running;
    assert.ok(/^\*\*.+\*\*/.test(term.getText()), JSON.stringify(term.getText().slice(0, 100)));
    assert.ok(!vscode.workspace.textDocuments.some((doc) => doc.isUntitled), 'no untitled buffer');
  });

});
