import { reportLeaks } from '../helpers/leak-report';
import type { Rule } from '../rule';

export const lookaheadUpsampleInterpolate: Rule = {
  name: 'lookahead-upsample-interpolate',
  code: 'SL217',
  family: 'lookahead',
  defaultSeverity: 'error',
  summary: 'Data resampled to a finer frequency is filled with `interpolate()` or `bfill()`: every new row takes part of the next coarse value.',
  glossary: ['lookahead-bias', 'data-windowing'],
  docs: {
    what:
      'Reports `resample(...).interpolate()`, `resample(...).bfill()` and `resample(...).fillna(method="bfill")` when the filled values reach a trading decision or a model feature.',
    why:
      'Upsampling daily or hourly data to a finer grid creates rows between known points. Interpolating draws a line to the *next* known point, so each new row already moves towards a value published later; back-filling copies that later value outright. A signal built on it anticipates every change of the coarse series.',
    example: ['hourly = daily_sentiment.resample("1h").interpolate()', 'df["sentiment"] = hourly.reindex(df.index)', 'df.loc[df["sentiment"] > 0.2, "signal"] = 1'].join('\n'),
    fix: 'Forward-fill (`resample("1h").ffill()`): each row carries the last value that was known, and changes when the next one is published.',
  },
  check(context, report) {
    reportLeaks(context, report, 'SL217');
  },
};
