import type { CostSetting } from '../../facts/types';
import { replaceNode } from '../helpers/edits';
import type { Rule } from '../rule';

function formatRate(value: number): string {
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

export const zeroTradingCosts: Rule = {
  name: 'zero-trading-costs',
  code: 'SL501',
  family: 'costs',
  defaultSeverity: 'warning',
  summary: 'Commission, fees or slippage explicitly set to zero.',
  glossary: ['trading-costs', 'slippage', 'fee-model-evolution', 'asset-transfer-cost-model', 'sharpe-ratio'],
  fixSafety: 'unsafe',
  options: {
    'realistic-fee': { default: 0.001, description: 'Fee rate (fraction of traded value) the fix puts in place of a zero commission or fee.' },
    'realistic-slippage': { default: 0.0005, description: 'Slippage rate (fraction of price) the fix puts in place of zero slippage.' },
  },
  docs: {
    what:
      'Reports trading costs set to zero in code: backtrader `broker.setcommission(commission=0.0)` and `set_slippage_perc(0)`, vectorbt `Portfolio.from_signals(..., fees=0, slippage=0)`, backtesting.py `Backtest(..., commission=0)` and `spread=0`, QuantConnect LEAN `ConstantFeeModel(0)` and `ConstantSlippageModel(0)`, and `fee`/`fees`/`commission`/`slippage` entries of zero in configuration dicts (`config["fee"] = 0.0` for a programmatic freqtrade backtest, Jesse research `config`), and Pine `strategy(..., commission_value=0, slippage=0)`. A zero next to a non-zero cost in the same call (for example `fixed_fees=0` with `fees=0.001`) is fine and not reported.',
    why:
      'Costs are paid on every trade, so they scale with turnover: a strategy that trades daily with a 0.1% fee and 0.05% slippage gives up more than 35% a year. Many published edges disappear after realistic costs (Novy-Marx and Velikov, "A Taxonomy of Anomalies and Their Trading Costs", Review of Financial Studies, 2016), and optimising without costs actively selects high-turnover parameter sets whose profits are the costs you left out.',
    example: ['cerebro.broker.setcommission(commission=0.0)', 'pf = vbt.Portfolio.from_signals(close, entries, exits, fees=0, slippage=0)'].join('\n'),
    fix:
      'Use your venue\'s real fee schedule (taker fees for market orders) plus slippage appropriate to your size and the instrument\'s liquidity; when unsure, err high - a strategy that only works with zero costs does not work. The unsafe fix puts `realistic-fee` (default 0.1%) in place of zero rates and `realistic-slippage` (default 0.05%) in place of zero slippage; `ConstantFeeModel` takes a currency amount and gets no automatic fix.',
  },
  check(context, report) {
    const costs = context.facts.costs?.settings ?? [];
    // Calls that also set a non-zero cost of the same kind (fees=0.001, fixed_fees=0) are fine.
    const paid = new Set<string>();
    for (const c of costs) if (c.value !== undefined && c.value !== 0) paid.add(`${c.node.id}\0${c.kind}`);
    const fee = context.option('realistic-fee');
    const slippage = context.option('realistic-slippage');
    for (const c of costs) {
      if (c.value !== 0 || paid.has(`${c.node.id}\0${c.kind}`)) continue;
      report({ node: c.valueNode, message: message(c), fix: fix(c, c.kind === 'slippage' ? slippage : fee) });
    }
  },
};

function message(c: CostSetting): string {
  const what = c.kind === 'slippage' ? 'Slippage' : 'Commission';
  const consequence =
    c.kind === 'slippage'
      ? 'every fill happens at exactly the signal price, which no market order gets'
      : 'every trade is free, so the backtest rewards turnover that real fees would eat';
  return `${what} is set to zero (${c.label}): ${consequence}. Model realistic ${c.kind === 'slippage' ? 'slippage' : 'fees'} before trusting or optimising the result.`;
}

function fix(c: CostSetting, rate: number) {
  if (!c.isRate || !(rate > 0)) return undefined;
  // Pine writes the rate as a percentage (0.1 for 0.1%).
  const text = formatRate(Number((rate * (c.rateScale ?? 1)).toPrecision(12)));
  return { title: `Use ${c.kind === 'slippage' ? 'slippage' : 'a fee'} of ${text}`, edits: [replaceNode(c.valueNode, text)] };
}
