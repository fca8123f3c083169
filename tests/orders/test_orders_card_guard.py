"""P4: a card number typed into any free-text field of an order is refused, and nothing is stored."""

from __future__ import annotations

import pytest
from orders_helpers import CARD

from maya_desktop.core.errors import ValidationError
from maya_desktop.core.orders import breakglass, delivery, destruction, payments, quotes, records
from maya_desktop.core.orders.states import Status

CARDS = [CARD, CARD.replace(" ", "-"), "۶۰۳۷۹۹۷۵۹۹۴۰۰۳۱۵", f"paid with card {CARD} thanks"]


def _everything_text(session) -> str:
    """All text the orders tables and the audit log hold (the DB is encrypted; we read it through SQL)."""
    chunks = []
    for table in ("orders", "payments", "break_glass", "consents", "audit_log", "sync_outbox"):
        for row in session.conn.execute(f"SELECT * FROM {table}"):
            chunks += [str(v) for v in row if isinstance(v, str)]
    return "\n".join(chunks)


@pytest.mark.parametrize("card", CARDS)
def test_every_free_text_field_refuses_card_numbers(clinic, walk, card: str) -> None:
    r, admin = clinic.reception, clinic.admin
    fields = {}

    def refused(field: str, call) -> None:
        with pytest.raises(ValidationError) as info:
            call()
        fields[field] = info.value.field
        assert "6037" not in info.value.message_en and "6037" not in info.value.message_fa

    refused("notes", lambda: records.create_order(r, 1, "rhinoplasty_analysis", notes=card))
    draft = records.create_order(r, 1, "rhinoplasty_analysis", notes="call after 5pm")
    refused("notes", lambda: records.set_notes(r, draft.id, card))
    analyzed = walk(Status.ANALYZED)
    refused("override_reason", lambda: quotes.issue_quote(r, analyzed, override_total_rial=1_000_000, reason=card))
    quoted = walk(Status.QUOTED)
    refused("gateway", lambda: payments.record_payment(r, quoted, card, "123456", 10_000_000))
    refused("reference", lambda: payments.record_payment(r, quoted, "Saman", card, 10_000_000))
    refused("reason", lambda: breakglass.start_break_glass(admin, quoted, card + " urgent"))
    refused("cancel_reason", lambda: destruction.cancel_order(r, quoted, card))
    in_review = walk(Status.IN_REVIEW)
    refused("findings", lambda: delivery.write_report(clinic.doctor, in_review, card))

    assert fields == {k: k for k in fields}  # each error names its own field for the GUI
    assert records.get_order(r, quoted).status == Status.QUOTED  # nothing moved
    assert records.get_order(r, analyzed).status == Status.ANALYZED
    stored = _everything_text(admin)
    for digits in ("6037997599400315", "6037 9975", "6037-9975", "۶۰۳۷"):
        assert digits not in stored
