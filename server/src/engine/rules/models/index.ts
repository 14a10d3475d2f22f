// Rules of the 'models' family, in code order.
import type { Rule } from '../rule';

export const MODELS_RULES: Rule[] = [];
