import * as assert from 'node:assert/strict';
import { errors, loadFixture, textAt } from './fixtures';

describe('results: freqtrade backtest JSON', () => {
  it('reads the single-strategy sample (StrategyTestV3)', () => {
    const { summaries, text } = loadFixture('freqtrade/backtest_results/backtest-result.json');
    assert.equal(summaries.length, 1);
    const s = summaries[0];
    assert.equal(s.format, 'freqtrade-backtest');
    assert.equal(s.strategy, 'StrategyTestV3');
    assert.equal(s.strategies, undefined);
    assert.equal(s.tradeCount, 179);
    assert.equal(s.tradeReturns?.length, 179);
    assert.equal(s.tradeProfits?.length, 179);
    // First trade to close: TRX/BTC closed 2018-01-10 07:20 with profit_ratio 0.03990025.
    assert.equal(s.tradeReturns?.[0], 0.03990025);
    assert.deepEqual(s.period, { start: '2018-01-10T07:15:00Z', end: '2018-01-30T04:45:00Z' });
    assert.equal(s.profitFactor, 2.4223288739520954);
    assert.equal(s.totalReturn, 0.10419029856968845);
    assert.equal(s.maxDrawdown, 0.018740312808228732); // max_drawdown_account, not the old sum
    assert.equal(s.winRate, 48 / 179); // wins / total_trades (no winrate key in this sample)
    assert.equal(s.reportedSharpe, undefined); // the sample has no sharpe key
    assert.deepEqual(errors(s), []);
  });

  it('turns daily_profit into returns over the running balance', () => {
    const s = loadFixture('freqtrade/backtest_results/backtest-result.json').summaries[0];
    assert.equal(s.periodsPerYear, 365);
    assert.equal(s.periodReturns?.length, 21);
    // starting_balance 0.01; day 1 profit 0.000245614; day 2 profit 0.0001055138.
    assert.ok(Math.abs(s.periodReturns![0] - 0.000245614 / 0.01) < 1e-15);
    assert.ok(Math.abs(s.periodReturns![1] - 0.0001055138 / (0.01 + 0.000245614)) < 1e-15);
    assert.ok(s.periodReturns!.every(Number.isFinite));
  });

  it('places locations on the keys', () => {
    const { summaries, text } = loadFixture('freqtrade/backtest_results/backtest-result.json');
    const loc = summaries[0].locations;
    assert.equal(textAt(text, loc.strategy), '"StrategyTestV3"');
    assert.equal(textAt(text, loc.trades), '"trades"');
    assert.equal(textAt(text, loc.max_drawdown), '"max_drawdown_account"');
    assert.equal(textAt(text, loc.profit_factor), '"profit_factor"');
    assert.equal(textAt(text, loc.timerange), '"timerange"');
    assert.equal(textAt(text, loc.backtest_start), '"backtest_start"');
  });

  it('gives one summary per strategy in the multi-strategy sample', () => {
    const { summaries, text } = loadFixture('freqtrade/backtest_results/backtest-result_multistrat.json');
    assert.deepEqual(summaries.map((s) => s.strategy), ['StrategyTestV2', 'TestStrategy']);
    for (const s of summaries) {
      assert.deepEqual(s.strategies, ['StrategyTestV2', 'TestStrategy']);
      assert.equal(s.tradeCount, 179);
      assert.equal(s.maxDrawdown, 0.08674033488183289);
      assert.equal(s.totalReturn, 2.6085499493733857);
      assert.equal(s.periodReturns?.length, 21);
      assert.equal(textAt(text, s.locations.strategy), JSON.stringify(s.strategy));
    }
    // The sample's TestStrategy section says strategy_name "StrategyTestV2": reported, key wins.
    assert.ok(summaries[1].problems.some((p) => p.severity === 'info' && /strategy_name/.test(p.message)));
    // Each summary's locations point into its own section.
    assert.ok(summaries[1].locations.trades!.offset > summaries[0].locations.trades!.offset);
  });
});
