import * as assert from 'node:assert/strict';
import * as path from 'path';
import {
  applyPerFileIgnores,
  configRelativePath,
  effectiveConfigFor,
  matchesPathGlob,
  mergeConfig,
  parseConfigText,
  resolveConfigPath,
  type MergeableConfig,
} from '../../../server/src/engine/config';
import { enabledRules, lintPython } from '../../../server/src/engine/lint';
import { initPythonParser } from '../../../server/src/engine/python/parser';
import { located } from './helpers';

const editor: MergeableConfig = {
  select: [],
  ignore: ['SL101'],
  severity: { SL101: 'error' },
  options: { 'too-many-parameters': { 'max-parameters': 4, 'min-trades-per-parameter': 20 } },
  resultGlobs: ['editor/*.json'],
  glossaryFiles: [],
};
const file: MergeableConfig = {
  ignore: ['too-many-parameters'],
  severity: { 'too-many-parameters': 'hint' },
  options: { 'too-many-parameters': { 'max-parameters': 12 } },
  glossaryFiles: ['terms.json'],
  perFileIgnores: { 'legacy/**': ['too-many-parameters'] },
};

describe('mergeConfig (configurationPreference)', () => {
  it('filesystemFirst (default): file values win where both are set, maps merge per rule and option', () => {
    assert.deepEqual(mergeConfig(editor, file), {
      ignore: ['too-many-parameters'],
      resultGlobs: ['editor/*.json'],
      glossaryFiles: ['terms.json'],
      severity: { 'too-many-parameters': 'hint' },
      options: { 'too-many-parameters': { 'max-parameters': 12, 'min-trades-per-parameter': 20 } },
      perFileIgnores: { 'legacy/**': ['too-many-parameters'] },
    });
  });

  it('editorFirst: editor values win where both are set (codes and names are the same rule)', () => {
    assert.deepEqual(mergeConfig(editor, file, 'editorFirst'), {
      ignore: ['SL101'],
      resultGlobs: ['editor/*.json'],
      glossaryFiles: ['terms.json'],
      severity: { 'too-many-parameters': 'error' },
      options: { 'too-many-parameters': { 'max-parameters': 4, 'min-trades-per-parameter': 20 } },
      perFileIgnores: { 'legacy/**': ['too-many-parameters'] },
    });
  });

  it('editorOnly: the file is ignored', () => {
    const merged = mergeConfig(editor, file, 'editorOnly');
    assert.deepEqual(merged.severity, { 'too-many-parameters': 'error' });
    assert.equal(merged.perFileIgnores, undefined);
    assert.equal(merged.glossaryFiles, undefined);
  });

  it('without a file, the editor settings pass through (empty lists count as unset)', () => {
    assert.deepEqual(mergeConfig({ select: [], ignore: [], severity: {}, options: {} }, undefined), {});
  });

  it('the merged config drives lintPython', async () => {
    await initPythonParser();
    const text = 'from freqtrade.strategy import IStrategy, IntParameter\nclass A(IStrategy):\n    a = IntParameter(1, 2, default=1)\n    b = IntParameter(1, 2, default=1)\n';
    const loaded = parseConfigText('max-parameters = 1\n[severity]\nSL101 = "error"\n', { source: '/ws/strategy-lint.toml', kind: 'toml', workspaceRoot: '/ws' })!;
    const { lint } = effectiveConfigFor('/ws/a.py', { options: { 'too-many-parameters': { 'max-parameters': 99 } } }, loaded);
    const out = lintPython({ path: '/ws/a.py', text, config: lint });
    try {
      assert.deepEqual(out.findings.map((f) => [f.code, f.severity]), [['SL101', 'error']]);
    } finally {
      out.release();
    }
  });
});

describe('per-file-ignores', () => {
  const config: MergeableConfig = {
    ignore: ['some-other-rule'],
    perFileIgnores: { 'legacy/*.py': ['too-many-parameters'], '__init__.py': ['SL101'], 'research/**/test_*.py': ['too-many-parameters'] },
  };

  it('adds the rules of matching globs to ignore', () => {
    assert.deepEqual(applyPerFileIgnores(config, 'legacy/Old.py'), { ignore: ['some-other-rule', 'too-many-parameters'] });
    assert.deepEqual(applyPerFileIgnores(config, 'legacy/deeper/Old.py'), { ignore: ['some-other-rule'] }, '* stays within a folder');
    assert.deepEqual(applyPerFileIgnores(config, 'pkg/sub/__init__.py').ignore, ['some-other-rule', 'SL101'], 'a bare name matches at any depth');
    assert.deepEqual(applyPerFileIgnores(config, 'research/test_a.py').ignore, ['some-other-rule', 'too-many-parameters'], '**/ matches zero folders');
    assert.deepEqual(applyPerFileIgnores(config, 'research/x/y/test_a.py').ignore, ['some-other-rule', 'too-many-parameters']);
    assert.equal(applyPerFileIgnores(config, 'research/x/y/a.py').ignore?.length, 1);
  });

  it('the rule is then not run', () => {
    const lint = applyPerFileIgnores(config, 'legacy/Old.py');
    assert.ok(!enabledRules(lint).some((r) => r.name === 'too-many-parameters'));
    assert.ok(enabledRules(applyPerFileIgnores(config, 'fresh/New.py')).some((r) => r.name === 'too-many-parameters'));
  });

  it('paths are relative to the configuration file folder', () => {
    const source = path.resolve('/ws/bots/pyproject.toml');
    assert.equal(configRelativePath({ source }, path.resolve('/ws/bots/legacy/Old.py')), 'legacy/Old.py');
    const loaded = parseConfigText('[tool.strategy-lint.per-file-ignores]\n"legacy/*.py" = ["SL101"]\n', { source, kind: 'pyproject', workspaceRoot: path.resolve('/ws') })!;
    assert.deepEqual(effectiveConfigFor(path.resolve('/ws/bots/legacy/Old.py'), {}, loaded).lint.ignore, ['too-many-parameters']);
    assert.equal(effectiveConfigFor(path.resolve('/ws/bots/legacy/Old.py'), {}, loaded, 'editorOnly').lint.ignore, undefined);
  });

  it('glob syntax: ?, [..], {a,b}', () => {
    assert.ok(matchesPathGlob('s?.py', 'a/s1.py'));
    assert.ok(matchesPathGlob('strategies/[!_]*.py', 'strategies/Sma.py'));
    assert.ok(!matchesPathGlob('strategies/[!_]*.py', 'strategies/_private.py'));
    assert.ok(matchesPathGlob('{legacy,old}/*.py', 'old/x.py'));
    assert.ok(matchesPathGlob('./legacy/*.py', 'legacy/x.py'));
    assert.ok(!matchesPathGlob('legacy/*.py', 'legacy.py'));
    assert.ok(matchesPathGlob('a.b(c)+.py', 'a.b(c)+.py'), 'regex characters are literal');
  });
});

describe('paths in configuration stay inside the workspace', () => {
  const root = path.resolve('/ws');
  const dir = path.resolve('/ws/bots');

  it('accepts paths inside, made workspace-relative', () => {
    assert.deepEqual(resolveConfigPath('user_data/backtest_results/*.json', dir, root, true), { relative: 'bots/user_data/backtest_results/*.json' });
    assert.deepEqual(resolveConfigPath('../shared/**/*.json', dir, root, true), { relative: 'shared/**/*.json' });
    assert.deepEqual(resolveConfigPath(path.resolve('/ws/results/r.json'), dir, root, false), { relative: 'results/r.json' });
  });

  it('refuses .. escapes, absolute paths outside, .. after a wildcard, and globs where a file is expected', () => {
    for (const [entry, glob] of [
      ['../../etc/passwd', false],
      ['../../outside/*.json', true],
      [path.resolve('/etc/passwd'), false],
      ['C:\\Windows\\system.ini', false],
      ['results/*/../../../x.json', true],
      ['terms/*.json', false],
      ['', true],
    ] as const) {
      assert.ok('error' in resolveConfigPath(entry, dir, root, glob), entry);
    }
  });

  it('reports refused paths as problems on the entry, keeps the others', () => {
    const text = 'results = ["ok/*.json", "../../outside/*.json"]\nglossary = ["/etc/terms.json", "terms.json"]\n';
    const loaded = parseConfigText(text, { source: path.join(dir, 'strategy-lint.toml'), kind: 'toml', workspaceRoot: root })!;
    assert.deepEqual(located(text, loaded.problems).map((p) => [p.at, p.severity]), [
      ['"../../outside/*.json"', 'error'],
      ['"/etc/terms.json"', 'error'],
    ]);
    assert.match(loaded.problems[0].message, /leaves the workspace root/);
    assert.deepEqual(loaded.resultGlobs, ['bots/ok/*.json']);
    assert.deepEqual(loaded.glossaryFiles, ['bots/terms.json']);
  });
});
