"""The seam between windows and core: no window runs SQL, opens a transaction, takes the vault's lock or
imports SQLCipher. Windows call core operations (gui.operations)."""

from __future__ import annotations

from pathlib import Path

GUI = Path(__file__).resolve().parents[2] / "maya_desktop" / "gui"
FORBIDDEN = (".execute(", "transaction(", "vault.lock", "import sqlcipher3")


def test_no_window_reaches_around_the_operations_layer() -> None:
    found = [
        f"{path.relative_to(GUI)}:{number}: {line.strip()}"
        for path in sorted(GUI.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if any(pattern in line for pattern in FORBIDDEN)
    ]
    assert found == []


def test_the_check_sees_a_planted_line(tmp_path: Path) -> None:
    planted = tmp_path / "window.py"
    planted.write_text('conn.execute("SELECT 1")\n', encoding="utf-8")
    assert any(p in planted.read_text(encoding="utf-8") for p in FORBIDDEN)
