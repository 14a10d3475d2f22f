// Rules of the 'lookahead' family, in code order.
import type { Rule } from '../rule';
import { lookaheadAbsoluteIloc } from './lookahead-absolute-iloc';
import { lookaheadBackfill } from './lookahead-backfill';
import { lookaheadCenteredWindow } from './lookahead-centered-window';
import { lookaheadCurrentBarOrder } from './lookahead-current-bar-order';
import { lookaheadForwardIndex } from './lookahead-forward-index';
import { lookaheadFillOnSignalBar } from './lookahead-fill-on-signal-bar';
import { lookaheadFullSampleStatistic } from './lookahead-full-sample-statistic';
import { lookaheadFutureLineIndex } from './lookahead-future-line-index';
import { lookaheadFutureNamedAttribute } from './lookahead-future-named-attribute';
import { lookaheadHigherTimeframeMerge } from './lookahead-higher-timeframe-merge';
import { lookaheadLibraryIndicator } from './lookahead-library-indicator';
import { lookaheadSameBarReturn } from './lookahead-same-bar-return';
import { lookaheadUpsampleInterpolate } from './lookahead-upsample-interpolate';
import { lookaheadIndicatorNotReady } from './lookahead-indicator-not-ready';
import { lookaheadMergeAsofForward } from './lookahead-merge-asof-forward';
import { lookaheadNegativeShift } from './lookahead-negative-shift';
import { lookaheadResampleLabel } from './lookahead-resample-label';
import { lookaheadScalerFitOnFullData } from './lookahead-scaler-fit-on-full-data';
import { lookaheadSecondaryFeedCurrentBar } from './lookahead-secondary-feed-current-bar';
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
  lookaheadFillOnSignalBar, // SL219
  pineSecurityLookahead, // SL250
  pineSecurityRepaint, // SL251
  pineRealtimeRepaint, // SL252
  pineNegativePlotOffset, // SL253
];
