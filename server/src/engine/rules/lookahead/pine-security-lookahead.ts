import { shiftByOneBar, nodeRange } from '../../pine/edits';
import type { Rule } from '../rule';

export const pineSecurityLookahead: Rule = {
  name: 'pine-security-lookahead',
  code: 'SL250',
  family: 'lookahead',
  defaultSeverity: 'error',
  summary: 'Pine `request.security(..., lookahead=barmerge.lookahead_on)` of a current-bar value: historical bars see the higher-timeframe bar\'s final value before it exists.',
  glossary: ['lookahead-bias', 'repainting'],
  fixSafety: 'unsafe',
  docs: {
    exampleLanguage: 'pine',
    what:
      'Reports TradingView Pine `request.security()` (and v3/v4 `security()`) calls with `lookahead=barmerge.lookahead_on` whose requested expression reads the current bar - `close`, an indicator of it, a variable computed from it - rather than a closed bar (`close[1]`) or a value known when the bar opens (`open`, `time`). It is an error when the timeframe is a day, week or month (higher than any intraday chart, written or as the default of an `input.timeframe`) and the value provably reads the current bar (built-in series, indicators of them, variables and single-expression functions computed from them); a warning when the timeframe is a number of minutes or unknown, since it leaks only when higher than the chart\'s, or when the value comes from a multi-line function the analysis does not follow. Values that reach nothing historical bars show or do - only a table filled under `barstate.islast`, say - are left alone.',
    why:
      'With `lookahead_on`, every chart bar inside a higher-timeframe period receives that period\'s value from its first bar on. On historical bars that value is the period\'s final one: the first 15-minute bar of the day already knows the daily close. A strategy deciding on it trades on the future, its backtest is fiction, and it repaints as soon as it runs in real time. TradingView\'s own documentation names this the future-leak case of `request.security()` and gives `expression[1]` with `lookahead_on` as the non-repainting form. The Python counterpart is `lookahead-higher-timeframe-merge` (SL216).',
    example: ['//@version=5', 'strategy("Daily trend", overlay=true)', 'dailyClose = request.security(syminfo.tickerid, "D", close, lookahead=barmerge.lookahead_on)', 'if close > dailyClose', '    strategy.entry("L", strategy.long)'].join('\n'),
    fix:
      'Request the last closed value: `request.security(syminfo.tickerid, "D", close[1], lookahead=barmerge.lookahead_on)` (the unsafe fix adds the `[1]`). This gives the previous period\'s value on every bar, historical and real-time alike. Dropping `lookahead_on` instead removes the leak on history but leaves the value repainting in real time (see `pine-security-repaint`).',
  },
  check(context, report) {
    for (const s of context.facts.pine?.securities ?? []) {
      // A value shown only on the last bar (a table filled on barstate.islast) never shows history.
      if (!s.lookaheadOn || s.reads === 'closed' || !s.expression || s.timeframeKind === 'chart' || !s.visibleOnHistory) continue;
      // Proven: a day/week/month request of a value that reads the current bar.
      const proven = s.timeframeKind === 'higher' && s.reads === 'current';
      const tf = s.timeframeText !== undefined ? `"${s.timeframeText}"` : 'this timeframe';
      report({
        range: nodeRange(s.lookaheadNode ?? s.call),
        severity: proven ? 'error' : 'warning',
        message: proven
          ? `request.security with lookahead_on requests \`${s.expression.text.slice(0, 40)}\` on ${tf} without a [1] offset: on historical bars every chart bar sees the ${tf} bar's final value before that bar has closed - future data. Request \`${s.expression.text.slice(0, 30)}[1]\`.`
          : `request.security with lookahead_on requests \`${s.expression.text.slice(0, 40)}\` without a [1] offset: if ${s.timeframeKind === 'higher' ? 'it reads the current bar' : `${tf} is higher than the chart's timeframe`}, historical bars see values from the future. Request \`${s.expression.text.slice(0, 30)}[1]\`.`,
        fix: { title: 'Request the last closed value ([1])', edits: shiftByOneBar(s.expression) },
      });
    }
  },
};
