// Rules of the 'validation' family, in code order.
import type { Rule } from '../rule';

export const VALIDATION_RULES: Rule[] = [];
