import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCheckCommand } from '../../../server/src/cli/check-command';
import { lintPython } from '../../../server/src/engine/lint';
import { parsePine } from '../../../server/src/engine/pine/parse';
import { initPythonParser, parsePython } from '../../../server/src/engine/python/parser';
import { RULES } from '../../../server/src/engine/rules/registry';
import type { AttachedResults, Rule } from '../../../server/src/engine/rules/rule';
import { LintSession } from '../../../server/src/engine/session';
import type { Finding } from '../../../server/src/engine/types';
import { attach, normals, summary } from '../../helpers/synthetic-results';

// Every rule's documented example (the "Example" section of docs/rules/*.md and of hovers) must
// trigger that rule, and its What / Why / Fix sections must say enough to act on.
//  - Code rules: the example is linted on its own with only its rule selected.
//  - Result rules (SL6xx) judge attached backtest results, not code: each example is linted with a
//    synthetic result built to the figures its comment states (below, one per rule).
//  - unresolved-results (SL610), file-too-large (SL000) and unreadable-file (SL001) come from the
//    fronts: the file the example describes is written to a temporary project and read the way
//    the editor session or the CLI reads it.
// No rule is exempt.

/** Returns of `n` periods whose sample Sharpe ratio is exactly `sharpe` (seeded normal shape). */
function returnsWithSharpe(n: number, sharpe: number, seed: number, scale = 0.01): number[] {
  const draws = normals(n, 0, 1, seed);
  const mean = draws.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(draws.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
  return draws.map((x) => ((x - mean) / sd + sharpe) * scale);
}

/** `n` small trades adding up to `total`, each well below `cap`. */
function smallTrades(n: number, total: number, cap: number, seed: number): number[] {
  const draws = normals(n, 0, cap / 6, seed).map((x) => Math.max(-cap, Math.min(cap * 0.5, x)));
  const shift = (total - draws.reduce((a, b) => a + b, 0)) / n;
  return draws.map((x) => x + shift);
}

/** The result each result rule's example describes, in the example's own figures. */
const RESULTS_FOR: Record<string, () => AttachedResults> = {
  // "a backtest with 14 trades"
  'tiny-sample': () => attach(summary({ strategy: 'Scalper', file: '/ws/backtests/scalper-2024-03.json', tradeCount: 14 })),
  // "9 months of daily returns, Sharpe 1.1 annualised, after 200 hyperopt epochs" (crypto: 365 days a year)
  'short-backtest': () =>
    attach(
      summary({ file: '/ws/user_data/backtest_results/backtest-result-2024-06-30.json', periodReturns: returnsWithSharpe(273, 1.1 / Math.sqrt(365), 31), periodsPerYear: 365, period: { start: '2023-10-01', end: '2024-06-30' } }),
      summary({ format: 'freqtrade-hyperopt', file: '/ws/user_data/hyperopt_results/h.fthypt', trials: { count: 200 }, period: { start: '2023-10-01', end: '2024-06-30' } }),
    ),
  // "120 daily returns with a per-period Sharpe of 0.08"
  'insignificant-sharpe': () => attach(summary({ file: '/ws/results/momentum.backtest.csv', periodReturns: returnsWithSharpe(120, 0.08, 17) })),
  // "730 daily returns, Sharpe 0.084 a day, the best of 500 hyperopt epochs"
  'deflated-sharpe': () =>
    attach(
      summary({ strategy: 'BandRider', periodReturns: returnsWithSharpe(730, 0.084, 23), periodsPerYear: 365 }),
      summary({ format: 'freqtrade-hyperopt', file: '/ws/user_data/hyperopt_results/strategy_BandRider.fthypt', strategy: 'BandRider', trials: { count: 500 } }),
    ),
  // "2,520 days x 200 configurations": a sweep of configurations without skill, the best chosen in-sample
  'backtest-overfitting': () =>
    attach(summary({ format: 'csv-trial-matrix', file: '/ws/research/sweep_returns.csv', trialMatrix: Array.from({ length: 2520 }, (_, t) => normals(200, 0.0002, 0.01, 5000 + t)) })),
  // "hyperopt --timerange 20230101-20231231, then backtesting --timerange 20230601-20231231"
  'in-sample-only': () =>
    attach(
      summary({ strategy: 'BandRider', tradeCount: 140, period: { start: '2023-06-01', end: '2023-12-31' } }),
      summary({ format: 'freqtrade-hyperopt', file: '/ws/h.fthypt', strategy: 'BandRider', trials: { count: 300 }, period: { start: '2023-01-01', end: '2023-12-31' } }),
    ),
  // "hyperopt 2022 (per-trade Sharpe 0.31) -> backtest 2023 (per-trade Sharpe 0.04)"
  'oos-degradation': () =>
    attach(
      summary({ format: 'freqtrade-hyperopt', file: '/ws/h.fthypt', tradeReturns: returnsWithSharpe(160, 0.31, 41, 0.02), period: { start: '2022-01-01', end: '2022-12-31' } }),
      summary({ tradeReturns: returnsWithSharpe(150, 0.04, 43, 0.02), period: { start: '2023-01-01', end: '2023-12-31' } }),
    ),
  // "412 trades, 96.1 % winners, profit factor 11.3, max drawdown 0 %"
  'too-good-to-be-true': () => attach(summary({ tradeCount: 412, winRate: 0.961, profitFactor: 11.3, maxDrawdown: 0 })),
  // "180 trades, net profit 2,400 USDT; the best 9 trades made 2,150 USDT"
  'profit-concentration': () => attach(summary({ tradeProfits: [420, 360, 300, 260, 230, 200, 150, 130, 100, ...smallTrades(171, 250, 60, 3)] })),
};

function findingsOf(rule: Rule, results?: AttachedResults): Finding[] {
  const file = rule.docs.exampleLanguage === 'pine' ? '/ws/strategies/example.pine' : '/ws/strategies/example.py';
  const output = lintPython({ path: file, text: rule.docs.example + '\n', results, config: { select: [rule.name] } });
  output.release();
  return output.findings.filter((f) => f.rule === rule.name);
}

/** A temporary project folder, removed after the test. */
function withProject<T>(run: (root: string) => Promise<T> | T): Promise<T> {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sl-docs-example-')));
  return Promise.resolve(run(root)).finally(() => fs.rmSync(root, { recursive: true, force: true }));
}

/** Findings the CLI's `check --format json` reports for one file. */
async function checkFile(file: string): Promise<{ rule: string; line: number }[]> {
  let out = '';
  await runCheckCommand([file, '--format', 'json'], { stdout: (text) => (out += text), stderr: () => undefined });
  return JSON.parse(out);
}

/** How each front-produced finding is obtained from the situation its example describes. */
const FRONT_FINDINGS: Record<string, (rule: Rule) => Promise<string[]>> = {
  // "# strategy-lint: results=../../other-project/backtest.json": a directive naming a file outside the project.
  'unresolved-results': (rule) =>
    withProject((root) => {
      const file = path.join(root, 'project', 'strategies', 'my_strategy.py');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.mkdirSync(path.join(root, 'other-project'));
      fs.writeFileSync(path.join(root, 'other-project', 'backtest.json'), '{"strategy": {}}');
      const session = new LintSession({ rootFor: () => path.join(root, 'project') });
      const output = lintPython(session.inputFor(file, rule.docs.example + '\n', { select: [rule.name] }).input);
      output.release();
      return output.findings.map((f) => f.rule);
    }),
  // "a 40 MB file of generated feature tables, saved as features_dump.py" (sparse: nothing is written).
  'file-too-large': () =>
    withProject(async (root) => {
      const file = path.join(root, 'features_dump.py');
      fs.writeFileSync(file, '');
      fs.truncateSync(file, 40 * 1000 * 1000);
      return (await checkFile(file)).map((f) => f.rule);
    }),
  // "strategies/legacy.py saved in Windows-1252: "caf\xe9" is not valid UTF-8"
  'unreadable-file': () =>
    withProject(async (root) => {
      const file = path.join(root, 'strategies', 'legacy.py');
      fs.mkdirSync(path.dirname(file));
      fs.writeFileSync(file, Buffer.from('name = "café"\n', 'latin1')); // é is the single byte 0xE9
      return (await checkFile(file)).map((f) => f.rule);
    }),
};

describe('every rule\'s documented example triggers its rule', () => {
  before(() => initPythonParser());

  it('every example parses (Python, or Pine where the rule says so)', () => {
    assert.ok(RULES.length >= 40);
    for (const rule of RULES) {
      if (rule.docs.exampleLanguage === 'pine') {
        assert.equal(parsePine(rule.docs.example + '\n').errors.length, 0, `${rule.code} example does not parse:\n${rule.docs.example}`);
        continue;
      }
      const tree = parsePython(rule.docs.example + '\n');
      assert.ok(!tree.rootNode.hasError, `${rule.code} example does not parse:\n${rule.docs.example}`);
      tree.delete();
    }
  });

  for (const rule of RULES) {
    it(`${rule.code} ${rule.name}`, async () => {
      for (const [section, text] of Object.entries({ what: rule.docs.what, why: rule.docs.why, fix: rule.docs.fix })) {
        assert.ok(text.trim().length >= 100, `${rule.code} ${section} is too short: ${text}`);
        assert.match(text.trim(), /[.)]$/, `${rule.code} ${section} does not end a sentence`);
      }
      const front = FRONT_FINDINGS[rule.name];
      if (front) {
        assert.ok((await front(rule)).includes(rule.name), rule.docs.example);
        return;
      }
      const results = RESULTS_FOR[rule.name]?.();
      assert.equal(rule.family === 'results', results !== undefined, `${rule.code}: result rules, and only they, are linted with a result`);
      assert.ok(findingsOf(rule, results).length > 0, `${rule.code} example does not trigger it:\n${rule.docs.example}`);
    });
  }
});
