// One line per strategy summarising its attached results (trades, Sharpe, PSR, DSR with N,
// PBO) and why those files are attached: the CodeLens above the class.
import type { LintOutput } from '../lint';
import type { RuleContext } from '../rules/rule';
import { fileName, fmt, resultsByStrategy, trialCount } from '../rules/helpers/attached-results';
import { deflationFor } from '../rules/helpers/deflation';
import type { Range } from '../types';

export interface ResultLens {
  range: Range;
  title: string;
  /** Longer explanation (association reasons), for a tooltip or hover. */
  detail: string;
}

export function resultLenses(output: LintOutput, path: string): ResultLens[] {
  if (!output.results?.attached.length) return [];
  const context = { path, text: output.lines.text, lines: output.lines, index: output.index, facts: output.facts, directives: output.directives, results: output.results, option: () => NaN } as RuleContext;
  const lenses: ResultLens[] = [];
  for (const group of resultsByStrategy(context)) {
    const backtest = group.backtests[0];
    const trials = trialCount(context, group, backtest);
    const parts: string[] = [];
    if (backtest) {
      const s = backtest.statistics;
      const trades = backtest.summary.tradeCount ?? backtest.summary.tradeReturns?.length;
      if (trades !== undefined) parts.push(`${trades} trades`);
      if (s.sharpeAnnualized !== null) parts.push(`Sharpe ${fmt(s.sharpeAnnualized)} (annual)`);
      else if (s.sharpe !== null) parts.push(`Sharpe ${fmt(s.sharpe, 3)} (per ${s.series === 'trade returns' ? 'trade' : 'period'})`);
      if (s.psr !== null) parts.push(`PSR ${fmt(s.psr)}`);
      const d = trials.n > 1 ? deflationFor(context, group, backtest) : null;
      if (d?.dsr != null) parts.push(`DSR ${fmt(d.dsr)} (N=${d.trials.n})`);
    }
    const pbo = group.all.map((a) => a.statistics.pbo).find((p) => p?.ok);
    if (pbo?.ok) parts.push(`PBO ${fmt(pbo.pbo)}`);
    if (parts.length === 0) parts.push(`${group.all.length} result file(s), no figures to compute`);
    const range = group.strategy
      ? { start: { line: group.strategy.node.startPosition.row, character: 0 }, end: { line: group.strategy.node.startPosition.row, character: 0 } }
      : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const detail = group.all.map((a) => `${fileName(a)}: ${a.reason}`).join('\n');
    lenses.push({ range, title: `Strategy Lint: ${parts.join(' · ')} — ${backtest ? fileName(backtest) : fileName(group.all[0])}`, detail });
  }
  return lenses;
}
