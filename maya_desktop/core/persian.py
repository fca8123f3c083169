"""Persian text helpers: digits, Jalali dates, Toman amounts and name normalisation.

Pure Python (no Qt). Every function here is deterministic and side-effect free.

Bidi note for the GUI: digit strings such as dates ('۱۴۰۵/۰۹/۰۴') and amounts ('۱٬۲۵۰٬۰۰۰ تومان')
render correctly inside right-to-left text. Numbers whose groups are separated by *spaces* (mobile
numbers) do not: see ``maya_desktop.core.validation.format_mobile_display`` and its ``bidi_isolate``.
"""

from __future__ import annotations

import datetime as _dt
import unicodedata
from typing import Literal

import jdatetime

__all__ = [
    "ARABIC_INDIC_DIGITS",
    "PERSIAN_DIGITS",
    "ZWNJ",
    "format_count",
    "format_jalali_date",
    "format_jalali_datetime",
    "format_quantity",
    "format_quantity_range",
    "format_toman",
    "ltr_isolate",
    "normalize_persian_text",
    "persian_search_key",
    "to_ascii_digits",
    "to_persian_digits",
]

Lang = Literal["fa", "en"]

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"  # U+06F0..U+06F9 (Extended Arabic-Indic, used in Iran)
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"  # U+0660..U+0669 (Arabic keyboards, some Windows layouts)
ASCII_DIGITS = "0123456789"

LRI = "\u2066"  # LEFT-TO-RIGHT ISOLATE
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE
PERSIAN_DECIMAL_SEPARATOR = "\u066b"  # ٫
UNIT_TEXT: dict[str, tuple[str, str]] = {  # unit code -> (Persian, English) suffix
    "deg": ("°", "°"),
    "mm": (" میلی‌متر", " mm"),
    "pct": ("٪", "%"),
    "ratio": ("", ""),
}
ZWNJ = "\u200c"  # zero-width non-joiner, the Persian "half space" (نیم‌فاصله)
PERSIAN_THOUSANDS_SEPARATOR = "\u066c"  # ٬ ARABIC THOUSANDS SEPARATOR

_TO_ASCII = str.maketrans(PERSIAN_DIGITS + ARABIC_INDIC_DIGITS, ASCII_DIGITS * 2)
_TO_PERSIAN = str.maketrans(ASCII_DIGITS + ARABIC_INDIC_DIGITS, PERSIAN_DIGITS * 2)

# Arabic letter forms that Persian text should not contain (typed on Arabic keyboard layouts,
# or pasted from Arabic sources). They look identical, so without this "علي" != "علی".
_ARABIC_TO_PERSIAN_LETTERS = str.maketrans(
    {
        "\u064a": "\u06cc",  # ي ARABIC LETTER YEH -> ی FARSI YEH
        "\u0649": "\u06cc",  # ى ARABIC LETTER ALEF MAKSURA -> ی FARSI YEH
        "\u0643": "\u06a9",  # ك ARABIC LETTER KAF -> ک KEHEH
    }
)

# Invisible characters that only get in the way of matching and storage. ZWNJ is NOT here:
# it is meaningful in Persian ("می‌خواهم") and is kept (see normalize_persian_text).
_INVISIBLE = {
    "\u00ad",  # soft hyphen
    "\u0640",  # ـ tatweel / kashida (decorative stretching: "مـــایا")
    "\u200e",  # LRM
    "\u200f",  # RLM
    "\u202a",  # LRE
    "\u202b",  # RLE
    "\u202c",  # PDF
    "\u202d",  # LRO
    "\u202e",  # RLO
    "\u2060",  # word joiner
    "\u2066",  # LRI
    "\u2067",  # RLI
    "\u2068",  # FSI
    "\u2069",  # PDI
    "\ufeff",  # BOM / zero-width no-break space
}
# Other spellings of the half space that keyboards and web pages produce.
_ZWNJ_VARIANTS = {"\u200b"}  # zero-width space


def _check_lang(value: str, name: str) -> None:
    if value not in ("fa", "en"):
        raise ValueError(f"{name} must be 'fa' or 'en', not {value!r}")


def to_ascii_digits(s: str) -> str:
    """Replace Persian (۰-۹) and Arabic-Indic (٠-٩) digits with ASCII 0-9; everything else is kept."""
    return s.translate(_TO_ASCII)


def to_persian_digits(s_or_int: str | int) -> str:
    """Replace ASCII and Arabic-Indic digits with Persian digits (۰-۹). An int is converted with ``str()``."""
    if isinstance(s_or_int, bool):
        raise TypeError("to_persian_digits() takes a str or an int, not a bool")
    if isinstance(s_or_int, int):
        s_or_int = str(s_or_int)
    return s_or_int.translate(_TO_PERSIAN)


def _digits(s: str, digits: Lang) -> str:
    _check_lang(digits, "digits")
    return to_persian_digits(s) if digits == "fa" else s


def _to_jalali_date(value: _dt.date | jdatetime.date) -> jdatetime.date:
    if isinstance(value, jdatetime.datetime):
        return value.date()
    if isinstance(value, jdatetime.date):
        return value
    if isinstance(value, _dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone()  # show the local calendar day of an aware instant
        value = value.date()
    if isinstance(value, _dt.date):
        return jdatetime.date.fromgregorian(date=value)
    raise TypeError(f"expected a date or datetime, not {type(value).__name__}")


def format_jalali_date(value: _dt.date | _dt.datetime, digits: Lang = "fa") -> str:
    """Jalali (Solar Hijri) date as ``YYYY/MM/DD``: 2026-11-25 -> '۱۴۰۵/۰۹/۰۴' (fa) or '1405/09/04' (en).

    Accepts ``datetime.date``/``datetime.datetime`` (and ``jdatetime`` equivalents). A timezone-aware
    datetime is first converted to the machine's local time; a naive one is taken as local time.
    Dates before the Jalali epoch (622 CE) raise ``ValueError``.
    """
    j = _to_jalali_date(value)
    return _digits(f"{j.year:04d}/{j.month:02d}/{j.day:02d}", digits)


def format_jalali_datetime(value: _dt.datetime, digits: Lang = "fa", *, seconds: bool = False) -> str:
    """Jalali date and 24-hour time: '۱۴۰۵/۰۹/۰۴ ۱۴:۰۵' (fa) or '1405/09/04 14:05' (en).

    A timezone-aware datetime is converted to local time first; a naive one is taken as local time.
    ``seconds=True`` appends ':SS'. A plain ``date`` (no time) raises ``TypeError``.
    """
    if isinstance(value, jdatetime.datetime):
        value = value.togregorian()
    if not isinstance(value, _dt.datetime):
        raise TypeError(f"expected a datetime, not {type(value).__name__}")
    if value.tzinfo is not None:
        value = value.astimezone()
    date_part = format_jalali_date(value.date(), "en")
    time_part = f"{value.hour:02d}:{value.minute:02d}"
    if seconds:
        time_part += f":{value.second:02d}"
    return _digits(f"{date_part} {time_part}", digits)


def format_toman(rial: int, lang: Lang = "fa") -> str:
    """Show a Rial amount in Toman (``rial // 10``, any odd Rials dropped) with thousands separators.

    ``format_toman(12_500_000, 'fa')`` -> '۱٬۲۵۰٬۰۰۰ تومان'; ``format_toman(12_500_000, 'en')`` ->
    '1,250,000 toman'. Amounts are stored in Rial (int) everywhere; Toman is for display only.
    Negative amounts (refunds) keep a leading '-' and are truncated towards zero.
    """
    _check_lang(lang, "lang")
    if isinstance(rial, bool) or not isinstance(rial, int):
        raise TypeError(f"rial must be an int, not {type(rial).__name__}")
    sign = "-" if rial < 0 else ""
    toman = abs(rial) // 10
    grouped = f"{toman:,}"
    if lang == "fa":
        grouped = to_persian_digits(grouped.replace(",", PERSIAN_THOUSANDS_SEPARATOR))
        return f"{sign}{grouped} تومان"
    return f"{sign}{grouped} toman"


def _is_presentation_form(ch: str) -> bool:
    return "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufefe"


def _fold_presentation_forms(s: str) -> str:
    # Arabic presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFE) come from PDFs and old software;
    # NFKC maps them back to ordinary letters. Only those characters are folded: NFKC on the whole
    # string would also rewrite unrelated text (full-width letters, superscripts, ligatures).
    if not any(_is_presentation_form(ch) for ch in s):
        return s
    return "".join(unicodedata.normalize("NFKC", ch) if _is_presentation_form(ch) else ch for ch in s)


def normalize_persian_text(s: str) -> str:
    """Canonical form of a name (or other short text) for storage and for search.

    - Unicode NFC; Arabic presentation forms folded to ordinary letters;
    - Arabic Yeh (ي) and Alef Maksura (ى) -> Persian Yeh (ی); Arabic Kaf (ك) -> Persian Kaf (ک);
    - invisible marks removed: bidi controls (LRM, RLM, embeddings, isolates), BOM, soft hyphen,
      word joiner, tatweel (ـ);
    - ZWNJ (the Persian half space) is KEPT, but normalised: a zero-width space counts as a ZWNJ,
      repeated ZWNJs become one, and ZWNJs next to a space or at either end are dropped;
    - every kind of whitespace (tabs, newlines, NBSP, thin spaces…) collapsed to one ASCII space
      and the ends trimmed.

    Digits and letter case are left alone. Idempotent: ``f(f(s)) == f(s)``.
    """
    s = _fold_presentation_forms(unicodedata.normalize("NFC", s))
    s = s.translate(_ARABIC_TO_PERSIAN_LETTERS)
    out: list[str] = []
    for ch in s:
        if ch in _INVISIBLE:
            continue
        if ch in _ZWNJ_VARIANTS:
            ch = ZWNJ
        if ch.isspace():
            ch = " "
        out.append(ch)
    # Split on (now only ASCII) spaces: collapses runs and trims. A ZWNJ at a word edge is next to a
    # space or at an end of the text, where it means nothing; repeated ZWNJs inside a word become one.
    words = []
    for word in "".join(out).split(" "):
        word = word.strip(ZWNJ)
        while ZWNJ + ZWNJ in word:
            word = word.replace(ZWNJ + ZWNJ, ZWNJ)
        if word:
            words.append(word)
    return unicodedata.normalize("NFC", " ".join(words))


# Search-only folding: letters that people type interchangeably.
_SEARCH_FOLD = str.maketrans(
    {
        "\u06d5": "\u0647",  # ە (what ۀ decomposes to) -> ه
        "\u06c0": "\u0647",  # ۀ -> ه
        "\u0629": "\u0647",  # ة -> ه
        "\u06c1": "\u0647",  # ہ -> ه
        ZWNJ: "",
    }
)


def persian_search_key(s: str) -> str:
    """A looser key for *matching* (never for display or storage).

    ``normalize_persian_text`` plus: case folded; diacritics removed (Persian harakat such as
    shadda, and Latin accents); hamza/madda forms folded to their base letter (آ/أ/إ -> ا, ؤ -> و,
    ئ -> ی); ۀ/ة -> ه; ZWNJ removed (so 'می‌خواهم' matches 'میخواهم'); Arabic-Indic and Persian
    digits -> ASCII. Compare a stored value's key with the typed query's key (substring match).
    """
    s = normalize_persian_text(s)
    s = unicodedata.normalize("NFD", s)
    s = "".join(ch for ch in s if not unicodedata.category(ch).startswith("M"))
    s = s.translate(_ARABIC_TO_PERSIAN_LETTERS).translate(_SEARCH_FOLD)
    s = to_ascii_digits(s).casefold()
    return unicodedata.normalize("NFC", " ".join(s.split()))


def ltr_isolate(text: str) -> str:
    """Wrap `text` in a left-to-right isolate (LRI … PDI) so right-to-left text around it cannot reorder it.

    A number with a trailing sign («۱۳۳°», «-۲») is a "weak" run: inside Persian text the bidi algorithm
    may move the sign to the other side («°۱۳۳»). Isolated, the number and its sign stay one unit.
    """
    return f"{LRI}{text}{PDI}"


def format_count(n: int, lang: Lang = "fa") -> str:
    """A count inside a sentence: Persian digits in Persian («۲ پرونده», never «2 پرونده»)."""
    return _digits(str(int(n)), lang)


def _number(value: float, decimals: int, lang: Lang) -> str:
    text = f"{value:.{decimals}f}"
    if lang == "fa":
        text = to_persian_digits(text.replace(".", PERSIAN_DECIMAL_SEPARATOR))
    return text


def format_quantity(value: float, unit: str, lang: Lang = "fa", decimals: int = 0) -> str:
    """A measurement with its unit, e.g. 133.2 deg -> «۱۳۳°» (fa) / '133°' (en), as one bidi-isolated unit.

    Words (« میلی‌متر») stay outside the isolate so they join the Persian text; the number and a sign
    glued to it (°, ٪) stay together in either direction.
    """
    _check_lang(lang, "lang")
    fa_unit, en_unit = UNIT_TEXT.get(unit, ("", ""))
    suffix = fa_unit if lang == "fa" else en_unit
    number = _number(value, decimals, lang)
    if suffix.startswith(" "):
        return f"{ltr_isolate(number)}{suffix}"
    return ltr_isolate(f"{number}{suffix}")


def format_quantity_range(low: float, high: float, unit: str, lang: Lang = "fa", decimals: int = 0) -> str:
    """A normal range: «۱۱۵° تا ۱۳۵°» (fa, read right to left: low first) / '115°–135°' (en)."""
    _check_lang(lang, "lang")
    if lang == "fa":
        return f"{format_quantity(low, unit, 'fa', decimals)} تا {format_quantity(high, unit, 'fa', decimals)}"
    return f"{format_quantity(low, unit, 'en', decimals)}–{format_quantity(high, unit, 'en', decimals)}"
