// Rules of the 'lookahead' family, in code order.
import type { Rule } from '../rule';
import { lookaheadAbsoluteIloc } from './absolute-iloc';
import { lookaheadBackfill } from './backfill';
import { lookaheadCenteredWindow } from './centered-window';
import { lookaheadCurrentBarOrder } from './current-bar-order';
import { lookaheadForwardIndex } from './forward-index';
import { lookaheadFullSampleStatistic } from './full-sample-statistic';
import { lookaheadFutureLineIndex } from './future-line-index';
import { lookaheadFutureNamedAttribute } from './future-named-attribute';
import { lookaheadHigherTimeframeMerge } from './higher-timeframe-merge';
import { lookaheadLibraryIndicator } from './library-indicator';
import { lookaheadSameBarReturn } from './same-bar-return';
import { lookaheadUpsampleInterpolate } from './upsample-interpolate';
import { lookaheadIndicatorNotReady } from './indicator-not-ready';
import { lookaheadMergeAsofForward } from './merge-asof-forward';
import { lookaheadNegativeShift } from './negative-shift';
import { lookaheadResampleLabel } from './resample-label';
import { lookaheadScalerFitOnFullData } from './scaler-fit-on-full-data';
import { lookaheadSecondaryFeedCurrentBar } from './secondary-feed-current-bar';
import { pineNegativePlotOffset } from './pine-negative-plot-offset';
import { pineRealtimeRepaint } from './pine-realtime-repaint';
import { pineSecurityLookahead } from './pine-security-lookahead';
import { pineSecurityRepaint } from './pine-security-repaint';

export const LOOKAHEAD_RULES: Rule[] = [
  lookaheadNegativeShift, // SL201
  lookaheadCenteredWindow, // SL202
  lookaheadFullSampleStatistic, // SL203
  lookaheadScalerFitOnFullData, // SL204
  lookaheadBackfill, // SL205
  lookaheadResampleLabel, // SL206
  lookaheadAbsoluteIloc, // SL207
  lookaheadForwardIndex, // SL208
  lookaheadMergeAsofForward, // SL209
  lookaheadFutureLineIndex, // SL210
  lookaheadCurrentBarOrder, // SL211
  lookaheadSecondaryFeedCurrentBar, // SL212
  lookaheadIndicatorNotReady, // SL213
  lookaheadFutureNamedAttribute, // SL214
  lookaheadLibraryIndicator, // SL215
  lookaheadHigherTimeframeMerge, // SL216
  lookaheadUpsampleInterpolate, // SL217
  lookaheadSameBarReturn, // SL218
  pineSecurityLookahead, // SL250
  pineSecurityRepaint, // SL251
  pineRealtimeRepaint, // SL252
  pineNegativePlotOffset, // SL253
];
