// The Pine TextMate grammar, tokenised the way VS Code does (vscode-textmate + oniguruma), and the
// package.json contribution that registers it for .pine files.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const ROOT = path.join(__dirname, '..', '..', '..');
const GRAMMAR = path.join(ROOT, 'syntaxes', 'pine.tmLanguage.json');

let grammar: vsctm.IGrammar;

function innermost(line: string, text: string): string {
  const { tokens } = grammar.tokenizeLine(line, vsctm.INITIAL);
  const found = tokens.find((t) => line.slice(t.startIndex, t.endIndex) === text);
  assert.ok(found, `no token '${text}' in ${JSON.stringify(tokens.map((t) => line.slice(t.startIndex, t.endIndex)))}`);
  return found.scopes[found.scopes.length - 1];
}

describe('TextMate grammar for Pine Script', () => {
  before(async function () {
    this.timeout(20000);
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)).catch(() => undefined);
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => oniguruma.createOnigScanner(patterns),
        createOnigString: (text: string) => oniguruma.createOnigString(text),
      }),
      loadGrammar: async (scopeName) => (scopeName === 'source.pine' ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR, 'utf8'), GRAMMAR) : null),
    });
    const loaded = await registry.loadGrammar('source.pine');
    assert.ok(loaded);
    grammar = loaded;
  });

  it('is registered for .pine files in package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const language = pkg.contributes.languages.find((l: { id: string }) => l.id === 'pine');
    assert.deepEqual(language.extensions, ['.pine']);
    const entry = pkg.contributes.grammars.find((g: { language?: string }) => g.language === 'pine');
    assert.equal(entry.scopeName, 'source.pine');
    assert.ok(fs.existsSync(path.join(ROOT, entry.path)));
    assert.ok(fs.existsSync(path.join(ROOT, language.configuration)));
    assert.ok(pkg.activationEvents.includes('onLanguage:pine'));
  });

  it('colours the version annotation, comments and directives', () => {
    assert.equal(innermost('//@version=6', '@version'), 'keyword.other.version.pine');
    assert.equal(innermost('//@version=6', '6'), 'constant.numeric.version.pine');
    assert.equal(innermost('x = 1 // strategy-lint: ignore[SL250]', 'strategy-lint'), 'keyword.other.directive.strategy-lint');
    assert.equal(innermost('// @function Returns the band', '@function'), 'storage.type.annotation.pine');
  });

  it('colours declarations, keywords, types, built-ins and literals', () => {
    const line = 'var float upper = request.security(syminfo.tickerid, "D", close[1], lookahead = barmerge.lookahead_on)';
    assert.equal(innermost(line, 'var'), 'storage.modifier.pine');
    assert.equal(innermost(line, 'float'), 'support.type.pine');
    assert.equal(innermost(line, 'request.security'), 'support.function.builtin.pine');
    assert.equal(innermost(line, 'barmerge.lookahead_on'), 'support.variable.builtin.pine');
    assert.equal(innermost(line, 'close'), 'variable.language.pine');
    assert.equal(innermost('if close > open and not na(x)', 'if'), 'keyword.control.pine');
    assert.equal(innermost('if close > open and not na(x)', 'and'), 'keyword.operator.logical.pine');
    assert.equal(innermost('c = #ff8800', '#ff8800'), 'constant.other.color.pine');
    assert.equal(innermost('band(float src, int len) =>', 'band'), 'entity.name.function.pine');
    assert.equal(innermost('strategy("X", overlay=true)', 'strategy'), 'support.function.declaration.pine');
    assert.equal(innermost('x := x + 1.5e3', ':='), 'keyword.operator.assignment.pine');
  });
});
