import { reportLeaks } from '../helpers/leak-report';
import type { Rule } from '../rule';

export const lookaheadForwardIndex: Rule = {
  name: 'lookahead-forward-index',
  code: 'SL208',
  family: 'lookahead',
  defaultSeverity: 'error',
  summary: 'Index arithmetic in a bar loop (`df.iloc[i + 1]`, `closes[i + 5]`, `max(x[i:])`) reads rows after the current bar, and the value decides.',
  glossary: ['lookahead-bias', 'data-windowing'],
  docs: {
    what:
      'Reports `x[i + k]`, `x.iloc[i + k]`, `x[i:]` and `x[i:i + k]` (k > 1) where `i` walks the rows (`for i in range(len(df))`, `iterrows`, `enumerate`) and `x` is full-history data. Parameter lists, windows handed to `rolling(...).apply`, and writes (`out[i + 1] = v`) are not reads of the future. Like every dataflow lookahead rule, it follows the value through assignments, columns (`df["x"]`, `df.loc[cond, "x"]`, `assign`, `merge`, `rename`), lists of conditions and the file\'s helper functions, and reports the source only when the value reaches a decision: a freqtrade entry/exit column, a FreqAI `%` feature, a column or name holding signals or positions, the features of `fit`/`predict`, a vectorbt `from_signals` entry or exit, an order, or what a decision callback returns. A value used only as a label `y`, in a plot, a log line, live-only code or nowhere is not reported; a later positive `shift(k)` that covers the lead compensates it. Error when the whole path is seen; warning when it passes through code the analysis cannot follow or sits in a function nothing in the file calls.',
    why:
      'Hand-written backtest loops and event callbacks receive the whole array and an index; nothing stops them from reading beyond it. `closes[i + 1] > closes[i]` is a perfect predictor in the backtest and impossible live. Open-ended slices are the quieter version: `history[i:]` hands every future bar to whatever consumes it (a max, a fit, a signal).',
    example: [
      'import numpy as np',
      'import pandas as pd',
      '',
      'closes = pd.read_csv("spy.csv")["close"].to_numpy()',
      'position = np.zeros(len(closes))',
      'for i in range(len(closes) - 1):',
      '    if closes[i + 1] > closes[i]:',
      '        position[i] = 1',
    ].join('\n'),
    fix:
      'Index only the current bar and the past: `closes[i]`, `closes[i - 1]`, `closes[i - 20:i + 1]`. If the forward value is a label for a model, store it under a label name and keep it out of the decision. No automatic fix.',
  },
  check(context, report) {
    reportLeaks(context, report, 'SL208');
  },
};
