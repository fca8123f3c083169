"""Persian names of audit actions for the manager's log view (the stored action stays a stable code)."""

from __future__ import annotations

ACTION_LABELS_FA = {
    "clinic.created": "ساخت کلینیک",
    "login": "ورود",
    "login.failed": "ورود ناموفق",
    "lock": "قفل",
    "unlock": "باز کردن قفل",
    "unlock.failed": "باز کردن قفل ناموفق",
    "permission.denied": "تلاش بدون مجوز",
    "agreement.accepted": "پذیرش تعهدنامه",
    "staff.created": "ساخت حساب کارمند",
    "staff.deactivated": "غیرفعال کردن کارمند",
    "staff.password_reset": "گذرواژهٔ تازه برای کارمند",
    "staff.password_changed": "تغییر گذرواژه",
    "staff.totp_enabled": "فعال‌سازی ورود دومرحله‌ای",
    "client.created": "ثبت مشتری",
    "client.updated": "ویرایش مشتری",
    "client.erased": "حذف کامل مشتری",
    "demo.clients_added": "افزودن مشتریان نمایشی",
    "settings.changed": "تغییر تنظیمات",
}


def action_label(action: str, lang: str) -> str:
    if lang == "en":
        return action
    return ACTION_LABELS_FA.get(action, action)
