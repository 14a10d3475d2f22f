// Facts about a strategy, shared by every rule: each group computed on first read, at most once per document version.
import type { PineFacts } from '../pine/facts-types';
import type { SyntaxNode } from '../python/parser';

export type Framework = 'freqtrade' | 'backtrader' | 'lean' | 'jesse' | 'vectorbt' | 'sklearn' | 'pandas' | 'backtesting' | 'zipline' | 'nautilus' | 'pine';

export type ParameterKind =
  /** Declared for an optimiser: IntParameter, backtrader params, LEAN get_parameter, Jesse hyperparameters. */
  | 'declared'
  /** A value pasted from optimiser output (`buy_params = {...}`) without a declaration. */
  | 'pasted'
  /** A value swept over a grid (`optstrategy(period=range(10, 30))`, `np.arange` in vectorbt). */
  | 'grid'
  /** A numeric literal inside an entry/exit condition: tuned by hand, counted all the same. */
  | 'hidden';

export interface TunedParameter {
  name: string;
  kind: ParameterKind;
  framework: Framework;
  /** Node to report on (the declaration, the dict entry, the literal). */
  node: SyntaxNode;
  className?: string;
  /** How many values the search may try, when the declaration says (for the search-space size). */
  choices?: number;
  /** The default/current value as written, when it is a number. */
  defaultValue?: number;
  defaultNode?: SyntaxNode;
  /** freqtrade `space=` ("buy", "sell", ...). */
  space?: string;
  /** false when the declaration opts out of optimisation (`optimize=False`, or a class constant that is False). */
  optimized: boolean;
  /** A hidden threshold that repeats an earlier value of the class, or lies past the counting cap: not counted again. */
  repeat?: boolean;
  /** Why the strategy cannot use the parameter at all (a short-only parameter without can_short). */
  unusable?: string;
  /** Lower/upper bound of the search range, when the declaration gives one (Jesse `min`/`max`). */
  low?: number;
  high?: number;
  /** Grid sweeps: the call that sweeps this parameter (parameters swept by one call combine). */
  sweepCall?: SyntaxNode;
  /**
   * A sweep that runs fewer trials than its grid holds (backtesting.py `max_tries=200`, or a
   * fraction of the grid; `method="sambo"` defaults to 200). Set on every parameter of the sweep.
   */
  trialCap?: { count?: number; fraction?: number; label: string };
}

export interface StrategyClass {
  name: string;
  node: SyntaxNode;
  nameNode: SyntaxNode;
  framework?: Framework;
}

export interface StrategyFacts {
  frameworks: Set<Framework>;
  strategies: StrategyClass[];
  parameters: TunedParameter[];
  /** Class-level strategy settings (freqtrade `stoploss`, `minimal_roi`, `startup_candle_count`...). */
  settings?: StrategySetting[];
  /** Look-back windows of indicators computed by strategies (`ta.EMA(df, timeperiod=200)`). */
  windows?: IndicatorWindow[];
  /** Trading-cost settings found in the file (`setcommission(commission=0.0)`, `fees=0`). */
  costs?: CostFacts;
  /** Estimators, cross-validation splitters and feature counts (scikit-learn, statsmodels). */
  models?: ModelFacts;
  /** Signs of fitting/optimisation and of out-of-sample validation in the file. */
  validation?: ValidationFacts;
  /** QuantConnect LEAN specifics: backtest dates, brokerage and fee models. */
  lean?: LeanFacts;
  /** freqtrade specifics: populate_* methods, informative pairs/timeframes. */
  freqtrade?: FreqtradeFacts;
  /** Backtest periods spelt out in code (LEAN start/end dates, backtrader feed from/to dates). */
  backtestWindows?: BacktestWindow[];
  /** TradingView Pine Script specifics (declaration, inputs, request.security, repaint risks). */
  pine?: PineFacts;
}

export interface FreqtradeFacts {
  /** populate_indicators / populate_entry_trend / populate_exit_trend, and legacy populate_buy/sell_trend. */
  populateMethods: { name: string; node: SyntaxNode; className: string; legacy: boolean }[];
  /** `informative_pairs()` methods and `@informative("1h")` decorated methods. */
  informative: { node: SyntaxNode; className: string; timeframe?: string; method: string }[];
}

/** A class-level setting: `stoploss = -0.10`, `minimal_roi = {...}`, `timeframe = "5m"`. */
export interface StrategySetting {
  name: string;
  framework: Framework;
  className: string;
  /** The assignment statement. */
  node: SyntaxNode;
  value: SyntaxNode;
  /** Numeric value, when the setting is a number. */
  number?: number;
  /** String value (`timeframe`). */
  text?: string;
}

export interface IndicatorWindow {
  /** Number of candles the indicator needs before its first meaningful value. */
  length: number;
  /** The call computing the indicator. */
  call: SyntaxNode;
  /** The argument the length came from (literal, `self.x.value`, loop variable...). */
  source: SyntaxNode;
  /** How the length was found: a literal, a parameter's upper bound, a constant, a library default. */
  origin: 'literal' | 'parameter-high' | 'constant' | 'default';
  /** Indicator name as called (`EMA`, `rolling`, `bollinger_bands`). */
  indicator: string;
  className?: string;
  functionName?: string;
}

export type CostKind = 'commission' | 'slippage';

export interface CostSetting {
  kind: CostKind;
  /** Where it was set: `backtrader`, `vectorbt`, `lean`, `freqtrade`, `backtesting.py`, `config`... */
  source: string;
  /** The value node (literal) to report on and to replace in fixes. */
  valueNode: SyntaxNode;
  value?: number;
  /** The call or assignment that sets it. */
  node: SyntaxNode;
  /** What was written, for messages (`setcommission(commission=0.0)`). */
  label: string;
  /** Whether the value is a rate (fraction of notional), so a rate can replace it in a fix. */
  isRate: boolean;
  /** The rate as the code writes it: 100 where it is a percentage (Pine `commission_value`). */
  rateScale?: number;
}

/** A backtest run whose cost settings are left at a zero default (`Portfolio.from_signals` without `fees`). */
export interface UnsetCosts {
  source: string;
  /** The call that runs the backtest. */
  node: SyntaxNode;
  label: string;
  /** Fix support: insert `before + <value> + after` at `at` (0-based row, UTF-16 column). */
  insert?: { at: { row: number; column: number }; before: string; after: string };
  /** The inserted rate as the code writes it: 100 where it is a percentage. */
  rateScale?: number;
}

export interface CostFacts {
  settings: CostSetting[];
  unset: UnsetCosts[];
}

export type EstimatorFamily = 'linear' | 'logistic' | 'ridge' | 'lasso' | 'elastic-net' | 'tree' | 'ensemble' | 'ols' | 'other';

export interface Estimator {
  /** Constructor call (`LinearRegression()`, `sm.OLS(y, X)`). */
  call: SyntaxNode;
  /** Class name as called (`LinearRegression`, `OLS`, `ols`). */
  name: string;
  family: EstimatorFamily;
  /** false for unpenalised models: LinearRegression, OLS, LogisticRegression(penalty=None), alpha=0. */
  regularized: boolean;
  /** Features it is fitted on, when visible. */
  features?: number;
  /** Where the feature count was read. */
  featuresNode?: SyntaxNode;
  /** The `.fit(...)` call(s) seen for it. */
  fits: SyntaxNode[];
}

export interface Splitter {
  call: SyntaxNode;
  /** `KFold`, `ShuffleSplit`, `TimeSeriesSplit`, `train_test_split`... */
  name: string;
  /** Whether it reorders time: shuffle=True, ShuffleSplit, train_test_split without shuffle=False. */
  shuffled: boolean;
  /** Node to report a shuffle on (the `shuffle=True` argument, or the call). */
  shuffleNode: SyntaxNode;
  /** Whether it respects time order (TimeSeriesSplit, purged/walk-forward splitters, shuffle=False). */
  timeOrdered: boolean;
}

export interface ModelFacts {
  estimators: Estimator[];
  splitters: Splitter[];
  /** Evidence the data is a time series (price feeds, returns, shifts, rolling windows, trading imports). */
  timeSeriesEvidence: SyntaxNode[];
  /** Evidence the rows are companies or assets at one date (`set_index("ticker")`), not time. */
  crossSectionEvidence: SyntaxNode[];
}

export interface ValidationFacts {
  /** Places where the file fits a model or optimises parameters. */
  fitting: { node: SyntaxNode; label: string }[];
  /** Signs of out-of-sample validation: splits, walk-forward loops, date cut-offs, test sets. */
  holdout: { node: SyntaxNode; label: string }[];
}

/** A calendar date read from literal code (`set_start_date(2020, 1, 1)`, `datetime(2020, 1, 1)`). */
export interface CodeDate {
  year: number;
  month: number;
  day: number;
  node: SyntaxNode;
}

/** The period a backtest (and any optimisation in it) runs over, when the code spells it out. */
export interface BacktestWindow {
  framework: Framework;
  start: CodeDate;
  end: CodeDate;
  className?: string;
}

export interface LeanFacts {
  startDates: SyntaxNode[];
  endDates: SyntaxNode[];
  brokerageModels: SyntaxNode[];
  feeModels: SyntaxNode[];
}
