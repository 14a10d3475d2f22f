// Unit tests of the dataflow's abstract values and transfer functions (value.ts, transfer.ts).
import * as assert from 'node:assert/strict';
import { applyShift, closeWindow, fullSampleStatistic, merged } from '../../../server/src/engine/dataflow/transfer';
import {
  bars, column, effectiveLead, join, liveSources, scalar, shifted, UNKNOWN, withColumn, withSource, type Value,
} from '../../../server/src/engine/dataflow/value';
import { initPythonParser, parsePython, type SyntaxNode } from '../../../server/src/engine/python/parser';
import { buildSyntaxIndex } from '../../../server/src/engine/python/syntax-index';

let nodes: SyntaxNode[] = [];
/** Distinct syntax nodes (sources are keyed by node id). */
function node(i: number): SyntaxNode {
  return nodes[i];
}

function withLead(v: Value, lead: number, at = 0, code = 'SL201'): Value {
  return withSource(v, { code, node: node(at), lead, what: 'test source' });
}

describe('dataflow values and transfer functions', () => {
  before(async () => {
    await initPythonParser();
    const text = Array.from({ length: 8 }, (_, i) => `x${i} = s.shift(${i})`).join('\n') + '\n';
    nodes = buildSyntaxIndex(parsePython(text), text).root.namedChildren;
  });

  describe('value shape', () => {
    // Values are copied with spreads that change a few fields; V8 keeps that fast only when the
    // fields already exist, so every value is built with all of them (value.ts, ALL_FIELDS).
    it('every way of making a value gives the same fields in the same order', () => {
      const made: Value[] = [
        UNKNOWN, scalar(), scalar(3), bars(), bars('history'),
        join(bars(), scalar()), shifted(withLead(bars(), 2), 1), withColumn(bars(), 'x', scalar()),
        column(withColumn(bars(), 'x', scalar()), 'y'), fullSampleStatistic(bars(), node(0), 'mean'),
      ];
      const fields = Object.keys(made[0]);
      assert.ok(fields.length > 30, `${fields.length} fields`);
      for (const v of made) assert.deepEqual(Object.keys(v), fields);
    });
  });

  describe('shifted', () => {
    it('moves the data lead and every source lead by -k', () => {
      const v = shifted(withLead(bars(), 3), 2);
      assert.equal(v.lead, -2);
      assert.deepEqual(v.sources.map((s) => s.lead), [1]);
      assert.equal(effectiveLead(v), 1);
      const back = shifted(v, -2);
      assert.equal(back.lead, 0);
      assert.equal(effectiveLead(back), 3);
    });

    it('keeps an infinite lead infinite (no shift compensates the whole sample)', () => {
      const v = shifted(withLead(bars(), Infinity), 100);
      assert.equal(v.sources[0].lead, Infinity);
      assert.equal(liveSources(v).length, 1);
    });

    it('shifts known columns too, and a positive shift clears higher-timeframe and left-label marks', () => {
      const frame = { ...withColumn(bars(), 'ema', withLead(bars(), 1)), higherTimeframe: { node: node(0), how: 'h' }, leftLabelled: { node: node(0), how: 'l' } };
      const later = shifted(frame, 1);
      assert.equal(later.columns?.get('ema')?.sources[0].lead, 0);
      assert.equal(later.higherTimeframe, undefined);
      assert.equal(later.leftLabelled, undefined);
      const earlier = shifted(frame, -1);
      assert.ok(earlier.higherTimeframe);
      assert.ok(earlier.leftLabelled);
    });

    it('moves the end of a return period', () => {
      assert.equal(shifted({ ...bars(), returnEnd: 0 }, -1).returnEnd, 1);
      assert.equal(shifted({ ...bars(), returnEnd: 0 }, 1).returnEnd, -1);
    });
  });

  describe('join', () => {
    it('of nothing is unknown, of one value is that value', () => {
      assert.equal(join(), UNKNOWN);
      const v = bars();
      assert.equal(join(v, undefined), v);
    });

    it('takes the most informative kind, the largest lead, and every source once (the larger lead wins)', () => {
      const a = withLead(bars(), 2, 0);
      const b = withLead(shifted(bars('history'), 1), 5, 0);
      const c = withLead(scalar(3), 1, 1);
      const out = join(a, b, c);
      assert.equal(out.kind, 'bars');
      assert.equal(out.lead, 0);
      assert.deepEqual(out.sources.map((s) => [s.node.id, s.lead]), [[node(0).id, 5], [node(1).id, 1]]);
      assert.equal(out.data, true);
    });

    it('of scalars stays a scalar with no lead; a series joined with scalars has lead 0', () => {
      assert.equal(join(scalar(1), scalar(2)).kind, 'scalar');
      assert.equal(join(scalar(1), scalar(2)).lead, -Infinity);
      const mixed = join(scalar(1), { ...UNKNOWN });
      assert.equal(mixed.kind, 'unknown');
      assert.equal(mixed.lead, 0);
    });

    it('propagates uncertainty, live-only and decision marks', () => {
      const out = join(bars(), { ...bars(), uncertain: true, liveOnly: true }, { ...scalar(), decision: true });
      assert.equal(out.uncertain, true);
      assert.equal(out.liveOnly, true);
      assert.equal(out.decision, true);
    });
  });

  describe('applyShift', () => {
    const shift = (offset: number | 'negative' | 'unknown', at = 0) => ({ offset, node: node(at), text: `shift(${offset})` });

    it('a positive offset lags the value and adds no source', () => {
      const v = applyShift(bars(), shift(3), 'shift');
      assert.equal(v.lead, -3);
      assert.deepEqual(v.sources, []);
    });

    it('a negative offset adds an SL201 source with the bars it reads ahead', () => {
      const v = applyShift(bars(), shift(-2), 'shift');
      assert.equal(v.lead, 2);
      assert.deepEqual(v.sources.map((s) => [s.code, s.lead]), [['SL201', 2]]);
      assert.match(v.sources[0].what, /reads 2 bar\(s\) ahead/);
    });

    it('a negative offset on an already lagged value that stays in the past adds no source', () => {
      const lagged = applyShift(bars(), shift(3), 'shift');
      const back = applyShift(lagged, shift(-2, 1), 'shift');
      assert.equal(back.lead, -1);
      assert.deepEqual(back.sources, []);
      const over = applyShift(lagged, shift(-4, 1), 'shift');
      assert.equal(over.lead, 1);
      assert.deepEqual(liveSources(over).map((s) => s.lead), [4]);
    });

    it('an offset known only to be negative reads at least one bar ahead; an unknown one changes nothing', () => {
      const neg = applyShift(bars(), shift('negative'), 'shift');
      assert.deepEqual(neg.sources.map((s) => s.lead), [1]);
      const unknown = applyShift(bars(), shift('unknown'), 'shift');
      assert.equal(unknown.lead, 0);
      assert.deepEqual(unknown.sources, []);
    });

    it('a positive shift on rows sorted newest first reads later rows', () => {
      const v = applyShift({ ...bars(), descending: true }, shift(1), 'shift');
      assert.deepEqual(v.sources.map((s) => [s.code, s.lead]), [['SL201', 1]]);
    });

    it('pct_change / diff: a positive period ends at t, a negative one k bars ahead; both mark a return series', () => {
      const back = applyShift(bars(), shift(1), 'pct_change');
      assert.equal(back.lead, 0);
      assert.equal(back.returnEnd, 0);
      const ahead = applyShift(bars(), shift(-3), 'pct_change');
      assert.deepEqual(ahead.sources.map((s) => s.lead), [3]);
      assert.equal(ahead.returnEnd, 3);
    });

    it('a later positive shift compensates a source exactly when it covers its lead', () => {
      const leaked = applyShift(bars(), shift(-2), 'shift');
      assert.equal(liveSources(applyShift(leaked, shift(2, 1), 'shift')).length, 0);
      assert.equal(liveSources(applyShift(leaked, shift(1, 1), 'shift')).length, 1);
    });
  });

  describe('closeWindow', () => {
    it('a centred rolling window reads half the window ahead (SL202)', () => {
      const pending: Value = { ...bars(), pending: { type: 'rolling', node: node(2), centredLead: 10 } };
      const v = closeWindow(pending, 'mean', node(3));
      assert.equal(v.pending, undefined);
      assert.deepEqual(v.sources.map((s) => [s.code, s.lead, s.node.id]), [['SL202', 10, node(2).id]]);
    });

    it('a trailing window adds nothing', () => {
      const v = closeWindow({ ...bars(), pending: { type: 'rolling', node: node(2), centredLead: 0 } }, 'mean', node(3));
      assert.equal(v.pending, undefined);
      assert.deepEqual(v.sources, []);
      assert.equal(v.lead, 0);
    });

    it('a centred window on a lagged value adds its half-window to the lag floor of 0', () => {
      const v = closeWindow({ ...shifted(bars(), 5), pending: { type: 'rolling', node: node(2), centredLead: 3 } }, 'mean', node(3));
      assert.deepEqual(v.sources.map((s) => s.lead), [3]);
    });

    it('a resample is left-labelled unless right-labelled', () => {
      const left = closeWindow({ ...bars(), pending: { type: 'resample', node: node(4), rightLabelled: false } }, 'last', node(5));
      assert.ok(left.leftLabelled);
      assert.deepEqual(left.sources, []);
      const right = closeWindow({ ...bars(), pending: { type: 'resample', node: node(4), rightLabelled: true } }, 'last', node(5));
      assert.equal(right.leftLabelled, undefined);
    });
  });

  describe('fullSampleStatistic', () => {
    it('on full-history bars is a scalar that has seen the whole sample (SL203)', () => {
      const v = fullSampleStatistic(bars(), node(0), 'mean');
      assert.equal(v.kind, 'scalar');
      assert.deepEqual(v.sources.map((s) => [s.code, s.lead]), [['SL203', Infinity]]);
    });

    it('on a slice (a training window), history or unknown data adds nothing', () => {
      for (const kind of ['slice', 'history', 'unknown'] as const) {
        const v = fullSampleStatistic({ ...bars(), kind }, node(0), 'mean');
        assert.deepEqual(v.sources, [], kind);
      }
    });

    it('keeps the sources of what it summarises', () => {
      const v = fullSampleStatistic({ ...withLead(bars(), 2, 1), kind: 'slice' }, node(0), 'mean');
      assert.deepEqual(v.sources.map((s) => s.lead), [2]);
    });
  });

  describe('merged', () => {
    const right = withColumn({ ...bars() }, 'ema_1h', bars());

    it('brings the right frame\'s columns in', () => {
      const out = merged(withColumn(bars(), 'close', bars()), right, node(0), { asof: false });
      assert.deepEqual([...(out.columns?.keys() ?? [])].sort(), ['close', 'ema_1h']);
      assert.equal(liveSources(out).length, 0);
    });

    it('an unshifted higher-timeframe frame reads its forming candle (SL216, lead 1)', () => {
      const out = merged(bars(), { ...right, higherTimeframe: { node: node(1), how: 'get_pair_dataframe' } }, node(0), { asof: false });
      // The merged-in columns carry the lead; the left frame's own bar columns do not.
      assert.deepEqual(liveSources(column(out, 'rsi_1h')).map((s) => [s.code, s.lead]), [['SL216', 1]]);
      assert.equal(liveSources(column(out, 'close')).length, 0);
      assert.equal(out.higherTimeframe, undefined);
      const lagged = merged(bars(), shifted({ ...right, higherTimeframe: { node: node(1), how: 'h' } }, 1), node(0), { asof: false });
      assert.equal(liveSources(column(lagged, 'rsi_1h')).length, 0);
    });

    it('merge_asof forward and nearest attach a later record (SL209); backward does not', () => {
      for (const direction of ['forward', 'nearest']) {
        const out = merged(bars(), right, node(0), { asof: true, direction });
        assert.deepEqual(liveSources(column(out, 'gdp')).map((s) => [s.code, s.lead]), [['SL209', Infinity]], direction);
      }
      assert.equal(liveSources(column(merged(bars(), right, node(0), { asof: true, direction: 'backward' }), 'gdp')).length, 0);
      assert.equal(liveSources(column(merged(bars(), right, node(0), { asof: true }), 'gdp')).length, 0);
    });

    it('a left-labelled resample merged back reads its whole period (SL206)', () => {
      const out = merged(bars(), { ...right, leftLabelled: { node: node(2), how: 'left' } }, node(0), { asof: false });
      assert.deepEqual(liveSources(column(out, 'sentiment')).map((s) => [s.code, s.lead, s.node.id]), [['SL206', 1, node(2).id]]);
    });
  });
});
