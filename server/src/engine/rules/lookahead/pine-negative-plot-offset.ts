import { nodeRange } from '../../pine/edits';
import type { Rule } from '../rule';

export const pineNegativePlotOffset: Rule = {
  name: 'pine-negative-plot-offset',
  code: 'SL253',
  family: 'lookahead',
  defaultSeverity: 'info',
  summary: 'A Pine strategy draws a plot or marker with a negative `offset`: it appears on bars before the one that computed it, so the chart shows signals earlier than they could be known.',
  glossary: ['lookahead-bias', 'repainting'],
  docs: {
    exampleLanguage: 'pine',
    what:
      'Reports, in strategies, `plot`, `plotshape`, `plotchar`, `plotarrow`, `bgcolor` and `barcolor` calls with a negative `offset` (a literal, a variable, arithmetic on them, or an input default), as information: the backtest is unaffected, but the chart misrepresents when signals were known. Scripts that place no orders (indicators, where shifted pivots and lagging spans are a drawing convention) are left alone.',
    why:
      'A negative offset moves what is drawn n bars to the left: a pivot confirmed on bar t is shown on bar t-n. Read from the chart - by eye, from screenshots, or by someone tuning inputs until the markers sit at the turns - the signal looks perfectly timed, because it was placed with n bars of hindsight. The Strategy Tester still trades on bar t, so the chart and the report disagree.',
    example: [
      '//@version=5',
      'strategy("Swing high fade", overlay=true)',
      'ph = ta.pivothigh(high, 5, 5)',
      'if not na(ph)',
      '    strategy.entry("Short", strategy.short)',
      '// The marker lands on the swing bar, five bars before the entry could be known.',
      'plotshape(not na(ph), style=shape.triangledown, offset=-5)',
    ].join('\n'),
    fix:
      'Draw signals on the bar where they become known (`offset=0`), or label them as confirmed n bars later. If a shifted drawing is part of an indicator\'s definition (Ichimoku\'s lagging span), keep it, but do not read entries off it.',
  },
  check(context, report) {
    const pine = context.facts.pine;
    // A script that places no orders decides nothing a backtest could get wrong.
    if (!pine || pine.orders.length === 0) return;
    for (const p of pine.plotOffsets) {
      report({
        range: nodeRange(p.offsetNode),
        message: `\`${p.callee}\` is drawn ${-p.offset} bar(s) to the left of the bar that computed it: the chart shows ${p.signal ? 'a signal' : 'values'} ${-p.offset} bar(s) before they could be known, while orders act on the bar itself. Read entries from the Strategy Tester, not from these marks.`,
      });
    }
  },
};
