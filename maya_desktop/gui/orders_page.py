"""Orders page: moved to `maya_desktop.gui.orders.orders_page` (issue 4); kept importable here."""

from __future__ import annotations

from maya_desktop.gui.orders.orders_page import OrdersPage

__all__ = ["OrdersPage"]
