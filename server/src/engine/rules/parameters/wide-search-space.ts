import { formatCount } from '../helpers/edits';
import type { Rule } from '../rule';
import { optimisedSettingSpaces } from '../helpers/optimised-spaces';
import { searchSpaces, trialsRun } from '../helpers/search-space';

export { searchSpaceSize, searchSpaces } from '../helpers/search-space';

/** `; max_tries=200 runs 200 of them`, when the optimiser runs fewer than the space holds. */
function ranOnly(s: ReturnType<typeof searchSpaces>[number]): string {
  if (!s.trials) return '';
  const n = trialsRun(s);
  return n < s.combinations ? `; ${s.trials.label} leaves ${s.trials.fraction !== undefined ? 'about ' : ''}${formatCount(n)} run${n === 1 ? '' : 's'}` : '';
}

export const wideSearchSpace: Rule = {
  name: 'wide-search-space',
  code: 'SL103',
  family: 'parameters',
  defaultSeverity: 'info',
  summary: 'Reports how many parameter combinations an optimisation spans: each one tried is a trial to deflate the Sharpe ratio for.',
  glossary: ['hyperparameter-optimization', 'multiple-testing', 'trial-count', 'deflated-sharpe-ratio', 'probability-of-backtest-overfitting'],
  options: {
    'min-combinations': { default: 100, description: 'Smallest search space worth reporting.' },
    'warn-combinations': { default: 100000, description: 'Search spaces at least this large are reported as warnings whatever the configured severity; 0 never escalates.' },
  },
  docs: {
    what:
      'Multiplies the number of values every optimised parameter can take - scikit-learn `GridSearchCV` grids (and `RandomizedSearchCV` `n_iter`), freqtrade `IntParameter`/`DecimalParameter`/`CategoricalParameter`/`BooleanParameter` ranges, Jesse `hyperparameters()` min/max/step, backtrader `cerebro.optstrategy(...)` grids, backtesting.py `bt.optimize(n1=range(...), ...)` (less what a `constraint=lambda p: p.n1 < p.n2` of simple comparisons excludes, and capped by `max_tries` or sambo\'s 200 runs), vectorbt `run(..., param_product=True)`, `run_combs` and `vbt.Param` sweeps, Pine inputs with `options=[...]`, booleans, and `minval`/`maxval` with an explicit `step` - and reports the size of the search space of each strategy or sweep. Spaces of at least `min-combinations` are reported as information; spaces of at least `warn-combinations` as warnings. Continuous parameters (`RealParameter`, Jesse floats without `step`) make the space unbounded and are listed separately.',
    why:
      'The best of many backtests is biased upwards: with enough combinations, one will look excellent by luck alone. The expected maximum Sharpe ratio of N unskilled trials grows like the square root of 2 ln N, which is why the deflated Sharpe ratio (Bailey and López de Prado, 2014) and the probability of backtest overfitting (Bailey, Borwein, López de Prado and Zhu, 2017) need the number of trials. An optimiser that samples (freqtrade hyperopt epochs, optuna trials) tries fewer combinations than the space holds, but the space bounds how much selection it can do, and a vast space with a short history is an overfitting machine.',
    example: [
      'cerebro.optstrategy(',
      '    SmaCross,',
      '    fast=range(5, 30),        # 25 values',
      '    slow=range(20, 120, 5),   # 20 values',
      '    atr_stop=[1.5, 2.0, 2.5, 3.0],  # 4 values -> 2,000 backtests',
      ')',
    ].join('\n'),
    fix:
      'Shrink the space: freeze parameters that matter little (`optimize=False`), coarsen steps (every 5 periods rather than every one), and optimise fewer spaces at a time. Then account for the trials you did run: report the deflated Sharpe ratio with N equal to the number of combinations evaluated, and confirm the choice on data the search never saw.',
  },
  check(context, report) {
    const minimum = context.option('min-combinations');
    const warn = context.option('warn-combinations');
    for (const s of searchSpaces(context.facts)) {
      if (s.combinations < minimum && s.continuous.length === 0) continue;
      if (s.finite.length + s.continuous.length < 2 && s.combinations < minimum) continue;
      const parts = s.finite.map((f) => `${f.parameter.name} ${formatCount(f.choices)}`);
      const owner = s.className ? `${s.className}'s search space` : `This \`${s.node.text.split('\n')[0].slice(0, 40)}\` sweep`;
      const sklearn = s.finite.length > 0 && s.finite.every((f) => f.parameter.framework === 'sklearn');
      const advice = sklearn
        ? 'Each candidate is a trial: the best cross-validated score is biased upwards by the selection, so confirm it on data the search never saw (nested, time-ordered validation).'
        : 'Each combination tried is a trial: deflate the best Sharpe ratio for the number of trials run, and validate the winner out of sample.';
      const size = formatCount(s.combinations);
      const continuous = s.continuous.length ? ` plus ${s.continuous.length} continuous parameter${s.continuous.length > 1 ? 's' : ''} (${s.continuous.map((p) => p.name).join(', ')})` : '';
      const spaces = s.className ? optimisedSettingSpaces(context, s.className) : new Map<string, number>();
      const settings = spaces.size ? `, plus the ${[...spaces.keys()].join(', ')} space${spaces.size > 1 ? 's' : ''} the hyperopt result shows optimised (${[...spaces.values()].reduce((a, b) => a + b, 0)} more dimensions)` : '';
      const product = parts.length > 1 ? ` (${parts.slice(0, 8).join(' × ')}${parts.length > 8 ? ' × ...' : ''})` : parts.length === 1 ? ` (${parts[0]})` : '';
      report({
        node: s.node,
        // What selection bias grows with is the trials run, not the combinations left untried.
        severity: warn > 0 && trialsRun(s) >= warn ? 'warning' : undefined,
        message: `${owner} spans ${size} combination${s.combinations === 1 ? '' : 's'}${product}${continuous}${settings}${ranOnly(s)}. ${advice}`,
      });
    }
  },
};
