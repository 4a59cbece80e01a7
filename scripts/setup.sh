#!/usr/bin/env bash
# Sets up a fresh Debian machine for the desk and its tests: Debian's Chromium and CJK fonts (the tests
# never download a browser), PostgreSQL and nginx for the roster suite, poppler for reading PDFs back, then npm ci.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null || need+=(chromium)
fc-list 2>/dev/null | grep -qi "noto sans cjk" || need+=(fonts-noto-cjk)
command -v pdftotext >/dev/null || need+=(poppler-utils)
# nginx: the roster test of several service processes behind a reverse proxy.
[ -x /usr/sbin/nginx ] || need+=(nginx)
[ -x /usr/lib/postgresql/15/bin/postgres ] || ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
fi

scripts/postgres.sh
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 ELECTRON_SKIP_BINARY_DOWNLOAD=1
npm ci --no-audit --no-fund
# The security checker, locked on its own (it needs TypeScript 4; the desk uses 7).
npm ci --no-audit --no-fund --prefix build/electronegativity
