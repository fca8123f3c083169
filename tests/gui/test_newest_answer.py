"""page_ops.NewestAnswer: a window's numbered reads. An older answer never replaces a newer one, `loading` lasts
until every read asked has answered, a lock forgets the answers on their way, and nothing is called for a window
that closed. The runner here hands the answers back in the order a test chooses (a workstation's remote executor
may answer out of order); the last tests run real operations on a real vault."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from maya_desktop.core.operations.catalogue import NoRequest
from maya_desktop.gui.operations import operations_for
from maya_desktop.gui.page_ops import NewestAnswer, NumberedReads, PageOps

WAIT = 10_000


class HeldRunner:
    """Keeps every operation asked; the test answers them, in any order."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, Any, Callable[[Any], None], Callable[[BaseException], None]]] = []

    def run(self, op: str, request: Any = None, on_done: Any = None, on_error: Any = None) -> None:
        self.asked.append((op, request, on_done, on_error))

    def answer(self, index: int, result: Any) -> None:
        self.asked[index][2](result)

    def refuse(self, index: int, exc: BaseException) -> None:
        self.asked[index][3](exc)


def test_tickets_count_up_and_loading_lasts_until_every_read_answered() -> None:
    reads = NewestAnswer()
    assert not reads.loading
    first, second = reads.ask(), reads.ask()
    assert (first, second) == (1, 2)
    assert reads.loading
    reads.answered(second)  # the newer answer first: the older one is no longer waited for
    assert not reads.loading
    assert reads.is_newest(second) and not reads.is_newest(first)


def test_take_shows_an_answer_only_when_nothing_newer_is_shown() -> None:
    reads = NewestAnswer()
    first, second, third = reads.ask(), reads.ask(), reads.ask()
    assert reads.take(second)
    assert not reads.take(first)  # older than the one shown
    assert not reads.take(second)  # shown already
    assert not reads.is_newer(first)
    assert reads.is_newer(third)  # asking does not claim: only take does
    assert reads.take(third)


def test_read_drops_an_older_answer_and_an_older_refusal() -> None:
    reads, runner = NewestAnswer(), HeldRunner()
    shown: list[Any] = []
    refused: list[BaseException] = []
    afterwards: list[int] = []
    for query in ("a", "ab", "abc"):
        reads.read(runner, "clients.search", query, shown.append, refused.append, then=lambda: afterwards.append(1))
    assert [op for op, *_ in runner.asked] == ["clients.search"] * 3
    runner.answer(1, "rows for ab")
    runner.answer(0, "rows for a")  # late: "ab" is on screen already
    assert shown == ["rows for ab"]
    assert reads.loading  # "abc" has not answered
    runner.refuse(2, ValueError("refused"))
    assert not reads.loading
    assert [str(e) for e in refused] == ["refused"]  # newer than the list shown: said
    assert afterwards == [1, 1]  # `then` follows every answer, shown or not, never a refusal

    reads.read(runner, "clients.search", "x", shown.append, refused.append)
    reads.read(runner, "clients.search", "xy", shown.append, refused.append)
    runner.answer(4, "rows for xy")
    runner.refuse(3, ValueError("too late"))  # a newer list is shown: not said
    assert shown == ["rows for ab", "rows for xy"]
    assert len(refused) == 1


def test_run_passes_the_ticket_and_a_refusal_without_a_handler_is_dropped() -> None:
    reads, runner = NewestAnswer(), HeldRunner()
    got: list[tuple[int, Any]] = []
    reads.run(runner, "orders.row", 7, lambda mine, row: got.append((mine, row)))
    reads.run(runner, "orders.row", 8, lambda mine, row: got.append((mine, row)))
    runner.answer(1, "row 8")
    runner.answer(0, "row 7")  # `run` does not judge: the caller decides with is_newer / is_newest / take
    assert got == [(2, "row 8"), (1, "row 7")]
    reads.run(runner, "orders.row", 9, lambda mine, row: got.append((mine, row)))
    runner.refuse(2, ValueError("refused"))
    assert len(got) == 2 and not reads.loading


def test_forget_drops_every_answer_on_its_way() -> None:
    reads, runner = NewestAnswer(), HeldRunner()
    shown: list[Any] = []
    refused: list[BaseException] = []
    reads.read(runner, "orders.list", None, shown.append, refused.append)
    reads.read(runner, "orders.list", None, shown.append, refused.append)
    reads.forget()  # the window locked
    assert not reads.loading
    runner.answer(0, "names")
    runner.refuse(1, ValueError("refused"))
    assert shown == [] and refused == []
    reads.read(runner, "orders.list", None, shown.append, refused.append)  # after unlock
    runner.answer(2, "rows")
    assert shown == ["rows"]


def test_an_answer_for_a_deleted_owner_calls_nothing() -> None:
    owner = QObject()
    reads, runner = NewestAnswer(owner), HeldRunner()
    shown: list[Any] = []
    refused: list[BaseException] = []
    reads.read(runner, "sync.pending_count", None, shown.append, refused.append)
    reads.read(runner, "sync.pending_count", None, shown.append, refused.append)
    runner.answer(0, 3)
    assert shown == [3]
    shiboken6.delete(owner)  # the window closed
    runner.answer(1, 4)
    assert shown == [3] and not reads.loading  # counted as answered, shown nowhere


def test_real_operations_answer_on_the_gui_thread_in_order(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    page = QWidget()
    qtbot.addWidget(page)
    ops = PageOps(page, demo)
    reads = NewestAnswer()
    shown: list[int] = []
    for _ in range(3):
        reads.read(ops, "sync.pending_count", NoRequest(), shown.append, lambda exc: shown.append(-1))
    qtbot.waitUntil(lambda: not reads.loading, timeout=WAIT)
    assert len(shown) == 3 and -1 not in shown  # one database thread answers in order: each is the newest
    assert reads.shown == 3


def test_a_closed_window_gets_no_answer_from_real_operations(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    owner = QObject()
    reads = NewestAnswer(owner)
    shown: list[Any] = []
    operations = operations_for(demo)
    reads.read(operations, "sync.pending_count", NoRequest(), shown.append, shown.append)
    shiboken6.delete(owner)  # closed before the answer comes
    qtbot.waitUntil(lambda: not reads.loading, timeout=WAIT)
    assert shown == []


def test_a_window_with_numbered_reads_is_loading_while_its_reads_are(qtbot) -> None:  # type: ignore[no-untyped-def]
    class Page(QWidget, NumberedReads):
        def __init__(self) -> None:
            super().__init__()
            self.reads = NewestAnswer(self)

    page, runner = Page(), HeldRunner()
    qtbot.addWidget(page)
    assert not page.loading
    page.reads.read(runner, "orders.list", None, lambda _rows: None, lambda _exc: None)
    assert page.loading
    runner.answer(0, [])
    assert not page.loading
