import { reportLeaks } from '../helpers/leak-report';
import type { Rule } from '../rule';

export const lookaheadHigherTimeframeMerge: Rule = {
  name: 'lookahead-higher-timeframe-merge',
  code: 'SL216',
  family: 'lookahead',
  defaultSeverity: 'error',
  summary: "A higher-timeframe frame (candles stamped at their open) is merged onto the strategy's candles without shifting it by one of its own candles.",
  glossary: ['lookahead-bias', 'data-windowing'],
  docs: {
    what:
      "Reports `merge`, `merge_asof`, `join`, `concat` and `reindex` of a frame from freqtrade's data provider (`self.dp.get_pair_dataframe(...)`, `historic_ohlcv`) onto the strategy's dataframe when the informative frame was not shifted first and the merged columns reach an entry, exit or feature. `merge_informative_pair` and the `@informative` decorator do the shift themselves and are never reported.",
    why:
      "freqtrade stamps a candle with its open time. A 1h candle dated 10:00 closes at 10:59; merged by date onto 5m candles, its close, high and low appear on the 10:00 row, 55 minutes before they exist. freqtrade's `merge_informative_pair` moves the informative dates forward by one informative candle before merging for exactly this reason, and its documentation warns that hand-written merges leak.",
    example: [
      'class RsiConfirm(IStrategy):',
      '    timeframe = "5m"',
      '',
      '    def populate_indicators(self, dataframe, metadata):',
      '        informative = self.dp.get_pair_dataframe(pair=metadata["pair"], timeframe="1h")',
      '        informative["rsi_1h"] = ta.RSI(informative, timeperiod=14)',
      '        dataframe = dataframe.merge(informative[["date", "rsi_1h"]], on="date", how="left")',
      '        return dataframe',
      '',
      '    def populate_entry_trend(self, dataframe, metadata):',
      '        dataframe.loc[dataframe["rsi_1h"] < 30, "enter_long"] = 1',
      '        return dataframe',
    ].join('\n'),
    fix:
      'Use `merge_informative_pair(dataframe, informative, self.timeframe, "1h", ffill=True)`, or shift the informative columns by one informative candle (`informative[cols] = informative[cols].shift(1)`) before merging.',
  },
  check(context, report) {
    reportLeaks(context, report, 'SL216');
  },
};
