"""The dashboard's words in Persian (default, right-to-left) and English."""

from __future__ import annotations

from collections.abc import Callable

LANGUAGES = ("fa", "en")
FA_DIGITS = "۰۱۲۳۴۵۶۷۸۹"

STRINGS: dict[str, tuple[str, str]] = {  # key: (fa, en)
    "title": ("مایا — دفتر مرکزی", "Maya — head office"),
    "login": ("ورود", "Sign in"),
    "logout": ("خروج", "Sign out"),
    "username": ("نام کاربری", "User name"),
    "password": ("گذرواژه", "Password"),
    "bad_login": ("نام کاربری یا گذرواژه درست نیست.", "Wrong user name or password."),
    "too_many": (
        "تلاش‌های ورود زیاد بود؛ یک دقیقه بعد دوباره امتحان کنید.",
        "Too many sign-in attempts; try again in a minute.",
    ),
    "bad_form": ("فرم منقضی شده است؛ دوباره تلاش کنید.", "The form expired; please try again."),
    "other_lang": ("English", "فارسی"),
    "privacy_record": ("کارنامهٔ حریم خصوصی", "Privacy record"),
    "clinic": ("درمانگاه", "Clinic"),
    "retention": ("نگهداری (روز)", "Retention (days)"),
    "delivered": ("تحویل‌شده", "Delivered"),
    "in_time": ("نابودشده به‌موقع", "Destroyed in time"),
    "late": ("نابودشده با تأخیر", "Destroyed late"),
    "held": ("در توقیف قانونی", "Held (lawful hold)"),
    "overdue": ("دیرکرد", "Overdue"),
    "within": ("در مهلت", "Within retention"),
    "share": ("سهم نابودی به‌موقع", "Destroyed within retention"),
    "last_sync": ("آخرین همگام‌سازی", "Last sync"),
    "never": ("هرگز", "never"),
    "workstations": ("رایانه‌ها", "Workstations"),
    "quietest": ("کم‌خبرترین", "quietest"),
    "anchor": ("آخرین لنگر ممیزی", "Newest audit anchor"),
    "seq": ("شماره", "seq"),
    "rollback": ("بازگشت دفتر ممیزی محتمل است", "audit rollback suspected"),
    "revoked": ("لغوشده", "revoked"),
    "overdue_orders": ("سفارش‌های دیرکرد (شناسهٔ بی‌نام)", "Overdue orders (anonymous reference)"),
    "order_ref": ("شناسهٔ سفارش", "Order reference"),
    "delivered_day": ("روز تحویل", "Delivered on"),
    "days_over": ("روز دیرکرد", "Days over"),
    "none_overdue": ("هیچ سفارشی دیرکرد ندارد.", "No order is overdue."),
    "orders_week": ("سفارش‌ها در هفته", "Orders per week"),
    "conversion": ("تبدیل پیش‌فاکتور به پرداخت", "Quote → payment conversion"),
    "turnaround": ("زمان از عکس تا تحویل (میانه، روز)", "Photos → delivery (median days)"),
    "export": ("خروجی CSV", "Export CSV"),
    "export_orders": ("سفارش‌ها در هفته", "Orders per week"),
    "export_privacy": ("کارنامهٔ حریم خصوصی", "Privacy record"),
    "rhinoplasty_analysis": ("تحلیل بینی", "Rhinoplasty analysis"),
    "confidential_document": ("سند محرمانه", "Confidential document"),
    "definitions": (
        "سهم = نابودشدهٔ به‌موقع ÷ (به‌موقع + با تأخیر + دیرکرد). سفارش در توقیف قانونی دیرکرد شمرده نمی‌شود؛"
        " توقیف با روز رویداد سنجیده می‌شود: اگر رفع توقیف در همان روز یا پس از آخرین توقیف باشد، سفارش آزاد است.",
        "Share = destroyed in time ÷ (in time + late + overdue). An order under a lawful hold is not overdue;"
        " holds go by the event's day: a lift on the same day as the latest hold or later frees the order.",
    ),
    "days": ("روز", "days"),
}


def translator(lang: str) -> Callable[[str], str]:
    index = 0 if lang == "fa" else 1

    def t(key: str) -> str:
        return STRINGS[key][index]

    return t


def number(value: object, lang: str) -> str:
    """Digits in the reader's script (Persian digits in Persian)."""
    text = str(value)
    if lang != "fa":
        return text
    return "".join(FA_DIGITS[int(c)] if c.isascii() and c.isdigit() else c for c in text).replace("%", "٪")
