// Issue 18: the deflated Sharpe puts every trial on the tested series' basis (per day for
// freqtrade), counts every hyperopt run, and deflates by the effective number of trials.
import * as assert from 'node:assert/strict';
import { lintPython } from '../../../server/src/engine/lint';
import { initPythonParser } from '../../../server/src/engine/python/parser';
import { loadResultFile } from '../../../server/src/engine/results/load-result';
import { computeResultStatistics } from '../../../server/src/engine/results/statistics';
import type { BacktestSummary } from '../../../server/src/engine/results/summary';
import type { AttachedResults } from '../../../server/src/engine/rules/rule';

const BALANCE = 1000;
type Trade = [close: string, abs: number, ratio: number];

function epoch(n: number, trades: Trade[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    loss: -n,
    params_dict: { buy_rsi: 20 + n },
    results_metrics: {
      strategy_name: 'Swing', starting_balance: BALANCE, total_trades: trades.length,
      backtest_start: '2024-01-01 00:00:00', backtest_end: '2024-01-03 00:00:00',
      trades: trades.map(([close, abs, ratio]) => ({ pair: 'BTC/USDT', close_date: `${close}+00:00`, profit_abs: abs, profit_ratio: ratio })),
      ...extra,
    },
    current_epoch: n,
    is_best: n === 3,
  });
}

// Balance 1000. Daily return = profit of the day / balance at the start of the day.
//   E1: +10 on Jan 1 (10/1000 = 0.01), -10.1 on Jan 2 (-10.1/1010 = -0.01) -> mean 0 -> SR 0
//   E2: +20 on Jan 1 (0.02), 0 on Jan 2 (0)        -> mean 0.01, sd 0.0141421 -> SR 0.707107
//   E3: +10 on Jan 1 (0.01), +20.2 on Jan 2 (20.2/1010 = 0.02) -> mean 0.015, sd 0.00707107 -> SR 2.121320
//   E4: the same trades as E2 (a neighbouring parameter value that changed nothing)
const EPOCHS = [
  epoch(1, [['2024-01-01 10:00:00', 10, 0.01], ['2024-01-02 11:00:00', -10.1, -0.01]]),
  epoch(2, [['2024-01-01 10:00:00', 20, 0.02], ['2024-01-02 11:00:00', 0, 0]]),
  epoch(3, [['2024-01-01 10:00:00', 10, 0.01], ['2024-01-02 11:00:00', 20.2, 0.02]]),
  epoch(4, [['2024-01-01 10:00:00', 20, 0.02], ['2024-01-02 11:00:00', 0, 0]]),
];

function load(file: string, text: string): BacktestSummary[] {
  return loadResultFile(file, Buffer.from(text));
}

function attach(...summaries: BacktestSummary[]): AttachedResults {
  return { summaries, attached: summaries.map((s) => ({ summary: s, reason: 'test', statistics: computeResultStatistics(s, 252), keyRanges: {} })), refused: [] };
}

/** A freqtrade backtest of Swing over the same January (in sample), 10 days (daily_profit) or with trades only. */
function backtest(withDaily: boolean): BacktestSummary {
  const profits = [5, -3, 4, -2, 6, -4, 3, -1, 2, 0];
  const stats: Record<string, unknown> = {
    starting_balance: BALANCE, total_trades: 10, backtest_start: '2024-01-01 00:00:00', backtest_end: '2024-01-10 00:00:00',
    trades: profits.map((p, i) => ({ pair: 'BTC/USDT', close_date: `2024-01-${String(i + 1).padStart(2, '0')} 12:00:00+00:00`, profit_abs: p, profit_ratio: p / 100 })),
  };
  if (withDaily) stats.daily_profit = profits.map((p, i) => [`2024-01-${String(i + 1).padStart(2, '0')}`, p]);
  return load('/ws/user_data/backtest_results/backtest-result-2024-02-11.json', JSON.stringify({ strategy: { Swing: stats }, strategy_comparison: [] }))[0];
}

const STRATEGY = 'from freqtrade.strategy import IStrategy, IntParameter\n\n\nclass Swing(IStrategy):\n    buy_rsi = IntParameter(10, 40, default=22, space="buy")\n';

function dsrFindings(results: AttachedResults): string[] {
  const out = lintPython({ path: '/ws/user_data/strategies/swing.py', text: STRATEGY, results, config: { select: ['deflated-sharpe'] } });
  out.release();
  return out.findings.map((f) => f.message);
}

describe('issue 18: trials on the tested series basis', () => {
  before(() => initPythonParser());

  it('rebuilds each epoch\'s daily returns from its trades and gives per-day Sharpe ratios', () => {
    const [h] = load('/ws/user_data/hyperopt_results/strategy_Swing_2024-01-05_10-00-00.fthypt', EPOCHS.join('\n'));
    assert.equal(h.trials?.sharpeBasis, 'day');
    const expected = [0, 0.7071068, 2.1213203, 0.7071068];
    h.trials!.sharpes!.forEach((v, i) => assert.ok(Math.abs(v - expected[i]) < 1e-6, `epoch ${i + 1}: ${v}`));
    assert.match(h.trials!.sharpeSource!, /per-day Sharpe/);
    // Per trade: E1 ratios [0.01, -0.01] -> 0; E2 [0.02, 0] -> 0.707107; E3 [0.01, 0.02] -> 2.121320.
    assert.equal(h.trials?.alternative?.sharpeBasis, 'trade');
    assert.ok(Math.abs(h.trials!.alternative!.sharpes![2] - 2.1213203) < 1e-6);
  });

  it('estimates the effective number of trials: 4 epochs, 3 distinct series, rho clamped to 0 -> 3', () => {
    // Centred daily series: E1 [0.01,-0.01], E2 = E4 [0.01,-0.01] (same direction), E3 [-0.005,0.005].
    // Distinct: E1, E2, E3 (E4 merged). corr(E1,E2) = 1, corr(E1,E3) = corr(E2,E3) = -1;
    // rho = (1 - 1 - 1)/3 = -1/3 -> clamped to 0 -> N_eff = 0 + 1 * 3 = 3.
    const [h] = load('/ws/strategy_Swing.fthypt', EPOCHS.join('\n'));
    assert.equal(h.trials?.effective?.count, 3);
    assert.match(h.trials!.effective!.method, /3 distinct daily return series among 4 epochs/);
  });

  it('SL604 deflates a daily backtest with the per-day trial variance and says so', () => {
    // Per-day trial Sharpes [0, 0.707107, 2.121320, 0.707107]: mean 0.883883, squared deviations
    // 0.78125 + 0.03125 + 1.53125 + 0.03125 = 2.375, variance 2.375/3 = 0.791667.
    // N = 3 effective: E[max Z] = (1-g)*Phi^-1(2/3) + g*Phi^-1(1 - 1/(3e))
    //   = 0.422784*0.430727 + 0.577216*1.161640 = 0.852617; E[max SR] = sqrt(0.791667)*0.852617 = 0.7586.
    const [h] = load('/ws/user_data/hyperopt_results/strategy_Swing_2024-01-05_10-00-00.fthypt', EPOCHS.join('\n'));
    const [m] = dsrFindings(attach(backtest(true), h));
    assert.ok(m, 'a finding');
    assert.match(m, /after 3 effective trials \(4 run\) \(4 epochs in 1 hyperopt run, about 3 independent\)/);
    assert.match(m, /expected to reach a Sharpe of 0\.759 per day/);
    assert.match(m, /the variance of 4 trials' Sharpe ratios per day/);
  });

  it('a backtest without daily profits is deflated per trade, with the per-trade trial variance', () => {
    const [h] = load('/ws/user_data/hyperopt_results/strategy_Swing_2024-01-05_10-00-00.fthypt', EPOCHS.join('\n'));
    // Per-trade trial Sharpes are the same four values here: variance 0.791667, E[max] 0.759 per trade.
    const [m] = dsrFindings(attach(backtest(false), h));
    assert.match(m, /0\.759 per trade/);
    assert.match(m, /Sharpe ratios per trade \(per-trade Sharpe/);
  });

  it('epochs without trades or daily profits: the null variance, with the true reason (not "carry no Sharpe ratios")', () => {
    const bare = EPOCHS.map((l) => { const e = JSON.parse(l); delete e.results_metrics.trades; return JSON.stringify(e); });
    const [h] = load('/ws/user_data/hyperopt_results/strategy_Swing_2024-01-05_10-00-00.fthypt', bare.join('\n'));
    const [m] = dsrFindings(attach(backtest(true), h));
    assert.doesNotMatch(m, /carry no Sharpe ratios/);
    assert.match(m, /null sampling variance 1\/\(T-1\) per day, as the trials' Sharpe ratios cannot be derived \(not derivable per day: 4 of 4 epochs carry neither daily_profit nor a dated trade list/);
  });

  it('counts the epochs of every hyperopt run of the strategy', () => {
    const [a] = load('/ws/user_data/hyperopt_results/strategy_Swing_2024-01-05_10-00-00.fthypt', EPOCHS.join('\n'));
    const [b] = load('/ws/user_data/hyperopt_results/strategy_Swing_2024-01-06_10-00-00.fthypt', EPOCHS.slice(0, 3).join('\n'));
    // 4 + 3 = 7 epochs in 2 runs; effective 3 + 3 (E1, E2, E3 distinct again) = 6.
    const [m] = dsrFindings(attach(backtest(true), a, b));
    assert.match(m, /after 6 effective trials \(7 run\) \(7 epochs in 2 hyperopt runs, about 6 independent\)/);
  });
});
