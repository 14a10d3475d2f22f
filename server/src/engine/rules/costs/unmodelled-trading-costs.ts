import { calleeNode, insertAt } from '../helpers/edits';
import type { Rule } from '../rule';

export const unmodelledTradingCosts: Rule = {
  name: 'unmodelled-trading-costs',
  code: 'SL502',
  family: 'costs',
  defaultSeverity: 'warning',
  summary: 'A backtest runs with its fees left at a default of zero.',
  glossary: ['trading-costs', 'slippage', 'fee-model-evolution'],
  fixSafety: 'unsafe',
  options: {
    'realistic-fee': { default: 0.001, description: 'Fee rate (fraction of traded value) the fix adds.' },
  },
  docs: {
    what:
      'Reports backtests whose engine charges nothing unless told to, when the code never tells it: vectorbt `Portfolio.from_signals`/`from_orders` without `fees` or `fixed_fees` (and no `vbt.settings.portfolio["fees"]`), backtesting.py `Backtest(...)` without `commission`, backtrader `cerebro.run()` in a file that never calls `setcommission`/`addcommissioninfo`, and TradingView Pine `strategy()` declarations without `commission_value` (the fix adds a percentage commission, the unit Pine uses). Calls that pass `**kwargs` are skipped, since the costs may be inside.',
    why:
      'The defaults of these engines are zero costs, so a backtest that never mentions costs silently assumes free trading - the same error as writing `fees=0`, only harder to see in review. See `zero-trading-costs` for why that inflates results, most of all for high-turnover strategies and for parameter searches, which drift toward whatever trades most.',
    example: ['cerebro = bt.Cerebro()', 'cerebro.adddata(data)', 'cerebro.addstrategy(SmaCross)', 'cerebro.run()   # commission defaults to 0'].join('\n'),
    fix:
      'Pass costs explicitly: `fees=0.001` (and `slippage=`) to vectorbt, `commission=0.001` to backtesting.py, `cerebro.broker.setcommission(commission=0.001)` before `cerebro.run()`. The unsafe fix adds these with the `realistic-fee` rate; replace it with your venue\'s actual fees.',
  },
  check(context, report) {
    const fee = context.option('realistic-fee');
    for (const u of context.facts.costs?.unset ?? []) {
      // Pine writes the rate as a percentage (0.1 for 0.1%).
      const scaled = Number((fee * (u.rateScale ?? 1)).toPrecision(12));
      const rate = /[.e]/.test(String(scaled)) ? String(scaled) : `${scaled}.0`;
      const edit = u.insert && fee > 0 ? insertAt(u.insert.at.row, u.insert.at.column, `${u.insert.before}${rate}${u.insert.after}`) : undefined;
      report({
        node: calleeNode(u.node),
        message: `${u.label}: ${u.source} charges no fees unless told to, so this backtest trades for free. Set a realistic commission explicitly.`,
        fix: edit ? { title: `Add a ${rate}${u.rateScale === 100 ? '%' : ''} fee`, edits: [edit] } : undefined,
      });
    }
  },
};
