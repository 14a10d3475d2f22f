import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { ConfigLoader, type ConfigFs } from '../../../server/src/engine/config';
import { nodeConfigFs } from '../../../server/src/engine/config/node-fs';
import { tempWorkspace } from './helpers';

const FIXTURE = path.join(__dirname, '..', '..', 'fixtures', 'config', 'project');

describe('config discovery: the nearest configuration file wins', () => {
  it('finds the fixture project configurations (pyproject, nearer strategy-lint.toml, JSON over TOML)', () => {
    const loader = new ConfigLoader(nodeConfigFs);
    const top = loader.configFor(path.join(FIXTURE, 'strategies', '..', 'pyproject-sibling.py'), FIXTURE)!;
    assert.equal(top.source, path.join(FIXTURE, 'pyproject.toml'));
    assert.equal(top.kind, 'pyproject');
    assert.deepEqual(top.problems, []);
    assert.deepEqual(top.config.ignore, ['too-many-parameters']);
    assert.deepEqual(top.config.severity, { 'too-many-parameters': 'error' });
    assert.deepEqual(top.config.options, { 'too-many-parameters': { 'max-parameters': 10, 'min-trades-per-parameter': 15 } });
    assert.deepEqual(top.resultGlobs, ['user_data/backtest_results/*.json']);
    assert.deepEqual(top.glossaryFiles, ['docs/terms.json']);
    assert.deepEqual(top.config.perFileIgnores, { 'strategies/legacy/*.py': ['too-many-parameters'], '__init__.py': ['too-many-parameters'] });

    const nearer = loader.configFor(path.join(FIXTURE, 'strategies', 'Fresh.py'), FIXTURE)!;
    assert.equal(nearer.source, path.join(FIXTURE, 'strategies', 'strategy-lint.toml'));
    assert.deepEqual(nearer.config.select, ['too-many-parameters']);
    assert.equal(nearer.periodsPerYear, 365);
    assert.equal(nearer.config.ignore, undefined, 'no merging with the farther pyproject.toml');

    const legacy = loader.configFor(path.join(FIXTURE, 'strategies', 'legacy', 'OldStrategy.py'), FIXTURE)!;
    assert.equal(legacy.source, path.join(FIXTURE, 'strategies', 'strategy-lint.toml'), 'a pyproject without the section is skipped');

    const research = loader.configFor(path.join(FIXTURE, 'research', 'notebook_strategy.py'), FIXTURE)!;
    assert.equal(research.source, path.join(FIXTURE, 'research', '.strategy-lint.json'));
    assert.equal(research.kind, 'json');
    assert.deepEqual(research.problems, []);
    assert.deepEqual(research.config.severity, { 'too-many-parameters': 'hint' });
    assert.equal(research.config.select, undefined, 'strategy-lint.toml in the same folder is not read');
  });

  describe('in temporary workspaces', () => {
    let ws: ReturnType<typeof tempWorkspace>;
    afterEach(() => ws?.cleanup());

    it('within one folder: .strategy-lint.json > strategy-lint.toml > pyproject.toml', () => {
      ws = tempWorkspace({
        'a/pyproject.toml': '[tool.strategy-lint]\nselect = ["SL101"]\n',
        'a/strategy-lint.toml': 'max-parameters = 3\n',
        'a/s.py': '',
      });
      const loader = new ConfigLoader(nodeConfigFs);
      assert.equal(loader.configFor(ws.file('a/s.py'), ws.root)!.kind, 'toml');
      ws.write('a/.strategy-lint.json', '{"max-parameters": 4}');
      assert.equal(loader.configFor(ws.file('a/s.py'), ws.root)!.kind, 'json');
      fs.rmSync(ws.file('a/.strategy-lint.json'));
      fs.rmSync(ws.file('a/strategy-lint.toml'));
      assert.equal(loader.configFor(ws.file('a/s.py'), ws.root)!.kind, 'pyproject');
    });

    it('a pyproject.toml without [tool.strategy-lint] is not a configuration: the walk continues upwards', () => {
      ws = tempWorkspace({
        'strategy-lint.toml': 'select = ["SL101"]\n',
        'bots/pyproject.toml': '[project]\nname = "bots"\n\n[tool.ruff]\nline-length = 100\n',
        'bots/s.py': '',
      });
      const loaded = new ConfigLoader(nodeConfigFs).configFor(ws.file('bots/s.py'), ws.root)!;
      assert.equal(loaded.source, ws.file('strategy-lint.toml'));
    });

    it('a pyproject.toml with the section as an inline table or dotted key counts', () => {
      ws = tempWorkspace({
        'x/pyproject.toml': '[tool]\nstrategy-lint = { select = ["SL101"] }\n',
        'y/pyproject.toml': 'tool.strategy-lint.select = ["SL101"]\n',
        'x/s.py': '',
        'y/s.py': '',
      });
      const loader = new ConfigLoader(nodeConfigFs);
      assert.deepEqual(loader.configFor(ws.file('x/s.py'), ws.root)!.config.select, ['too-many-parameters']);
      assert.deepEqual(loader.configFor(ws.file('y/s.py'), ws.root)!.config.select, ['too-many-parameters']);
    });

    it('a broken pyproject.toml counts only when it mentions [tool.strategy-lint]', () => {
      ws = tempWorkspace({
        'strategy-lint.toml': 'select = ["SL101"]\n',
        'a/pyproject.toml': '[project\nname = "broken"\n',
        'b/pyproject.toml': '[tool.strategy-lint]\nselect = [\n',
        'a/s.py': '',
        'b/s.py': '',
      });
      const loader = new ConfigLoader(nodeConfigFs);
      assert.equal(loader.configFor(ws.file('a/s.py'), ws.root)!.source, ws.file('strategy-lint.toml'));
      const broken = loader.configFor(ws.file('b/s.py'), ws.root)!;
      assert.equal(broken.source, ws.file('b/pyproject.toml'));
      assert.equal(broken.problems.length, 1);
      assert.match(broken.problems[0].message, /^Invalid TOML/);
      assert.deepEqual(broken.config, {}, 'defaults');
    });

    it('never looks above the workspace root', () => {
      ws = tempWorkspace({ 'strategy-lint.toml': 'select = ["SL101"]\n', 'inner/s.py': '' });
      const loader = new ConfigLoader(nodeConfigFs);
      assert.equal(loader.configFor(ws.file('inner/s.py'), ws.file('inner')), undefined);
      assert.ok(loader.configFor(ws.file('inner/s.py'), ws.root));
    });

    it('a file outside the workspace only sees its own folder', () => {
      ws = tempWorkspace({ 'strategy-lint.toml': 'select = ["SL101"]\n', 'elsewhere/s.py': '', 'project/x.py': '' });
      const loader = new ConfigLoader(nodeConfigFs);
      assert.equal(loader.configFor(ws.file('elsewhere/s.py'), ws.file('project')), undefined);
      ws.write('elsewhere/strategy-lint.toml', 'ignore = ["SL101"]\n');
      assert.equal(loader.configFor(ws.file('elsewhere/s.py'), ws.file('project'))!.source, ws.file('elsewhere/strategy-lint.toml'));
    });

    it('caches parsed files by path + mtime, and re-reads a changed file', () => {
      ws = tempWorkspace({ 'strategy-lint.toml': 'max-parameters = 3\n', 's.py': '' });
      const loader = new ConfigLoader(nodeConfigFs);
      const first = loader.configFor(ws.file('s.py'), ws.root)!;
      assert.equal(loader.configFor(ws.file('s.py'), ws.root), first, 'same object from the cache');
      assert.equal(loader.parses, 1);
      ws.write('strategy-lint.toml', 'max-parameters = 44\n');
      const later = new Date(Date.now() + 5000);
      fs.utimesSync(ws.file('strategy-lint.toml'), later, later);
      assert.equal(loader.configFor(ws.file('s.py'), ws.root)!.thresholds['max-parameters'], 44);
      assert.equal(loader.parses, 2);
      fs.rmSync(ws.file('strategy-lint.toml'));
      assert.equal(loader.configFor(ws.file('s.py'), ws.root), undefined, 'a deleted file is forgotten');
    });
  });

  it('works over any ConfigFs and never throws when it fails', () => {
    const throwing: ConfigFs = {
      stat: () => {
        throw new Error('EACCES');
      },
      readFile: () => undefined,
    };
    assert.equal(new ConfigLoader(throwing).configFor('/ws/a/s.py', '/ws'), undefined);
    const files: Record<string, string> = { [path.resolve('/ws/strategy-lint.toml')]: 'select = ["SL101"]' };
    const memory: ConfigFs = { stat: (p) => (p in files ? { mtimeMs: 1, size: files[p].length } : undefined), readFile: (p) => files[p] };
    assert.deepEqual(new ConfigLoader(memory).configFor(path.resolve('/ws/a/b/s.py'), path.resolve('/ws'))!.config.select, ['too-many-parameters']);
  });
});
