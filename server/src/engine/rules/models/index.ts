// Rules of the 'models' family, in code order.
import type { Rule } from '../rule';
import { unregularizedModel } from './unregularized-model';

export const MODELS_RULES: Rule[] = [unregularizedModel];
