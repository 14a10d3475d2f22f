// Rules of the 'costs' family, in code order.
import type { Rule } from '../rule';

export const COSTS_RULES: Rule[] = [];
