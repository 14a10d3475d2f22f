// Facts are computed on first read (issue 17): nothing runs before a rule asks, each group runs
// once however many rules read it, and a collector that throws fails only the rules that read its
// group, as a rule that throws does, never the lint.
import * as assert from 'node:assert/strict';
import { extractFacts, FactFailure } from '../../../server/src/engine/facts';
import { lazyObject, once } from '../../../server/src/engine/facts/lazy';
import { runRules } from '../../../server/src/engine/lint';
import { initPythonParser, parsePython } from '../../../server/src/engine/python/parser';
import { buildSyntaxIndex, type SyntaxIndex } from '../../../server/src/engine/python/syntax-index';
import type { Rule } from '../../../server/src/engine/rules/rule';

const STRATEGY = [
  'from freqtrade.strategy import IStrategy, IntParameter',
  '',
  'class Rsi(IStrategy):',
  '    timeframe = "5m"',
  '    buy_rsi = IntParameter(10, 40, default=30, space="buy")',
  '',
  '    def populate_entry_trend(self, dataframe, metadata):',
  '        dataframe.loc[dataframe["rsi"] < self.buy_rsi.value, "enter_long"] = 1',
  '        dataframe.loc[dataframe["adx"] > 27, "enter_long"] = 1',
  '        return dataframe',
  '',
].join('\n');

/** The index of STRATEGY, whose numeric literals throw when read: the collectors reading them break. */
function brokenIndex(): { index: SyntaxIndex; reads: { numbers: number } } {
  const index = buildSyntaxIndex(parsePython(STRATEGY), STRATEGY);
  const reads = { numbers: 0 };
  // Collectors read the index's lists whole or piece by piece (facts/per-piece.ts): break both.
  for (const holder of [index, ...(index.pieces ?? []), ...(index.statements ?? [])]) {
    Object.defineProperty(holder, 'numbers', {
      get() {
        reads.numbers++;
        throw new Error('numbers unavailable');
      },
    });
  }
  return { index, reads };
}

function rule(name: string, check: Rule['check']): Rule {
  return {
    name,
    code: 'SL998',
    family: 'meta',
    defaultSeverity: 'warning',
    summary: 'test rule',
    glossary: [],
    docs: { what: '', why: '', example: '', fix: '' },
    check,
  };
}

describe('lazy facts', () => {
  before(() => initPythonParser());

  it('computes nothing until a group is read, and each group once', () => {
    const { index, reads } = brokenIndex();
    const facts = extractFacts(index);
    assert.equal(reads.numbers, 0);
    // Strategies do not read the numeric literals: reading them leaves the broken list alone.
    assert.deepEqual(facts.strategies.map((s) => s.name), ['Rsi']);
    assert.equal(facts.strategies, facts.strategies);
    assert.equal(facts.settings?.[0]?.name, 'timeframe');
    assert.equal(reads.numbers, 0);

    const healthy = extractFacts(buildSyntaxIndex(parsePython(STRATEGY), STRATEGY));
    const parameters = healthy.parameters;
    assert.equal(healthy.parameters, parameters);
    assert.deepEqual(parameters.map((p) => [p.name, p.kind]), [['buy_rsi', 'declared'], ['27', 'hidden']]);
  });

  it('throws the same FactFailure on every read of a group whose collector threw, without running it again', () => {
    const { index, reads } = brokenIndex();
    const facts = extractFacts(index);
    const first = (() => {
      try {
        void facts.parameters;
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    assert.ok(first instanceof FactFailure);
    assert.equal(first.fact, 'parameters');
    assert.match(first.message, /"parameters" facts could not be computed: numbers unavailable/);
    const readsAfterFirst = reads.numbers;
    assert.throws(() => facts.parameters, (e) => e === first);
    assert.equal(reads.numbers, readsAfterFirst);
    // A group built on the broken one fails with the broken one's failure.
    assert.throws(() => facts.validation, (e) => e === first);
    // Other groups still work.
    assert.equal(facts.freqtrade?.populateMethods.length, 1);
  });

  it('contains a throwing collector like a throwing rule: only the rules reading it fail', () => {
    const { index } = brokenIndex();
    const readsParameters = rule('reads-parameters', (context, report) => {
      report({ node: context.index.root, message: `${context.facts.parameters.length} parameters` });
    });
    const readsCosts = rule('reads-costs', (context, report) => {
      report({ node: context.index.root, message: `${context.facts.costs?.settings.length} costs` });
    });
    const readsStrategies = rule('reads-strategies', (context, report) => {
      for (const s of context.facts.strategies) report({ node: s.nameNode, message: `strategy ${s.name}` });
    });
    const input = { path: 'strategy.py', text: STRATEGY, rules: [readsParameters, readsCosts, readsStrategies] };
    const output = runRules(input, index, extractFacts(index), () => undefined);
    assert.deepEqual(output.findings.map((f) => f.message), ['strategy Rsi']);
    assert.deepEqual(output.failures.map((f) => f.rule), ['reads-parameters', 'reads-costs']);
    assert.match(output.failures[0].error, /FactFailure: the "parameters" facts could not be computed: numbers unavailable/);
    assert.match(output.failures[1].error, /FactFailure: the "costs" facts could not be computed/);
    // The collector's own stack is kept: it says where the fact broke.
    assert.match(output.failures[0].error, /facts[\\/](hidden-literals|costs|per-piece|freqtrade)\.ts/);
  });

  it('lints with every registered rule when a collector throws, failing only rules that read broken facts', () => {
    const { index } = brokenIndex();
    const output = runRules({ path: 'strategy.py', text: STRATEGY }, index, extractFacts(index), () => undefined);
    assert.ok(output.failures.length > 0, 'some rule reads the parameters');
    for (const failure of output.failures) assert.match(failure.error, /FactFailure: the "(parameters|costs)" facts could not be computed/, failure.rule);
    assert.ok(output.failures.some((f) => f.rule === 'too-many-parameters'));
  });
});

describe('once / lazyObject', () => {
  it('runs a thunk once and remembers its value', () => {
    let runs = 0;
    const get = once('x', () => ++runs);
    assert.equal(get(), 1);
    assert.equal(get(), 1);
    assert.equal(runs, 1);
  });

  it('fails a group that reads itself instead of recursing forever', () => {
    const a: () => number = once('a', () => a() + 1);
    assert.throws(() => a(), (e) => e instanceof FactFailure && /"a" facts could not be computed: it depends on itself/.test(e.message));
  });

  it('has own enumerable properties (spread and deepEqual read every group) and takes assignments', () => {
    let runs = 0;
    const facts = lazyObject<{ a: number; b: string }>({ a: () => ++runs, b: () => 'b' });
    assert.equal(runs, 0);
    assert.deepEqual({ ...facts }, { a: 1, b: 'b' });
    assert.deepEqual(Object.keys(facts), ['a', 'b']);
    facts.a = 42;
    assert.equal(facts.a, 42);
    assert.equal(runs, 1);
  });
});
