// Drives `strategy-lint mcp` (dist/cli.js) with the official MCP SDK client over stdio, the way a
// coding agent's client does: tools listed, lint results equal to `check --format json`, statistics
// equal to the stats module (and to figures worked by hand below), and every bad input an isError
// result with the server still answering afterwards.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import {
  computeSharpeStats,
  deflatedSharpeRatio,
  expectedMaxStandardNormal,
  normalQuantile,
  probabilityOfBacktestOverfittingReference,
} from '../../server/src/engine/stats';

const REPO = path.join(__dirname, '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');
const FIXTURES = path.join(REPO, 'test', 'fixtures');

interface ToolResult {
  isError?: boolean;
  content: { type: string; text?: string }[];
  structuredContent?: Record<string, any>;
}

function copyDir(from: string, to: string, keep: (name: string) => boolean = () => true): void {
  fs.mkdirSync(to, { recursive: true });
  for (const name of fs.readdirSync(from)) {
    const source = path.join(from, name);
    if (fs.statSync(source).isDirectory()) copyDir(source, path.join(to, name), keep);
    else if (keep(name)) fs.copyFileSync(source, path.join(to, name));
  }
}

function sourceFiles(dir: string, root: string, out: string[] = []): string[] {
  for (const name of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (fs.lstatSync(full).isDirectory()) sourceFiles(full, root, out);
    else if (/\.(py|ipynb)$/.test(name)) out.push(path.relative(root, full).split(path.sep).join('/'));
  }
  return out;
}

async function connect(root: string, extra: string[] = [], nodeArgs: string[] = [], onStderr?: (text: string) => void): Promise<Client> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [...nodeArgs, CLI, 'mcp', '--root', root, ...extra], stderr: 'pipe' });
  if (onStderr) transport.stderr?.on('data', (chunk) => onStderr(String(chunk)));
  const client = new Client({ name: 'strategy-lint-test', version: '0.0.0' });
  await client.connect(transport);
  return client;
}

/** The fields `check --format json` and lint_file share (related files differ: absolute there, root-relative here). */
function comparable(row: any) {
  return {
    cell: row.cell,
    rule: row.rule,
    code: row.code,
    severity: row.severity,
    message: row.message,
    line: row.line,
    column: row.column,
    endLine: row.endLine,
    endColumn: row.endColumn,
    related: row.related?.map((r: any) => ({ cell: r.cell, message: r.message, line: r.line, column: r.column })),
  };
}

describe('MCP server over stdio (strategy-lint mcp)', function () {
  let root: string;
  let outside: string;
  let client: Client;
  const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as ToolResult;
  const errorText = (result: ToolResult) => {
    assert.equal(result.isError, true, `expected an error, got ${JSON.stringify(result).slice(0, 400)}`);
    return result.content.map((c) => c.text ?? '').join('\n');
  };
  const data = (result: ToolResult) => {
    assert.notEqual(result.isError, true, result.content.map((c) => c.text).join('\n'));
    return result.structuredContent!;
  };

  before(async () => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sl-mcp-')));
    outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sl-mcp-outside-')));
    copyDir(path.join(FIXTURES, 'workspaces', 'freqtrade-small'), root);
    copyDir(path.join(FIXTURES, 'strategies'), path.join(root, 'strategies'), (name) => !name.endsWith('.expected'));
    copyDir(path.join(FIXTURES, 'notebooks'), path.join(root, 'notebooks'), (name) => name.endsWith('.ipynb'));
    fs.mkdirSync(path.join(root, 'results'));
    fs.copyFileSync(path.join(FIXTURES, 'results', 'csv', 'daily-returns.csv'), path.join(root, 'results', 'daily-returns.csv'));
    fs.copyFileSync(path.join(FIXTURES, 'results', 'csv', 'trial-matrix.csv'), path.join(root, 'results', 'trial-matrix.csv'));
    fs.mkdirSync(path.join(root, 'bad'));
    fs.writeFileSync(path.join(root, 'bad', 'latin1.py'), Buffer.from('# caf\xe9 strategy\nx = 1\n', 'latin1'));
    fs.writeFileSync(path.join(root, 'bad', 'broken.json'), '{"strategy": {"Foo": {"trades": [1, 2,');
    fs.writeFileSync(path.join(root, 'bad', 'broken.ipynb'), '{"cells": [{"cell_type": "code", "source": ["x = 1"');
    fs.writeFileSync(path.join(root, 'bad', 'latin1-returns.csv'), Buffer.from('date,r\u00e9turn\n2024-01-01,0.01\n2024-01-02,0.02\n2024-01-03,-0.01\n', 'latin1'));
    fs.writeFileSync(path.join(root, 'bad', 'nan-returns.csv'), 'date,return\n2024-01-01,0.01\n2024-01-02,NaN\n2024-01-03,0.02\n');
    fs.writeFileSync(path.join(root, 'bad', 'header-only.csv'), 'date,return\n');
    fs.writeFileSync(path.join(root, 'bad', 'nan-matrix.csv'), 'a,b\n0.01,0.02\n0.03,NaN\n0.01,0.02\n-0.01,0.00\n0.02,0.01\n');
    fs.writeFileSync(path.join(root, 'bad', 'ragged-matrix.csv'), 'a,b,c\n0.01,0.02,0.03\n0.01,0.02\n0.01,0.02,0.03\n0.01,0.02,0.03\n');
    fs.writeFileSync(path.join(root, 'bad', 'big.py'), `x = 1\n${'# padding\n'.repeat(500)}`);
    fs.writeFileSync(path.join(outside, 'secret.py'), 'SECRET = 1\n');
    fs.symlinkSync(path.join(outside, 'secret.py'), path.join(root, 'bad', 'escape.py'));
    fs.symlinkSync(outside, path.join(root, 'bad', 'outside-dir'));
    client = await connect(root);
  });
  after(async () => {
    await client?.close();
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('lists the seven tools with strict, described input schemas', async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), ['check_claim', 'explain_rule', 'explain_term', 'lint_file', 'lint_source', 'pbo', 'result_stats']);
    for (const tool of tools) {
      assert.ok(tool.description && tool.description.length > 40, tool.name);
      assert.equal(tool.annotations?.readOnlyHint, true, tool.name);
      const schema = tool.inputSchema as any;
      assert.equal(schema.additionalProperties, false, `${tool.name} refuses unknown arguments`);
      for (const [name, property] of Object.entries<any>(schema.properties ?? {})) assert.ok(property.description, `${tool.name}.${name} is described`);
    }
    const claim = tools.find((t) => t.name === 'check_claim')!.inputSchema as any;
    assert.deepEqual([...claim.required].sort(), ['periods', 'sharpe', 'trials']);
    assert.equal(claim.properties.periods.type, 'integer');
    assert.equal(claim.properties.periods.minimum, 2);
    assert.equal(claim.properties.kurtosis.minimum, 1);
    const pboSchema = tools.find((t) => t.name === 'pbo')!.inputSchema as any;
    assert.equal(pboSchema.properties.splits.maximum, 20);
    assert.deepEqual(pboSchema.properties.metric.enum, ['sharpe', 'mean']);
  });

  it('lint_file gives the same findings as `check --format json`, for every fixture strategy and notebook', async () => {
    const cli = spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'json', '--exit-zero'], { cwd: root, encoding: 'utf8' });
    const rows: any[] = JSON.parse(cli.stdout);
    const files = sourceFiles(root, root).filter((f) => !f.startsWith('bad/'));
    assert.ok(files.length >= 40, `${files.length} files`);
    let compared = 0;
    for (const file of files) {
      const result = await call('lint_file', { path: file });
      const expected = rows.filter((r) => r.file === file).map(comparable);
      assert.deepEqual(data(result).findings.map(comparable), expected, file);
      compared += expected.length;
    }
    assert.ok(compared >= 80, `${compared} findings compared`);
  });

  it('lint_file attaches the freqtrade backtest as check does and names it', async () => {
    const result = data(await call('lint_file', { path: 'user_data/strategies/StrategyTestV3.py' }));
    assert.deepEqual(result.results.map((r: any) => r.file), ['user_data/backtest_results/backtest-result.json']);
    const tiny = result.findings.find((f: any) => f.code === 'SL601');
    assert.match(tiny.message, /covers only 21 return observations/);
    assert.equal(tiny.related[0].file, 'user_data/backtest_results/backtest-result.json');
  });

  it('lint_source returns fixes as edits that, applied, silence the finding', async () => {
    const file = 'strategies/freqtrade/LegacyMacdStrategy.py';
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const first = data(await call('lint_source', { source: text, path: file }));
    assert.deepEqual(first.findings, data(await call('lint_file', { path: file })).findings);
    const fixable = first.findings.find((f: any) => f.fix);
    assert.ok(fixable, 'a fixture finding with a fix');
    assert.ok(['safe', 'unsafe'].includes(fixable.fix.safety));
    // Apply the edits (1-based lines and columns, as the findings), last first.
    const lines = text.split('\n');
    const offset = (line: number, column: number) => lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
    let fixed = text;
    for (const edit of [...fixable.fix.edits].sort((a: any, b: any) => offset(b.line, b.column) - offset(a.line, a.column))) {
      fixed = fixed.slice(0, offset(edit.line, edit.column)) + edit.newText + fixed.slice(offset(edit.endLine, edit.endColumn));
    }
    const after = data(await call('lint_source', { source: fixed, path: file }));
    assert.equal(after.findings.filter((f: any) => f.rule === fixable.rule).length, first.findings.filter((f: any) => f.rule === fixable.rule).length - 1);
  });

  it('lint_source and lint_file honour select and ignore, and refuse unknown rules', async () => {
    const file = 'strategies/freqtrade/PastedHyperoptStrategy.py';
    const all = data(await call('lint_file', { path: file })).findings;
    const codes = [...new Set(all.map((f: any) => f.code))] as string[];
    assert.ok(codes.length >= 2);
    const only = data(await call('lint_file', { path: file, select: [codes[0]] })).findings;
    assert.ok(only.length > 0 && only.every((f: any) => f.code === codes[0]));
    const without = data(await call('lint_file', { path: file, ignore: [codes[0]] })).findings;
    assert.ok(without.every((f: any) => f.code !== codes[0]));
    assert.match(errorText(await call('lint_file', { path: file, select: ['no-such-rule'] })), /unknown rule 'no-such-rule'/);
  });

  it('explain_rule renders the rule docs by name or code and lists a prefix', async () => {
    const byCode = await call('explain_rule', { rule: 'sl101' });
    const markdown = byCode.content[0].text!;
    assert.match(markdown, /^# too-many-parameters \(SL101\)/);
    assert.match(markdown, /## Why it matters/);
    assert.equal(byCode.structuredContent!.name, 'too-many-parameters');
    const family = data(await call('explain_rule', { rule: 'SL2' }));
    assert.ok(family.rules.length >= 3 && family.rules.every((r: any) => r.code.startsWith('SL2')));
    assert.match(errorText(await call('explain_rule', { rule: 'too-many-params' })), /did you mean: SL101 too-many-parameters/);
  });

  it('explain_term finds a term by id, alias and title', async () => {
    const byId = data(await call('explain_term', { term: 'deflated-sharpe-ratio' }));
    assert.equal(byId.id, 'deflated-sharpe-ratio');
    assert.match(byId.source, /^https?:\/\//);
    assert.equal(data(await call('explain_term', { term: 'DSR' })).id, 'deflated-sharpe-ratio');
    assert.equal(data(await call('explain_term', { term: byId.title })).id, 'deflated-sharpe-ratio');
    assert.equal(data(await call('explain_term', { term: 'out of sample' })).id, 'out-of-sample');
    assert.match(errorText(await call('explain_term', { term: 'quantum entanglement' })), /no glossary term/);
  });

  it("explain_term also knows the terms of the root configuration's glossary files, re-read when they change", async () => {
    const config = path.join(root, '.strategy-lint.json');
    const terms = path.join(root, 'team-terms.json');
    fs.writeFileSync(config, JSON.stringify({ glossary: ['team-terms.json', 'missing-terms.json'] }));
    fs.writeFileSync(terms, JSON.stringify([{ id: 'regime-switch', title: 'Regime switch', definition: 'A rule that turns the strategy off in market states it was not built for.', aliases: ['regime switch'], source: 'https://example.org/regime' }]));
    try {
      const result = data(await call('explain_term', { term: 'regime switch' }));
      assert.equal(result.id, 'regime-switch');
      assert.deepEqual(result.glossaryProblems, ['glossary file missing-terms.json: not found']);
    } finally {
      fs.rmSync(config);
      fs.rmSync(terms);
    }
    assert.match(errorText(await call('explain_term', { term: 'regime switch' })), /no glossary term/);
  });

  it('result_stats of a CSV result file equals the stats module on the same returns', async () => {
    const result = data(await call('result_stats', { path: 'results/daily-returns.csv', trials: 20, trial_sharpe_variance: 0.01 }));
    const returns = fs.readFileSync(path.join(root, 'results', 'daily-returns.csv'), 'utf8').trim().split('\n').slice(1).map((l) => Number(l.split(',')[1]));
    const expected = computeSharpeStats({ returns, periodsPerYear: 252, trials: 20, trialSharpeVariance: 0.01 });
    for (const [key, value] of Object.entries(expected)) assert.equal(result[key], value, key);
    assert.equal(result.observations, 10);
    assert.equal(result.source.format, 'csv-returns');
    assert.equal(result.trial_sharpe_variance_source, 'input');
  });

  it('result_stats of a return series matches figures worked by hand', async () => {
    // r = 0.02, -0.01, 0.03, 0: mean 0.01, deviations +-0.01, +-0.02, sample variance 0.001/3, so
    // SR = 0.01 / sqrt(0.001/3) = sqrt(0.3) = 0.5477226. Deviations cubed cancel: skewness 0.
    // Raw kurtosis (population moments) = (34e-8 / 4) / (1e-3 / 4)^2 = 1.36.
    // PSR(0) = Phi(SR * sqrt(T-1) / sqrt(1 - 0 + (1.36 - 1)/4 * 0.3)) = Phi(0.948683 / 1.013410) = Phi(0.936130) = 0.825397.
    // MinTRL = 1 + 1.027 * (1.644854 / 0.5477226)^2 = 1 + 1.027 * 9.018478 = 10.261977.
    const result = data(await call('result_stats', { returns: [0.02, -0.01, 0.03, 0] }));
    assert.ok(Math.abs(result.sharpe - Math.sqrt(0.3)) < 1e-12);
    assert.ok(Math.abs(result.skewness) < 1e-12);
    assert.ok(Math.abs(result.kurtosis - 1.36) < 1e-12);
    assert.ok(Math.abs(result.psr - 0.825397) < 1e-6, String(result.psr));
    assert.ok(Math.abs(result.min_trl - 10.261977) < 1e-5, String(result.min_trl));
    assert.ok(Math.abs(result.sharpe_annualized - Math.sqrt(0.3) * Math.sqrt(252)) < 1e-12);
    assert.equal(result.dsr, undefined, 'no trials: no DSR');
    assert.ok(result.notes.some((n: string) => /give trials/.test(n)));
  });

  it('result_stats with trials but no measured variance assumes the no-skill 1/(T-1) and says so', async () => {
    const returns = [0.012, -0.004, 0.007, 0.015, -0.009, 0.003, 0.011, -0.002, 0.006, 0.001, -0.005, 0.009];
    const result = data(await call('result_stats', { returns, trials: 50, periods_per_year: 365 }));
    assert.equal(result.trial_sharpe_variance_source, 'assumed');
    assert.ok(Math.abs(result.trial_sharpe_variance - 1 / 11) < 1e-15);
    const expected = computeSharpeStats({ returns, periodsPerYear: 365, trials: 50, trialSharpeVariance: 1 / 11 }) as any;
    assert.equal(result.dsr, expected.dsr);
    assert.equal(result.min_btl_years, expected.min_btl_years);
    assert.ok(result.notes.some((n: string) => /assumed 1\/\(T-1\)/.test(n)));
  });

  it('pbo of a small matrix equals the reference implementation, and is 0 when one configuration always wins', async () => {
    // 8 periods x 3 configurations, a made-up sweep with no configuration dominating.
    const matrix = [
      [0.01, -0.02, 0.015],
      [-0.005, 0.01, 0.002],
      [0.02, 0.004, -0.01],
      [-0.01, 0.012, 0.006],
      [0.007, -0.003, 0.011],
      [0.003, 0.009, -0.004],
      [-0.002, 0.014, 0.001],
      [0.016, -0.006, 0.008],
    ];
    const result = data(await call('pbo', { matrix, splits: 4 }));
    const reference = probabilityOfBacktestOverfittingReference(matrix, { splits: 4 });
    assert.ok(reference.ok);
    assert.equal(result.pbo, reference.pbo);
    assert.equal(result.combinations, 6); // C(4, 2)
    assert.equal(result.configurations, 3);
    assert.equal(result.logits, undefined);
    // Column 1 has the highest mean in every block, so the in-sample winner is always the
    // out-of-sample winner: rank 3 of 3, w = 3/4, logit ln 3 > 0 in all 6 splits, PBO 0.
    const dominated = matrix.map((row, t) => [row[0] - 0.05, 0.02 + (t % 2) * 0.001, row[2] - 0.05]);
    const clean = data(await call('pbo', { matrix: dominated, splits: 4, metric: 'mean', include_logits: true }));
    assert.equal(clean.pbo, 0);
    assert.deepEqual(clean.logits, Array(6).fill(Math.log(3)));
  });

  it('pbo reads a CSV trial matrix under the root as the CLI does', async () => {
    const result = data(await call('pbo', { path: 'results/trial-matrix.csv' }));
    const cli = spawnSync(process.execPath, [CLI, 'pbo', 'results/trial-matrix.csv', '--format', 'json'], { cwd: root, encoding: 'utf8' });
    const expected = JSON.parse(cli.stdout);
    assert.equal(result.pbo, expected.pbo);
    assert.equal(result.splits, expected.splits);
    assert.equal(result.configurations, expected.trials);
  });

  it('check_claim: one trial is PSR against zero, worked by hand', async () => {
    // SR 2 a year over 756 daily periods: SR_p = 2/sqrt(252) = 0.1259882; with N = 1 the expected
    // maximum is 0 and DSR = PSR(0) = Phi(0.1259882 * sqrt(755) / sqrt(1 + 0.1259882^2 / 2))
    // = Phi(3.461802 / 1.003960) = Phi(3.448149) = 0.999718.
    const result = data(await call('check_claim', { sharpe: 2, periods: 756, trials: 1 }));
    assert.equal(result.survives, true);
    assert.ok(Math.abs(result.dsr - 0.999718) < 1e-6, String(result.dsr));
    assert.equal(result.dsr, result.psr);
    assert.match(result.verdict, /^Survives deflation/);
  });

  it('check_claim: 100 trials sink a 2-year Sharpe of 1 and say how much history it needs', async () => {
    // V assumed 1/(T-1). DSR z = (SR_p sqrt(T-1) - Z_N) / sqrt(1 + SR_p^2 / 2), Z_N the expected
    // maximum of 100 standard normals (2.5310); z >= Phi^-1(0.95) gives
    // T = 1 + ((1.644854 * sqrt(1 + SR_p^2/2) + Z_N) / SR_p)^2 = about 4,399 periods (17.5 years).
    const result = data(await call('check_claim', { sharpe: 1, periods: 504, trials: 100 }));
    assert.equal(result.survives, false);
    assert.equal(result.trial_sharpe_variance_source, 'assumed');
    const sr = 1 / Math.sqrt(252);
    const zN = expectedMaxStandardNormal(100)!;
    const closedForm = 1 + ((normalQuantile(0.95) * Math.sqrt(1 + (sr * sr) / 2) + zN) / sr) ** 2;
    assert.ok(Math.abs(closedForm - 4399) < 2, String(closedForm));
    const needed = result.history.periods_needed;
    assert.equal(needed, Math.ceil(closedForm));
    const dsrAt = (t: number) => deflatedSharpeRatio({ sharpe: sr, skewness: 0, kurtosis: 3, observations: t, trials: 100, trialSharpeVariance: 1 / (t - 1) })!;
    assert.ok(dsrAt(needed) >= 0.95 && dsrAt(needed - 1) < 0.95);
    assert.equal(result.history.additional_periods, needed - 504);
    assert.match(result.verdict, /^Does not survive deflation: .* needs \d+ periods/);
  });

  it('check_claim with a measured trial variance uses MinTRL against the expected maximum', async () => {
    const result = data(await call('check_claim', { sharpe: 0.1, annualized: false, periods: 300, trials: 10, trial_sharpe_variance: 0.001 }));
    assert.equal(result.trial_sharpe_variance_source, 'input');
    const expected = computeSharpeStats({ sharpe: 0.1, observations: 300, skewness: 0, kurtosis: 3, periodsPerYear: 252, trials: 10, trialSharpeVariance: 0.001 }) as any;
    assert.equal(result.dsr, expected.dsr);
    assert.equal(result.expected_max_sharpe, expected.expected_max_sharpe);
    assert.equal(result.min_btl_years, expected.min_btl_years);
  });

  describe('bad input is an isError result, never a crash', () => {
    it('paths: missing, .., absolute outside, symlinks out of the root, folders', async () => {
      assert.match(errorText(await call('lint_file', { path: 'nope.py' })), /not found/);
      assert.match(errorText(await call('lint_file', { path: '../etc/passwd' })), /'\.\.' is not allowed/);
      assert.match(errorText(await call('lint_file', { path: 'strategies/../../x.py' })), /'\.\.' is not allowed/);
      assert.match(errorText(await call('lint_file', { path: path.join(outside, 'secret.py') })), /outside the root/);
      assert.match(errorText(await call('lint_file', { path: 'bad/escape.py' })), /resolves outside the root/);
      assert.match(errorText(await call('lint_file', { path: 'bad/outside-dir/secret.py' })), /resolves outside the root/);
      assert.match(errorText(await call('lint_source', { source: 'x = 1\n', path: 'bad/outside-dir/new.py' })), /resolves outside the root/);
      assert.match(errorText(await call('result_stats', { path: 'bad/escape.py' })), /resolves outside the root/);
      assert.match(errorText(await call('pbo', { path: '/etc/hostname' })), /outside the root/);
      assert.match(errorText(await call('lint_file', { path: 'strategies' })), /is a folder/);
    });

    it('files: not UTF-8, malformed JSON, NaN, an empty series, a ragged matrix', async () => {
      assert.match(errorText(await call('lint_file', { path: 'bad/latin1.py' })), /not valid UTF-8.*SL001/);
      assert.match(errorText(await call('result_stats', { path: 'bad/broken.json' })), /^bad\/broken\.json: /);
      assert.match(errorText(await call('lint_file', { path: 'bad/broken.ipynb' })), /^bad\/broken\.ipynb: /);
      assert.match(errorText(await call('result_stats', { path: 'bad/latin1-returns.csv' })), /^bad\/latin1-returns\.csv: .*UTF-8/);
      assert.match(errorText(await call('pbo', { path: 'bad/latin1-returns.csv' })), /not valid UTF-8/);
      assert.match(errorText(await call('result_stats', { path: 'bad/nan-returns.csv' })), /^bad\/nan-returns\.csv: returns: dropped 1 of 3 cell\(s\) that are not numbers.*whole series/);
      assert.match(errorText(await call('result_stats', { path: 'bad/header-only.csv' })), /^bad\/header-only\.csv: /);
      assert.match(errorText(await call('pbo', { path: 'bad/ragged-matrix.csv' })), /row 2 has 2 values, expected 3/);
      assert.match(errorText(await call('pbo', { path: 'bad/nan-matrix.csv' })), /column 2 has a non-finite value \(NaN\) at row 2/);
    });

    it('arguments: empty or null-holed series, out-of-range figures, unknown or missing arguments', async () => {
      assert.match(errorText(await call('result_stats', { returns: [] })), /at least 2 observations/);
      assert.match(errorText(await call('result_stats', { returns: [0.01, null, 0.02] })), /Input validation error/);
      assert.match(errorText(await call('result_stats', { returns: [0.01, 0.02], path: 'results/daily-returns.csv' })), /exactly one of path/);
      assert.match(errorText(await call('result_stats', {})), /exactly one of path/);
      assert.match(errorText(await call('pbo', { matrix: [[0.01, null], [0.02, 0.01], [0.0, 0.01], [0.01, 0.0]] })), /Input validation error/);
      assert.match(errorText(await call('pbo', { matrix: [[0.01, 0.02], [0.02, 0.01], [0.0, 0.01], [0.01, 0.0]], splits: 3 })), /Input validation error/);
      assert.match(errorText(await call('check_claim', { sharpe: 1, periods: 100, trials: 0 })), /Input validation error/);
      assert.match(errorText(await call('check_claim', { sharpe: 1, periods: 100, trials: 5, kurtosis: 0.5 })), /Input validation error/);
      assert.match(errorText(await call('check_claim', { sharpe: 1, periods: 100.5, trials: 5 })), /Input validation error/);
      assert.match(errorText(await call('check_claim', { sharpe: 1, periods: 100, trials: 5, skewness: 50, kurtosis: 1 })), /no Sharpe distribution/);
      assert.match(errorText(await call('lint_file', { file: 'x.py' })), /Input validation error/);
      assert.match(errorText(await call('lint_source', { source: 'x = 1\0\n' })), /NUL/);
      assert.match(errorText(await call('lint_source', { source: '{}', path: 'notebooks/new.ipynb' })), /lint a notebook with lint_file/);
      assert.match(errorText(await call('explain_rule', { rule: '' })), /Input validation error/);
    });

    it('still answers after all of that', async () => {
      assert.equal((await client.listTools()).tools.length, 7);
      assert.equal(data(await call('explain_term', { term: 'pbo' })).id, 'probability-of-backtest-overfitting');
    });
  });

  it('applies --max-file-bytes to lint_file and lint_source', async () => {
    const small = await connect(root, ['--max-file-bytes', '1000']);
    try {
      assert.match(errorText((await small.callTool({ name: 'lint_file', arguments: { path: 'bad/big.py' } })) as ToolResult), /too large \(5006 bytes; the limit is 1000\).*SL000/);
      assert.match(errorText((await small.callTool({ name: 'lint_source', arguments: { source: 'x = 1\n'.repeat(200) } })) as ToolResult), /too large \(1200 bytes; the limit is 1000\)/);
      assert.equal(((await small.callTool({ name: 'lint_source', arguments: { source: 'x = 1\n' } })) as ToolResult).isError, undefined);
    } finally {
      await small.close();
    }
  });

  it('builds no function from a string while serving (global Function watched in the server process)', async () => {
    // zod would compile schemas with new Function and Ajv would compile JSON Schemas; the server
    // runs zod jitless and bundles no Ajv. A preload records any Function built from a string.
    const preload = path.join(root, 'bad', 'watch-function.cjs');
    fs.writeFileSync(
      preload,
      "const F = Function; const log = () => process.stderr.write('FUNCTION-FROM-STRING\\n');\n" +
        'globalThis.Function = new Proxy(F, { construct(t, a) { log(); return Reflect.construct(t, a); }, apply(t, s, a) { log(); return Reflect.apply(t, s, a); } });\n',
    );
    let stderr = '';
    const watched = await connect(root, [], ['--require', preload], (text) => (stderr += text));
    try {
      const calls: [string, Record<string, unknown>][] = [
        ['lint_file', { path: 'user_data/strategies/StrategyTestV3.py' }],
        ['lint_source', { source: 'x = 1\n', ignore: ['SL9'] }],
        ['explain_rule', { rule: 'SL2' }],
        ['explain_term', { term: 'walk-forward' }],
        ['result_stats', { path: 'results/daily-returns.csv', trials: 5 }],
        ['pbo', { path: 'results/trial-matrix.csv' }],
        ['check_claim', { sharpe: 1.2, periods: 800, trials: 25 }],
        ['check_claim', { sharpe: 'high', periods: 800, trials: 25 }],
      ];
      for (const [name, args] of calls) await watched.callTool({ name, arguments: args });
      await watched.listTools();
    } finally {
      await watched.close();
    }
    assert.match(stderr, /serving /, 'the preload ran in the server and stderr was read');
    assert.doesNotMatch(stderr, /FUNCTION-FROM-STRING/);
  });

  it('survives a line that is not JSON-RPC and exits when stdin closes', async () => {
    const child = spawn(process.execPath, [CLI, 'mcp', '--root', root], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.stdin.write('this is not json\n');
    child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } } }) + '\n');
    await new Promise<void>((resolve) => {
      const poll = () => (stdout.includes('"id":1') ? resolve() : setTimeout(poll, 20));
      poll();
    });
    const response = JSON.parse(stdout.trim().split('\n').find((l) => l.includes('"id":1'))!);
    assert.equal(response.result.serverInfo.name, 'strategy-lint');
    child.stdin.end();
    assert.equal(await exited, 0);
  });

  it('refuses to start on a root that does not exist (exit 2, one line)', () => {
    const result = spawnSync(process.execPath, [CLI, 'mcp', '--root', path.join(root, 'missing')], { encoding: 'utf8', input: '' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--root .*missing: folder not found/);
    assert.equal(result.stdout, '');
  });
});
