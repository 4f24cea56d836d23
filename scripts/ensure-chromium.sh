#!/bin/sh
# Installs Debian's chromium for the browser tests when it is missing (idempotent; no browser
# download by Playwright). Needs root or sudo; CI calls it from .ci/run.
set -eu
if [ -x /usr/bin/chromium ]; then
  echo "ensure-chromium: $(/usr/bin/chromium --version 2>/dev/null || echo chromium) already installed"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else echo "ensure-chromium: need root to apt-get install chromium" >&2; exit 1; fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q chromium
/usr/bin/chromium --version
