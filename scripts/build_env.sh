#!/usr/bin/env bash
# Create .venv-bundle: the environment the PyInstaller bundle is built from (scripts/build_bundle.sh calls it).
# It holds what the desktop app loads and nothing it never loads, with the same releases as the development
# environment .venv (its `pip freeze` is the constraints file), so that the bundle analyses a photo exactly as
# the source tree does. Differences from .venv, each a package the app never loads:
# - no OpenCV and no matplotlib: the engine's image operations are numpy (core/analysis/pixels.py), and the
#   engine imports MediaPipe without its drawing utilities, the only MediaPipe modules that import cv2 and
#   matplotlib (core/analysis/loader.py, import_mediapipe_tasks); MediaPipe is installed with --no-deps plus
#   its runtime dependencies less those two and sounddevice (imported only by MediaPipe's audio tasks);
# - no test tools, no maya-hq server packages (SQLAlchemy, Alembic, psycopg, Jinja2) other than starlette and
#   uvicorn, which the clinic network's vault host (`maya-desktop serve`) runs on.
# Installs only when .venv-bundle is missing or pyproject.toml / .venv changed (a stamp, as scripts/setup.sh).
set -euo pipefail
SELF=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")  # before cd: its text is part of the stamp
cd "$(dirname "$0")/.."
[[ -x .venv/bin/python ]] || bash scripts/setup.sh
PY=${PYTHON:-python3}
ENV=.venv-bundle
STAMP=$ENV/.maya-bundle-stamp
CONSTRAINTS=$(mktemp)
trap 'rm -f "$CONSTRAINTS"' EXIT
.venv/bin/python -m pip freeze --exclude-editable > "$CONSTRAINTS"
wanted_stamp() {
  cat pyproject.toml "$CONSTRAINTS" "$SELF" | .venv/bin/python -c 'import hashlib, sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())'
}
[[ -x $ENV/bin/python ]] || "$PY" -m venv "$ENV"
if [[ "${MAYA_FORCE_INSTALL:-0}" != "1" && -f "$STAMP" && "$(cat "$STAMP")" == "$(wanted_stamp)" ]]; then
  exit 0
fi
rm -f "$STAMP"
pip_install() { "$ENV/bin/python" -m pip install --quiet --disable-pip-version-check "$@"; }

# sqlcipher3-binary (used before issue 11) installs the same `sqlcipher3` package folder as its successor
# sqlcipher3: remove it first, or an environment made earlier would hold both.
"$ENV/bin/python" -m pip uninstall --quiet --yes sqlcipher3-binary 2>/dev/null || true
NEVER_LOADED='sounddevice|opencv-contrib-python|opencv-python|opencv-python-headless|matplotlib'
# The project's runtime dependencies (pyproject.toml), less the never-loaded ones, MediaPipe (installed below,
# without its declared dependencies) and the maya-hq server packages.
mapfile -t project_deps < <(.venv/bin/python - <<'EOF'
import re
import tomllib

# starlette and uvicorn stay: the clinic network's vault host (`maya-desktop serve`) runs on them.
SERVER_ONLY = {"sqlalchemy", "alembic", "psycopg", "jinja2"}
for requirement in tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]:
    name = re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower()
    if name not in SERVER_ONLY and name not in {"mediapipe", "opencv-contrib-python", "opencv-python"}:
        print(requirement)
EOF
)
pip_install -c "$CONSTRAINTS" "${project_deps[@]}" "pyinstaller>=6.10"
pip_install -c "$CONSTRAINTS" --no-deps mediapipe
# MediaPipe's own runtime dependencies (from its metadata), less the never-loaded ones.
mapfile -t mediapipe_deps < <("$ENV/bin/python" - <<EOF
import re
from importlib.metadata import requires

for requirement in requires("mediapipe") or []:
    name = re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0]
    if "extra ==" not in requirement and not re.fullmatch(r"$NEVER_LOADED", name, flags=re.IGNORECASE):
        print(requirement)
EOF
)
pip_install -c "$CONSTRAINTS" "${mediapipe_deps[@]}"
pip_install --no-deps -e .
# Nothing never-loaded came back through another package's dependencies.
if "$ENV/bin/python" -m pip list --format=freeze | grep -Eiq "^($NEVER_LOADED)=="; then
  echo "build_env: a never-loaded package was installed:" >&2
  "$ENV/bin/python" -m pip list --format=freeze | grep -Ei "^($NEVER_LOADED)==" >&2
  exit 1
fi
wanted_stamp > "$STAMP"
