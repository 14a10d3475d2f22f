import type { SyntaxNode } from '../../python/parser';
import { dictEntries, numberValue } from '../../facts/python-values';
import type { TunedParameter } from '../../facts/types';
import type { SyntaxIndex } from '../../python/syntax-index';
import { PASTED_PARAMS } from '../../facts/windows';
import { replaceNode } from '../helpers/edits';
import type { Rule } from '../rule';
import { optimisedSettingSpaces, SPACE_OF_SETTING } from '../helpers/optimised-spaces';

/** Precision of a float literal: significant digits and digits after the point (trailing zeros dropped). */
export function literalPrecision(text: string): { significant: number; decimals: number } | undefined {
  const clean = text.replace(/_/g, '').replace(/^[+-]\s*/, '');
  if (!/^\d*\.\d*$/.test(clean)) return undefined; // ints, exponents, hex: not this rule's business
  const [whole, fraction] = clean.split('.');
  const frac = fraction.replace(/0+$/, '');
  const digits = (whole.replace(/^0+/, '') + frac).replace(/^0+/, '');
  return { significant: digits.length, decimals: frac.length };
}

/**
 * The literal rounded to `maxSignificant` significant digits (never into the integer part, keeping
 * it a float), or undefined when it is not over-precise. Values whose last digit is 5 are read as
 * deliberate half-steps (1.025, 0.0125) and left alone.
 */
export function roundOverprecise(text: string, maxSignificant: number): string | undefined {
  const precision = literalPrecision(text);
  if (!precision || precision.significant <= maxSignificant || precision.decimals < 2) return undefined;
  const trimmed = text.replace(/_/g, '').trim();
  const negative = trimmed.startsWith('-');
  const clean = trimmed.replace(/^[+-]\s*/, '');
  if (clean.replace(/0+$/, '').endsWith('5')) return undefined;
  const value = Number(clean);
  if (!Number.isFinite(value) || value === 0) return undefined;
  const magnitude = Math.floor(Math.log10(value));
  const decimals = Math.max(1, maxSignificant - 1 - magnitude);
  if (decimals >= precision.decimals) return undefined;
  let rounded = value.toFixed(decimals);
  if (rounded.includes('.')) rounded = rounded.replace(/0+$/, '').replace(/\.$/, '.0');
  return (negative ? '-' : '') + rounded;
}

/**
 * A multiplier near 1 (0.9 to 1.1: `close > ema * 1.028`, `low_offset = 0.958`) carries its
 * information in the offset from 1: 1.028 is a 2.8 % offset, two significant digits, not four.
 * Precision and rounding are judged on the offset; undefined for other values.
 */
export function multiplierOffset(text: string): { significant: number; decimals: number; offset: number } | undefined {
  const precision = literalPrecision(text);
  if (!precision) return undefined;
  const clean = text.replace(/_/g, '').trim().replace(/^[+-]\s*/, '');
  const value = Number(clean);
  // Positive factors only: -0.97 is a level (a Fisher transform threshold), not a multiplier.
  if (text.trim().startsWith('-') || !(value >= 0.9 && value <= 1.1) || value === 1) return undefined;
  // Exact in integers of the last decimal: 1.028 -> 1028 - 1000 = 28.
  const scale = 10 ** precision.decimals;
  const units = Math.round(value * scale) - scale;
  const digits = String(Math.abs(units)).replace(/0+$/, '');
  return { significant: digits.length, decimals: precision.decimals, offset: units / scale };
}

/** The multiplier with its offset rounded to `maxSignificant` digits; undefined when that would reach 1 or is not over-precise. */
export function roundMultiplier(text: string, maxSignificant: number): string | undefined {
  const m = multiplierOffset(text);
  if (!m || m.significant <= maxSignificant) return undefined;
  const negative = text.trim().startsWith('-');
  const magnitude = Math.floor(Math.log10(Math.abs(m.offset)));
  const decimals = maxSignificant - 1 - magnitude;
  if (decimals >= m.decimals) return undefined;
  const rounded = 1 + Number(m.offset.toFixed(decimals));
  // Never offer a rounding that changes which side of 1 the factor is on, or removes it.
  if (rounded === 1 || Math.sign(rounded - 1) !== Math.sign(m.offset)) return undefined;
  return (negative ? '-' : '') + rounded.toFixed(decimals);
}

/** Float literal nodes only (`0.27`, `-0.27`), not ints or expressions. */
function floatLiteral(node: SyntaxNode | undefined): SyntaxNode | undefined {
  if (!node) return undefined;
  if (node.type === 'float') return node;
  if (node.type === 'unary_operator' && node.childForFieldName('argument')?.type === 'float') return node;
  return undefined;
}

/** The `decimals=` of a freqtrade DecimalParameter (3 when omitted), else undefined. */
function declaredDecimals(p: TunedParameter, index: SyntaxIndex): number | undefined {
  if (p.framework !== 'freqtrade' || p.kind !== 'declared') return undefined;
  const value = p.node.childForFieldName('right');
  const call = value?.type === 'call' ? index.callsById.get(value.id) : undefined;
  if (call?.name !== 'DecimalParameter') return undefined;
  return numberValue(call.keywords.get('decimals')) ?? 3;
}

function formatOffset(offset: number): string {
  return `${offset > 0 ? '+' : '−'}${Number((Math.abs(offset) * 100).toPrecision(6))} %`;
}

interface Judgement {
  precision: ReturnType<typeof literalPrecision>;
  multiplier: ReturnType<typeof multiplierOffset>;
  rounded: string | undefined;
}

/** Judgements by literal text: a file repeats its literals, and every keystroke asks about all of them. */
const judgements = new Map<string, Judgement>();

function judged(text: string, maxSignificant: number): Judgement {
  const key = `${maxSignificant}|${text}`;
  let found = judgements.get(key);
  if (!found) {
    const precision = literalPrecision(text);
    const multiplier = precision ? multiplierOffset(text) : undefined;
    const rounded = !precision ? undefined : multiplier ? roundMultiplier(text, maxSignificant) : roundOverprecise(text, maxSignificant);
    // Bounded: a generated file can hold any number of distinct literals.
    if (judgements.size >= 4096) judgements.clear();
    judgements.set(key, (found = { precision, multiplier, rounded }));
  }
  return found;
}

const PRECISION_SETTINGS = new Set(['stoploss', 'trailing_stop_positive', 'trailing_stop_positive_offset', 'exit_profit_offset']);
const WHAT: Record<string, string> = { declared: 'default', pasted: 'pasted optimiser value', hidden: 'threshold', grid: 'grid value' };

export const overpreciseParameter: Rule = {
  name: 'overprecise-parameter',
  code: 'SL102',
  family: 'parameters',
  defaultSeverity: 'info',
  summary: 'A tuned value written with more precision than a backtest can justify: the fingerprint of pasted optimiser output.',
  glossary: ['overfitting-detection', 'hyperparameter-optimization', 'degrees-of-freedom', 'sample-size'],
  fixSafety: 'unsafe',
  options: {
    'max-significant-digits': { default: 3, description: 'Most significant digits a tuned value may have before the rule reports it.' },
  },
  docs: {
    what:
      'Looks at the values a strategy was tuned with - parameter defaults (freqtrade `IntParameter`/`DecimalParameter`, Jesse `hyperparameters()`, LEAN `get_parameter` defaults), values pasted from hyperopt output (`buy_params = {...}`), freqtrade `stoploss`, `trailing_stop_positive(_offset)` and `minimal_roi` entries, and thresholds typed into entry/exit conditions - and reports floats with more than `max-significant-digits` significant digits and at least two decimals, such as `stoploss = -0.27183` or `dataframe["close"] > dataframe["ema"] * 1.013756`. Values ending in 5 (`1.025`) are treated as deliberate half-steps and left alone. A multiplier between 0.9 and 1.1 is judged by its offset from 1 (1.028 is a 2.8 % offset, two digits) and rounded on the offset, so the suggested value never becomes 1.0 or crosses it. Only when an attached hyperopt result shows the roi, stoploss or trailing space optimised does the message call those settings pasted optimiser output.',
    why:
      'A backtest over a few hundred trades cannot tell a stop-loss of -0.2718 from -0.27: the difference is far inside the sampling error of the result. Five-digit values are what an optimiser prints, and keeping them signals (to reviewers and to yourself) that the value was read off the single best trial of a search - the trial most inflated by selection bias (Bailey and López de Prado, "The Deflated Sharpe Ratio", 2014). Rounding does not remove the overfitting, but it stops the code from claiming a precision the data never had, and it makes small parameter changes (a robustness check) easy to read.',
    example: ['class Pasted(IStrategy):', '    stoploss = -0.27183', '    trailing_stop_positive = 0.01342', '    buy_bb = DecimalParameter(0.9, 1.1, default=1.01376, decimals=5)'].join('\n'),
    fix:
      'Round to the precision the evidence supports (the unsafe fix rounds to `max-significant-digits` digits: `-0.27183` becomes `-0.272`), then check that the result barely changes - if it does, the strategy is balanced on a knife-edge and the parameter is overfitted. Better still, pick values from a plateau of good results rather than the single best trial.',
  },
  check(context, report) {
    const maxSignificant = context.option('max-significant-digits');
    const seen = new Set<number>();
    // Pasted optimiser output is a claim about where the value came from: for roi / stoploss /
    // trailing settings only when an attached hyperopt result shows that space optimised.
    const check = (node: SyntaxNode | undefined, what: (text: string) => string, declaredDecimals?: number, fromOptimiser = true) => {
      const literal = floatLiteral(node);
      if (!literal || seen.has(literal.id)) return;
      seen.add(literal.id);
      const { precision, multiplier, rounded } = judged(literal.text, maxSignificant);
      // A value on the grid a DecimalParameter declares is as precise as asked - up to freqtrade's
      // default of 3 decimals; `decimals=5` is itself the over-precision.
      if (!precision || (declaredDecimals !== undefined && precision.decimals <= Math.min(declaredDecimals, 3))) return;
      if (rounded === undefined) return;
      const digits = multiplier
        ? `a ${formatOffset(multiplier.offset)} offset from 1 written with ${multiplier.significant} significant digits`
        : `${precision.significant} significant digits`;
      report({
        node: literal,
        message: `${what(literal.text)} has ${digits}: more precision than a backtest can justify${fromOptimiser ? ', the fingerprint of pasted optimiser output' : ''}. Round it (about \`${rounded}\`) and check the result barely moves.`,
        fix: { title: `Round to ${rounded}`, edits: [replaceNode(literal, rounded)] },
      });
    };
    const declared = new Map<string, number | undefined>();
    for (const p of context.facts.parameters) {
      if (p.kind === 'declared' && p.className) declared.set(`${p.className}\0${p.name}`, declaredDecimals(p, context.index));
    }
    for (const p of context.facts.parameters) {
      if (!p.defaultNode) continue;
      const label = p.kind === 'hidden' ? 'Threshold' : `\`${p.name}\` ${WHAT[p.kind] ?? 'value'}`;
      check(p.defaultNode, (text) => `${label} \`${text}\``, declaredDecimals(p, context.index));
    }
    const spacesOf = new Map<string, Map<string, number>>();
    const optimised = (className: string | undefined, setting: string) => {
      if (!className || !SPACE_OF_SETTING[setting]) return true;
      if (!spacesOf.has(className)) spacesOf.set(className, optimisedSettingSpaces(context, className));
      return spacesOf.get(className)!.has(SPACE_OF_SETTING[setting]);
    };
    for (const s of context.facts.settings ?? []) {
      if (PRECISION_SETTINGS.has(s.name)) check(s.value, (text) => `\`${s.name} = ${text}\``, undefined, optimised(s.className, s.name));
      else if (s.name === 'minimal_roi') for (const e of dictEntries(s.value)) check(e.value, (text) => `\`minimal_roi\` entry \`"${e.key}": ${text}\``, undefined, optimised(s.className, s.name));
      else if (PASTED_PARAMS.test(s.name)) {
        for (const e of dictEntries(s.value)) check(e.value, (text) => `\`${s.name}\` entry \`"${e.key}": ${text}\``, declared.get(`${s.className}\0${e.key}`));
      }
    }
  },
};
