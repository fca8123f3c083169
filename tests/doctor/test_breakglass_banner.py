"""The break-glass countdown banner in the case view: minutes left in Persian digits, refreshed every
15 s, and when the grant runs out the photos are closed and the reason shown. A fake clock, no sleeping."""

from __future__ import annotations

import datetime as dt
import gc
import weakref

import pytest

from maya_desktop.core.errors import PermissionDenied
from maya_desktop.core.orders import breakglass, clock
from maya_desktop.core.photos import open_photo
from maya_desktop.gui.doctor.break_glass_banner import BANNER_TICK_MS, BreakGlassBanner, minutes_left
from maya_desktop.gui.doctor.cases_page import CasesPage
from tests.doctor.conftest import make_case, show_and_wait, wait_for_photos
from tests.doctor.gates import Gate

REASON = "شکایت رسمی مشتری و بررسی فوری پرونده"


class FakeClock:
    def __init__(self) -> None:
        self.moment = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.moment

    def advance(self, **kwargs: float) -> None:
        self.moment += dt.timedelta(**kwargs)


@pytest.fixture
def fake_clock(monkeypatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr(clock, "now", fake)  # core (grant expiry, access checks) and the banner alike
    return fake


def test_minutes_left_rounds_up_and_stops_at_zero():
    end = dt.datetime(2026, 3, 1, 9, 10, tzinfo=dt.UTC)
    assert minutes_left(end, end - dt.timedelta(minutes=10)) == 10
    assert minutes_left(end, end - dt.timedelta(minutes=4, seconds=1)) == 5
    assert minutes_left(end, end - dt.timedelta(seconds=1)) == 1
    assert minutes_left(end, end) == 0 and minutes_left(end, end + dt.timedelta(minutes=3)) == 0


def test_banner_counts_down_with_an_injected_clock(qtbot):
    fake = FakeClock()
    banner = BreakGlassBanner(fake() + dt.timedelta(minutes=3), fake)
    qtbot.addWidget(banner)
    assert banner.countdown.text() == "۳ دقیقه مانده" and banner.timer.interval() == BANNER_TICK_MS
    fired = []
    banner.expired.connect(lambda: fired.append(True))
    fake.advance(minutes=2, seconds=50)
    banner.timer.timeout.emit()
    assert banner.countdown.text() == "کمتر از یک دقیقه مانده"
    assert banner.timer.interval() <= 10_050  # the next update comes exactly when the grant runs out
    fake.advance(seconds=10)
    banner.timer.timeout.emit()
    assert fired == [True] and banner.is_expired and not banner.timer.isActive()
    banner.refresh()
    assert fired == [True]  # once


def test_break_glass_case_shows_the_countdown_and_closes_the_photos_when_it_runs_out(
    qtbot, clinic, faces, artifacts, fake_clock
):
    order_id = make_case(clinic, faces)
    admin = clinic.admin
    breakglass.start_break_glass(admin, order_id, REASON, 10)
    page = CasesPage(admin)
    qtbot.addWidget(page)
    page.resize(1500, 900)
    page.show()
    assert page.open_order(order_id)  # a grant is running: no dialog
    viewer = page.viewer
    banner = viewer.banner
    assert banner is not None and banner.isVisibleTo(viewer) and not viewer.editable
    assert banner.countdown.text() == "۱۰ دقیقه مانده" and "ثبت می‌شود" in banner.label.text()
    wait_for_photos(qtbot, viewer)
    assert viewer.images == {} and viewer.thumbs == {} and viewer.canvas.image is None  # one by one
    show_and_wait(qtbot, viewer, viewer.strip.photo_ids()[0])
    assert len(viewer.images) == 1 and viewer.canvas.image is not None

    fake_clock.advance(minutes=4, seconds=20)  # 5 min 40 s left -> "6"
    banner.timer.timeout.emit()
    assert banner.countdown.text() == "۶ دقیقه مانده" and banner.state == "running"
    assert banner.timer.interval() == BANNER_TICK_MS
    fake_clock.advance(minutes=2)  # 3 min 40 s left -> "4", now drawn more urgently
    banner.timer.timeout.emit()
    assert banner.countdown.text() == "۴ دقیقه مانده" and banner.state == "soon"
    page.grab().save(str(artifacts / "doctor_viewer_breakglass.png"))

    photo = next(iter(viewer.images))
    ref = weakref.ref(viewer.images[photo])
    fake_clock.advance(minutes=3, seconds=41)  # past the end
    banner.timer.timeout.emit()
    assert banner.is_expired and banner.state == "expired"
    assert "زمان دسترسی اضطراری تمام شد" in banner.label.text()
    assert not banner.countdown.isVisibleTo(banner) and "تمام شد" in viewer.canvas.message
    assert not viewer.photos_open and viewer.images == {} and viewer.analyses == {}
    assert viewer.canvas.image is None and viewer.strip.count() == 0 and viewer.compare.count() == 0
    gc.collect()
    assert ref() is None
    viewer.show_photo(photo)  # nothing comes back
    assert viewer.canvas.image is None
    with pytest.raises(PermissionDenied):  # and core agrees: the grant is over
        open_photo(admin, photo)
    page.grab().save(str(artifacts / "doctor_viewer_breakglass_expired.png"))
    page.close_viewer()


def test_break_glass_running_out_while_photos_open_stops_the_loading(qtbot, clinic, faces, fake_clock, monkeypatch):
    order_id = make_case(clinic, faces)
    admin = clinic.admin
    breakglass.start_break_glass(admin, order_id, REASON, 1)
    gate = Gate(monkeypatch)
    page = CasesPage(admin)
    qtbot.addWidget(page)
    assert page.open_order(order_id)
    viewer = page.viewer
    show_and_wait(qtbot, viewer, viewer.strip.photo_ids()[0])  # break-glass: each photo opens when chosen
    loader = gate.hold_next(qtbot, viewer)  # the worker is held inside the second photo
    fake_clock.advance(minutes=1, seconds=1)
    viewer.banner.timer.timeout.emit()
    assert viewer.images == {} and loader.cancelled()
    gate.release.set()
    qtbot.waitUntil(loader.done.is_set, timeout=30_000)
    qtbot.wait(50)
    assert [gate.results[pid] for pid, _ in gate.calls] == ["ok", PermissionDenied.__name__]
    assert viewer.images == {} and viewer.canvas.image is None
    page.close_viewer()


def test_a_grant_that_runs_out_while_the_case_opens_decodes_nothing(qtbot, clinic, faces):
    from maya_desktop.core import audit
    from maya_desktop.core.orders.cases import open_case
    from maya_desktop.gui.doctor.viewer import CaseViewer

    order_id = make_case(clinic, faces)
    admin = clinic.admin
    breakglass.start_break_glass(admin, order_id, REASON, 5)
    opened = open_case(admin, order_id)
    later = clock.now() + dt.timedelta(minutes=6)
    viewer = CaseViewer(admin, opened, now=lambda: later)
    qtbot.addWidget(viewer)
    assert viewer.banner.is_expired and not viewer.photos_open
    assert viewer.loader is None and viewer.images == {} and "تمام شد" in viewer.canvas.message
    qtbot.wait(20)
    actions = [e.action for e in audit.entries(admin.conn, object_ref=f"order:{order_id}")]
    assert "photo.opened" not in actions[: actions.index("case.opened")]
    viewer.clear()


def test_grant_ended_early_by_a_manager_closes_the_photos_at_the_next_tick(qtbot, clinic, faces):
    """Ending break-glass from the order page must not leave decoded photos on the emergency viewer
    until the original end: the banner asks core on every tick."""
    order_id = make_case(clinic, faces)
    admin = clinic.admin
    grant = breakglass.start_break_glass(admin, order_id, REASON, 30)
    page = CasesPage(admin)
    qtbot.addWidget(page)
    assert page.open_order(order_id)
    viewer = page.viewer
    wait_for_photos(qtbot, viewer)
    show_and_wait(qtbot, viewer, viewer.strip.photo_ids()[0])
    assert viewer.images
    breakglass.end_break_glass(admin, grant.id)
    viewer.banner.timer.timeout.emit()  # the next 15-second tick
    assert viewer.banner.is_expired and not viewer.photos_open and viewer.images == {}
    page.close_viewer()
