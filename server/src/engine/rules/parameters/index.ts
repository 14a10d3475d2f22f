// Rules of the 'parameters' family, in code order.
import type { Rule } from '../rule';
import { tooManyParameters } from './too-many-parameters';

export const PARAMETERS_RULES: Rule[] = [tooManyParameters];
