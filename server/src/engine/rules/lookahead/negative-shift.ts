import { reportLeaks } from './leak-report';
import { argument, isNegated, rangeOf } from '../../facts/lookahead';
import { stringValue } from '../../facts/python-values';
import type { SyntaxNode } from '../../python/parser';
import type { CallSite } from '../../python/syntax-index';
import type { Rule } from '../rule';
import { assignedNames, findLabelUse, isLabelContext } from './label-use';

/** The offset argument of a call that moves values in time, when the call is one. */
function offsetArgument(call: CallSite): SyntaxNode | undefined {
  if (!call.receiver && call.name !== 'roll') return undefined;
  switch (call.name) {
    case 'shift':
      return argument(call, 0, 'periods') ?? splattedPeriods(call);
    case 'diff':
    case 'pct_change':
      // `close.pct_change(-5)` is the return over the *next* five bars.
      return argument(call, 0, 'periods');
    case 'roll':
      // numpy.roll(a, shift): a negative shift pulls later elements back (and wraps the end round).
      return /^(numpy|np)\.roll$/.test(call.qualifiedCallee ?? '') || call.callee === 'np.roll' ? argument(call, 1, 'shift') : undefined;
    default:
      return undefined;
  }
}

/** `shift(**{"periods": -1})`. */
function splattedPeriods(call: CallSite): SyntaxNode | undefined {
  for (const arg of call.node.childForFieldName('arguments')?.namedChildren ?? []) {
    if (arg?.type !== 'dictionary_splat') continue;
    for (const pair of arg.namedChild(0)?.namedChildren ?? []) {
      if (pair?.type === 'pair' && stringValue(pair.childForFieldName('key')) === 'periods') return pair.childForFieldName('value') ?? undefined;
    }
  }
  return undefined;
}

export const lookaheadNegativeShift: Rule = {
  name: 'lookahead-negative-shift',
  code: 'SL201',
  family: 'lookahead',
  defaultSeverity: 'error',
  summary: 'A negative shift (`shift(-n)`, `pct_change(-n)`, `np.roll(x, -n)`) pulls future values into the current row.',
  glossary: ['lookahead-bias', 'data-windowing'],
  docs: {
    what:
      'Flags `.shift(-n)` (also `periods=-n` and `**{"periods": -n}`), `.diff(-n)`, `.pct_change(-n)` and `np.roll(x, -n)`: each moves the value of row t+n into row t. The offset may be a literal or a negated name (`shift(-horizon)`). A negative shift stored under a label name (`y`, `target`, `label`, `future_return`, `fwd_ret`, FreqAI `&-` columns, or anything built in `set_freqai_targets`) is what supervised learning needs and is not reported, unless that label is later traded on: read in `populate_entry_trend`/`populate_exit_trend`, in an `if` condition, in `entries`/`exits`/`signal` assignments, or selected among feature columns. Then the shift is reported with the place it leaks into.',
    why:
      'In a vectorised backtest every row is computed at once, so row t can see row t+1 if you ask it to. A signal built from `close.shift(-1)` knows the next bar\'s close and looks brilliant in backtests; live, that column is NaN (or stale) on the bar where the decision is made. freqtrade documents negative shifts as the canonical source of lookahead bias and ships `lookahead-analysis` to catch it at run time; vectorbt parameter sweeps are especially prone to it because `entries = returns.shift(-1) > 0` simply selects the profitable bars. Labels for a model are the one legitimate use: the target is meant to be the future, and it must only ever be compared with predictions, never fed to the model or the signal.',
    example: [
      'def populate_indicators(self, dataframe, metadata):',
      '    dataframe["next_close"] = dataframe["close"].shift(-1)',
      '    return dataframe',
      '',
      'def populate_entry_trend(self, dataframe, metadata):',
      '    dataframe.loc[dataframe["next_close"] > dataframe["close"], "enter_long"] = 1',
      '    return dataframe',
    ].join('\n'),
    fix:
      'Use only the past: `shift(1)` (yesterday\'s value) or no shift at all for the current bar. If you are building a label, name it as one (`target`, `y`, `future_return`) and keep it out of the feature matrix and the entry/exit conditions; in FreqAI put it in `set_freqai_targets` with a `&-` prefix. There is no automatic fix: flipping the sign changes what the column means.',
  },
  check(context, report) {
    reportLeaks(context, report, 'SL201');
  },
};
