// The accuracy benchmark's own logic: reading labels from comments and scoring findings against them.
import * as assert from 'node:assert/strict';
import { expectationsIn, headerOf, notebookCells } from '../../../bench/accuracy/labels';
import { precision, recall, scoreCase, type ReportedFinding } from '../../../bench/accuracy/score';

const finding = (code: string, line: number, severity = 'error', cell?: number): ReportedFinding => ({ code, line, severity, cell, message: '' });

describe('accuracy benchmark: labels', () => {
  it('reads line and file expectations, several codes per comment', () => {
    const text = ['# kind: planted', 'x = df.shift(-1)  # expect: SL201, SL208', '# expect-file: SL302', 'y = 1'].join('\n');
    assert.deepEqual(expectationsIn(text), [
      { code: 'SL201', cell: undefined, line: 2 },
      { code: 'SL208', cell: undefined, line: 2 },
      { code: 'SL302', cell: undefined },
    ]);
    assert.deepEqual(headerOf(text), { kind: 'planted' });
  });

  it('numbers notebook cells among all cells and lines within each cell', () => {
    const nb = JSON.stringify({ cells: [{ cell_type: 'markdown', source: ['# t'] }, { cell_type: 'code', source: ['a = 1\n', 'b = a  # expect: SL203'] }] });
    const cells = notebookCells(nb);
    assert.deepEqual(cells.map((c) => c.cell), [2]);
    assert.deepEqual(expectationsIn(cells[0].source, cells[0].cell), [{ code: 'SL203', cell: 2, line: 2 }]);
  });
});

describe('accuracy benchmark: scoring', () => {
  it('an expectation is met only by its code on its line', () => {
    const out = scoreCase([{ code: 'SL201', line: 3 }], [finding('SL201', 4), finding('SL202', 3)]);
    assert.equal(out.truePositives.length, 0);
    assert.equal(out.falseNegatives.length, 1);
    assert.deepEqual(out.falsePositives.map((f) => f.code), ['SL201', 'SL202']);
  });

  it('info and hint findings never count as false alarms but do meet an expectation', () => {
    const out = scoreCase([{ code: 'SL211', line: 5 }], [finding('SL211', 5, 'info'), finding('SL214', 9, 'hint')]);
    assert.equal(out.truePositives.length, 1);
    assert.equal(out.falsePositives.length, 0);
  });

  it('file expectations take any line, after line expectations have taken theirs', () => {
    const out = scoreCase([{ code: 'SL302' }, { code: 'SL302', line: 7 }], [finding('SL302', 7, 'warning'), finding('SL302', 20, 'warning')]);
    assert.equal(out.truePositives.length, 2);
    assert.equal(out.falsePositives.length, 0);
  });

  it('notebook expectations match the cell too', () => {
    const out = scoreCase([{ code: 'SL201', cell: 3, line: 2 }], [finding('SL201', 2, 'error', 4)]);
    assert.equal(out.truePositives.length, 0);
    assert.equal(out.falsePositives.length, 1);
  });

  it('precision and recall, with empty denominators read as perfect', () => {
    assert.equal(precision({ tp: 3, fp: 1, fn: 0 }), 0.75);
    assert.equal(recall({ tp: 3, fp: 0, fn: 1 }), 0.75);
    assert.equal(precision({ tp: 0, fp: 0, fn: 2 }), 1);
  });
});
