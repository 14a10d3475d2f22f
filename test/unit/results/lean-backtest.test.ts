import * as assert from 'node:assert/strict';
import { loadResultFile } from '../../../server/src/engine/results/load-result';
import { errors, loadFixture, textAt } from './fixtures';

describe('results: QuantConnect LEAN backtest', () => {
  it('reads the camelCase shape: statistics strings, totalPerformance, configuration', () => {
    const { summaries } = loadFixture('lean-camel/1234567890.json');
    assert.equal(summaries.length, 1);
    const s = summaries[0];
    assert.equal(s.format, 'lean-backtest');
    assert.equal(s.strategy, 'SmaCrossAlgorithm');
    assert.deepEqual(s.parameters, { 'fast-period': '10', 'slow-period': '50', 'stop-loss': '0.02' });
    assert.deepEqual(s.period, { start: '2023-01-02T00:00:00Z', end: '2023-01-13T00:00:00Z' });
    assert.equal(s.tradeCount, 3); // totalNumberOfTrades, not "Total Orders": "6"
    assert.deepEqual(s.tradeProfits, [724, -527, 1123]); // profitLoss net of totalFees
    assert.equal(s.winRate, 0.6667);
    assert.equal(s.profitFactor, 3.5257);
    assert.equal(s.maxDrawdown, 0.0074);
    assert.equal(s.totalReturn, 0.049508);
    assert.equal(s.reportedSharpe, 8.213); // "Sharpe Ratio": "8.213"
    assert.deepEqual(errors(s), []);
  });

  it('derives the out-of-sample holdout from outOfSampleMaxEndDate/outOfSampleDays', () => {
    const { summaries, text } = loadFixture('lean-camel/1234567890.json');
    const s = summaries[0];
    assert.deepEqual(s.outOfSample, { start: '2023-01-14', end: '2023-04-13' });
    assert.deepEqual(s.inSample, { start: '2023-01-02T00:00:00Z', end: '2023-01-13T00:00:00Z' });
    assert.equal(textAt(text, s.locations.out_of_sample), '"outOfSampleMaxEndDate"');
  });

  it('computes daily returns from the Strategy Equity candles', () => {
    const s = loadFixture('lean-camel/1234567890.json').summaries[0];
    assert.equal(s.periodReturns?.length, 9); // 10 weekday closes
    assert.ok(Math.abs(s.periodReturns![0] - (100850.25 / 100000 - 1)) < 1e-12);
    assert.ok(Math.abs(s.periodReturns![8] - (104950.75 / 103480.2 - 1)) < 1e-12);
    assert.equal(s.periodsPerYear, 252); // no weekend points
  });

  it('places locations on the statistics and configuration keys', () => {
    const { summaries, text } = loadFixture('lean-camel/1234567890.json');
    const loc = summaries[0].locations;
    assert.equal(textAt(text, loc.sharpe), '"Sharpe Ratio"');
    assert.equal(textAt(text, loc.max_drawdown), '"Drawdown"');
    assert.equal(textAt(text, loc.winrate), '"Win Rate"');
    assert.equal(textAt(text, loc.profit_factor), '"profitFactor"');
    assert.equal(textAt(text, loc.trades), '"closedTrades"');
    assert.equal(textAt(text, loc.parameters), '"parameters"');
    assert.equal(textAt(text, loc.strategy), '"name"');
    assert.equal(textAt(text, loc.backtest_start), '"startDate"');
  });

  it('reads the older PascalCase sample (QuantConnect test_report_data.json)', () => {
    const { summaries, text } = loadFixture('lean/test_report_data.json');
    const s = summaries[0];
    assert.equal(s.format, 'lean-backtest');
    assert.equal(s.reportedSharpe, 2.034); // "Sharpe Ratio": "2.034"
    assert.equal(s.maxDrawdown, 0.313); // "Drawdown": "31.300%"
    assert.equal(s.winRate, 0.25); // "Win Rate": "25%"
    assert.ok(Math.abs(s.totalReturn! - 3.61374) < 1e-12); // "Net Profit": "361.374%"
    assert.equal(s.tradeCount, undefined); // only "Total Orders": "7"
    assert.ok(s.problems.some((p) => /Total Orders/.test(p.message)));
    assert.equal(textAt(text, s.locations.sharpe), '"Sharpe Ratio"');
    // The equity series spans one day; the daily percent series gives the returns.
    assert.deepEqual(s.periodReturns, [0, 0, -0.00013]);
  });

  it('reads the cloud API wrapper with parameterSet and backtestStart/End', () => {
    const doc = {
      backtest: {
        name: 'Smooth Brown Horse',
        backtestStart: '2020-01-01 00:00:00',
        backtestEnd: '2021-12-31 00:00:00',
        parameterSet: { lookback: '20' },
        statistics: { 'Sharpe Ratio': '-0.512', Drawdown: '12.5%', 'Net Profit': '-$1,234.56', 'Total Trades': '41' },
        runtimeStatistics: { Equity: '$98,765.44' },
        outOfSampleMaxEndDate: '2022-06-30',
        outOfSampleDays: 180,
      },
      success: true,
    };
    const [s] = loadResultFile('/ws/backtests/x.json', Buffer.from(JSON.stringify(doc)));
    assert.equal(s.format, 'lean-backtest');
    assert.deepEqual(s.parameters, { lookback: '20' });
    assert.deepEqual(s.period, { start: '2020-01-01T00:00:00Z', end: '2021-12-31T00:00:00Z' });
    assert.equal(s.reportedSharpe, -0.512);
    assert.equal(s.maxDrawdown, 0.125);
    assert.equal(s.tradeCount, 41);
    assert.deepEqual(s.outOfSample, { start: '2022-07-01', end: '2022-12-27' });
    // "-$1,234.56" is money, not a ratio: not used as totalReturn, and said so.
    assert.equal(s.totalReturn, undefined);
    assert.ok(s.problems.some((p) => /Net Profit/.test(p.message)));
  });

  it('reports unreadable statistics strings instead of guessing', () => {
    const doc = { statistics: { 'Sharpe Ratio': 'n/a', Drawdown: '5%' }, charts: {}, runtimeStatistics: {} };
    const [s] = loadResultFile('/ws/r.json', Buffer.from(JSON.stringify(doc)));
    assert.equal(s.reportedSharpe, undefined);
    assert.equal(s.maxDrawdown, 0.05);
    assert.ok(s.problems.some((p) => /Sharpe Ratio/.test(p.message) && p.offset !== undefined));
  });

  it('reads parameters from a LEAN project config.json', () => {
    const cfg = { 'algorithm-language': 'Python', parameters: { 'ema-fast': '12' }, 'local-id': 123 };
    const [s] = loadResultFile('/ws/proj/config.json', Buffer.from(JSON.stringify(cfg)));
    assert.equal(s.format, 'lean-backtest');
    assert.deepEqual(s.parameters, { 'ema-fast': '12' });
  });
});
