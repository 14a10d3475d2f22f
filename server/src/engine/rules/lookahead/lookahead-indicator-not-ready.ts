import { unparen } from '../../facts/lookahead';
import type { SyntaxNode } from '../../python/parser';
import type { ReportInput, Rule, RuleContext } from '../rule';

/** LEAN indicator helpers in snake_case (the PEP 8 API); the PascalCase API uses SMA, EMA, RSI... */
const SNAKE_HELPERS = new Set([
  'sma', 'ema', 'rsi', 'macd', 'bb', 'atr', 'adx', 'std', 'mom', 'momp', 'roc', 'rocp', 'aroon', 'kama', 'cci', 'obv', 'vwap', 'sto', 'willr',
  'lwma', 'dema', 'tema', 'trix', 'kch', 'apo', 'ppo', 'natr', 'mfi', 'ichimoku', 'hma', 'alma', 't3', 'zlema', 'dch', 'donchian', 'psar', 'wilr', 'b', 'ad', 'adosc',
]);
const CONSTRUCTOR = /(MovingAverage|StrengthIndex|Bands|Oscillator|Channel|StandardDeviation|Momentum|Aroon|Stochastic|Ichimoku|AverageTrueRange|DirectionalIndex|ConvergenceDivergence|RateOfChange|VolumeWeightedAveragePrice)$/;
const DATA_HANDLERS = new Set(['OnData', 'on_data']);
const GUARDS = new Set(['IsReady', 'is_ready', 'IsWarmingUp', 'is_warming_up', 'Samples', 'samples']);
const WARMUP_CALLS = new Set(['SetWarmUp', 'SetWarmup', 'set_warm_up', 'set_warmup', 'WarmUpIndicator', 'warm_up_indicator']);
const WARMUP_SETTINGS = new Set(['AutomaticIndicatorWarmUp', 'automatic_indicator_warm_up']);

function isIndicatorFactory(callee: string | undefined, name: string): boolean {
  if (!callee) return false;
  if (callee.startsWith('self.')) return /^[A-Z]{1,6}P?$/.test(name) || SNAKE_HELPERS.has(name);
  return CONSTRUCTOR.test(name);
}

/** `self.sma.Current.Value` -> sma (the indicator attribute the read starts from). */
function indicatorOf(current: SyntaxNode): string | undefined {
  let n: SyntaxNode | null = current.childForFieldName('object');
  while (n && n.type === 'attribute') {
    const object = n.childForFieldName('object');
    if (object?.text === 'self') return n.childForFieldName('attribute')?.text;
    n = object;
  }
  return undefined;
}

/** nautilus_trader event handlers where a strategy reads its indicators. */
const NAUTILUS_HANDLERS = new Set(['on_bar', 'on_quote_tick', 'on_trade_tick', 'on_data', 'on_order_book', 'on_order_book_deltas']);
/** Indicator members that are not its value: feeding it, resetting it, asking whether it is ready. */
const NAUTILUS_NOT_VALUES = new Set(['initialized', 'has_inputs', 'handle_bar', 'handle_quote_tick', 'handle_trade_tick', 'update_raw', 'reset', 'period', 'name', 'count']);

/**
 * nautilus_trader: an indicator built by the strategy (or registered with
 * `register_indicator_for_bars`) read in an event handler that never checks
 * `self.indicators_initialized()` or the indicator's own `initialized`.
 */
function nautilusIndicatorsNotReady(context: RuleContext, report: (finding: ReportInput) => void): void {
  const { index } = context;
  const classes = new Set(context.facts.strategies.filter((s) => s.framework === 'nautilus').map((s) => s.name));
  if (!classes.size) return;
  const indicators = new Set<string>();
  for (const a of index.assignments) {
    if (!a.scope.className || !classes.has(a.scope.className)) continue;
    const target = unparen(a.targetNode);
    if (target.type !== 'attribute' || target.childForFieldName('object')?.text !== 'self') continue;
    const site = a.value.type === 'call' ? index.callsById.get(a.value.id) : undefined;
    if (site && (/^nautilus_trader\.indicators\./.test(site.qualifiedCallee ?? '') || CONSTRUCTOR.test(site.name) || /^(ExponentialMovingAverage|SimpleMovingAverage|BollingerBands|RelativeStrengthIndex|AverageTrueRange|KeltnerChannel|DonchianChannel|MovingAverageConvergenceDivergence|Stochastics)$/.test(site.name))) {
      indicators.add(`${a.scope.className}.${target.childForFieldName('attribute')!.text}`);
    }
  }
  for (const call of index.calls) {
    if (call.name !== 'register_indicator_for_bars' && call.name !== 'register_indicator_for_quote_ticks' && call.name !== 'register_indicator_for_trade_ticks') continue;
    const arg = call.positional[1] ?? call.keywords.get('indicator');
    if (call.scope.className && arg?.type === 'attribute' && arg.childForFieldName('object')?.text === 'self') indicators.add(`${call.scope.className}.${arg.childForFieldName('attribute')!.text}`);
  }
  if (!indicators.size) return;
  const guarded = new Set<string>();
  for (const call of index.calls) if (call.name === 'indicators_initialized' && call.scope.className) guarded.add(`${call.scope.className}.${call.scope.functionName}`);
  for (const attr of index.attributes) if (attr.name === 'initialized' && attr.scope.className) guarded.add(`${attr.scope.className}.${attr.scope.functionName}`);
  const seen = new Set<string>();
  for (const attr of index.attributes) {
    const { className, functionName } = attr.scope;
    if (!className || !functionName || !classes.has(className) || !NAUTILUS_HANDLERS.has(functionName)) continue;
    if (guarded.has(`${className}.${functionName}`) || NAUTILUS_NOT_VALUES.has(attr.name)) continue;
    const object = attr.node.childForFieldName('object');
    if (object?.type !== 'attribute' || object.childForFieldName('object')?.text !== 'self') continue;
    const indicator = object.childForFieldName('attribute')?.text ?? '';
    if (!indicators.has(`${className}.${indicator}`)) continue;
    const key = `${className}.${functionName}.${indicator}`;
    if (seen.has(key)) continue;
    seen.add(key);
    report({
      node: attr.node,
      message: `\`self.${indicator}.${attr.name}\` is read in \`${functionName}\` without checking \`self.indicators_initialized()\` (or \`self.${indicator}.initialized\`): until the indicator has seen its full period, nautilus gives a value computed on partial history, and the first bars trade on it. Return early until it is initialized.`,
    });
  }
}

export const lookaheadIndicatorNotReady: Rule = {
  name: 'lookahead-indicator-not-ready',
  code: 'SL213',
  family: 'lookahead',
  defaultSeverity: 'warning',
  summary: 'A LEAN indicator is read in `OnData` without `IsReady` or a warm-up, or a nautilus_trader indicator in `on_bar` without `indicators_initialized()`.',
  glossary: ['warmup-period', 'lookahead-bias'],
  docs: {
    what:
      'In `QCAlgorithm` subclasses, flags the first read of `self.<indicator>.Current.Value` (or `.current.value`, including sub-indicators such as `self.macd.Signal.Current.Value`) in `OnData`/`on_data` when that method never checks `IsReady`/`is_ready` or `IsWarmingUp`/`is_warming_up`, and the algorithm neither calls `SetWarmUp`/`set_warm_up`/`WarmUpIndicator` nor turns on automatic indicator warm-up. Indicators are those created with the LEAN helpers (`self.SMA(...)`, `self.rsi(...)`...) or constructed directly (`SimpleMovingAverage(20)`). In nautilus_trader strategies it flags the first read of an indicator\'s value (`self.fast_ema.value`, `self.bb.upper`) in `on_bar`/`on_quote_tick`/`on_trade_tick`/`on_data` when that handler checks neither `self.indicators_initialized()` nor the indicator\'s `initialized`; indicators are those built from `nautilus_trader.indicators` or registered with `register_indicator_for_bars`.',
    why:
      'Until an indicator has seen its full period, LEAN returns a partial value (a 20-day SMA after 3 days is a 3-day average; an RSI starts at 0). Trades in the first days of a backtest are then taken on numbers that mean something else, and the backtest start date changes the results. It is the point-in-time cousin of lookahead: the backtest assumes a history the algorithm did not have. LEAN\'s documentation recommends `SetWarmUp` or an `IsReady` check for exactly this; nautilus_trader\'s example strategies return from `on_bar` until `self.indicators_initialized()` is true (https://nautilustrader.io/docs/latest/concepts/strategies/).',
    example: [
      'from AlgorithmImports import *',
      '',
      'class TrendFollower(QCAlgorithm):',
      '    def Initialize(self):',
      '        self.AddEquity("SPY", Resolution.Daily)',
      '        self.sma = self.SMA("SPY", 200, Resolution.Daily)',
      '',
      '    def OnData(self, data):',
      '        if data["SPY"].Close > self.sma.Current.Value:',
      '            self.SetHoldings("SPY", 1)',
    ].join('\n'),
    fix:
      'Return early until the indicator is ready (`if not self.sma.IsReady: return`), or call `self.SetWarmUp(200, Resolution.Daily)` in `Initialize` (and skip trading while `self.IsWarmingUp`). No automatic fix.',
  },
  check(context, report) {
    nautilusIndicatorsNotReady(context, report);
    const { index } = context;
    const leanClasses = new Set(context.facts.strategies.filter((s) => s.framework === 'lean').map((s) => s.name));
    if (!leanClasses.size) return;
    const indicators = new Set<string>();
    for (const a of index.assignments) {
      if (!a.scope.className || !leanClasses.has(a.scope.className)) continue;
      const target = unparen(a.targetNode);
      if (target.type !== 'attribute' || target.childForFieldName('object')?.text !== 'self') continue;
      const site = a.value.type === 'call' ? index.callsById.get(a.value.id) : undefined;
      if (site && isIndicatorFactory(site.callee, site.name)) indicators.add(`${a.scope.className}.${target.childForFieldName('attribute')!.text}`);
    }
    if (!indicators.size) return;
    const warmedClasses = new Set<string>();
    for (const call of index.calls) if (call.scope.className && WARMUP_CALLS.has(call.name)) warmedClasses.add(call.scope.className);
    const guardedFunctions = new Set<string>();
    for (const attr of index.attributes) {
      if (!attr.scope.className) continue;
      if (GUARDS.has(attr.name)) guardedFunctions.add(`${attr.scope.className}.${attr.scope.functionName}`);
      if (WARMUP_SETTINGS.has(attr.name)) warmedClasses.add(attr.scope.className);
    }
    const seen = new Set<string>();
    for (const attr of index.attributes) {
      const { className, functionName } = attr.scope;
      if (!className || !functionName || !DATA_HANDLERS.has(functionName) || !leanClasses.has(className)) continue;
      if (attr.name !== 'Current' && attr.name !== 'current') continue;
      if (warmedClasses.has(className) || guardedFunctions.has(`${className}.${functionName}`)) continue;
      const indicator = indicatorOf(attr.node);
      if (!indicator || !indicators.has(`${className}.${indicator}`)) continue;
      const key = `${className}.${functionName}.${indicator}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const ready = functionName === 'OnData' ? 'IsReady' : 'is_ready';
      const warm = functionName === 'OnData' ? 'SetWarmUp' : 'set_warm_up';
      const node = attr.node.parent?.type === 'attribute' ? attr.node.parent : attr.node;
      report({
        node,
        message: `\`self.${indicator}\` is read in \`${functionName}\` without checking \`self.${indicator}.${ready}\`, and the algorithm sets no warm-up: the first bars trade on a partial indicator value. Guard with \`if not self.${indicator}.${ready}: return\` or call \`self.${warm}(...)\` in initialize.`,
      });
    }
  },
};
