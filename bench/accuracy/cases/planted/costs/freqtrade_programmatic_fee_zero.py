# kind: planted
# framework: freqtrade
# why: a script runs freqtrade backtests programmatically and overrides the exchange fee with 0.0 for every strategy it compares
from pathlib import Path

from freqtrade.configuration import Configuration
from freqtrade.enums import RunMode
from freqtrade.optimize.backtesting import Backtesting

STRATEGIES = ["EmaCrossV2", "BollingerBounce", "RsiDivergence"]


def build_config(strategy: str) -> dict:
    config = Configuration.from_files(["user_data/config.json"])
    config["runmode"] = RunMode.BACKTEST
    config["strategy"] = strategy
    config["timeframe"] = "15m"
    config["timerange"] = "20220101-20231231"
    config["export"] = "trades"
    config["exportfilename"] = Path("user_data/backtest_results") / f"{strategy}.json"
    config["fee"] = 0.0  # expect: SL501
    config["dry_run_wallet"] = 1000
    config["stake_amount"] = "unlimited"
    config["max_open_trades"] = 5
    return config


def main() -> None:
    for strategy in STRATEGIES:
        backtesting = Backtesting(build_config(strategy))
        backtesting.start()


if __name__ == "__main__":
    main()
