#!/usr/bin/env bash
# Extract every self.tr()/translate() string (Persian source text) from the GUI, reports and ui/*.ui into
# resources/translations/maya_en.ts (existing English translations are kept), then compile maya_en.qm.
# Translate new entries with pyside6-linguist (or by editing the .ts), then run this again.
set -euo pipefail
cd "$(dirname "$0")/.."
sources=$(find maya_desktop/gui maya_desktop/reports -name '*.py' 2>/dev/null; ls ui/*.ui)
# shellcheck disable=SC2086
.venv/bin/pyside6-lupdate $sources -source-language fa_IR -target-language en_US -no-obsolete \
  -ts resources/translations/maya_en.ts
.venv/bin/pyside6-lrelease resources/translations/maya_en.ts -qm resources/translations/maya_en.qm
