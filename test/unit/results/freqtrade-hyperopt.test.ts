import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { loadResultFile } from '../../../server/src/engine/results/load-result';
import { errors, fixturePath, loadFixture, textAt } from './fixtures';

describe('results: freqtrade hyperopt .fthypt', () => {
  it('counts epochs as trials and summarises the best epoch', () => {
    const { summaries, text } = loadFixture('freqtrade/hyperopt_results/strategy_SampleStrategy.fthypt');
    assert.equal(summaries.length, 1);
    const s = summaries[0];
    assert.equal(s.format, 'freqtrade-hyperopt');
    assert.equal(s.strategy, 'SampleStrategy');
    assert.equal(s.trials?.count, 5);
    // Epoch 4 has the lowest loss (-4.954...) and is marked is_best.
    assert.equal(s.trials?.best, 4);
    assert.equal(s.tradeCount, 10);
    assert.equal(s.tradeReturns?.length, 10);
    assert.equal(s.totalReturn, 7.32163e-6);
    assert.equal(s.parameters?.trigger, 'bb_lower');
    assert.equal(s.parameters?.stoploss, -0.081);
    assert.deepEqual(s.period, { start: '2018-01-10T07:25:00Z', end: '2018-01-30T04:45:00Z' });
    assert.equal(textAt(text, s.locations.params), '"params_dict"');
    assert.equal(textAt(text, s.locations.strategy), '"strategy_name"');
    assert.deepEqual(errors(s), []);
  });

  it('computes per-trade Sharpe for epochs with trades and says which were left out', () => {
    const s = loadFixture('freqtrade/hyperopt_results/strategy_SampleStrategy.fthypt').summaries[0];
    // Epochs 1 and 2 have no trades; epochs 3, 4, 5 have 22, 10, 11 trades.
    // Issue 18: per day first (the basis of a backtest's daily_profit), per trade as the alternative.
    assert.equal(s.trials?.sharpes?.length, 3);
    assert.equal(s.trials?.sharpeBasis, 'day');
    assert.ok(s.trials!.sharpes!.every(Number.isFinite));
    assert.match(s.trials?.sharpeSource ?? '', /per-day Sharpe/);
    assert.match(s.trials?.sharpeSource ?? '', /2 of 5 epochs/);
    assert.equal(s.trials?.alternative?.sharpes?.length, 3);
    assert.match(s.trials?.alternative?.sharpeSource ?? '', /per-trade Sharpe/);
  });

  it('leaves sharpes undefined when epochs carry no trades', () => {
    const lines = fs.readFileSync(fixturePath('freqtrade/hyperopt_results/strategy_SampleStrategy.fthypt'), 'utf8').trim().split('\n');
    const stripped = lines.map((l) => {
      const e = JSON.parse(l);
      delete e.results_metrics.trades;
      return JSON.stringify(e);
    });
    const [s] = loadResultFile('/ws/strategy_SampleStrategy_2024-01-01_10-00-00.fthypt', Buffer.from(stripped.join('\n')));
    assert.equal(s.trials?.count, 5);
    assert.equal(s.trials?.sharpes, undefined);
    assert.equal(s.trials?.alternative, undefined);
    assert.match(s.trials?.sharpeSource ?? '', /not derivable per day/);
  });

  it('keeps the good epochs of an interrupted file and reports the broken line', () => {
    const text = fs.readFileSync(fixturePath('freqtrade/hyperopt_results/strategy_SampleStrategy.fthypt'), 'utf8');
    const cut = text.slice(0, text.lastIndexOf('\n', text.length - 2) + 200); // last line truncated
    const [s] = loadResultFile('/ws/strategy_SampleStrategy.fthypt', Buffer.from(cut));
    assert.equal(s.trials?.count, 4);
    assert.ok(s.problems.some((p) => /epoch line skipped: truncated JSON/.test(p.message) && p.offset !== undefined));
  });

  it('accepts NaN literals (rapidjson NM_NAN) and keeps offsets', () => {
    const line = (epoch: number, loss: string) =>
      `{"loss": ${loss}, "params_dict": {"x": ${epoch}}, "results_metrics": {"total_trades": 3, "profit_total": NaN, "strategy_name": "NanStrat", "trades": [{"profit_ratio": 0.01}, {"profit_ratio": NaN}, {"profit_ratio": 0.03}]}, "current_epoch": ${epoch}, "is_best": true}`;
    const text = [line(1, '1.5'), line(2, 'Infinity'), line(3, '0.5')].join('\n');
    const [s] = loadResultFile('/ws/x.fthypt', Buffer.from(text));
    assert.equal(s.strategy, 'NanStrat');
    assert.equal(s.trials?.count, 3);
    assert.equal(s.trials?.best, 3);
    assert.deepEqual(s.tradeReturns, [0.01, 0.03]);
    assert.equal(s.totalReturn, undefined);
    const nanWarning = s.problems.find((p) => /NaN\/Infinity/.test(p.message));
    assert.ok(nanWarning && nanWarning.offset !== undefined);
    assert.equal(text.slice(nanWarning.offset!, nanWarning.offset! + nanWarning.length!), 'NaN');
    assert.ok(s.problems.some((p) => /dropped 1 of 3/.test(p.message)));
  });
});
