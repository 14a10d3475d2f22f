// Every rule, in code order. Adding a rule = adding its file and one line in its family's index.
import { COSTS_RULES } from './costs';
import { LOOKAHEAD_RULES } from './lookahead';
import { META_RULES } from './meta';
import { MODELS_RULES } from './models';
import { PARAMETERS_RULES } from './parameters';
import { RESULTS_RULES } from './results';
import type { Rule } from './rule';
import { VALIDATION_RULES } from './validation';

export const RULES: readonly Rule[] = [
  ...PARAMETERS_RULES,
  ...LOOKAHEAD_RULES,
  ...VALIDATION_RULES,
  ...MODELS_RULES,
  ...COSTS_RULES,
  ...RESULTS_RULES,
  ...META_RULES,
];

const byNameOrCode = new Map<string, Rule>();
for (const rule of RULES) {
  byNameOrCode.set(rule.name, rule);
  byNameOrCode.set(rule.code.toLowerCase(), rule);
}

/** Looks a rule up by kebab-case name or by code (case-insensitive). */
export function findRule(nameOrCode: string): Rule | undefined {
  return byNameOrCode.get(nameOrCode.trim().toLowerCase());
}

/**
 * Rules a selector names, as Ruff selects: a rule name or code, a code prefix (`SL2` = every
 * lookahead rule, `SL60` = SL600-SL609), or `ALL`. Empty when it names nothing.
 */
export function selectRules(selector: string): Rule[] {
  const text = selector.trim();
  const exact = findRule(text);
  if (exact) return [exact];
  if (text.toUpperCase() === 'ALL') return [...RULES];
  if (/^SL\d{1,2}$/i.test(text)) return RULES.filter((r) => r.code.startsWith(text.toUpperCase()));
  return [];
}
