#!/usr/bin/env bash
# `npm run screenshots`: refreshes the screenshots the READMEs show. The tests write theirs to the
# ignored test/artifacts/tmp/ so `npm test` changes no tracked file; this script runs the same
# browser checks and copies the results where the READMEs point:
#   media/vscode-hover.png, media/vscode-problems.png   (README.md, EXTENSION-README.md, in the .vsix)
#   test/artifacts/report-*.png                         (README.md, docs/report.md)
# Needs what `npm run test:editors` needs (chromium, and .e2e/ set up on first use).
set -euo pipefail
cd "$(dirname "$0")/.."
SHOTS=$(mktemp -d)
trap 'rm -rf "$SHOTS"' EXIT
npm run -s build
STRATEGY_LINT_SCREENSHOTS="$SHOTS" STRATEGY_LINT_E2E_ONLY=browser bash test/e2e/run-editors.sh
cp "$SHOTS/vscode-hover.png" "$SHOTS/vscode-problems.png" media/
STRATEGY_LINT_SCREENSHOTS="$PWD/test/artifacts" node test/e2e/report/run.js
STRATEGY_LINT_SCREENSHOTS="$PWD/test/artifacts" node test/e2e/report/vscode.js
git status --short media test/artifacts
