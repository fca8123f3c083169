"""Display names of the stable codes the GUI shows (statuses, services, views, roles, audit actions...).

Every Persian text is marked with QT_TRANSLATE_NOOP("Labels", ...) so pyside6-lupdate extracts it into
resources/translations/maya_en.ts; the functions translate at call time, so they follow the current
language. An unknown code falls back to the code itself. core keeps its own Persian dicts
(STATUS_LABELS_FA, VIEW_LABELS_FA, ...) for reports and messages; the texts here are the same.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name pyside6-lupdate looks for
    """Marks `text` for extraction and returns it unchanged (PySide6's own is typed as returning object)."""
    return text


CONTEXT = "Labels"

STATUS_LABELS: dict[str, str] = {
    "draft": QT_TRANSLATE_NOOP("Labels", "پیش‌نویس"),
    "photos_imported": QT_TRANSLATE_NOOP("Labels", "فایل‌ها وارد شد"),
    "analyzed": QT_TRANSLATE_NOOP("Labels", "تحلیل شد"),
    "quoted": QT_TRANSLATE_NOOP("Labels", "قیمت اعلام شد"),
    "paid": QT_TRANSLATE_NOOP("Labels", "پرداخت شد"),
    "consented": QT_TRANSLATE_NOOP("Labels", "رضایت ثبت شد"),
    "in_review": QT_TRANSLATE_NOOP("Labels", "در بررسی پزشک"),
    "delivered": QT_TRANSLATE_NOOP("Labels", "تحویل شد"),
    "cancelled": QT_TRANSLATE_NOOP("Labels", "لغو شد"),
    "expired": QT_TRANSLATE_NOOP("Labels", "منقضی شد"),
    "destroyed": QT_TRANSLATE_NOOP("Labels", "حذف شد"),
}

SERVICE_LABELS: dict[str, str] = {
    "rhinoplasty_analysis": QT_TRANSLATE_NOOP("Labels", "تحلیل چهره (جراحی بینی)"),
    "confidential_document": QT_TRANSLATE_NOOP("Labels", "سند محرمانه"),
}

VIEW_LABELS: dict[str, str] = {
    "frontal": QT_TRANSLATE_NOOP("Labels", "روبه‌رو"),
    "profile_left": QT_TRANSLATE_NOOP("Labels", "نیم‌رخ چپ"),
    "profile_right": QT_TRANSLATE_NOOP("Labels", "نیم‌رخ راست"),
    "oblique_left": QT_TRANSLATE_NOOP("Labels", "مایل چپ"),
    "oblique_right": QT_TRANSLATE_NOOP("Labels", "مایل راست"),
    "base": QT_TRANSLATE_NOOP("Labels", "از زیر (قاعدهٔ بینی)"),
}
UNKNOWN_VIEW = QT_TRANSLATE_NOOP("Labels", "نمای نامشخص")

ROLE_LABELS: dict[str, str] = {
    "manager": QT_TRANSLATE_NOOP("Labels", "مدیر"),
    "receptionist": QT_TRANSLATE_NOOP("Labels", "پذیرش"),
    "doctor": QT_TRANSLATE_NOOP("Labels", "پزشک"),
}

CONSENT_METHOD_LABELS: dict[str, str] = {
    "signed_form": QT_TRANSLATE_NOOP("Labels", "فرم امضاشده"),
    "verbal": QT_TRANSLATE_NOOP("Labels", "شفاهی"),
    "sms_code": QT_TRANSLATE_NOOP("Labels", "کد پیامکی"),
}

DESTROY_RULE_LABELS: dict[str, str] = {
    "retention": QT_TRANSLATE_NOOP("Labels", "پایان مهلت نگهداری پس از تحویل"),
    "cancelled": QT_TRANSLATE_NOOP("Labels", "لغو سفارش"),
    "expired": QT_TRANSLATE_NOOP("Labels", "منقضی شدن قیمت"),
    "client_request": QT_TRANSLATE_NOOP("Labels", "درخواست مشتری"),
    "client_erased": QT_TRANSLATE_NOOP("Labels", "حذف مشتری"),
}

AUDIT_ACTION_LABELS: dict[str, str] = {
    "clinic.created": QT_TRANSLATE_NOOP("Labels", "ساخت کلینیک"),
    "login": QT_TRANSLATE_NOOP("Labels", "ورود"),
    "login.failed": QT_TRANSLATE_NOOP("Labels", "ورود ناموفق"),
    "lock": QT_TRANSLATE_NOOP("Labels", "قفل"),
    "unlock": QT_TRANSLATE_NOOP("Labels", "باز کردن قفل"),
    "unlock.failed": QT_TRANSLATE_NOOP("Labels", "باز کردن قفل ناموفق"),
    "permission.denied": QT_TRANSLATE_NOOP("Labels", "تلاش بدون مجوز"),
    "agreement.accepted": QT_TRANSLATE_NOOP("Labels", "پذیرش تعهدنامه"),
    "staff.created": QT_TRANSLATE_NOOP("Labels", "ساخت حساب کارمند"),
    "staff.deactivated": QT_TRANSLATE_NOOP("Labels", "غیرفعال کردن کارمند"),
    "keyslots.refused": QT_TRANSLATE_NOOP("Labels", "کلید دسترسی ناشناخته یا دستکاری‌شده رد شد"),
    "keyslots.removed": QT_TRANSLATE_NOOP("Labels", "کلید دسترسی بی‌صاحب حذف شد"),
    "keyslots.repaired": QT_TRANSLATE_NOOP("Labels", "کلید دسترسی دستکاری‌شده ترمیم شد"),
    "audit.rollback_detected": QT_TRANSLATE_NOOP("Labels", "عقب‌گرد یا بازنویسی گزارش رویدادها پیدا شد"),
    "staff.password_reset": QT_TRANSLATE_NOOP("Labels", "گذرواژهٔ تازه برای کارمند"),
    "staff.password_changed": QT_TRANSLATE_NOOP("Labels", "تغییر گذرواژه"),
    "staff.totp_enabled": QT_TRANSLATE_NOOP("Labels", "فعال‌سازی ورود دومرحله‌ای"),
    "client.created": QT_TRANSLATE_NOOP("Labels", "ثبت مشتری"),
    "client.updated": QT_TRANSLATE_NOOP("Labels", "ویرایش مشتری"),
    "client.erased": QT_TRANSLATE_NOOP("Labels", "حذف کامل مشتری"),
    "demo.clients_added": QT_TRANSLATE_NOOP("Labels", "افزودن مشتریان نمایشی"),
    "settings.changed": QT_TRANSLATE_NOOP("Labels", "تغییر تنظیمات"),
    "order.created": QT_TRANSLATE_NOOP("Labels", "ثبت سفارش"),
    "order.notes_changed": QT_TRANSLATE_NOOP("Labels", "ویرایش یادداشت سفارش"),
    "order.import_files": QT_TRANSLATE_NOOP("Labels", "ورود عکس یا سند"),
    "order.complete_analysis": QT_TRANSLATE_NOOP("Labels", "پایان تحلیل"),
    "order.quote": QT_TRANSLATE_NOOP("Labels", "اعلام قیمت"),
    "order.pay": QT_TRANSLATE_NOOP("Labels", "ثبت پرداخت"),
    "order.consent": QT_TRANSLATE_NOOP("Labels", "ثبت رضایت"),
    "order.revoke_consent": QT_TRANSLATE_NOOP("Labels", "لغو رضایت"),
    "order.start_review": QT_TRANSLATE_NOOP("Labels", "شروع بررسی پزشک"),
    "order.deliver": QT_TRANSLATE_NOOP("Labels", "تحویل"),
    "order.cancel": QT_TRANSLATE_NOOP("Labels", "لغو سفارش"),
    "order.expire": QT_TRANSLATE_NOOP("Labels", "انقضای پیش‌فاکتور"),
    "order.purge": QT_TRANSLATE_NOOP("Labels", "نابودی طبق قاعده"),
    "order.destroy": QT_TRANSLATE_NOOP("Labels", "نابودی به درخواست"),
    "order.access_denied": QT_TRANSLATE_NOOP("Labels", "دسترسی ردشده به سفارش"),
    "order.file_access_denied": QT_TRANSLATE_NOOP("Labels", "دسترسی ردشده به فایل"),
    "order.client_copy_exported": QT_TRANSLATE_NOOP("Labels", "خروجی برای مشتری"),
    "order.client_copy_started": QT_TRANSLATE_NOOP("Labels", "آغاز خروجی برای مشتری"),
    "order.client_copy_failed": QT_TRANSLATE_NOOP("Labels", "خروجی برای مشتری ناتمام ماند"),
    "order.client_copy_partial_removed": QT_TRANSLATE_NOOP("Labels", "پاک کردن پوشهٔ ناتمام خروجی مشتری"),
    "case.opened": QT_TRANSLATE_NOOP("Labels", "باز کردن پرونده"),
    "photo.opened": QT_TRANSLATE_NOOP("Labels", "دیدن عکس"),
    "photo.removed": QT_TRANSLATE_NOOP("Labels", "حذف عکس"),
    "photo.views_confirmed": QT_TRANSLATE_NOOP("Labels", "تأیید نماها"),
    "photo.analysis_opened": QT_TRANSLATE_NOOP("Labels", "دیدن تحلیل"),
    "photo.analysis_saved": QT_TRANSLATE_NOOP("Labels", "ذخیرهٔ تحلیل"),
    "document.opened": QT_TRANSLATE_NOOP("Labels", "دیدن سند"),
    "consent.form_opened": QT_TRANSLATE_NOOP("Labels", "دیدن فرم رضایت"),
    "report.saved": QT_TRANSLATE_NOOP("Labels", "ذخیرهٔ یافته‌ها"),
    "report.opened": QT_TRANSLATE_NOOP("Labels", "دیدن گزارش"),
    "report.pdf_saved": QT_TRANSLATE_NOOP("Labels", "ذخیرهٔ گزارش PDF"),
    "report.pdf_opened": QT_TRANSLATE_NOOP("Labels", "باز کردن گزارش PDF"),
    "report.pdf_removed": QT_TRANSLATE_NOOP("Labels", "حذف نسخهٔ قدیمی گزارش"),
    "report.exported": QT_TRANSLATE_NOOP("Labels", "خروجی گزارش"),
    "breakglass.started": QT_TRANSLATE_NOOP("Labels", "شروع دسترسی اضطراری"),
    "breakglass.ended": QT_TRANSLATE_NOOP("Labels", "پایان دسترسی اضطراری"),
    "client.access_report": QT_TRANSLATE_NOOP("Labels", "گزارش دسترسی مشتری"),
    "prices.changed": QT_TRANSLATE_NOOP("Labels", "تغییر قیمت‌ها"),
    "prices.deleted": QT_TRANSLATE_NOOP("Labels", "حذف قاعدهٔ قیمت"),
    "payments.gateways_changed": QT_TRANSLATE_NOOP("Labels", "تغییر فهرست درگاه‌های پرداخت"),
    "backup.created": QT_TRANSLATE_NOOP("Labels", "ساخت پشتیبان"),
    "backup.configured": QT_TRANSLATE_NOOP("Labels", "تنظیم پشتیبان خودکار"),
    "document.imported": QT_TRANSLATE_NOOP("Labels", "ورود سند"),
    "photo.imported": QT_TRANSLATE_NOOP("Labels", "ورود عکس"),
    "sync.settings_changed": QT_TRANSLATE_NOOP("Labels", "تغییر تنظیمات همگام‌سازی"),
    "legal.recorded": QT_TRANSLATE_NOOP("Labels", "ثبت درخواست قانونی"),
    "legal.approved": QT_TRANSLATE_NOOP("Labels", "تأیید درخواست قانونی"),
    "legal.approval_denied": QT_TRANSLATE_NOOP("Labels", "تأیید ردشده (اصل چهار چشم)"),
    "legal.refused": QT_TRANSLATE_NOOP("Labels", "رد درخواست قانونی"),
    "legal.exported": QT_TRANSLATE_NOOP("Labels", "خروجی برای مرجع قضایی"),
    "legal.order_exported": QT_TRANSLATE_NOOP("Labels", "خروجی سفارش برای مرجع قضایی"),
    "legal.export_denied": QT_TRANSLATE_NOOP("Labels", "خروجی قضایی ردشده"),
    "legal.export_started": QT_TRANSLATE_NOOP("Labels", "آغاز خروجی برای مرجع قضایی"),
    "legal.export_failed": QT_TRANSLATE_NOOP("Labels", "خروجی قضایی ناتمام ماند"),
    "legal.partial_removed": QT_TRANSLATE_NOOP("Labels", "پاک کردن پوشهٔ ناتمام خروجی قضایی"),
    "legal.closed": QT_TRANSLATE_NOOP("Labels", "بستن درخواست قانونی"),
    # client notices (core/notices)
    "notice.sent": QT_TRANSLATE_NOOP("Labels", "ارسال اعلان به مشتری"),
    "notice.failed": QT_TRANSLATE_NOOP("Labels", "ارسال اعلان ناموفق ماند"),
    "notices.retry": QT_TRANSLATE_NOOP("Labels", "ارسال دوبارهٔ اعلان‌ها"),
    "notices.templates_reviewed": QT_TRANSLATE_NOOP("Labels", "بازبینی قالب اعلان‌ها"),
    "notices.channel_configured": QT_TRANSLATE_NOOP("Labels", "تنظیم ایمیل یا پیامک اعلان‌ها"),
    "notices.payment_url_changed": QT_TRANSLATE_NOOP("Labels", "تغییر نشانی صفحهٔ پرداخت"),
    "notices.marketing_queued": QT_TRANSLATE_NOOP("Labels", "ارسال خبر رویداد یا تخفیف"),
    "client.marketing_opt_out": QT_TRANSLATE_NOOP("Labels", "لغو اشتراک خبرها"),
    "legal.hold_placed": QT_TRANSLATE_NOOP("Labels", "آغاز نگهداری قانونی"),
    "legal.hold_lifted": QT_TRANSLATE_NOOP("Labels", "پایان نگهداری قانونی"),
    "legal.destruction_deferred": QT_TRANSLATE_NOOP("Labels", "نابودی به سبب نگهداری قانونی عقب افتاد"),
    "audit.exported": QT_TRANSLATE_NOOP("Labels", "خروجی گزارش رویدادها"),
    "backup.restored": QT_TRANSLATE_NOOP("Labels", "بازیابی پشتیبان"),
    "order.document_printed": QT_TRANSLATE_NOOP("Labels", "چاپ پیش‌فاکتور یا رسید"),  # reception (issue 15)
    # the clinic network (issue 14)
    "network.pairing_code": QT_TRANSLATE_NOOP("Labels", "ساخت کد جفت‌سازی ایستگاه کاری"),
    "network.revoked": QT_TRANSLATE_NOOP("Labels", "لغو دسترسی ایستگاه کاری"),
    "network.signin": QT_TRANSLATE_NOOP("Labels", "ورود از ایستگاه کاری"),
    "network.unsealed": QT_TRANSLATE_NOOP("Labels", "باز شدن گاوصندوق میزبان"),
}

# Keys of the audit entries' details (record ids and codes only: never personal data).
AUDIT_DETAIL_LABELS: dict[str, str] = {
    "action": QT_TRANSLATE_NOOP("Labels", "کار"),
    "amount": QT_TRANSLATE_NOOP("Labels", "مبلغ (ریال)"),
    "amount_rial": QT_TRANSLATE_NOOP("Labels", "مبلغ (ریال)"),
    "matches_quote": QT_TRANSLATE_NOOP("Labels", "برابر با قیمت اعلام‌شده"),
    "payment": QT_TRANSLATE_NOOP("Labels", "پرداخت"),
    "suggested_view": QT_TRANSLATE_NOOP("Labels", "نمای پیشنهادی"),
    "operation": QT_TRANSLATE_NOOP("Labels", "عملیات"),
    "parts": QT_TRANSLATE_NOOP("Labels", "بخش‌ها"),
    "folders": QT_TRANSLATE_NOOP("Labels", "پوشه‌ها"),
    "at": QT_TRANSLATE_NOOP("Labels", "زمان"),
    "backup_id": QT_TRANSLATE_NOOP("Labels", "شناسهٔ پشتیبان"),
    "basis": QT_TRANSLATE_NOOP("Labels", "مبنا"),
    "breakglass": QT_TRANSLATE_NOOP("Labels", "دسترسی اضطراری"),
    "campaign": QT_TRANSLATE_NOOP("Labels", "خبر"),
    "cancelled": QT_TRANSLATE_NOOP("Labels", "لغوشده"),
    "channel": QT_TRANSLATE_NOOP("Labels", "راه ارسال"),
    "client": QT_TRANSLATE_NOOP("Labels", "مشتری"),
    "consent": QT_TRANSLATE_NOOP("Labels", "رضایت"),
    "count": QT_TRANSLATE_NOOP("Labels", "تعداد"),
    "destroyed": QT_TRANSLATE_NOOP("Labels", "نابودشده"),
    "document": QT_TRANSLATE_NOOP("Labels", "سند"),
    "enabled": QT_TRANSLATE_NOOP("Labels", "روشن"),
    "events": QT_TRANSLATE_NOOP("Labels", "رویدادها"),
    "fields": QT_TRANSLATE_NOOP("Labels", "فیلدها"),
    "file": QT_TRANSLATE_NOOP("Labels", "فایل"),
    "files": QT_TRANSLATE_NOOP("Labels", "فایل‌ها"),
    "filtered": QT_TRANSLATE_NOOP("Labels", "با پالایه"),
    "from": QT_TRANSLATE_NOOP("Labels", "از"),
    "to": QT_TRANSLATE_NOOP("Labels", "به"),
    "how": QT_TRANSLATE_NOOP("Labels", "روش"),
    "kind": QT_TRANSLATE_NOOP("Labels", "نوع"),
    "kinds": QT_TRANSLATE_NOOP("Labels", "انواع"),
    "type": QT_TRANSLATE_NOOP("Labels", "نوع"),
    "lang": QT_TRANSLATE_NOOP("Labels", "زبان"),
    "managers": QT_TRANSLATE_NOOP("Labels", "مدیران"),
    "marketing_consent": QT_TRANSLATE_NOOP("Labels", "اشتراک خبرها"),
    "minutes": QT_TRANSLATE_NOOP("Labels", "دقیقه"),
    "notice": QT_TRANSLATE_NOOP("Labels", "اعلان"),
    "notices": QT_TRANSLATE_NOOP("Labels", "اعلان‌ها"),
    "orders": QT_TRANSLATE_NOOP("Labels", "سفارش‌ها"),
    "permission": QT_TRANSLATE_NOOP("Labels", "مجوز"),
    "photo": QT_TRANSLATE_NOOP("Labels", "عکس"),
    "photos": QT_TRANSLATE_NOOP("Labels", "عکس‌ها"),
    "reason": QT_TRANSLATE_NOOP("Labels", "دلیل"),
    "recovery_code": QT_TRANSLATE_NOOP("Labels", "کد بازیابی"),
    "request": QT_TRANSLATE_NOOP("Labels", "درخواست"),
    "retention_days": QT_TRANSLATE_NOOP("Labels", "مهلت نگهداری (روز)"),
    "role": QT_TRANSLATE_NOOP("Labels", "نقش"),
    "rows": QT_TRANSLATE_NOOP("Labels", "ردیف‌ها"),
    "rule": QT_TRANSLATE_NOOP("Labels", "قاعده"),
    "scheduled": QT_TRANSLATE_NOOP("Labels", "خودکار"),
    "self_approved": QT_TRANSLATE_NOOP("Labels", "تأیید به‌دست خود ثبت‌کننده"),
    "service": QT_TRANSLATE_NOOP("Labels", "خدمت"),
    "set": QT_TRANSLATE_NOOP("Labels", "مقدار تازه"),
    "username": QT_TRANSLATE_NOOP("Labels", "نام کاربری"),
    "version": QT_TRANSLATE_NOOP("Labels", "نسخه"),
    "via": QT_TRANSLATE_NOOP("Labels", "از راه"),
    "what": QT_TRANSLATE_NOOP("Labels", "چه چیزی"),
}

# The kind of record an audit entry is about ("order:12" -> "سفارش ۱۲").
AUDIT_OBJECT_LABELS: dict[str, str] = {
    "order": QT_TRANSLATE_NOOP("Labels", "سفارش"),
    "client": QT_TRANSLATE_NOOP("Labels", "مشتری"),
    "staff": QT_TRANSLATE_NOOP("Labels", "کارمند"),
    "legal": QT_TRANSLATE_NOOP("Labels", "درخواست قانونی"),
    "breakglass": QT_TRANSLATE_NOOP("Labels", "دسترسی اضطراری"),
    "price": QT_TRANSLATE_NOOP("Labels", "قاعدهٔ قیمت"),
    "marketing": QT_TRANSLATE_NOOP("Labels", "اشتراک خبرها"),
}
# Values of the audit details "basis" (why files could be opened) and "kind" / "what" (what was opened).
ACCESS_BASIS_LABELS: dict[str, str] = {
    "consent": QT_TRANSLATE_NOOP("Labels", "رضایت مراجع"),
    "breakglass": QT_TRANSLATE_NOOP("Labels", "دسترسی اضطراری"),
    "import": QT_TRANSLATE_NOOP("Labels", "مرحلهٔ ورود عکس"),
}
FILE_KIND_LABELS: dict[str, str] = {
    "photo": QT_TRANSLATE_NOOP("Labels", "عکس"),
    "thumb": QT_TRANSLATE_NOOP("Labels", "تصویر کوچک"),
    "analysis": QT_TRANSLATE_NOOP("Labels", "تحلیل"),
    "case": QT_TRANSLATE_NOOP("Labels", "پرونده"),
    "report": QT_TRANSLATE_NOOP("Labels", "گزارش"),
    "document": QT_TRANSLATE_NOOP("Labels", "سند"),
}
YES_NO_LABELS: dict[str, str] = {
    "True": QT_TRANSLATE_NOOP("Labels", "بله"),
    "False": QT_TRANSLATE_NOOP("Labels", "خیر"),
}

# Legal requests (P12): core.legal.schema keeps the same Persian texts (with English) for the export files.
LEGAL_STATE_LABELS: dict[str, str] = {
    "recorded": QT_TRANSLATE_NOOP("Labels", "ثبت شد، در انتظار تأیید"),
    "approved": QT_TRANSLATE_NOOP("Labels", "تأیید شد"),
    "exported": QT_TRANSLATE_NOOP("Labels", "تحویل داده شد"),
    "closed": QT_TRANSLATE_NOOP("Labels", "بسته شد"),
    "refused": QT_TRANSLATE_NOOP("Labels", "رد شد"),
}
LEGAL_SCOPE_LABELS: dict[str, str] = {
    "identity": QT_TRANSLATE_NOOP("Labels", "هویت مشتری (نام، شمارهٔ همراه، ایمیل)"),
    "orders": QT_TRANSLATE_NOOP("Labels", "مشخصات سفارش‌ها و پرداخت‌ها"),
    "photos": QT_TRANSLATE_NOOP("Labels", "عکس‌ها"),
    "reports": QT_TRANSLATE_NOOP("Labels", "گزارش پزشک (یافته‌ها و PDF امضاشده)"),
    "documents": QT_TRANSLATE_NOOP("Labels", "اسناد محرمانه"),
    "history": QT_TRANSLATE_NOOP("Labels", "سابقهٔ رضایت و دسترسی"),
}

OVERLAY_GROUP_LABELS: dict[str, str] = {
    "lines": QT_TRANSLATE_NOOP("Labels", "خطوط"),
    "angles": QT_TRANSLATE_NOOP("Labels", "زاویه‌ها"),
    "landmarks": QT_TRANSLATE_NOOP("Labels", "نقاط"),
    "labels": QT_TRANSLATE_NOOP("Labels", "نام نقاط"),
}


def translate(persian: str) -> str:
    """The current language's text for a Persian source string marked in the "Labels" context."""
    return QCoreApplication.translate(CONTEXT, persian)


def _label(table: dict[str, str], code: object, default: str | None = None) -> str:
    key = "" if code is None else str(code)  # StrEnum members (Status, Role, Service) give their value
    persian = table.get(key)
    if persian is None:
        return key if default is None else default
    return translate(persian)


def _labeller(table: dict[str, str]) -> Callable[[object], str]:
    """The label function of one table: a code's text in the interface language (an unknown code as it is)."""

    def label(code: object) -> str:
        return _label(table, code)

    return label


status_label = _labeller(STATUS_LABELS)
role_label = _labeller(ROLE_LABELS)
consent_method_label = _labeller(CONSENT_METHOD_LABELS)
destroy_rule_label = _labeller(DESTROY_RULE_LABELS)
audit_action_label = _labeller(AUDIT_ACTION_LABELS)
legal_state_label = _labeller(LEGAL_STATE_LABELS)
legal_scope_label = _labeller(LEGAL_SCOPE_LABELS)
overlay_group_label = _labeller(OVERLAY_GROUP_LABELS)


def service_label(code: object) -> str:
    """One name per service on every screen (the doctor's case list had its own shorter "rhinoplasty analysis"
    only by habit, so the same order read as two services)."""
    return _label(SERVICE_LABELS, code)


def view_label(code: str | None, *, unknown: str | None = None) -> str:
    """A photo view's name; `unknown` (if given) replaces an empty or unknown view."""
    return _label(VIEW_LABELS, code, unknown)


def unknown_view_label() -> str:
    return translate(UNKNOWN_VIEW)


def embedded(text: object) -> str:
    """Text of either direction inside a sentence (a file name, a path, a Latin-letter name in a Persian
    sentence), in a Unicode first-strong isolate so the sentence around it keeps its order."""
    return f"\u2068{text}\u2069"


def interface_lang() -> str:
    """ "fa" or "en": the language the interface is showing (set by gui/theme.set_language)."""
    app = QCoreApplication.instance()
    return "en" if app is not None and app.property("maya_lang") == "en" else "fa"


def number_text(n: int) -> str:
    """A count for a sentence in the interface language: Persian digits in Persian («۲ پرونده»)."""
    from maya_desktop.core.persian import format_count

    return format_count(n, "en" if interface_lang() == "en" else "fa")


def _value_text(key: str, value: object) -> str:
    if isinstance(value, bool):
        return _label(YES_NO_LABELS, str(value))
    if isinstance(value, int | float):
        return number_text(value) if isinstance(value, int) else str(value)
    if isinstance(value, list | tuple):
        return (
            "، ".join(_value_text(key, v) for v in value)
            if interface_lang() == "fa"
            else ", ".join(_value_text(key, v) for v in value)
        )
    if isinstance(value, dict):
        return audit_details_text(value)
    text = "" if value is None else str(value)
    if key == "role":
        return role_label(text)
    if key == "rule":
        return destroy_rule_label(text)
    if key == "service":
        return service_label(text)
    if key in ("from", "to", "status"):
        return status_label(text)
    if key == "suggested_view":
        return view_label(text)
    if key == "basis":
        return _label(ACCESS_BASIS_LABELS, text)
    if key in ("kind", "what") and text in FILE_KIND_LABELS:
        return _label(FILE_KIND_LABELS, text)
    return text


def audit_details_text(details: dict[str, object]) -> str:
    """An audit entry's details as "label: value" pairs in the interface language (not raw JSON)."""
    separator = "؛ " if interface_lang() == "fa" else "; "

    def key_text(key: str) -> str:
        # a key without a name yet stays as it is, isolated: it must not turn a Persian line left to right
        return _label(AUDIT_DETAIL_LABELS, key) if key in AUDIT_DETAIL_LABELS else embedded(key)

    return separator.join(f"{key_text(k)}: {_value_text(k, v)}" for k, v in details.items())


def audit_object_text(ref: str) -> str:
    """ "order:12" -> "سفارش ۱۲" / "Order 12"; an unknown or empty reference is shown as it is."""
    kind, _, ident = ref.partition(":")
    if not ident or kind not in AUDIT_OBJECT_LABELS:
        return ref
    shown = number_text(int(ident)) if ident.isdigit() else ident
    return f"{_label(AUDIT_OBJECT_LABELS, kind)} {shown}"
