import type { PineRealtimeRisk, RealtimeRiskKind } from '../../pine/facts-types';
import { nodeRange } from '../../pine/edits';
import type { Rule } from '../rule';

const WHY: Record<RealtimeRiskKind, string> = {
  calc_on_every_tick: '`calc_on_every_tick=true` recalculates the strategy on every real-time tick, but historical bars are calculated once, at their close: live orders fire on intrabar moves the backtest never saw',
  process_orders_on_close: '`process_orders_on_close=true` fills orders at the close of the bar whose close produced the signal: live, that close is known only once the bar has ended, so the backtest assumes a fill no real order gets',
  varip: '`varip` keeps updates made on every real-time tick, while historical bars run once per bar: the variable holds different values live than in the backtest',
  timenow: '`timenow` is the current time: on historical bars it is the time the script runs, not the bar\'s, so logic using it behaves differently in the backtest and live',
  'barstate.isrealtime': '`barstate.isrealtime` is false on every historical bar: logic behind it never runs in the backtest',
  'barstate.islast': '`barstate.islast` is true only on the last bar (the real-time one): logic behind it runs once in the backtest and on every bar live',
};

export const pineRealtimeRepaint: Rule = {
  name: 'pine-realtime-repaint',
  code: 'SL252',
  family: 'lookahead',
  defaultSeverity: 'warning',
  summary: 'Pine settings and values that behave differently on historical and real-time bars (`calc_on_every_tick`, `process_orders_on_close`, `varip`, `timenow`, `barstate.isrealtime`/`islast`).',
  glossary: ['repainting', 'lookahead-bias', 'slippage'],
  docs: {
    exampleLanguage: 'pine',
    what:
      'Reports, in TradingView Pine scripts, `strategy(calc_on_every_tick=true)`; `varip` variables (in strategies only with `calc_on_every_tick`, since a strategy otherwise runs once per bar in real time as on history) and `barstate.isrealtime` that decide an order (a warning) or only feed a plot, an alert or a marker (information; uses in labels and tables are left alone); `barstate.islast` that decides an order; `timenow` that decides an order or is plotted, and `strategy(process_orders_on_close=true)` (information: a date window or a fill assumption is worth a look, not a proven difference). One finding per kind and script, on its first use.',
    why:
      'A backtest is only evidence about live trading if the script computes the same thing on historical bars as it will in real time. These constructs differ by design: historical bars have no ticks, no "now" and no real-time state, so the Strategy Tester shows trades that live execution will not reproduce (TradingView, "Repainting" and "Strategies: bar magnifier, calc_on_every_tick, process_orders_on_close", Pine Script User Manual).',
    example: ['//@version=5', 'strategy("Tick scalper", calc_on_every_tick=true)', 'varip int upticks = 0', 'upticks := close > close[1] ? upticks + 1 : 0', 'if upticks > 3 and barstate.isrealtime', '    strategy.entry("L", strategy.long)'].join('\n'),
    fix:
      'Decide on confirmed bars: drop `calc_on_every_tick`, replace `varip` by `var`, gate real-time logic with `barstate.isconfirmed`, and base time logic on `time`, not `timenow`. When you keep `process_orders_on_close`, add slippage and compare with a run that fills on the next bar\'s open.',
  },
  check(context, report) {
    // One finding per kind, on its first use that matters: six `timenow`s in one date filter are one risk.
    const pine = context.facts.pine;
    // A strategy runs once per bar in real time too unless calc_on_every_tick is on: `varip`
    // then holds what it holds on history (calc_on_order_fills recalculates both alike).
    const everyTick = pine?.realtime.some((r) => r.kind === 'calc_on_every_tick') ?? false;
    const strategy = pine?.declaration?.kind === 'strategy';
    const risks = (pine?.realtime ?? []).filter((r) => !(r.kind === 'varip' && strategy && !everyTick));
    const reported = new Set<string>();
    for (const r of risks) {
      const severity = severityOf(r);
      if (!severity || reported.has(r.kind)) continue;
      reported.add(r.kind);
      const more = risks.filter((o) => o.kind === r.kind && o !== r && severityOf(o)).length;
      const where = r.kind === 'calc_on_every_tick' || r.kind === 'process_orders_on_close' ? '' : r.decidesOrder ? ' It decides orders here' : ' It only feeds what is plotted here';
      const also = more ? ` (${more} more use${more > 1 ? 's' : ''} in this script)` : '';
      report({ range: nodeRange(r.node), severity, message: `${WHY[r.kind]}.${where}${also}${where || also ? '.' : ''}` });
    }
  },
};

/**
 * Warning when it decides orders; information for plots, alerts and markers. `timenow` and
 * `process_orders_on_close` are information either way: a date window built on `timenow` or a
 * fill assumption is worth a look, not a proven difference.
 */
function severityOf(r: PineRealtimeRisk): 'warning' | 'info' | undefined {
  if (r.kind === 'process_orders_on_close') return 'info';
  if (r.decidesOrder) return r.kind === 'timenow' ? 'info' : 'warning';
  // Showing something on the last bar only is what `barstate.islast` is for.
  return r.displayed && r.kind !== 'barstate.islast' ? 'info' : undefined;
}
