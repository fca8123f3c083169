"""The doctor's case list tells two cases apart: two clients of one name (or one client's two orders) showed
as identical rows. Each row shows the order number and the date it was opened (Persian digits, Jalali), and
the service under the orders page's name for it."""

from __future__ import annotations

import re
from pathlib import Path

from maya_desktop.core.orders.cases import list_cases
from maya_desktop.core.persian import to_ascii_digits, to_persian_digits
from maya_desktop.gui.doctor.cases_page import CasesPage
from maya_desktop.gui.labels import service_label
from tests.doctor.conftest import make_case


def test_two_cases_of_one_name_show_different_rows_with_number_and_date(qtbot, clinic, faces: Path) -> None:  # type: ignore[no-untyped-def]
    first = make_case(clinic, faces, photos_views=(("obama.jpg", "frontal"),))
    second = make_case(clinic, faces, photos_views=(("biden.jpg", "frontal"),))
    page = CasesPage(clinic.doctor)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.loading and page.table.rowCount() == 2, timeout=10_000)
    table = page.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["شماره", "مشتری", "خدمت", "وضعیت", "تاریخ ثبت"]  # no contact: the setting is off
    rows = [tuple(table.item(r, c).text() for c in range(table.columnCount())) for r in range(2)]
    assert rows[0] != rows[1], rows
    assert {row[0] for row in rows} == {to_persian_digits(str(first)), to_persian_digits(str(second))}
    assert rows[0][1] == rows[1][1] == "سارا محمدی"  # the same name: the number tells them apart
    for number, _name, service, _state, opened in rows:
        assert not re.search("[0-9]", number + opened), (number, opened)  # Persian digits
        assert re.fullmatch("۱۴[۰-۹]{2}/[۰-۹]{2}/[۰-۹]{2}", opened), opened  # Jalali (14xx)
        assert service == service_label("rhinoplasty_analysis") == "تحلیل چهره (جراحی بینی)"
    # the clinic setting doctor_sees_contact is off: no mobile anywhere in the rows
    mobiles = {row.mobile for row in list_cases(clinic.admin)}
    shown = to_ascii_digits("".join(map("".join, rows)))
    assert mobiles and not any(m and m[-7:] in shown for m in mobiles)

