// The freqtrade strategy-setting spaces (roi, stoploss, trailing) an attached hyperopt result
// shows were optimised for a class: tuned parameters like any IntParameter, and part of the
// search. Without such a result nothing says the settings were optimised.
import type { RuleContext } from '../rule';
import { resultsByStrategy } from './attached-results';

/** Space -> number of dimensions, merged over the class's hyperopt results (largest count wins). */
export function optimisedSettingSpaces(context: RuleContext, className: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const group of resultsByStrategy(context)) {
    if (group.strategy?.name !== className) continue;
    for (const a of group.optimisations) {
      for (const [space, dims] of Object.entries(a.summary.optimisedSpaces ?? {})) out.set(space, Math.max(out.get(space) ?? 0, dims));
    }
  }
  return out;
}

/** The setting a space optimises, for messages and for matching class settings. */
export const SPACE_OF_SETTING: Record<string, string> = {
  minimal_roi: 'roi',
  stoploss: 'stoploss',
  trailing_stop: 'trailing',
  trailing_stop_positive: 'trailing',
  trailing_stop_positive_offset: 'trailing',
  trailing_only_offset_is_reached: 'trailing',
};

/** "6 roi, 1 stoploss and 2 trailing dimensions of the hyperopt result" */
export function describeSpaces(spaces: Map<string, number>): string {
  const parts = [...spaces].map(([space, n]) => `${n} ${space}`);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
  return `${list} dimension${[...spaces.values()].reduce((a, b) => a + b, 0) === 1 ? '' : 's'} the hyperopt result shows optimised`;
}
