// Rules of the 'lookahead' family, in code order.
import type { Rule } from '../rule';

export const LOOKAHEAD_RULES: Rule[] = [];
