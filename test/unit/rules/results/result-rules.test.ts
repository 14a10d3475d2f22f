import * as assert from 'node:assert/strict';
import { lintPython } from '../../../../server/src/engine/lint';
import { initPythonParser } from '../../../../server/src/engine/python/parser';
import type { AttachedResults } from '../../../../server/src/engine/rules/rule';
import { attach, normals, rng, summary } from '../../../helpers/synthetic-results';

const STRATEGY = `from freqtrade.strategy import IStrategy, IntParameter


class Trend(IStrategy):
    timeframe = "1h"
    buy_fast = IntParameter(5, 20, default=10, space="buy")
    buy_slow = IntParameter(30, 90, default=50, space="buy")
`;

function findings(results: AttachedResults, rule: string, text = STRATEGY) {
  const out = lintPython({ path: '/ws/strategies/trend.py', text, results, config: { select: [rule] } });
  out.release();
  return out.findings;
}

const healthyDaily = normals(756, 0.0012, 0.01, 11); // 3 years, ~1.9 annual Sharpe

describe('result rules', () => {
  before(() => initPythonParser());

  describe('tiny-sample', () => {
    it('reports 12 trades, with the count and what it would take', () => {
      const [f] = findings(attach(summary({ strategy: 'Trend', tradeCount: 12 })), 'tiny-sample');
      assert.match(f.message, /has only 12 trades; at least 30 are needed/);
      assert.equal(f.range.start.line, 3);
    });
    it('stays quiet with 400 trades over 3 years of daily returns', () => {
      assert.deepEqual(findings(attach(summary({ strategy: 'Trend', tradeCount: 400, periodReturns: healthyDaily })), 'tiny-sample'), []);
    });
  });

  describe('insignificant-sharpe', () => {
    it('reports a PSR below 0.95 on 60 noisy observations', () => {
      const [f] = findings(attach(summary({ strategy: 'Trend', periodReturns: normals(60, 0.0005, 0.01, 3) })), 'insignificant-sharpe');
      assert.match(f.message, /Probabilistic Sharpe Ratio of run\.json is 0\.\d+/);
    });
    it('stays quiet on a strong three-year record', () => {
      assert.deepEqual(findings(attach(summary({ strategy: 'Trend', periodReturns: healthyDaily })), 'insignificant-sharpe'), []);
    });
  });

  describe('short-backtest', () => {
    it('reports a record shorter than its MinTRL', () => {
      const [f] = findings(attach(summary({ strategy: 'Trend', periodReturns: normals(80, 0.0008, 0.01, 5) })), 'short-backtest');
      assert.match(f.message, /shorter than the minimum track record length of \d+/);
    });
    it('reports a backtest shorter than MinBTL for the trials run (trials= directive)', () => {
      // Daily Sharpe ~0.12 over 250 days: significant alone, but not after 10,000 trials.
      const returns = normals(250, 0.0015, 0.01, 21);
      const text = '# strategy-lint: trials=10000\n' + STRATEGY;
      const [f] = findings(attach(summary({ strategy: 'Trend', periodReturns: returns, period: { start: '2023-01-01', end: '2023-12-31' } })), 'short-backtest', text);
      assert.match(f.message, /minimum backtest length of [\d.]+ years for 10000 trials \(the trials= directive\)/);
    });
    it('stays quiet on a long enough record with one trial', () => {
      assert.deepEqual(findings(attach(summary({ strategy: 'Trend', periodReturns: healthyDaily, period: { start: '2021-01-01', end: '2023-12-31' } })), 'short-backtest'), []);
    });
  });

  describe('deflated-sharpe', () => {
    it('deflates for the hyperopt epochs and names N and the expected maximum', () => {
      const backtest = summary({ strategy: 'Trend', periodReturns: normals(500, 0.0009, 0.01, 8) });
      const hyperopt = summary({ format: 'freqtrade-hyperopt', file: '/ws/h.fthypt', strategy: 'Trend', trials: { count: 500 } });
      const [f] = findings(attach(backtest, hyperopt), 'deflated-sharpe');
      assert.match(f.message, /Deflated Sharpe Ratio 0\.\d+ for run\.json after 500 trials \(500 epochs in 1 hyperopt run\)/);
      // Issue 18: the basis is named and the reason for the null variance is true.
      assert.match(f.message, /null sampling variance 1\/\(T-1\) per period, as the results record how many trials ran but not their returns/);
    });
    it('does not deflate a backtest run after the optimisation period (one pre-chosen configuration)', () => {
      const backtest = summary({ strategy: 'Trend', periodReturns: normals(500, 0.0009, 0.01, 8), period: { start: '2023-01-01', end: '2024-12-31' } });
      const hyperopt = summary({ format: 'freqtrade-hyperopt', file: '/ws/h.fthypt', strategy: 'Trend', trials: { count: 500 }, period: { start: '2021-01-01', end: '2022-12-31' } });
      assert.deepEqual(findings(attach(backtest, hyperopt), 'deflated-sharpe'), []);
    });
    it('stays quiet with a single trial', () => {
      assert.deepEqual(findings(attach(summary({ strategy: 'Trend', periodReturns: normals(500, 0.0009, 0.01, 8) })), 'deflated-sharpe'), []);
    });
  });

  describe('backtest-overfitting', () => {
    // 40 configurations, 480 periods in 16 blocks of 30. Each configuration earns +0.3 % a
    // period in 8 random blocks and loses it in the other 8: whatever looks best in-sample is
    // bound to be poor out of sample, the pattern CSCV exists to catch.
    const noise = Array.from({ length: 480 }, (_, t) => normals(40, 0, 0.01, 1000 + t));
    const u = rng(99);
    const signs = Array.from({ length: 40 }, () => {
      const blocks = [1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1, -1, -1, -1];
      for (let i = blocks.length - 1; i > 0; i--) {
        const j = Math.floor(u() * (i + 1));
        [blocks[i], blocks[j]] = [blocks[j], blocks[i]];
      }
      return blocks;
    });
    const regimeFitted = noise.map((row, t) => row.map((x, j) => x + 0.003 * signs[j][Math.floor(t / 30)]));
    it('reports PBO on a sweep whose in-sample winners are regime-fitted', () => {
      const [f] = findings(attach(summary({ format: 'csv-trial-matrix', strategy: 'Trend', trialMatrix: regimeFitted })), 'backtest-overfitting');
      assert.equal(f.severity, 'error');
      assert.match(f.message, /Probability of Backtest Overfitting 0\.\d+ over 40 configurations .* S = 16, 12870 splits/);
    });
    it('stays quiet when one configuration is truly better in every period', () => {
      const skilled = noise.map((row, t) => row.map((x, j) => (j === 0 ? x + 0.004 : x)));
      assert.deepEqual(findings(attach(summary({ format: 'csv-trial-matrix', strategy: 'Trend', trialMatrix: skilled })), 'backtest-overfitting'), []);
    });
  });

  describe('in-sample-only', () => {
    it('reports a backtest that overlaps the hyperopt period', () => {
      const backtest = summary({ strategy: 'Trend', tradeCount: 200, period: { start: '2023-06-01', end: '2023-12-31' } });
      const hyperopt = summary({ format: 'freqtrade-hyperopt', file: '/ws/h.fthypt', strategy: 'Trend', period: { start: '2023-01-01', end: '2023-12-31' }, trials: { count: 100 } });
      const [f] = findings(attach(backtest, hyperopt), 'in-sample-only');
      assert.match(f.message, /overlaps the period its parameters were optimised on in h\.fthypt/);
    });
    it('stays quiet when the backtest starts after the optimisation period', () => {
      const backtest = summary({ strategy: 'Trend', tradeCount: 200, period: { start: '2024-01-01', end: '2024-06-30' } });
      const hyperopt = summary({ format: 'freqtrade-hyperopt', file: '/ws/h.fthypt', strategy: 'Trend', period: { start: '2023-01-01', end: '2023-12-31' }, trials: { count: 100 } });
      assert.deepEqual(findings(attach(backtest, hyperopt), 'in-sample-only'), []);
    });
  });

  describe('oos-degradation', () => {
    it('reports an out-of-sample per-trade Sharpe far below in-sample', () => {
      const hyperopt = summary({ format: 'freqtrade-hyperopt', file: '/ws/h.fthypt', strategy: 'Trend', tradeReturns: normals(150, 0.01, 0.03, 2), period: { start: '2023-01-01', end: '2023-12-31' } });
      const backtest = summary({ strategy: 'Trend', tradeReturns: normals(150, 0.0005, 0.03, 4), period: { start: '2024-01-01', end: '2024-12-31' } });
      const [f] = findings(attach(backtest, hyperopt), 'oos-degradation');
      assert.match(f.message, /out-of-sample Sharpe -?[\d.]+ per trade in run\.json is -?\d+ % of the in-sample/);
    });
    it('stays quiet when out-of-sample holds up', () => {
      const hyperopt = summary({ format: 'freqtrade-hyperopt', file: '/ws/h.fthypt', strategy: 'Trend', tradeReturns: normals(150, 0.01, 0.03, 2), period: { start: '2023-01-01', end: '2023-12-31' } });
      const backtest = summary({ strategy: 'Trend', tradeReturns: normals(150, 0.009, 0.03, 2), period: { start: '2024-01-01', end: '2024-12-31' } });
      assert.deepEqual(findings(attach(backtest, hyperopt), 'oos-degradation'), []);
    });
  });

  describe('too-good-to-be-true', () => {
    it('reports a 96 % win rate, profit factor 11 and no drawdown over 400 trades', () => {
      const [f] = findings(attach(summary({ strategy: 'Trend', tradeCount: 400, winRate: 0.961, profitFactor: 11.3, maxDrawdown: 0 })), 'too-good-to-be-true');
      assert.match(f.message, /a win rate of 96\.1 % over 400 trades, a profit factor of 11\.30, no drawdown at all over 400 trades/);
    });
    it('stays quiet on ordinary figures', () => {
      assert.deepEqual(findings(attach(summary({ strategy: 'Trend', tradeCount: 400, winRate: 0.55, profitFactor: 1.4, maxDrawdown: 0.18, periodReturns: healthyDaily })), 'too-good-to-be-true'), []);
    });
  });

  describe('profit-concentration', () => {
    it('reports when 5 % of trades make most of the profit', () => {
      const profits = [...normals(95, -0.5, 2, 9), 60, 55, 48, 40, 35];
      const [f] = findings(attach(summary({ strategy: 'Trend', tradeProfits: profits })), 'profit-concentration');
      assert.match(f.message, /the best 5 of 100 trades in run\.json make \d+ % of the net profit/);
    });
    it('stays quiet when profit is spread over many trades', () => {
      assert.deepEqual(findings(attach(summary({ strategy: 'Trend', tradeProfits: normals(100, 3, 2, 9) })), 'profit-concentration'), []);
    });
  });

  it('ignores results for another strategy in a multi-strategy file', () => {
    assert.deepEqual(findings(attach(summary({ strategy: 'OtherStrategy', tradeCount: 3 })), 'tiny-sample'), []);
  });

  it('reports refused result paths at the directive', () => {
    const text = '# strategy-lint: results=../../etc/passwd\n' + STRATEGY;
    const out = lintPython({ path: '/ws/s.py', text, results: { summaries: [], attached: [], refused: [{ file: '/etc/passwd', reason: 'outside the workspace folder', at: { offset: 25, length: 16 } }] }, config: { select: ['unresolved-results'] } });
    out.release();
    assert.equal(out.findings.length, 1);
    assert.match(out.findings[0].message, /Results not attached: \/etc\/passwd: outside the workspace folder/);
    assert.deepEqual(out.findings[0].range.start, { line: 0, character: 25 });
  });
});
