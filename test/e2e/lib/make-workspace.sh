#!/usr/bin/env bash
# Builds the sample workspace the editor tests open: a freqtrade layout holding the example
# strategy from examples/ with its configuration, backtest and hyperopt results (one copy of them
# in the repository, not two).
# The result JSON is freqtrade's one-line export. Usage: make-workspace.sh DIR
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
mkdir -p "$1/user_data/strategies"
cp "$REPO/examples/freqtrade/user_data/strategies/BandRiderStrategy.py" "$1/user_data/strategies/"
cp "$REPO/examples/freqtrade/user_data/config.json" "$1/user_data/"
cp -r "$REPO/examples/freqtrade/user_data/backtest_results" "$1/user_data/"
mkdir -p "$1/user_data/hyperopt_results"
cp "$REPO/examples/freqtrade/user_data/hyperopt_results/"strategy_BandRiderStrategy_* "$1/user_data/hyperopt_results/"
