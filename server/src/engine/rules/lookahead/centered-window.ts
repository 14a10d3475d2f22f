import { reportLeaks } from './leak-report';
import { booleanValue } from '../../facts/python-values';
import { rangeOf } from '../../facts/lookahead';
import type { Rule } from '../rule';

/** Zero-phase / symmetric smoothers: each output mixes samples on both sides of t. */
const SYMMETRIC_FILTERS = /^scipy\.(signal\.(filtfilt|savgol_filter|sosfiltfilt)|ndimage\.(gaussian_filter1d|uniform_filter1d|median_filter))$/;

export const lookaheadCenteredWindow: Rule = {
  name: 'lookahead-centered-window',
  code: 'SL202',
  family: 'lookahead',
  defaultSeverity: 'error',
  summary: 'A centred rolling window (`rolling(..., center=True)`) or a zero-phase filter averages in future bars.',
  glossary: ['lookahead-bias', 'data-windowing'],
  fixSafety: 'unsafe',
  docs: {
    what:
      'Flags `rolling(..., center=True)` on pandas objects, and symmetric smoothers from SciPy that use samples after t by construction: `scipy.signal.filtfilt`/`sosfiltfilt` (forward-backward, zero-phase), `savgol_filter`, and `scipy.ndimage` 1-D filters (their default origin is the window centre).',
    why:
      'A centred window of length w at row t covers t-w/2 ... t+w/2: half of it is the future. Indicators built this way are smoother and turn exactly at the extremes, so crossovers fire at tops and bottoms in the backtest and lag by w/2 bars live. Zero-phase filters remove lag precisely by running the filter backwards over later data (SciPy documents `filtfilt` as a forward-backward filter).',
    example: ['df["sma"] = df["close"].rolling(20, center=True).mean()', 'entries = df["close"] > df["sma"]'].join('\n'),
    fix:
      'Use a trailing window: `rolling(20).mean()` (`center=False` is the default). For smoothing, use a causal filter (`scipy.signal.lfilter`, an EMA via `ewm(span=...)`) and accept its lag. The automatic fix rewrites `center=True` to `center=False`; it is unsafe because indicator values (and thresholds tuned on them) change.',
  },
  check(context, report) {
    reportLeaks(context, report, 'SL202', {
      fix: (leak) => {
        const center = context.index.callsById.get(leak.source.node.id)?.keywords.get('center');
        return center ? { title: 'Use a trailing window (center=False)', safety: 'unsafe', edits: [{ range: rangeOf(center), newText: 'False' }] } : undefined;
      },
    });
  },
};
