import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { loadResultFile } from '../../../server/src/engine/results/load-result';
import { fixturePath } from './fixtures';

// The zip freqtrade (2025+) writes: result JSON, sanitised config, strategy copy + params file,
// named after the zip. Built here from the real single-strategy sample.
function freqtradeZip(stem = 'backtest-result-2025-02-03_10-20-30'): Uint8Array {
  const result = fs.readFileSync(fixturePath('freqtrade/backtest_results/backtest-result.json'));
  return zipSync({
    [`${stem}.json`]: new Uint8Array(result),
    [`${stem}_config.json`]: strToU8(JSON.stringify({ stake_currency: 'BTC', timeframe: '5m', timerange: '20180110-20180130' })),
    [`${stem}_StrategyTestV3.py`]: strToU8('class StrategyTestV3(IStrategy):\n    timeframe = "5m"\n'),
    [`${stem}_StrategyTestV3.json`]: strToU8(JSON.stringify({
      strategy_name: 'StrategyTestV3',
      params: { buy: { buy_rsi: 31 }, sell: { sell_rsi: 74 }, roi: { '0': 0.04 }, stoploss: { stoploss: -0.1 } },
      ft_stratparam_v: 1,
    })),
    [`${stem}_market_change.feather`]: new Uint8Array([1, 2, 3, 0, 0]),
  });
}

describe('results: freqtrade zip', () => {
  it('reads the result JSON inside, the strategy copy and its parameters', () => {
    const file = '/ws/user_data/backtest_results/backtest-result-2025-02-03_10-20-30.zip';
    const [s, ...rest] = loadResultFile(file, freqtradeZip());
    assert.equal(rest.length, 0);
    assert.equal(s.format, 'freqtrade-zip');
    assert.equal(s.strategy, 'StrategyTestV3');
    assert.equal(s.tradeCount, 179);
    assert.equal(s.periodReturns?.length, 21);
    assert.match(s.strategySource ?? '', /class StrategyTestV3/);
    assert.deepEqual(s.parameters, { buy_rsi: 31, sell_rsi: 74, roi: { '0': 0.04 }, stoploss: -0.1 });
    // Offsets would point into the inner JSON, not the zip on disk: none are given.
    assert.deepEqual(s.locations, {});
  });

  it('finds the result when the zip was renamed', () => {
    const [s] = loadResultFile('/ws/renamed.zip', freqtradeZip());
    assert.equal(s.strategy, 'StrategyTestV3');
    assert.equal(s.tradeCount, 179);
  });

  it('reports a .zip that is not a zip', () => {
    const [s] = loadResultFile('/ws/backtest-result.zip', strToU8('{"strategy": {}}'));
    assert.equal(s.recognized, false);
    assert.match(s.problems[0].message, /not a zip/);
  });

  it('reports a truncated zip', () => {
    const zip = freqtradeZip();
    const [s] = loadResultFile('/ws/cut.zip', zip.subarray(0, Math.floor(zip.length / 2)));
    assert.equal(s.recognized, false);
    assert.match(s.problems[0].message, /zip/);
  });

  it('reports a zip without a result JSON', () => {
    const [s] = loadResultFile('/ws/other.zip', zipSync({ 'notes.txt': strToU8('hello') }));
    assert.equal(s.recognized, false);
    assert.match(s.problems[0].message, /no freqtrade backtest result/);
  });

  it('refuses an entry that inflates beyond the cap (zip bomb)', () => {
    const bomb = zipSync({ 'backtest-result-x.json': new Uint8Array(3_000_000).fill(0x20) }, { level: 9 });
    assert.ok(bomb.length < 50_000);
    // Refused by the cap, not inflated (a hang would hit mocha's timeout; speed lives in bench/).
    const [s] = loadResultFile('/ws/bomb.zip', bomb, { maxBytes: 1_000_000 });
    assert.equal(s.recognized, false);
    assert.ok(s.problems.some((p) => /cap|declared/.test(p.message)));
  });
});
