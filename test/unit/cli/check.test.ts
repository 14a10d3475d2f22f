import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../server/src/cli/main';

const ROOT = path.join(__dirname, '..', '..', '..');
const STRATEGY = path.join(ROOT, 'examples', 'freqtrade', 'user_data', 'strategies', 'BandRiderStrategy.py');

async function run(args: string[]): Promise<{ code: number; out: string; err: string[] }> {
  let out = '';
  const err: string[] = [];
  const code = await main(args, { stdout: (t) => (out += t), stderr: (l) => err.push(l) });
  return { code, out, err };
}

describe('strategy-lint check', () => {
  let tmp: string;
  before(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-cli-'))));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('prints path:line:col: SEVERITY CODE [rule] message and exits 1 on findings', async () => {
    const { code, out } = await run(['check', STRATEGY]);
    assert.equal(code, 1);
    assert.match(out, /BandRiderStrategy\.py:18:7: warning SL101 \[too-many-parameters\] BandRiderStrategy tunes 21 parameters/); // issue 18: + 9 roi/stoploss/trailing dimensions from the hyperopt file
  });

  it('exits 0 with nothing found', async () => {
    const clean = path.join(tmp, 'clean.py');
    fs.writeFileSync(clean, 'import pandas as pd\n\nprices = pd.Series([1.0, 2.0])\n');
    const { code, out } = await run(['check', clean]);
    assert.equal(code, 0);
    assert.match(out, /All checks passed/);
  });

  it('--format json gives 1-based rows with the contract keys', async () => {
    const { code, out } = await run(['check', STRATEGY, '--format', 'json']);
    assert.equal(code, 1);
    const rows = JSON.parse(out);
    assert.deepEqual(Object.keys(rows[0]).sort(), ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'rule', 'severity'].sort());
    const row = rows.find((r: { rule: string }) => r.rule === 'too-many-parameters');
    assert.deepEqual([row.line, row.column, row.endLine, row.endColumn], [18, 7, 18, 24]);
  });

  it('--format json carries the chain of a lookahead finding as related rows', async () => {
    const file = path.join(tmp, 'leak.py');
    fs.writeFileSync(file, [
      'import pandas as pd',
      'import vectorbt as vbt',
      'price = pd.read_csv("btc.csv")["close"]',
      'ahead = price.shift(-1)',
      'entries = ahead > price',
      'vbt.Portfolio.from_signals(price, entries, ~entries, fees=0.001)',
      '',
    ].join('\n'));
    const { out } = await run(['check', file, '--format', 'json', '--select', 'SL201']);
    const [row] = JSON.parse(out);
    assert.equal(row.line, 4);
    assert.equal(row.severity, 'error');
    assert.deepEqual(row.related.map((r: { line: number }) => r.line), [4, 5, 5]);
    assert.match(row.related.at(-1).message, /reaches the decision `entries`/);
  });

  it('--format sarif is SARIF 2.1.0 with rule metadata and relative locations', async () => {
    const { out } = await run(['check', STRATEGY, '--format=sarif']);
    const sarif = JSON.parse(out);
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    const rule = run0.tool.driver.rules.find((r: { name: string }) => r.name === 'too-many-parameters');
    assert.equal(rule.id, 'SL101');
    assert.ok(rule.fullDescription.text.length > 50);
    const result = run0.results.find((r: { ruleId: string }) => r.ruleId === 'SL101');
    assert.equal(result.level, 'warning');
    assert.equal(run0.tool.driver.rules[result.ruleIndex].id, 'SL101');
    assert.equal(result.locations[0].physicalLocation.region.startLine, 18);
    assert.ok(!path.isAbsolute(result.locations[0].physicalLocation.artifactLocation.uri));
  });

  it('--select / --ignore filter rules; an unknown rule is a usage error', async () => {
    const ignored = await run(['check', STRATEGY, '--ignore', 'SL101', '--format', 'json']);
    assert.ok(!JSON.parse(ignored.out).some((r: { code: string }) => r.code === 'SL101'));
    const selected = await run(['check', STRATEGY, '--select', 'too-many-parameters', '--format', 'json']);
    assert.equal(selected.code, 1);
    assert.deepEqual([...new Set(JSON.parse(selected.out).map((r: { code: string }) => r.code))], ['SL101']);
    assert.equal((await run(['check', STRATEGY, '--select', 'SL101', '--ignore', 'too-many-parameters'])).code, 0);
    // Code prefixes select families, as in Ruff: SL1 = parameter rules, ALL = everything.
    const family = await run(['check', STRATEGY, '--select', 'SL1', '--format', 'json']);
    assert.ok(JSON.parse(family.out).every((r: { code: string }) => r.code.startsWith('SL1')));
    assert.ok(JSON.parse(family.out).some((r: { code: string }) => r.code === 'SL102'));
    const all = await run(['check', STRATEGY, '--select', 'ALL', '--ignore', 'SL1', '--format', 'json']);
    assert.ok(JSON.parse(all.out).length > 0 && JSON.parse(all.out).every((r: { code: string }) => !r.code.startsWith('SL1')));
    const bad = await run(['check', STRATEGY, '--select', 'no-such-rule']);
    assert.equal(bad.code, 2);
    assert.equal(bad.err.length, 1);
    assert.match(bad.err[0], /unknown rule 'no-such-rule'/);
  });

  it('reports binary and invalid UTF-8 files as SL001 findings (exit 1) and a missing path on stderr (exit 2), still checking the rest', async () => {
    const binary = path.join(tmp, 'binary.py');
    fs.writeFileSync(binary, Buffer.from([0x69, 0x6d, 0x00, 0x01, 0x02]));
    const latin1 = path.join(tmp, 'latin1.py');
    fs.writeFileSync(latin1, Buffer.from([0x23, 0x20, 0xe9, 0x0a]));
    const unreadable = await run(['check', binary, latin1, STRATEGY]);
    assert.equal(unreadable.code, 1);
    assert.match(unreadable.out, /binary\.py:1:1: error SL001 \[unreadable-file\] .*binary content \(NUL byte at offset 2\)/);
    assert.match(unreadable.out, /latin1\.py:1:1: error SL001 \[unreadable-file\] .*not valid UTF-8/);
    assert.match(unreadable.out, /SL101/);
    const json = await run(['check', binary, '--format', 'json']);
    assert.deepEqual(JSON.parse(json.out).map((r: { code: string }) => r.code), ['SL001']);
    const missing = await run(['check', path.join(tmp, 'missing.py'), STRATEGY]);
    assert.equal(missing.code, 2);
    assert.ok(missing.err.some((l) => /missing\.py: cannot read \(ENOENT\)/.test(l)), missing.err.join('\n'));
  });

  it('a file over the size limit is an SL000 finding; the limit is --max-file-bytes or max-file-bytes in a config file', async () => {
    const big = path.join(tmp, 'big_strategy.py');
    fs.writeFileSync(big, 'x = 1\n'.repeat(200));
    const flagged = await run(['check', big, '--max-file-bytes', '100', '--format', 'json']);
    assert.equal(flagged.code, 1);
    const [row] = JSON.parse(flagged.out) as { code: string; severity: string; message: string }[];
    assert.equal(row.code, 'SL000');
    assert.equal(row.severity, 'info');
    assert.match(row.message, /1200 bytes is above the limit of 100/);
    assert.equal((await run(['check', big])).code, 0, 'the default limit reads it');
    assert.equal((await run(['check', big, '--max-file-bytes', 'lots'])).code, 2);
    // The same limit from the project's configuration file.
    const project = path.join(tmp, 'sized');
    fs.mkdirSync(project, { recursive: true });
    fs.writeFileSync(path.join(project, 'strategy-lint.toml'), 'max-file-bytes = 100\n');
    fs.copyFileSync(big, path.join(project, 'big_strategy.py'));
    const configured = await run(['check', path.join(project, 'big_strategy.py'), '--format', 'json']);
    assert.deepEqual(JSON.parse(configured.out).map((r: { code: string }) => r.code), ['SL000']);
  });

  it('--exit-zero reports findings and exits 0', async () => {
    const { code, out } = await run(['check', STRATEGY, '--exit-zero']);
    assert.equal(code, 0);
    assert.match(out, /SL101/);
  });

  it('unknown options and commands exit 2 with one line', async () => {
    for (const args of [['check', '--frobnicate'], ['frobnicate'], ['check', '--format', 'xml']]) {
      const { code, err } = await run(args);
      assert.equal(code, 2, args.join(' '));
      assert.equal(err.length, 1);
    }
  });

  it('the built bin sets the real process exit code', function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) this.skip();
    const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'strategy-lint.js'), 'check', STRATEGY, '--format', 'json'], { encoding: 'utf8' });
    assert.equal(result.status, 1, result.stderr);
    assert.equal(JSON.parse(result.stdout)[0].code, 'SL101');
  });
});
