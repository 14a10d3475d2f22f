import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { lintPython } from '../../../server/src/engine/lint';
import {
  cellFindings,
  fixNotebook,
  neutraliseCell,
  notebookProgram,
  nothingToLint,
  NotebookProgram,
  parseNotebook,
  rewriteNotebookSources,
  splitSourceLines,
  type ParsedNotebook,
} from '../../../server/src/engine/notebook';
import { initPythonParser } from '../../../server/src/engine/python/parser';
import type { Finding } from '../../../server/src/engine/types';
import { pasteIntoNotebook } from './helpers';

const ROOT = path.join(__dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'notebooks');
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

function parsed(text: string): ParsedNotebook {
  const result = parseNotebook(text);
  if ('error' in result) assert.fail(result.error);
  return result.notebook;
}

function lintNotebookText(text: string, file = 'nb.ipynb') {
  const notebook = parsed(text);
  const program = notebookProgram(notebook);
  const output = lintPython({ path: file, text: program.text });
  const findings = cellFindings(program, output.findings);
  output.release();
  return { notebook, program, findings };
}

describe('notebooks: nbformat reading', () => {
  it('reads cell kinds, sources (list and string form) and the kernel language', () => {
    const nb = parsed(read('feature_engineering.ipynb'));
    assert.equal(nb.nbformat, 4);
    assert.equal(nb.language, 'python');
    assert.deepEqual(nb.cells.map((c) => c.kind), ['markdown', 'code', 'code', 'code', 'markdown', 'code', 'code', 'markdown', 'code', 'code', 'code', 'raw']);
    assert.match(nb.cells[1].source, /^%matplotlib inline\n!pip install -q yfinance\nimport numpy as np\n/);
    assert.equal(nb.cells[1].sourceForm, 'list');
    const text = JSON.stringify({ nbformat: 4, nbformat_minor: 2, metadata: {}, cells: [{ cell_type: 'code', source: 'a = 1\nb = 2', outputs: [] }] });
    const one = parsed(text);
    assert.equal(one.cells[0].source, 'a = 1\nb = 2');
    assert.equal(one.cells[0].sourceForm, 'string');
  });

  it('gives one clear error line for invalid JSON, nbformat 3, non-notebooks; never throws', () => {
    const err = (text: string) => {
      const r = parseNotebook(text);
      assert.ok('error' in r, `expected an error for ${text.slice(0, 40)}`);
      return r.error;
    };
    assert.match(err('{\n "cells": [\n  {"cell_type": "code",}\n ]\n}'), /^not a valid notebook: invalid JSON at line 3 column 24: /);
    assert.match(err(''), /invalid JSON at line 1 column 1/);
    assert.match(err('{"nbformat": 3, "nbformat_minor": 0, "worksheets": [{"cells": []}], "metadata": {}}'), /^nbformat 3 notebook: only nbformat 4 is supported/);
    assert.match(err('{"cells": []}'), /no "nbformat" field/);
    assert.match(err('[1, 2]'), /a notebook is a JSON object/);
    assert.match(err('{"nbformat": 4, "cells": [{"cell_type": "code", "source": 3}]}'), /"source" must be a string or a list/);
    assert.match(err('{"nbformat": 4, "cells": [] } trailing'), /unexpected content after the notebook/);
    assert.match(err('{"nbformat": 4, "cells": ["\u0001"]}'), /./);
    assert.match(err('['.repeat(100000)), /./);
  });

  it('skips huge outputs without building them (30 MB of base64 in well under a second)', () => {
    const blob = 'iVBORw0KGgo'.repeat(3_000_000);
    const text = JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {},
      cells: [{ cell_type: 'code', source: ['x = 1\n'], outputs: [{ output_type: 'display_data', data: { 'image/png': blob }, metadata: {} }] }],
    });
    const nb = parsed(text);
    assert.equal(nb.cells[0].source, 'x = 1\n');
  });

  it('says why a notebook has nothing to lint (no code cells, another kernel)', () => {
    assert.equal(nothingToLint(parsed('{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "markdown", "source": "# hi"}]}')), 'no code cells; nothing to check');
    assert.match(nothingToLint(parsed('{"nbformat": 4, "metadata": {"kernelspec": {"language": "R"}}, "cells": [{"cell_type": "code", "source": "x <- 1"}]}'))!, /kernel language is R/);
    assert.equal(notebookProgram(parsed('{"nbformat": 4, "metadata": {"kernelspec": {"language": "R"}}, "cells": [{"cell_type": "code", "source": "x <- 1"}]}')).cells.length, 0);
  });
});

describe('notebooks: IPython syntax is neutralised in place', () => {
  it('turns the first character of magics, shell escapes and help lines into #, keeping lengths', () => {
    const cell = '%matplotlib inline\n  !pip install x\nx = 1\ny = x % 2\n!ls\ndf.head?\nz = !pwd';
    const { text, neutralised } = neutraliseCell(cell);
    assert.equal(text, '#matplotlib inline\n  #pip install x\nx = 1\ny = x % 2\n#ls\n#f.head?\nz = !pwd');
    assert.equal(text.length, cell.length);
    assert.deepEqual(neutralised, [0, 21, 52, 56]);
  });

  it('keeps the Python body of %%time but comments out a %%bash cell entirely', () => {
    assert.equal(neutraliseCell('%%time\nx = fit()').text, '#%time\nx = fit()');
    assert.equal(neutraliseCell('\n%%bash\nls -la\n\n  echo "hi"').text, '\n#%bash\n#s -la\n\n  #cho "hi"');
  });
});

describe('notebooks: mapping between the program and cells', () => {
  const cells = [
    { key: 'a', text: 'import numpy as np\r\nx = np.arange(3)\r\n', label: 'cell 1' },
    { key: 'b', text: '', label: 'cell 2' },
    { key: 'c', text: 's = "📈📈"; y = x.shift(-1)', label: 'cell 3' },
    { key: 'd', text: '%time z = 1\nw = 2', label: 'cell 4' },
  ];
  const program = new NotebookProgram(cells);

  it('joins cells with \\n in order; offsets are shifted, never stretched', () => {
    assert.equal(program.text, 'import numpy as np\r\nx = np.arange(3)\r\n\n\ns = "📈📈"; y = x.shift(-1)\n#time z = 1\nw = 2');
    assert.deepEqual(program.cells.map((c) => c.offset), [0, 39, 40, 68]);
  });

  it('maps positions both ways through CRLF, empty cells and UTF-16 emoji columns', () => {
    const shiftAt = program.text.indexOf('shift');
    const pos = program.lines.positionAt(shiftAt);
    assert.deepEqual(pos, { line: 4, character: 18 });
    const at = program.toCell(pos)!;
    assert.equal(at.cell.key, 'c');
    assert.deepEqual(at.position, { line: 0, character: 18 }); // the emoji count twice (UTF-16), as in LSP
    assert.deepEqual(program.fromCell(at.cell, at.position), pos);
    assert.deepEqual(program.toCell({ line: 3, character: 0 })!.cell.key, 'b');
    assert.deepEqual(program.toCell({ line: 1, character: 4 }), { cell: program.cells[0], position: { line: 1, character: 4 } });
    assert.deepEqual(program.toCell({ line: 6, character: 3 }), { cell: program.cells[3], position: { line: 1, character: 3 } });
    for (const cell of program.cells) {
      for (let line = 0; line < cell.lines.lineCount; line++) {
        const p = { line, character: cell.lines.lineText(line).length };
        const back = program.toCell(program.fromCell(cell, p))!;
        assert.equal(back.cell, cell);
        assert.deepEqual(back.position, p);
      }
    }
  });

  it('maps a range into the cell it starts in, clipping at the cell end', () => {
    const r = program.toCellRange({ start: { line: 1, character: 0 }, end: { line: 4, character: 3 } })!;
    assert.equal(r.cell.key, 'a');
    assert.deepEqual(r.range, { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } });
  });

  it('refuses edits that span cells or touch a neutralised magic', () => {
    const inCell = program.toCellEdit({ range: { start: { line: 4, character: 18 }, end: { line: 4, character: 23 } }, newText: 'roll' })!;
    assert.equal(inCell.cell.key, 'c');
    assert.deepEqual(inCell.edit.range, { start: { line: 0, character: 18 }, end: { line: 0, character: 23 } });
    assert.equal(program.toCellEdit({ range: { start: { line: 1, character: 0 }, end: { line: 4, character: 1 } }, newText: '' }), undefined);
    assert.equal(program.toCellEdit({ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 1 } }, newText: '' }), undefined);
    assert.ok(program.toCellEdit({ range: { start: { line: 5, character: 1 }, end: { line: 5, character: 5 } }, newText: 'x' }));
    // An insertion at a cell's end stays in that cell.
    assert.equal(program.toCellEdit({ range: { start: { line: 1, character: 16 }, end: { line: 1, character: 16 } }, newText: '!' })!.cell.key, 'a');
  });

  it('names cells instead of program lines in messages', () => {
    assert.equal(program.rewriteMessage('read later (line 5) and line 7'), 'read later (cell 3, line 1) and cell 4, line 2');
  });
});

describe('notebooks: linting as one program', () => {
  before(() => initPythonParser());

  it('feature-engineering notebook: facts flow across cells, findings land in the right cell', () => {
    const { findings } = lintNotebookText(read('feature_engineering.ipynb'));
    const rows = findings.map((f) => `${f.cell.label}:${f.finding.range.start.line + 1}:${f.finding.range.start.character + 1} ${f.finding.code}`);
    assert.deepEqual(rows, ['cell 6:3:12 SL204', 'cell 9:1:36 SL301', 'cell 10:1:9 SL401']);
    // The scaler is fitted in cell 6 and the split that makes it a leak is in cell 9.
    assert.match(findings[0].finding.message, /scored by `score` \(cell 10, line 3\)/);
  });

  it('parameter-sweep notebook: the trial count and missing holdout land on the sweep cell', () => {
    const { findings } = lintNotebookText(read('parameter_sweep.ipynb'));
    const rows = findings.map((f) => `${f.cell.label}:${f.finding.range.start.line + 1}:${f.finding.range.start.character + 1} ${f.finding.code}`);
    assert.deepEqual(rows, ['cell 4:2:20 SL103', 'cell 4:2:20 SL302', 'cell 6:1:6 SL502']);
    assert.match(findings[0].finding.message, /4,851 combinations/);
  });

  for (const fixture of [
    'examples/freqtrade/user_data/strategies/BandRiderStrategy.py',
    'test/fixtures/strategies/lookahead/pandas/ml_leakage.py',
    'test/fixtures/strategies/sklearn/lagged_returns_shuffled.py',
    'test/fixtures/strategies/vectorbt/ma_cross_combs.py',
  ]) {
    it(`a strategy pasted into a notebook gives the same findings as the .py, at the right cell and line: ${path.basename(fixture)}`, () => {
      const py = fs.readFileSync(path.join(ROOT, fixture), 'utf8');
      const pyOut = lintPython({ path: fixture, text: py });
      const expected = pyOut.findings;
      pyOut.release();
      assert.ok(expected.length > 0);
      const pasted = pasteIntoNotebook(py, { markdownEvery: 2 });
      assert.ok(pasted.cells.length > 2, 'the strategy is spread over several cells');
      const { findings } = lintNotebookText(pasted.json);
      const byIndex = new Map(pasted.cells.map((c) => [c.index, c.pyLine]));
      // Notebook findings back to .py coordinates: the cell's first .py line + the line in the cell.
      const toPy = (cellIndex: number, line: number) => byIndex.get(cellIndex)! + line;
      const back = findings.map(({ cell, finding }) => ({
        code: finding.code,
        rule: finding.rule,
        severity: finding.severity,
        message: finding.message.replace(/cell (\d+), line (\d+)/g, (_, c: string, l: string) => `line ${toPy(Number(c) - 1, Number(l) - 1) + 1}`),
        range: {
          start: { line: toPy(cell.key, finding.range.start.line), character: finding.range.start.character },
          end: { line: toPy(cell.key, finding.range.end.line), character: finding.range.end.character },
        },
      }));
      const plain = (f: Finding) => ({ code: f.code, rule: f.rule, severity: f.severity, message: f.message, range: f.range });
      assert.deepEqual(back, expected.map(plain));
    });
  }
});

describe('notebooks: --fix rewrites only the changed cells', () => {
  before(() => initPythonParser());

  it('applies fixes per cell (shuffle=False in cell 9; Ridge in cell 10 with its import in cell 2) and leaves every other byte alone', () => {
    const text = read('feature_engineering.ipynb');
    const nb = parsed(text);
    const result = fixNotebook(nb, (t) => lintPython({ path: 'nb.ipynb', text: t }), true);
    result.output.release();
    assert.equal(result.fixed, 2);
    assert.deepEqual([...result.changed.keys()].sort(), [1, 8, 9]);
    const out = rewriteNotebookSources(text, nb.cells, result.changed);
    const before = JSON.parse(text);
    const after = JSON.parse(out);
    assert.match(after.cells[8].source.join(''), /train_test_split\(X_scaled, y, test_size=0\.2, random_state=7, shuffle=False\)/);
    assert.equal(after.cells[9].source[0], 'model = Ridge(alpha=1.0)\n');
    assert.equal(after.cells[1].source[5], 'from sklearn.linear_model import LinearRegression, Ridge\n');
    assert.equal(after.cells[1].source[0], '%matplotlib inline\n');
    for (const i of [1, 8, 9]) after.cells[i].source = before.cells[i].source;
    assert.deepEqual(after, before);
    // Byte-for-byte outside the rewritten sources: same prefix and suffix.
    const [s] = nb.cells[1].sourceSpan!;
    const [, e] = nb.cells[9].sourceSpan!;
    assert.equal(out.slice(0, s), text.slice(0, s));
    assert.equal(out.slice(out.length - (text.length - e)), text.slice(e));
    // Jupyter's own layout: one line per element, indented like the rest.
    assert.ok(out.includes('   "source": [\n    "X_train, X_test, y_train, y_test = train_test_split(X_scaled, y, test_size=0.2, random_state=7, shuffle=False)"\n   ]'));
    // A second pass finds nothing more to fix.
    const again = fixNotebook(parsed(out), (t) => lintPython({ path: 'nb.ipynb', text: t }), true);
    again.output.release();
    assert.equal(again.fixed, 0);
  });

  it('keeps the source form: string stays string, list stays list (including an empty list), indentation kept', () => {
    const text = '{\n  "cells": [\n    {\n      "cell_type": "code",\n      "source": []\n    },\n    {\n      "cell_type": "code",\n      "source": "a = 1"\n    }\n  ],\n  "metadata": {},\n  "nbformat": 4,\n  "nbformat_minor": 5\n}\n';
    const nb = parsed(text);
    const out = rewriteNotebookSources(text, nb.cells, new Map([[0, 'x = 1\r\ny = 2\n'], [1, 'a = 2\n']]));
    assert.equal(out, '{\n  "cells": [\n    {\n      "cell_type": "code",\n      "source": [\n        "x = 1\\r\\n",\n        "y = 2\\n"\n      ]\n    },\n    {\n      "cell_type": "code",\n      "source": "a = 2\\n"\n    }\n  ],\n  "metadata": {},\n  "nbformat": 4,\n  "nbformat_minor": 5\n}\n');
    assert.deepEqual(splitSourceLines('a\r\nb\rc\n\nd'), ['a\r\n', 'b\r', 'c\n', '\n', 'd']);
  });

  it('does not apply a fix that would rewrite a magic', () => {
    const text = JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: 'code', source: ['%time x = 1\n', 'y = 2'] }] });
    const nb = parsed(text);
    const program = notebookProgram(nb);
    assert.equal(program.toCellEdit({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 11 } }, newText: '' }), undefined);
  });
});
