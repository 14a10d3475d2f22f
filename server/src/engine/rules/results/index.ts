// Rules of the 'results' family, in code order.
import type { Rule } from '../rule';

export const RESULTS_RULES: Rule[] = [];
