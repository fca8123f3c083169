"""The price rules page's operations: the rules quotes are computed from, and the clinic's list of payment
gateways / card terminals reception chooses from (issue 15: chosen, not typed at every payment)."""

from __future__ import annotations

from dataclasses import dataclass

from maya_desktop.core.db import transaction
from maya_desktop.core.errors import ValidationError
from maya_desktop.core.operations.catalogue import NoRequest
from maya_desktop.core.operations.registry import operation
from maya_desktop.core.orders import quotes
from maya_desktop.core.persian import to_persian_digits
from maya_desktop.core.session import Session
from maya_desktop.core.settings import get_setting, set_setting
from maya_desktop.core.validation import guard_free_text

GATEWAYS_KEY = "payments.gateways"
GATEWAY_NAME_MAX = 60
GATEWAYS_MAX = 30


@dataclass(frozen=True)
class ServiceRef:
    service: str


@dataclass(frozen=True)
class PriceRules(ServiceRef):
    rules: dict[str, int]  # rule name -> Rial, days, percent or count


@dataclass(frozen=True)
class PriceRuleRef(ServiceRef):
    """One rule of a service's price list."""

    rule: str


@dataclass(frozen=True)
class SetPriceRule(PriceRuleRef):
    amount: int


@operation("prices.rules")
def rules(session: Session, request: ServiceRef) -> PriceRules:
    return PriceRules(request.service, quotes.price_rules(session, request.service))


@operation("prices.set_rule", changes={"prices"})
def set_rule(session: Session, request: SetPriceRule) -> None:
    quotes.set_price_rule(session, request.service, request.rule, request.amount)


@operation("prices.delete_rule", changes={"prices"})
def delete_rule(session: Session, request: PriceRuleRef) -> None:
    quotes.delete_price_rule(session, request.service, request.rule)


# ---- payment gateways --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Gateways:
    names: tuple[str, ...]


def managed_gateways(session: Session) -> tuple[str, ...]:
    stored = get_setting(session.conn, GATEWAYS_KEY)
    return tuple(str(name) for name in (stored or ()))


@operation("payments.gateways")
def gateways(session: Session, request: NoRequest) -> Gateways:
    session.require("orders.read")
    return Gateways(managed_gateways(session))


@operation("payments.set_gateways", changes={"settings", "payment_gateways"})
def set_gateways(session: Session, request: Gateways) -> Gateways:
    """The manager's list, in the order given (empty: reception types the name, as before)."""
    session.require("prices.manage")
    names: list[str] = []
    for raw in request.names:
        name = guard_free_text(" ".join(str(raw).split()), "gateways")
        if not 2 <= len(name) <= GATEWAY_NAME_MAX or name in names:
            raise ValidationError.coded(
                "payments.gateway_name_invalid",
                "gateways",
                limit=GATEWAY_NAME_MAX,
                limit_fa=to_persian_digits(str(GATEWAY_NAME_MAX)),
            )
        names.append(name)
    if len(names) > GATEWAYS_MAX:
        raise ValidationError.coded(
            "payments.gateway_name_invalid",
            "gateways",
            limit=GATEWAY_NAME_MAX,
            limit_fa=to_persian_digits(str(GATEWAY_NAME_MAX)),
        )
    with transaction(session.conn):
        set_setting(session.conn, GATEWAYS_KEY, names)
        session.audit("payments.gateways_changed", "settings:payments.gateways", {"count": len(names)})
    return Gateways(tuple(names))
