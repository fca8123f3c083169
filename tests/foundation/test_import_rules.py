"""The import rules of pyproject.toml ([tool.importlinter]) hold, and the checker really reads the imports:
the core never imports the windows, reports or Qt; the windows never import sqlcipher3; maya-hq never
imports Qt, sqlcipher3 or the windows."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(*args: str) -> subprocess.CompletedProcess[str]:
    assert LINT_IMPORTS.exists(), "import-linter is a dev dependency: pip install -e '.[dev]'"
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", *args], cwd=REPO, capture_output=True, text=True, check=False, timeout=300
    )


def test_the_import_contracts_are_kept() -> None:
    result = lint_imports()
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-1000:]
    assert "0 broken" in result.stdout and "3 kept" in result.stdout


def test_a_broken_rule_is_reported(tmp_path: Path) -> None:
    """The same checker on a rule the code breaks (the windows do import Qt) says so."""
    config = tmp_path / "broken.ini"
    config.write_text(
        "[importlinter]\nroot_packages =\n    maya_desktop\ninclude_external_packages = True\n\n"
        "[importlinter:contract:qt]\nname = windows without Qt\ntype = forbidden\n"
        "source_modules =\n    maya_desktop.gui\nforbidden_modules =\n    PySide6\n",
        encoding="utf-8",
    )
    result = lint_imports("--config", str(config))
    assert result.returncode != 0
    assert "maya_desktop.gui" in result.stdout and "BROKEN" in result.stdout
