// Issue 18: parameter counts agree with what was really optimised.
import * as assert from 'node:assert/strict';
import { lintPython } from '../../../server/src/engine/lint';
import { initPythonParser } from '../../../server/src/engine/python/parser';
import { loadResultFile } from '../../../server/src/engine/results/load-result';
import { computeResultStatistics } from '../../../server/src/engine/results/statistics';
import type { AttachedResults } from '../../../server/src/engine/rules/rule';
import { facts, lint, py } from '../rules/parameters/lint-snippet';

const tuned = (text: string) => facts(text).parameters.filter((p) => p.optimized).map((p) => p.name);

function hyperopt(paramsDict: Record<string, unknown>, extra: Record<string, unknown> = {}): AttachedResults {
  const line = JSON.stringify({ loss: 1, params_dict: paramsDict, results_metrics: { strategy_name: 'Dip' }, current_epoch: 1, is_best: true, ...extra });
  const summaries = loadResultFile('/ws/user_data/hyperopt_results/strategy_Dip_2024-01-01_00-00-00.fthypt', Buffer.from(line + '\n' + line.replace('"current_epoch":1', '"current_epoch":2')));
  return { summaries, attached: summaries.map((s) => ({ summary: s, reason: 'test', statistics: computeResultStatistics(s, 365), keyRanges: {} })), refused: [] };
}

describe('issue 18: parameters', () => {
  before(() => initPythonParser());

  it('optimize=<class constant False> freezes the parameter, as a literal False does', () => {
    const text = py(
      'from freqtrade.strategy import IStrategy, IntParameter, DecimalParameter',
      'class Dip(IStrategy):',
      '    optimize_buy_ema = False',
      '    optimize_dip = True',
      '    base_nb_candles = IntParameter(5, 80, default=20, space="buy", optimize=optimize_buy_ema)',
      '    low_offset = DecimalParameter(0.9, 1.1, default=0.958, space="buy", optimize=optimize_buy_ema)',
      '    buy_rmi = IntParameter(30, 50, default=35, space="buy", optimize=optimize_dip)',
      '    buy_cci = IntParameter(-135, -90, default=-133, space="buy", optimize=False)',
    );
    // Frozen: base_nb_candles, low_offset (constant False), buy_cci (literal). Tuned: buy_rmi.
    assert.deepEqual(tuned(text), ['buy_rmi']);
  });

  it('short-only parameters do not count when the class cannot short', () => {
    const body = (canShort: string) => py(
      'from freqtrade.strategy import IStrategy, IntParameter',
      'class Dip(IStrategy):',
      ...(canShort ? [`    can_short = ${canShort}`] : []),
      '    buy_rsi = IntParameter(10, 40, default=30, space="buy")',
      '    short_rsi = IntParameter(60, 90, default=70, space="sell")',
      '    ema_short_period = IntParameter(5, 20, default=9, space="buy")',
      '    def populate_indicators(self, dataframe, metadata):',
      '        dataframe["ema_short"] = ta.EMA(dataframe, timeperiod=self.ema_short_period.value)',
      '        return dataframe',
      '    def populate_entry_trend(self, dataframe, metadata):',
      '        dataframe.loc[dataframe["rsi"] < self.buy_rsi.value, "enter_long"] = 1',
      '        conditions = []',
      '        conditions.append(dataframe["rsi"] > self.short_rsi.value)',
      '        dataframe.loc[reduce(lambda a, b: a & b, conditions), "enter_short"] = 1',
      '        return dataframe',
    );
    // short_rsi feeds only enter_short (through the conditions list): unusable without can_short.
    // ema_short_period is a "short" window, used for a long signal's indicator: counted.
    assert.deepEqual(tuned(body('')), ['buy_rsi', 'ema_short_period']);
    assert.deepEqual(tuned(body('False')), ['buy_rsi', 'ema_short_period']);
    assert.deepEqual(tuned(body('True')), ['buy_rsi', 'short_rsi', 'ema_short_period']);
  });

  const STRATEGY = py(
    'from freqtrade.strategy import IStrategy, IntParameter',
    'class Dip(IStrategy):',
    '    minimal_roi = {"0": 0.10, "30": 0.05}',
    '    stoploss = -0.27183',
    '    buy_rsi = IntParameter(10, 40, default=30, space="buy")',
    '    buy_adx = IntParameter(10, 40, default=20, space="buy")',
  );

  it('roi / stoploss / trailing spaces the hyperopt result shows optimised are tuned parameters', () => {
    // params_dict of the best epoch: roi_t1..roi_t3, roi_p1..roi_p3 (6) + stoploss (1) + 2 declared = 9.
    const results = hyperopt({ buy_rsi: 28, buy_adx: 22, roi_t1: 30, roi_t2: 20, roi_t3: 60, roi_p1: 0.02, roi_p2: 0.03, roi_p3: 0.05, stoploss: -0.27183 });
    const out = lintPython({ path: '/ws/user_data/strategies/dip.py', text: STRATEGY, results, config: { select: ['too-many-parameters', 'wide-search-space', 'overprecise-parameter'] } });
    out.release();
    const many = out.findings.find((f) => f.rule === 'too-many-parameters')!;
    assert.match(many.message, /Dip tunes 9 parameters \(2 declared, 6 roi and 1 stoploss dimensions the hyperopt result shows optimised\)/);
    assert.match(out.findings.find((f) => f.rule === 'wide-search-space')?.message ?? '', /plus the roi, stoploss spaces the hyperopt result shows optimised \(7 more dimensions\)/);
    assert.match(out.findings.find((f) => f.rule === 'overprecise-parameter')!.message, /fingerprint of pasted optimiser output/);
  });

  it('params_not_optimized says which spaces were not optimised; without it stoploss is not "pasted optimiser output"', () => {
    const results = hyperopt({ buy_rsi: 28, buy_adx: 22, stoploss: -0.27183 }, { params_details: { buy: { buy_rsi: 28, buy_adx: 22 }, stoploss: { stoploss: -0.27183 } }, params_not_optimized: { stoploss: { stoploss: -0.27183 } } });
    const out = lintPython({ path: '/ws/user_data/strategies/dip.py', text: STRATEGY, results, config: { select: ['overprecise-parameter', 'too-many-parameters'] } });
    out.release();
    const [f] = out.findings.filter((x) => x.rule === 'overprecise-parameter');
    assert.match(f.message, /`stoploss = -0\.27183` has 5 significant digits: more precision than a backtest can justify\. Round it/);
    assert.deepEqual(lint(STRATEGY, 'overprecise-parameter').map((x) => /pasted optimiser output/.test(x.message)), [false]);
  });

  it('hidden thresholds: each distinct literal once (a midline of 50 written six times is one)', () => {
    const text = py(
      'from freqtrade.strategy import IStrategy',
      'class Dip(IStrategy):',
      '    def populate_entry_trend(self, dataframe, metadata):',
      '        dataframe.loc[(dataframe["rsi"] < 50) & (dataframe["rsi_1h"] < 50) & (dataframe["mfi"] < 50), "enter_long"] = 1',
      '        dataframe.loc[(dataframe["cti"] < -0.5) & (dataframe["rsi_4h"] < 50) & (dataframe["srsi"] < 50) & (dataframe["uo"] < 50), "enter_long"] = 1',
      '        return dataframe',
    );
    // Literals: 50 x6, -0.5 x1 -> 2 distinct thresholds.
    assert.deepEqual(facts(text).parameters.filter((p) => p.kind === 'hidden' && !p.repeat).map((p) => p.defaultValue), [50, -0.5]);
    // The repeats stay in the facts (overprecise-parameter judges each literal) but are not counted.
  });

  it('a huge file does not report thousands of parameters', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `        dataframe.loc[dataframe["x${i}"] < ${(i + 2) * 1.5}, "enter_long"] = 1`);
    const text = py('from freqtrade.strategy import IStrategy', 'class Big(IStrategy):', '    def populate_entry_trend(self, dataframe, metadata):', ...lines, '        return dataframe');
    const [f] = lint(text, 'too-many-parameters');
    // 3,000 distinct thresholds; counting stops at 100.
    assert.match(f.message, /Big tunes 100 parameters \(100\+ distinct hidden thresholds in conditions \(counting stops there\)\)/);
  });

  it('parameter-at-search-boundary: not at an indicator\'s natural bound, and no "-0.0"', () => {
    const text = py(
      'from freqtrade.strategy import IStrategy, IntParameter, DecimalParameter',
      'class Dip(IStrategy):',
      '    buy_wr = IntParameter(-100, 0, default=0, space="buy")',
      '    sell_rsi = IntParameter(60, 100, default=100, space="sell")',
      '    buy_gap = DecimalParameter(-0.05, -0.0, default=-0.0, decimals=2, space="buy")',
      '    entry_24_r_480_1h_max = DecimalParameter(-40.0, -0.0, default=-0.0, decimals=1, space="buy")',
      '    def populate_entry_trend(self, dataframe, metadata):',
      '        dataframe.loc[(dataframe["willr"] < self.buy_wr.value) & (dataframe["gap"] < self.buy_gap.value), "enter_long"] = 1',
      '        dataframe.loc[dataframe["r_480_1h"] < self.entry_24_r_480_1h_max.value, "enter_long"] = 1',
      '        return dataframe',
    );
    // Williams %R cannot exceed 0 (also as NostalgiaForInfinity's r_480 column), RSI cannot exceed
    // 100: quiet. The gap at -0.0 is a real edge.
    const found = lint(text, 'parameter-at-search-boundary');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /^buy_gap = 0\.0 sits on the upper edge of its search range \(-0\.05 to 0\)/);
    assert.doesNotMatch(found[0].message, /-0\.0\b|-0\)/);
  });
});
