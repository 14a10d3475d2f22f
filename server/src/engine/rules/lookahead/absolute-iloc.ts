import { reportLeaks } from './leak-report';
import { intValue, isFreqtradeVectorised, isWrite, unparen } from '../../facts/lookahead';
import type { Rule } from '../rule';

/** Position-based row accessors; `.values[-1]` is the same row through numpy. */
const POSITIONAL = new Set(['iloc', 'iat', 'values']);

export const lookaheadAbsoluteIloc: Rule = {
  name: 'lookahead-absolute-iloc',
  code: 'SL207',
  family: 'lookahead',
  defaultSeverity: 'error',
  summary: 'An absolute row (`.iloc[-1]`, `.iloc[0]`) is read inside a vectorised freqtrade `populate_*` method.',
  glossary: ['lookahead-bias', 'warmup-period'],
  docs: {
    what:
      'Flags `.iloc[n]`, `.iat[n]` and `.values[n]` with a literal row position (for example `-1`, `-2` or `0`), including `.iloc[-1, col]`, when read inside freqtrade `populate_indicators`/`populate_entry_trend`/`populate_exit_trend` (and the legacy `populate_buy_trend`/`populate_sell_trend`). Per-trade callbacks such as `custom_stoploss`, `custom_exit` or `confirm_trade_entry`, where `dataframe.iloc[-1]` is the documented way to get the last closed candle, are not affected.',
    why:
      'In a backtest `populate_*` runs once over the whole history: `dataframe["close"].iloc[-1]` is the last candle of the backtest, so every earlier row is compared with a price from the future (freqtrade\'s strategy documentation lists it among the common lookahead mistakes). `iloc[0]` is not the future but the first candle of whatever window was loaded: the backtest sees the start of the test range, live trading sees the start of a rolling window of a few hundred candles, so the two disagree.',
    example: [
      'def populate_entry_trend(self, dataframe, metadata):',
      '    last_close = dataframe["close"].iloc[-1]',
      '    dataframe.loc[dataframe["close"] < last_close * 0.95, "enter_long"] = 1',
      '    return dataframe',
    ].join('\n'),
    fix:
      'Work row by row with vectorised operations: compare with `dataframe["close"].shift(1)`, a rolling statistic, or a column computed for each row. If you need the latest candle to make a decision, do it in a per-trade callback (`custom_stoploss`, `confirm_trade_entry`) with `dataframe.iloc[-1]` from `self.dp.get_analyzed_dataframe(...)`. No automatic fix.',
  },
  check(context, report) {
    reportLeaks(context, report, 'SL207');
  },
};
