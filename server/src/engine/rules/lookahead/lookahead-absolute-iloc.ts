import { reportLeaks } from '../helpers/leak-report';
import type { Rule } from '../rule';

export const lookaheadAbsoluteIloc: Rule = {
  name: 'lookahead-absolute-iloc',
  code: 'SL207',
  family: 'lookahead',
  defaultSeverity: 'error',
  summary: 'The last row of the whole backtest (`.iloc[-1]`) is read in vectorised code and reaches a trade or a feature.',
  glossary: ['lookahead-bias', 'warmup-period'],
  docs: {
    what:
      'Reports `.iloc[-n]`, `.iat[-n]`, `.values[-n]` and `x[-n]` on full-history data in vectorised code (freqtrade `populate_*` methods, research scripts): the last row of the whole backtest, not of the current bar. Per-bar callbacks and `get_analyzed_dataframe` frames, whose last row is the current candle, are not affected. Like every dataflow lookahead rule, it follows the value through assignments, columns (`df["x"]`, `df.loc[cond, "x"]`, `assign`, `merge`, `rename`), lists of conditions and the file\'s helper functions, and reports the source only when the value reaches a decision: a freqtrade entry/exit column, a FreqAI `%` feature, a column or name holding signals or positions, the features of `fit`/`predict`, a vectorbt `from_signals` entry or exit, an order, or what a decision callback returns. A value used only as a label `y`, in a plot, a log line, live-only code or nowhere is not reported; a later positive `shift(k)` that covers the lead compensates it. Error when the whole path is seen; warning when it passes through code the analysis cannot follow or sits in a function nothing in the file calls.',
    why:
      'In a backtest `populate_*` runs once over the whole history: `dataframe["close"].iloc[-1]` is the last candle of the backtest, so every earlier row is compared with a price from the future (freqtrade\'s strategy documentation lists it among the common lookahead mistakes). `iloc[0]` is not the future but the first candle of whatever window was loaded: the backtest sees the start of the test range, live trading sees the start of a rolling window of a few hundred candles, so the two disagree.',
    example: [
      'class DipBuyer(IStrategy):',
      '    def populate_entry_trend(self, dataframe, metadata):',
      '        last_close = dataframe["close"].iloc[-1]',
      '        dataframe.loc[dataframe["close"] < last_close * 0.95, "enter_long"] = 1',
      '        return dataframe',
    ].join('\n'),
    fix:
      'Work row by row with vectorised operations: compare with `dataframe["close"].shift(1)`, a rolling statistic, or a column computed for each row. If you need the latest candle to make a decision, do it in a per-trade callback (`custom_stoploss`, `confirm_trade_entry`) with `dataframe.iloc[-1]` from `self.dp.get_analyzed_dataframe(...)`. No automatic fix.',
  },
  check(context, report) {
    reportLeaks(context, report, 'SL207');
  },
};
