# kind: lookalike
# framework: freqtrade
# why: a programmatic backtest overrides the fee, but with the venue's taker fee held in a constant (0.1 %), not zero
from freqtrade.configuration import Configuration
from freqtrade.enums import RunMode
from freqtrade.optimize.backtesting import Backtesting

BINANCE_TAKER_FEE = 0.001
TIMERANGES = ["20210101-20211231", "20220101-20221231", "20230101-20231231"]


def run(timerange: str) -> None:
    config = Configuration.from_files(["user_data/config.json"])
    config["runmode"] = RunMode.BACKTEST
    config["strategy"] = "TrendRider"
    config["timerange"] = timerange
    config["fee"] = BINANCE_TAKER_FEE
    config["export"] = "trades"
    Backtesting(config).start()


if __name__ == "__main__":
    for window in TIMERANGES:
        run(window)
