#!/usr/bin/env bash
# Packages the extension: scripts/package-vsix.sh [OUT.vsix] (default strategy-lint.vsix).
# The details page is EXTENSION-README.md (written for users, not this repository's developer
# README); its images are files in the package (media/*.png), linked by relative path. No
# repository is published yet, so none is named and links are not rewritten to a web address.
set -euo pipefail
cd "$(dirname "$0")/.."
exec npx --no-install vsce package --no-dependencies --allow-missing-repository --no-rewrite-relative-links \
  --readme-path EXTENSION-README.md --out "${1:-strategy-lint.vsix}"
