import { reportLeaks } from '../helpers/leak-report';
import type { Rule } from '../rule';

export const lookaheadFullSampleStatistic: Rule = {
  name: 'lookahead-full-sample-statistic',
  code: 'SL203',
  family: 'lookahead',
  defaultSeverity: 'error',
  summary: 'A whole-column statistic (`mean()`, `std()`, `max()`, `quantile(q)`, `rank(pct=True)`...) of the full history reaches per-row trades or features.',
  glossary: ['lookahead-bias', 'feature-scaling-leakage', 'data-windowing'],
  docs: {
    what:
      'Reports whole-column statistics of full-history data (`df["x"].mean()`, `.std()`, `.max()`, `.quantile(q)`, `rank(pct=True)`, `pd.qcut`, `np.mean(x)`, method chains such as `x.sub(x.mean()).div(x.std())` and `fillna(x.mean())`, and a hedge ratio from `cov / var` or `np.polyfit` of the whole history) that are combined with per-row values. Statistics of a time column (`date - date.min()`), of a model\'s score, or in a plot or report table decide nothing and are not reported. Windowed forms (`rolling`, `expanding`, `ewm`, `groupby`), row-wise reductions (`axis=1`), statistics of a train slice or of a per-bar callback\'s history are not full-sample. Like every dataflow lookahead rule, it follows the value through assignments, columns (`df["x"]`, `df.loc[cond, "x"]`, `assign`, `merge`, `rename`), lists of conditions and the file\'s helper functions, and reports the source only when the value reaches a decision: a freqtrade entry/exit column, a FreqAI `%` feature, a column or name holding signals or positions, the features of `fit`/`predict`, a vectorbt `from_signals` entry or exit, an order, or what a decision callback returns. A value used only as a label `y`, in a plot, a log line, live-only code or nowhere is not reported; a later positive `shift(k)` that covers the lead compensates it. Error when the whole path is seen; warning when it passes through code the analysis cannot follow or sits in a function nothing in the file calls.',
    why:
      'The mean, standard deviation, extremes and quantiles of the full history include every future bar. A z-score or a "top decile volume" threshold computed that way tells row t where it sits relative to prices that had not happened yet (for example, that the current price is far below the eventual all-time high). Backtests on such features look stable; live, the statistic keeps moving and the thresholds no longer mean what they did. This is the same leakage as fitting a scaler on the full data set (Kaufman et al., "Leakage in Data Mining", ACM TKDD 2012).',
    example: [
      'import pandas as pd',
      '',
      'df = pd.read_csv("btc_1h.csv", index_col="date", parse_dates=True)',
      'df["z"] = (df["close"] - df["close"].mean()) / df["close"].std()',
      'df["high_volume"] = df["volume"] > df["volume"].quantile(0.9)',
      'df["signal"] = (df["z"] < -2) & df["high_volume"]',
    ].join('\n'),
    fix:
      'Use a trailing window or an expanding one that only sees the past: `df["close"].rolling(100).mean()`, `df["volume"].expanding().quantile(0.9)`, and shift it by one bar if the current bar should not inform its own threshold. No automatic fix: the window length is a modelling choice.',
  },
  check(context, report) {
    reportLeaks(context, report, 'SL203');
  },
};
