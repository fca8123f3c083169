#!/usr/bin/env bash
# Build the PyInstaller bundle (dist/maya-desktop/, one folder) and smoke-test it from a clean environment
# (no venv on PATH, no PYTHONPATH, empty HOME, no display). Prints build time, size and start time.
# The bundle is built from .venv-bundle (scripts/build_env.sh: the app's packages without the ones it never
# loads, same releases as .venv); the smoke test checks that it analyses a photo exactly as the source tree.
# MAYA_ONEFILE=1 also builds the one-file executable (dist/maya-desktop-onefile).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build_env.sh
start=$(date +%s)
# PyInstaller's warnings are kept in build/pyinstaller-warnings.txt (and printed) for the closing note.
mkdir -p build
.venv-bundle/bin/pyinstaller --noconfirm --clean --log-level WARN build.spec 2>&1 | tee build/pyinstaller.log
build_seconds=$(( $(date +%s) - start ))
grep -E '^[0-9]+ (WARNING|ERROR)' build/pyinstaller.log > build/pyinstaller-warnings.txt || true
echo "PyInstaller: $(wc -l < build/pyinstaller-warnings.txt) warning lines (build/pyinstaller-warnings.txt);" \
  "modules it could not find: build/build/warn-build.txt"

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
# One native line may appear, from LiteRT inside libmediapipe (absl logging, which the engine's
# GLOG_minloglevel does not reach), depending on where the photo's buffer landed in memory: reported, not fatal.
LITERT_ALIGNMENT='^W[0-9]{4} .*inference_runner_litert\.cc:[0-9]+\] Input tensor memory is not aligned'
if grep -Eq "$LITERT_ALIGNMENT" "$SMOKE/analysis.err"; then
  echo "analyze: LiteRT's native alignment warning was printed (known; from libmediapipe, not the app)"
fi
if grep -Ev "$LITERT_ALIGNMENT" "$SMOKE/analysis.err" | grep -q .; then
  echo "analyze wrote to stderr:"; cat "$SMOKE/analysis.err"; exit 1
fi
# The bundle (headless OpenCV, stripped libraries, its own copies of everything) analyses every photo in
# tests/photos exactly as the source tree does: same JSON (frontal, both profiles, refusals), same refusal
# lines, same exit code (2: some photos are refused).
PHOTOS=("$PWD"/tests/photos/*.jpg "$PWD"/tests/photos/*.png)
analyze_all() {  # $1: label; the rest: the command
  local label=$1 rc=0
  shift
  "$@" analyze "${PHOTOS[@]}" --json > "$SMOKE/all-$label.json" 2> "$SMOKE/all-$label.err" || rc=$?
  echo "exit $rc" >> "$SMOKE/all-$label.json"
  grep '^refused: ' "$SMOKE/all-$label.err" >> "$SMOKE/all-$label.json" || true
}
analyze_all source .venv/bin/python -m maya_desktop
analyze_all bundle clean
cmp -s "$SMOKE/all-source.json" "$SMOKE/all-bundle.json" \
  || { echo "analyze: the bundle differs from the source tree:"; diff "$SMOKE/all-source.json" "$SMOKE/all-bundle.json" | head -40; exit 1; }
echo "analyze: the bundle's JSON equals the source tree's on ${#PHOTOS[@]} photos ($(wc -c < "$SMOKE/all-bundle.json") bytes)"
clean demo --data-dir T --password "$PW" --clients 5
clean self-check --data-dir T --password "$PW" > "$SMOKE/self-check.json" 2> "$SMOKE/self-check.err" \
  || { cat "$SMOKE/self-check.json" "$SMOKE/self-check.err"; exit 1; }
grep -q '"ok": true' "$SMOKE/self-check.json"
clean backup --data-dir T --password "$PW" --out "$SMOKE/b.mayabak" > "$SMOKE/backup.txt"
clean restore --in "$SMOKE/b.mayabak" --data-dir R --username admin --password "$PW" > /dev/null
# The clinic network from the bundle (uvicorn, starlette, maya_hq.server's deadlines, the TLS client): the vault
# host serves the demo folder, a manager makes a pairing code at its console, a workstation pairs over TLS.
PORT=$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(cd "$SMOKE" && exec env -i HOME="$SMOKE" PATH=/usr/bin:/bin LANG=C.UTF-8 "$BIN" serve --data-dir T \
  --listen "127.0.0.1:$PORT") > "$SMOKE/serve.log" 2>&1 &
SERVE_PID=$!
for _ in $(seq 300); do
  kill -0 "$SERVE_PID" 2>/dev/null || { echo "serve exited:"; cat "$SMOKE/serve.log"; exit 1; }
  (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
  sleep 0.2
done
CODE=$(clean network code --data-dir T --password "$PW" --name smoke-ws | sed -n 's/^pairing code: \([^ ]*\).*/\1/p')
clean pair --host "127.0.0.1:$PORT" --code "$CODE" --config-dir "$SMOKE/ws" > "$SMOKE/pair.txt" \
  || { cat "$SMOKE/pair.txt" "$SMOKE/serve.log"; kill "$SERVE_PID"; exit 1; }
grep -q '^paired as ws-' "$SMOKE/pair.txt"
clean network list --data-dir T --password "$PW" | grep -q 'smoke-ws .* active'
kill "$SERVE_PID"; wait "$SERVE_PID" 2>/dev/null || true
echo "clinic network: the bundle served the vault, made a pairing code and paired a workstation over TLS"
# The same bundle on a real X server (Qt's xcb plugin and the libraries it loads), where Xvfb is installed.
if command -v Xvfb >/dev/null 2>&1; then
  exec {xfd}<> <(:)
  Xvfb -displayfd "$xfd" -screen 0 1280x800x24 -nolisten tcp 2>/dev/null &
  XVFB_PID=$!
  # `|| true`: under set -e a failing kill in the EXIT trap (Xvfb already gone) made the script exit 1.
  trap 'kill "$XVFB_PID" 2>/dev/null || true; rm -rf "$SMOKE"' EXIT
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
  MAYA_ONEFILE=1 .venv-bundle/bin/pyinstaller --noconfirm --log-level WARN --distpath dist/onefile build.spec
  mv dist/onefile/maya-desktop dist/maya-desktop-onefile && rmdir dist/onefile
  echo "one-file: $(du -sm dist/maya-desktop-onefile | cut -f1) MB"
fi
