import { reportLeaks } from '../helpers/leak-report';
import type { Rule } from '../rule';

export const lookaheadLibraryIndicator: Rule = {
  name: 'lookahead-library-indicator',
  code: 'SL215',
  family: 'lookahead',
  defaultSeverity: 'error',
  summary: 'A library function whose output at a bar reads later bars (ichimoku chikou span, centred dpo, argrelextrema, savgol_filter, filtfilt, hpfilter, np.gradient, zig-zag) reaches a trading decision or a model feature.',
  glossary: ['lookahead-bias'],
  docs: {
    what:
      'Follows the output of library functions known to look ahead (listed, each with the reason and a link, in `engine/dataflow/library-knowledge.ts`) through assignments, columns and helper functions, and reports the call when the value reaches an entry or exit column, an order, a vectorbt portfolio or the features of a model. Values that only feed a plot, a log line or nothing at all are not reported.',
    why:
      "Some indicators are drawn for charts, where it is fine to place a value at the bar it describes: technical's ichimoku builds the chikou span as `close.shift(-26)`, pandas_ta's `dpo` is centred by default, `argrelextrema` marks a peak at i by comparing it with the bars after i, `savgol_filter` and `filtfilt` smooth with later samples, the HP filter and a two-sided `seasonal_decompose` are fitted over the whole series. A backtest that trades on them knows prices that had not yet printed.",
    example: [
      'from technical.indicators import ichimoku',
      '',
      'class CloudStrategy(IStrategy):',
      '    def populate_indicators(self, dataframe, metadata):',
      '        cloud = ichimoku(dataframe)',
      '        dataframe["chikou"] = cloud["chikou_span"]',
      '        return dataframe',
      '',
      '    def populate_entry_trend(self, dataframe, metadata):',
      '        dataframe.loc[dataframe["chikou"] > dataframe["close"], "enter_long"] = 1',
      '        return dataframe',
    ].join('\n'),
    fix:
      'Use the causal form (`dpo(..., centered=False)`, `seasonal_decompose(..., two_sided=False)`, `lfilter` instead of `filtfilt`), or shift the output by the bars it reads (`chikou.shift(26)` is the close of 26 bars ago, which is all the chikou span can honestly say). For pivots, stamp each pivot on the bar that confirms it (`order` bars later for `argrelextrema`).',
  },
  check(context, report) {
    reportLeaks(context, report, 'SL215');
  },
};
