"""The catalogue of the core's messages: one code, its English and its Persian text (issue 13).

A core error made with `SomeError.coded(code, ..., **args)` (core/errors.py) carries `code` and `args`, and
its two texts come from here, formatted with the same arguments, so the wording lives in one place and a
caller (the windows, the CLI, a future remote client) can tell errors apart by code rather than by text.
Arguments are never personal data: counts, field names, limits, type names.

Modules still holding inline en/fa pairs move here as they are touched; tests/foundation/test_messages.py
checks the catalogue and keeps the number of inline pairs in the core from growing.
"""

from __future__ import annotations

from typing import Any, NamedTuple


class Text(NamedTuple):
    en: str
    fa: str


CATALOGUE: dict[str, Text] = {
    # --- schema migrations (core/migrations) ---
    "migrations.newer_schema": Text(
        "This data folder was written by a newer Maya Desktop (schema {version}).",
        "این پوشهٔ داده با نسخهٔ جدیدتری از برنامه ساخته شده است؛ برنامه را به‌روز کنید.",
    ),
    "migrations.broken_references": Text(
        "Schema migration {number} would break references between tables; nothing was changed.",
        "به‌روزرسانی ساختار پایگاه داده ارتباط میان جدول‌ها را به هم می‌زد و انجام نشد؛ چیزی تغییر نکرد.",
    ),
    # --- sign-in, lock and the operations executor (core/signin.py, core/drafts.py, core/operations) ---
    "signin.wait": Text(
        "Too many wrong attempts. Try again in {seconds} s.",
        "تلاش‌های نادرست زیاد بود. {seconds_fa} ثانیهٔ دیگر دوباره امتحان کنید.",
    ),
    "signin.wrong_password": Text("Wrong password.", "گذرواژه درست نیست."),
    "vault.no_key_slot": Text("This account has no key slot.", "این حساب کلید دسترسی ندارد."),
    "vault.closed": Text("The vault is closed.", "گاوصندوق داده‌ها بسته است."),
    "vault.locked": Text("The workstation is locked.", "برنامه قفل است؛ دوباره وارد شوید."),
    # --- the clinic network (maya_desktop/network, issue 14) ---
    "network.unreachable": Text(
        "The vault host cannot be reached; this workstation keeps trying.",
        "رایانهٔ گاوصندوق در دسترس نیست؛ این رایانه دوباره تلاش می‌کند.",
    ),
    "network.not_paired": Text(
        "This workstation is not paired with the vault host.", "این رایانه با رایانهٔ گاوصندوق جفت نشده است."
    ),
    "network.revoked": Text(
        "This workstation's access was revoked by a manager.", "دسترسی این رایانه را مدیر لغو کرده است."
    ),
    "network.sealed": Text(
        "The vault host is sealed: a manager must sign in first.",
        "گاوصندوق مهر و موم است؛ ابتدا یک مدیر باید وارد شود.",
    ),
    "network.signed_out": Text("Sign in again (the session ended).", "نشست پایان یافته است؛ دوباره وارد شوید."),
    "network.host_only": Text(
        "This writes a file on the vault host's own disk: do it at the vault host's PC, not from a workstation.",
        "این کار پرونده‌ای روی دیسک رایانهٔ گاوصندوق می‌نویسد؛"
        " آن را روی خود رایانهٔ گاوصندوق انجام دهید، نه از ایستگاه کاری.",
    ),
    "network.malformed": Text("The request was not understood.", "درخواست قابل فهم نبود."),
    "network.too_large": Text("The request is too large.", "درخواست بیش از حد بزرگ است."),
    "network.too_slow": Text("The request arrived too slowly.", "درخواست بیش از حد کند رسید."),
    "network.unknown_operation": Text(
        "The vault host does not know this operation.", "این کار برای گاوصندوق ناشناخته است."
    ),
    "network.request_reused": Text(
        "This request id was used for another request.", "شناسهٔ این درخواست پیش‌تر به کار رفته است."
    ),
    "network.done_no_result": Text(
        "This was already done (the answer was lost when the vault host restarted).",
        "این کار پیش‌تر انجام شده است (پاسخ آن با راه‌اندازی دوبارهٔ گاوصندوق از دست رفت).",
    ),
    "network.internal": Text("The vault host could not do this.", "گاوصندوق نتوانست این کار را انجام دهد."),
    "network.pairing_failed": Text(
        "Pairing failed: the code is wrong or expired, or another computer answered.",
        "جفت‌سازی انجام نشد: کد نادرست یا منقضی است، یا رایانهٔ دیگری پاسخ داد.",
    ),
    "network.host_changed": Text(
        "The vault host's certificate is not the one paired with; nothing was sent.",
        "گواهی رایانهٔ گاوصندوق با گواهی جفت‌شده یکی نیست؛ چیزی فرستاده نشد.",
    ),
    # --- settings (core/settings.py, core/clinic_settings.py) ---
    "settings.out_of_range": Text(
        "{key} must be a whole number from {low} to {high}.",
        "«{label}» باید عددی از {low_fa} تا {high_fa} باشد.",
    ),
    "settings.wrong_type": Text("{key} has the wrong type.", "مقدار این تنظیم نامعتبر است."),
    "settings.unknown": Text("Unknown setting {key}.", "این تنظیم وجود ندارد."),
    # --- sync settings (core/sync/settings.py) ---
    "sync.not_configured": Text(
        "Sync is not configured (address and token).", "همگام‌سازی پیکربندی نشده است (نشانی و توکن)."
    ),
    "sync.round_failed": Text("Sync round failed ({kind}).", "دور همگام‌سازی ناموفق بود."),
    "sync.anchor_unreachable": Text(
        "HQ's audit anchor could not be fetched; compared at the next sync.",
        "لنگر ممیزی دفتر مرکزی دریافت نشد؛ در همگام‌سازی بعدی مقایسه می‌شود.",
    ),
    "sync.endpoint_not_https": Text(
        "The sync address must start with https:// — plain http:// would send data unencrypted.",
        "نشانی همگام‌سازی باید با https:// شروع شود؛ http:// ساده داده را بدون رمزنگاری می‌فرستد.",
    ),
    "sync.endpoint_malformed": Text(
        "The sync address must be a full https:// URL with a host name and no user, query or fragment.",
        "نشانی همگام‌سازی باید یک نشانی کامل https:// با نام میزبان و بدون نام کاربری یا پرسش باشد.",
    ),
    "sync.token_malformed": Text(
        "The sync token must be 16–512 characters of letters, digits and - . _ ~ + /.",
        "توکن همگام‌سازی باید ۱۶ تا ۵۱۲ نویسه از حروف لاتین، رقم و - . _ ~ + / باشد.",
    ),
    "sync.pin_malformed": Text(
        "The certificate pin must be the SHA-256 of the server's public key (64 hex digits or 44 base64 characters).",
        "پین گواهی باید SHA-256 کلید عمومی سرور باشد (۶۴ رقم هگز یا ۴۴ نویسهٔ base64).",
    ),
    "sync.id_malformed": Text(
        "The {words} does not have the expected form.",
        "شناسهٔ «{prop}» قالب درستی ندارد.",
    ),
    "sync.token_missing": Text("Enter the clinic token.", "توکن درمانگاه را وارد کنید."),
    "sync.ca_file_missing": Text("The CA certificate file does not exist.", "فایل گواهی مرجع پیدا نشد."),
    # --- sync transport (core/sync/client.py) ---
    "sync.pin_mismatch": Text(
        "The server's certificate does not match the saved pin; nothing was sent.",
        "گواهی سرور با پین ذخیره‌شده نمی‌خواند؛ چیزی ارسال نشد.",
    ),
    "sync.certificate_unverified": Text(
        "The server's certificate could not be verified; nothing was sent.",
        "گواهی سرور تأیید نشد؛ چیزی ارسال نشد.",
    ),
    "sync.timeout": Text(
        "The sync server did not answer in time; will retry.",
        "سرور همگام‌سازی به‌موقع پاسخ نداد؛ دوباره تلاش می‌شود.",
    ),
    "sync.unreachable": Text(
        "The sync server could not be reached ({kind}); will retry.",
        "سرور همگام‌سازی در دسترس نیست؛ دوباره تلاش می‌شود.",
    ),
    "sync.unreadable_answer": Text(
        "The sync server sent an unreadable answer; will retry.",
        "پاسخ سرور همگام‌سازی خوانا نبود؛ دوباره تلاش می‌شود.",
    ),
    # --- documents to translate (core/orders/documents.py) ---
    "documents.too_large": Text(
        "The document is too large.",
        "سند بیش از حد بزرگ است.",
    ),
    "documents.docx_damaged": Text(
        "The Word file is damaged.",
        "فایل Word آسیب‌دیده است.",
    ),
    "documents.unsupported_type": Text(
        "Only PDF, Word (DOCX) and text files are accepted.",
        "فقط فایل PDF، Word (DOCX) یا متن پذیرفته می‌شود.",
    ),
    "documents.not_utf8": Text(
        "Only PDF, Word (DOCX) and UTF-8 text files are accepted.",
        "فقط فایل PDF، Word (DOCX) یا متن UTF-8 پذیرفته می‌شود.",
    ),
    "documents.not_text": Text(
        "This is not a text file.",
        "این فایل متنی نیست.",
    ),
    "documents.empty_or_too_large": Text(
        "The document is empty or larger than 50 MB.",
        "سند خالی یا بزرگ‌تر از ۵۰ مگابایت است.",
    ),
    "documents.not_found": Text(
        "No such document.",
        "این سند وجود ندارد.",
    ),
    "documents.photos_order": Text(
        "This order takes photos, not documents.",
        "این سفارش عکس می‌پذیرد، نه سند.",
    ),
    "documents.word_count_missing": Text(
        "Enter the number of words of this PDF.",
        "تعداد واژه‌های این PDF را وارد کنید.",
    ),
    "documents.word_count_invalid": Text(
        "The word count must be a positive number.",
        "تعداد واژه باید عدد مثبت باشد.",
    ),
    # --- core/orders/consent.py ---
    "orders.scanned_form_too_large": Text(
        "The scanned form is too large.",
        "فایل فرم اسکن‌شده بیش از حد بزرگ است.",
    ),
    "orders.choose_how_client_consented": Text(
        "Choose how the client consented.",
        "روش رضایت مشتری را انتخاب کنید.",
    ),
    "orders.choose_active_doctor": Text(
        "Choose an active doctor.",
        "یک پزشک فعال انتخاب کنید.",
    ),
    "orders.consent_not_found": Text(
        "No such consent record.",
        "این رضایت‌نامه وجود ندارد.",
    ),
    "orders.consent_form_missing": Text(
        "No scanned form for this consent.",
        "برای این رضایت فرم اسکن‌شده‌ای نیست.",
    ),
    "orders.order_files_destroyed": Text(
        "This order's files were destroyed.",
        "فایل‌های این سفارش نابود شده‌اند.",
    ),
    "orders.signed_form_needs_form": Text(
        "A signed form needs the scanned form attached; otherwise choose how the client consented.",
        "برای «فرم امضاشده» فایل اسکن‌شدهٔ فرم را پیوست کنید؛ وگرنه روش دیگری را انتخاب کنید.",
    ),
    # --- core/operations/orders.py (issue 14: two workstations on one order) ---
    "orders.conflict": Text(
        "Someone else changed this order meanwhile; nothing was saved. The order was reloaded: check it and try again.",
        "این سفارش هم‌زمان از جای دیگری تغییر کرد و چیزی ذخیره نشد."
        " سفارش دوباره بارگذاری شد؛ بررسی کنید و دوباره امتحان کنید.",
    ),
    "orders.photo_not_in_order": Text("This photo is not in this order.", "این عکس در این سفارش نیست."),
    # --- payment gateways (core/operations/prices.py) ---
    "payments.gateway_name_invalid": Text(
        "Each gateway name: 2–{limit} characters, listed once.",
        "نام هر درگاه یا پایانه باید ۲ تا {limit_fa} نویسه باشد و تکراری نباشد.",
    ),
    "payments.unknown_gateway": Text(
        "Choose one of the clinic's gateways or terminals.",
        "یکی از درگاه‌ها یا پایانه‌های تعریف‌شدهٔ کلینیک را انتخاب کنید.",
    ),
    # --- core/orders/quotes.py ---
    "orders.unknown_price_rule": Text(
        "Unknown price rule.",
        "قاعدهٔ قیمت ناشناخته است.",
    ),
    "orders.amount_whole_non_negative": Text(
        "The amount must be a whole, non-negative number.",
        "مبلغ باید عدد صحیح نامنفی باشد.",
    ),
    "orders.give_reason_for_changing": Text(
        "Give a reason for changing the price.",
        "دلیل تغییر قیمت را بنویسید.",
    ),
    "orders.price_whole_number_rial": Text(
        "The price must be a whole number of Rial.",
        "قیمت باید عدد صحیح ریال باشد.",
    ),
    "orders.turnaround_1_365_days": Text(
        "Turnaround: 1–365 days.",
        "زمان تحویل باید ۱ تا ۳۶۵ روز باشد.",
    ),
    # --- core/orders/payments.py ---
    "orders.field_required": Text(
        "{field} is required.",
        "{fa_label} را وارد کنید.",
    ),
    "orders.field_too_long": Text(
        "{field}: at most {limit} characters.",
        "{fa_label} بیش از حد طولانی است.",
    ),
    "orders.payment_date_in_future": Text(
        "The payment date is in the future.",
        "تاریخ پرداخت در آینده است.",
    ),
    "orders.amount_positive_whole_number": Text(
        "The amount must be a positive whole number of Rial.",
        "مبلغ باید عدد صحیح مثبت (ریال) باشد.",
    ),
    "orders.payment_date_malformed": Text(
        "Payment date: YYYY-MM-DD.",
        "تاریخ پرداخت نادرست است.",
    ),
    # --- core/operations/documents.py (printed quote and receipt) ---
    "orders.no_quote_to_print": Text(
        "This order has no quote yet: issue the quote first.",
        "هنوز قیمتی برای این سفارش اعلام نشده است؛ نخست قیمت را اعلام کنید.",
    ),
    "orders.no_payment_to_print": Text(
        "No payment has been recorded for this order yet, so there is no receipt.",
        "هنوز پرداختی برای این سفارش ثبت نشده است؛ رسیدی برای چاپ نیست.",
    ),
    "orders.quote_no_longer_valid": Text(
        "This order was cancelled or its quote expired: the quote can no longer be printed.",
        "این سفارش لغو شده یا مهلت پیش‌فاکتور آن گذشته است؛ پیش‌فاکتور دیگر چاپ نمی‌شود.",
    ),
    "orders.print_language": Text(
        "Choose a quote or a receipt, Persian or English, and a printer or a PDF file.",
        "پیش‌فاکتور یا رسید، زبان فارسی یا انگلیسی و چاپگر یا فایل PDF را انتخاب کنید.",
    ),
    # --- core/orders/records.py ---
    "orders.notes_too_long": Text(
        "Notes: at most {limit} characters.",
        "یادداشت بیش از حد طولانی است.",
    ),
    "orders.client_not_found": Text(
        "Client #{client_id} does not exist.",
        "این مشتری وجود ندارد.",
    ),
    "orders.order_was_destroyed": Text(
        "This order was destroyed.",
        "این سفارش حذف شده است.",
    ),
    "orders.order_not_found": Text(
        "Order #{order_id} does not exist.",
        "این سفارش وجود ندارد.",
    ),
    # --- core/notices/outbox.py ---
    "notices.news_length": Text(
        "Write the news in 3–{limit} characters.",
        "متن خبر را کوتاه و روشن بنویسید.",
    ),
    "notices.opt_out_code_unknown": Text(
        "No message carries this opt-out code.",
        "این کد لغو اشتراک پیدا نشد.",
    ),
    "notices.choose_persian_or_english": Text(
        "Choose Persian or English.",
        "فارسی یا انگلیسی را انتخاب کنید.",
    ),
    "notices.client_not_found": Text(
        "This client does not exist.",
        "این مشتری وجود ندارد.",
    ),
    # --- core/notices/templates.py ---
    "notices.unknown_template": Text(
        "Unknown template {kind}/{part}.",
        "این قالب وجود ندارد.",
    ),
    "notices.template_empty": Text(
        "A template cannot be empty.",
        "متن قالب نمی‌تواند خالی باشد.",
    ),
    "notices.marketing_without_opt_out": Text(
        "A marketing template must carry the opt-out ({{opt_out}}).",
        "قالب پیام تبلیغاتی باید راه لغو اشتراک ({{opt_out}}) را داشته باشد.",
    ),
    "notices.unknown_language": Text(
        "Unknown language.",
        "زبان نامعتبر است.",
    ),
    # --- core/legal/requests.py ---
    "legal.wrong_state": Text(
        "The request is '{state}'; it cannot be {what_en} now.",
        "این درخواست در وضعیت «{state_fa}» است و این کار اکنون ممکن نیست.",
    ),
    "legal.request_not_found": Text(
        "Legal request #{request_id} does not exist.",
        "این درخواست قانونی وجود ندارد.",
    ),
    "legal.field_missing": Text(
        "Enter the {label_en}.",
        "{label_fa} را بنویسید.",
    ),
    "legal.enter_date_court_letter": Text(
        "Enter the date of the court's letter.",
        "تاریخ نامهٔ دادگاه را وارد کنید.",
    ),
    "legal.letter_date_in_future": Text(
        "The court's letter cannot be dated in the future.",
        "تاریخ نامهٔ دادگاه نمی‌تواند در آینده باشد.",
    ),
    "legal.check_letter_date": Text(
        "Check the letter's date.",
        "تاریخ نامهٔ دادگاه درست به نظر نمی‌رسد.",
    ),
    "legal.no_scope_chosen": Text(
        "Choose what the court asked for (at least one kind of data).",
        "مشخص کنید دادگاه چه اطلاعاتی خواسته است (دست‌کم یک مورد).",
    ),
    "legal.no_order_chosen": Text(
        "Choose at least one order, or all orders.",
        "دست‌کم یک سفارش یا «همهٔ سفارش‌ها» را انتخاب کنید.",
    ),
    "legal.orders_of_another_client": Text(
        "Some of the chosen orders do not belong to this client.",
        "برخی از سفارش‌های انتخاب‌شده متعلق به این مشتری نیستند.",
    ),
    "legal.choose_client_order_concerns": Text(
        "Choose the client the order concerns.",
        "مشتری موضوع دستور را انتخاب کنید.",
    ),
    "legal.no_longer_manager": Text(
        "Your account is no longer an active manager.",
        "حساب شما دیگر مدیر فعال نیست.",
    ),
    "legal.four_eyes_newer_account": Text(
        "Your account was created after this request was recorded, so it may not approve it (four eyes).",
        "حساب شما پس از ثبت این درخواست ساخته شده است و نمی‌تواند آن را تأیید کند (اصل چهار چشم).",
    ),
    "legal.give_reason_for_refusing": Text(
        "Give the reason for refusing.",
        "دلیل رد درخواست را بنویسید.",
    ),
}


def texts(code: str, **args: Any) -> Text:
    """The English and Persian texts of `code`, formatted with `args`. KeyError for an unknown code."""
    entry = CATALOGUE[code]
    return Text(entry.en.format(**args), entry.fa.format(**args))
