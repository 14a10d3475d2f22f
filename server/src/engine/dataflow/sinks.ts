// Where a lead becomes a bug: the names and calls through which a value decides a trade or feeds
// a model. Everything else (a plot, a log line, a column nothing reads) decides nothing.

/** freqtrade's signal columns (current and legacy interface). */
export const FREQTRADE_SIGNAL_COLUMNS = new Set(['enter_long', 'enter_short', 'exit_long', 'exit_short', 'buy', 'sell']);

/** Columns and names that hold trading decisions in vectorised research code and vectorbt scripts. */
export const DECISION_NAME =
  /^(entries|exits|\w+_entries|\w+_exits|entries_\w+|exits_\w+|signals?|\w+_signals?|signals?_\w+|positions?|target_positions?|pos|long_signal|short_signal|weights|target_weights|allocation|orders)$/i;

/** Functions whose name says they return a trading decision (`signal(closes, t)`, `generate_signals(df)`). */
export const DECISION_FUNCTION = /^(get_|generate_|compute_|make_|calc_|calculate_)?(signals?|positions?|entries|exits|orders?|trade_signals?)$|^(should_(buy|sell|enter|exit|long|short)|decide\w*)$/;

/** freqtrade / Jesse methods whose return value (or the conditions leading to it) is a decision. */
export const DECISION_RETURN_METHODS = new Set([
  'custom_exit', 'custom_sell', 'custom_stoploss', 'custom_entry_price', 'custom_exit_price', 'custom_stake_amount',
  'confirm_trade_entry', 'confirm_trade_exit', 'adjust_trade_position', 'leverage', 'custom_roi',
  'should_long', 'should_short', 'should_cancel_entry', 'should_cancel', 'filters',
]);

/** Order calls of event-driven engines (backtrader, LEAN, zipline-style), reached from `self` or bare. */
export const ORDER_CALLS = new Set([
  'buy', 'sell', 'close', 'order_target_percent', 'order_target_size', 'order_target_value', 'buy_bracket', 'sell_bracket',
  'SetHoldings', 'MarketOrder', 'LimitOrder', 'StopMarketOrder', 'StopLimitOrder', 'MarketOnOpenOrder', 'MarketOnCloseOrder', 'Liquidate',
  'order', 'order_percent', 'order_value', 'order_target',
]);

/** Jesse attributes whose assignment places an order. */
export const JESSE_ORDER_ATTRIBUTES = new Set(['buy', 'sell', 'stop_loss', 'take_profit']);

/** Model calls whose first argument is the feature matrix. */
export const FEATURE_CALLS = new Set(['fit', 'partial_fit', 'learn', 'fit_predict', 'predict', 'predict_proba', 'decision_function', 'fit_transform']);

/** Calls that only show or record a value. */
export const INERT_CALL = /^(print|display|pprint|repr|str|format|plot\w*|\w+_layout|draw\w*|hist|scatter|bar|barh|imshow|heatmap|lineplot|savefig|show|title|legend|xlabel|ylabel|set_(title|xlabel|ylabel|xticks|yticks|xticklabels|yticklabels|xlim|ylim|size_inches|xscale|yscale|facecolor|aspect|label)|annotate|axhline|axvline|fill_between|describe|info|head|to_csv|to_parquet|to_excel|to_json|to_sql|debug|warning|warn|error|exception|critical|log|Debug|Log|Error|Plot|Record|dump|dumps|write|append_row)$/;

/** Receivers whose every method only shows or records (`plt.plot`, `logger.info`, `ax.scatter`). */
export const INERT_RECEIVER = /^(plt|pyplot|matplotlib|sns|seaborn|px|go|fig|ax|axes|axs|ax\d|logger|logging|log|LOG|st|mlflow|wandb|tb|writer)$/;

/** Live-only guards: code under them never runs in a backtest. */
export function isLiveOnlyCondition(text: string): boolean {
  const compact = text.replace(/\s+/g, ' ');
  if (/backtest|hyperopt/i.test(compact) && !/\bnot in\b/.test(compact)) return false;
  return /runmode/.test(compact) && /(live|dry_run|LIVE|DRY_RUN)/.test(compact) && !/\bnot in\b|!=/.test(compact);
}
