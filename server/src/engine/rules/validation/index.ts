// Rules of the 'validation' family, in code order.
import type { Rule } from '../rule';
import { insufficientWarmup } from './insufficient-warmup';
import { missingHoldout } from './missing-holdout';
import { pineMaxBarsBack } from './pine-max-bars-back';
import { shortOptimizationWindow } from './short-optimization-window';
import { shuffledTimeSeriesSplit } from './shuffled-time-series-split';

export const VALIDATION_RULES: Rule[] = [shuffledTimeSeriesSplit, missingHoldout, insufficientWarmup, shortOptimizationWindow, pineMaxBarsBack];
