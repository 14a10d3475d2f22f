// freqtrade: hyperoptable parameters (IntParameter & co.) and pasted hyperopt output
// (`buy_params = {...}`), per IStrategy subclass.
import type { SyntaxNode } from '../python/parser';
import type { SyntaxIndex } from '../python/syntax-index';
import { assignmentsTo, attributesNamed } from './lookups';
import { namesKey, perStatement, within } from './per-piece';
import { booleanValue, dictEntries, numberValue, stringValue } from './python-values';
import type { TunedParameter } from './types';

export const FREQTRADE_PARAMETER_TYPES = new Set([
  'IntParameter',
  'DecimalParameter',
  'RealParameter',
  'CategoricalParameter',
  'BooleanParameter',
]);

/**
 * The value of `optimize=`: a literal, or a constant of the class (or module) holding True or
 * False (`optimize_buy_ema = False` ... `optimize=optimize_buy_ema`). Undefined when unknown.
 */
export function optimizeFlag(index: SyntaxIndex, node: SyntaxNode | undefined, className: string | undefined): boolean | undefined {
  const literal = booleanValue(node);
  if (literal !== undefined || node?.type !== 'identifier') return literal;
  const constants = assignmentsTo(index, node.text).filter((a) => !a.scope.functionName && (a.scope.className === className || a.scope.className === undefined));
  // One assignment in the class wins over the module's; a name assigned twice is not a constant.
  const own = constants.filter((a) => a.scope.className === className);
  const chosen = own.length ? own : constants;
  return chosen.length === 1 ? booleanValue(chosen[0].value) : undefined;
}

/** The class's `can_short` (freqtrade's default is False). */
export function canShort(index: SyntaxIndex, className: string): boolean {
  const set = assignmentsTo(index, 'can_short').find((a) => a.scope.className === className && !a.scope.functionName);
  if (set) return booleanValue(set.value) !== false;
  // `self.can_short = True` in a method (NostalgiaForInfinity sets it per trading mode): may short.
  return attributesNamed(index, 'can_short').some((a) => a.scope.className === className && /self\.can_short\s*=/.test(a.node.parent?.text ?? ''));
}

/**
 * A parameter the strategy cannot use because it only feeds short entries or exits and the
 * class cannot short: every `self.<name>` use sits in a statement that sets `enter_short` /
 * `exit_short` (or the old `sell_short` / `buy_short`), directly or through a list of conditions
 * that only such a statement reads.
 */
function onlyForShorts(index: SyntaxIndex, className: string, name: string, lists: ShortLists): boolean {
  const uses = attributesNamed(index, name).filter((a) => a.scope.className === className && a.scope.functionName && a.node.text === `self.${name}`);
  if (uses.length === 0) return false;
  return uses.every((u) => {
    const statement = enclosingStatement(u.node);
    if (!statement) return false;
    if (lists.setsShortColumn(statement)) return true;
    // `conditions.append(self.x.value < ...)` then `dataframe.loc[reduce(..., conditions), 'enter_short'] = 1`
    const list = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\.append\(|\+=)/.exec(statement.text)?.[1];
    if (!list) return false;
    const fn = enclosingFunction(statement);
    if (!fn) return false;
    return lists.onlyReadForShorts(className, u.scope.functionName!, list);
  });
}

/**
 * Whether a list of conditions built in a method is read only by statements that set a short
 * column, answered once per (class, method, list): every parameter appended to the same list
 * asks the same question, and each answer reads the method's subscripts.
 */
class ShortLists {
  private readonly answers = new Map<string, boolean>();
  private readonly shortStatements = new Map<SyntaxNode, boolean>();
  private subscriptsByMethod?: Map<string, Map<string, SyntaxIndex['subscripts']>>;

  constructor(private readonly index: SyntaxIndex) {}

  onlyReadForShorts(className: string, functionName: string, list: string): boolean {
    const key = `${className}\0${functionName}\0${list}`;
    let answer = this.answers.get(key);
    if (answer === undefined) {
      const pattern = new RegExp(`\\b${list}\\b`);
      const readers = this.subscriptsOf(className, functionName).filter((s) => pattern.test(s.node.text));
      answer = readers.length > 0 && readers.every((r) => {
        const statement = enclosingStatement(r.node);
        return statement ? this.setsShortColumn(statement) : false;
      });
      this.answers.set(key, answer);
    }
    return answer;
  }

  /** Whether a statement names a short column; asked once per statement (one long condition may read many parameters). */
  setsShortColumn(statement: SyntaxNode): boolean {
    let answer = this.shortStatements.get(statement);
    if (answer === undefined) {
      answer = SHORT_COLUMN.test(statement.text);
      this.shortStatements.set(statement, answer);
    }
    return answer;
  }

  private subscriptsOf(className: string, functionName: string): SyntaxIndex['subscripts'] {
    if (!this.subscriptsByMethod) {
      this.subscriptsByMethod = new Map();
      for (const s of this.index.subscripts) {
        const { className: c, functionName: f } = s.scope;
        if (!c || !f) continue;
        let methods = this.subscriptsByMethod.get(c);
        if (!methods) this.subscriptsByMethod.set(c, (methods = new Map()));
        const list = methods.get(f);
        if (list) list.push(s);
        else methods.set(f, [s]);
      }
    }
    return this.subscriptsByMethod.get(className)?.get(functionName) ?? [];
  }
}

const SHORT_COLUMN = /["'](enter_short|exit_short|sell_short|buy_short)["']/;

function enclosingStatement(node: SyntaxNode): SyntaxNode | undefined {
  for (let n: SyntaxNode | null = node.parent; n; n = n.parent) {
    if (n.type === 'expression_statement' || n.type === 'return_statement') return n;
    if (n.type === 'function_definition' || n.type === 'class_definition') return undefined;
  }
  return undefined;
}

function enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  for (let n: SyntaxNode | null = node.parent; n; n = n.parent) if (n.type === 'function_definition') return n;
  return undefined;
}

/**
 * Declared parameters, then pasted hyperopt values not declared anywhere in a strategy. Each
 * top-level statement holding a strategy is read alone (with the module-level code, where
 * `optimize=` flags may be set), and kept with its copy between versions.
 */
export function freqtradeParameters(index: SyntaxIndex, strategyNames: Set<string>): TunedParameter[] {
  const context = namesKey(strategyNames);
  const parts = perStatement(index, 'freqtrade parameters', context, (s) => s.classes.some((c) => strategyNames.has(c.name)), (view, statement) => {
    const { declared, pasted } = parametersIn(view, strategyNames);
    return { declared: declared.filter((p) => within(p.node, statement)), pasted: pasted.filter((p) => within(p.node, statement)) };
  });
  const declared = new Set(parts.flatMap((part) => part.declared.map((p) => p.name)));
  return [...parts.flatMap((part) => part.declared), ...parts.flatMap((part) => part.pasted.filter((p) => !declared.has(p.name)))];
}

function parametersIn(index: SyntaxIndex, strategyNames: Set<string>): { declared: TunedParameter[]; pasted: TunedParameter[] } {
  const out: TunedParameter[] = [];
  const pasted: TunedParameter[] = [];
  const declared = new Set<string>();
  const shortCapable = new Map<string, boolean>();
  const shortLists = new ShortLists(index);
  for (const assignment of index.assignments) {
    const { scope, value } = assignment;
    if (!scope.className || scope.functionName || !strategyNames.has(scope.className)) continue;
    if (value.type !== 'call') continue;
    const call = index.callsById.get(value.id);
    if (!call || !FREQTRADE_PARAMETER_TYPES.has(call.name)) continue;
    let optimize = optimizeFlag(index, call.keywords.get('optimize'), scope.className);
    if (!shortCapable.has(scope.className)) shortCapable.set(scope.className, canShort(index, scope.className));
    const unusable = !shortCapable.get(scope.className) && onlyForShorts(index, scope.className, assignment.target, shortLists);
    if (unusable) optimize = false;
    const defaultNode = call.keywords.get('default') ?? undefined;
    declared.add(assignment.target);
    out.push({
      name: assignment.target,
      kind: 'declared',
      framework: 'freqtrade',
      node: assignment.node,
      className: scope.className,
      choices: parameterChoices(call.name, call.positional, call.keywords),
      defaultValue: numberValue(defaultNode),
      defaultNode,
      space: stringValue(call.keywords.get('space')),
      optimized: optimize !== false,
      ...(unusable ? { unusable: 'it only feeds short entries or exits and the class sets no can_short = True' } : {}),
    });
  }
  // Hyperopt output pasted into the class: each entry is a tuned value even without a declaration.
  for (const assignment of index.assignments) {
    const { scope } = assignment;
    if (!scope.className || scope.functionName || !strategyNames.has(scope.className)) continue;
    if (!/^(buy|sell|protection|entry|exit)_params$/.test(assignment.target)) continue;
    for (const entry of dictEntries(assignment.value)) {
      if (declared.has(entry.key)) continue;
      pasted.push({
        name: entry.key,
        kind: 'pasted',
        framework: 'freqtrade',
        node: entry.pair,
        className: scope.className,
        defaultValue: numberValue(entry.value),
        defaultNode: entry.value,
        optimized: true,
      });
    }
  }
  return { declared: out, pasted };
}

/** Values a parameter can take: high-low+1 for ints, (high-low)*10^decimals+1 for decimals. */
function parameterChoices(
  type: string,
  positional: import('../python/parser').SyntaxNode[],
  keywords: Map<string, import('../python/parser').SyntaxNode>,
): number | undefined {
  if (type === 'BooleanParameter') return 2;
  if (type === 'CategoricalParameter') {
    const categories = positional[0] ?? keywords.get('categories');
    return categories ? categories.namedChildren.filter((c) => c && c.type !== 'comment').length || undefined : undefined;
  }
  let low = numberValue(positional[0] ?? keywords.get('low'));
  let high = numberValue(positional[1] ?? keywords.get('high'));
  const range = positional[0];
  if (range && (range.type === 'list' || range.type === 'tuple') && low === undefined) {
    const [a, b] = range.namedChildren;
    low = numberValue(a);
    high = numberValue(b);
  }
  if (low === undefined || high === undefined || high < low) return undefined;
  if (type === 'IntParameter') return Math.floor(high) - Math.ceil(low) + 1;
  if (type === 'DecimalParameter') {
    const decimals = numberValue(keywords.get('decimals')) ?? 3;
    return Math.round((high - low) * 10 ** decimals) + 1;
  }
  return undefined; // RealParameter: continuous, no finite count.
}
