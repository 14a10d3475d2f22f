// What library functions do with time, as data. Each entry names a function whose output at row t
// reads rows after t, how far, and cites why. Functions of the causal libraries listed at the end
// read only the past (lead 0). Anything else is unknown code: values pass through it, marked
// uncertain, so a finding through it is a warning rather than an error.

export type LeadSpec =
  /** A fixed number of bars, or Infinity for a two-sided filter over the whole column. */
  | { bars: number }
  /** Half the window given by an argument (a centred window), `default` when it is absent. */
  | { halfOf: { position: number; keyword: string; default: number } }
  /** The value of an argument (a displacement), `default` when it is absent. */
  | { argument: { position: number; keyword: string; default: number } };

export interface LookaheadFunction {
  /** Qualified names (imports resolved) or trailing segments that identify the function. */
  names: string[];
  /** `method` entries match `x.name(...)` on a data value (pandas_ta's `df.ta.dpo()`). */
  method?: boolean;
  code: 'SL215' | 'SL203';
  lead: LeadSpec;
  /** When only some keys of the returned dict/frame look ahead (ichimoku's chikou span). */
  keys?: Record<string, LeadSpec>;
  /** The function returns a tuple whose first element is the frame described by `keys`. */
  tuple?: boolean;
  /** Keyword arguments that turn the lookahead off, with the value that does it. */
  safeWhen?: Record<string, string>;
  why: string;
  cite: string;
}

export const LOOKAHEAD_FUNCTIONS: LookaheadFunction[] = [
  {
    names: ['technical.indicators.ichimoku', 'technical.indicators.indicators.ichimoku', 'ichimoku'],
    code: 'SL215',
    lead: { bars: 0 },
    keys: { chikou_span: { argument: { position: 99, keyword: 'displacement', default: 26 } } },
    why: "technical's ichimoku builds chikou_span as close.shift(-displacement): the lagging span, plotted back in time, is the future close at row t.",
    cite: 'https://github.com/freqtrade/technical/blob/main/technical/indicators/indicators.py',
  },
  {
    names: ['pandas_ta.ichimoku'],
    code: 'SL215',
    lead: { bars: 0 },
    keys: { 'ICS_*': { argument: { position: 99, keyword: 'kijun', default: 26 } } },
    tuple: true,
    why: "pandas_ta's ichimoku returns the chikou span as close.shift(-kijun) in the ICS_<kijun> column of its first frame.",
    cite: 'https://github.com/twopirllc/pandas-ta/blob/main/pandas_ta/overlap/ichimoku.py',
  },
  {
    names: ['pandas_ta.dpo', 'dpo'],
    method: true,
    code: 'SL215',
    lead: { halfOf: { position: 1, keyword: 'length', default: 20 } },
    safeWhen: { centered: 'False' },
    why: 'pandas_ta dpo is centred by default (centered=True shifts the result back by length/2 + 1 bars), which pandas_ta documents as a lookahead for backtests.',
    cite: 'https://github.com/twopirllc/pandas-ta/blob/main/pandas_ta/trend/dpo.py',
  },
  {
    names: ['scipy.signal.argrelextrema', 'argrelextrema', 'scipy.signal.argrelmax', 'argrelmax', 'scipy.signal.argrelmin', 'argrelmin'],
    code: 'SL215',
    lead: { argument: { position: 99, keyword: 'order', default: 1 } },
    why: 'argrelextrema marks index i as an extremum by comparing it with the `order` points on each side: the mark at i needs the next `order` bars.',
    cite: 'https://docs.scipy.org/doc/scipy/reference/generated/scipy.signal.argrelextrema.html',
  },
  {
    names: ['scipy.signal.find_peaks', 'find_peaks', 'scipy.signal.find_peaks_cwt', 'find_peaks_cwt'],
    code: 'SL215',
    lead: { bars: Infinity },
    why: 'find_peaks compares each sample with its neighbours on both sides and measures prominence and width over the whole signal: a peak at i is known only later.',
    cite: 'https://docs.scipy.org/doc/scipy/reference/generated/scipy.signal.find_peaks.html',
  },
  {
    names: ['scipy.signal.savgol_filter', 'savgol_filter'],
    code: 'SL215',
    lead: { halfOf: { position: 1, keyword: 'window_length', default: 5 } },
    why: 'savgol_filter fits a polynomial over a window centred on each sample (mode="interp" also fits the edges from the end of the data).',
    cite: 'https://docs.scipy.org/doc/scipy/reference/generated/scipy.signal.savgol_filter.html',
  },
  {
    names: ['scipy.signal.filtfilt', 'filtfilt', 'scipy.signal.sosfiltfilt', 'sosfiltfilt'],
    code: 'SL215',
    lead: { bars: Infinity },
    why: 'filtfilt runs the filter forward and then backward over the whole signal (zero phase): every output depends on all later samples.',
    cite: 'https://docs.scipy.org/doc/scipy/reference/generated/scipy.signal.filtfilt.html',
  },
  {
    names: ['statsmodels.tsa.filters.hp_filter.hpfilter', 'statsmodels.api.tsa.filters.hpfilter', 'hpfilter'],
    code: 'SL215',
    lead: { bars: Infinity },
    why: 'The Hodrick-Prescott filter solves one penalised least-squares problem over the whole series: the trend at t moves when later data arrive (it is two-sided).',
    cite: 'https://www.statsmodels.org/stable/generated/statsmodels.tsa.filters.hp_filter.hpfilter.html',
  },
  {
    names: ['statsmodels.tsa.seasonal.seasonal_decompose', 'seasonal_decompose'],
    code: 'SL215',
    lead: { halfOf: { position: 99, keyword: 'period', default: 2 } },
    safeWhen: { two_sided: 'False' },
    why: 'seasonal_decompose uses a centred moving average by default (two_sided=True), so the trend at t averages later observations.',
    cite: 'https://www.statsmodels.org/stable/generated/statsmodels.tsa.seasonal.seasonal_decompose.html',
  },
  {
    names: ['numpy.gradient', 'np.gradient'],
    code: 'SL215',
    lead: { bars: 1 },
    why: 'np.gradient takes central differences in the interior, (x[i+1] - x[i-1]) / 2: the slope at i reads the next sample.',
    cite: 'https://numpy.org/doc/stable/reference/generated/numpy.gradient.html',
  },
  {
    names: ['zigzag.peak_valley_pivots', 'peak_valley_pivots', 'zigzag'],
    code: 'SL215',
    lead: { bars: Infinity },
    why: 'A zig-zag marks the pivot at the bar of the extreme, but the pivot is confirmed only once price has reversed by the threshold, bars later.',
    cite: 'https://github.com/jbn/ZigZag',
  },
  {
    names: ['scipy.stats.zscore', 'zscore'],
    code: 'SL203',
    lead: { bars: Infinity },
    why: 'scipy.stats.zscore standardises with the mean and standard deviation of the whole array.',
    cite: 'https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.zscore.html',
  },
];

/**
 * Libraries whose indicators read only the current and earlier bars (lead 0). A call into one is
 * seen through: its result carries its inputs' leads, without the uncertainty of unknown code.
 */
export const CAUSAL_MODULES: { prefix: string; why: string }[] = [
  { prefix: 'talib', why: 'TA-Lib indicators are computed from past values (TA-Lib function documentation).' },
  { prefix: 'freqtrade.vendor.qtpylib', why: 'qtpylib indicators are rolling/ewm computations over past bars.' },
  { prefix: 'pandas_ta', why: 'pandas_ta indicators are trailing by default; the centred exceptions are listed above.' },
  { prefix: 'finta', why: 'finta indicators are rolling/ewm computations over past bars.' },
  { prefix: 'ta', why: 'The `ta` library builds indicators from trailing windows.' },
  { prefix: 'technical', why: "technical's indicators are trailing, except ichimoku's chikou span (above)." },
  { prefix: 'numpy', why: 'numpy element-wise functions act row by row.' },
  { prefix: 'pandas', why: 'pandas constructors and element-wise functions act row by row; time-moving methods are modelled one by one.' },
  { prefix: 'math', why: 'scalar math.' },
  { prefix: 'backtrader', why: 'backtrader indicators are computed bar by bar from past values.' },
  { prefix: 'vectorbt', why: "vectorbt's indicator factories (MA, RSI, ...) are trailing." },
  { prefix: 'jesse', why: "jesse.indicators read the candles passed in, which end at the current one." },
  {
    prefix: 'backtesting',
    why: "backtesting.lib's crossover/cross/barssince read the arrays up to the current bar, and resample_apply labels each resampled bar at its right edge (label='right') before forward-filling it back, so a bar sees only completed periods (https://kernc.github.io/backtesting.py/doc/backtesting/lib.html#backtesting.lib.resample_apply).",
  },
];

/** Bare names (no import needed) that act element-wise or only aggregate what they are given. */
export const ELEMENTWISE_BUILTINS = new Set(['abs', 'round', 'min', 'max', 'float', 'int', 'bool', 'sum', 'len', 'list', 'tuple', 'reduce', 'pow']);

// ---- what fits learn (row provenance, provenance.ts) -----------------------------------------

/** A group of library classes or functions that share a behaviour, and why. */
export interface LibraryGroup {
  names: RegExp;
  why: string;
  cite: string;
}

/** Hidden-state models whose `predict` / `predict_proba` decode a whole sequence at once. */
export const SEQUENCE_DECODERS: LibraryGroup = {
  names: /HMM|HiddenMarkov|MarkovRegression|MarkovAutoregression|MarkovSwitching/,
  why: "hmmlearn's predict runs Viterbi over the whole sequence and predict_proba returns smoothed (forward-backward) posteriors; statsmodels' Markov switching models expose smoothed probabilities: each row's state is chosen with later observations in view.",
  cite: 'https://hmmlearn.readthedocs.io/en/latest/api.html#hmmlearn.base.BaseHMM.predict',
};

/** Transformers whose fit learns no statistic of the rows' values (a vocabulary, a fixed expansion, a per-row operation). */
export const LEARNS_NO_STATISTIC: LibraryGroup = {
  names: /^(OneHotEncoder|LabelEncoder|OrdinalEncoder|LabelBinarizer|MultiLabelBinarizer|DictVectorizer|FeatureHasher|PolynomialFeatures|FunctionTransformer|SplineTransformer|Binarizer|Normalizer|MissingIndicator)$/,
  why: 'These record categories, feature counts or nothing at all when fitted (Normalizer and Binarizer work row by row), so fitting them on every row tells the test rows nothing about the test period.',
  cite: 'https://scikit-learn.org/stable/modules/preprocessing.html',
};

/** Univariate scores that rank columns against a target: choosing columns with them is a fit. */
export const SELECTION_SCORES: LibraryGroup = {
  names: /^(mutual_info_regression|mutual_info_classif|f_regression|f_classif|r_regression|chi2|f_oneway)$/,
  why: 'Each returns one score per column computed from every row given (and the target); the columns they pick were picked with those rows in view, as SelectKBest does with the same functions.',
  cite: 'https://scikit-learn.org/stable/modules/feature_selection.html#univariate-feature-selection',
};

/** Model-quality measures against realised labels: an evaluation, not a value of any bar. */
export const EVALUATION_METRICS: LibraryGroup = {
  names: /^(\w+_(score|error|loss)|roc_auc\w*|confusion_matrix|classification_report|information_coefficient)$/,
  why: "sklearn.metrics functions compare predictions with realised outcomes; the score is how a model is judged, so the label's lead does not flow on into what is chosen with it.",
  cite: 'https://scikit-learn.org/stable/modules/model_evaluation.html',
};

/** Modules whose estimators only draw (`yellowbrick.features.Rank1D(...).fit(X, y)`). */
export const DRAWING_MODULES: LibraryGroup = {
  names: /^(yellowbrick|matplotlib|seaborn|plotly|bokeh|mplfinance)(\.|$)/,
  why: "yellowbrick visualizers follow the scikit-learn API but their fit computes a chart; nothing is predicted or traded with them.",
  cite: 'https://www.scikit-yb.org/en/latest/api/index.html',
};

// ---- bounded indicators (parameter-at-search-boundary) ----------------------------------------

/** An oscillator whose values cannot leave [low, high]: a threshold at that bound is the natural edge, not a search edge. */
export interface BoundedIndicator {
  /** Matches the indicator call (`ta.WILLR`) or a column / parameter name (`willr`, `buy_wr`). */
  names: RegExp;
  low: number;
  high: number;
  cite: string;
}

export const BOUNDED_INDICATORS: BoundedIndicator[] = [
  // Williams %R = (highest high - close) / (highest high - lowest low) * -100; NostalgiaForInfinity
  // names its columns r_14, r_480 (`df["r_480_1h"]`, `entry_24_r_480_1h_max`).
  { names: /(^|_|\.|\b)(willr|williams|wr|r_?percent|pct_?r)(_|\b|\d|$)|(^|[_"'])r_\d+([_"']|$)/i, low: -100, high: 0, cite: 'https://ta-lib.github.io/ta-lib-python/func_groups/momentum_indicators.html' },
  // RSI, MFI, stochastics, ADX, Ultimate Oscillator, Aroon: 0..100 by construction.
  { names: /(^|_|\.|\b)(rsi|mfi|stoch\w*|fast[kd]|slow[kd]|adx|ultosc|uo|aroon\w*|srsi)(_|\b|\d|$)/i, low: 0, high: 100, cite: 'https://ta-lib.github.io/ta-lib-python/func_groups/momentum_indicators.html' },
  // Chande Momentum Oscillator: -100..100.
  { names: /(^|_|\.|\b)(cmo)(_|\b|\d|$)/i, low: -100, high: 100, cite: 'https://ta-lib.github.io/ta-lib-python/func_groups/momentum_indicators.html' },
];
