import { nodeRange } from '../../python/node-range';
import { reportLeaks } from '../helpers/leak-report';
import type { Rule } from '../rule';
import type { SyntaxNode } from '../../python/parser';

export const lookaheadSameBarReturn: Rule = {
  name: 'lookahead-same-bar-return',
  code: 'SL218',
  family: 'lookahead',
  defaultSeverity: 'error',
  summary: "A vectorised backtest multiplies a position by the return of the same bar the position was decided on (`signal * close.pct_change()` without `.shift(1)`).",
  glossary: ['lookahead-bias'],
  fixSafety: 'unsafe',
  docs: {
    what:
      'Follows return series (`pct_change()`, `diff()`, `close / close.shift(1) - 1`, their logs) and positions built from prices through the file, and reports a product of the two when the position reads the bar on which the return ends. `position.shift(1) * returns` and `position * returns.shift(-1)` are the correct forms and are not reported.',
    why:
      "The return on row t is the move from t-1 to t. A position computed from the close of t cannot have been held during that move: it is decided at t's close. Multiplying the two credits the strategy with the move that produced its own signal, the classic one-bar lookahead of vectorised backtests, and it turns almost any momentum rule into a high Sharpe ratio.",
    example: [
      'import numpy as np',
      'import pandas as pd',
      '',
      'df = pd.read_csv("spy_daily.csv", index_col="date", parse_dates=True)',
      'df["ret"] = df["close"].pct_change()',
      'df["position"] = np.where(df["close"] > df["close"].rolling(50).mean(), 1, 0)',
      'df["strategy"] = df["position"] * df["ret"]',
      'print((1 + df["strategy"]).prod())',
    ].join('\n'),
    fix: 'Hold yesterday\'s decision: `df["position"].shift(1) * df["ret"]`. The quick fix adds the `.shift(1)`; it is unsafe because the equity curve changes.',
  },
  check(context, report) {
    reportLeaks(context, report, 'SL218', {
      fix: (leak) => {
        const position = leak.sink.node as SyntaxNode;
        const simple = /^[\w.]+(\[[^\]]+\])?$/.test(position.text);
        const text = simple ? `${position.text}.shift(1)` : `(${position.text}).shift(1)`;
        return {
          title: 'Trade on the previous bar\'s position (.shift(1))',
          edits: [{ range: nodeRange(position), newText: text }],
        };
      },
    });
  },
};
