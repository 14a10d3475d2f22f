import { reportLeaks } from '../helpers/leak-report';
import type { Rule } from '../rule';

export const lookaheadNegativeShift: Rule = {
  name: 'lookahead-negative-shift',
  code: 'SL201',
  family: 'lookahead',
  defaultSeverity: 'error',
  summary: 'A negative shift (`shift(-n)`, `pct_change(-n)`, `np.roll(x, -n)`) pulls future values into rows that reach a trade or a model feature.',
  glossary: ['lookahead-bias', 'data-windowing'],
  docs: {
    what:
      'Reports `.shift(-n)` (also `periods=-n`, `**{"periods": -n}` and a negated name such as `shift(-horizon)`), `.diff(-n)`, `.pct_change(-n)` and `np.roll(x, -n)`, each of which moves the value of row t+n into row t, and `shift(n)` on rows sorted newest first. Like every dataflow lookahead rule, it follows the value through assignments, columns (`df["x"]`, `df.loc[cond, "x"]`, `assign`, `merge`, `rename`), lists of conditions and the file\'s helper functions, and reports the source only when the value reaches a decision: a freqtrade entry/exit column, a FreqAI `%` feature, a column or name holding signals or positions, the features of `fit`/`predict`, a vectorbt `from_signals` entry or exit, an order, or what a decision callback returns. A value used only as a label `y`, in a plot, a log line, live-only code or nowhere is not reported; a later positive `shift(k)` that covers the lead compensates it. Error when the whole path is seen; warning when it passes through code the analysis cannot follow or sits in a function nothing in the file calls.',
    why:
      'In a vectorised backtest every row is computed at once, so row t can see row t+1 if you ask it to. A signal built from `close.shift(-1)` knows the next bar\'s close and looks brilliant in backtests; live, that column is NaN (or stale) on the bar where the decision is made. freqtrade documents negative shifts as the canonical source of lookahead bias and ships `lookahead-analysis` to catch it at run time; vectorbt parameter sweeps are especially prone to it because `entries = returns.shift(-1) > 0` simply selects the profitable bars. Labels for a model are the one legitimate use: the target is meant to be the future, and it must only ever be compared with predictions, never fed to the model or the signal.',
    example: [
      'class NextCloseStrategy(IStrategy):',
      '    def populate_indicators(self, dataframe, metadata):',
      '        dataframe["next_close"] = dataframe["close"].shift(-1)',
      '        return dataframe',
      '',
      '    def populate_entry_trend(self, dataframe, metadata):',
      '        dataframe.loc[dataframe["next_close"] > dataframe["close"], "enter_long"] = 1',
      '        return dataframe',
    ].join('\n'),
    fix:
      'Use only the past: `shift(1)` (yesterday\'s value) or no shift at all for the current bar. If you are building a label, name it as one (`target`, `y`, `future_return`) and keep it out of the feature matrix and the entry/exit conditions; in FreqAI put it in `set_freqai_targets` with a `&-` prefix. There is no automatic fix: flipping the sign changes what the column means.',
  },
  check(context, report) {
    reportLeaks(context, report, 'SL201');
  },
};
