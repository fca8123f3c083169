"""The case viewer reads the client's earlier orders' photos and a draft kept at the last lock without the GUI
thread waiting for the database thread: while it is held busy, the reading steps return, and the compare choice
and the draft come when it is let go (tests/gui/test_window_reads_without_waiting.py: no clock)."""

from __future__ import annotations

from pathlib import Path

from maya_desktop.core import drafts
from maya_desktop.core.clients import create_client
from maya_desktop.core.orders.findings import Findings
from maya_desktop.core.orders.states import Status
from tests.doctor.conftest import open_on_cases_page, wait_for_photos
from tests.factories import walk_order, walk_step
from tests.gui.test_window_reads_without_waiting import WAIT, held_database_thread

NOTE = "پیش از قفل نوشته شد"


def test_earlier_photos_and_a_kept_draft_are_read_without_waiting(qtbot, clinic, faces: Path) -> None:  # type: ignore[no-untyped-def]
    r, d = clinic.reception, clinic.doctor
    client = create_client(r, "نرگس", "صادقی", "09124440012", None)
    photo = [(faces / "obama.jpg").read_bytes()]
    earlier = walk_order(r, d, client.id, Status.PAID, photo, views=["frontal"], analysis=True)  # not offered yet
    current = walk_order(r, d, client.id, Status.CONSENTED, photo, views=["frontal"], analysis=True)
    _page, viewer = open_on_cases_page(qtbot, d, current)
    wait_for_photos(qtbot, viewer)  # (the viewer's own reads answered too)
    choices = viewer.compare.count()
    assert not viewer.earlier

    walk_step(r, d, earlier, Status.CONSENTED, photo, views=["frontal"], analysis=True)  # now the doctor may compare
    drafts.keep_draft(d, "case", str(current), {"findings": Findings(free_text=NOTE).to_json(), "points": {}})
    with held_database_thread(d) as ended:
        viewer._add_earlier_photos()  # the building steps that read them
        viewer._restore_draft()
        assert not ended.is_set()  # both returned while the database thread was still held
        assert viewer.is_loading()
        assert viewer.compare.count() == choices and viewer.panel.free_text.toPlainText() != NOTE
    qtbot.waitUntil(lambda: not viewer.is_loading(), timeout=WAIT)
    assert [p.order_id for p in viewer.earlier.values()] == [earlier]
    assert viewer.compare.count() == choices + 1
    assert viewer.panel.free_text.toPlainText() == NOTE
    qtbot.waitUntil(lambda: drafts.drafts_of(d) == [], timeout=WAIT)  # given back once, then gone


def test_a_kept_draft_does_not_replace_what_the_doctor_typed_while_it_was_read(qtbot, clinic, faces: Path) -> None:  # type: ignore[no-untyped-def]
    r, d = clinic.reception, clinic.doctor
    client = create_client(r, "نرگس", "صادقی", "09124440013", None)
    current = walk_order(r, d, client.id, Status.CONSENTED, [(faces / "obama.jpg").read_bytes()], views=["frontal"])
    _page, viewer = open_on_cases_page(qtbot, d, current)
    wait_for_photos(qtbot, viewer)
    drafts.keep_draft(d, "case", str(current), {"findings": Findings(free_text=NOTE).to_json(), "points": {}})
    with held_database_thread(d):
        viewer._restore_draft()
        viewer.panel.free_text.setPlainText("تازه نوشته شد")  # the doctor types before the draft comes
    qtbot.waitUntil(lambda: not viewer.is_loading(), timeout=WAIT)
    assert viewer.panel.free_text.toPlainText() == "تازه نوشته شد"
    assert [k.ref for k in drafts.drafts_of(d)] == [str(current)]  # the draft is kept for the next opening
