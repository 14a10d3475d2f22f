import { nodeRange } from '../../pine/edits';
import type { PineNode } from '../../pine/tree';
import type { Rule } from '../rule';

export const pineMaxBarsBack: Rule = {
  name: 'pine-max-bars-back',
  code: 'SL350',
  family: 'validation',
  defaultSeverity: 'warning',
  summary: 'Pine `max_bars_back` is shorter than a look-back the script uses: the history buffer cannot hold the bars the indicator needs.',
  glossary: ['warmup-period', 'data-windowing'],
  docs: {
    exampleLanguage: 'pine',
    what:
      'Compares `max_bars_back=` of the `strategy()`/`indicator()` declaration (and `max_bars_back(series, n)` calls) with the longest look-back the script states with a number: history references `close[200]` and lengths of built-in indicators `ta.sma(close, 200)` (literal, through a variable, or the default of an `input.int`). It reports a buffer shorter than that look-back.',
    why:
      'Pine keeps `max_bars_back` bars of history per series. A script asking for more fails at run time on the first bar that needs it ("The requested historical offset is beyond the historical buffer\'s limit") or, with indicators computed from buffered series, starts from truncated history: the first bars of the backtest trade on indicators that have not seen their full window (the warm-up problem), and results shift with the buffer size rather than with the market.',
    example: ['//@version=5', 'strategy("Long trend", max_bars_back=100)', 'trend = ta.sma(close, 200)', 'if close > trend', '    strategy.entry("L", strategy.long)'].join('\n'),
    fix:
      'Set `max_bars_back` to at least the longest look-back (here 200), or remove it and let Pine size the buffer. Check that the Strategy Tester\'s range starts after the longest indicator has filled its window.',
  },
  check(context, report) {
    const pine = context.facts.pine;
    if (!pine || pine.maxBarsBack.length === 0) return;
    let longest: { node: PineNode; length: number; what: string } | undefined;
    for (const l of pine.lookbacks) if (!longest || l.length > longest.length) longest = l;
    if (!longest) return;
    for (const m of pine.maxBarsBack) {
      if (m.value >= longest.length) continue;
      report({
        range: nodeRange(m.node),
        message: `max_bars_back ${m.value}${m.target ? ` for \`${m.target}\`` : ''} is shorter than the ${longest.length}-bar look-back of \`${longest.what.slice(0, 40)}\` (line ${longest.node.startPosition.row + 1}): the history buffer cannot hold the bars it needs.`,
      });
    }
  },
};
