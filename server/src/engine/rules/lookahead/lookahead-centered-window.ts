import { reportLeaks } from '../helpers/leak-report';
import { nodeRange } from '../../python/node-range';
import type { Rule } from '../rule';

export const lookaheadCenteredWindow: Rule = {
  name: 'lookahead-centered-window',
  code: 'SL202',
  family: 'lookahead',
  defaultSeverity: 'error',
  summary: 'A centred rolling window (`rolling(..., center=True)`) averages in later bars, and the result reaches a trade or a model feature.',
  glossary: ['lookahead-bias', 'data-windowing'],
  fixSafety: 'unsafe',
  docs: {
    what:
      'Reports `rolling(w, center=True)` windows: the window is centred on each row, so it reads `w // 2` rows after it. Like every dataflow lookahead rule, it follows the value through assignments, columns (`df["x"]`, `df.loc[cond, "x"]`, `assign`, `merge`, `rename`), lists of conditions and the file\'s helper functions, and reports the source only when the value reaches a decision: a freqtrade entry/exit column, a FreqAI `%` feature, a column or name holding signals or positions, the features of `fit`/`predict`, a vectorbt `from_signals` entry or exit, an order, or what a decision callback returns. A value used only as a label `y`, in a plot, a log line, live-only code or nowhere is not reported; a later positive `shift(k)` that covers the lead compensates it. Error when the whole path is seen; warning when it passes through code the analysis cannot follow or sits in a function nothing in the file calls.',
    why:
      'A centred window of length w at row t covers t-w/2 ... t+w/2: half of it is the future. Indicators built this way are smoother and turn exactly at the extremes, so crossovers fire at tops and bottoms in the backtest and lag by w/2 bars live. Zero-phase filters remove lag precisely by running the filter backwards over later data (SciPy documents `filtfilt` as a forward-backward filter).',
    example: ['df["sma"] = df["close"].rolling(20, center=True).mean()', 'entries = df["close"] > df["sma"]'].join('\n'),
    fix:
      'Use a trailing window: `rolling(20).mean()` (`center=False` is the default). For smoothing, use a causal filter (`scipy.signal.lfilter`, an EMA via `ewm(span=...)`) and accept its lag. The automatic fix rewrites `center=True` to `center=False`; it is unsafe because indicator values (and thresholds tuned on them) change.',
  },
  check(context, report) {
    reportLeaks(context, report, 'SL202', {
      fix: (leak) => {
        const center = context.index.callsById.get(leak.source.node.id)?.keywords.get('center');
        return center ? { title: 'Use a trailing window (center=False)', edits: [{ range: nodeRange(center), newText: 'False' }] } : undefined;
      },
    });
  },
};
