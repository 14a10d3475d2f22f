import * as assert from 'node:assert/strict';
import { initPythonParser } from '../../../../server/src/engine/python/parser';
import { lint, linesOf, py } from './lint-snippet';

describe('parameter-at-search-boundary', () => {
  before(() => initPythonParser());

  it('reports defaults and pasted values on the edge of the range', () => {
    const text = py(
      'from freqtrade.strategy import IStrategy, IntParameter, DecimalParameter',
      'class S(IStrategy):',
      '    low_edge = IntParameter(10, 40, default=10, space="buy")',
      '    inside = IntParameter(10, 40, default=25, space="buy")',
      '    pasted_edge = IntParameter(60, 90, default=75, space="sell")',
      '    dec_edge = DecimalParameter(0.9, 1.1, default=1.1, decimals=2, space="sell")',
      '    frozen = IntParameter(10, 40, default=40, optimize=False)',
      '    tiny = IntParameter(1, 3, default=3)',
      '    sell_params = {"pasted_edge": 90}',
    );
    const found = lint(text, 'parameter-at-search-boundary');
    assert.deepEqual(linesOf(found), [3, 6, 9]);
    assert.match(found[0].message, /lower edge .*10 to 40/);
    assert.match(found[2].message, /pasted_edge = 90 sits on the upper edge/);
  });

  it('checks Jesse min/max', () => {
    const text = py(
      'from jesse.strategies import Strategy',
      'class J(Strategy):',
      '    def hyperparameters(self):',
      '        return [{"name": "p", "type": int, "min": 10, "max": 60, "default": 60}, {"name": "q", "type": int, "min": 10, "max": 60, "default": 30}]',
    );
    assert.equal(lint(text, 'SL104').length, 1);
  });
});
