// Which expressions in a backtrader class are *lines* (indexed relative to the current bar:
// [0] now, [-1] the previous bar, [1] the next one) rather than Python lists. Built once per
// document from the syntax index and cached.
import { intValue, unparen } from '../../facts/lookahead';
import type { StrategyFacts } from '../../facts/types';
import type { SyntaxNode } from '../../python/parser';
import type { SyntaxIndex } from '../../python/syntax-index';
import { namesKey, perStatement } from '../../facts/per-piece';

export interface LineInfo {
  /** `feed`: a data feed itself (`self.data`, `self.datas[1]`); `line`: one of its lines or an indicator. */
  kind: 'feed' | 'line';
  /** Comes from a feed other than the first (`data1`, `datas[2]`): often a higher timeframe. */
  secondary: boolean;
  /** The data field for feed lines (`close`, `high`...), undefined for indicators. */
  field?: string;
  /** Text of the feed expression it comes from, for messages. */
  feed?: string;
  /** An indicator computed from the bar's high/low (ATR, Stochastic, Highest(data.high)...). */
  usesExtremes?: boolean;
}

/** backtrader indicators whose value depends on the bar's high and low. */
const EXTREME_INDICATORS = /^(ATR|AverageTrueRange|TR|TrueRange|TrueHigh|TrueLow|Stochastic|StochasticFull|StochasticSlow|StochasticFast|WilliamsR|CCI|CommodityChannelIndex|DirectionalMovement|DirectionalIndicator|DMI|ADX|AverageDirectionalMovementIndex|ADXR|PSAR|ParabolicSAR|UltimateOscillator|Ichimoku|AroonUp|AroonDown|AroonUpDown|AroonOscillator|PivotPoint|FibonacciPivotPoint|DemarkPivotPoint)$/;

export interface BacktraderModel {
  classes: Set<string>;
  classify(node: SyntaxNode, className: string, functionName?: string): LineInfo | undefined;
}

export const FEED_FIELDS = new Set(['open', 'high', 'low', 'close', 'volume', 'openinterest', 'datetime']);
export { ORDER_METHODS } from '../../facts/backtrader';
/** Methods called under cheat-on-open, when only the open of bar 0 exists. */
export const CHEAT_ON_OPEN_METHODS = new Set(['next_open', 'prenext_open', 'nextstart_open']);

const cache = new WeakMap<SyntaxIndex, BacktraderModel>();

export function backtraderModel(index: SyntaxIndex, facts: StrategyFacts): BacktraderModel {
  let model = cache.get(index);
  if (!model) {
    model = build(index, facts);
    cache.set(index, model);
  }
  return model;
}

function build(index: SyntaxIndex, facts: StrategyFacts): BacktraderModel {
  const classes = new Set(facts.strategies.filter((s) => s.framework === 'backtrader').map((s) => s.name));
  const importsBacktrader = [...index.imports.values()].some((v) => v.startsWith('backtrader'));
  for (const cls of index.classes) {
    if (cls.bases.some((b) => /^(bt|backtrader)\.(Indicator|Observer|Strategy|SignalStrategy)$|^(bt|backtrader)\.ind(icators)?\.\w+$/.test(b))) classes.add(cls.name);
    else if (importsBacktrader && cls.bases.some((b) => b === 'Indicator' || classes.has(b))) classes.add(cls.name);
  }
  const indicatorClasses = new Set(index.classes.filter((c) => classes.has(c.name) && !facts.strategies.some((s) => s.name === c.name)).map((c) => c.name));
  // What each class names a line is read class by class (a class's names come from its own
  // methods), each statement's kept with its copy: a keystroke reads the edited class again.
  const context = `${namesKey(classes)}|${namesKey(indicatorClasses)}`;
  const parts = perStatement(index, 'backtrader lines', context, (s) => s.classes.some((c) => classes.has(c.name)), (view) => namedLines(view, classes, indicatorClasses));
  const named = new Map<string, LineInfo>();
  for (const part of parts) for (const [name, info] of part) named.set(name, info);
  return { classes, classify: classifier(index, indicatorClasses, named).classify };
}

/** The lines a class's methods name (`self.sma = bt.ind.SMA(...)`, `spread = ...`), by `Class.attr` and `Class.method.name`. */
function namedLines(index: SyntaxIndex, classes: Set<string>, indicatorClasses: Set<string>): Map<string, LineInfo> {
  const named = new Map<string, LineInfo>();
  const { lineValue } = classifier(index, indicatorClasses, named);
  // Two passes: `self.spread = self.data0.close - self.data1.close` may come before what it uses.
  for (let pass = 0; pass < 2; pass++) {
    for (const a of index.assignments) {
      const cls = a.scope.className;
      if (!cls || !classes.has(cls) || !a.scope.functionName) continue;
      const target = unparen(a.targetNode);
      const info = lineValue(a.value, cls, a.scope.functionName);
      if (!info) continue;
      if (target.type === 'attribute' && target.childForFieldName('object')?.text === 'self') {
        const attr = target.childForFieldName('attribute')!.text;
        if (/^data\d*$|^datas$|^lines$/.test(attr)) continue;
        named.set(`${cls}.${attr}`, info);
      } else if (target.type === 'identifier') {
        named.set(`${cls}.${a.scope.functionName}.${target.text}`, info);
      }
    }
  }
  return named;
}

/** How an expression reads lines, given the lines the classes name so far. */
function classifier(index: SyntaxIndex, indicatorClasses: Set<string>, named: Map<string, LineInfo>) {
  const classify = (node: SyntaxNode, className: string, functionName?: string): LineInfo | undefined => {
    const n = unparen(node);
    if (n.type === 'identifier') return functionName ? named.get(`${className}.${functionName}.${n.text}`) : undefined;
    if (n.type === 'subscript') {
      // self.datas[k] is the k-th feed (a list index), not a line index.
      const value = n.childForFieldName('value');
      if (value?.text === 'self.datas') {
        const k = intValue(n.childrenForFieldName('subscript')[0]);
        return { kind: 'feed', secondary: k !== undefined && k > 0, feed: n.text };
      }
      return undefined;
    }
    if (n.type !== 'attribute') return undefined;
    const object = n.childForFieldName('object');
    const attr = n.childForFieldName('attribute')?.text ?? '';
    if (object?.text === 'self') {
      const m = /^data(\d*)$/.exec(attr);
      if (m) return { kind: 'feed', secondary: m[1] !== '' && m[1] !== '0', feed: n.text };
      if (attr === 'lines' || attr === 'l') return { kind: 'line', secondary: false };
      return named.get(`${className}.${attr}`);
    }
    if (!object) return undefined;
    const base = classify(object, className, functionName);
    if (!base) return undefined;
    if (base.kind === 'feed') return { kind: 'line', secondary: base.secondary, field: attr === 'lines' ? undefined : attr, feed: base.feed };
    return base; // an indicator's sub-line (`self.macd.signal`, `self.bb.lines.top`)
  };

  const lineValue = (value: SyntaxNode, className: string, functionName?: string): LineInfo | undefined => {
    const v = unparen(value);
    const direct = classify(v, className, functionName);
    if (direct) return direct;
    if (v.type === 'call') {
      const site = index.callsById.get(v.id);
      const qualified = site?.qualifiedCallee ?? '';
      const isIndicator = qualified.startsWith('backtrader.') || /^(bt|btind|btalib)\./.test(site?.callee ?? '') || indicatorClasses.has(site?.name ?? '');
      if (!site || !isIndicator || /^backtrader\.(Order|TimeFrame|feeds|analyzers|sizers|observers|Cerebro)/.test(qualified)) return undefined;
      const args = [...site.positional, ...site.keywords.values()];
      const sources = args.map((a) => lineValue(a, className, functionName)).filter((x): x is LineInfo => !!x);
      const secondary = sources.length > 0 ? sources.some((s) => s.secondary) : false;
      const usesExtremes = EXTREME_INDICATORS.test(site.name) || sources.some((s) => s.usesExtremes || s.field === 'high' || s.field === 'low');
      return { kind: 'line', secondary, feed: sources.find((s) => s.secondary)?.feed, usesExtremes };
    }
    if (v.type === 'binary_operator' || v.type === 'comparison_operator' || v.type === 'unary_operator') {
      const parts = v.namedChildren.map((c) => (c ? lineValue(c, className, functionName) : undefined)).filter((x): x is LineInfo => !!x);
      if (!parts.length) return undefined;
      return { kind: 'line', secondary: parts.some((p) => p.secondary), feed: parts.find((p) => p.secondary)?.feed };
    }
    return undefined;
  };

  return { classify, lineValue };
}

/** The field a line reads (`self.data.high` -> high; `self.data` alone is its close). */
export function fieldOf(info: LineInfo): string | undefined {
  return info.kind === 'feed' ? 'close' : info.field;
}
