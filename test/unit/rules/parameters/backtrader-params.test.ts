// backtrader `params`: numbers are what an optimiser sweeps; switches are settings of the run.
import * as assert from 'node:assert/strict';
import { initPythonParser } from '../../../../server/src/engine/python/parser';
import { facts, lint, py } from './lint-snippet';

describe('backtrader params as tuned parameters', () => {
  before(() => initPythonParser());

  const strategy = (params: string[], extra: string[] = []) =>
    py(
      'import backtrader as bt',
      'class Demo(bt.Strategy):',
      '    params = (',
      ...params.map((p) => `        ${p},`),
      '    )',
      '    def next(self):',
      '        if self.data.close[0] > self.data.close[-1]:',
      '            self.buy(size=self.p.stake)',
      ...extra,
    );

  it('counts numeric defaults and not switches (printout, exectype, a moving-average kind)', () => {
    const text = strategy(["('period', 20)", "('stake', 10)", "('printout', False)", "('exectype', bt.Order.Market)", "('matype', 'ema')", "('valid', None)"]);
    const tuned = facts(text).parameters.filter((p) => p.optimized).map((p) => p.name);
    assert.deepEqual(tuned.sort(), ['period', 'stake']);
  });

  it('a switch that optstrategy sweeps is tuned through its grid', () => {
    const text = strategy(["('period', 20)", "('matype', 'ema')"], ['cerebro = bt.Cerebro()', "cerebro.optstrategy(Demo, matype=['sma', 'ema', 'wma'])"]);
    const grid = facts(text).parameters.filter((p) => p.optimized && p.kind === 'grid').map((p) => p.name);
    assert.deepEqual(grid, ['matype']);
  });

  it('a demo with many settings and two numbers is not over the limit', () => {
    const settings = ["('period', 20)", "('stake', 10)", ...['printout', 'trail', 'bracket', 'oco', 'usebracket', 'rawbracket', 'cancel'].map((n) => `('${n}', False)`)];
    assert.deepEqual(lint(strategy(settings), 'too-many-parameters'), []);
  });
});
