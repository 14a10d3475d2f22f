#!/usr/bin/env bash
# Builds the sample workspace the editor tests open: a freqtrade layout holding the example
# strategy from examples/ (one copy of it in the repository, not two). Usage: make-workspace.sh DIR
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
mkdir -p "$1/user_data/strategies"
cp "$REPO/examples/freqtrade/user_data/strategies/BandRiderStrategy.py" "$1/user_data/strategies/"
