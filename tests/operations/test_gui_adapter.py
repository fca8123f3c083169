"""gui.operations: answers and the app-wide `changed` signal arrive on the GUI thread."""

from __future__ import annotations

import threading

from maya_desktop.core.errors import ValidationError
from maya_desktop.core.operations.catalogue import NoRequest
from maya_desktop.gui.operations import forget, operations_for


def test_run_answers_on_the_gui_thread_and_changed_is_published(demo, qtbot) -> None:
    ops = operations_for(demo)
    gui_thread = threading.current_thread()
    answers: list[tuple[str, object, threading.Thread]] = []

    def rename(session, request: NoRequest) -> str:  # type: ignore[no-untyped-def]
        assert threading.current_thread() is not gui_thread
        return "renamed"

    def refuse(session, request: NoRequest) -> None:  # type: ignore[no-untyped-def]
        raise ValidationError("no", "نه")

    try:
        with qtbot.waitSignal(ops.changed, timeout=10_000) as changed:
            ops.run(
                rename,
                NoRequest(),
                lambda r: answers.append(("done", r, threading.current_thread())),
                changes={"clients"},
            )
        assert changed.args[0].touches("clients")
        ops.run(refuse, NoRequest(), None, lambda e: answers.append(("error", e, threading.current_thread())))
        qtbot.waitUntil(lambda: len(answers) == 2, timeout=10_000)
    finally:
        forget(demo)
    assert answers[0][:2] == ("done", "renamed") and answers[0][2] is gui_thread
    assert answers[1][0] == "error" and isinstance(answers[1][1], ValidationError) and answers[1][2] is gui_thread
