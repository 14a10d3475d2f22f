// Rules of the 'results' family, in code order.
import type { Rule } from '../rule';
import { backtestOverfitting } from './backtest-overfitting';
import { deflatedSharpe } from './deflated-sharpe';
import { inSampleOnly } from './in-sample-only';
import { insignificantSharpe } from './insignificant-sharpe';
import { oosDegradation } from './oos-degradation';
import { profitConcentration } from './profit-concentration';
import { shortBacktest } from './short-backtest';
import { tinySample } from './tiny-sample';
import { tooGoodToBeTrue } from './too-good-to-be-true';
import { unresolvedResults } from './unresolved-results';

export const RESULTS_RULES: Rule[] = [
  tinySample,
  shortBacktest,
  insignificantSharpe,
  deflatedSharpe,
  backtestOverfitting,
  inSampleOnly,
  oosDegradation,
  tooGoodToBeTrue,
  profitConcentration,
  unresolvedResults,
];
