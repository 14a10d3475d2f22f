import type { TunedParameter } from '../../facts/types';
import type { SyntaxNode } from '../../python/parser';
import type { Rule } from '../rule';
import { MAX_HIDDEN_PER_CLASS } from '../../facts/hidden-literals';
import { resultsByStrategy } from '../helpers/attached-results';
import { describeSpaces, optimisedSettingSpaces } from '../helpers/optimised-spaces';

function describe(parameters: TunedParameter[]): string {
  const counts = new Map<string, number>();
  for (const p of parameters) counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
  const words: Record<string, string> = { declared: 'declared', pasted: 'pasted from optimiser output', grid: 'swept on a grid', hidden: 'hidden thresholds in conditions' };
  return [...counts].map(([kind, n]) => (kind === 'hidden' && n >= MAX_HIDDEN_PER_CLASS ? `${n}+ distinct ${words[kind]} (counting stops there)` : `${n} ${kind === 'hidden' ? 'distinct ' : ''}${words[kind]}`)).join(', ');
}

/**
 * `len(self.data) < 50`, `len(self) > 200`: the literal is compared with how many bars exist. Read
 * from the line's text: walking up from thousands of literals through deeply nested conditions
 * costs O(depth) per parent step in tree-sitter.
 */
function isLengthGuard(literal: SyntaxNode, lineText: string): boolean {
  // Kept per literal with the line read: a literal the copy took over is asked again each keystroke.
  const known = lengthGuards.get(literal);
  if (known && known.lineText === lineText) return known.answer;
  // Both shapes of the pattern need `len(`: most lines are answered without a regex.
  const answer = lineText.includes('len(') && lengthGuardPattern(literal.text).test(lineText);
  lengthGuards.set(literal, { lineText, answer });
  return answer;
}

const lengthGuards = new WeakMap<SyntaxNode, { lineText: string; answer: boolean }>();

/** Compiled patterns by literal text (bounded): files repeat their thresholds. */
const patterns = new Map<string, RegExp>();

function lengthGuardPattern(literalText: string): RegExp {
  let pattern = patterns.get(literalText);
  if (!pattern) {
    if (patterns.size >= 256) patterns.clear();
    patterns.set(literalText, (pattern = compileLengthGuard(literalText)));
  }
  return pattern;
}

function compileLengthGuard(literalText: string): RegExp {
  const n = literalText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\blen\\([^()]*(\\([^()]*\\))?[^()]*\\)\\s*[<>]=?\\s*${n}(?![\\w.])|(?<![\\w.])${n}\\s*[<>]=?\\s*len\\(`);
}

export const tooManyParameters: Rule = {
  name: 'too-many-parameters',
  code: 'SL101',
  family: 'parameters',
  defaultSeverity: 'warning',
  summary: 'More tuned parameters than the data can support.',
  glossary: ['degrees-of-freedom', 'sample-size', 'overfitting-detection', 'model-generalization'],
  options: {
    'max-parameters': { default: 8, description: 'Most tuned parameters a strategy may have before the rule warns.' },
    'min-trades-per-parameter': { default: 10, description: 'Fewest backtest trades per tuned parameter, when results are attached.' },
  },
  docs: {
    what:
      'Counts the degrees of freedom a strategy was fitted with: declared optimiser parameters (freqtrade `IntParameter` & co., backtrader `params`, LEAN `get_parameter`, Jesse `hyperparameters()`, backtesting.py strategy class attributes, nautilus_trader `StrategyConfig` fields, TradingView Pine `input.*` values that decide orders - display, colour, alert and backtest-window inputs aside), values pasted from optimiser output (`buy_params = {...}`), grid sweeps (`cerebro.optstrategy(period=range(...))`), and numeric thresholds typed into entry/exit conditions (`dataframe["rsi"] < 27`). Each distinct threshold value counts once per class (a midline of 50 written six times is one degree of freedom; counting stops at 100). Parameters frozen with `optimize=False` or with a class constant that is False are not counted, nor parameters that only feed short entries or exits in a class without `can_short = True`. When an attached hyperopt result shows the `roi`, `stoploss` or `trailing` spaces were optimised, their dimensions count too. It warns when the count exceeds `max-parameters`, and, when backtest results are attached, when there are fewer than `min-trades-per-parameter` trades per tuned parameter.',
    why:
      'Every tuned parameter lets the strategy bend to the noise of the history it was fitted on. With many parameters and few trades, an optimiser will find a combination that looks excellent in-sample and means nothing out-of-sample (Bailey, Borwein, López de Prado and Zhu, "Pseudo-Mathematics and Financial Charlatanism", Notices of the AMS, 2014). A rule of thumb from Pardo (The Evaluation and Optimization of Trading Strategies, 2008) is to keep plenty of trades for every degree of freedom; 10 per parameter is a lenient floor.',
    example: [
      'class RsiBands(IStrategy):',
      '    buy_rsi = IntParameter(10, 40, default=27, space="buy")',
      '    buy_adx = IntParameter(15, 40, default=31, space="buy")',
      '    buy_bb = DecimalParameter(0.9, 1.0, default=0.98, decimals=2, space="buy")',
      '    sell_rsi = IntParameter(60, 90, default=74, space="sell")',
      '    sell_mfi = IntParameter(60, 95, default=82, space="sell")',
      '',
      '    def populate_entry_trend(self, dataframe, metadata):',
      '        dataframe.loc[(dataframe["rsi"] < self.buy_rsi.value) & (dataframe["adx"] > self.buy_adx.value)',
      '                      & (dataframe["close"] < dataframe["bb_lower"] * self.buy_bb.value) & (dataframe["cci"] < -87), "enter_long"] = 1',
      '        return dataframe',
      '',
      '    def populate_exit_trend(self, dataframe, metadata):',
      '        dataframe.loc[(dataframe["rsi"] > self.sell_rsi.value) & (dataframe["mfi"] > self.sell_mfi.value)',
      '                      & (dataframe["natr"] > 1.7) & (dataframe["uo"] > 66) & (dataframe["fisher"] > 0.45), "exit_long"] = 1',
      '        return dataframe',
    ].join('\n'),
    fix:
      'Remove parameters that do not change results much (freeze them with `optimize=False` or a constant), replace hand-typed thresholds with declared parameters so they are counted honestly, or gather more trades (a longer history, more pairs) before trusting the optimised values.',
  },
  check(context, report) {
    const maxParameters = context.option('max-parameters');
    const minTradesPer = context.option('min-trades-per-parameter');
    const byClass = new Map<string | undefined, TunedParameter[]>();
    for (const p of context.facts.parameters) {
      if (!p.optimized || p.repeat) continue;
      const list = byClass.get(p.className);
      if (list) list.push(p);
      else byClass.set(p.className, [p]);
    }
    for (const strategy of context.facts.strategies) {
      const tuned = [...(byClass.get(strategy.name) ?? [])];
      // roi / stoploss / trailing spaces an attached hyperopt result shows were optimised.
      const spaces = optimisedSettingSpaces(context, strategy.name);
      const spaceCount = [...spaces.values()].reduce((a, b) => a + b, 0);
      // Grid sweeps sit outside the class (cerebro.optstrategy); they tune the file's strategy.
      if (context.facts.strategies.length === 1) {
        for (const p of byClass.get(undefined) ?? []) tuned.push(p);
      }
      // A grid over a declared parameter (`optimize(n1=range(...))` of `n1 = 10`) is the same degree of freedom.
      const declared = new Set(tuned.filter((p) => p.kind === 'declared').map((p) => p.name));
      for (let i = tuned.length - 1; i >= 0; i--) if (tuned[i].kind === 'grid' && declared.has(tuned[i].name)) tuned.splice(i, 1);
      // The same threshold typed into several conditions (`bandwidth < 0.08` on entry and exit) is one
      // choice; a bar count compared with the history's length (`if len(self.data) < 50: return`) is a
      // warm-up guard, not a threshold on the market.
      const thresholds = new Set<number>();
      for (let i = 0; i < tuned.length; i++) {
        const p = tuned[i];
        if (p.kind !== 'hidden' || p.defaultValue === undefined) continue;
        if (thresholds.has(p.defaultValue) || isLengthGuard(p.node, context.lines.lineText(p.node.startPosition.row))) tuned.splice(i--, 1);
        else thresholds.add(p.defaultValue);
      }
      const count = tuned.length + spaceCount;
      if (count === 0) continue;
      const detail = [tuned.length ? describe(tuned) : '', spaceCount ? describeSpaces(spaces) : ''].filter(Boolean).join(', ');
      if (count > maxParameters) {
        report({
          node: strategy.nameNode,
          message: `${strategy.name} tunes ${count} parameters (${detail}), more than the limit of ${maxParameters}: each one is a degree of freedom fitted to the same history.`,
        });
        continue;
      }
      // Trades of the class's backtests, however the result names the strategy (LEAN: "local").
      const group = resultsByStrategy(context).find((g) => g.strategy?.name === strategy.name);
      const trades = group?.backtests.map((a) => a.summary.tradeCount).find((t): t is number => t !== undefined);
      if (trades !== undefined && trades < count * minTradesPer) {
        report({
          node: strategy.nameNode,
          message: `${strategy.name} tunes ${count} parameter${count === 1 ? '' : 's'} (${detail}) on ${trades} backtest trades: ${(trades / count).toFixed(1)} trades per parameter, fewer than ${minTradesPer}. It would take at least ${count * minTradesPer} trades to judge them.`,
        });
      }
    }
  },
};
