#!/usr/bin/env bash
# Set up (first time) and run the whole test suite headless. Extra arguments go to pytest (then only that run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
if [[ $# -gt 0 ]]; then
  exec .venv/bin/python -m pytest "$@"
fi
# The workstation tests end with a scan of everything their Python process holds (no client value, no image
# bytes after a lock). A real workstation process runs nothing else, so they run in a pytest process of their
# own: in the shared one, what earlier tests' embedded clinics leave in memory would be counted too.
# The screenshot walk opens and closes some 200 windows and dialogs: a process of its own, so a failure there
# names the walk alone. (It used to die at random inside Qt's event loop: Python's cycle collector freed
# widgets on worker threads. gui/gc_on_gui_thread collects on the GUI thread only; nothing is retried.)
OWN_PROCESS=(tests/network/test_workstation_gui.py tests/network/test_workstation_viewer.py tests/screens)
.venv/bin/python -m pytest tests/network/test_workstation_gui.py tests/network/test_workstation_viewer.py
.venv/bin/python -m pytest tests/screens
ignored=()
for path in "${OWN_PROCESS[@]}"; do ignored+=(--ignore "$path"); done
exec .venv/bin/python -m pytest "${ignored[@]}"
