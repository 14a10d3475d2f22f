// How every dataflow-backed lookahead rule reports: one finding per source whose lead reaches a
// decision, at the source, naming the lead and the decision, with each step of the chain as
// related information. Error when the whole path is seen; warning when it passes through code the
// analysis cannot see (the rule's configured severity still wins, see lint.ts).
import type { ProposedFix } from '../rule';
import { analyzeDataflow, type Leak } from '../../dataflow';
import { nodeRange } from '../../python/node-range';
import type { SyntaxNode } from '../../python/parser';
import type { RelatedLocation } from '../../types';
import type { ReportInput, RuleContext } from '../rule';

function leaksOf(context: RuleContext, code: string): Leak[] {
  return analyzeDataflow(context.index).leaks.filter((leak) => leak.source.code === code);
}

export function reportLeaks(
  context: RuleContext,
  report: (finding: ReportInput) => void,
  code: string,
  options: { at?: (leak: Leak) => SyntaxNode; fix?: (leak: Leak) => ProposedFix | undefined } = {},
): void {
  // One finding per line and code: `(df - df.min()) / (df.max() - df.min())` is one problem.
  const byLine = new Map<number, Leak[]>();
  for (const leak of leaksOf(context, code)) {
    const row = leak.source.node.startPosition.row;
    byLine.set(row, [...(byLine.get(row) ?? []), leak]);
  }
  for (const group of byLine.values()) {
    const leak = group.find((l) => l.certain) ?? group[0];
    const more = group.length > 1 ? ` (and ${group.length - 1} more on this line)` : '';
    const { source, sink } = leak;
    const line = sink.node.startPosition.row + 1;
    const through = leak.certain ? '' : ' (through code the analysis cannot follow, so check the path)';
    const related: RelatedLocation[] = [
      ...source.chain.map((step) => ({ message: step.what, range: nodeRange(step.node) })),
      { message: `reaches ${sink.what}`, range: nodeRange(sink.node) },
    ];
    report({
      node: options.at?.(leak) ?? source.node,
      message: `${capitalise(source.what)}${more}; it reaches ${sink.what} (line ${line})${through}: ${consequence(sink.what)}.`,
      severity: leak.certain ? undefined : 'warning',
      related,
      fix: options.fix?.(leak),
    });
  }
}

function consequence(sink: string): string {
  if (/(test|validation) rows/.test(sink)) return 'the out-of-sample result was computed with statistics of the rows it evaluates';
  if (/feature/.test(sink)) return 'the model is trained or scored on information from the future';
  if (/strategy return/.test(sink)) return 'each position earns the move that produced its own signal';
  return 'the backtest trades on information it would not have had';
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
