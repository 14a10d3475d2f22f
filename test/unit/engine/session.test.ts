// The input assembler every front uses: configuration, trust, association and their caches.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lintPython } from '../../../server/src/engine/lint';
import { initPythonParser } from '../../../server/src/engine/python/parser';
import { LintSession } from '../../../server/src/engine/session';

const STRATEGY = [
  'import pandas as pd',
  '',
  'prices = pd.read_csv("carry.csv")',
  'signal = prices["spread"].rolling(20).mean()',
  '',
].join('\n');

/** Alternating +3 % / -1 % days: a Sharpe no real strategy earns, so too-good-to-be-true fires. */
const RETURNS = 'returns\n' + Array.from({ length: 120 }, (_, i) => (i % 2 === 0 ? 0.03 : -0.01)).join('\n') + '\n';

describe('LintSession (the input assembler)', () => {
  let project: string;
  let strategy: string;
  before(async () => {
    await initPythonParser();
  });
  beforeEach(() => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-session-'));
    fs.mkdirSync(path.join(project, 'research'));
    fs.mkdirSync(path.join(project, 'returns'));
    fs.writeFileSync(path.join(project, 'strategy-lint.toml'), 'select = ["too-good-to-be-true"]\nresults = ["returns/*.csv"]\n');
    strategy = path.join(project, 'research', 'carry.py');
    fs.writeFileSync(strategy, STRATEGY);
  });
  afterEach(() => fs.rmSync(project, { recursive: true, force: true }));

  const codes = (session: LintSession) => {
    const output = lintPython(session.inputFor(strategy, STRATEGY).input);
    try {
      return output.findings.map((f) => f.code);
    } finally {
      output.release();
    }
  };

  it('resolves the configuration file and its result globs from the project, whatever the working directory', () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-elsewhere-'));
    try {
      fs.writeFileSync(path.join(project, 'returns', 'carry.csv'), RETURNS);
      const session = new LintSession({ cwd: elsewhere });
      assert.equal(session.rootFor(strategy), project);
      assert.equal(session.configFileFor(strategy)?.source, path.join(project, 'strategy-lint.toml'));
      assert.deepEqual(codes(session), ['SL608']);
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('ignores the result globs of a configuration file in an untrusted workspace, keeps the front\'s own', () => {
    fs.writeFileSync(path.join(project, 'returns', 'carry.csv'), RETURNS);
    const untrusted = new LintSession({ cwd: project, trusted: () => false });
    assert.deepEqual(codes(untrusted), []);
    const assembled = untrusted.inputFor(strategy, STRATEGY, { resultGlobs: ['returns/*.csv'] });
    assert.deepEqual(assembled.merged.resultGlobs, ['returns/*.csv']);
  });

  it('an editor session remembers folder listings until a file event, or until they age', () => {
    let now = 0;
    const session = new LintSession({ cwd: project, listings: { kind: 'watched', ttlMs: 3000 }, now: () => now });
    assert.deepEqual(codes(session), [], 'no result file yet');
    fs.writeFileSync(path.join(project, 'returns', 'carry.csv'), RETURNS);
    now = 2000;
    assert.deepEqual(codes(session), [], 'the listing is remembered between keystrokes');
    now = 3001;
    assert.deepEqual(codes(session), ['SL608'], 'aged out without a file event');
    fs.writeFileSync(path.join(project, 'returns', 'carry-2.csv'), RETURNS);
    assert.equal(codes(session).length, 1, 'the new file is not listed yet');
    session.fileChanged(path.join(project, 'returns', 'carry-2.csv'));
    assert.equal(codes(session).length, 2, 'a file event drops the listing at once');
  });

  it('a run session (command line) never re-lists within the run', () => {
    let now = 0;
    const session = new LintSession({ cwd: project, listings: { kind: 'run' }, now: () => now });
    assert.deepEqual(codes(session), []);
    fs.writeFileSync(path.join(project, 'returns', 'carry.csv'), RETURNS);
    now = 1e9;
    assert.deepEqual(codes(session), []);
  });

  it('an explicit configuration file replaces discovery; editorOnly ignores configuration files', () => {
    fs.writeFileSync(path.join(project, 'other.toml'), 'ignore = ["SL6"]\n');
    const session = new LintSession({ cwd: project });
    assert.equal(session.configFileFor(strategy, { configFile: 'other.toml' })?.source, path.join(project, 'other.toml'));
    assert.equal(session.configFileFor(strategy, { configurationPreference: 'editorOnly' }), undefined);
    const assembled = session.inputFor(strategy, STRATEGY, { configurationPreference: 'editorOnly' });
    assert.deepEqual(assembled.merged.resultGlobs, []);
  });

  it('a changed configuration file is read again after its file event', () => {
    const session = new LintSession({ cwd: project });
    assert.deepEqual(session.inputFor(strategy, STRATEGY).input.config?.select, ['too-good-to-be-true']);
    fs.writeFileSync(path.join(project, 'strategy-lint.toml'), 'select = ["tiny-sample"]\n');
    session.fileChanged(path.join(project, 'strategy-lint.toml'));
    assert.deepEqual(session.inputFor(strategy, STRATEGY).input.config?.select, ['tiny-sample']);
  });

  it('a run session looks each configuration path up once, and again after a file event', () => {
    const session = new LintSession({ cwd: project, listings: { kind: 'run' } });
    const nearer = path.join(project, 'research', '.strategy-lint.json');
    assert.equal(session.configFileFor(strategy)?.source, path.join(project, 'strategy-lint.toml'));
    fs.writeFileSync(nearer, '{"select": ["tiny-sample"]}\n');
    assert.equal(session.configFileFor(strategy)?.source, path.join(project, 'strategy-lint.toml'), 'the workspace is fixed for the run');
    session.fileChanged(nearer);
    assert.equal(session.configFileFor(strategy)?.source, nearer);
  });

  it('outside the working directory and without a configuration file, a framework layout names the project', () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-elsewhere-'));
    try {
      const freqtrade = path.join(project, 'bot', 'user_data', 'strategies', 'S.py');
      fs.mkdirSync(path.dirname(freqtrade), { recursive: true });
      fs.mkdirSync(path.join(project, 'lean-ws', 'Algo'), { recursive: true });
      fs.writeFileSync(path.join(project, 'lean-ws', 'lean.json'), '{}');
      fs.rmSync(path.join(project, 'strategy-lint.toml'));
      const session = new LintSession({ cwd: elsewhere });
      assert.equal(session.rootFor(freqtrade), path.join(project, 'bot'), 'the folder holding user_data');
      assert.equal(session.rootFor(path.join(project, 'lean-ws', 'Algo', 'main.py')), path.join(project, 'lean-ws'), 'the LEAN workspace');
      assert.equal(session.rootFor(strategy), path.dirname(strategy), 'else the file\'s own folder');
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
