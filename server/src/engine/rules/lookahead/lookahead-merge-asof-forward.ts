import { reportLeaks } from '../helpers/leak-report';
import { replaceStringContent } from '../../facts/lookahead';
import type { Rule } from '../rule';

export const lookaheadMergeAsofForward: Rule = {
  name: 'lookahead-merge-asof-forward',
  code: 'SL209',
  family: 'lookahead',
  defaultSeverity: 'error',
  summary: '`merge_asof(..., direction="forward")` (or `"nearest"`) attaches a later record to rows that reach a trade or a feature.',
  glossary: ['lookahead-bias'],
  fixSafety: 'unsafe',
  docs: {
    what:
      'Reports `pd.merge_asof(..., direction="forward")` or `"nearest"`: each row is matched with a later record. The default, `"backward"`, is not reported. Like every dataflow lookahead rule, it follows the value through assignments, columns (`df["x"]`, `df.loc[cond, "x"]`, `assign`, `merge`, `rename`), lists of conditions and the file\'s helper functions, and reports the source only when the value reaches a decision: a freqtrade entry/exit column, a FreqAI `%` feature, a column or name holding signals or positions, the features of `fit`/`predict`, a vectorbt `from_signals` entry or exit, an order, or what a decision callback returns. A value used only as a label `y`, in a plot, a log line, live-only code or nowhere is not reported; a later positive `shift(k)` that covers the lead compensates it. Error when the whole path is seen; warning when it passes through code the analysis cannot follow or sits in a function nothing in the file calls.',
    why:
      '`direction="forward"` joins each bar with the first record *after* it: the next quote, the next earnings release, the next funding rate. `"nearest"` does the same whenever the later record happens to be closer, which on regular data is about half of the time. Either way the row carries information published after its timestamp. (There are legitimate uses, for example modelling a fill at the next available quote, which is why this is a warning.)',
    example: [
      'import pandas as pd',
      '',
      'bars = pd.read_csv("aapl_1d.csv", parse_dates=["timestamp"])',
      'earnings = pd.read_csv("aapl_earnings.csv", parse_dates=["timestamp"])',
      'merged = pd.merge_asof(bars, earnings, on="timestamp", direction="forward")',
      'merged["signal"] = merged["eps_surprise"] > 0',
    ].join('\n'),
    fix:
      'Use `direction="backward"` (the default), and if records are published with a delay, shift their timestamps to the publication time first or use `allow_exact_matches=False`. The automatic fix sets `direction="backward"`; it is unsafe because which record each row receives changes.',
  },
  check(context, report) {
    reportLeaks(context, report, 'SL209', {
      fix: (leak) => {
        const direction = context.index.callsById.get(leak.source.node.id)?.keywords.get('direction');
        return direction ? { title: 'Match backward in time (direction="backward")', edits: [replaceStringContent(direction, 'backward')] } : undefined;
      },
    });
  },
};
