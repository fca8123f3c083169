"""The order screen's action buttons (ui/order_actions.ui for the side column; the quote's and the payment's
buttons sit in their own sections) and the rule that says which of them may be pressed now."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from maya_desktop.core.orders.model import Order
from maya_desktop.core.orders.states import IMPORT_PHASE_STATES, LIVE_STATES, Action, Service
from maya_desktop.core.photos import PhotoInfo
from maya_desktop.core.roles import allowed
from maya_desktop.core.session import Session
from maya_desktop.gui.forms import child, embed_form
from maya_desktop.gui.orders.common import can

# Every action of the order screen, in the order the screen lists them.
ACTIONS = ("import", "confirm", "complete", "quote", "pay", "consent", "revoke", "breakglass", "cancel", "destroy")
SIDE_ACTIONS = tuple(key for key in ACTIONS if key not in ("quote", "pay"))


class OrderActions(QWidget):
    """The side column of buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = embed_form("order_actions.ui", self)
        self.buttons: dict[str, QPushButton] = {key: child(form, QPushButton, f"action_{key}") for key in SIDE_ACTIONS}
        self.setFixedWidth(190)


def enabled_actions(
    session: Session, order: Order | None, photos: list[PhotoInfo], break_glass_id: int | None
) -> dict[str, bool]:
    """Which actions this person may take on this order in its state (core's rules, asked per action)."""
    has_photos = order is not None and order.service == Service.RHINOPLASTY_ANALYSIS
    import_phase = order is not None and order.status in IMPORT_PHASE_STATES
    return {
        "import": can(session, order, Action.IMPORT_FILES),
        "confirm": has_photos and import_phase and bool(photos) and allowed(session.role, "photos.import"),
        "complete": can(session, order, Action.COMPLETE_ANALYSIS) and (all_views_confirmed(photos) or not has_photos),
        "quote": can(session, order, Action.QUOTE),
        "pay": can(session, order, Action.PAY),
        "consent": can(session, order, Action.CONSENT),
        "revoke": can(session, order, Action.REVOKE_CONSENT),
        "breakglass": order is not None
        and allowed(session.role, "breakglass")
        and order.status in LIVE_STATES - IMPORT_PHASE_STATES
        and break_glass_id is None,
        "cancel": can(session, order, Action.CANCEL),
        "destroy": can(session, order, Action.DESTROY),
    }


def all_views_confirmed(photos: list[PhotoInfo]) -> bool:
    return bool(photos) and all(p.view_confirmed for p in photos)
