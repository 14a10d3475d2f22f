import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { fixturePath, loadFixture, textAt } from './fixtures';

describe('results: freqtrade .meta.json and .last_result.json', () => {
  it('reads strategy names from the meta files', () => {
    const single = loadFixture('freqtrade/backtest_results/backtest-result.meta.json');
    assert.deepEqual(single.summaries.map((s) => s.strategy), ['StrategyTestV3']);
    assert.equal(single.summaries[0].format, 'freqtrade-meta');
    assert.equal(textAt(single.text, single.summaries[0].locations.strategy), '"StrategyTestV3"');
    const multi = loadFixture('freqtrade/backtest_results/backtest-result_multistrat.meta.json');
    assert.deepEqual(multi.summaries.map((s) => s.strategy), ['StrategyTestV2', 'TestStrategy']);
    assert.equal(multi.summaries[0].tradeCount, undefined); // meta holds no figures
  });

  it('follows .last_result.json to the named file', () => {
    const { summaries } = loadFixture('freqtrade/backtest_results/.last_result.json');
    assert.equal(summaries.length, 1);
    assert.equal(summaries[0].format, 'freqtrade-last-result');
    assert.equal(summaries[0].refersTo, path.join(fixturePath('freqtrade/backtest_results'), 'backtest-result.json'));
  });
});
