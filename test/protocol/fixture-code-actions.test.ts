// Every fixture through the real server: each diagnostic's quick fixes are requested over the
// protocol and applied; the result must still parse as well as the original did.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { initPythonParser, parsePython } from '../../server/src/engine/python/parser';
import { RULES } from '../../server/src/engine/rules/registry';
import { startServer, type TestClient } from '../helpers/lsp-client';
import { fixtureFiles } from '../helpers/snapshots';

function parses(text: string): boolean {
  const tree = parsePython(text);
  const ok = !tree.rootNode.hasError;
  tree.delete();
  return ok;
}

describe('quick fixes on every fixture, through the server', function () {
  this.timeout(120000);
  let client: TestClient;
  before(async () => {
    await initPythonParser();
    client = await startServer({ settings: { debounceMs: 0 } });
  });
  after(() => client?.stop());

  it('offers and applies the fixes of every rule that has one', async () => {
    const rulesFixed = new Set<string>();
    let applied = 0;
    for (const file of fixtureFiles()) {
      const uri = 'file://' + file;
      const text = fs.readFileSync(file, 'utf8');
      const before = parses(text);
      const published = client.nextDiagnostics(uri);
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
      const { diagnostics } = await published;
      for (const diagnostic of diagnostics) {
        const actions = (await client.connection.sendRequest('textDocument/codeAction', {
          textDocument: { uri },
          range: diagnostic.range,
          context: { diagnostics: [diagnostic], only: ['quickfix'] },
        })) as CodeAction[];
        const rule = (diagnostic.data as { rule: string }).rule;
        assert.ok(actions.some((a) => a.title === `Ignore ${rule} on this line` || a.title === `Ignore ${rule} in this file`), `${path.basename(file)}: no ignore action for ${rule}`);
        for (const action of actions) {
          const edits = action.edit?.changes?.[uri];
          if (!edits) continue;
          const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'python', 1, text), edits);
          assert.notEqual(fixed, text, `${action.title} changes nothing`);
          if (before) assert.ok(parses(fixed), `${path.basename(file)}:${diagnostic.range.start.line + 1} "${action.title}" breaks the file`);
          if (!action.title.startsWith('Ignore ')) rulesFixed.add(rule);
          applied++;
        }
      }
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
    // Every rule that declares a fix got it exercised on some fixture (unused-suppression's fix is
    // covered by its own unit tests: no fixture carries a stale directive on purpose).
    for (const rule of RULES.filter((r) => r.fixSafety && r.name !== 'unused-suppression').map((r) => r.name)) {
      assert.ok(rulesFixed.has(rule), `no fixture exercised the fix of ${rule}; fixed: ${[...rulesFixed].join(', ')}`);
    }
    assert.ok(applied > 100, `${applied} edits applied`);
  });
});
