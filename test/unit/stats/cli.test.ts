import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runPboCommand } from '../../../server/src/cli/pbo-command';
import { runStatsCommand, type StatsIo } from '../../../server/src/cli/stats-command';
import { computeSharpeStats } from '../../../server/src/engine/stats/summary';
import { RUBENBRIONES_RETURNS, randomMatrix } from './fixtures';

interface Run {
  code: number;
  out: string;
  err: string;
}

function io(extra: Partial<StatsIo> = {}): { io: StatsIo; result: () => { out: string; err: string } } {
  let out = '';
  let err = '';
  return {
    io: { stdout: (s) => (out += s), stderr: (s) => (err += s), readFile: (p) => fs.readFileSync(p), ...extra },
    result: () => ({ out, err }),
  };
}

function stats(args: string[], extra: Partial<StatsIo> = {}): Run {
  const h = io(extra);
  const code = runStatsCommand(args, h.io);
  return { code, ...h.result() };
}

function pbo(args: string[]): Run {
  const h = io();
  const code = runPboCommand(args, h.io);
  return { code, ...h.result() };
}

/** Exit 2 and exactly one line on stderr, nothing on stdout. */
function assertBadInput(r: Run, pattern: RegExp): void {
  assert.equal(r.code, 2, `exit code, stderr: ${r.err}`);
  assert.equal(r.out, '');
  assert.match(r.err, /^[^\n]+\n$/, 'one stderr line');
  assert.match(r.err, pattern);
}

describe('cli: stats and pbo commands', () => {
  let dir: string;
  const file = (name: string, text: string): string => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, text);
    return p;
  };
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strategy-lint-stats-'));
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('stats', () => {
    it('one-column CSV without header -> the summary JSON', () => {
      const p = file('r.csv', RUBENBRIONES_RETURNS.join('\n') + '\n');
      const r = stats([p, '--format', 'json']);
      assert.equal(r.code, 0, r.err);
      assert.equal(r.err, '');
      assert.deepEqual(JSON.parse(r.out), JSON.parse(JSON.stringify(computeSharpeStats({ returns: RUBENBRIONES_RETURNS, periodsPerYear: 252 }))));
    });

    it('reads CSV with the engine\'s reader: quoted cells, comment lines, and the file line of a bad cell', () => {
      // A quoted date holding the delimiter used to shift every column; a '#' line is not data.
      const p = file('q.csv', '# exported returns\n"date, UTC",returns\n"2024-01-02, 00:00",0.01\n"2024-01-03, 00:00",-0.02\n"2024-01-04, 00:00",oops\n');
      const r = stats([p, '--format', 'json']);
      assert.equal(r.code, 2);
      assert.match(r.err, /q\.csv:5: 'oops' is not a number/);
      const ok = file('q2.csv', '"date, UTC",returns\n"2024-01-02, 00:00",0.01\n"2024-01-03, 00:00",-0.02\n"2024-01-04, 00:00",0.03\n');
      const good = stats([ok, '--format', 'json']);
      assert.equal(good.code, 0, good.err);
      assert.deepEqual(JSON.parse(good.out), JSON.parse(JSON.stringify(computeSharpeStats({ returns: [0.01, -0.02, 0.03], periodsPerYear: 252 }))));
    });

    it('named returns column, periods per year, trials and variance', () => {
      const rows = RUBENBRIONES_RETURNS.map((v, i) => `2024-01-${String((i % 28) + 1).padStart(2, '0')},${100 + i},${v}`);
      const p = file('named.csv', ['date,equity,Return', ...rows].join('\r\n'));
      const r = stats(['stats', p, '--periods-per-year=365', '--trials', '50', '--trial-sharpe-variance', '0.004', '--format', 'json']);
      assert.equal(r.code, 0, r.err);
      const j = JSON.parse(r.out);
      assert.deepEqual(Object.keys(j), ['observations', 'sharpe', 'sharpe_annualized', 'skewness', 'kurtosis', 'psr', 'min_trl', 'expected_max_sharpe', 'dsr', 'min_btl_years']);
      const expected = computeSharpeStats({ returns: RUBENBRIONES_RETURNS, periodsPerYear: 365, trials: 50, trialSharpeVariance: 0.004 });
      assert.deepEqual(j, JSON.parse(JSON.stringify(expected)));
    });

    it('summary figures instead of a file (paper example, PSR 0.982)', () => {
      const r = stats(['--sharpe', '0.458', '--observations', '24', '--periods-per-year', '12', '--format', 'json']);
      assert.equal(r.code, 0, r.err);
      const j = JSON.parse(r.out);
      assert.equal(j.kurtosis, 3);
      assert.ok(Math.abs(j.psr - 0.982) <= 0.0005);
    });

    it('text output and help', () => {
      const r = stats(['--sharpe', '0.1', '--observations', '500']);
      assert.equal(r.code, 0);
      assert.match(r.out, /PSR\s+0\.98/);
      assert.match(r.out, /MinTRL \(periods\)/);
      const h = stats(['--help']);
      assert.equal(h.code, 0);
      assert.match(h.out, /file's own, else 252/);
      assert.match(h.out, /365/);
    });

    it('non-CSV files go through the injected loader', () => {
      const loaded = stats(['result.json', '--format', 'json'], { loadReturns: () => RUBENBRIONES_RETURNS.slice() });
      assert.equal(loaded.code, 0, loaded.err);
      assert.equal(JSON.parse(loaded.out).observations, 50);
      assertBadInput(stats(['result.json'], { loadReturns: () => ({ error: 'no trades in file' }) }), /result\.json: no trades in file/);
      assertBadInput(stats(['result.json']), /only CSV/);
    });

    it('bad input -> exit 2 with one stderr line', () => {
      assertBadInput(stats([]), /missing FILE/);
      assertBadInput(stats([path.join(dir, 'missing.csv')]), /cannot read/);
      assertBadInput(stats([file('bad.csv', 'return\n0.01\nabc\n0.02\n')]), /bad\.csv:3: 'abc' is not a number/);
      assertBadInput(stats([file('empty.csv', 'return\n')]), /no data rows/);
      assertBadInput(stats([file('wide.csv', 'a,b\n1,2\n')]), /none named return/);
      assertBadInput(stats(['--sharpe', '0.1']), /go together/);
      assertBadInput(stats(['--sharpe', 'x', '--observations', '10']), /--sharpe must be a number/);
      assertBadInput(stats(['--sharpe', '0.1', '--observations', '1']), /integer >= 2/);
      assertBadInput(stats([file('ok.csv', '0.01\n0.02\n'), '--sharpe', '0.1']), /not both/);
      assertBadInput(stats(['--frobnicate']), /unknown option --frobnicate/);
      assertBadInput(stats(['--sharpe', '0.1', '--observations', '10', '--format', 'xml']), /--format must be json or text/);
      assertBadInput(stats(['--sharpe', '0.1', '--observations', '10', '--trials', '0']), /--trials must be a whole number >= 1/);
      // Issue 18: a fraction of a trial is refused (1 < N < 2 made E[max] negative).
      assertBadInput(stats(['--sharpe', '0.1', '--observations', '10', '--trials', '1.2']), /--trials must be a whole number >= 1/);
      assertBadInput(stats(['--sharpe', '0.1', '--observations', '10', '--trial-sharpe-variance', '0.1']), /needs --trials/);
      assertBadInput(stats(['--sharpe', '0.1', '--observations', '10', '--periods-per-year']), /needs a value/);
    });

    it('a constant series is valid input: nulls, exit 0', () => {
      const r = stats([file('flat.csv', '0.01\n0.01\n0.01\n'), '--format', 'json']);
      assert.equal(r.code, 0);
      const j = JSON.parse(r.out);
      assert.equal(j.sharpe, null);
      assert.equal(j.psr, null);
    });
  });

  describe('pbo', () => {
    const csv = (m: number[][], header = true, dates = false): string => {
      const cols = m[0].length;
      const lines = m.map((row, t) => (dates ? [`2020-01-${t}`] : []).concat(row.map(String)).join(','));
      const head = (dates ? ['date'] : []).concat(Array.from({ length: cols }, (_, j) => `cfg${j + 1}`)).join(',');
      return (header ? [head, ...lines] : lines).join('\n') + '\n';
    };

    it('JSON keys and default S = 16 (dates column ignored)', () => {
      const m = randomMatrix(160, 6, 21);
      const r = pbo([file('m.csv', csv(m, true, true)), '--format', 'json']);
      assert.equal(r.code, 0, r.err);
      const j = JSON.parse(r.out);
      assert.deepEqual(Object.keys(j), ['pbo', 'splits', 'combinations', 'trials', 'observations', 'logits']);
      assert.equal(j.splits, 16);
      assert.equal(j.combinations, 12870);
      assert.equal(j.trials, 6);
      assert.equal(j.observations, 160);
      assert.equal(j.logits.length, 12870);
      assert.ok(j.pbo >= 0 && j.pbo <= 1);
    });

    it('short matrix: default S reduced to the largest even S with 2 rows per block', () => {
      const r = pbo(['pbo', file('short.csv', csv(randomMatrix(20, 3, 22), false)), '--format', 'json']);
      assert.equal(r.code, 0, r.err);
      assert.equal(JSON.parse(r.out).splits, 10);
      const t = pbo([file('short2.csv', csv(randomMatrix(20, 3, 22)))]);
      assert.equal(t.code, 0);
      assert.match(t.out, /reduced from 16/);
    });

    it('explicit splits and metric', () => {
      const r = pbo([file('m2.csv', csv(randomMatrix(64, 4, 23))), '--splits', '8', '--metric', 'mean', '--format', 'json']);
      assert.equal(r.code, 0, r.err);
      assert.equal(JSON.parse(r.out).combinations, 70);
    });

    it('bad input -> exit 2 with one stderr line', () => {
      const m = randomMatrix(64, 4, 24);
      const withNaN = csv(m).replace(/\n([^\n]*)\n/, (_, l: string) => `\n${l.replace(/^[^,]+/, '')}\n`); // empty first cell of row 1
      assertBadInput(pbo([file('nan.csv', withNaN)]), /column 1 has a non-finite value \(NaN\) at row 1/);
      assertBadInput(pbo([file('odd.csv', csv(m)), '--splits', '7']), /--splits must be an even integer/);
      assertBadInput(pbo([file('m3.csv', csv(m)), '--metric', 'sortino']), /--metric must be sharpe or mean/);
      assertBadInput(pbo([file('tiny.csv', 'a,b\n1,2\n3,4\n')]), /too few for PBO/);
      assertBadInput(pbo([file('one.csv', csv(m.map((r) => [r[0]])))]), /at least 2 configurations/);
      assertBadInput(pbo([file('text.csv', 'a,b\n1,x\n')]), /'x' is not a number/);
      assertBadInput(pbo([]), /missing MATRIX/);
      assertBadInput(pbo([path.join(dir, 'nope.csv')]), /cannot read/);
    });
  });
});
