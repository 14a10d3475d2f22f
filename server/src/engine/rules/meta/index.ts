// Rules of the 'meta' family, in code order.
import type { Rule } from '../rule';
import { unusedSuppression } from './unused-suppression';

export const META_RULES: Rule[] = [unusedSuppression];
