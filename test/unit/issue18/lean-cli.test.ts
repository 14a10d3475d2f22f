// Issue 18: LEAN CLI projects (backtests/<timestamp>/<id>.json with algorithmConfiguration.name
// "local", <id>-summary.json and <id>-order-events.json) get their result findings.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { associateResults, isRefused } from '../../../server/src/engine/results/association';
import { loadResultFile } from '../../../server/src/engine/results/load-result';
import { tradesFromOrderEvents } from '../../../server/src/engine/results/lean-order-events';
import { computeResultStatistics } from '../../../server/src/engine/results/statistics';
import { lintPython } from '../../../server/src/engine/lint';
import { initPythonParser } from '../../../server/src/engine/python/parser';
import type { AttachedResults } from '../../../server/src/engine/rules/rule';

const WS = path.resolve(__dirname, '../../fixtures/workspaces/lean-cli');
const GAP_RUN = path.join(WS, 'GapFade/backtests/2024-09-14_16-02-37');
const SCREENER_RUN = path.join(WS, 'SectorScreener/backtests/2024-10-02_09-15-11');

function load(file: string) {
  return loadResultFile(file, fs.readFileSync(file));
}

function attachFile(file: string, reason = 'LEAN project: newest backtest folder'): AttachedResults {
  const summaries = load(file);
  return { summaries, attached: summaries.map((s) => ({ summary: s, reason, statistics: computeResultStatistics(s, 252), keyRanges: {} })), refused: [] };
}

describe('issue 18: LEAN CLI projects', () => {
  before(() => initPythonParser());

  it('rebuilds closed trades from order events, flat to flat (hand-computed)', () => {
    const events = JSON.parse(fs.readFileSync(path.join(GAP_RUN, '1385021247-order-events.json'), 'utf8'));
    const t = tradesFromOrderEvents(events);
    // SPY: buy 100 @ 400 (fee 1), sell 100 @ 410 (fee 1): 41000 - 40000 - 2 = 998; 998 / 40000 = 0.02495.
    // SPY: buy 50 @ 420 + 50 @ 430 (fees 1 + 1), sell 100 @ 425 (fee 1): 42500 - 42500 - 3 = -3; -3 / 42500.
    // QQQ: sell 20 @ 350 (fee 1), buy 20 @ 340 (fee 1): 7000 - 6800 - 2 = 198; 198 / 7000 = 0.0282857.
    // SPY: buy 10 @ 400 (fee 1), sell 30 @ 390 (fee 3): the first 10 close the trade with a third
    //      of the fee: 3900 - 4000 - 1 - 1 = -102; -102 / 4000 = -0.0255. The other 20 open a short
    //      still open at the end (not a trade). The canceled QQQ order fills nothing.
    assert.deepEqual(t.profits, [998, -3, 198, -102]);
    const expected = [0.02495, -3 / 42500, 198 / 7000, -0.0255];
    t.returns.forEach((r, i) => assert.ok(Math.abs(r - expected[i]) < 1e-12, `trade ${i + 1}: ${r}`));
    assert.equal(t.fills, 9);
    assert.equal(t.open, 1);
  });

  it('completes <id>.json from <id>-summary.json and <id>-order-events.json', () => {
    const [s] = load(path.join(GAP_RUN, '1385021247.json'));
    assert.equal(s.format, 'lean-backtest');
    assert.equal(s.strategy, 'local');
    assert.equal(s.tradeCount, 4); // totalPerformance.tradeStatistics.totalNumberOfTrades in the summary file
    assert.deepEqual(s.tradeProfits, [998, -3, 198, -102]);
    assert.equal(s.profitFactor, 11.51);
    assert.deepEqual(s.parameters, { gap_pct: '0.012', exit_bars: '3' });
    assert.ok(s.problems.some((p) => /4 closed trade\(s\) rebuilt from 1385021247-order-events\.json \(9 fills, flat-to-flat\); 1 position\(s\) still open/.test(p.message)));
    // Daily returns still come from the main file's equity chart: closes on 9 trading days
    // (Sep 3-6, 9-13) -> 8 close-to-close returns.
    assert.equal(s.periodReturns?.length, 8);
  });

  it('offers one file per run: <id>.json, not its summary or order events', () => {
    const found = associateResults({ strategyPath: path.join(WS, 'GapFade/main.py'), directives: [], classNames: ['GapFade'], workspaceRoot: WS });
    assert.deepEqual(found.filter((c) => !isRefused(c)).map((c) => path.relative(WS, c.file)), [
      'GapFade/backtests/2024-09-14_16-02-37/1385021247.json',
      'GapFade/config.json',
    ]);
  });

  it('a 0-trade LEAN CLI backtest named "local" gets its tiny-sample finding', () => {
    const text = fs.readFileSync(path.join(WS, 'SectorScreener/main.py'), 'utf8');
    const out = lintPython({ path: path.join(WS, 'SectorScreener/main.py'), text, results: attachFile(path.join(SCREENER_RUN, '2047713958.json')), config: { select: ['tiny-sample'] } });
    out.release();
    assert.equal(out.findings.length, 1);
    assert.match(out.findings[0].message, /SectorScreener: 2047713958\.json has only 0 trades/);
  });

  it('with several classes the name chooses; "local" goes to the QCAlgorithm class, also through a directive', () => {
    const text = '# strategy-lint: results=backtests/2024-10-02_09-15-11/2047713958.json\nfrom AlgorithmImports import *\n\n\nclass Helper:\n    pass\n\n\nclass Screener(QCAlgorithm):\n    def initialize(self):\n        self.set_cash(100000)\n\n\nclass ScreenerV2(QCAlgorithm):\n    def initialize(self):\n        self.set_cash(50000)\n';
    const results = attachFile(path.join(SCREENER_RUN, '2047713958.json'), 'named by the "strategy-lint: results=" comment');
    const out = lintPython({ path: path.join(WS, 'SectorScreener/main.py'), text, results, config: { select: ['tiny-sample'] } });
    out.release();
    assert.deepEqual(out.findings.map((f) => f.message.split(':')[0]), ['Screener']);
    // A result named after the second class goes to it.
    results.summaries[0].strategy = 'ScreenerV2';
    const named = lintPython({ path: path.join(WS, 'SectorScreener/main.py'), text, results, config: { select: ['tiny-sample'] } });
    named.release();
    assert.deepEqual(named.findings.map((f) => f.message.split(':')[0]), ['ScreenerV2']);
  });

  it('a freqtrade result naming another class still stays out', () => {
    const summary = { format: 'freqtrade-backtest' as const, file: '/ws/user_data/backtest_results/r.json', strategy: 'Other', tradeCount: 3, locations: {}, problems: [] };
    const results: AttachedResults = { summaries: [summary], attached: [{ summary, reason: 'newest result', statistics: computeResultStatistics(summary, 365), keyRanges: {} }], refused: [] };
    const out = lintPython({ path: '/ws/user_data/strategies/mine.py', text: 'from freqtrade.strategy import IStrategy\n\n\nclass Mine(IStrategy):\n    pass\n', results, config: { select: ['tiny-sample'] } });
    out.release();
    assert.deepEqual(out.findings, []);
  });
});
