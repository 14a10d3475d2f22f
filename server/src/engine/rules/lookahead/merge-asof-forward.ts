import { reportLeaks } from './leak-report';
import { replaceStringContent } from '../../facts/lookahead';
import { stringValue } from '../../facts/python-values';
import type { Rule } from '../rule';

export const lookaheadMergeAsofForward: Rule = {
  name: 'lookahead-merge-asof-forward',
  code: 'SL209',
  family: 'lookahead',
  defaultSeverity: 'error',
  summary: '`merge_asof(..., direction="forward")` (or `"nearest"`) attaches a later record to each row.',
  glossary: ['lookahead-bias'],
  fixSafety: 'unsafe',
  docs: {
    what:
      'Flags `pd.merge_asof(...)` / `df.merge_asof(...)` with `direction="forward"` or `direction="nearest"`. The default, `"backward"`, matches each row with the last record at or before its time and is not reported.',
    why:
      '`direction="forward"` joins each bar with the first record *after* it: the next quote, the next earnings release, the next funding rate. `"nearest"` does the same whenever the later record happens to be closer, which on regular data is about half of the time. Either way the row carries information published after its timestamp. (There are legitimate uses, for example modelling a fill at the next available quote, which is why this is a warning.)',
    example: ['merged = pd.merge_asof(bars, earnings, on="timestamp", direction="forward")'].join('\n'),
    fix:
      'Use `direction="backward"` (the default), and if records are published with a delay, shift their timestamps to the publication time first or use `allow_exact_matches=False`. The automatic fix sets `direction="backward"`; it is unsafe because which record each row receives changes.',
  },
  check(context, report) {
    reportLeaks(context, report, 'SL209', {
      fix: (leak) => {
        const direction = context.index.callsById.get(leak.source.node.id)?.keywords.get('direction');
        return direction ? { title: 'Match backward in time (direction="backward")', safety: 'unsafe', edits: [replaceStringContent(direction, 'backward')] } : undefined;
      },
    });
  },
};
