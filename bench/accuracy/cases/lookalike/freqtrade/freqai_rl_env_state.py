# kind: lookalike
# framework: freqtrade
# why: the custom reinforcement-learning environment builds its state from rows up to self._current_tick and rewards the action with the price of the tick the environment has just advanced to, after the action was chosen; that is how an RL step works, not a peek
import numpy as np
import talib.abstract as ta
from pandas import DataFrame

from freqtrade.freqai.prediction_models.ReinforcementLearner import ReinforcementLearner
from freqtrade.freqai.RL.Base5ActionRLEnv import Actions, Base5ActionRLEnv, Positions
from freqtrade.strategy import IStrategy


class CautiousRewardModel(ReinforcementLearner):
    class MyRLEnv(Base5ActionRLEnv):
        def _window_state(self) -> np.ndarray:
            start = self._current_tick - self.window_size
            window = self.signal_features.iloc[start:self._current_tick]
            position = np.full((len(window), 1), float(self._position.value))
            return np.hstack([window.to_numpy(), position])

        def calculate_reward(self, action: int) -> float:
            if not self._is_valid(action):
                return -2.0
            pnl = self.get_unrealized_profit()
            factor = 100.0
            if action == Actions.Neutral.value and self._position == Positions.Neutral:
                return -0.5
            if self._position == Positions.Long and action == Actions.Long_exit.value:
                return float(pnl * factor)
            if self._position == Positions.Short and action == Actions.Short_exit.value:
                return float(pnl * factor)
            return float(pnl * factor * 0.1)


class RlTraderStrategy(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "5m"
    minimal_roi = {"0": 0.1}
    stoploss = -0.05
    can_short = True
    startup_candle_count = 60

    def feature_engineering_expand_all(self, dataframe: DataFrame, period: int, metadata: dict, **kwargs) -> DataFrame:
        dataframe["%-rsi-period"] = ta.RSI(dataframe, timeperiod=period)
        dataframe["%-roc-period"] = ta.ROC(dataframe, timeperiod=period)
        return dataframe

    def feature_engineering_standard(self, dataframe: DataFrame, metadata: dict, **kwargs) -> DataFrame:
        dataframe["%-raw_close"] = dataframe["close"]
        dataframe["%-raw_open"] = dataframe["open"]
        return dataframe

    def set_freqai_targets(self, dataframe: DataFrame, metadata: dict, **kwargs) -> DataFrame:
        dataframe["&-action"] = 0
        return dataframe

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        return self.freqai.start(dataframe, metadata, self)

    def populate_entry_trend(self, df: DataFrame, metadata: dict) -> DataFrame:
        df.loc[(df["do_predict"] == 1) & (df["&-action"] == 1), "enter_long"] = 1
        df.loc[(df["do_predict"] == 1) & (df["&-action"] == 3), "enter_short"] = 1
        return df

    def populate_exit_trend(self, df: DataFrame, metadata: dict) -> DataFrame:
        df.loc[(df["do_predict"] == 1) & (df["&-action"] == 2), "exit_long"] = 1
        df.loc[(df["do_predict"] == 1) & (df["&-action"] == 4), "exit_short"] = 1
        return df
