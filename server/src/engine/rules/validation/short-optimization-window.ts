import type { CodeDate } from '../../facts/types';
import type { Rule } from '../rule';

function iso(d: CodeDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

function days(d: CodeDate): number {
  return Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;
}

function describeSpan(n: number): string {
  if (n < 62) return `${Math.round(n)} days`;
  const months = Math.round(n / 30.44);
  return months < 24 ? `about ${months} months` : `about ${(n / 365.25).toFixed(1)} years`;
}

export const shortOptimizationWindow: Rule = {
  name: 'short-optimization-window',
  code: 'SL304',
  family: 'validation',
  defaultSeverity: 'warning',
  summary: 'Parameters are optimised over a backtest period too short to contain more than one market regime.',
  glossary: ['regime-change', 'sample-size', 'walk-forward-analysis', 'overfitting-prevention'],
  options: {
    'min-years': { default: 1, description: 'Shortest backtest period (in years) over which tuned parameters are accepted.' },
  },
  docs: {
    what:
      'Reads the backtest period where the code spells it out - QuantConnect LEAN `set_start_date(...)`/`set_end_date(...)` (or `SetStartDate`/`SetEndDate`, with numbers or `datetime(...)`), and backtrader data feeds with literal `fromdate=`/`todate=` - and reports it when it is shorter than `min-years` while the strategy has optimised parameters: LEAN `get_parameter` values, or a `cerebro.optstrategy` grid in the same file. Algorithms without tuned parameters, and periods that are computed rather than written down, are left alone.',
    why:
      'Markets alternate between regimes - trends and ranges, calm and turbulent volatility, rising and falling rates - and a parameter set tuned inside one regime learns that regime, not the market. A few months of history usually holds one regime and too few independent trades to separate skill from luck, so the optimum is mostly noise; when conditions change the strategy fails exactly where its parameters were most specific (Pardo, The Evaluation and Optimization of Trading Strategies, 2008, on the size and representativeness of the optimisation window; Bailey and López de Prado, "The Deflated Sharpe Ratio", 2014, on track-record length).',
    example: [
      'class RecentMomentum(QCAlgorithm):',
      '    def initialize(self):',
      '        self.set_start_date(2024, 1, 1)',
      '        self.set_end_date(2024, 5, 31)',
      '        self.lookback = self.get_parameter("lookback", 63)',
      '        self.top_n = self.get_parameter("top_n", 2)',
    ].join('\n'),
    fix:
      'Optimise over several years that include different conditions (a bull and a bear market, high and low volatility), keep a later period out of the optimisation to test on, and prefer walk-forward optimisation, which re-tunes on rolling windows and reports only out-of-sample results.',
  },
  check(context, report) {
    const minDays = context.option('min-years') * 365.25;
    const params = context.facts.parameters;
    for (const w of context.facts.backtestWindows ?? []) {
      const span = days(w.end) - days(w.start);
      if (!(span > 0) || span >= minDays) continue;
      const tuned =
        w.framework === 'lean'
          ? // Only what an optimiser can vary (get_parameter): a number typed into a condition says
            // nothing about an optimisation over this window (regression and demo algorithms).
            params.filter((p) => p.framework === 'lean' && p.className === w.className && p.optimized && p.kind !== 'hidden')
          : params.filter((p) => p.framework === 'backtrader' && p.kind === 'grid');
      if (tuned.length === 0) continue;
      const names = [...new Set(tuned.map((p) => p.name))];
      const owner = w.className ? `${w.className} optimises` : 'The optstrategy grid optimises';
      report({
        node: w.start.node,
        message: `${owner} ${names.length} parameter${names.length > 1 ? 's' : ''} (${names.slice(0, 6).join(', ')}${names.length > 6 ? ', ...' : ''}) over ${iso(w.start)} to ${iso(w.end)}, ${describeSpan(span)}: too short to hold more than one market regime. Optimise over several years and keep a later period out of sample.`,
      });
    }
  },
};
