// Trading costs as the code sets them: backtrader `broker.setcommission(commission=...)` and
// `set_slippage_perc`, LEAN `ConstantFeeModel(0)`, vectorbt `fees=`/`slippage=`, backtesting.py
// `commission=`, freqtrade/Jesse config `fee`; and backtest runs that leave costs at a zero default.
import type { SyntaxNode } from '../python/parser';
import type { CallSite, SyntaxIndex } from '../python/syntax-index';
import { backtraderRunPlacesOrders, backtraderRunsLive } from './backtrader';
import { assignmentsTo } from './lookups';
import { dictEntries, numberValue, stringValue } from './python-values';
import type { Bindings } from './sklearn';
import type { CostFacts, CostKind, CostSetting, UnsetCosts } from './types';

/** Keyword / config key -> kind of cost. Any call or config dict using these names sets a cost. */
const COST_KEYS: Record<string, CostKind> = Object.assign(Object.create(null) as Record<string, CostKind>, {
  commission: 'commission',
  commissions: 'commission',
  fee: 'commission',
  fees: 'commission',
  fixed_fees: 'commission',
  trading_fee: 'commission',
  transaction_cost: 'commission',
  transaction_costs: 'commission',
  slippage: 'slippage',
  slip_perc: 'slippage',
});
/** Costs in currency units rather than rates: a rate cannot replace them. */
const ABSOLUTE_KEYS = new Set(['fixed_fees']);

const VBT_RUNS = new Set(['from_signals', 'from_orders']);
const INSTRUMENT_FEES = ['maker_fee', 'taker_fee'] as const;

function sourceOf(call: CallSite): string {
  const q = call.qualifiedCallee ?? call.callee ?? call.name;
  if (/^vectorbt/.test(q) || VBT_RUNS.has(call.name)) return 'vectorbt';
  if (/^backtesting\./.test(q) || call.name === 'Backtest') return 'backtesting.py';
  if (/^backtrader/.test(q) || call.name === 'BackBroker') return 'backtrader';
  return call.name;
}

export function costFacts(index: SyntaxIndex, bindings: Bindings): CostFacts {
  const settings: CostSetting[] = [];
  const add = (kind: CostKind, source: string, valueNode: SyntaxNode | undefined, node: SyntaxNode, label: string, isRate: boolean) => {
    if (!valueNode) return;
    settings.push({ kind, source, valueNode, value: numberValue(valueNode), node, label, isRate });
  };
  let commissionSet = false;
  let vbtFeesConfigured = false;
  const cerebros: CallSite[] = [];
  const runs: CallSite[] = [];

  for (const call of index.calls) {
    switch (call.name) {
      case 'setcommission':
      case 'addcommissioninfo':
        commissionSet = true;
        if (call.name === 'setcommission') {
          const fixed = call.keywords.has('margin') || /COMM_FIXED/.test(call.keywords.get('commtype')?.text ?? '');
          add('commission', 'backtrader', call.keywords.get('commission') ?? call.positional[0], call.node, label(call, 'commission'), !fixed);
        }
        continue;
      case 'set_slippage_perc':
        add('slippage', 'backtrader', call.keywords.get('perc') ?? call.positional[0], call.node, label(call, 'perc'), true);
        continue;
      case 'set_slippage_fixed':
        add('slippage', 'backtrader', call.keywords.get('fixed') ?? call.positional[0], call.node, label(call, 'fixed'), false);
        continue;
      case 'ConstantFeeModel':
        add('commission', 'lean', call.positional[0] ?? call.keywords.get('fee'), call.node, label(call, 'fee'), false);
        continue;
      case 'ConstantSlippageModel':
        add('slippage', 'lean', call.positional[0] ?? call.keywords.get('slippage_percent'), call.node, label(call, 'slippage_percent'), true);
        continue;
      // zipline: set_commission(commission.PerShare(cost=0.0)), set_slippage(slippage.FixedSlippage(spread=0)).
      case 'PerShare':
      case 'PerTrade':
      case 'PerDollar':
      case 'PerContract':
        if (isZiplineModel(call)) add('commission', 'zipline', call.keywords.get('cost') ?? call.positional[0], call.node, label(call, 'cost'), call.name === 'PerDollar');
        continue;
      case 'FixedSlippage':
        if (isZiplineModel(call)) add('slippage', 'zipline', call.keywords.get('spread') ?? call.positional[0], call.node, label(call, 'spread'), false);
        continue;
      case 'FixedBasisPointsSlippage':
        if (isZiplineModel(call)) add('slippage', 'zipline', call.keywords.get('basis_points') ?? call.positional[0], call.node, label(call, 'basis_points'), false);
        continue;
      case 'NoSlippage':
        if (isZiplineModel(call)) settings.push({ kind: 'slippage', source: 'zipline', valueNode: call.node, value: 0, node: call.node, label: 'NoSlippage()', isRate: false });
        continue;
      // nautilus_trader: FillModel(prob_slippage=0.0) never slips; FixedFeeModel(Money(0, USD)) is free.
      case 'FillModel':
        if (/^nautilus_trader\./.test(call.qualifiedCallee ?? '')) add('slippage', 'nautilus_trader', call.keywords.get('prob_slippage'), call.node, label(call, 'prob_slippage'), false);
        continue;
      case 'FixedFeeModel': {
        const money = call.keywords.get('commission') ?? call.positional[0];
        const amount = money?.type === 'call' ? index.callsById.get(money.id)?.positional[0] : money;
        if (/^nautilus_trader\./.test(call.qualifiedCallee ?? '')) add('commission', 'nautilus_trader', amount, call.node, label(call, 'commission'), false);
        continue;
      }
      case 'Cerebro':
        cerebros.push(call);
        break;
    }
    if (call.name === 'run' || VBT_RUNS.has(call.name) || call.name === 'Backtest') runs.push(call);
    // backtesting.py charges the bid-ask `spread` on every fill, apart from `commission`.
    if (call.name === 'Backtest' && numberValue(call.keywords.get('spread')) !== undefined) {
      add('slippage', 'backtesting.py', call.keywords.get('spread'), call.node, `Backtest(spread=${call.keywords.get('spread')!.text})`, true);
    }
    // nautilus_trader instruments carry their own fees: `maker_fee=Decimal("0")`, `taker_fee=Decimal(0)`.
    for (const key of INSTRUMENT_FEES) {
      const value = call.keywords.get(key);
      const zero = value && decimalZero(value, index);
      if (zero) settings.push({ kind: 'commission', source: 'nautilus_trader', valueNode: zero, value: 0, node: call.node, label: `${call.name}(${key}=${value.text.replace(/\s+/g, "")})`, isRate: false });
    }
    for (const [key, value] of call.keywords) {
      const kind = COST_KEYS[key];
      if (!kind) continue;
      commissionSet ||= call.name === 'BackBroker' && key === 'commission';
      if (numberValue(value) !== undefined) add(kind, sourceOf(call), value, call.node, `${call.name}(${key}=${value.text})`, !ABSOLUTE_KEYS.has(key));
      // A cost passed by name (`fees=TAKER_FEE`, `fees=fee`) is a cost the author models: it
      // clears a zero of the same kind beside it (`fixed_fees=0`). Its value is the module
      // constant it names, when there is one, else unknown.
      else if (value.type === 'identifier' || value.type === 'attribute') {
        settings.push({ kind, source: sourceOf(call), valueNode: value, value: moduleConstant(value, index) ?? NaN, node: call.node, label: `${call.name}(${key}=${value.text})`, isRate: !ABSOLUTE_KEYS.has(key) });
      }
    }
  }
  // Config dicts (`{"fee": 0}`, nested or not): found from the zero literals, which are few, rather
  // than by opening every dict in the file. A non-zero cost of the same kind beside it clears it.
  for (const literal of index.numbers) {
    if (literal.value !== 0) continue;
    const pair = literal.node.parent;
    if (pair?.type !== 'pair' || pair.childForFieldName('value')?.id !== literal.node.id) continue;
    const key = stringValue(pair.childForFieldName('key'));
    const kind = key ? COST_KEYS[key] : undefined;
    if (!key || !kind) continue;
    const dict = pair.parent;
    const paid = dictEntries(dict).some((e) => COST_KEYS[e.key] === kind && (numberValue(e.value) ?? 0) !== 0);
    if (!paid) add(kind, 'config', literal.node, pair, `"${key}": ${literal.node.text}`, !ABSOLUTE_KEYS.has(key));
  }
  for (const a of index.assignments) {
    // config["fee"] = 0.0 ; vbt.settings.portfolio["fees"] = 0.001 ; vbt.settings.portfolio.fees = ...
    // Read from the target's text (already in the index) so most assignments cost no tree access.
    const target = a.target;
    const subscript = /\[\s*["']([A-Za-z_]+)["']\s*\]$/.exec(target);
    if (subscript && COST_KEYS[subscript[1]]) {
      const key = subscript[1];
      if (/settings/.test(target)) vbtFeesConfigured = true;
      if (numberValue(a.value) !== undefined) add(COST_KEYS[key], 'config', a.value, a.node, `${target} = ${a.value.text}`, !ABSOLUTE_KEYS.has(key));
    } else if (/settings.*\.(fees|fixed_fees)$/.test(target)) {
      vbtFeesConfigured = true;
    }
  }

  const unset: UnsetCosts[] = [];
  // Whether the file's cerebro runs backtest at all: read once, and only for a run without a commission.
  let backtests: boolean | undefined;
  for (const call of runs) {
    if (hasSplat(call)) continue;
    if (VBT_RUNS.has(call.name) && /Portfolio|pf_cls|\.vbt\b/.test(call.callee ?? '')) {
      if (vbtFeesConfigured || call.keywords.has('fees') || call.keywords.has('fixed_fees')) continue;
      unset.push({ source: 'vectorbt', node: call.node, label: `${call.callee}(...) without fees`, ...appendKeyword(call, 'fees') });
    } else if (call.name === 'Backtest' && /^backtesting\./.test(call.qualifiedCallee ?? '')) {
      if (call.keywords.has('commission')) continue;
      unset.push({ source: 'backtesting.py', node: call.node, label: 'Backtest(...) without commission', ...appendKeyword(call, 'commission') });
    } else if (call.name === 'run' && !commissionSet && call.receiver?.type === 'identifier') {
      const b = bindings.resolve(call.receiver.text, call.node, call.scope.functionName);
      const ctor = b?.value.type === 'call' ? index.callsById.get(b.value.id) : undefined;
      if (!ctor || !cerebros.includes(ctor) || !/^(bt|backtrader)\.Cerebro$|^Cerebro$/.test(ctor.callee ?? '')) continue;
      // A run that places no order, or trades live through a broker store, backtests nothing.
      backtests ??= backtraderRunPlacesOrders(index) && !backtraderRunsLive(index);
      if (!backtests) continue;
      let line: SyntaxNode | null = call.node;
      while (line?.parent && line.parent.type !== 'block' && line.parent.type !== 'module') line = line.parent;
      unset.push({
        source: 'backtrader',
        node: call.node,
        label: `${call.receiver.text}.run() without a commission`,
        insert: line
          ? { at: { row: line.startPosition.row, column: line.startPosition.column }, before: `${call.receiver.text}.broker.setcommission(commission=`, after: `)\n${' '.repeat(line.startPosition.column)}` }
          : undefined,
      });
    }
  }
  return { settings, unset };
}

/** The number a module-level `NAME = 0.0004` gives a name, if that is how the file defines it. */
function moduleConstant(name: SyntaxNode, index: SyntaxIndex): number | undefined {
  if (name.type !== 'identifier') return undefined;
  const defs = assignmentsTo(index, name.text).filter((a) => !a.scope.className && !a.scope.functionName);
  return defs.length === 1 ? numberValue(defs[0].value) : undefined;
}

/** `Decimal("0")`, `Decimal(0)`, `0`: the literal to report, when the fee is zero. */
function decimalZero(value: SyntaxNode, index: SyntaxIndex): SyntaxNode | undefined {
  if (numberValue(value) === 0) return value;
  const call = value.type === 'call' ? index.callsById.get(value.id) : undefined;
  const arg = call?.name === 'Decimal' ? call.positional[0] : undefined;
  if (!arg) return undefined;
  return numberValue(arg) === 0 || (stringValue(arg) !== undefined && Number(stringValue(arg)) === 0 && stringValue(arg)!.trim() !== '') ? arg : undefined;
}

/** A zipline cost model: imported from zipline (or Quantopian), or passed to `set_commission` / `set_slippage`. */
function isZiplineModel(call: CallSite): boolean {
  if (/^(zipline|quantopian)\./.test(call.qualifiedCallee ?? '')) return true;
  // set_commission(PerShare(...)) or set_commission(us_equities=PerShare(...)).
  let outer = call.node.parent;
  for (let depth = 0; outer && outer.type !== 'call' && depth < 3; depth++) outer = outer.parent;
  const fn = outer?.type === 'call' ? outer.childForFieldName('function')?.text ?? '' : '';
  return /(^|\.)(set_commission|set_slippage)$/.test(fn);
}

/** `setcommission(commission=0.0)` / `ConstantFeeModel(0)`, for messages. */
function label(call: CallSite, keyword: string): string {
  const kw = call.keywordNodes.get(keyword);
  const arg = kw ? kw.text : call.positional[0]?.text ?? '';
  return `${call.name}(${arg})`;
}

function hasSplat(call: CallSite): boolean {
  const args = call.node.childForFieldName('arguments');
  return (args?.namedChildren ?? []).some((a) => a?.type === 'dictionary_splat' || a?.type === 'list_splat');
}

/** Where to add `, name=<value>` before the closing parenthesis of a call. */
function appendKeyword(call: CallSite, name: string): Pick<UnsetCosts, 'insert'> {
  const args = call.node.childForFieldName('arguments');
  const close = args?.lastChild;
  if (!args || close?.type !== ')' || close.isMissing) return {};
  const last = args.namedChildren.filter((c) => c && c.type !== 'comment').pop();
  const trailingComma = args.children.some((c) => c && c.type === ',' && (!last || c.startIndex >= last.endIndex));
  const prefix = !last ? '' : trailingComma ? ' ' : ', ';
  // Insert right after the last argument (or the trailing comma), so comments and layout stay put.
  const anchor = trailingComma ? args.children.filter((c) => c?.type === ',').pop()! : last ?? args.firstChild!;
  return { insert: { at: { row: anchor.endPosition.row, column: anchor.endPosition.column }, before: `${prefix}${name}=`, after: '' } };
}
