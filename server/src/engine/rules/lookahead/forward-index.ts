import { reportLeaks } from './leak-report';
import {
  PER_BAR_CALLBACKS,
  enclosingFunction,
  enclosingLoopVariables,
  forwardOffset,
  intValue,
  isLabelName,
  isWrite,
  parameterNames,
  rangeOf,
  sliceParts,
  unparen,
} from '../../facts/lookahead';
import type { SyntaxNode } from '../../python/parser';
import type { SubscriptInfo } from '../../python/syntax-index';
import type { Rule } from '../rule';
import { assignedNames, findLabelUse, isLabelContext } from './label-use';

/** Names that conventionally hold the current bar's position. */
const POSITION_NAME = /^(i|j|t|k|n|ix|idx|index|pos|position|bar|bar_index|bar_idx|row|step|cursor|cur|curr|current|now|tick|candle)$|(_(i|idx|index|pos|bar|row|step))$|^(idx|index|bar|row|pos|i|t)_/;

/** The plain name a base expression stands for (`i`, `self.i` -> i, `self.bar_index` -> bar_index). */
function baseName(node: SyntaxNode): string | undefined {
  const n = unparen(node);
  if (n.type === 'identifier') return n.text;
  if (n.type === 'attribute' && n.childForFieldName('object')?.text === 'self') return n.childForFieldName('attribute')?.text;
  return undefined;
}

/** Names of fixed boundaries and sizes (`df.iloc[split + 1]` is the first test row, not the future). */
const BOUNDARY_NAME = /split|cut|train|test|valid|oos|boundary|border|start|begin|end|stop|offset|len|size|count|num|total|warm|period|window|lookback|skip|first|last|limit|max|min|width|depth|level|rank|order|col|column/i;

/**
 * Whether `base` is the current position: a loop variable, a per-bar callback's parameter, a
 * position-like name (`i`, `idx`, `bar_index`), or, for a point index, any other name that is not
 * a fixed boundary or size (as `flox lint lookahead` does, minus its split-boundary false positives).
 */
function isPosition(base: SyntaxNode, sub: SubscriptInfo, pointIndex = false): boolean {
  const name = baseName(base);
  if (!name) return false;
  if (enclosingLoopVariables(sub.node).has(name)) return true;
  const fn = enclosingFunction(sub.node);
  if (fn && PER_BAR_CALLBACKS.has(fn.childForFieldName('name')?.text ?? '') && parameterNames(fn).has(name)) return true;
  if (POSITION_NAME.test(name)) return true;
  return pointIndex && !BOUNDARY_NAME.test(name);
}

function isPerBar(sub: SubscriptInfo): boolean {
  return sub.scope.inLoop || (!!sub.scope.functionName && PER_BAR_CALLBACKS.has(sub.scope.functionName));
}

/** Whether a lower bound moves with the bar (a name or expression, not `-n`, not `len(x) - n`). */
function isMovingLowerBound(node: SyntaxNode): boolean {
  const n = unparen(node);
  if (intValue(n) !== undefined) return false;
  if (n.type === 'unary_operator') return false; // buf[-n:], a tail window
  if (n.type === 'binary_operator' && n.childForFieldName('operator')?.text === '-') {
    const left = unparen(n.childForFieldName('left') ?? n);
    if (left.type === 'call' && left.childForFieldName('function')?.text === 'len') return false; // x[len(x) - n:]
    return false; // i - n: a window that starts in the past; its stop decides
  }
  return n.type === 'identifier' || n.type === 'attribute' || n.type === 'binary_operator';
}

interface Hit {
  node: SyntaxNode;
  message: string;
}

function inspect(sub: SubscriptInfo): Hit | undefined {
  const text = sub.node.text.length > 60 ? `${sub.value.text}[...]` : sub.node.text;
  for (const element of sub.index) {
    const forward = forwardOffset(element);
    if (forward && isPosition(forward.base, sub, true)) {
      return {
        node: sub.node,
        message: `\`${text}\` reads ${forward.offset} row(s) after \`${forward.base.text}\`, the current bar: that value is not known yet. Use \`${forward.base.text}\` or \`${forward.base.text} - n\`.`,
      };
    }
    if (element.type !== 'slice') continue;
    const { start, stop } = sliceParts(element);
    const from = forwardOffset(start);
    if (from && isPosition(from.base, sub) && isPerBar(sub)) {
      return { node: sub.node, message: `\`${text}\` starts ${from.offset} row(s) after the current bar \`${from.base.text}\`: the whole window is in the future.` };
    }
    const to = forwardOffset(stop);
    // `x[i - 20:i + 1]` ends at the current bar inclusive; `x[i:i + 3]` runs two bars past it.
    if (to && to.offset >= 2 && isPosition(to.base, sub) && isPerBar(sub)) {
      return {
        node: sub.node,
        message: `\`${text}\` runs ${to.offset - 1} row(s) past the current bar \`${to.base.text}\` (a slice stop of \`${to.base.text} + 1\` already includes it). End the window at \`${to.base.text} + 1\`.`,
      };
    }
    if (start && !stop && isMovingLowerBound(start) && isPerBar(sub)) {
      const name = baseName(start);
      const loopVar = name !== undefined && enclosingLoopVariables(sub.node).has(name);
      if (loopVar || (sub.scope.functionName && PER_BAR_CALLBACKS.has(sub.scope.functionName))) {
        return {
          node: sub.node,
          message: `\`${text}\` is open-ended: from \`${start.text}\` to the end of the data, every future row included. End it at the current bar (\`[...:i + 1]\`) or take a trailing window.`,
        };
      }
    }
  }
  return undefined;
}

export const lookaheadForwardIndex: Rule = {
  name: 'lookahead-forward-index',
  code: 'SL208',
  family: 'lookahead',
  defaultSeverity: 'error',
  summary: 'Forward index arithmetic (`df.iloc[i + 1]`, `closes[i + 5]`, `x[i:]`) reads rows after the current bar.',
  glossary: ['lookahead-bias', 'data-windowing'],
  docs: {
    what:
      'Flags reads of `x[i + n]` / `x[n + i]` (n a positive literal; `.iloc`, `.iat`, `.loc`, lists and arrays alike, also inside tuple indexes such as `df.iloc[i + 1, 0]`) where `i` is a name: a loop variable, a parameter of a per-bar callback (`on_bar`, `next`, `on_data`, `signal`, `update`, ...), a position-like name (`i`, `idx`, `bar_index`, `self.i`) or any other variable, except names of fixed boundaries and sizes (`split + 1`, `n_train + 1`, `window + 1`: the first row after a split is not the future). Inside loops and per-bar callbacks it also flags slices that reach past the current bar: `x[i + 1:]`, `x[i:i + 3]` (a stop of `i + 1` includes the current bar and is fine) and open-ended `x[i:]`/`history[start:]`. Writes (`out[i + 1] = v`) are not reads and are not flagged; `x[-(i + 1)]` is a backwards offset. Values stored under label names (`labels[i] = closes[i + h] > closes[i]`) are treated like labels in `lookahead-negative-shift`: only reported if traded on.',
    why:
      'Hand-written backtest loops and event callbacks receive the whole array and an index; nothing stops them from reading beyond it. `closes[i + 1] > closes[i]` is a perfect predictor in the backtest and impossible live. Open-ended slices are the quieter version: `history[i:]` hands every future bar to whatever consumes it (a max, a fit, a signal).',
    example: [
      'for i in range(len(closes) - 1):',
      '    if closes[i + 1] > closes[i]:',
      '        position[i] = 1',
    ].join('\n'),
    fix:
      'Index only the current bar and the past: `closes[i]`, `closes[i - 1]`, `closes[i - 20:i + 1]`. If the forward value is a label for a model, store it under a label name and keep it out of the decision. No automatic fix.',
  },
  check(context, report) {
    reportLeaks(context, report, 'SL208');
  },
};

/** `labels.append(closes[i + h] > closes[i])`: building a label list. */
function isLabelStore(node: SyntaxNode): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'expression_statement' || n.type === 'block' || n.type === 'function_definition') return false;
    if (n.type !== 'call') continue;
    const fn = n.childForFieldName('function');
    if (fn?.type === 'attribute' && ['append', 'extend', 'add'].includes(fn.childForFieldName('attribute')?.text ?? '')) {
      const receiver = fn.childForFieldName('object');
      const name = receiver?.type === 'attribute' ? receiver.childForFieldName('attribute')?.text : receiver?.text;
      if (name && isLabelName(name)) return true;
    }
  }
  return false;
}

