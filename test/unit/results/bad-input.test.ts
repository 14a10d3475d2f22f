import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { loadResultFile } from '../../../server/src/engine/results/load-result';
import type { BacktestSummary } from '../../../server/src/engine/results/summary';
import { fixturePath, textAt } from './fixtures';

const load = (name: string, content: string | Uint8Array, maxBytes?: number) =>
  loadResultFile(name, typeof content === 'string' ? Buffer.from(content) : content, { maxBytes });
const messages = (s: BacktestSummary) => s.problems.map((p) => p.message).join('\n');

/** Every number array of a summary must be free of NaN/Infinity. */
function assertFiniteArrays(s: BacktestSummary): void {
  for (const arr of [s.tradeReturns, s.tradeProfits, s.periodReturns, s.trials?.sharpes, ...(s.trialMatrix ?? [])]) {
    if (arr) assert.ok(arr.every(Number.isFinite), `non-finite value in ${s.file}`);
  }
}

describe('results: bad input never throws and is explained', () => {
  it('malformed JSON: message with the offset', () => {
    const text = '{"strategy": {"A": {"trades": [1, 2,, 3]}}}';
    const [s] = load('/ws/backtest-result.json', text);
    assert.equal(s.recognized, false);
    assert.match(messages(s), /malformed JSON at offset 36/);
    assert.equal(s.problems[0].offset, 36);
  });

  it('truncated JSON: says truncated, where the text ends', () => {
    const full = fs.readFileSync(fixturePath('freqtrade/backtest_results/backtest-result.json'), 'utf8');
    const [s] = load('/ws/backtest-result.json', full.slice(0, 5000));
    assert.equal(s.recognized, false);
    assert.match(messages(s), /truncated JSON: the text ends at offset 5000/);
  });

  it('binary content is refused', () => {
    const [s] = load('/ws/result.json', new Uint8Array([0x7b, 0x22, 0x00, 0x01, 0x02, 0x7d]));
    assert.equal(s.recognized, false);
    assert.match(messages(s), /binary content \(NUL byte at byte 2\)/);
  });

  it('invalid UTF-8 is reported with the byte offset and the rest still read', () => {
    const bytes = Buffer.concat([Buffer.from('{"format": "strategy-lint/v1", "strategy": "A'), Buffer.from([0xff]), Buffer.from('", "returns": [0.1, 0.2]}')]);
    const [s] = load('/ws/r.json', bytes);
    assert.match(messages(s), /invalid UTF-8 at byte 45/);
    assert.deepEqual(s.periodReturns, [0.1, 0.2]);
  });

  it('NaN / Infinity / wrong types are dropped and reported at their keys', () => {
    const text = JSON.stringify({
      strategy: { S: { trades: [{ profit_ratio: 0.1, profit_abs: 1 }, { profit_ratio: 'x', profit_abs: 2 }], total_trades: '2', starting_balance: 100, daily_profit: [['2024-01-01', 1], ['2024-01-02', 'NaNX']], profit_factor: 'PF' } },
    }).replace('"NaNX"', 'NaN').replace('"PF"', 'Infinity');
    const [s] = load('/ws/backtest-result-x.json', text);
    assert.equal(s.strategy, 'S');
    assert.deepEqual(s.tradeReturns, [0.1]);
    assert.deepEqual(s.tradeProfits, [1, 2]);
    assert.equal(s.tradeCount, 2); // from the list: total_trades is a string
    assert.deepEqual(s.periodReturns, [0.01]);
    assert.equal(s.profitFactor, undefined);
    const all = messages(s);
    assert.match(all, /NaN\/Infinity literal/);
    assert.match(all, /total_trades should be a number but is the string "2"/);
    assert.match(all, /profit_factor is Infinity/);
    assert.match(all, /daily_profit: dropped 1 of 2/);
    const pf = s.problems.find((p) => /profit_factor is Infinity/.test(p.message))!;
    assert.equal(textAt(text, { offset: pf.offset!, length: pf.length! }), '"profit_factor"');
    assertFiniteArrays(s);
  });

  it('files above the cap are skipped without parsing', () => {
    const [s] = load('/ws/backtest-result.json', '{"not": "even parsed"', 10);
    assert.equal(s.problems.length, 1);
    assert.match(s.problems[0].message, /^skipped: too large/);
    const big = loadResultFile('/ws/x.json', new Uint8Array(50 * 1024 * 1024 + 1));
    assert.match(big[0].problems[0].message, /^skipped: too large/);
  });

  it('foreign JSON, empty files and unknown text are explained', () => {
    assert.match(messages(load('/ws/package.json', '{"name": "x", "version": "1.0.0"}')[0]), /not a recognised result/);
    assert.match(messages(load('/ws/r.json', '')[0]), /empty file/);
    assert.match(messages(load('/ws/r.json', '   \n')[0]), /empty file|no JSON content/);
    assert.match(messages(load('/ws/notes', 'hello world')[0]), /not a result file/);
    assert.match(messages(load('/ws/r.json', '[1, 2, 3]')[0]), /not a recognised result/);
  });

  it('UTF-8 BOM is dropped (offsets stay those of the editor); UTF-16 is decoded', () => {
    const text = '{"format": "strategy-lint/v1", "strategy": "A", "returns": [0.1]}';
    const [s] = load('/ws/r.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    assert.equal(textAt(text, s.locations.strategy), '"strategy"');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const [u] = load('/ws/r.json', utf16);
    assert.deepEqual(u.periodReturns, [0.1]);
    assert.match(messages(u), /UTF-16/);
  });

  it('survives random corruption of every sample without throwing', function () {
    this.timeout(60000);
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const samples = [
      'freqtrade/backtest_results/backtest-result.json',
      'freqtrade/backtest_results/backtest-result.meta.json',
      'freqtrade/hyperopt_results/strategy_SampleStrategy.fthypt',
      'lean-camel/1234567890.json',
      'lean/test_report_data.json',
      'csv/trades.csv',
      'own/SmaCross.strategy-lint.json',
    ];
    for (const rel of samples) {
      const original = fs.readFileSync(fixturePath(rel));
      for (let i = 0; i < 25; i++) {
        const bytes = Buffer.from(original.subarray(0, Math.floor(rand() * original.length) + 1));
        for (let k = 0; k < 5; k++) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
        const out = loadResultFile(fixturePath(rel), bytes);
        assert.ok(out.length >= 1);
        out.forEach(assertFiniteArrays);
      }
    }
  });
});
