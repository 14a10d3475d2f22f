// Deterministic (seeded) benchmark inputs, generated at bench time:
//   - one ~5,000-line Python module built from framework-style code (freqtrade IStrategy
//     classes with hyperopt parameters and populate_* methods, backtrader strategies with
//     a Cerebro optimisation runner, scikit-learn research pipelines), every block varied;
//   - a workspace of 1,000 strategies with result files: freqtrade bots (user_data/strategies
//     + backtest_results with .meta.json + .last_result.json + hyperopt .fthypt) and research
//     folders whose scripts carry sidecar results (<stem>.backtest.json / .csv);
//   - the 200 x 2,520 trial matrix for PBO comes from pbo.bench.ts (seededReturnMatrix).
// Everything depends only on the seed, so every run (and every machine) lints the same bytes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mulberry32 } from '../tools/seeded-random';

export { mulberry32 };

export const GENERATOR_VERSION = 3;


class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  decimal(lo: number, hi: number, digits: number): string {
    return (lo + this.next() * (hi - lo)).toFixed(digits);
  }
  sample<T>(xs: readonly T[], n: number): T[] {
    const copy = [...xs];
    const out: T[] = [];
    while (out.length < n && copy.length) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
    return out;
  }
}

const PREFIXES = ['Band', 'Trend', 'Momentum', 'Mean', 'Breakout', 'Squeeze', 'Swing', 'Scalp', 'Pivot', 'Keltner', 'Donchian', 'Ichimoku', 'Vwap', 'Hull', 'Supertrend', 'Macd', 'Rsi', 'Stoch', 'Adx', 'Atr', 'Obv', 'Heikin', 'Fractal', 'Zscore', 'Kalman'];
const SUFFIXES = ['Rider', 'Hunter', 'Reversion', 'Pullback', 'Follower', 'Catcher', 'Scalper', 'Filter', 'Crossover', 'Divergence', 'Channel', 'Surfer', 'Grid', 'Dip', 'Wave'];
const TIMEFRAMES = ['5m', '15m', '30m', '1h', '4h', '1d'];
const TALIB: { fn: string; col: string; period: [number, number] }[] = [
  { fn: 'RSI', col: 'rsi', period: [7, 21] },
  { fn: 'ADX', col: 'adx', period: [10, 28] },
  { fn: 'EMA', col: 'ema', period: [8, 200] },
  { fn: 'SMA', col: 'sma', period: [10, 200] },
  { fn: 'CCI', col: 'cci', period: [14, 40] },
  { fn: 'MFI', col: 'mfi', period: [10, 20] },
  { fn: 'ATR', col: 'atr', period: [10, 28] },
  { fn: 'WILLR', col: 'willr', period: [10, 30] },
  { fn: 'ROC', col: 'roc', period: [5, 30] },
  { fn: 'CMO', col: 'cmo', period: [9, 21] },
  { fn: 'TEMA', col: 'tema', period: [9, 50] },
  { fn: 'KAMA', col: 'kama', period: [10, 40] },
];

function className(r: Rng, used: Set<string>, tail = 'Strategy'): string {
  for (;;) {
    const name = `${r.pick(PREFIXES)}${r.pick(SUFFIXES)}${r.chance(0.5) ? 'V' + r.int(2, 9) : ''}${tail}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

interface Block {
  lines: string[];
  className: string;
}

/** A freqtrade IStrategy: hyperopt parameters, ROI table, populate_* methods, callbacks. */
function freqtradeClass(r: Rng, name: string): Block {
  const indicators = r.sample(TALIB, r.int(4, 8)).map((t) => ({ ...t, p: r.int(t.period[0], t.period[1]) }));
  const buyParams: string[] = [];
  const sellParams: string[] = [];
  const L: string[] = [];
  L.push(`class ${name}(IStrategy):`);
  L.push(`    """${name.replace(/Strategy$/, '')}: ${r.pick(['mean reversion', 'trend following', 'breakout', 'momentum'])} on ${r.pick(TIMEFRAMES)} candles.`);
  L.push('');
  L.push(`    Hyperopted with ${r.pick(['SharpeHyperOptLoss', 'SortinoHyperOptLossDaily', 'CalmarHyperOptLoss', 'OnlyProfitHyperOptLoss'])} over ${r.int(200, 2000)} epochs.`);
  L.push('    """');
  L.push('');
  L.push('    INTERFACE_VERSION = 3');
  L.push(`    timeframe = "${r.pick(TIMEFRAMES)}"`);
  L.push(`    can_short = ${r.chance(0.3) ? 'True' : 'False'}`);
  L.push('');
  const roiSteps = r.int(3, 5);
  const roi: string[] = [];
  let minute = 0;
  let target = r.float() * 0.2 + 0.05;
  for (let i = 0; i < roiSteps; i++) {
    roi.push(`"${minute}": ${i === roiSteps - 1 ? '0' : target.toFixed(3)}`);
    minute += r.int(15, 240);
    target *= 0.5;
  }
  L.push(`    minimal_roi = {${roi.join(', ')}}`);
  L.push(`    stoploss = -${r.decimal(0.05, 0.35, r.pick([2, 3, 5]))}`);
  if (r.chance(0.6)) {
    L.push('    trailing_stop = True');
    L.push(`    trailing_stop_positive = ${r.decimal(0.005, 0.03, 4)}`);
    L.push(`    trailing_stop_positive_offset = ${r.decimal(0.01, 0.06, 4)}`);
    L.push('    trailing_only_offset_is_reached = True');
  }
  L.push('');
  L.push(`    startup_candle_count = ${r.pick([30, 50, 100, 200, 400])}`);
  L.push('    process_only_new_candles = True');
  L.push('    use_exit_signal = True');
  L.push('');
  for (const ind of indicators.slice(0, r.int(2, 4))) {
    const lo = r.int(5, 25);
    const pname = `buy_${ind.col}`;
    buyParams.push(pname);
    L.push(`    ${pname} = IntParameter(${lo}, ${lo + r.int(15, 40)}, default=${lo + r.int(1, 14)}, space="buy", optimize=True)`);
  }
  for (let i = 0; i < r.int(1, 3); i++) {
    const pname = `buy_factor_${i}`;
    buyParams.push(pname);
    L.push(`    ${pname} = DecimalParameter(0.90, 1.10, default=${r.decimal(0.9, 1.1, 3)}, decimals=3, space="buy")`);
  }
  if (r.chance(0.5)) L.push(`    buy_trigger = CategoricalParameter(["cross", "band", "both"], default="${r.pick(['cross', 'band', 'both'])}", space="buy")`);
  for (const ind of indicators.slice(0, r.int(1, 3))) {
    const lo = r.int(50, 70);
    const pname = `sell_${ind.col}`;
    sellParams.push(pname);
    L.push(`    ${pname} = IntParameter(${lo}, ${lo + r.int(10, 30)}, default=${lo + r.int(1, 9)}, space="sell", optimize=${r.chance(0.8) ? 'True' : 'False'})`);
  }
  if (r.chance(0.5)) L.push(`    sell_use_guard = BooleanParameter(default=${r.chance(0.5) ? 'True' : 'False'}, space="sell")`);
  L.push('');
  if (r.chance(0.4)) {
    L.push('    buy_params = {');
    for (const p of buyParams) L.push(`        "${p}": ${p.startsWith('buy_factor') ? r.decimal(0.9, 1.1, 5) : r.int(10, 60)},`);
    L.push('    }');
    L.push('');
  }
  L.push('    plot_config = {');
  L.push('        "main_plot": {');
  for (const ind of indicators.slice(0, 2)) L.push(`            "${ind.col}_${ind.p}": {"color": "${r.pick(['blue', 'orange', 'green', 'red'])}"},`);
  L.push('        },');
  L.push(`        "subplots": {"${indicators[0].fn}": {"${indicators[0].col}": {"color": "purple"}}},`);
  L.push('    }');
  L.push('');
  L.push('    def informative_pairs(self):');
  L.push('        pairs = self.dp.current_whitelist()');
  L.push(`        return [(pair, "${r.pick(['1h', '4h', '1d'])}") for pair in pairs]`);
  L.push('');
  L.push('    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:');
  for (const ind of indicators) L.push(`        dataframe["${ind.col}"] = ta.${ind.fn}(dataframe, timeperiod=${ind.p})`);
  const window = r.int(14, 40);
  L.push(`        bollinger = qtpylib.bollinger_bands(qtpylib.typical_price(dataframe), window=${window}, stds=${r.pick([2, 2.5, 3])})`);
  L.push('        dataframe["bb_lowerband"] = bollinger["lower"]');
  L.push('        dataframe["bb_middleband"] = bollinger["mid"]');
  L.push('        dataframe["bb_upperband"] = bollinger["upper"]');
  L.push('        dataframe["bb_width"] = (dataframe["bb_upperband"] - dataframe["bb_lowerband"]) / dataframe["bb_middleband"]');
  L.push('        macd = ta.MACD(dataframe, fastperiod=12, slowperiod=26, signalperiod=9)');
  L.push('        dataframe["macd"] = macd["macd"]');
  L.push('        dataframe["macdsignal"] = macd["macdsignal"]');
  L.push('        dataframe["macdhist"] = macd["macdhist"]');
  L.push(`        dataframe["volume_mean"] = dataframe["volume"].rolling(${r.int(12, 96)}).mean()`);
  if (r.chance(0.3)) L.push(`        dataframe["close_z"] = (dataframe["close"] - dataframe["close"].mean()) / dataframe["close"].std()`);
  if (r.chance(0.2)) L.push('        dataframe["next_close"] = dataframe["close"].shift(-1)');
  L.push(`        for period in (${r.int(5, 10)}, ${r.int(11, 30)}, ${r.int(31, 90)}):`);
  L.push('            dataframe[f"ret_{period}"] = dataframe["close"].pct_change(period)');
  L.push(`        heikin = qtpylib.heikinashi(dataframe)`);
  L.push('        dataframe["ha_open"] = heikin["open"]');
  L.push('        dataframe["ha_close"] = heikin["close"]');
  L.push('        return dataframe');
  L.push('');
  L.push('    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:');
  L.push('        conditions = []');
  for (const p of buyParams) {
    const col = p.replace(/^buy_/, '');
    if (p.startsWith('buy_factor')) L.push(`        conditions.append(dataframe["close"] < dataframe["bb_lowerband"] * self.${p}.value)`);
    else L.push(`        conditions.append(dataframe["${col}"] ${r.pick(['<', '>'])} self.${p}.value)`);
  }
  L.push(`        conditions.append(dataframe["macdhist"] > ${r.decimal(-0.5, 0.5, 4)})`);
  L.push(`        conditions.append(dataframe["volume"] > dataframe["volume_mean"] * ${r.decimal(0.8, 2.0, 2)})`);
  L.push('        conditions.append(dataframe["volume"] > 0)');
  L.push('        if conditions:');
  L.push('            dataframe.loc[reduce(lambda x, y: x & y, conditions), ["enter_long", "enter_tag"]] = (1, "signal")');
  L.push('        return dataframe');
  L.push('');
  L.push('    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:');
  L.push('        dataframe.loc[');
  L.push('            (');
  const exits = sellParams.map((p) => `(dataframe["${p.replace(/^sell_/, '')}"] > self.${p}.value)`);
  exits.push(`(qtpylib.crossed_below(dataframe["macd"], dataframe["macdsignal"]))`, `(dataframe["close"] > dataframe["bb_upperband"] * ${r.decimal(0.98, 1.05, 3)})`, '(dataframe["volume"] > 0)');
  L.push(`                ${exits[0]}`);
  for (const e of exits.slice(1)) L.push(`                & ${e}`);
  L.push('            ),');
  L.push('            "exit_long",');
  L.push('        ] = 1');
  L.push('        return dataframe');
  L.push('');
  if (r.chance(0.6)) {
    L.push('    def custom_stoploss(self, pair: str, trade: "Trade", current_time: datetime, current_rate: float,');
    L.push('                        current_profit: float, after_fill: bool, **kwargs) -> float:');
    L.push(`        if current_profit > ${r.decimal(0.05, 0.2, 2)}:`);
    L.push(`            return stoploss_from_open(${r.decimal(0.01, 0.05, 3)}, current_profit, is_short=trade.is_short)`);
    L.push(`        if current_time - timedelta(minutes=${r.int(60, 600)}) > trade.open_date_utc:`);
    L.push(`            return -${r.decimal(0.02, 0.1, 2)}`);
    L.push('        return self.stoploss');
    L.push('');
  }
  if (r.chance(0.5)) {
    L.push('    def confirm_trade_entry(self, pair: str, order_type: str, amount: float, rate: float,');
    L.push('                            time_in_force: str, current_time: datetime, entry_tag, side: str, **kwargs) -> bool:');
    L.push('        dataframe, _ = self.dp.get_analyzed_dataframe(pair, self.timeframe)');
    L.push('        last_candle = dataframe.iloc[-1].squeeze()');
    L.push(`        if rate > last_candle["close"] * ${r.decimal(1.001, 1.02, 4)}:`);
    L.push('            return False');
    L.push('        return True');
    L.push('');
  }
  return { lines: L, className: name };
}

/** A backtrader strategy plus a Cerebro optimisation runner. */
function backtraderClass(r: Rng, name: string): Block {
  const fast = r.int(5, 20);
  const slow = r.int(25, 120);
  const L: string[] = [];
  L.push(`class ${name}(bt.Strategy):`);
  L.push(`    """${r.pick(['Moving-average crossover', 'Channel breakout', 'RSI mean reversion', 'Volatility breakout'])} with an ATR stop and fixed-fractional sizing."""`);
  L.push('');
  L.push('    params = (');
  L.push(`        ("fast", ${fast}),`);
  L.push(`        ("slow", ${slow}),`);
  L.push(`        ("rsi_period", ${r.int(2, 21)}),`);
  L.push(`        ("rsi_low", ${r.int(5, 35)}),`);
  L.push(`        ("atr_period", ${r.int(10, 21)}),`);
  L.push(`        ("atr_stop", ${r.decimal(1.5, 4, 2)}),`);
  L.push(`        ("risk_fraction", ${r.decimal(0.005, 0.03, 3)}),`);
  if (r.chance(0.5)) L.push(`        ("exit_bars", ${r.int(3, 20)}),`);
  L.push('        ("printlog", False),');
  L.push('    )');
  L.push('');
  L.push('    def log(self, txt, dt=None, doprint=False):');
  L.push('        if self.params.printlog or doprint:');
  L.push('            dt = dt or self.datas[0].datetime.date(0)');
  L.push('            print(f"{dt.isoformat()} {txt}")');
  L.push('');
  L.push('    def __init__(self):');
  L.push('        self.dataclose = self.datas[0].close');
  L.push('        self.order = None');
  L.push('        self.buyprice = None');
  L.push('        self.bar_executed = 0');
  L.push(`        self.sma_fast = bt.indicators.${r.pick(['SMA', 'EMA', 'WMA'])}(self.datas[0], period=self.p.fast)`);
  L.push(`        self.sma_slow = bt.indicators.${r.pick(['SMA', 'EMA', 'WMA'])}(self.datas[0], period=self.p.slow)`);
  L.push('        self.crossover = bt.indicators.CrossOver(self.sma_fast, self.sma_slow)');
  L.push('        self.rsi = bt.indicators.RSI(self.datas[0], period=self.p.rsi_period)');
  L.push('        self.atr = bt.indicators.ATR(self.datas[0], period=self.p.atr_period)');
  L.push(`        self.highest = bt.indicators.Highest(self.data.high, period=${r.int(10, 55)})`);
  L.push('');
  L.push('    def notify_order(self, order):');
  L.push('        if order.status in [order.Submitted, order.Accepted]:');
  L.push('            return');
  L.push('        if order.status in [order.Completed]:');
  L.push('            if order.isbuy():');
  L.push('                self.log(f"BUY EXECUTED, Price: {order.executed.price:.2f}, Cost: {order.executed.value:.2f}")');
  L.push('                self.buyprice = order.executed.price');
  L.push('            else:');
  L.push('                self.log(f"SELL EXECUTED, Price: {order.executed.price:.2f}")');
  L.push('            self.bar_executed = len(self)');
  L.push('        elif order.status in [order.Canceled, order.Margin, order.Rejected]:');
  L.push('            self.log("Order Canceled/Margin/Rejected")');
  L.push('        self.order = None');
  L.push('');
  L.push('    def notify_trade(self, trade):');
  L.push('        if not trade.isclosed:');
  L.push('            return');
  L.push('        self.log(f"OPERATION PROFIT, GROSS {trade.pnl:.2f}, NET {trade.pnlcomm:.2f}")');
  L.push('');
  L.push('    def next(self):');
  L.push('        if self.order:');
  L.push('            return');
  L.push('        if not self.position:');
  L.push(`            if self.crossover > 0 and self.rsi[0] < ${r.int(40, 70)}:`);
  L.push('                stop_distance = self.atr[0] * self.p.atr_stop');
  L.push('                size = self.broker.getvalue() * self.p.risk_fraction / stop_distance');
  L.push('                self.order = self.buy(size=size)');
  L.push('            elif self.rsi[0] < self.p.rsi_low and self.dataclose[0] > self.sma_slow[0]:');
  L.push('                self.order = self.buy()');
  L.push('        else:');
  L.push('            if self.crossover < 0 or len(self) >= self.bar_executed + ' + r.int(5, 30) + ':');
  L.push('                self.order = self.sell()');
  L.push('            elif self.dataclose[0] < self.buyprice - self.atr[0] * self.p.atr_stop:');
  L.push('                self.order = self.close()');
  L.push('');
  L.push('    def stop(self):');
  L.push('        self.log(f"(Fast {self.p.fast}, Slow {self.p.slow}) Ending Value {self.broker.getvalue():.2f}", doprint=True)');
  L.push('');
  L.push('');
  const fn = `run_${name.replace(/[A-Z]/g, (c, i) => (i ? '_' : '') + c.toLowerCase())}`;
  L.push(`def ${fn}(datafile="data/${r.pick(['SPY', 'QQQ', 'BTC-USD', 'EURUSD', 'GLD'])}.csv"):`);
  L.push('    cerebro = bt.Cerebro(optreturn=False)');
  L.push('    data = bt.feeds.GenericCSVData(');
  L.push('        dataname=datafile,');
  L.push(`        fromdate=datetime(${r.int(2005, 2015)}, 1, 1),`);
  L.push(`        todate=datetime(${r.int(2019, 2024)}, 12, 31),`);
  L.push('        dtformat="%Y-%m-%d",');
  L.push('    )');
  L.push('    cerebro.adddata(data)');
  L.push(`    cerebro.broker.setcash(${r.pick(['10_000', '100_000', '1_000_000'])})`);
  L.push(`    cerebro.broker.setcommission(commission=${r.pick(['0.0', '0.001', '0.0005'])})`);
  L.push('    cerebro.addanalyzer(bt.analyzers.SharpeRatio, _name="sharpe", timeframe=bt.TimeFrame.Days)');
  L.push('    cerebro.addanalyzer(bt.analyzers.DrawDown, _name="drawdown")');
  L.push(`    cerebro.optstrategy(${name}, fast=range(${fast - 3}, ${fast + 12}), slow=range(${slow - 10}, ${slow + 60}, 5), atr_stop=[1.5, 2.0, 2.5, 3.0])`);
  L.push('    runs = cerebro.run(maxcpus=1)');
  L.push('    best = max(runs, key=lambda run: run[0].analyzers.sharpe.get_analysis().get("sharperatio") or -1e9)');
  L.push('    return best[0].params');
  L.push('');
  return { lines: L, className: name };
}

/** scikit-learn research: feature engineering, a model, CV and a walk-forward evaluation. */
function sklearnBlock(r: Rng, name: string): Block {
  const L: string[] = [];
  const lags = r.int(3, 12);
  const model = r.pick([
    'LogisticRegression(max_iter=1000)',
    'LogisticRegression(C=0.5, penalty="l2", max_iter=2000)',
    'RandomForestClassifier(n_estimators=300, max_depth=6, random_state=0)',
    'GradientBoostingClassifier(n_estimators=200, learning_rate=0.05)',
    'Ridge(alpha=1.0)',
    'LinearRegression()',
  ]);
  const shuffled = r.chance(0.3);
  L.push(`class ${name}:`);
  L.push(`    """Predicts the sign of the next ${r.pick(['day', 'week', 'hour'])}'s return from lagged features."""`);
  L.push('');
  L.push(`    def __init__(self, lags=${lags}, horizon=${r.int(1, 5)}, test_size=${r.decimal(0.1, 0.3, 2)}):`);
  L.push('        self.lags = lags');
  L.push('        self.horizon = horizon');
  L.push('        self.test_size = test_size');
  L.push(`        self.model = make_pipeline(StandardScaler(), ${model})`);
  L.push('        self.features_ = []');
  L.push('');
  L.push('    def build_features(self, prices: pd.DataFrame) -> pd.DataFrame:');
  L.push('        df = pd.DataFrame(index=prices.index)');
  L.push('        df["ret"] = prices["close"].pct_change()');
  L.push('        for lag in range(1, self.lags + 1):');
  L.push('            df[f"ret_lag_{lag}"] = df["ret"].shift(lag)');
  L.push(`        df["vol_${r.int(10, 30)}"] = df["ret"].rolling(${r.int(10, 30)}).std()`);
  L.push(`        df["mom_${r.int(20, 120)}"] = prices["close"].pct_change(${r.int(20, 120)})`);
  L.push('        df["range"] = (prices["high"] - prices["low"]) / prices["close"]');
  L.push(`        df["volume_z"] = (prices["volume"] - prices["volume"].rolling(${r.int(20, 60)}).mean()) / prices["volume"].rolling(${r.int(20, 60)}).std()`);
  L.push('        df["target"] = (df["ret"].shift(-self.horizon) > 0).astype(int)');
  L.push('        df = df.dropna()');
  L.push('        self.features_ = [c for c in df.columns if c not in ("ret", "target")]');
  L.push('        return df');
  L.push('');
  L.push('    def cross_validate(self, df: pd.DataFrame) -> np.ndarray:');
  if (shuffled) L.push(`        cv = KFold(n_splits=${r.int(3, 10)}, shuffle=True, random_state=42)`);
  else L.push(`        cv = TimeSeriesSplit(n_splits=${r.int(3, 10)}, gap=self.horizon)`);
  L.push('        return cross_val_score(self.model, df[self.features_], df["target"], cv=cv, scoring="accuracy")');
  L.push('');
  L.push('    def walk_forward(self, df: pd.DataFrame, train_size=' + r.int(250, 1000) + ', step=' + r.int(20, 63) + ') -> pd.Series:');
  L.push('        predictions = []');
  L.push('        for start in range(train_size, len(df) - step, step):');
  L.push('            train = df.iloc[start - train_size:start]');
  L.push('            test = df.iloc[start:start + step]');
  L.push('            self.model.fit(train[self.features_], train["target"])');
  L.push('            predictions.append(pd.Series(self.model.predict(test[self.features_]), index=test.index))');
  L.push('        return pd.concat(predictions)');
  L.push('');
  L.push('    def evaluate(self, df: pd.DataFrame) -> dict:');
  L.push(`        X_train, X_test, y_train, y_test = train_test_split(df[self.features_], df["target"], test_size=self.test_size, shuffle=${shuffled ? 'True' : 'False'})`);
  L.push('        self.model.fit(X_train, y_train)');
  L.push('        predicted = self.model.predict(X_test)');
  L.push('        signal = pd.Series(np.where(predicted > 0, 1, -1), index=X_test.index)');
  L.push(`        strategy_returns = signal * df.loc[X_test.index, "ret"].shift(-1) - ${r.pick(['0.0', '0.0005', '0.001'])} * signal.diff().abs()`);
  L.push('        sharpe = np.sqrt(252) * strategy_returns.mean() / strategy_returns.std()');
  L.push('        return {"accuracy": accuracy_score(y_test, predicted), "sharpe": sharpe}');
  L.push('');
  L.push('');
  const fn = `grid_search_${name.replace(/[A-Z]/g, (c, i) => (i ? '_' : '') + c.toLowerCase())}`;
  L.push(`def ${fn}(prices: pd.DataFrame) -> pd.DataFrame:`);
  L.push('    rows = []');
  L.push(`    for lags in range(2, ${r.int(8, 20)}):`);
  L.push(`        for horizon in (1, 2, 3, 5):`);
  L.push(`            research = ${name}(lags=lags, horizon=horizon)`);
  L.push('            df = research.build_features(prices)');
  L.push('            scores = research.cross_validate(df)');
  L.push('            rows.append({"lags": lags, "horizon": horizon, "cv_mean": scores.mean(), "cv_std": scores.std()})');
  L.push('    return pd.DataFrame(rows).sort_values("cv_mean", ascending=False)');
  L.push('');
  return { lines: L, className: name };
}

const HEADER = `"""Strategy library: freqtrade strategies, backtrader systems and scikit-learn research.

Generated for the Strategy Lint benchmark (seeded, deterministic).
"""
from datetime import datetime, timedelta
from functools import reduce

import backtrader as bt
import numpy as np
import pandas as pd
import talib.abstract as ta
from pandas import DataFrame
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge
from sklearn.metrics import accuracy_score
from sklearn.model_selection import KFold, TimeSeriesSplit, cross_val_score, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

import freqtrade.vendor.qtpylib.indicators as qtpylib
from freqtrade.persistence import Trade
from freqtrade.strategy import (
    BooleanParameter,
    CategoricalParameter,
    DecimalParameter,
    IntParameter,
    IStrategy,
    stoploss_from_open,
)

`;

/**
 * The largest strategy the goals name: real ones reach 78,000 lines and 3.5 MB (one module of
 * many classes), the size the CLI's and the editor's default byte limits are set for. The same
 * generator at this length gives 78,033 lines and 3.57 MB.
 */
export const HUGE_STRATEGY_LINES = 78_000;

/** A module of about `targetLines` lines mixing the three kinds of blocks (freqtrade first). */
export function generateLargeStrategy(seed = 1, targetLines = 5000): string {
  const r = new Rng(seed);
  const used = new Set<string>();
  const lines = HEADER.split('\n');
  let k = 0;
  while (lines.length < targetLines) {
    const kind = k++ % 4;
    const block =
      kind === 0 || kind === 2
        ? freqtradeClass(r, className(r, used))
        : kind === 1
          ? backtraderClass(r, className(r, used, 'System'))
          : sklearnBlock(r, className(r, used, 'Research'));
    lines.push('', ...block.lines);
  }
  return lines.join('\n').replace(/\n+$/, '') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Workspace

const PAIRS = ['BTC/USDT', 'ETH/USDT', 'SOL/USDT', 'BNB/USDT', 'XRP/USDT', 'ADA/USDT', 'DOGE/USDT', 'AVAX/USDT', 'LINK/USDT', 'DOT/USDT'];

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function fmtDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** A freqtrade backtest-result JSON for one strategy (trades, daily_profit, comparison). */
function freqtradeResult(r: Rng, name: string, timeframe: string): string {
  const start = Date.UTC(2022, r.int(0, 11), r.int(1, 28));
  const days = r.int(120, 540);
  const end = start + days * 86400000;
  const nTrades = r.int(40, 260);
  const trades: unknown[] = [];
  const edge = r.normal(0.001, 0.003);
  let wins = 0;
  for (let i = 0; i < nTrades; i++) {
    const open = start + Math.floor(((end - start) * i) / nTrades) + r.int(0, 3600) * 1000;
    const close = open + r.int(5, 2880) * 60000;
    const pr = r.normal(edge, 0.025);
    if (pr > 0) wins++;
    const rate = 10 + r.float() * 1000;
    trades.push({
      pair: r.pick(PAIRS),
      stake_amount: 100,
      amount: +(100 / rate).toFixed(8),
      open_date: fmtDate(open) + '+00:00',
      close_date: fmtDate(close) + '+00:00',
      open_rate: +rate.toFixed(6),
      close_rate: +(rate * (1 + pr)).toFixed(6),
      fee_open: 0.001,
      fee_close: 0.001,
      trade_duration: Math.round((close - open) / 60000),
      profit_ratio: +pr.toFixed(8),
      profit_abs: +(100 * pr).toFixed(8),
      exit_reason: r.pick(['roi', 'exit_signal', 'stop_loss', 'trailing_stop_loss']),
      open_timestamp: open,
      close_timestamp: close,
      is_short: false,
      leverage: 1.0,
      enter_tag: r.chance(0.5) ? 'signal' : null,
    });
  }
  const daily: [string, number][] = [];
  for (let d = 0; d < days; d++) daily.push([isoDay(start + d * 86400000), +r.normal(edge * 100, 2).toFixed(6)]);
  const total = daily.reduce((s, [, p]) => s + p, 0);
  const body = {
    strategy: {
      [name]: {
        trades,
        locks: [],
        total_trades: nTrades,
        profit_total: +(total / 1000).toFixed(6),
        profit_total_abs: +total.toFixed(6),
        profit_factor: +(1 + r.normal(0.2, 0.3)).toFixed(4),
        backtest_start: fmtDate(start),
        backtest_start_ts: start,
        backtest_end: fmtDate(end),
        backtest_end_ts: end,
        backtest_days: days,
        stake_currency: 'USDT',
        starting_balance: 1000,
        dry_run_wallet: 1000,
        final_balance: +(1000 + total).toFixed(4),
        max_open_trades: 3,
        timeframe,
        timerange: `${isoDay(start).replace(/-/g, '')}-${isoDay(end).replace(/-/g, '')}`,
        strategy_name: name,
        daily_profit: daily,
        wins,
        losses: nTrades - wins,
        draws: 0,
        winrate: +(wins / nTrades).toFixed(4),
        max_drawdown_account: +Math.abs(r.normal(0.1, 0.05)).toFixed(6),
        max_relative_drawdown: +Math.abs(r.normal(0.1, 0.05)).toFixed(6),
        sharpe: +r.normal(1, 1).toFixed(4),
      },
    },
    strategy_comparison: [{ key: name, trades: nTrades, profit_total: +(total / 1000).toFixed(6), wins, draws: 0, losses: nTrades - wins }],
  };
  return JSON.stringify(body, null, 2);
}

/** A hyperopt .fthypt (one JSON epoch per line). */
function hyperoptResult(r: Rng, name: string, params: string[]): string {
  const epochs = r.int(30, 120);
  const lines: string[] = [];
  for (let e = 1; e <= epochs; e++) {
    const params_dict: Record<string, number> = {};
    for (const p of params) params_dict[p] = r.int(5, 90);
    const trades = r.int(20, 200);
    lines.push(
      JSON.stringify({
        loss: +r.normal(0, 1).toFixed(6),
        params_dict,
        params_details: { buy: params_dict },
        results_metrics: { strategy_name: name, total_trades: trades, profit_total: +r.normal(0.05, 0.1).toFixed(6), winrate: +r.float().toFixed(3) },
        results_explanation: `${trades} trades.`,
        total_profit: +r.normal(0.05, 0.1).toFixed(6),
        current_epoch: e,
        is_initial_point: e <= 5,
        is_random: false,
        is_best: false,
      }),
    );
  }
  return lines.join('\n') + '\n';
}

/** A strategy-lint/v1 sidecar for a research script. */
function ownResult(r: Rng, name: string): string {
  const n = r.int(250, 1260);
  const edge = r.normal(0.0004, 0.0008);
  const returns = Array.from({ length: n }, () => +r.normal(edge, 0.012).toFixed(6));
  const trials = r.int(4, 400);
  const sharpes = Array.from({ length: Math.min(trials, 64) }, () => +r.normal(0.5, 0.6).toFixed(4));
  const startYear = r.int(2012, 2019);
  return JSON.stringify(
    {
      format: 'strategy-lint/v1',
      strategy: name,
      period: { start: `${startYear}-01-02`, end: `${startYear + Math.ceil(n / 252)}-12-29` },
      returns,
      periodsPerYear: 252,
      trials: { count: trials, sharpes, sharpeSource: 'grid search, daily Sharpe of each run' },
      parameters: { fast: r.int(5, 20), slow: r.int(30, 120) },
      metrics: { sharpe: +r.normal(1.2, 0.6).toFixed(3), maxDrawdown: +Math.abs(r.normal(0.15, 0.05)).toFixed(3) },
    },
    null,
    2,
  );
}

/** A daily-returns CSV sidecar. */
function csvResult(r: Rng): string {
  const n = r.int(250, 1000);
  const rows = ['date,return'];
  let t = Date.UTC(r.int(2015, 2020), 0, 2);
  for (let i = 0; i < n; i++) {
    const day = new Date(t).getUTCDay();
    if (day !== 0 && day !== 6) rows.push(`${isoDay(t)},${r.normal(0.0003, 0.011).toFixed(6)}`);
    else i--;
    t += 86400000;
  }
  return rows.join('\n') + '\n';
}

const STRATEGY_HEADER_FT = `from datetime import datetime, timedelta
from functools import reduce

import talib.abstract as ta
from pandas import DataFrame

import freqtrade.vendor.qtpylib.indicators as qtpylib
from freqtrade.persistence import Trade
from freqtrade.strategy import (
    BooleanParameter,
    CategoricalParameter,
    DecimalParameter,
    IntParameter,
    IStrategy,
    stoploss_from_open,
)

`;

const STRATEGY_HEADER_BT = `from datetime import datetime

import backtrader as bt

`;

const STRATEGY_HEADER_SK = `import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge
from sklearn.metrics import accuracy_score
from sklearn.model_selection import KFold, TimeSeriesSplit, cross_val_score, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

`;

export interface WorkspaceStats {
  strategies: number;
  resultFiles: number;
  bytes: number;
  pythonLines: number;
}

export interface WorkspaceLayout {
  /** freqtrade bots (each a user_data with strategies and results). */
  bots: number;
  strategiesPerBot: number;
  /** research folders with sidecar results. */
  researchFolders: number;
  scriptsPerFolder: number;
}

export const DEFAULT_LAYOUT: WorkspaceLayout = { bots: 4, strategiesPerBot: 150, researchFolders: 8, scriptsPerFolder: 50 };

/** Writes the workspace under `dir` (which must be empty or absent). */
export function generateWorkspace(dir: string, seed = 7, layout: WorkspaceLayout = DEFAULT_LAYOUT): WorkspaceStats {
  const r = new Rng(seed);
  const used = new Set<string>();
  const stats: WorkspaceStats = { strategies: 0, resultFiles: 0, bytes: 0, pythonLines: 0 };
  const write = (file: string, text: string, mtimeMs?: number) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    if (mtimeMs !== undefined) fs.utimesSync(file, mtimeMs / 1000, mtimeMs / 1000);
    stats.bytes += Buffer.byteLength(text);
  };
  const base = Date.UTC(2024, 0, 1);
  for (let b = 0; b < layout.bots; b++) {
    const userData = path.join(dir, 'bots', `bot-${b + 1}`, 'user_data');
    let newest = '';
    for (let s = 0; s < layout.strategiesPerBot; s++) {
      const name = className(r, used);
      const block = freqtradeClass(r, name);
      const text = `# ${name}: generated for the Strategy Lint benchmark.\n${STRATEGY_HEADER_FT}\n${block.lines.join('\n').replace(/\n+$/, '')}\n`;
      write(path.join(userData, 'strategies', `${name}.py`), text);
      stats.strategies++;
      stats.pythonLines += text.split('\n').length - 1;
      // Each strategy backtested once: a result + its .meta.json, at increasing times.
      const when = base + (b * layout.strategiesPerBot + s) * 3600_000;
      const stem = `backtest-result-${new Date(when).toISOString().slice(0, 19).replace('T', '_').replace(/:/g, '-')}`;
      const timeframe = /timeframe = "([^"]+)"/.exec(text)?.[1] ?? '5m';
      write(path.join(userData, 'backtest_results', `${stem}.json`), freqtradeResult(r, name, timeframe), when);
      write(path.join(userData, 'backtest_results', `${stem}.meta.json`), JSON.stringify({ [name]: { run_id: (when * 7919).toString(16), backtest_start_time: Math.floor(when / 1000) } }, null, 4), when);
      stats.resultFiles += 2;
      newest = `${stem}.json`;
      if (s % 3 === 0) {
        const params = [...text.matchAll(/^\s+(buy_\w+|sell_\w+) = IntParameter/gm)].map((m) => m[1]);
        write(path.join(userData, 'hyperopt_results', `strategy_${name}_${new Date(when - 86400000).toISOString().slice(0, 19).replace('T', '_').replace(/:/g, '-')}.fthypt`), hyperoptResult(r, name, params), when - 86400000);
        stats.resultFiles++;
      }
    }
    write(path.join(userData, 'backtest_results', '.last_result.json'), JSON.stringify({ latest_backtest: newest }));
    write(path.join(userData, 'config.json'), JSON.stringify({ max_open_trades: 3, stake_currency: 'USDT', stake_amount: 100, dry_run: true, timeframe: '5m', exchange: { name: 'binance', pair_whitelist: PAIRS } }, null, 2));
  }
  for (let f = 0; f < layout.researchFolders; f++) {
    const folder = path.join(dir, 'research', `${r.pick(['momentum', 'carry', 'ml', 'meanrev', 'vol', 'pairs', 'macro', 'crypto'])}-${f + 1}`);
    for (let s = 0; s < layout.scriptsPerFolder; s++) {
      const sk = s % 2 === 1;
      const name = className(r, used, sk ? 'Research' : 'System');
      const block = sk ? sklearnBlock(r, name) : backtraderClass(r, name);
      const stem = name.replace(/[A-Z]/g, (c, i) => (i ? '_' : '') + c.toLowerCase());
      const runner = sk
        ? `\n\nif __name__ == "__main__":\n    prices = pd.read_csv("data/prices.csv", index_col=0, parse_dates=True)\n    print(grid_search_${stem}(prices).head(10))\n`
        : `\n\nif __name__ == "__main__":\n    print(run_${stem}())\n`;
      const text = `"""${name}: research script (generated for the Strategy Lint benchmark)."""\n${sk ? STRATEGY_HEADER_SK : STRATEGY_HEADER_BT}\n${block.lines.join('\n').replace(/\n+$/, '')}\n${runner}`;
      write(path.join(folder, `${stem}.py`), text);
      stats.strategies++;
      stats.pythonLines += text.split('\n').length - 1;
      if (s % 5 !== 4) {
        write(path.join(folder, `${stem}.backtest.${s % 5 === 3 ? 'csv' : 'json'}`), s % 5 === 3 ? csvResult(r) : ownResult(r, name));
        stats.resultFiles++;
      }
    }
  }
  return stats;
}
