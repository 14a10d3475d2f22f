import * as assert from 'node:assert/strict';
import { initPythonParser } from '../../../../server/src/engine/python/parser';
import { at, findings, lines } from './helpers';

const RULE = 'lookahead-forward-index';

describe('lookahead-forward-index', () => {
  before(() => initPythonParser());

  it('i + 1 is the future, i - 1 the past, -(i + 1) a backwards offset', () => {
    const text = lines(
      'for i in range(len(closes) - 1):',
      '    a = closes[i + 1]',
      '    b = closes[i - 1]',
      '    c = closes[-(i + 1)]',
      '    d = df.iloc[1 + i]',
      '    e = df.iloc[i + 1, 0]',
      '    f = closes[i]',
    );
    assert.deepEqual(at(findings(text, RULE)), ['2:9', '5:9', '6:9']);
  });

  it('writes ahead are not reads', () => {
    const text = lines('for i in range(n - 1):', '    out[i + 1] = out[i] * 2', '    out[i + 1] += 1');
    assert.deepEqual(findings(text, RULE), []);
  });

  it('a slice stop of i + 1 includes the current bar; i + 2 and beyond are ahead', () => {
    const text = lines(
      'for i in range(20, n):',
      '    a = closes[i - 20:i + 1]',
      '    b = closes[i:i + 3]',
      '    c = closes[i + 1:]',
      '    d = closes[:i + 1]',
    );
    assert.deepEqual(at(findings(text, RULE)), ['3:9', '4:9']);
  });

  it('open-ended slices are flagged in per-bar callbacks, tail windows are not', () => {
    const text = lines(
      'class Bot:',
      '    def on_bar(self, ctx, i):',
      '        rest = ctx.history[i:]',
      '        tail = ctx.history[-20:]',
      '        tail2 = ctx.history[-self.n:]',
      '        drop = ctx.buffer[1:]',
      '        last = ctx.history[len(ctx.history) - 5:]',
    );
    assert.deepEqual(at(findings(text, RULE)), ['3:16']);
  });

  it('outside loops a point index after a split boundary or size is not the future; other names are', () => {
    const text = lines('split = int(len(df) * 0.7)', 'first_test = df.iloc[split + 1]', 'nxt = df.iloc[idx + 1]', 'w = weights[window + 1]', 'k_ahead = closes[k + 2]', 'test = df.iloc[split + 1:]');
    assert.deepEqual(at(findings(text, RULE)), ['3:7', '5:11']);
  });

  it('forward reads stored as labels are fine until traded on', () => {
    const ok = lines('labels = []', 'for i in range(n - 5):', '    labels.append(closes[i + 5] > closes[i])', '    y[i] = closes[i + 1] > closes[i]');
    assert.deepEqual(findings(ok, RULE), []);
  });
});
