#!/usr/bin/env bash
# Build the PyInstaller bundle (dist/maya-desktop/, one folder) and smoke-test it from a clean environment
# (no venv on PATH, no PYTHONPATH, empty HOME, no display). Prints build time, size and start time.
# MAYA_ONEFILE=1 also builds the one-file executable (dist/maya-desktop-onefile).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m pip install --quiet -e ".[dev,bundle]"
start=$(date +%s)
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN build.spec
build_seconds=$(( $(date +%s) - start ))

BIN="$PWD/dist/maya-desktop/maya-desktop"
FACE="$PWD/tests/photos/obama.jpg"  # the repository's own photo (public domain; tests/photos/README.md)
SMOKE=$(mktemp -d)
trap 'rm -rf "$SMOKE"' EXIT
# A clean environment: only the system PATH, a throw-away HOME, no display (self-check picks offscreen).
clean() { (cd "$SMOKE" && env -i HOME="$SMOKE" PATH=/usr/bin:/bin LANG=C.UTF-8 "$BIN" "$@"); }
PW='Smoke-Test-Pass-42!'

t0=$EPOCHREALTIME
clean --version
start_seconds=$(awk "BEGIN { printf \"%.2f\", $EPOCHREALTIME - $t0 }")
clean analyze "$FACE" --json > "$SMOKE/analysis.json" 2> "$SMOKE/analysis.err" || { cat "$SMOKE/analysis.err"; exit 1; }
grep -q '"view": "frontal"' "$SMOKE/analysis.json"
[[ ! -s "$SMOKE/analysis.err" ]] || { echo "analyze wrote to stderr:"; cat "$SMOKE/analysis.err"; exit 1; }
clean demo --data-dir T --password "$PW" --clients 5
clean self-check --data-dir T --password "$PW" > "$SMOKE/self-check.json" 2> "$SMOKE/self-check.err" \
  || { cat "$SMOKE/self-check.json" "$SMOKE/self-check.err"; exit 1; }
grep -q '"ok": true' "$SMOKE/self-check.json"
clean backup --data-dir T --password "$PW" --out "$SMOKE/b.mayabak" > "$SMOKE/backup.txt"
clean restore --in "$SMOKE/b.mayabak" --data-dir R --username admin --password "$PW" > /dev/null
# The same bundle on a real X server (Qt's xcb plugin and the libraries it loads), where Xvfb is installed.
if command -v Xvfb >/dev/null 2>&1; then
  exec {xfd}<> <(:)
  Xvfb -displayfd "$xfd" -screen 0 1280x800x24 -nolisten tcp 2>/dev/null &
  XVFB_PID=$!
  trap 'kill "$XVFB_PID" 2>/dev/null; rm -rf "$SMOKE"' EXIT
  read -r -t 30 -u "$xfd" XNUM
  (cd "$SMOKE" && env -i HOME="$SMOKE" PATH=/usr/bin:/bin LANG=C.UTF-8 DISPLAY=":$XNUM" QT_QPA_PLATFORM=xcb \
    "$BIN" self-check --data-dir T --password "$PW") > "$SMOKE/self-check-xcb.json" 2> "$SMOKE/self-check-xcb.err" \
    || { cat "$SMOKE/self-check-xcb.json" "$SMOKE/self-check-xcb.err"; exit 1; }
  grep -q '"platform": "xcb"' "$SMOKE/self-check-xcb.json"
  kill "$XVFB_PID"
  echo "bundle on X11 (xcb, Xvfb :$XNUM): self-check OK"
else
  echo "bundle on X11: skipped (Xvfb is not installed)"
fi

size=$(du -sm dist/maya-desktop | cut -f1)
echo "bundle OK: build ${build_seconds} s, size ${size} MB, '--version' start ${start_seconds} s"
if [[ "${MAYA_ONEFILE:-0}" == "1" ]]; then
  MAYA_ONEFILE=1 .venv/bin/pyinstaller --noconfirm --log-level WARN --distpath dist/onefile build.spec
  mv dist/onefile/maya-desktop dist/maya-desktop-onefile && rmdir dist/onefile
  echo "one-file: $(du -sm dist/maya-desktop-onefile | cut -f1) MB"
fi
