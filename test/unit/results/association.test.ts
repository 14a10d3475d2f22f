import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { associateResults, isRefused, type ResultCandidate } from '../../../server/src/engine/results/association';
import { initPythonParser } from '../../../server/src/engine/python/parser';
import { directivesOf } from '../../helpers/result-directives';
import { fixturePath } from './fixtures';

function tempWorkspace(): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sl-assoc-')));
}

function write(root: string, rel: string, content: string | Buffer = '{}', mtime?: number): string {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  if (mtime !== undefined) fs.utimesSync(file, mtime, mtime);
  return file;
}

const rel = (root: string, c: ResultCandidate) => path.relative(root, c.file).split(path.sep).join('/');

describe('results: association of result files with a strategy', () => {
  before(() => initPythonParser());
  const roots: string[] = [];
  afterEach(() => {
    for (const r of roots.splice(0)) fs.rmSync(r, { recursive: true, force: true });
  });
  const workspace = () => {
    const r = tempWorkspace();
    roots.push(r);
    return r;
  };

  it('orders directive, sidecar, freqtrade and settings candidates by precedence', () => {
    const root = workspace();
    const strategyText = '# strategy-lint: results=../reports/a.json, "b.csv"\nclass MyStrat(IStrategy):\n    pass\n';
    const strategy = write(root, 'user_data/strategies/my_strat.py', strategyText);
    write(root, 'user_data/reports/a.json');
    write(root, 'user_data/strategies/b.csv', 'return\n0.1\n');
    write(root, 'user_data/strategies/my_strat.backtest.json');
    write(root, 'user_data/strategies/MyStrat.backtest.json');
    const meta = JSON.stringify({ MyStrat: { run_id: 'x', backtest_start_time: 1 } });
    write(root, 'user_data/backtest_results/backtest-result-2024-01-01_00-00-00.json', '{"strategy": {"MyStrat": {}}}', 1_700_000_000);
    write(root, 'user_data/backtest_results/backtest-result-2024-01-01_00-00-00.meta.json', meta);
    write(root, 'user_data/hyperopt_results/strategy_MyStrat_2024-01-02_00-00-00.fthypt', '{}\n');
    write(root, 'user_data/hyperopt_results/strategy_Other_2024-01-03_00-00-00.fthypt', '{}\n');
    write(root, 'exports/run1.csv', 'return\n0.1\n');
    const found = associateResults({ strategyPath: strategy, directives: directivesOf(strategyText), classNames: ['MyStrat'], workspaceRoot: root, settingsGlobs: ['exports/**/*.csv'] });
    assert.deepEqual(found.map((c) => [rel(root, c), c.source]), [
      ['user_data/reports/a.json', 'directive'],
      ['user_data/strategies/b.csv', 'directive'],
      ['user_data/strategies/my_strat.backtest.json', 'sidecar'],
      ['user_data/strategies/MyStrat.backtest.json', 'sidecar'],
      ['user_data/backtest_results/backtest-result-2024-01-01_00-00-00.json', 'freqtrade'],
      ['user_data/hyperopt_results/strategy_MyStrat_2024-01-02_00-00-00.fthypt', 'freqtrade'],
      ['exports/run1.csv', 'settings'],
    ]);
    assert.ok(found.every((c) => !isRefused(c)));
    // The directive candidate points at the path inside the comment.
    const first = found[0];
    assert.equal(strategyText.slice(first.at!.offset, first.at!.offset + first.at!.length), '../reports/a.json');
    assert.equal(strategyText.slice(found[1].at!.offset, found[1].at!.offset + found[1].at!.length), 'b.csv');
  });

  it('prefers the file .last_result.json names when it holds the class (real samples)', () => {
    const root = workspace();
    const samples = fixturePath('freqtrade/backtest_results');
    const dir = path.join(root, 'ft/user_data/backtest_results');
    fs.mkdirSync(dir, { recursive: true });
    for (const name of fs.readdirSync(samples)) fs.copyFileSync(path.join(samples, name), path.join(dir, name));
    // Make the multi-strategy file the newest: last_result must still win for StrategyTestV3.
    fs.utimesSync(path.join(dir, 'backtest-result.json'), 1_600_000_000, 1_600_000_000);
    fs.utimesSync(path.join(dir, 'backtest-result_multistrat.json'), 1_700_000_000, 1_700_000_000);
    const strategy = write(root, 'ft/user_data/strategies/strats.py', 'class StrategyTestV3: pass\nclass TestStrategy: pass\n');
    const found = associateResults({ strategyPath: strategy, directives: [], classNames: ['StrategyTestV3', 'TestStrategy'], workspaceRoot: root });
    assert.deepEqual(found.map((c) => [path.basename(c.file), (c as { reason: string }).reason]), [
      ['backtest-result.json', '.last_result.json names backtest-result.json, which holds StrategyTestV3'],
      ['backtest-result_multistrat.json', 'newest result in user_data/backtest_results holding TestStrategy'],
    ]);
  });

  it('finds strategies without a meta file by peeking at the head and tail only', () => {
    const root = workspace();
    const dir = path.join(root, 'user_data/backtest_results');
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(fixturePath('freqtrade/backtest_results/backtest-result_multistrat.json'), path.join(dir, 'backtest-result-x.json'));
    const strategy = write(root, 'user_data/strategies/t.py', '');
    const found = associateResults({ strategyPath: strategy, directives: [], classNames: ['TestStrategy'], workspaceRoot: root });
    assert.deepEqual(found.map((c) => path.basename(c.file)), ['backtest-result-x.json']);
  });

  it('uses the newest LEAN backtest folder and config.json', () => {
    const root = workspace();
    const main = write(root, 'MyProject/main.py', 'class MyAlgo(QCAlgorithm): pass\n');
    write(root, 'MyProject/config.json', '{"algorithm-language": "Python", "parameters": {}}');
    write(root, 'MyProject/backtests/2024-01-01_10-00-00/111.json');
    write(root, 'MyProject/backtests/2024-03-05_09-30-00/222.json');
    write(root, 'MyProject/backtests/2024-03-05_09-30-00/222-order-events.json');
    write(root, 'MyProject/backtests/2024-03-05_09-30-00/data-monitor-report-20240305.json');
    const found = associateResults({ strategyPath: main, directives: [], classNames: ['MyAlgo'], workspaceRoot: root });
    assert.deepEqual(found.map((c) => [rel(root, c), c.source]), [
      ['MyProject/backtests/2024-03-05_09-30-00/222.json', 'lean'],
      ['MyProject/config.json', 'lean'],
    ]);
  });

  it('matches brace and bracket globs with the configuration\'s glob engine (issue 17, bug 4)', () => {
    const root = workspace();
    const strategyText = 'class S: pass\n';
    const strategy = write(root, 'strategies/s.py', strategyText);
    write(root, 'results/a/run.json', '{}');
    write(root, 'results/b/run.json', '{}');
    write(root, 'results/c/run.json', '{}');
    write(root, 'results/x1.csv', 'return\n0.1\n');
    write(root, 'results/x9.csv', 'return\n0.1\n');
    const found = associateResults({ strategyPath: strategy, directives: directivesOf(strategyText), classNames: ['S'], workspaceRoot: root, settingsGlobs: ['results/{a,b}/*.json', 'results/x[12].csv'] });
    assert.deepEqual(found.map((c) => rel(root, c)).sort(), ['results/a/run.json', 'results/b/run.json', 'results/x1.csv']);
  });

  it('refuses a .. escape and a symlink escape, and reports a missing directive file', () => {
    const root = workspace();
    const outside = workspace();
    write(outside, 'secret.json', '{"format": "strategy-lint/v1"}');
    const strategyText = '# strategy-lint: results=../../outside.json, missing.json\nclass S: pass\n';
    const strategy = write(root, 'strategies/deep/s.py', strategyText);
    fs.symlinkSync(path.join(outside, 'secret.json'), path.join(root, 'strategies/deep/s.backtest.json'));
    // a symlinked folder matched by a glob must not be followed
    fs.symlinkSync(outside, path.join(root, 'linked'));
    const settingsGlobs = ['**/*.json', '../*.json'];
    const found = associateResults({ strategyPath: strategy, directives: directivesOf(strategyText), classNames: ['S'], workspaceRoot: path.join(root, 'strategies') , settingsGlobs });
    const refused = found.filter(isRefused);
    assert.deepEqual(refused.map((c) => [c.source === 'settings' ? c.file : path.basename(c.file), c.source]), [
      ['outside.json', 'directive'],
      ['missing.json', 'directive'],
      ['s.backtest.json', 'sidecar'],
      ['../*.json', 'settings'],
    ]);
    assert.match(refused[0].refused, /outside the workspace/);
    assert.match(refused[1].refused, /not found/);
    assert.match(refused[2].refused, /symlink/);
    // The glob walk meets the escaping sidecar again: refused once, never accepted.
    assert.ok(found.filter((c) => !isRefused(c)).every((c) => !c.file.includes('secret')));
  });

  it('refuses a symlinked result inside user_data that points outside', () => {
    const root = workspace();
    const outside = workspace();
    write(outside, 'r.json', '{"strategy": {"S": {}}}');
    const strategy = write(root, 'user_data/strategies/s.py', '');
    fs.mkdirSync(path.join(root, 'user_data/backtest_results'), { recursive: true });
    fs.symlinkSync(path.join(outside, 'r.json'), path.join(root, 'user_data/backtest_results/r.json'));
    write(root, 'user_data/backtest_results/.last_result.json', '{"latest_backtest": "r.json"}');
    const found = associateResults({ strategyPath: strategy, directives: [], classNames: ['S'], workspaceRoot: root });
    assert.equal(found.filter((c) => !isRefused(c)).length, 0);
  });

  it('offers every hyperopt run of the class, newest first (issue 18: N counts all runs)', () => {
    const root = workspace();
    const strategy = write(root, 'user_data/strategies/my_strat.py', 'class MyStrat(IStrategy):\n    pass\n');
    write(root, 'user_data/hyperopt_results/strategy_MyStrat_2024-01-02_00-00-00.fthypt', '{}\n', 1_700_000_000);
    write(root, 'user_data/hyperopt_results/strategy_MyStrat_2024-02-02_00-00-00.fthypt', '{}\n', 1_700_100_000);
    write(root, 'user_data/hyperopt_results/strategy_Other_2024-01-03_00-00-00.fthypt', '{}\n');
    const found = associateResults({ strategyPath: strategy, directives: [], classNames: ['MyStrat'], workspaceRoot: root });
    assert.deepEqual(found.map((c) => rel(root, c)), [
      'user_data/hyperopt_results/strategy_MyStrat_2024-02-02_00-00-00.fthypt',
      'user_data/hyperopt_results/strategy_MyStrat_2024-01-02_00-00-00.fthypt',
    ]);
    assert.match((found[1] as { reason: string }).reason, /hyperopt run 2 of 2 for MyStrat/);
  });
});
