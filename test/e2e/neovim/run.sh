#!/usr/bin/env bash
# Runs the Neovim LSP e2e test against dist/server.js. Exits 0 on PASS.
# Env: E2E_WORK (scratch dir; default <repo>/.e2e/run/neovim).
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
WORK=${E2E_WORK:-$REPO/.e2e/run/neovim}
command -v nvim >/dev/null || { echo "FAIL: nvim not found (apt-get install neovim)"; exit 1; }
[ -f "$REPO/dist/server.js" ] || { echo "FAIL: dist/server.js missing (run npm run build)"; exit 1; }
rm -rf "$WORK"; mkdir -p "$WORK/xdg/config" "$WORK/xdg/data" "$WORK/xdg/state" "$WORK/xdg/cache"
bash "$REPO/test/e2e/lib/make-workspace.sh" "$WORK/ws"
export XDG_CONFIG_HOME="$WORK/xdg/config" XDG_DATA_HOME="$WORK/xdg/data" XDG_STATE_HOME="$WORK/xdg/state" XDG_CACHE_HOME="$WORK/xdg/cache"
export LSP_SERVER="$REPO/dist/server.js" NODE="${NODE:-$(command -v node)}"
# nvim writes the lsp log under XDG_STATE/XDG_CACHE (isolated above). -n: no swap; -i NONE: no shada.
exec timeout 90 nvim --headless --clean -n -i NONE -c "luafile $REPO/test/e2e/neovim/lsp_e2e.lua" \
  "$WORK/ws/user_data/strategies/BandRiderStrategy.py" </dev/null
