// Tokenises Python lines the way VS Code does (vscode-textmate + the oniguruma wasm), with a
// minimal Python base grammar and our injection grammar injected into source.python, as
// package.json's contributes.grammars entry (`injectTo: ["source.python"]`) asks VS Code to.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const ROOT = path.join(__dirname, '..', '..', '..');
const OURS = path.join(ROOT, 'syntaxes', 'strategy-lint-directives.tmLanguage.json');
const BASE = path.join(__dirname, 'python-base.tmLanguage.json');
const OUR_SCOPE = 'comment.directive.strategy-lint';

interface Token {
  text: string;
  scopes: string[];
}

let grammar: vsctm.IGrammar;

async function loadGrammar(): Promise<vsctm.IGrammar> {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const files: Record<string, string> = { 'source.python': BASE, [OUR_SCOPE]: OURS };
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => oniguruma.createOnigScanner(patterns),
      createOnigString: (text: string) => oniguruma.createOnigString(text),
    }),
    loadGrammar: async (scopeName) => (files[scopeName] ? vsctm.parseRawGrammar(fs.readFileSync(files[scopeName], 'utf8'), files[scopeName]) : null),
    getInjections: (scopeName) => (scopeName === 'source.python' ? [OUR_SCOPE] : undefined),
  });
  const loaded = await registry.loadGrammar('source.python');
  assert.ok(loaded, 'grammar loaded');
  return loaded;
}

function tokenize(line: string): Token[] {
  const { tokens } = grammar.tokenizeLine(line, vsctm.INITIAL);
  return tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
}

/** The innermost scope of the token(s) spelling exactly `text` (the n-th occurrence). */
function scopeOf(tokens: Token[], text: string, occurrence = 0): string {
  const found = tokens.filter((t) => t.text === text)[occurrence];
  assert.ok(found, `no token '${text}' in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return found.scopes[found.scopes.length - 1];
}

function scopesOf(tokens: Token[], text: string): string[] {
  const found = tokens.find((t) => t.text === text);
  assert.ok(found, `no token '${text}' in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return found.scopes;
}

describe('TextMate injection grammar for strategy-lint directives', () => {
  before(async function () {
    this.timeout(20000);
    grammar = await loadGrammar();
  });

  it('is a well-formed injection grammar', () => {
    const raw = JSON.parse(fs.readFileSync(OURS, 'utf8'));
    assert.equal(raw.scopeName, OUR_SCOPE);
    assert.equal(raw.injectionSelector, 'L:comment.line.number-sign.python');
  });

  it('highlights a line suppression: keyword, key, brackets, rule names and codes', () => {
    const tokens = tokenize('class Busy(IStrategy):  # strategy-lint: ignore[too-many-parameters, SL201]');
    assert.equal(scopeOf(tokens, 'strategy-lint'), 'keyword.other.directive.strategy-lint');
    assert.equal(scopeOf(tokens, ':'), 'punctuation.separator.directive.strategy-lint');
    assert.equal(scopeOf(tokens, 'ignore'), 'keyword.control.directive.suppression.strategy-lint');
    assert.equal(scopeOf(tokens, '['), 'punctuation.definition.rules.begin.strategy-lint');
    assert.equal(scopeOf(tokens, 'too-many-parameters'), 'entity.name.tag.rule.strategy-lint');
    assert.equal(scopeOf(tokens, ','), 'punctuation.separator.rules.strategy-lint');
    assert.equal(scopeOf(tokens, 'SL201'), 'constant.other.rule-code.strategy-lint');
    assert.equal(scopeOf(tokens, ']'), 'punctuation.definition.rules.end.strategy-lint');
    // Nested the way VS Code nests them: inside the Python comment, inside the directive.
    assert.deepEqual(scopesOf(tokens, 'too-many-parameters'), [
      'source.python',
      'comment.line.number-sign.python',
      'meta.directive.suppression.strategy-lint',
      'meta.rules.strategy-lint',
      'entity.name.tag.rule.strategy-lint',
    ]);
    assert.deepEqual(scopesOf(tokens, 'class'), ['source.python', 'keyword.control.flow.python'], 'code before the comment is untouched');
  });

  it('highlights ignore-file and a blanket ignore', () => {
    const file = tokenize('# strategy-lint: ignore-file[sl101]');
    assert.equal(scopeOf(file, 'ignore-file'), 'keyword.control.directive.suppression.strategy-lint');
    assert.equal(scopeOf(file, 'sl101'), 'constant.other.rule-code.strategy-lint', 'codes are case-insensitive, as findRule is');
    const blanket = tokenize('x = 1  # strategy-lint: ignore');
    assert.equal(scopeOf(blanket, 'ignore'), 'keyword.control.directive.suppression.strategy-lint');
  });

  it('highlights data directives: key, = and value', () => {
    const results = tokenize('# strategy-lint: results=user_data/backtest_results/*.json');
    assert.equal(scopeOf(results, 'strategy-lint'), 'keyword.other.directive.strategy-lint');
    assert.equal(scopeOf(results, 'results'), 'support.type.property-name.strategy-lint');
    assert.equal(scopeOf(results, '='), 'keyword.operator.assignment.strategy-lint');
    assert.equal(scopeOf(results, 'user_data/backtest_results/*.json'), 'string.unquoted.value.strategy-lint');
    const trials = tokenize('#strategy-lint: trials = 240');
    assert.equal(scopeOf(trials, 'trials'), 'support.type.property-name.strategy-lint');
    assert.equal(scopeOf(trials, '240'), 'string.unquoted.value.strategy-lint');
    const other = tokenize('# strategy-lint: seed=7');
    assert.equal(scopeOf(other, 'seed'), 'variable.other.key.strategy-lint');
  });

  it('keeps the rest of the comment a plain comment (and the base grammar rules inside it)', () => {
    const tokens = tokenize('x = 1  # TODO tidy  # strategy-lint: ignore[SL101] legacy');
    assert.equal(scopeOf(tokens, 'TODO'), 'keyword.codetag.notation.python');
    assert.equal(scopeOf(tokens, 'SL101'), 'constant.other.rule-code.strategy-lint');
    assert.deepEqual(scopesOf(tokens, ' legacy'), ['source.python', 'comment.line.number-sign.python']);
  });

  it('leaves ordinary comments, code and strings untouched', () => {
    for (const line of [
      '# an ordinary comment about ignore[too-many-parameters]',
      '# strategy-lint is great, ignore this',
      '# strategy-lint: nothing here',
      'x = "# strategy-lint: ignore[SL101]"',
      'strategy_lint = ignore  # plain',
    ]) {
      for (const token of tokenize(line)) {
        assert.ok(!token.scopes.some((s) => s.endsWith('.strategy-lint')), `${line}: '${token.text}' got ${token.scopes.join(' ')}`);
      }
    }
  });

  it('does not highlight directives outside comments', () => {
    const tokens = tokenize('label = "strategy-lint: ignore[SL101]"  # strategy-lint: ignore[SL102]');
    assert.ok(!scopesOf(tokens, '"').some((s) => s.includes('strategy-lint')));
    assert.equal(tokens.filter((t) => t.scopes.includes('constant.other.rule-code.strategy-lint')).map((t) => t.text).join(), 'SL102');
  });
});
