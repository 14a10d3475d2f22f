import { lookaheadOn, nodeRange, shiftByOneBar } from '../../pine/edits';
import type { Rule } from '../rule';

export const pineSecurityRepaint: Rule = {
  name: 'pine-security-repaint',
  code: 'SL251',
  family: 'lookahead',
  defaultSeverity: 'warning',
  summary: 'Pine `request.security` of a current-bar value on a higher timeframe: the value repaints, so the backtest cannot show what real time will do.',
  glossary: ['repainting', 'lookahead-bias'],
  fixSafety: 'unsafe',
  docs: {
    exampleLanguage: 'pine',
    what:
      'Reports `request.security()` calls without `lookahead_on` that request a current-bar value (not `[1]`, not `open`/`time`) on a day, week or month timeframe. A warning when the value decides an order (`strategy.entry/order/exit/close`, directly or through variables and conditions), information when it only feeds plots.',
    why:
      'Without lookahead, historical bars receive the higher-timeframe value only once its period has closed, while real-time bars receive the period\'s developing value, changing tick by tick. The same script therefore computes different signals live than the backtest shows for the same bars: it repaints, and the Strategy Tester report describes trades live trading would not have made (TradingView, "Repainting", Pine Script User Manual).',
    example: ['//@version=5', 'strategy("Weekly filter", overlay=true)', 'weeklyEma = request.security(syminfo.tickerid, "W", ta.ema(close, 20))', 'if ta.crossover(close, weeklyEma)', '    strategy.entry("L", strategy.long)'].join('\n'),
    fix:
      'Use confirmed values only: `request.security(syminfo.tickerid, "W", ta.ema(close, 20)[1], lookahead=barmerge.lookahead_on)`, which gives the last closed week\'s value on every bar (the unsafe fix makes this change). Expect the backtest to get worse: that is the real-time result.',
  },
  check(context, report) {
    for (const s of context.facts.pine?.securities ?? []) {
      if (s.lookaheadOn || s.reads === 'closed' || !s.expression || s.timeframeKind !== 'higher' || !s.visibleOnHistory) continue;
      const on = lookaheadOn(s.call, s.lookaheadNode);
      const edits = shiftByOneBar(s.expression);
      if (on) {
        // Both insert after the expression when it is the last argument: one edit keeps their order.
        const last = edits[edits.length - 1];
        const same = last.range.start.line === on.range.start.line && last.range.start.character === on.range.start.character && on.range.end.line === on.range.start.line && on.range.end.character === on.range.start.character;
        if (same) edits[edits.length - 1] = { range: last.range, newText: last.newText + on.newText };
        else edits.push(on);
      }
      report({
        range: nodeRange(s.expression),
        severity: s.decidesOrder ? 'warning' : 'info',
        message: `request.security requests the developing "${s.timeframeText}" value of \`${s.expression.text.slice(0, 40)}\`: real-time bars see it change until the period closes, historical bars see only the closed value, so ${s.decidesOrder ? 'the orders it decides differ live from the backtest' : 'what is plotted differs live from history'} (repainting). Request \`[1]\` with lookahead_on.`,
        fix: on ? { title: 'Request the last closed value ([1], lookahead_on)', edits } : undefined,
      });
    }
  },
};
