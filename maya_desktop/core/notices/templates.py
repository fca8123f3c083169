"""Notice templates: Persian first, English where the client chose it; edited and reviewed by a manager.

A template is plain text with `{placeholder}` fields. Only the fields listed for its kind may appear
(anything else is refused when a manager saves it), and values are substituted by a regular
expression, never by `str.format` (which would let a template reach into Python objects).

What the texts may say is deliberately little (issue 19): the clinic name, the order number, the
amount, dates, a receipt number, the doctor's name for consent. Never a procedure, a measurement, a
photo, or a card field: payment is through the bank gateway only.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from typing import Any, Literal

from maya_desktop.core.db import transaction
from maya_desktop.core.errors import ValidationError
from maya_desktop.core.persian import format_jalali_date, format_toman, to_persian_digits
from maya_desktop.core.session import Session
from maya_desktop.core.settings import get_setting, set_setting
from maya_desktop.core.validation import guard_free_text

Lang = Literal["fa", "en"]
Part = Literal["subject", "email", "sms"]
LANGS: tuple[Lang, ...] = ("fa", "en")
PARTS: tuple[Part, ...] = ("subject", "email", "sms")
SERVICE_KINDS = ("quote_ready", "delivered", "destruction_receipt", "consent_recorded")
KINDS = (*SERVICE_KINDS, "marketing")
MAX_TEMPLATE_CHARS = 2000
MAX_SMS_CHARS = 300  # a few SMS parts at most: the gateway sees the text, so keep it short

# The fields each kind may use. `clinic` and `order` are in every order notice.
FIELDS: dict[str, tuple[str, ...]] = {
    "quote_ready": ("clinic", "order", "amount", "turnaround", "valid_until", "pay"),
    "delivered": ("clinic", "order", "destroy_on"),
    "destruction_receipt": ("clinic", "order", "destroyed_on", "receipt", "files", "files_count"),
    "consent_recorded": ("clinic", "order", "doctor", "date"),
    "marketing": ("clinic", "message", "opt_out"),
}

DEFAULTS: dict[tuple[str, Lang, Part], str] = {
    ("quote_ready", "fa", "subject"): "{clinic}: پیش‌فاکتور سفارش {order} آماده است",
    ("quote_ready", "fa", "email"): (
        "سلام،\n\nپیش‌فاکتور سفارش {order} در {clinic} آماده است.\n"
        "مبلغ: {amount}\nزمان انجام: {turnaround}\nاعتبار تا: {valid_until}\n\n{pay}\n\n"
        "ما هرگز شمارهٔ کارت یا رمز شما را نمی‌خواهیم؛ پرداخت فقط از درگاه بانکی انجام می‌شود.\n\n{clinic}"
    ),
    ("quote_ready", "fa", "sms"): "{clinic}: پیش‌فاکتور سفارش {order}: {amount}، {turnaround}. {pay}",
    ("quote_ready", "en", "subject"): "{clinic}: the quote for order {order} is ready",
    ("quote_ready", "en", "email"): (
        "Hello,\n\nThe quote for your order {order} at {clinic} is ready.\n"
        "Amount: {amount}\nTurnaround: {turnaround}\nValid until: {valid_until}\n\n{pay}\n\n"
        "We never ask for your card number or PIN; payment is only through the bank gateway.\n\n{clinic}"
    ),
    ("quote_ready", "en", "sms"): "{clinic}: quote for order {order}: {amount}, {turnaround}. {pay}",
    ("delivered", "fa", "subject"): "{clinic}: آنالیز سفارش {order} تحویل شد",
    ("delivered", "fa", "email"): (
        "سلام،\n\nآنالیز سفارش {order} تحویل شد.\n"
        "طبق تعهد ما، همهٔ فایل‌های این سفارش در تاریخ {destroy_on} نابود می‌شوند و نسخه‌ای نزد ما نمی‌ماند. "
        "رسید نابودی را برایتان می‌فرستیم.\n\n{clinic}"
    ),
    ("delivered", "fa", "sms"): "{clinic}: سفارش {order} تحویل شد. فایل‌ها در {destroy_on} نابود می‌شوند.",
    ("delivered", "en", "subject"): "{clinic}: order {order} has been delivered",
    ("delivered", "en", "email"): (
        "Hello,\n\nThe analysis for order {order} has been delivered.\n"
        "As promised, every file of this order will be destroyed on {destroy_on}; we keep no copy. "
        "We will send you the destruction receipt.\n\n{clinic}"
    ),
    ("delivered", "en", "sms"): "{clinic}: order {order} delivered. Files destroyed on {destroy_on}.",
    ("destruction_receipt", "fa", "subject"): "{clinic}: رسید نابودی فایل‌های سفارش {order}",
    ("destruction_receipt", "fa", "email"): (
        "سلام،\n\nهمهٔ فایل‌های سفارش {order} در تاریخ {destroyed_on} نابود شد و کلید رمزگذاری آن‌ها پاک شد.\n"
        "شمارهٔ رسید: {receipt}\nفایل‌های نابودشده ({files_count}):\n{files}\n\n"
        "این رسید در دفتر رویدادهای کلینیک با همین شماره ثبت است.\n\n{clinic}"
    ),
    ("destruction_receipt", "fa", "sms"): (
        "{clinic}: {files_count} فایل سفارش {order} در {destroyed_on} نابود شد. رسید: {receipt}"
    ),
    ("destruction_receipt", "en", "subject"): "{clinic}: destruction receipt for order {order}",
    ("destruction_receipt", "en", "email"): (
        "Hello,\n\nEvery file of order {order} was destroyed on {destroyed_on} and its encryption key erased.\n"
        "Receipt number: {receipt}\nFiles destroyed ({files_count}):\n{files}\n\n"
        "The clinic's audit log holds this receipt under the same number.\n\n{clinic}"
    ),
    ("destruction_receipt", "en", "sms"): (
        "{clinic}: {files_count} files of order {order} destroyed on {destroyed_on}. Receipt: {receipt}"
    ),
    ("consent_recorded", "fa", "subject"): "{clinic}: رضایت شما برای سفارش {order} ثبت شد",
    ("consent_recorded", "fa", "email"): (
        "سلام،\n\nرضایت شما در تاریخ {date} ثبت شد: فایل‌های سفارش {order} فقط در اختیار {doctor} قرار می‌گیرد.\n"
        "اگر این رضایت را نداده‌اید، با کلینیک تماس بگیرید.\n\n{clinic}"
    ),
    ("consent_recorded", "fa", "sms"): "{clinic}: رضایت سفارش {order} برای {doctor} در {date} ثبت شد.",
    ("consent_recorded", "en", "subject"): "{clinic}: your consent for order {order} was recorded",
    ("consent_recorded", "en", "email"): (
        "Hello,\n\nYour consent was recorded on {date}: the files of order {order} go to {doctor} only.\n"
        "If you did not give this consent, please contact the clinic.\n\n{clinic}"
    ),
    ("consent_recorded", "en", "sms"): "{clinic}: consent for order {order} recorded for {doctor} on {date}.",
    ("marketing", "fa", "subject"): "{clinic}: خبر تازه",
    ("marketing", "fa", "email"): "{message}\n\n{clinic}\n\n{opt_out}",
    ("marketing", "fa", "sms"): "{clinic}: {message}\n{opt_out}",
    ("marketing", "en", "subject"): "{clinic}: news",
    ("marketing", "en", "email"): "{message}\n\n{clinic}\n\n{opt_out}",
    ("marketing", "en", "sms"): "{clinic}: {message}\n{opt_out}",
}

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str
    sms: str
    lang: Lang


@dataclass(frozen=True)
class TemplateReview:
    reviewed_by: str | None
    reviewed_at: str | None


def _key(kind: str, lang: str, part: str) -> str:
    return f"notices.template.{kind}.{lang}.{part}"


def template(conn: Any, kind: str, lang: Lang, part: Part) -> str:
    """The template in force: the manager's text if saved, else the shipped default."""
    saved = get_setting(conn, _key(kind, lang, part), "")
    return saved or DEFAULTS[(kind, lang, part)]


def review(conn: Any) -> TemplateReview:
    return TemplateReview(
        get_setting(conn, "notices.templates_reviewed_by", ""), get_setting(conn, "notices.templates_reviewed_at", "")
    )


def check_template(kind: str, part: Part, text: str) -> str:
    """Refuse unknown fields, card numbers and over-long texts (message names the field, not the text)."""
    if kind not in FIELDS or part not in PARTS:
        raise ValidationError.coded("notices.unknown_template", "template", kind=kind, part=part)
    text = text.replace("\r\n", "\n").strip()
    if not text:
        raise ValidationError.coded("notices.template_empty", part)
    limit = MAX_SMS_CHARS if part == "sms" else MAX_TEMPLATE_CHARS
    if len(text) > limit:
        raise ValidationError(
            f"The {part} template is longer than {limit} characters.",
            f"متن قالب از {to_persian_digits(limit)} نویسه بلندتر است.",
            part,
        )
    unknown = sorted({name for name in PLACEHOLDER.findall(text) if name not in FIELDS[kind]})
    if unknown:
        raise ValidationError(
            f"Unknown fields in the template: {', '.join(unknown)}.",
            f"این فیلدها در قالب مجاز نیستند: {'، '.join(unknown)}",
            part,
        )
    if kind == "marketing" and "{opt_out}" not in text:
        raise ValidationError.coded("notices.marketing_without_opt_out", part)
    for line in text.split("\n"):
        guard_free_text(line, part)  # no card numbers, even in a template
    return text


def save_templates(session: Session, kind: str, lang: Lang, texts: dict[str, str]) -> None:
    """A manager saves (and so reviews) one kind's templates in one language. Audited without the text."""
    session.require("settings.manage")
    if lang not in LANGS:
        raise ValidationError.coded("notices.unknown_language", "lang")
    clean = {part: check_template(kind, part, texts[part]) for part in PARTS if part in texts}
    from maya_desktop.core.audit import now_utc

    with transaction(session.conn):
        for part, text in clean.items():
            set_setting(session.conn, _key(kind, lang, part), "" if text == DEFAULTS[(kind, lang, part)] else text)
        set_setting(session.conn, "notices.templates_reviewed_by", session.actor)
        set_setting(session.conn, "notices.templates_reviewed_at", now_utc())
        session.audit("notices.templates_reviewed", "settings", {"kind": kind, "lang": lang, "parts": sorted(clean)})


def substitute(text: str, values: dict[str, str]) -> str:
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def _date(value: str | None, lang: Lang) -> str:
    if not value:
        return ""
    moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return format_jalali_date(moment, "fa") if lang == "fa" else moment.astimezone().date().isoformat()


def _number(value: int | str, lang: Lang) -> str:
    return to_persian_digits(str(value)) if lang == "fa" else str(value)


FILE_KIND_LABELS = {
    "fa": {"photo": "عکس", "thumb": "تصویر کوچک", "report": "گزارش", "document": "سند", "consent_form": "فرم رضایت"},
    "en": {
        "photo": "photo",
        "thumb": "thumbnail",
        "report": "report",
        "document": "document",
        "consent_form": "consent form",
    },
}


_LATIN_LETTER = re.compile(r"[A-Za-z]")


def _in_text(value: str, lang: Lang) -> str:
    """A value written into the text: in Persian, a name or address with Latin letters ("Maya Beauty
    Collection", a doctor's Latin name, the gateway's link) in its own direction isolate (U+2068 ... U+2069),
    so the bidirectional algorithm cannot reorder it with the Persian words around it."""
    if lang == "fa" and _LATIN_LETTER.search(value):
        return f"\u2068{value}\u2069"
    return value


def field_values(kind: str, facts: dict[str, Any], lang: Lang, clinic: str) -> dict[str, str]:
    """Format the stored facts of one notice for one language (Persian digits and Jalali dates in fa)."""
    values = {"clinic": _in_text(clinic, lang), "order": _number(facts.get("order", ""), lang)}
    if kind == "quote_ready":
        days = int(facts["turnaround_days"])
        values["amount"] = format_toman(int(facts["amount_rial"]), lang)
        values["turnaround"] = f"{_number(days, lang)} روز کاری" if lang == "fa" else f"{days} working days"
        values["valid_until"] = _date(facts.get("valid_until"), lang)
        url = _in_text(str(facts.get("payment_url") or ""), lang)
        if lang == "fa":
            values["pay"] = f"پرداخت از درگاه بانکی: {url}" if url else "پرداخت در پذیرش از درگاه بانکی."
        else:
            values["pay"] = (
                f"Pay through the bank gateway: {url}" if url else "Pay at reception through the bank gateway."
            )
    elif kind == "delivered":
        values["destroy_on"] = _date(facts["destroy_after"], lang)
    elif kind == "destruction_receipt":
        labels = FILE_KIND_LABELS[lang]
        lines = [f"- {labels.get(f['kind'], f['kind'])} {f['file_id'][:8]}" for f in facts["files"]]
        values["destroyed_on"] = _date(facts["destroyed_at"], lang)
        # Latin letters and digits as the audit log has them, kept left-to-right inside Persian text
        values["receipt"] = f"\u200e{facts['receipt_no']}\u200e" if lang == "fa" else str(facts["receipt_no"])
        values["files"] = "\n".join(lines) if lines else ("-" if lang == "en" else "—")
        values["files_count"] = _number(len(facts["files"]), lang)
    elif kind == "consent_recorded":
        values["doctor"] = _in_text(str(facts["doctor"]), lang)
        values["date"] = _date(facts["recorded_at"], lang)
    elif kind == "marketing":
        values["message"] = str(facts["message"])
        code = _number(facts["opt_out_code"], lang)
        values["opt_out"] = (
            f"لغو دریافت خبرها: کد {code} را به پذیرش بگویید یا در پاسخ همین پیام بفرستید."
            if lang == "fa"
            else f"To stop these messages, reply with or tell reception the code {code}."
        )
    return values


def _html(text: str, lang: Lang) -> str:
    direction = "rtl" if lang == "fa" else "ltr"
    body = "<br>\n".join(html.escape(line) for line in text.split("\n"))
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}" dir="{direction}"><head><meta charset="utf-8"></head>'
        f'<body style="font-family: Vazirmatn, Tahoma, sans-serif; direction: {direction}; '
        f'text-align: {"right" if lang == "fa" else "left"}">\n{body}\n</body></html>\n'
    )


def render(conn: Any, kind: str, facts: dict[str, Any], lang: Lang, clinic: str) -> Rendered:
    values = field_values(kind, facts, lang, clinic)
    text = substitute(template(conn, kind, lang, "email"), values)
    return Rendered(
        subject=substitute(template(conn, kind, lang, "subject"), values).replace("\n", " "),
        text=text,
        html=_html(text, lang),
        sms=substitute(template(conn, kind, lang, "sms"), values),
        lang=lang,
    )


def sample_facts(kind: str) -> dict[str, Any]:
    """Made-up facts for the template editor's preview (no real client or order)."""
    now = dt.datetime.now(dt.UTC)
    samples: dict[str, dict[str, Any]] = {
        "quote_ready": {
            "order": 1234,
            "amount_rial": 45_000_000,
            "turnaround_days": 3,
            "valid_until": (now + dt.timedelta(days=14)).isoformat(),
            "payment_url": "",
        },
        "delivered": {"order": 1234, "destroy_after": (now + dt.timedelta(days=7)).isoformat()},
        "destruction_receipt": {
            "order": 1234,
            "receipt_no": "5678-3fa94c1e",
            "destroyed_at": now.isoformat(),
            "files": [
                {"file_id": "9c1f2e7ab3d44f0e", "kind": "photo"},
                {"file_id": "1b7d0c55e2a94e61", "kind": "report"},
            ],
        },
        "consent_recorded": {"order": 1234, "doctor": "دکتر نمونه", "recorded_at": now.isoformat()},
        "marketing": {"message": "جشنوارهٔ پاییزی: ده درصد تخفیف", "opt_out_code": "a1b2c3d4"},
    }
    return samples[kind]
