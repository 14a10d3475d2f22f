// Rules of the 'meta' family, in code order.
import type { Rule } from '../rule';

export const META_RULES: Rule[] = [];
