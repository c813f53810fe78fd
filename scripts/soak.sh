#!/usr/bin/env bash
# Soak the daemon for MINUTES (default 30); see scripts/soak.py. Not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .build/release/feedwatch ] || swift build -c release --product feedwatch
exec python3 scripts/soak.py "$@"
