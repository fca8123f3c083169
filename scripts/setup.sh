#!/usr/bin/env bash
# Create .venv and install Maya Desktop with its test tools, only when needed: when .venv is missing or
# the project's dependencies changed since the last install (a stamp in .venv holds a hash of
# pyproject.toml and the Python version). An installed clinic PC therefore starts with the network cut.
# MAYA_FORCE_INSTALL=1 installs again regardless.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
STAMP=.venv/.maya-install-stamp

wanted_stamp() {  # Python computes the hash: no sha256sum/shasum difference between systems
  .venv/bin/python -c 'import hashlib, sys; h = hashlib.sha256(open("pyproject.toml", "rb").read()).hexdigest()
print(f"{h} python-{sys.version.split()[0]} extras-dev")'
}

if [[ ! -x .venv/bin/python ]]; then
  "$PY" -m venv .venv
fi
if [[ "${MAYA_FORCE_INSTALL:-0}" != "1" && -f "$STAMP" && "$(cat "$STAMP")" == "$(wanted_stamp)" ]]; then
  exit 0  # installed, dependencies unchanged: no network needed
fi
rm -f "$STAMP"
.venv/bin/python -m pip install --quiet --upgrade pip
# sqlcipher3-binary (used before issue 11) installs the same `sqlcipher3` package folder as its successor
# sqlcipher3: remove it first, or an environment made earlier would hold both.
.venv/bin/python -m pip uninstall --quiet --yes sqlcipher3-binary 2>/dev/null || true
.venv/bin/python -m pip install --quiet -e ".[dev]"
wanted_stamp > "$STAMP"
# The Qt libraries a real (X11) display needs: reported, with the exact install command, on Linux only.
.venv/bin/python -m maya_desktop.system_check || true
