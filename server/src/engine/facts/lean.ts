// QuantConnect LEAN (Python): optimiser parameters (`self.get_parameter("fast", 10)` /
// `self.GetParameter("fast")`), backtest dates, brokerage and fee models.
import type { SyntaxIndex } from '../python/syntax-index';
import { numberValue, stringValue } from './python-values';
import type { SyntaxNode } from '../python/parser';
import type { CallSite } from '../python/syntax-index';
import type { BacktestWindow, CodeDate, LeanFacts, TunedParameter } from './types';

const GET_PARAMETER = new Set(['get_parameter', 'GetParameter']);
const START = new Set(['set_start_date', 'SetStartDate']);
const END = new Set(['set_end_date', 'SetEndDate']);
const BROKERAGE = new Set(['set_brokerage_model', 'SetBrokerageModel']);
const FEE = new Set(['set_fee_model', 'SetFeeModel']);

export function leanParameters(index: SyntaxIndex, strategyNames: Set<string>): TunedParameter[] {
  const out: TunedParameter[] = [];
  const seen = new Set<string>();
  for (const call of index.calls) {
    if (!GET_PARAMETER.has(call.name)) continue;
    const className = call.scope.className;
    if (!className || !strategyNames.has(className)) continue;
    const name = stringValue(call.positional[0] ?? call.keywords.get('name'));
    if (!name) continue;
    // The same parameter read twice (`int(self.get_parameter("fast"))` in two methods) is one parameter.
    const key = `${className}\0${name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const defaultNode = call.positional[1] ?? call.keywords.get('default_value') ?? call.keywords.get('defaultValue');
    out.push({
      name,
      kind: 'declared',
      framework: 'lean',
      node: call.node,
      className,
      defaultValue: numberValue(defaultNode),
      defaultNode,
      optimized: true,
    });
  }
  return out;
}

export function leanFacts(index: SyntaxIndex): LeanFacts {
  const facts: LeanFacts = { startDates: [], endDates: [], brokerageModels: [], feeModels: [] };
  for (const call of index.calls) {
    if (START.has(call.name)) facts.startDates.push(call.node);
    else if (END.has(call.name)) facts.endDates.push(call.node);
    else if (BROKERAGE.has(call.name)) facts.brokerageModels.push(call.node);
    else if (FEE.has(call.name)) facts.feeModels.push(call.node);
  }
  return facts;
}

/** `(2020, 1, 1)` positional numbers, or a `datetime(2020, 1, 1)` / `date(...)` call, as a date. */
export function codeDate(args: SyntaxNode[], index: SyntaxIndex, node: SyntaxNode): CodeDate | undefined {
  if (args.length === 1 && args[0].type === 'call') {
    const inner = index.callsById.get(args[0].id);
    if (!inner || !/(^|\.)(datetime|date|Timestamp)$/.test(inner.callee ?? '')) return undefined;
    return codeDate(inner.positional, index, args[0]);
  }
  const [year, month, day] = args.map((a) => numberValue(a));
  if (year === undefined || month === undefined || day === undefined) return undefined;
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { year, month, day, node };
}

/**
 * Backtest windows spelt out in code: LEAN `set_start_date`/`set_end_date` per algorithm class, and
 * backtrader data feeds with both `fromdate=` and `todate=` (the widest one per file).
 */
export function backtestWindows(index: SyntaxIndex, strategyFrameworks: Map<string, string>): BacktestWindow[] {
  const out: BacktestWindow[] = [];
  const starts = new Map<string, CodeDate>();
  const ends = new Map<string, CodeDate>();
  let feed: BacktestWindow | undefined;
  const days = (d: CodeDate) => Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;
  for (const call of index.calls) {
    const className = call.scope.className;
    if ((START.has(call.name) || END.has(call.name)) && className && strategyFrameworks.get(className) === 'lean') {
      const date = codeDate(call.positional, index, call.node);
      if (date) (START.has(call.name) ? starts : ends).set(className, { ...date, node: call.node });
    } else if (call.keywords.has('fromdate') && call.keywords.has('todate')) {
      const start = keywordDate(call, 'fromdate', index);
      const end = keywordDate(call, 'todate', index);
      if (start && end && (!feed || days(end) - days(start) > days(feed.end) - days(feed.start))) {
        feed = { framework: 'backtrader', start, end };
      }
    }
  }
  for (const [className, start] of starts) {
    const end = ends.get(className);
    if (end) out.push({ framework: 'lean', start, end, className });
  }
  if (feed) out.push(feed);
  return out;
}

function keywordDate(call: CallSite, keyword: string, index: SyntaxIndex): CodeDate | undefined {
  const value = call.keywords.get(keyword);
  return value ? codeDate([value], index, value) : undefined;
}
