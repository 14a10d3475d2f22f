// Issue 18: `strategy-lint stats FILE` annualises with the file's own periods per year and asks
// for --strategy on a multi-strategy file.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { main } from '../../../server/src/cli/main';

const SAMPLES = path.resolve(__dirname, '../../fixtures/results/freqtrade/backtest_results');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['stats', ...args], { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

describe('issue 18: stats FILE', () => {
  it('annualises freqtrade daily returns by 365, as check does', async () => {
    const r = await run([path.join(SAMPLES, 'backtest-result.json'), '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    // Annualised = per-day Sharpe * sqrt(365) (freqtrade counts calendar days), not sqrt(252).
    assert.ok(Math.abs(j.sharpe_annualized - j.sharpe * Math.sqrt(365)) < 1e-12, `${j.sharpe_annualized} vs ${j.sharpe}`);
    // An explicit --periods-per-year still wins.
    const given = JSON.parse((await run([path.join(SAMPLES, 'backtest-result.json'), '--format', 'json', '--periods-per-year', '252'])).out);
    assert.ok(Math.abs(given.sharpe_annualized - given.sharpe * Math.sqrt(252)) < 1e-12);
  });

  it('a multi-strategy file needs --strategy NAME instead of taking the first', async () => {
    const file = path.join(SAMPLES, 'backtest-result_multistrat.json');
    const r = await run([file]);
    assert.equal(r.code, 2);
    assert.match(r.err, /holds 2 strategies \(StrategyTestV2, TestStrategy\): choose one with --strategy NAME/);
    const chosen = await run([file, '--strategy', 'TestStrategy', '--format', 'json']);
    assert.equal(chosen.code, 0, chosen.err);
    assert.equal(JSON.parse(chosen.out).observations, 21); // 21 days of daily_profit
    const wrong = await run([file, '--strategy', 'Nope']);
    assert.match(wrong.err, /no strategy named Nope in the file \(it holds StrategyTestV2, TestStrategy\)/);
  });
});
