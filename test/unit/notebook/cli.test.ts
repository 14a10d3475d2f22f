import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../server/src/cli/main';
import { pasteIntoNotebook } from './helpers';

const ROOT = path.join(__dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'notebooks');

async function run(args: string[]): Promise<{ code: number; out: string; err: string[] }> {
  let out = '';
  const err: string[] = [];
  const code = await main(args, { stdout: (t) => (out += t), stderr: (l) => err.push(l) });
  return { code, out, err };
}

describe('strategy-lint check on notebooks', () => {
  let tmp: string;
  before(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-nb-'))));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('reports file:cell N:line:col (N among all cells, line within the cell) and exits 1', async () => {
    const file = path.join(FIXTURES, 'feature_engineering.ipynb');
    const { code, out, err } = await run(['check', file]);
    assert.equal(code, 1, err.join('\n'));
    const rows = out.trim().split('\n').slice(0, -1).map((l) => l.slice(file.length).split(' [')[0]);
    assert.deepEqual(rows, [':cell 6:3:12: warning SL204', ':cell 9:1:36: warning SL301', ':cell 10:1:9: warning SL401']);
    assert.match(out, /scored by `score` \(cell 10, line 3\)/);
  });

  it('finds notebooks when walking a directory, next to .py files', async () => {
    const { out } = await run(['check', FIXTURES]);
    assert.match(out, /parameter_sweep\.ipynb:cell 4:2:20: (?:error|warning|info|hint) SL103 \[wide-search-space\]/);
    assert.match(out, /Found 6 problems in 2 file\(s\)/);
  });

  it('--format json adds a cell field', async () => {
    const { out } = await run(['check', path.join(FIXTURES, 'parameter_sweep.ipynb'), '--format', 'json']);
    const rows = JSON.parse(out) as { cell: number; line: number; column: number; code: string }[];
    assert.deepEqual(rows.map((r) => [r.cell, r.line, r.column, r.code]), [[4, 2, 20, 'SL103'], [4, 2, 20, 'SL302'], [6, 1, 6, 'SL502']]);
  });

  it('--format sarif points at the notebook file, at the line holding the source line', async () => {
    const file = path.join(FIXTURES, 'parameter_sweep.ipynb');
    const { out } = await run(['check', file, '--format', 'sarif']);
    const result = JSON.parse(out).runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'SL103');
    const location = result.locations[0].physicalLocation;
    assert.match(location.artifactLocation.uri, /parameter_sweep\.ipynb$/);
    const fileLine = fs.readFileSync(file, 'utf8').split('\n')[location.region.startLine - 1];
    assert.match(fileLine, /fast_ma, slow_ma = vbt\.MA\.run_combs/);
    assert.deepEqual(result.properties, { cell: 4, line: 2, column: 20, endLine: 2, endColumn: 36 });
  });

  it('--fix rewrites only the changed cells, keeping outputs, metadata and layout', async () => {
    const file = path.join(tmp, 'fe.ipynb');
    const original = fs.readFileSync(path.join(FIXTURES, 'feature_engineering.ipynb'), 'utf8');
    fs.writeFileSync(file, original);
    const { err, out } = await run(['check', file, '--unsafe-fixes']);
    assert.deepEqual(err, [`${file}: fixed 2 problems in cells 2, 9, 10`]);
    assert.match(out, /cell 6:3:12: (?:error|warning|info|hint) SL204/);
    assert.doesNotMatch(out, /SL301|SL401/);
    const before = JSON.parse(original);
    const after = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (let i = 0; i < before.cells.length; i++) {
      if (![1, 8, 9].includes(i)) assert.deepEqual(after.cells[i], before.cells[i]);
      else {
        assert.deepEqual({ ...after.cells[i], source: [] }, { ...before.cells[i], source: [] });
        assert.ok(Array.isArray(after.cells[i].source));
      }
    }
    assert.deepEqual(after.metadata, before.metadata);
    // A safe --fix pass now has nothing to do and leaves the file as it is.
    const fixedText = fs.readFileSync(file, 'utf8');
    const second = await run(['check', file, '--fix']);
    assert.deepEqual(second.err, []);
    assert.equal(fs.readFileSync(file, 'utf8'), fixedText);
  });

  it('bad notebooks give one clear error line each, exit 2, never a crash', async () => {
    const write = (name: string, text: string) => {
      const p = path.join(tmp, name);
      fs.writeFileSync(p, text);
      return p;
    };
    const invalid = write('broken.ipynb', '{\n "cells": [\n');
    const v3 = write('old.ipynb', JSON.stringify({ nbformat: 3, nbformat_minor: 0, metadata: {}, worksheets: [{ cells: [] }] }));
    const binary = write('bin.ipynb', '\u0000\u0001');
    const { code, err } = await run(['check', invalid, v3, binary]);
    assert.equal(code, 2);
    assert.equal(err.length, 3, err.join('\n'));
    assert.match(err[0], /broken\.ipynb: not a valid notebook: invalid JSON at line 3 column 1/);
    assert.match(err[1], /old\.ipynb: nbformat 3 notebook: only nbformat 4 is supported/);
    assert.match(err[2], /bin\.ipynb: binary content/);
  });

  it('a notebook without code cells is a note, not an error; huge outputs are skipped', async () => {
    const prose = path.join(tmp, 'prose.ipynb');
    fs.writeFileSync(prose, JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: 'markdown', metadata: {}, source: ['# Notes'] }] }));
    const first = await run(['check', prose]);
    assert.equal(first.code, 0);
    assert.deepEqual(first.err, [`${prose}: no code cells; nothing to check`]);
    const huge = path.join(tmp, 'huge.ipynb');
    const blob = 'A'.repeat(6_000_000); // 42 MB over the 7 code cells, under the 50 MB notebook cap
    const sweep = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'parameter_sweep.ipynb'), 'utf8'));
    for (const cell of sweep.cells) if (cell.cell_type === 'code') cell.outputs.push({ output_type: 'display_data', metadata: {}, data: { 'image/png': blob } });
    fs.writeFileSync(huge, JSON.stringify(sweep, null, 1));
    const second = await run(['check', huge]);
    assert.equal(second.code, 1);
    assert.match(second.out, /huge\.ipynb:cell 4:2:20: (?:error|warning|info|hint) SL103/);
  });

  it('a strategy pasted into a notebook gives the same rows as the .py file, at the right cell and line', async () => {
    const py = path.join(ROOT, 'test', 'fixtures', 'strategies', 'lookahead', 'pandas', 'ml_leakage.py');
    const text = fs.readFileSync(py, 'utf8');
    const pasted = pasteIntoNotebook(text, { markdownEvery: 2 });
    const nb = path.join(tmp, 'ml_leakage.ipynb');
    fs.writeFileSync(nb, pasted.json);
    const pyRows = JSON.parse((await run(['check', py, '--format', 'json'])).out) as Record<string, unknown>[];
    const nbRows = JSON.parse((await run(['check', nb, '--format', 'json'])).out) as Record<string, unknown>[];
    const pyLineOf = (cell: number, line: number) => pasted.cells.find((c) => c.index === cell - 1)!.pyLine + line;
    const back = nbRows.map(({ cell, file, ...row }) => ({
      ...row,
      file: py,
      line: pyLineOf(cell as number, row.line as number),
      endLine: pyLineOf(cell as number, row.endLine as number),
      message: String(row.message).replace(/cell (\d+), line (\d+)/g, (_: string, c: string, l: string) => `line ${pyLineOf(Number(c), Number(l))}`),
      ...(row.related
        ? { related: (row.related as { cell: number; line: number }[]).map(({ cell: relatedCell, ...r }) => ({ ...r, line: pyLineOf(relatedCell, r.line) })) }
        : {}),
    }));
    assert.ok(pyRows.length >= 5);
    assert.deepEqual(back, pyRows);
  });
});
