import { resultsDirectives } from '../../../server/src/engine/results/strategy-directives';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { attachResults, ResultFileCache } from '../../../server/src/engine/results/attach';
import { lintPython } from '../../../server/src/engine/lint';
import { initPythonParser } from '../../../server/src/engine/python/parser';
import { resultLenses } from '../../../server/src/engine/results/lens';
import { asRatios, buildReportData, equityCurve, histogram, type ReportData } from '../../../server/src/report/model';

const EXAMPLES = path.join(__dirname, '..', '..', '..', 'examples');

/** Lints an example with its results attached (as the CLI does) and builds the report and the CodeLens. */
function reportOf(relative: string, ruleOptions?: Record<string, Record<string, number>>): { data: ReportData; lensTitles: string[]; sl604?: string } {
  const file = path.join(EXAMPLES, relative);
  const text = fs.readFileSync(file, 'utf8');
  const output = lintPython({
    path: file,
    text,
    attach: (facts, directives) => attachResults({ path: file, directives: resultsDirectives(directives), classNames: facts.strategies.map((s) => s.name) }, { workspaceRoot: EXAMPLES }, new ResultFileCache()),
  });
  try {
    return {
      data: buildReportData(output, file, { ruleOptions }),
      lensTitles: resultLenses(output, file).map((l) => l.title),
      sl604: output.findings.find((f) => f.code === 'SL604')?.message,
    };
  } finally {
    output.release();
  }
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('report data model', () => {
  before(async () => {
    await initPythonParser();
  });

  describe('helpers', () => {
    it('histogram: equal-width bins covering the domain, counts add up, the maximum lands in the last bin', () => {
      const bins = histogram([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5);
      assert.equal(bins.length, 5);
      assert.equal(bins[0].x0, 0);
      assert.equal(bins[4].x1, 10);
      assert.deepEqual(bins.map((b) => b.count), [2, 2, 2, 2, 3]);
      assert.equal(sum(histogram([1, 1, 1]).map((b) => b.count)), 3, 'a constant sample still has one bin holding it');
      assert.deepEqual(histogram([NaN, Infinity]), []);
      const fixed = histogram([-0.5, 0.5, 3], 4, [-1, 1]);
      assert.equal(sum(fixed.map((b) => b.count)), 3, 'values outside a given domain are clamped into the end bins');
    });

    it('equityCurve: growth of 1 and drawdown from the running peak', () => {
      const { equity, drawdown } = equityCurve([0.1, -0.5, 0.2]);
      assert.deepEqual(equity.map((x) => +x.toFixed(6)), [1.1, 0.55, 0.66]);
      assert.deepEqual(drawdown.map((x) => +x.toFixed(6)), [0, -0.5, -0.4]);
    });

    it('asRatios: percent and basis-point matrices become ratios; ratios stay as they are', () => {
      assert.deepEqual(asRatios([0.01, -0.02]), { returns: [0.01, -0.02] });
      assert.deepEqual(asRatios([1.5, -2]), { returns: [0.015, -0.02], unit: 'percent' });
      assert.deepEqual(asRatios([98, -120]), { returns: [0.0098, -0.012], unit: 'basis points' });
    });
  });

  describe('bundled examples', () => {
    it('freqtrade BandRider: in-sample shading from the hyperopt window, the rest out-of-sample; N = 300 from the epochs', () => {
      const { data, lensTitles } = reportOf('freqtrade/user_data/strategies/BandRiderStrategy.py');
      assert.equal(data.strategies.length, 1);
      const s = data.strategies[0];
      assert.equal(s.name, 'BandRiderStrategy');
      const equity = s.equity!;
      assert.equal(equity.xKind, 'date');
      assert.equal(equity.points.length, 331);
      // Issue 18: each daily_profit entry at its own date (2023-01-03 .. 2023-11-29), no longer
      // spread evenly over the backtest period 2023-01-01 .. 2023-12-31.
      assert.equal(equity.points[0].x, '2023-01-03');
      assert.equal(equity.points[equity.points.length - 1].x, '2023-11-29');
      assert.equal(equity.datesApproximate, false);
      assert.deepEqual(
        equity.spans.map((x) => [x.kind, x.start.slice(0, 10), x.end.slice(0, 10)]),
        [
          ['in-sample', '2023-01-01', '2023-06-30'],
          ['out-of-sample', '2023-07-01', '2023-12-31'],
        ],
      );
      assert.ok(equity.inSampleReturn !== null && equity.outOfSampleReturn !== null);
      // In-sample and out-of-sample growth multiply to the whole curve's growth.
      assert.ok(Math.abs((1 + equity.inSampleReturn!) * (1 + equity.outOfSampleReturn!) - (1 + equity.totalReturn)) < 1e-9);
      const dsr = s.dsr!;
      assert.equal(dsr.trials, 300);
      assert.equal(dsr.varianceSource, 'null');
      assert.ok(dsr.nullDensity && !dsr.histogram);
      assert.ok(dsr.sharpe < dsr.expectedMax, 'the best of 300 skill-less trials beats the chosen Sharpe');
      assert.equal(dsr.verdict.level, 'bad');
      assert.equal(s.pbo, null);
      assert.match(s.missing.pbo!, /trial matrix/);
      const bars = Object.fromEntries(s.sample.bars.map((b) => [b.id, b]));
      assert.deepEqual([bars.parameters.value, bars.parameters.threshold, bars.parameters.pass], [21, 8, false]); // issue 18: 12 + 9 roi/stoploss/trailing dimensions, as SL101 counts
      assert.deepEqual([bars.trades.value, bars.trades.pass], [23, false]);
      assert.deepEqual([bars['trades-per-parameter'].threshold, bars['trades-per-parameter'].pass], [210, false]); // 21 parameters x 10 trades
      assert.equal(bars['observations-mintrl'].threshold, 258);
      assert.equal(bars['years-minbtl'].pass, false);
      assert.equal(s.sample.verdict.level, 'bad');
      // The report's figures are the CodeLens's figures.
      for (const part of s.headline) assert.ok(lensTitles[0].includes(part), `${part} in ${lensTitles[0]}`);
    });

    it('the DSR picture shows the figure SL604 judged, against the same configurable threshold', () => {
      const { data, sl604 } = reportOf('freqtrade/user_data/strategies/BandRiderStrategy.py');
      const dsr = data.strategies[0].dsr!;
      assert.ok(sl604, 'BandRider has an SL604 finding');
      // The rule's message prints the DSR with three decimals: the report's value is that number.
      assert.match(sl604!, new RegExp(`Deflated Sharpe Ratio ${dsr.dsr!.toFixed(3)}`.replace('.', '\\.')));
      assert.notEqual(dsr.verdict.level, 'ok');
      // A lower dsr-level (as a user would configure for SL604) changes the report's verdict too.
      const lenient = reportOf('freqtrade/user_data/strategies/BandRiderStrategy.py', { 'deflated-sharpe': { 'dsr-level': dsr.dsr! / 2 } });
      assert.equal(lenient.data.strategies[0].dsr!.verdict.level, 'ok');
    });

    it('freqtrade TrendPullback: optimised on 2022, so the whole 2023 curve is out-of-sample', () => {
      const s = reportOf('freqtrade/user_data/strategies/TrendPullbackStrategy.py').data.strategies[0];
      assert.equal(s.name, 'TrendPullbackStrategy');
      assert.equal(s.equity!.inSampleReturn, null);
      assert.ok(s.equity!.outOfSampleReturn !== null && Math.abs(s.equity!.outOfSampleReturn - s.equity!.totalReturn) < 1e-9);
      assert.equal(s.equity!.verdict.level, 'ok');
      assert.ok(s.sample.bars.find((b) => b.id === 'trades')!.pass);
    });

    it('LEAN: the recorded out-of-sample month lies after the data; verdict says the curve is all in-sample', () => {
      const s = reportOf('lean/MomentumRotation/main.py').data.strategies[0];
      const kinds = s.equity!.spans.map((x) => x.kind).sort();
      assert.deepEqual(kinds, ['in-sample', 'out-of-sample']);
      assert.equal(s.equity!.outOfSampleReturn, null);
      assert.equal(s.equity!.verdict.level, 'bad');
      assert.match(s.equity!.verdict.text, /out-of-sample period is recorded \(2024-06-01 to 2024-06-30\)/);
      assert.equal(s.dsr!.trials, 1);
      assert.equal(s.dsr!.expectedMax, 0);
      assert.ok(!s.sample.bars.some((b) => b.id === 'years-minbtl'), 'no MinBTL without several trials');
    });

    it('vectorbt sweep: PBO from the trial matrix, the trials\' own Sharpe distribution, the best column as the chosen one', () => {
      const { data, lensTitles } = reportOf('vectorbt/ma_sweep.py');
      const s = data.strategies[0];
      assert.equal(s.name, 'This script');
      const pbo = s.pbo!;
      assert.equal(pbo.trials, 60);
      assert.equal(pbo.combinations, 12870);
      assert.equal(sum(pbo.logitBins.map((b) => b.count)), pbo.combinations);
      // The histogram is symmetric around 0, so the bins left of 0 hold exactly the logits <= 0 ... unless one sits at 0:
      const below = sum(pbo.logitBins.filter((b) => b.x1 <= 0).map((b) => b.count));
      assert.ok(Math.abs(below / pbo.logitCount - pbo.pbo) < 1e-9);
      assert.ok(Math.abs(pbo.pbo - 0.5397) < 1e-3);
      assert.equal(pbo.pairsTotal, 12870);
      assert.ok(pbo.pairs.length <= 1500 && pbo.pairs.length > 1000);
      assert.ok(pbo.degradation && pbo.degradation.slope < 0, 'in-sample winners fall back out of sample');
      assert.equal(pbo.verdict.level, 'bad');
      const dsr = s.dsr!;
      assert.equal(dsr.trials, 60);
      assert.equal(dsr.varianceSource, 'trials');
      assert.equal(sum(dsr.histogram!.map((b) => b.count)), 60);
      assert.ok(Math.abs(dsr.sharpe - Math.max(...dsr.trialSharpes!)) < 1e-12, 'the chosen configuration is the best trial');
      // The matrix is in basis points: the equity curve uses ratios.
      assert.match(s.equity!.source, /basis points/);
      assert.ok(s.equity!.totalReturn > -1 && s.equity!.totalReturn < 10);
      assert.ok(lensTitles[0].includes(`PBO ${pbo.pbo.toFixed(2)}`));
    });

    it('backtrader grid: N = 2,000 from optstrategy, null distribution, MinBTL of about 37 years against 11', () => {
      const s = reportOf('backtrader/sma_cross.py').data.strategies[0];
      assert.equal(s.dsr!.trials, 2000);
      assert.ok(s.dsr!.nullDensity!.length > 50);
      const minBtl = s.sample.bars.find((b) => b.id === 'years-minbtl')!;
      assert.equal(Math.round(minBtl.threshold), 37);
      assert.equal(Math.round(minBtl.value), 11);
      assert.equal(minBtl.pass, false);
    });

    it('a script without results: no strategy sections, a note saying how to attach results', () => {
      const data = reportOf('sklearn/return_forecast.py').data;
      assert.equal(data.strategies.length, 0);
      assert.equal(data.terms.length, 0);
      assert.match(data.notes[0], /No backtest results are attached/);
    });

    it('every verdict term is defined in the report', () => {
      for (const example of ['freqtrade/user_data/strategies/BandRiderStrategy.py', 'vectorbt/ma_sweep.py', 'backtrader/sma_cross.py']) {
        const data = reportOf(example).data;
        const ids = new Set(data.terms.map((t) => t.id));
        for (const s of data.strategies) {
          for (const v of [s.equity?.verdict, s.dsr?.verdict, s.pbo?.verdict, s.sample.verdict]) {
            if (!v) continue;
            assert.ok(v.terms.length > 0, `${example}: verdict without terms: ${v.text}`);
            for (const t of v.terms) assert.ok(ids.has(t), `${example}: ${t}`);
          }
        }
        assert.ok(data.terms.every((t) => t.definition.length > 40));
      }
    });
  });
});
