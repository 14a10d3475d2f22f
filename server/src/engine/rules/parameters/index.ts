// Rules of the 'parameters' family, in code order.
import type { Rule } from '../rule';
import { overpreciseParameter } from './overprecise-parameter';
import { parameterAtSearchBoundary } from './parameter-at-search-boundary';
import { tooManyParameters } from './too-many-parameters';
import { wideSearchSpace } from './wide-search-space';

export const PARAMETERS_RULES: Rule[] = [tooManyParameters, overpreciseParameter, wideSearchSpace, parameterAtSearchBoundary];
