import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { initPythonParser } from '../../../server/src/engine/python/parser';

const ROOT = path.join(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'strategy-lint.js');
const STRATEGY = fs.readFileSync(path.join(ROOT, 'examples', 'freqtrade', 'user_data', 'strategies', 'BandRiderStrategy.py'), 'utf8');

function check(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, 'check', '.', '--format', 'json', ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, rows: result.stdout ? (JSON.parse(result.stdout) as { code: string; file: string }[]) : [], stderr: result.stderr };
}

describe('strategy-lint check with configuration files', function () {
  this.timeout(30000);
  let dir: string;
  before(function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) this.skip();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-config-'));
    fs.mkdirSync(path.join(dir, 'strategies', 'legacy'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'strategies', 'BandRider.py'), STRATEGY);
    fs.writeFileSync(path.join(dir, 'strategies', 'legacy', 'Old.py'), STRATEGY);
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it('applies [tool.strategy-lint] from pyproject.toml: ignore and per-file-ignores', () => {
    fs.writeFileSync(path.join(dir, 'pyproject.toml'), '[project]\nname = "bots"\n\n[tool.strategy-lint]\nignore = ["SL102"]\n\n[tool.strategy-lint.per-file-ignores]\n"strategies/legacy/*.py" = ["too-many-parameters"]\n');
    const { status, rows } = check(dir);
    assert.equal(status, 1);
    assert.ok(!rows.some((r) => r.code === 'SL102'), 'SL102 ignored everywhere');
    assert.ok(rows.some((r) => r.code === 'SL101' && r.file.endsWith('BandRider.py')));
    assert.ok(!rows.some((r) => r.code === 'SL101' && r.file.endsWith('Old.py')), 'per-file-ignores for legacy/');
  });

  it('the nearest file wins, and a pyproject.toml without the section is not a config', () => {
    fs.writeFileSync(path.join(dir, 'strategies', 'legacy', 'pyproject.toml'), '[project]\nname = "legacy"\n');
    fs.writeFileSync(path.join(dir, 'strategies', 'strategy-lint.toml'), 'select = ["SL101"]\n');
    const { rows } = check(dir);
    assert.deepEqual([...new Set(rows.map((r) => r.code))], ['SL101']);
    assert.equal(rows.length, 2, 'both files use strategies/strategy-lint.toml');
  });

  it('reports an invalid config at the offending key and goes on with defaults for it', () => {
    fs.writeFileSync(path.join(dir, 'strategies', 'strategy-lint.toml'), 'select = ["SL101"]\nmax-parameters = "twelve"\nunknown-key = 3\n');
    const { status, rows, stderr } = check(dir);
    assert.ok(rows.some((r) => r.code === 'SL101'));
    assert.match(stderr, /strategies\/strategy-lint\.toml:2:\d+: \w+: .*max-parameters/);
    assert.match(stderr, /strategies\/strategy-lint\.toml:3:1: \w+: .*unknown-key/);
    assert.ok(status === 1 || status === 2);
  });

  it('periods-per-year from the config annualises return series whose file does not say', () => {
    const research = path.join(dir, 'research');
    fs.mkdirSync(research, { recursive: true });
    fs.writeFileSync(path.join(research, 'carry.py'), 'import pandas as pd\n\nprices = pd.read_csv("carry.csv")\nsignal = prices["spread"].rolling(20).mean()\n');
    // 120 undated per-period returns alternating 3 % and -1 %: per-period Sharpe exactly 0.5 (ddof 1: 0.01 / 0.02008...).
    const returns = Array.from({ length: 120 }, (_, i) => (i % 2 === 0 ? 0.03 : -0.01));
    fs.writeFileSync(path.join(research, 'carry.backtest.csv'), 'returns\n' + returns.join('\n') + '\n');
    const annualised = (ppy?: number) => {
      fs.writeFileSync(path.join(research, 'strategy-lint.toml'), `select = ["too-good-to-be-true"]\n${ppy ? `periods-per-year = ${ppy}\n` : ''}`);
      const { rows } = check(dir) as { rows: { code: string; file: string; message?: string }[] };
      const row = rows.find((r) => r.file.endsWith('carry.py'));
      assert.ok(row, JSON.stringify(rows));
      return Number(/annualised Sharpe of ([\d.]+)/.exec(row.message!)![1]);
    };
    const sharpe = 0.01 / Math.sqrt(returns.reduce((a, r) => a + (r - 0.01) ** 2, 0) / 119);
    assert.equal(annualised(), Number((sharpe * Math.sqrt(252)).toFixed(2)), 'default 252');
    assert.equal(annualised(52), Number((sharpe * Math.sqrt(52)).toFixed(2)), 'weekly, from the config');
  });

  it('--config FILE replaces discovery', () => {
    const explicit = path.join(dir, 'ci.strategy-lint.json');
    fs.writeFileSync(explicit, '{ "select": ["insufficient-warmup"] }\n');
    const { rows } = check(dir, '--config', explicit);
    assert.deepEqual([...new Set(rows.map((r) => r.code))], ['SL303']);
    assert.equal(check(dir, '--config', path.join(dir, 'missing.json')).status, 2);
  });

  it('resolves a project\'s result globs from its configuration file, whatever the working directory; report attaches the same (issue 17, bugs 2 and 7)', async () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-project-'));
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-elsewhere-'));
    try {
      fs.mkdirSync(path.join(project, 'research'));
      fs.mkdirSync(path.join(project, 'returns'));
      fs.writeFileSync(path.join(project, 'strategy-lint.toml'), 'select = ["too-good-to-be-true"]\nresults = ["returns/*.csv"]\n');
      const strategy = path.join(project, 'research', 'carry.py');
      fs.writeFileSync(strategy, 'import pandas as pd\n\nprices = pd.read_csv("carry.csv")\nsignal = prices["spread"].rolling(20).mean()\n');
      const returns = Array.from({ length: 120 }, (_, i) => (i % 2 === 0 ? 0.03 : -0.01));
      fs.writeFileSync(path.join(project, 'returns', 'carry-run.csv'), 'returns\n' + returns.join('\n') + '\n');
      const run = (cwd: string) => {
        const result = spawnSync(process.execPath, [BIN, 'check', strategy, '--format', 'json'], { cwd, encoding: 'utf8' });
        return (JSON.parse(result.stdout || '[]') as { code: string }[]).map((r) => r.code);
      };
      assert.deepEqual(run(project), ['SL608'], 'from the project folder');
      assert.deepEqual(run(elsewhere), ['SL608'], 'from another folder');
      // `report` attaches through the same configuration glob.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { reportDataForFile } = require('../../../server/src/cli/report-command') as typeof import('../../../server/src/cli/report-command');
      await initPythonParser();
      const data = reportDataForFile(strategy, elsewhere);
      assert.ok(!data.notes.some((n) => /no results/i.test(n)), data.notes.join('; '));
      assert.ok(data.strategies.length > 0);
    } finally {
      fs.rmSync(project, { recursive: true, force: true });
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
