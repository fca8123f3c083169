"""Fixtures for the order screens: Persian theme, a reception session that accepted the agreement,
and a seam that answers the next dialog an order screen opens (no modal event loops in tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QDialog


@pytest.fixture(autouse=True)
def _persian(persian_theme) -> None:
    """Every test here runs with the Persian theme (tests/conftest.py)."""


@pytest.fixture
def reception(demo, login):
    from maya_desktop.core.staff import accept_agreement

    session = login("reception")
    accept_agreement(session)
    return session


def answer_dialogs(widget, *fills: Callable[[QDialog], None]) -> list[QDialog]:
    """The next dialogs `widget` opens through `exec_dialog` are filled by `fills` (in order) and saved.

    A fill may call dialog.save() itself (to check a refusal) before the final save.
    """
    queue = list(fills)
    seen: list[QDialog] = []

    def fake_exec(dialog: QDialog) -> bool:
        seen.append(dialog)
        fill = queue.pop(0)
        fill(dialog)
        if dialog.result() != QDialog.DialogCode.Accepted:
            dialog.save()
        return dialog.result() == QDialog.DialogCode.Accepted

    widget.exec_dialog = fake_exec
    return seen
