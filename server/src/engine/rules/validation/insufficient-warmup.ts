import { numberValue } from '../../facts/python-values';
import type { IndicatorWindow, StrategySetting } from '../../facts/types';
import type { ClassInfo } from '../../python/syntax-index';
import { insertAt, nodeRange, replaceNode } from '../helpers/edits';
import type { Rule, RuleContext } from '../rule';

const ORIGIN: Record<IndicatorWindow['origin'], string> = {
  literal: '',
  constant: '',
  'parameter-high': ', at the top of its hyperopt range',
  default: ', with the library\'s default period',
};

/** The class and its in-file ancestors, nearest first; `complete` is false when a base is unknown. */
function lineage(name: string, classes: Map<string, ClassInfo>): { names: string[]; complete: boolean } {
  const names: string[] = [];
  let complete = true;
  for (let c = classes.get(name); c && names.length < 10; ) {
    names.push(c.name);
    const next = c.bases.map((b) => classes.get(b)).find(Boolean);
    if (!next) {
      complete = c.bases.some((b) => /(^|\.)IStrategy$/.test(b));
      break;
    }
    c = next;
  }
  return { names, complete };
}

function describe(w: IndicatorWindow, context: RuleContext): string {
  const text = w.call.text.split('\n')[0];
  const call = text.length > 50 ? `${w.indicator}(...)` : text;
  return `\`${call}\` (line ${w.call.startPosition.row + 1}${ORIGIN[w.origin]})`;
}

export const insufficientWarmup: Rule = {
  name: 'insufficient-warmup',
  code: 'SL303',
  family: 'validation',
  defaultSeverity: 'warning',
  summary: 'freqtrade startup_candle_count is shorter than the longest indicator window the strategy computes.',
  glossary: ['warmup-period', 'data-windowing', 'lookahead-bias'],
  fixSafety: 'safe',
  options: {
    'missing-min-window': { default: 30, description: 'When startup_candle_count is missing, windows at least this long are reported.' },
  },
  docs: {
    what:
      'For freqtrade strategies, finds the longest look-back of the indicators computed in the strategy\'s methods - TA-Lib calls (`ta.EMA(dataframe, timeperiod=200)`, with TA-Lib\'s own defaults and look-back multiples for DEMA/TEMA/ADX/MACD), pandas `.rolling(48)`, `.ewm(span=50)`, `.shift(n)`, and any `window=`/`length=`/`*period=` argument, including windows taken from hyperopt parameters (`timeperiod=self.buy_ema.value` counts the top of the range) loops over `self.x.range`, windows computed in helper methods and in module-level helper functions the strategy calls (a helper\'s `period` argument counts the longest value passed to it, else its default), and technical\'s `ichimoku()` (laggin_span + displacement, 78 candles by default) - and compares it with `startup_candle_count` (inherited from a base strategy in the same file when needed), including literal per-exchange overrides set in `__init__`. It reports a `startup_candle_count` shorter than that window, and a missing one when the window is at least `missing-min-window` candles. This is the static side of `freqtrade recursive-analysis`.',
    why:
      'Without enough startup candles, the first candles of every backtest compute indicators on partial history: a 200-period EMA over 30 candles is a different indicator, and recursive indicators (EMA, RSI, ADX) keep drifting for several times their period. Backtest signals near the start of the timerange then differ from the ones live trading would produce, and results change with the start date - freqtrade\'s documentation asks for `startup_candle_count` to cover the longest indicator for exactly this reason.',
    example: ['class Trend(IStrategy):', '    timeframe = "1h"', '    startup_candle_count = 30', '', '    def populate_indicators(self, dataframe, metadata):', '        dataframe["ema_slow"] = ta.EMA(dataframe, timeperiod=200)', '        return dataframe'].join('\n'),
    fix:
      'Set `startup_candle_count` to at least the longest window (the safe fix does this; freqtrade loads the extra candles before the timerange and drops them from the results). For recursive indicators consider more - freqtrade suggests several times the period for EMA-based strategies - and run `freqtrade recursive-analysis` to confirm.',
  },
  check(context, report) {
    const windows = context.facts.windows ?? [];
    if (windows.length === 0) return;
    const classes = new Map(context.index.classes.map((c) => [c.name, c]));
    const settings = new Map<string, StrategySetting>();
    for (const s of context.facts.settings ?? []) if (s.name === 'startup_candle_count') settings.set(s.className, s);
    // Set some other way (a property, a computed `self.startup_candle_count = ...`): unknown, skip.
    // Literal overrides in a method (per exchange in `__init__`, as NostalgiaForInfinity does) are read.
    const dynamic = new Set<string>();
    const overrides = new Map<string, { value: number; node: import('../../python/parser').SyntaxNode; when: string }[]>();
    for (const f of context.index.functions) if (f.name === 'startup_candle_count' && f.className) dynamic.add(f.className);
    for (const a of context.index.assignments) {
      if (a.target !== 'self.startup_candle_count' || !a.scope.className) continue;
      const value = numberValue(a.value);
      if (value === undefined) dynamic.add(a.scope.className);
      else overrides.set(a.scope.className, [...(overrides.get(a.scope.className) ?? []), { value, node: a.value, when: conditionOf(a.node) }]);
    }
    const minMissing = context.option('missing-min-window');
    const windowsOf = new Map<string, IndicatorWindow[]>();
    const position = new Map<IndicatorWindow, number>();
    windows.forEach((w, i) => {
      position.set(w, i);
      if (w.className) (windowsOf.get(w.className) ?? windowsOf.set(w.className, []).get(w.className)!).push(w);
    });
    for (const strategy of context.facts.strategies) {
      if (strategy.framework !== 'freqtrade') continue;
      const { names, complete } = lineage(strategy.name, classes);
      let longest: IndicatorWindow | undefined;
      // The first of the longest, in file order, as a scan of every window would find it.
      for (const w of [...new Set(names)].flatMap((n) => windowsOf.get(n) ?? []).sort((a, b) => position.get(a)! - position.get(b)!)) {
        if (!longest || w.length > longest.length) longest = w;
      }
      if (!longest) continue;
      if (names.some((n) => dynamic.has(n))) continue;
      for (const o of names.flatMap((n) => (n === strategy.name ? overrides.get(n) ?? [] : []))) {
        if (o.value >= longest.length) continue;
        report({
          node: o.node,
          message: `${o.when}, startup_candle_count is set to ${o.value}, shorter than the ${longest.length} candles needed by ${describe(longest, context)}: there the first ${longest.length - o.value} candles of every backtest compute it on partial history.`,
          related: [{ message: `${longest.length}-candle window`, range: nodeRange(longest.call) }],
        });
      }
      const setting = names.map((n) => settings.get(n)).find(Boolean);
      // Set only in a method (`self.startup_candle_count = 400` in bot_start): the overrides are all there is.
      if (!setting && names.some((n) => overrides.has(n))) continue;
      if (setting) {
        // Only the class that declares the setting reports it (subclasses inherit the same line).
        if (setting.number === undefined || setting.number >= longest.length) continue;
        if (setting.className !== strategy.name && !windowsOf.has(strategy.name)) continue;
        report({
          node: setting.value,
          message: `startup_candle_count = ${setting.number} is shorter than the ${longest.length} candles needed by ${describe(longest, context)}: the first ${longest.length - setting.number} candles of every backtest compute it on partial history, so early signals differ from live trading.`,
          fix: { title: `Set startup_candle_count = ${longest.length}`, edits: [replaceNode(setting.value, String(longest.length))] },
          related: [{ message: `${longest.length}-candle window`, range: nodeRange(longest.call) }],
        });
        continue;
      }
      if (!complete || longest.length < minMissing) continue;
      if (longest.className !== strategy.name && !windowsOf.has(strategy.name)) continue;
      report({
        node: strategy.nameNode,
        message: `${strategy.name} has no startup_candle_count (freqtrade's default is 0) but ${describe(longest, context)} needs ${longest.length} candles: the start of every backtest computes it on partial history.`,
        fix: addStartupFix(context, strategy.node, longest.length),
        related: [{ message: `${longest.length}-candle window`, range: nodeRange(longest.call) }],
      });
    }
  },
};

/** "On okx, okex" from the `if` around an override (`exchange["name"] in ["okx", "okex"]`), else "In <method>". */
function conditionOf(node: import('../../python/parser').SyntaxNode): string {
  for (let n = node.parent; n && n.type !== 'function_definition'; n = n.parent) {
    if (n.type !== 'if_statement' && n.type !== 'elif_clause') continue;
    const condition = n.childForFieldName('condition')?.text ?? '';
    const names = [...condition.matchAll(/["']([A-Za-z0-9_.-]+)["']/g)].map((m) => m[1]).filter((x) => x !== 'exchange' && x !== 'name');
    if (/exchange/.test(condition) && names.length) return `On ${names.join(', ')}`;
    return `When ${condition.slice(0, 60)}`;
  }
  let fn = node.parent;
  while (fn && fn.type !== 'function_definition') fn = fn.parent;
  return `In ${fn?.childForFieldName('name')?.text ?? 'a method'}`;
}

/** Adds `startup_candle_count = n` after `timeframe = ...` (or the docstring), else before the first statement. */
function addStartupFix(context: RuleContext, classNode: import('../../python/parser').SyntaxNode, n: number) {
  const body = classNode.childForFieldName('body');
  const statements = (body?.namedChildren ?? []).filter((c) => c !== null && c.type !== 'comment');
  const first = statements[0];
  if (!body || !first || first.startPosition.row === classNode.startPosition.row) return undefined;
  const indent = ' '.repeat(first.startPosition.column);
  const timeframe = statements.find((s) => s!.type === 'expression_statement' && s!.namedChild(0)?.type === 'assignment' && s!.namedChild(0)?.childForFieldName('left')?.text === 'timeframe');
  const docstring = first.type === 'expression_statement' && first.namedChild(0)?.type === 'string' ? first : undefined;
  const after = timeframe ?? docstring;
  const text = `startup_candle_count = ${n}`;
  const edit = after
    ? insertAt(after.endPosition.row, context.lines.lineText(after.endPosition.row).length, `\n${indent}${text}`)
    : insertAt(first.startPosition.row, first.startPosition.column, `${text}\n${indent}`);
  return { title: `Add startup_candle_count = ${n}`, edits: [edit] };
}
