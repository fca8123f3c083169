#!/usr/bin/env bash
# Set up (first time) and start Maya Desktop. Extra arguments go to the app, e.g. --data-dir DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/maya-desktop "$@"
