// QuantConnect LEAN (Python): optimiser parameters (`self.get_parameter("fast", 10)` /
// `self.GetParameter("fast")`), backtest dates, brokerage and fee models.
import type { SyntaxIndex } from '../python/syntax-index';
import { numberValue, stringValue } from './python-values';
import type { LeanFacts, TunedParameter } from './types';

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
