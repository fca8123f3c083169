"""Validation of what people type: mobile numbers, emails, names, passwords, and the card-number guard.

Pure Python (no Qt). Every refusal raises ``ValidationError(message_en, message_fa, field=...)``;
messages never repeat the typed value (it may be personal data or a card number).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

from maya_desktop.core.errors import ValidationError
from maya_desktop.core.persian import ZWNJ, normalize_persian_text, to_ascii_digits, to_persian_digits

__all__ = [
    "check_password_strength",
    "find_card_number",
    "format_mobile_display",
    "guard_free_text",
    "luhn_valid",
    "mobile_search_digits",
    "parse_iran_mobile",
    "validate_email",
    "validate_person_name",
]

Lang = Literal["fa", "en"]

IRAN_REGION = "IR"
IRAN_COUNTRY_CODE = 98

# Invisible characters that copy-paste (especially from right-to-left text) slips into numbers.
_INVISIBLE_CHARS = (
    "\u200b\u200c\u200d"  # zero-width space, ZWNJ, ZWJ
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # bidi marks
    "\u2060\ufeff"  # word joiner, BOM
)
_BIDI_AND_INVISIBLE = dict.fromkeys(map(ord, _INVISIBLE_CHARS), None)


def _clean_invisible(text: str) -> str:
    return text.translate(_BIDI_AND_INVISIBLE)


# --------------------------------------------------------------------------------------------------
# Mobile numbers
# --------------------------------------------------------------------------------------------------

_MOBILE_MAX_INPUT = 40
# After digit conversion and removal of invisible marks, a mobile may contain only these.
_MOBILE_ALLOWED = re.compile(r"[0-9+\-\s().\u2010-\u2015\u2212]*")

_MOBILE_ERR_EN = "Enter a valid Iranian mobile number, for example 0912 123 4567."
_MOBILE_ERR_FA = "شماره موبایل معتبر ایران وارد کنید؛ مثلاً ۰۹۱۲ ۱۲۳ ۴۵۶۷."


def _mobile_error(en: str = _MOBILE_ERR_EN, fa: str = _MOBILE_ERR_FA) -> ValidationError:
    return ValidationError(en, fa, field="mobile")


def parse_iran_mobile(text: str) -> str:
    """Parse an Iranian mobile number typed in any common form and return it in E.164 ('+989121234567').

    Accepted: '09121234567', '9121234567', '+98 912 123 4567', '0098-912-123-4567', '989121234567',
    Persian (۰۹۱۲…) or Arabic-Indic (٠٩١٢…) digits, spaces (any kind), dashes, dots, parentheses,
    and the invisible bidi marks that copying from Persian text adds. The number must be valid for
    Iran AND of type MOBILE according to ``phonenumbers`` (landlines such as 021… are refused);
    numbers of other countries are refused. Letters are refused (no "vanity" letter-to-digit mapping).
    E.164 input is accepted as is, so the function is idempotent.
    """
    if not isinstance(text, str):
        raise TypeError("parse_iran_mobile() takes a str")
    cleaned = _clean_invisible(to_ascii_digits(text)).strip()
    if not cleaned:
        raise _mobile_error("Enter a mobile number.", "شماره موبایل را وارد کنید.")
    if len(cleaned) > _MOBILE_MAX_INPUT or not _MOBILE_ALLOWED.fullmatch(cleaned):
        raise _mobile_error(
            "A mobile number may contain only digits, spaces, dashes, parentheses and a leading +.",
            "شماره موبایل فقط می‌تواند شامل رقم، فاصله، خط تیره، پرانتز و + در ابتدا باشد.",
        )
    if "+" in cleaned[1:]:
        raise _mobile_error()
    digits = re.sub(r"[^0-9]", "", cleaned)
    if cleaned.startswith("+"):
        candidate = "+" + digits
    elif digits.startswith("00"):
        candidate = "+" + digits[2:]  # international call prefix 00 -> +
    else:
        candidate = digits
    try:
        number = phonenumbers.parse(candidate, IRAN_REGION)
    except NumberParseException as exc:
        raise _mobile_error() from exc
    is_iranian = number.country_code == IRAN_COUNTRY_CODE
    if not is_iranian or not phonenumbers.is_valid_number_for_region(number, IRAN_REGION):
        raise _mobile_error()
    if phonenumbers.number_type(number) != PhoneNumberType.MOBILE:
        raise _mobile_error(
            "This is not a mobile number (landlines are not accepted). Enter a mobile starting with 09.",
            "این شماره موبایل نیست (شماره ثابت پذیرفته نمی‌شود). شماره موبایلی که با ۰۹ شروع می‌شود وارد کنید.",
        )
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def format_mobile_display(e164: str, lang: Lang = "fa", *, bidi_isolate: bool = False) -> str:
    """Show a stored mobile the way Iranians write it: '0912 123 4567' (en) / '۰۹۱۲ ۱۲۳ ۴۵۶۷' (fa).

    Takes the stored E.164 form (anything ``parse_iran_mobile`` accepts works; otherwise
    ``ValidationError``). Bidi: in a right-to-left paragraph the space-separated digit groups are
    laid out right to left ('۴۵۶۷ ۱۲۳ ۰۹۱۲'). Either give the widget/cell a left-to-right text
    direction, or pass ``bidi_isolate=True`` to wrap the result in LEFT-TO-RIGHT ISOLATE (U+2066) …
    POP DIRECTIONAL ISOLATE (U+2069), which keeps the groups in order inside any Persian sentence.
    """
    if lang not in ("fa", "en"):
        raise ValueError(f"lang must be 'fa' or 'en', not {lang!r}")
    nsn = parse_iran_mobile(e164)[3:]  # '+98' removed: '9121234567'
    shown = f"0{nsn[:3]} {nsn[3:6]} {nsn[6:]}"
    if lang == "fa":
        shown = to_persian_digits(shown)
    return f"\u2066{shown}\u2069" if bidi_isolate else shown


def mobile_search_digits(text: str) -> str:
    """Digits to look for in stored mobiles when someone searches by (part of) a number.

    Rule: match the result as a substring of the stored number's *national significant number*
    (the E.164 value without '+98', e.g. '9121234567'); an empty result means "no digits typed" and
    must not be used as a filter (it would match everything).

    1. Persian/Arabic-Indic digits -> ASCII; every non-digit (spaces, dashes, letters…) is dropped.
    2. One leading prefix is removed: '0098'; or '98' when the text had a leading '+', or when the
       digits are exactly a full international number ('98' + 10 digits); otherwise a single leading
       '0' (the trunk prefix of '0912…').

    Examples: '۰۹۱۲۳' -> '9123'; '0912 123' -> '912123'; '+98 912' -> '912'; '4567' -> '4567';
    '989121234567' -> '9121234567'; '98' -> '98'. The result is always a suffix of the typed digits,
    so a stored number whose digits contain the typed digits is never missed.
    """
    cleaned = _clean_invisible(to_ascii_digits(text)).strip()
    digits = re.sub(r"[^0-9]", "", cleaned)
    if digits.startswith("0098"):
        return digits[4:]
    if digits.startswith("98") and (cleaned.startswith("+") or len(digits) == 12):
        return digits[2:]
    if digits.startswith("0"):
        return digits[1:]
    return digits


# --------------------------------------------------------------------------------------------------
# Email
# --------------------------------------------------------------------------------------------------

_EMAIL_MAX = 254  # RFC 5321 path limit minus the angle brackets
_LOCAL_MAX = 64
_LABEL_MAX = 63
_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LOCAL_RE = re.compile(rf"{_ATEXT}(?:\.{_ATEXT})*", re.ASCII)  # dot-atom: no leading/trailing/double dot
_LABEL_RE = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?", re.ASCII)
_TLD_RE = re.compile(r"(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})", re.ASCII)


def _email_error(en: str, fa: str) -> ValidationError:
    return ValidationError(en, fa, field="email")


def validate_email(text: str) -> str:
    """Check an email address and return its normalised form (trimmed, domain lower-cased).

    Deliberately simpler than RFC 5322: an unquoted dot-atom local part (letters, digits and
    ``!#$%&'*+/=?^_`{|}~-``, dots only between characters), one '@', and a domain of at least two
    LDH labels whose last label is alphabetic (or punycode 'xn--…'). No spaces, no IP-literal
    domains, no non-English letters (usually a keyboard-layout slip). Persian/Arabic-Indic digits
    are converted to ASCII and invisible bidi marks removed. Length: local part ≤ 64, label ≤ 63,
    whole address ≤ 254. The local part's case is kept (servers may treat it as case-sensitive).
    An empty value is refused; callers for which the email is optional check for '' first.
    """
    if not isinstance(text, str):
        raise TypeError("validate_email() takes a str")
    value = _clean_invisible(to_ascii_digits(text)).strip()
    if not value:
        raise _email_error("Enter an email address.", "نشانی ایمیل را وارد کنید.")
    if any(ch.isspace() for ch in value):
        raise _email_error("An email address cannot contain spaces.", "نشانی ایمیل نباید فاصله داشته باشد.")
    if not value.isascii():
        raise _email_error(
            "Write the email address with English letters only.",
            "نشانی ایمیل را فقط با حروف انگلیسی بنویسید (صفحه‌کلید را انگلیسی کنید).",
        )
    if len(value) > _EMAIL_MAX:
        raise _email_error("The email address is too long.", "نشانی ایمیل بیش از حد طولانی است.")
    if value.count("@") != 1:
        raise _email_error(
            "An email address needs exactly one @, for example name@example.com.",
            "نشانی ایمیل باید دقیقاً یک @ داشته باشد؛ مثلاً name@example.com.",
        )
    local, domain = value.split("@")
    domain = domain.lower()
    if not local or len(local) > _LOCAL_MAX or not _LOCAL_RE.fullmatch(local):
        raise _email_error(
            "The part before @ is not valid.",
            "بخش پیش از @ در نشانی ایمیل معتبر نیست.",
        )
    labels = domain.split(".")
    if len(labels) < 2:
        raise _email_error(
            "The part after @ must be a domain with a dot, for example example.com.",
            "بخش پس از @ باید دامنه‌ای با نقطه باشد؛ مثلاً example.com.",
        )
    labels_ok = all(len(label) <= _LABEL_MAX and _LABEL_RE.fullmatch(label) for label in labels)
    if not labels_ok or not _TLD_RE.fullmatch(labels[-1]):
        raise _email_error("The domain after @ is not valid.", "دامنهٔ پس از @ در نشانی ایمیل معتبر نیست.")
    return f"{local}@{domain}"


# --------------------------------------------------------------------------------------------------
# Bank card guard (privacy policy P4)
# --------------------------------------------------------------------------------------------------

CARD_MIN_DIGITS = 13
CARD_MAX_DIGITS = 19
CARD_WINDOW_DIGITS = 16  # Iranian bank cards (Shetab) are 16 digits

_CARD_ERR_EN = (
    "Bank card numbers must never be entered in this program (clinic privacy policy). "
    "Remove the card number and try again; record payments by gateway tracking number only."
)
_CARD_ERR_FA = (
    "شماره کارت بانکی نباید در برنامه وارد شود (سیاست حریم خصوصی کلینیک). "
    "لطفاً شماره کارت را حذف کنید و دوباره ثبت کنید؛ برای پرداخت فقط شماره پیگیری درگاه را ثبت کنید."
)

_GROUP_SEP = "\x00"  # internal marker between two digit groups of one run
_HSPACE_EXTRA = "\t"
_SEP_MARKS = "-._\u2212"  # hyphen-minus, dot, underscore, minus sign (plus every Unicode dash, below)


def luhn_valid(digits: str) -> bool:
    """Luhn (mod 10) check of an ASCII digit string; False for an empty or non-digit string."""
    if not digits or not digits.isascii() or not digits.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _card_scan_text(text: str) -> str:
    """Unicode digits -> ASCII, invisible format characters removed, separators -> ' ' or '-'."""
    out: list[str] = []
    for ch in text:
        if ch.isdecimal():
            out.append(str(unicodedata.decimal(ch)))
            continue
        cat = unicodedata.category(ch)
        if cat == "Cf":  # ZWNJ, bidi marks, BOM…: invisible, ignored entirely
            continue
        if cat == "Zs" or ch in _HSPACE_EXTRA:
            out.append(" ")
        elif cat == "Pd" or ch in _SEP_MARKS:
            out.append("-")
        else:
            out.append(ch)
    return "".join(out)


# Between two digit groups: one separator character, or a dash/dot/underscore with at most one
# space on each side ('6037 - 9975'). Two spaces, a newline, a comma or a slash end the run.
_RUN_RE = re.compile(r"[0-9]+(?:(?: ?- ?| )[0-9]+)*", re.ASCII)
_SPLIT_RE = re.compile(r"[^0-9]+", re.ASCII)


def _card_candidates(text: str) -> list[str]:
    """The digit strings that would be card numbers if they passed Luhn (rules a–c of find_card_number)."""
    candidates: list[str] = []
    for match in _RUN_RE.finditer(_card_scan_text(text)):
        groups = _SPLIT_RE.split(match.group())
        run = "".join(groups)
        if CARD_MIN_DIGITS <= len(run) <= CARD_MAX_DIGITS:
            candidates.append(run)  # a. the whole run
        if len(groups) < 2:
            continue
        for start in range(len(groups)):
            if CARD_MIN_DIGITS <= len(groups[start]) <= CARD_MAX_DIGITS:
                candidates.append(groups[start])  # c. one contiguous group
            length = 0
            for end in range(start, len(groups)):
                length += len(groups[end])
                if length >= CARD_WINDOW_DIGITS:
                    if length == CARD_WINDOW_DIGITS:
                        candidates.append("".join(groups[start : end + 1]))  # b. 16 digits of whole groups
                    break
    return candidates


def find_card_number(text: str) -> bool:
    """True when ``text`` contains something that looks like a bank card number (policy P4).

    The rule, chosen to catch the ways people write card numbers while not refusing ordinary notes:

    1. Digits of any script (ASCII, Persian ۰-۹, Arabic-Indic ٠-٩, …) count as digits; invisible
       format characters (ZWNJ, bidi marks) are ignored.
    2. A *run* is a sequence of digit groups joined by a single separator: one space (any Unicode
       space or tab), or one dash (any Unicode dash or minus), dot or underscore, optionally with
       one space on each side ('6037 - 9975'). Anything else (letters, comma, slash, newline, two
       spaces) ends the run.
    3. Candidates, each refused if it passes the Luhn check:
       a. the whole run, when it has 13–19 digits ('6037997599400316', '6037-9975-9940-0316',
          Amex-style '3782 822463 10005');
       b. any window of consecutive *whole groups* with exactly 16 digits, in a run of any length
          (a card next to other numbers: '6037 9975 9940 0316 123' with a CVV2, a card after a
          phone number);
       c. any single group of 13–19 digits inside a longer run ('12 6037997599400316').
    4. Candidates starting with '0' are never card numbers (no payment card number starts with 0);
       this keeps mobiles such as '0098 912 123 4567' (14 digits) from being refused by chance.

    Not looked into: the inside of a contiguous block of more than 19 digits (a long gateway
    tracking number or a Sheba number is one number, not a card with neighbours), and windows that
    cut through a group. Any 13–19 digit number has a 1 in 10 chance of passing Luhn, so an
    unrelated 13–19 digit number (not starting with 0) can be refused; that is the price of the policy.
    """
    if not isinstance(text, str):
        raise TypeError("find_card_number() takes a str")
    return any(c[0] != "0" and luhn_valid(c) for c in _card_candidates(text))


def guard_free_text(text: str, field: str) -> str:
    """Refuse free text that contains a bank card number; otherwise return it unchanged.

    Call on every free-text value before it is stored (notes, payment reference, findings…).
    Raises ``ValidationError`` with ``field=field``; the message does not repeat the number.
    """
    if text and find_card_number(text):
        raise ValidationError(_CARD_ERR_EN, _CARD_ERR_FA, field=field)
    return text


# --------------------------------------------------------------------------------------------------
# Person names
# --------------------------------------------------------------------------------------------------

NAME_MAX = 60
_NAME_LABELS = {
    "first_name": ("First name", "نام"),
    "last_name": ("Last name", "نام خانوادگی"),
    "full_name": ("Full name", "نام و نام خانوادگی"),
}
_NAME_PUNCT = {"-", "'", "\u2019", ZWNJ, " "}


def validate_person_name(text: str, field: str) -> str:
    """Check a person's (first/last/full) name and return it normalised (``normalize_persian_text``).

    1–60 characters after normalisation; letters of any script (with their combining marks, e.g.
    shadda), spaces, ZWNJ, hyphen and apostrophe (' or ’). No digits of any script, no other
    punctuation or symbols. It must start with a letter and end with a letter (or a mark).
    ``field`` is used for the error (e.g. 'first_name', 'last_name').
    """
    if not isinstance(text, str):
        raise TypeError("validate_person_name() takes a str")
    label_en, label_fa = _NAME_LABELS.get(field, ("Name", "نام"))
    name = normalize_persian_text(text)
    if not name:
        raise ValidationError(f"Enter the {label_en.lower()}.", f"{label_fa} را وارد کنید.", field=field)
    if len(name) > NAME_MAX:
        raise ValidationError(
            f"{label_en} is too long (at most {NAME_MAX} characters).",
            f"{label_fa} بیش از حد طولانی است (حداکثر {to_persian_digits(NAME_MAX)} نویسه).",
            field=field,
        )
    if any(unicodedata.category(ch) == "Nd" or ch.isdigit() for ch in name):
        en, fa = f"{label_en} must not contain digits.", f"{label_fa} نباید عدد داشته باشد."
        raise ValidationError(en, fa, field=field)
    for ch in name:
        cat = unicodedata.category(ch)
        if not (cat.startswith("L") or cat.startswith("M") or ch in _NAME_PUNCT):
            raise ValidationError(
                f"{label_en} may contain only letters, spaces, hyphens and apostrophes.",
                f"{label_fa} فقط می‌تواند شامل حروف، فاصله، نیم‌فاصله، خط تیره و آپاستروف باشد.",
                field=field,
            )
    if not unicodedata.category(name[0]).startswith("L") or unicodedata.category(name[-1])[0] not in "LM":
        raise ValidationError(
            f"{label_en} must start and end with a letter.",
            f"{label_fa} باید با حرف شروع شود و با حرف تمام شود.",
            field=field,
        )
    return name


# --------------------------------------------------------------------------------------------------
# Passwords
# --------------------------------------------------------------------------------------------------

PASSWORD_MIN = 10

# Small on purpose: only what staff are likely to try. Compared case-insensitively, after trailing
# digits and symbols are removed too ('Password123!' -> 'password').
_COMMON_PASSWORDS = frozenset(
    {
        "1234567890",
        "0123456789",
        "0987654321",
        "9876543210",
        "1111111111",
        "1234512345",
        "12345678910",
        "123456789a",
        "a123456789",
        "1q2w3e4r5t",
        "1q2w3e4r5t6y",
        "1qaz2wsx3edc",
        "qazwsxedc123",
        "zaq12wsxcde",
        "qwertyuiop",
        "qwerty12345",
        "qwerty123456",
        "asdfghjkl1",
        "asdfghjkl123",
        "zxcvbnm123",
        "password1!",
        "password123",
        "passw0rd123",
        "p@ssw0rd123",
        "p@ssword123",
        "iloveyou123",
        "welcome123",
        "changeme123",
        "letmein123",
        "abc1234567",
        "abcd123456",
        "admin12345",
        "admin@1234",
        "administrator",
        "superman123",
        "football123",
        "ضصثقفغعهخح",
        "شسیبلاتنمک",  # qwertyuiop / asdfghjkl typed on a Persian keyboard
    }
)
_COMMON_BASES = frozenset(
    {
        "password",
        "passw0rd",
        "p@ssw0rd",
        "p@ssword",
        "qwerty",
        "qwertyuiop",
        "asdfgh",
        "asdfghjkl",
        "iloveyou",
        "welcome",
        "letmein",
        "changeme",
        "admin",
        "administrator",
        "abc",
        "abcd",
        "abcdef",
        "maya",
        "mayaclinic",
        "mayabeauty",
        "clinic",
        "beauty",
        "iran",
        "tehran",
        "mohammad",
        "ali",
        "reza",
        "zahra",
        "fatemeh",
        "test",
        "user",
        "secret",
    }
)


def _char_classes(password: str) -> set[str]:
    classes = set()
    for ch in password:
        if ch.isdigit():
            classes.add("digit")
        elif ch.isalpha():
            if ch.islower():
                classes.add("lower")
            elif ch.isupper():
                classes.add("upper")
            else:
                classes.add("letter")  # letters without case: Persian, Arabic…
        else:
            classes.add("other")  # symbols, punctuation, spaces
    return classes


def check_password_strength(password: str, username: str) -> None:
    """Refuse a weak staff password with a clear Persian (and English) message; return None if fine.

    Rules: at least 10 characters; must not contain the username (case-insensitive, usernames of
    3+ characters); must mix at least two kinds of characters (lower-case, upper-case, digits,
    letters without case such as Persian, symbols/spaces); must not be a common password (a small
    built-in list, also matched after trailing digits/symbols are removed: 'Password1234!').
    The password itself is never normalised or echoed in a message.
    """

    def refuse(en: str, fa: str) -> ValidationError:
        return ValidationError(en, fa, field="password")

    if not isinstance(password, str):
        raise TypeError("check_password_strength() takes a str")
    if len(password) < PASSWORD_MIN:
        raise refuse(
            f"The password must be at least {PASSWORD_MIN} characters long.",
            f"گذرواژه باید دست‌کم {to_persian_digits(PASSWORD_MIN)} نویسه داشته باشد.",
        )
    folded = password.casefold()
    user = (username or "").strip().casefold()
    if len(user) >= 3 and user in folded:
        raise refuse(
            "The password must not contain the username.",
            "گذرواژه نباید شامل نام کاربری باشد.",
        )
    if len(_char_classes(password)) < 2:
        raise refuse(
            "Mix different kinds of characters: letters, digits and symbols.",
            "گذرواژه باید ترکیبی از انواع نویسه‌ها باشد: حروف، رقم و نماد.",
        )
    base = re.sub(r"[\W\d_]+$", "", folded)
    if folded in _COMMON_PASSWORDS or base in _COMMON_BASES or base in _COMMON_PASSWORDS:
        raise refuse(
            "This password is too common and easy to guess. Choose another one.",
            "این گذرواژه بسیار رایج و قابل حدس است. گذرواژهٔ دیگری انتخاب کنید.",
        )
