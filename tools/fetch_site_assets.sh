#!/usr/bin/env bash
# The browser-side assets of the course website, at exact versions, into build/node/ (git-ignored):
#   mathjax   - rendered maths, copied into the site by coursetools/site.py (never a CDN)
#   axe-core  - the accessibility scan of tests/test_site.py
# Usage: bash tools/fetch_site_assets.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p build/node
npm install --no-save --no-audit --no-fund --prefix build/node mathjax@3.2.2 axe-core@4.14.1
test -f build/node/node_modules/mathjax/es5/tex-mml-chtml.js
test -f build/node/node_modules/axe-core/axe.min.js
echo "site assets in build/node/node_modules: mathjax 3.2.2, axe-core 4.14.1"
