// One normalised summary per result file, whatever format it came from.
// Loaders fill what the file really contains and leave the rest undefined: a missing
// figure is `undefined`, never a guess.

/** Where a key sits in the result file's text (0-based character offsets), for diagnostics there. */
export interface KeyLocation {
  offset: number;
  length: number;
}

export interface ResultProblem {
  message: string;
  /** Offset/length in the file's text when the problem has a place; whole file otherwise. */
  offset?: number;
  length?: number;
  severity: 'error' | 'warning' | 'info';
}

export type ResultFormat =
  | 'freqtrade-backtest'
  | 'freqtrade-meta'
  | 'freqtrade-last-result'
  | 'freqtrade-zip'
  | 'freqtrade-hyperopt'
  | 'lean-backtest'
  | 'csv-returns'
  | 'csv-trades'
  | 'csv-trial-matrix'
  | 'strategy-lint-json'
  | 'tradingview-trades'
  | 'backtesting-py-stats'
  | 'backtesting-py-trades'
  | 'backtesting-py-equity'
  | 'backtesting-py-heatmap'
  | 'zipline-perf'
  | 'nautilus-positions'
  | 'nautilus-fills'
  | 'nautilus-account';

export interface DateSpan {
  /** ISO 8601 dates (YYYY-MM-DD or full timestamps). */
  start: string;
  end: string;
}

/** What one observation of a Sharpe ratio is: a calendar day, a trade, or a period the file does not name. */
export type SharpeBasis = 'day' | 'trade' | 'period';

export interface TrialSet {
  /** Number of configurations tried (N for the deflated Sharpe). */
  count: number;
  /** Sharpe of each trial on `sharpeBasis`, when the file allows computing it. */
  sharpes?: number[];
  /** What each observation behind `sharpes` is (undefined: per period of the file's own series). */
  sharpeBasis?: SharpeBasis;
  /** Which metric the trial Sharpe values came from, in words (for messages). */
  sharpeSource?: string;
  /** The same trials' Sharpe ratios on a second basis (freqtrade epochs: per trade, besides per day). */
  alternative?: { sharpes?: number[]; sharpeBasis: SharpeBasis; sharpeSource: string };
  /**
   * Effective number of independent trials (whole, 1..count), from the correlation of the trials'
   * return series, with how it was estimated; undefined when the series are not in the file.
   */
  effective?: { count: number; method: string };
  /** 1-based number of the trial the summary's own figures describe (e.g. freqtrade's best epoch). */
  best?: number;
}

export interface BacktestSummary {
  format: ResultFormat;
  /** Absolute path of the file this summary came from. */
  file: string;
  /** Strategy (class) name the result is for, when the file says. */
  strategy?: string;
  /** All strategy names found in a multi-strategy file. */
  strategies?: string[];
  period?: DateSpan;
  /** Optimisation (in-sample) period, when the result records one. */
  inSample?: DateSpan;
  /** Out-of-sample period, when the result records one. */
  outOfSample?: DateSpan;
  tradeCount?: number;
  /** Per-trade returns as ratios (0.012 = +1.2 %), in close order. */
  tradeReturns?: number[];
  /** Per-trade absolute profits (quote currency), in close order. */
  tradeProfits?: number[];
  /** Per-period returns as ratios (e.g. daily), in time order. */
  periodReturns?: number[];
  /** The date (YYYY-MM-DD) of each of `periodReturns`, when the file dates them (freqtrade daily_profit). */
  periodDates?: string[];
  /** Periods per year of `periodReturns` (365 for crypto daily, 252 for equities daily). */
  periodsPerYear?: number;
  winRate?: number;
  profitFactor?: number;
  /** Maximum drawdown as a positive ratio (0.25 = 25 %). */
  maxDrawdown?: number;
  totalReturn?: number;
  /** The file's own Sharpe figure, reported for reference only (never trusted for statistics). */
  reportedSharpe?: number;
  /** Tuned parameters recorded in the result (LEAN parameters, freqtrade params). */
  parameters?: Record<string, unknown>;
  trials?: TrialSet;
  /**
   * freqtrade strategy-setting spaces the optimiser searched (roi, stoploss, trailing), with the
   * number of dimensions each had in the result (roi_t1..roi_p3 = 6), from the best epoch.
   */
  optimisedSpaces?: Record<string, number>;
  /** Trial return matrix for PBO: rows = periods, columns = configurations. */
  trialMatrix?: number[][];
  /** Locations of interesting keys, by a stable name ('trades', 'sharpe', 'max_drawdown', ...). */
  locations: Record<string, KeyLocation>;
  problems: ResultProblem[];
  /**
   * false when the file could not be identified as a result at all; `format` is then only the
   * guess made from the file name. Undefined (or true) for recognised files.
   */
  recognized?: boolean;
  /** Absolute path of another file this one points at (freqtrade `.last_result.json` -> latest result). */
  refersTo?: string;
  /** Strategy source archived with the result (freqtrade zip), to compare against the current file. */
  strategySource?: string;
}
