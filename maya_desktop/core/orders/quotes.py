"""Price rules (managed by the manager) and quotes (P2: price and time announced from the files).

A quote is a list of lines, a total in Rial (int) and a turnaround in days. `compute_quote` only
reads; `issue_quote` stores it and moves the order to `quoted` (reception may override the total
with a reason, which is audited without its text). The breakdown derives from face analysis, so
it is sealed with the order key and shredded with it; only total and turnaround stay in clear.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from maya_desktop.core import blobstore
from maya_desktop.core.db import transaction
from maya_desktop.core.errors import ValidationError
from maya_desktop.core.orders import clock
from maya_desktop.core.orders.keys import order_key, record_key
from maya_desktop.core.orders.lifecycle import advance, check
from maya_desktop.core.orders.model import Order, load_order
from maya_desktop.core.orders.states import Action, Service
from maya_desktop.core.session import Session
from maya_desktop.core.validation import guard_free_text

RULE_NAMES: dict[str, tuple[str, str]] = {
    "base": ("Base price", "قیمت پایه"),
    "included_views": ("Views included in the base price", "تعداد نماهای شامل قیمت پایه"),
    "per_extra_view": ("Each extra view", "هر نمای اضافه"),
    "per_finding": ("Each out-of-range measurement", "هر اندازهٔ خارج از محدودهٔ طبیعی"),
    "max_charged_findings": ("At most this many measurements charged", "بیشترین تعداد اندازهٔ محاسبه‌شده در قیمت"),
    "per_word": ("Per word", "هر واژه"),
    "words_per_day": ("Words per working day", "واژه در هر روز کاری"),
    "turnaround_days": ("Turnaround (days)", "زمان تحویل (روز)"),
    "urgent_percent": ("Urgency surcharge (%)", "افزایش قیمت فوری (درصد)"),
    "urgent_turnaround_days": ("Urgent turnaround (days)", "زمان تحویل فوری (روز)"),
}
FINDING_PREFIX = "finding:"  # finding:<measurement key> overrides per_finding for that measurement
# The quote reads as services (issue 15): the charged out-of-range measurements are one line, "the specialist
# review of the analysis findings"; which measurements they are stays behind it (the quote basis, the doctor's
# viewer), never one line per measurement in front of the client.
FINDINGS = "findings"
FINDINGS_LABEL = ("Specialist review of the analysis findings", "بررسی تخصصی یافته‌های تحلیل")
MAX_AMOUNT = 10**13


@dataclass(frozen=True)
class QuoteLine:
    code: str  # base | per_extra_view | findings | per_word | urgent_percent | override (old quotes: finding:<key>)
    label_en: str
    label_fa: str
    quantity: int
    amount_rial: int


@dataclass(frozen=True)
class Quote:
    lines: tuple[QuoteLine, ...]
    total_rial: int
    turnaround_days: int
    urgent: bool = False
    overridden: bool = False

    def services(self) -> tuple[QuoteLine, ...]:
        """The lines as services and their prices: per-measurement lines (quotes issued before issue 15) are
        folded into the one findings line."""
        return fold_findings(self.lines)

    def to_json(self) -> bytes:
        return json.dumps(asdict(self), ensure_ascii=False).encode()

    @classmethod
    def from_json(cls, data: bytes) -> Quote:
        raw = json.loads(data)
        raw["lines"] = tuple(QuoteLine(**line) for line in raw["lines"])
        return cls(**raw)


# ---- price rules -------------------------------------------------------------------------------
def price_rules(session: Session, service: Service | str) -> dict[str, int]:
    """All rules of a service (rule name -> integer: Rial, days, percent or count)."""
    session.require("orders.read")
    rows = session.conn.execute("SELECT rule, amount FROM price_rules WHERE service = ?", (Service(service).value,))
    return {rule: int(amount) for rule, amount in rows}


def set_price_rule(session: Session, service: Service | str, rule: str, amount: int) -> None:
    """Manager only. `rule` is one of RULE_NAMES or 'finding:<measurement key>'."""
    session.require("prices.manage")
    service = Service(service)
    known = rule in RULE_NAMES or (rule.startswith(FINDING_PREFIX) and 0 < len(rule) - len(FINDING_PREFIX) <= 64)
    if not known or not rule.isascii():
        raise ValidationError.coded("orders.unknown_price_rule", "rule")
    if isinstance(amount, bool) or not isinstance(amount, int) or not 0 <= amount <= MAX_AMOUNT:
        raise ValidationError.coded("orders.amount_whole_non_negative", "amount")
    with transaction(session.conn):
        session.conn.execute(
            "INSERT INTO price_rules(service, rule, amount) VALUES (?, ?, ?)"
            " ON CONFLICT(service, rule) DO UPDATE SET amount = excluded.amount",
            (service.value, rule, amount),
        )
        session.audit("prices.changed", f"price:{service.value}", {"rule": rule, "amount": amount})


def delete_price_rule(session: Session, service: Service | str, rule: str) -> None:
    session.require("prices.manage")
    with transaction(session.conn):
        session.conn.execute("DELETE FROM price_rules WHERE service = ? AND rule = ?", (Service(service).value, rule))
        session.audit("prices.deleted", f"price:{Service(service).value}", {"rule": rule})


# ---- computing ---------------------------------------------------------------------------------
def _line(code: str, quantity: int, amount: int) -> QuoteLine:
    en, fa = RULE_NAMES.get(code, (code, code))
    return QuoteLine(code, en, fa, quantity, amount)


def fold_findings(lines: tuple[QuoteLine, ...] | list[QuoteLine]) -> tuple[QuoteLine, ...]:
    """Every `finding:<key>` line becomes part of one `findings` line (where the first of them stood)."""
    findings = [line for line in lines if line.code.startswith(FINDING_PREFIX) or line.code == FINDINGS]
    if not findings:
        return tuple(lines)
    folded = QuoteLine(
        FINDINGS,
        *FINDINGS_LABEL,
        sum(line.quantity for line in findings),
        sum(line.amount_rial for line in findings),
    )
    out: list[QuoteLine] = []
    for line in lines:
        if line in findings:
            if folded not in out:
                out.append(folded)
        else:
            out.append(line)
    return tuple(out)


def _out_of_range_keys(session: Session, order: Order) -> dict[str, tuple[str, str]]:
    """Measurement keys outside their normal range on any photo -> (label_en, label_fa): from the basis kept
    under the record key once the data key is sealed after analysis, else from the analyses themselves."""
    basis = session.conn.execute("SELECT quote_basis FROM order_keys WHERE order_id = ?", (order.id,)).fetchone()
    if basis is not None and basis[0] is not None:
        kept = json.loads(blobstore.open_value(record_key(session.conn, order.id), order.id, "quote_basis", basis[0]))
        return {str(k): (str(v[0]), str(v[1])) for k, v in kept.items()}
    return _analysed_out_of_range(session, order)


def _analysed_out_of_range(session: Session, order: Order) -> dict[str, tuple[str, str]]:
    key = order_key(session.conn, order.id)
    found: dict[str, tuple[str, str]] = {}
    for (sealed,) in session.conn.execute(
        "SELECT analysis_sealed FROM photos WHERE order_id = ? AND analysis_sealed IS NOT NULL", (order.id,)
    ):
        analysis = json.loads(blobstore.open_value(key, order.id, "analysis", sealed))
        for m in analysis.get("measurements", []):
            if m.get("status") in ("below", "above") and isinstance(m.get("key"), str):
                found.setdefault(m["key"], (str(m.get("label_en") or m["key"]), str(m.get("label_fa") or m["key"])))
    return found


def _rhinoplasty_lines(session: Session, order: Order, rules: dict[str, int]) -> list[QuoteLine]:
    lines = [_line("base", 1, rules.get("base", 0))]
    views = order.files_count
    extra = max(0, views - rules.get("included_views", views))
    if extra and rules.get("per_extra_view"):
        lines.append(_line("per_extra_view", extra, extra * rules["per_extra_view"]))
    charged = [
        QuoteLine(FINDING_PREFIX + code, en, fa, 1, rules.get(FINDING_PREFIX + code, rules.get("per_finding", 0)))
        for code, (en, fa) in _out_of_range_keys(session, order).items()
    ]
    charged = sorted((c for c in charged if c.amount_rial), key=lambda c: (-c.amount_rial, c.code))
    cap = rules.get("max_charged_findings")
    return list(fold_findings(lines + (charged if cap is None else charged[:cap])))


def keep_quote_basis(session: Session, order_id: int) -> None:
    """Before the data key is sealed (inside the caller's transaction, after the order got its record key):
    keep what pricing reads from the analyses (the out-of-range measurement keys and their labels, which the
    quote's lines name anyway) under the record key, so quoting never needs the photos' key."""
    order = load_order(session.conn, order_id)
    basis = json.dumps(_analysed_out_of_range(session, order), ensure_ascii=False).encode("utf-8")
    sealed = blobstore.seal_value(record_key(session.conn, order_id), order_id, "quote_basis", basis)
    session.conn.execute("UPDATE order_keys SET quote_basis = ? WHERE order_id = ?", (sealed, order_id))


def _word_count(session: Session, order_id: int) -> int:
    return int(
        session.conn.execute(
            "SELECT coalesce(sum(word_count), 0) FROM documents WHERE order_id = ?", (order_id,)
        ).fetchone()[0]
    )


def compute_quote(session: Session, order_id: int, urgent: bool = False) -> Quote:
    """Price and turnaround from the analysis/word count and the clinic's rules (nothing stored)."""
    session.require("orders.read")
    order = load_order(session.conn, order_id)
    rules = price_rules(session, order.service)
    days = rules.get("turnaround_days", 1)
    if order.service == Service.RHINOPLASTY_ANALYSIS:
        lines = _rhinoplasty_lines(session, order, rules)
    else:
        words = _word_count(session, order_id)
        lines = [_line("base", 1, rules.get("base", 0)), _line("per_word", words, words * rules.get("per_word", 0))]
        per_day = rules.get("words_per_day", 0)
        if per_day:
            days = max(days, -(-words // per_day))
    subtotal = sum(line.amount_rial for line in lines)
    if urgent:
        surcharge = subtotal * rules.get("urgent_percent", 0) // 100
        lines.append(_line("urgent_percent", 1, surcharge))
        days = min(days, rules.get("urgent_turnaround_days", days))
    return Quote(tuple(lines), sum(line.amount_rial for line in lines), max(1, days), urgent)


def issue_quote(
    session: Session,
    order_id: int,
    urgent: bool = False,
    *,
    override_total_rial: int | None = None,
    override_turnaround_days: int | None = None,
    reason: str | None = None,
) -> Quote:
    """Compute and store the quote; analyzed/quoted -> quoted. An override needs a reason."""
    order = load_order(session.conn, order_id)
    check(session, order, Action.QUOTE)
    quote = compute_quote(session, order_id, urgent)
    overridden = override_total_rial is not None or override_turnaround_days is not None
    if overridden:
        reason = guard_free_text((reason or "").strip(), "override_reason")
        if len(reason) < 3:
            raise ValidationError.coded("orders.give_reason_for_changing", "override_reason")
        total = quote.total_rial if override_total_rial is None else override_total_rial
        days = quote.turnaround_days if override_turnaround_days is None else override_turnaround_days
        if isinstance(total, bool) or not isinstance(total, int) or not 0 <= total <= MAX_AMOUNT:
            raise ValidationError.coded("orders.price_whole_number_rial", "total")
        if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 365:
            raise ValidationError.coded("orders.turnaround_1_365_days", "turnaround_days")
        lines = (*quote.lines, QuoteLine("override", "Manual change", "تغییر دستی", 1, total - quote.total_rial))
        quote = Quote(lines, total, days, urgent, True)
    sealed = blobstore.seal_value(record_key(session.conn, order_id), order_id, "quote", quote.to_json())
    details: dict[str, Any] = {
        "total_rial": quote.total_rial,
        "turnaround_days": quote.turnaround_days,
        "urgent": urgent,
    }
    if overridden:
        details["override_from_rial"] = compute_quote(session, order_id, urgent).total_rial
    advance(
        session,
        order_id,
        Action.QUOTE,
        fields={
            "price_rial": quote.total_rial,
            "turnaround_days": quote.turnaround_days,
            "urgent": int(urgent),
            "quote_sealed": sealed,
            "quote_override": int(overridden),
            "override_reason": reason if overridden else None,
            "quoted_at": clock.text(),
        },
        details=details,
    )
    return quote


def stored_quote(session: Session, order_id: int) -> Quote | None:
    """The issued quote's breakdown (reception/manager; doctors see only total and turnaround)."""
    session.require("orders.write")
    row = session.conn.execute("SELECT quote_sealed FROM orders WHERE id = ?", (order_id,)).fetchone()
    if row is None or row[0] is None:
        return None
    key = record_key(session.conn, order_id)  # reception keeps it after consent seals the data key
    return Quote.from_json(blobstore.open_value(key, order_id, "quote", row[0]))
