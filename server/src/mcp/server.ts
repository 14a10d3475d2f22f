// The MCP server: the tools, their input schemas and their wiring to the engine. Every tool is
// read-only and confined to the workspace root; bad input is an isError result.
import './zod-jitless'; // first: before the SDK builds its schemas
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { LintSession } from '../engine/session';
import { explainRule, explainTerm } from './docs-tools';
import { loadRootGlossary } from './glossary';
import { lintFile, lintSource } from './lint-tools';
import type { Workspace } from './paths';
import { checkClaim, pbo, resultStats } from './stats-tools';
import { guarded, markdownResult, okResult } from './tool-result';

export const SERVER_VERSION = '0.1.0';

export interface McpOptions {
  workspace: Workspace;
  /** --max-file-bytes: overrides the configuration's max-file-bytes (default 8 MiB, as `check`). */
  maxFileBytes?: number;
}

/** Largest number of array elements and object members in one call's arguments (a PBO matrix). */
export const MAX_INPUT_ELEMENTS = 2_100_000;

const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

const path = (what: string) => z.string().min(1).max(4096).describe(`${what}, relative to the server's root (or absolute inside it); '..' and paths outside the root are refused`);
const ruleSelectors = (what: string) =>
  z.array(z.string().min(1).max(64)).max(200).optional().describe(`${what}: rule names (too-many-parameters), codes (SL101), code prefixes (SL2 = every lookahead rule) or ALL`);
const sharpeRatio = z.number().min(-1e6).max(1e6);
const trials = z.number().min(1).max(1e12).describe('Number of configurations tried (N) before this one was picked, >= 1 (an effective, non-integer N from clustering is accepted)');
const trialVariance = z.number().min(0).max(1e6).describe('Variance of the per-period Sharpe ratios across the trials (V). Absent: assumed 1/(T-1), the spread of trials without skill');
const periodsPerYear = z.number().gt(0).max(1e6).describe('Return periods in a year, for annualising: 252 daily equities (default), 365 daily crypto, 52 weekly, 12 monthly');

const lintShape = {
  select: ruleSelectors('Rules to run (default: all, or the configuration file\'s select)'),
  ignore: ruleSelectors('Rules to skip'),
};

const LISTING_TTL_MS = 3000;

/** The session for a workspace: every path resolves against its root, which is every file's project. */
export function createSession(workspace: Workspace): LintSession {
  return new LintSession({ cwd: workspace.realRoot, rootFor: () => workspace.realRoot, listings: { kind: 'watched', ttlMs: LISTING_TTL_MS } });
}

export function createMcpServer(options: McpOptions): McpServer {
  const server = new McpServer(
    { name: 'strategy-lint', version: SERVER_VERSION },
    {
      maxToolInputElements: MAX_INPUT_ELEMENTS,
      instructions:
        'Strategy Lint flags overfitting risks in trading strategies (freqtrade, backtrader, LEAN, Jesse, vectorbt, pandas / scikit-learn) and their backtest results. ' +
        'lint_file / lint_source return findings with rule codes and fixes as edits; explain_rule and explain_term explain them; result_stats, pbo and check_claim compute PSR, DSR, MinTRL, MinBTL and PBO. ' +
        'Sharpe ratios are per period unless a field says annualized.',
    },
  );
  // One input assembler, as every front has. The root is the project of every file; the server
  // hears of no file changes, so folder listings live a few seconds (as in the language server
  // for clients without file events) and files are re-read when their stamp changes.
  const session = createSession(options.workspace);
  const lintContext = { workspace: options.workspace, maxFileBytes: options.maxFileBytes, session };
  const statsContext = { workspace: options.workspace, cache: session.results };

  server.registerTool(
    'lint_file',
    {
      title: 'Lint a strategy file',
      description:
        'Lint one Python strategy (.py) or Jupyter notebook (.ipynb) under the root, as `strategy-lint check --format json` does: the nearest configuration file, per-file-ignores and the backtest results associated with the strategy apply. ' +
        'Returns findings (rule, code, severity, message, 1-based line/column/endLine/endColumn, related locations, and for .py files the fix as text edits with its safety), the result files attached and the configuration used.',
      inputSchema: z.object({ path: path('The strategy file'), ...lintShape }).strict(),
      annotations: { title: 'Lint a strategy file', ...READ_ONLY },
    },
    (args) => guarded(() => okResult(lintFile(lintContext, args))),
  );

  server.registerTool(
    'lint_source',
    {
      title: 'Lint strategy source text',
      description:
        'Lint Python strategy source given as text (e.g. unsaved code). `path` places it in the workspace (it need not exist): configuration and result association apply as for a file there. ' +
        'Returns the same findings as lint_file, fixes as edits against the given text.',
      inputSchema: z
        .object({
          source: z.string().describe('The Python source text (UTF-8); at most max-file-bytes bytes (8 MiB unless configured)'),
          path: path('Where the source would live, for configuration and result association (default: untitled_strategy.py at the root)').optional(),
          ...lintShape,
        })
        .strict(),
      annotations: { title: 'Lint strategy source text', ...READ_ONLY },
    },
    (args) => guarded(() => okResult(lintSource(lintContext, args))),
  );

  server.registerTool(
    'explain_rule',
    {
      title: 'Explain a rule',
      description: 'Documentation of one rule (what it does, why it matters, example, fix, options, glossary terms), by name or code; a code prefix (SL2) or ALL lists the rules it selects.',
      inputSchema: z.object({ rule: z.string().min(1).max(100).describe('A rule name (lookahead-shift), a code (SL201), a code prefix (SL2) or ALL') }).strict(),
      annotations: { title: 'Explain a rule', ...READ_ONLY },
    },
    (args) =>
      guarded(() => {
        const glossaryProblems = loadRootGlossary(session, options.workspace);
        const { markdown, data } = explainRule(args);
        return markdownResult(markdown, { ...data, ...(glossaryProblems.length ? { glossaryProblems } : {}) });
      }),
  );

  server.registerTool(
    'explain_term',
    {
      title: 'Explain a glossary term',
      description: 'Definition of a concept from the Strategy Lint glossary (built-in terms plus the glossary files of the root configuration), with related terms and a source link. Accepts an id (deflated-sharpe-ratio), a title or an alias (DSR, out of sample, walk-forward).',
      inputSchema: z.object({ term: z.string().min(1).max(200).describe('A term id, title or alias') }).strict(),
      annotations: { title: 'Explain a glossary term', ...READ_ONLY },
    },
    (args) =>
      guarded(() => {
        const glossaryProblems = loadRootGlossary(session, options.workspace);
        const { markdown, data } = explainTerm(args);
        return markdownResult(markdown, { ...data, ...(glossaryProblems.length ? { glossaryProblems } : {}) });
      }),
  );

  server.registerTool(
    'result_stats',
    {
      title: 'Sharpe statistics of a backtest',
      description:
        'Probabilistic Sharpe Ratio (PSR), Minimum Track Record Length (MinTRL) and, with a number of trials N, the expected maximum Sharpe, Deflated Sharpe Ratio (DSR) and Minimum Backtest Length (MinBTL) ' +
        'of a result file under the root (freqtrade backtest / hyperopt, LEAN, CSV of returns or trades, .strategy-lint.json) or of a series of per-period returns. Give exactly one of path or returns. ' +
        'N and the trials\' Sharpe variance come from the file when it records them (hyperopt), else from the arguments.',
      inputSchema: z
        .object({
          path: path('A backtest result file').optional(),
          returns: z
            .array(z.number())
            .min(2, 'a return series needs at least 2 observations')
            .max(1_000_000)
            .optional()
            .describe('Per-period excess returns as ratios (0.01 = +1 %), in time order; finite numbers, at least 2'),
          strategy: z.string().min(1).max(200).optional().describe('Which strategy of a multi-strategy result file (default: the first with a return series)'),
          periods_per_year: periodsPerYear.optional(),
          trials: trials.optional(),
          trial_sharpe_variance: trialVariance.optional(),
          benchmark_sharpe: sharpeRatio.optional().describe('Per-period Sharpe to beat in PSR and MinTRL (default 0)'),
        })
        .strict(),
      annotations: { title: 'Sharpe statistics of a backtest', ...READ_ONLY },
    },
    (args) => guarded(() => okResult(resultStats(statsContext, args))),
  );

  server.registerTool(
    'pbo',
    {
      title: 'Probability of Backtest Overfitting',
      description:
        'Probability of Backtest Overfitting by combinatorially symmetric cross-validation (Bailey, Borwein, Lopez de Prado & Zhu 2017) of a trial matrix: rows = periods in time order, columns = configurations tried, values = per-period returns. ' +
        'Give exactly one of matrix or path (a CSV: header optional, a first column of dates ignored).',
      inputSchema: z
        .object({
          matrix: z
            .array(z.array(z.number()).min(2).max(10_000))
            .min(4)
            .max(1_000_000)
            .optional()
            .describe('Rows = periods (at least 4), columns = configurations (at least 2, the same count in every row); finite numbers'),
          path: path('A CSV trial matrix file').optional(),
          splits: z.number().int().min(2).max(20).multipleOf(2).optional().describe('Even number of blocks S (default 16, fewer when the matrix has under 32 rows); C(S, S/2) combinations'),
          metric: z.enum(['sharpe', 'mean']).optional().describe('Per-configuration performance: sharpe (mean / standard deviation, ddof 1; default) or mean'),
          include_logits: z.boolean().optional().describe('Also return the logit of every combination (up to 184,756 numbers)'),
        })
        .strict(),
      annotations: { title: 'Probability of Backtest Overfitting', ...READ_ONLY },
    },
    (args) => guarded(() => okResult(pbo(statsContext, args))),
  );

  server.registerTool(
    'check_claim',
    {
      title: 'Check a Sharpe claim against deflation',
      description:
        'Given a Sharpe ratio, the number of return periods behind it and the number of trials (configurations tried), says whether it survives deflation (DSR >= confidence) and how much more history with the same Sharpe it needs; also PSR, MinTRL and MinBTL.',
      inputSchema: z
        .object({
          sharpe: sharpeRatio.describe('The claimed Sharpe ratio (annualised unless annualized is false)'),
          annualized: z.boolean().optional().describe('Whether sharpe is annualised (default true); false means per period'),
          periods: z.number().int().min(2).max(1e9).describe('Number of return periods T behind the Sharpe (e.g. 756 daily returns = 3 years)'),
          trials,
          periods_per_year: periodsPerYear.optional(),
          trial_sharpe_variance: trialVariance.optional(),
          skewness: z.number().min(-1e3).max(1e3).optional().describe('Skewness of the returns (default 0)'),
          kurtosis: z.number().min(1).max(1e6).optional().describe('Raw kurtosis of the returns, normal = 3 (default 3)'),
          confidence: z.number().min(0.5).max(0.9999).optional().describe('DSR needed to survive (default 0.95)'),
        })
        .strict(),
      annotations: { title: 'Check a Sharpe claim against deflation', ...READ_ONLY },
    },
    (args) => guarded(() => okResult(checkClaim(args))),
  );

  return server;
}
