// Deciding whether a forward-looking value is a supervised-learning label (legitimate) or reaches a
// signal / feature (lookahead). Shared by lookahead-negative-shift and lookahead-forward-index.
import { enclosingAssignment, isLabelName, isWrite, targetNames, within } from '../../facts/lookahead';
import { stringValue } from '../../facts/python-values';
import type { SyntaxNode } from '../../python/parser';
import type { SyntaxIndex } from '../../python/syntax-index';

/** Targets that hold trading decisions (vectorbt entries/exits, freqtrade enter_long, signal columns). */
export const SIGNAL_TARGET =
  /^(entries|exits|short_entries|short_exits|signals?|\w+_signals?|signals?_\w+|enter_long|enter_short|exit_long|exit_short|buy|sell|long|short|longs|shorts|positions?|entry|exit|trades?|orders?|weights|allocation)$/i;

/** freqtrade methods that turn indicators into entry/exit signals. */
export const DECISION_METHODS = /^(populate_(entry|exit|buy|sell)_trend|custom_(entry|exit)\w*|confirm_trade_\w+|should_(long|short|enter|exit)|go_long|go_short)$/;

/** Names a forward-looking expression is stored under, or [] when it is not assigned. */
export function assignedNames(node: SyntaxNode): string[] {
  const a = enclosingAssignment(node);
  if (!a || a.onLeft) return [];
  const left = a.assignment.childForFieldName('left');
  return left ? targetNames(left) : [];
}

/** Whether the value lands only in label-named targets (or in FreqAI's target method). */
export function isLabelContext(node: SyntaxNode, functionName: string | undefined): boolean {
  if (functionName === 'set_freqai_targets') return true;
  const names = assignedNames(node);
  return names.length > 0 && names.every(isLabelName);
}

export interface LabelUse {
  node: SyntaxNode;
  why: string;
}

/**
 * The first place a label column/name is traded on or fed back as a feature: read in a freqtrade
 * decision method, in an `if` condition, in an entries/exits/signal assignment, or selected among
 * feature columns (`df[['rsi', 'target']]`).
 */
/** Where each column/attribute name is read, and the identifiers inside signal assignments. */
interface LabelReads {
  reads: Map<string, SyntaxNode[]>;
  /** identifier name -> first occurrence inside a signal assignment, with the signal's name. */
  signalIdentifiers: Map<string, { node: SyntaxNode; signal: string }>;
}

// Built once per syntax index: a file with many labels must not rescan the file per label.
const labelReadsCache = new WeakMap<SyntaxIndex, LabelReads>();

function labelReads(index: SyntaxIndex): LabelReads {
  const cached = labelReadsCache.get(index);
  if (cached) return cached;
  const reads = new Map<string, SyntaxNode[]>();
  const add = (name: string | undefined, node: SyntaxNode) => {
    if (name === undefined) return;
    const list = reads.get(name);
    if (list) list.push(node);
    else reads.set(name, [node]);
  };
  for (const sub of index.subscripts) {
    for (const key of sub.index) {
      if (key.type === 'string') add(stringValue(key), sub.node);
      else if (key.type === 'list') for (const c of key.namedChildren) if (c?.type === 'string') add(stringValue(c), sub.node);
    }
  }
  for (const attr of index.attributes) add(attr.name, attr.node);
  const signalIdentifiers = new Map<string, { node: SyntaxNode; signal: string }>();
  for (const assignment of index.assignments) {
    const signal = targetNames(assignment.targetNode).find((n) => SIGNAL_TARGET.test(n));
    if (!signal) continue;
    collectIdentifiers(assignment.value, (node) => {
      if (!signalIdentifiers.has(node.text)) signalIdentifiers.set(node.text, { node, signal });
    });
  }
  const built = { reads, signalIdentifiers };
  labelReadsCache.set(index, built);
  return built;
}

export function findLabelUse(index: SyntaxIndex, label: string, definition: SyntaxNode): LabelUse | undefined {
  // FreqAI overwrites `&`-target columns with the model's predictions before populate_entry_trend.
  if (label.startsWith('&')) return undefined;
  const { reads, signalIdentifiers } = labelReads(index);
  for (const read of reads.get(label) ?? []) {
    if (within(read, definition)) continue;
    if (isWrite(read)) continue;
    const a = enclosingAssignment(read);
    const why = featureUse(read, a?.assignment, index, label);
    if (why) return { node: read, why };
  }
  // A bare name (`y`, `fwd_ret`) traded on directly: look inside signal assignments only.
  const hit = signalIdentifiers.get(label);
  return hit ? { node: hit.node, why: `it feeds \`${hit.signal}\`` } : undefined;
}

/** Targets that hold model inputs. */
const FEATURE_TARGET = /^(x|x_\w+|\w+_x|features?|feats?|inputs?|feature_\w+|\w+_features?|design(_matrix)?)$/i;

/** `df.pop("target")`, `df.drop(columns=["target"])`: the label is taken out again. */
function removedLater(index: SyntaxIndex, label: string, after: SyntaxNode): boolean {
  return index.calls.some((call) => {
    if ((call.name !== 'pop' && call.name !== 'drop') || call.node.startIndex < after.endIndex) return false;
    const args = [...call.positional, ...call.keywords.values()];
    return args.some((a) => stringValue(a) === label || (a.type === 'list' && a.namedChildren.some((c) => stringValue(c) === label)));
  });
}

function featureUse(read: SyntaxNode, assignment: SyntaxNode | undefined, index: SyntaxIndex, label: string): string | undefined {
  const targets = assignment ? targetNames(assignment.childForFieldName('left')!) : [];
  const signal = targets.find((n) => SIGNAL_TARGET.test(n));
  if (signal) return `it feeds \`${signal}\``;
  for (let n = read.parent; n; n = n.parent) {
    if (n.type === 'function_definition') {
      const name = n.childForFieldName('name')?.text ?? '';
      if (DECISION_METHODS.test(name)) return `it is read in \`${name}\``;
      break;
    }
    const condition = n.type === 'if_statement' || n.type === 'elif_clause' || n.type === 'while_statement' ? n.childForFieldName('condition') : null;
    if (condition && within(read, condition)) return 'a trading condition reads it';
  }
  // Selected among other columns as model inputs, not itself a label.
  const sub = read.type === 'subscript' ? read : undefined;
  if (sub && sub.childrenForFieldName('subscript').some((k) => k?.type === 'list') && targets.some((t) => FEATURE_TARGET.test(t)) && !removedLater(index, label, sub)) {
    return 'it is selected as a feature column';
  }
  return undefined;
}

/** Calls `visit` on every identifier that is a value in `node` (not attribute names, not strings). */
function collectIdentifiers(node: SyntaxNode, visit: (identifier: SyntaxNode) => void): void {
  if (node.type === 'identifier') return visit(node);
  if (node.type === 'string') return;
  if (node.type === 'keyword_argument') {
    const value = node.childForFieldName('value');
    if (value) collectIdentifiers(value, visit);
    return;
  }
  if (node.type === 'attribute') {
    const object = node.childForFieldName('object');
    if (object) collectIdentifiers(object, visit);
    return;
  }
  for (const child of node.namedChildren) if (child) collectIdentifiers(child, visit);
}
