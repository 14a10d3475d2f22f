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
