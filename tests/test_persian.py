"""Tests for maya_desktop.core.persian."""

from __future__ import annotations

import datetime as dt

import jdatetime
import pytest

from maya_desktop.core.persian import (
    ZWNJ,
    format_jalali_date,
    format_jalali_datetime,
    format_toman,
    normalize_persian_text,
    persian_search_key,
    to_ascii_digits,
    to_persian_digits,
)

# --- digits -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("۰۱۲۳۴۵۶۷۸۹", "0123456789"),
        ("٠١٢٣٤٥٦٧٨٩", "0123456789"),
        ("0123456789", "0123456789"),
        ("۰۹۱۲-٣٤٥ abc", "0912-345 abc"),
        ("سفارش ۱۲", "سفارش 12"),
        ("", ""),
        ("no digits", "no digits"),
        ("١٢٫٥", "12٫5"),  # only digits change, the decimal separator stays
    ],
)
def test_to_ascii_digits(text: str, expected: str) -> None:
    assert to_ascii_digits(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0123456789", "۰۱۲۳۴۵۶۷۸۹"),
        ("٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹"),
        ("۰۱۲", "۰۱۲"),
        (1405, "۱۴۰۵"),
        (0, "۰"),
        (-42, "-۴۲"),
        ("order 12/3", "order ۱۲/۳"),
        ("", ""),
    ],
)
def test_to_persian_digits(value: str | int, expected: str) -> None:
    assert to_persian_digits(value) == expected


def test_to_persian_digits_refuses_bool() -> None:
    with pytest.raises(TypeError):
        to_persian_digits(True)


def test_digit_round_trip() -> None:
    for n in (0, 7, 10, 1405, 9_876_543_210):
        assert to_ascii_digits(to_persian_digits(n)) == str(n)


# --- Jalali dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "fa", "en"),
    [
        (dt.date(2026, 11, 25), "۱۴۰۵/۰۹/۰۴", "1405/09/04"),
        (dt.date(2025, 3, 21), "۱۴۰۴/۰۱/۰۱", "1404/01/01"),  # Nowruz
        (dt.date(2025, 3, 20), "۱۴۰۳/۱۲/۳۰", "1403/12/30"),  # last day of leap year 1403
        (dt.date(2000, 1, 1), "۱۳۷۸/۱۰/۱۱", "1378/10/11"),
        (dt.datetime(2026, 11, 25, 23, 59), "۱۴۰۵/۰۹/۰۴", "1405/09/04"),
        (jdatetime.date(1405, 1, 2), "۱۴۰۵/۰۱/۰۲", "1405/01/02"),
        (jdatetime.datetime(1405, 1, 2, 10, 0), "۱۴۰۵/۰۱/۰۲", "1405/01/02"),
    ],
)
def test_format_jalali_date(value, fa: str, en: str) -> None:
    assert format_jalali_date(value) == fa
    assert format_jalali_date(value, "fa") == fa
    assert format_jalali_date(value, digits="en") == en


def test_format_jalali_date_aware_uses_local_day() -> None:
    aware = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)
    local_day = aware.astimezone().date()
    assert format_jalali_date(aware, "en") == format_jalali_date(local_day, "en")


@pytest.mark.parametrize("bad", ["fa-IR", "ar", "", "FA"])
def test_format_jalali_date_bad_digits(bad: str) -> None:
    with pytest.raises(ValueError):
        format_jalali_date(dt.date(2026, 1, 1), bad)  # type: ignore[arg-type]


def test_format_jalali_date_bad_type() -> None:
    with pytest.raises(TypeError):
        format_jalali_date("2026-11-25")  # type: ignore[arg-type]


def test_format_jalali_datetime() -> None:
    value = dt.datetime(2026, 11, 25, 14, 5, 9)
    assert format_jalali_datetime(value) == "۱۴۰۵/۰۹/۰۴ ۱۴:۰۵"
    assert format_jalali_datetime(value, "en") == "1405/09/04 14:05"
    assert format_jalali_datetime(value, "en", seconds=True) == "1405/09/04 14:05:09"
    assert format_jalali_datetime(dt.datetime(2026, 11, 25, 0, 0)) == "۱۴۰۵/۰۹/۰۴ ۰۰:۰۰"
    assert format_jalali_datetime(jdatetime.datetime(1405, 9, 4, 8, 30), "en") == "1405/09/04 08:30"


def test_format_jalali_datetime_aware_converted_to_local() -> None:
    aware = dt.datetime(2026, 11, 25, 20, 30, tzinfo=dt.timezone(dt.timedelta(hours=3, minutes=30)))
    local = aware.astimezone().replace(tzinfo=None)
    assert format_jalali_datetime(aware, "en") == format_jalali_datetime(local, "en")


def test_format_jalali_datetime_refuses_plain_date() -> None:
    with pytest.raises(TypeError):
        format_jalali_datetime(dt.date(2026, 11, 25))  # type: ignore[arg-type]


# --- Toman --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rial", "fa", "en"),
    [
        (12_500_000, "۱٬۲۵۰٬۰۰۰ تومان", "1,250,000 toman"),
        (0, "۰ تومان", "0 toman"),
        (9, "۰ تومان", "0 toman"),  # under one Toman: dropped
        (10, "۱ تومان", "1 toman"),
        (10_000, "۱٬۰۰۰ تومان", "1,000 toman"),
        (9_999, "۹۹۹ تومان", "999 toman"),
        (12_345_678_905, "۱٬۲۳۴٬۵۶۷٬۸۹۰ تومان", "1,234,567,890 toman"),
        (-15_000, "-۱٬۵۰۰ تومان", "-1,500 toman"),
        (-15, "-۱ تومان", "-1 toman"),  # truncated towards zero, not floored
    ],
)
def test_format_toman(rial: int, fa: str, en: str) -> None:
    assert format_toman(rial, "fa") == fa
    assert format_toman(rial, "en") == en


def test_format_toman_default_is_fa() -> None:
    assert format_toman(100) == "۱۰ تومان"


def test_format_toman_uses_arabic_thousands_separator() -> None:
    assert "\u066c" in format_toman(10_000_000, "fa")
    assert "," not in format_toman(10_000_000, "fa")


@pytest.mark.parametrize("bad", [1.5, "1000", None, True, 10**3 * 1.0])
def test_format_toman_refuses_non_int(bad) -> None:
    with pytest.raises(TypeError):
        format_toman(bad, "fa")


def test_format_toman_bad_lang() -> None:
    with pytest.raises(ValueError):
        format_toman(100, "de")  # type: ignore[arg-type]


# --- normalisation ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("علي", "علی"),  # Arabic Yeh
        ("مصطفى", "مصطفی"),  # Alef Maksura
        ("كاظمي", "کاظمی"),  # Arabic Kaf + Yeh
        ("  مریم   احمدی  ", "مریم احمدی"),
        ("مریم\tاحمدی\n", "مریم احمدی"),
        ("مریم\u00a0احمدی", "مریم احمدی"),  # NBSP
        ("مریم\u202fاحمدی", "مریم احمدی"),  # narrow NBSP
        (f"فاطمه{ZWNJ}سادات", f"فاطمه{ZWNJ}سادات"),  # ZWNJ kept
        (f"فاطمه{ZWNJ}{ZWNJ}سادات", f"فاطمه{ZWNJ}سادات"),  # repeated ZWNJ -> one
        ("فاطمه\u200bسادات", f"فاطمه{ZWNJ}سادات"),  # zero-width space -> ZWNJ
        (f"{ZWNJ}مریم{ZWNJ}", "مریم"),  # ZWNJ at the ends dropped
        (f"مریم{ZWNJ} احمدی", "مریم احمدی"),  # ZWNJ next to a space dropped
        (f"مریم {ZWNJ}احمدی", "مریم احمدی"),
        ("\u200fمریم\u200e", "مریم"),  # RLM / LRM
        ("\u2067مریم\u2069", "مریم"),  # bidi isolates
        ("\ufeffمریم", "مریم"),  # BOM
        ("مـــریم", "مریم"),  # tatweel
        ("ﻣﺮﯾﻢ", "مریم"),  # presentation forms (copied from a PDF)
        ("\u0627\u0653رش", "آرش"),  # alef + madda composed by NFC
        ("Jane  O'Neil", "Jane O'Neil"),  # Latin untouched apart from spaces
        ("Élodie", "Élodie"),
        ("", ""),
        ("   ", ""),
        (ZWNJ, ""),
        ("سفارش ٣", "سفارش ٣"),  # digits are not this function's business
    ],
)
def test_normalize_persian_text(text: str, expected: str) -> None:
    assert normalize_persian_text(text) == expected


@pytest.mark.parametrize(
    "text",
    ["علي  كاظمي", f" {ZWNJ}فاطمه\u200b\u200bسادات ", "ﻣﺮﯾﻢ\u0640", "plain", "آرش\u00a0\u00a0مُحمّدی"],
)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize_persian_text(text)
    assert normalize_persian_text(once) == once


def test_normalize_makes_arabic_and_persian_spellings_equal() -> None:
    assert normalize_persian_text("علي كريمي") == normalize_persian_text("علی کریمی")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("آرش", "ارش"),
        ("مُحمّد", "محمد"),
        (f"می{ZWNJ}خواهم", "میخواهم"),
        ("علي", "علی"),
        ("أحمد", "احمد"),
        ("مؤمن", "مومن"),
        ("خانۀ", "خانه"),
        ("Élodie", "elodie"),
        ("MARYAM", "maryam"),
        ("۱۲", "12"),
        ("٣", "3"),
    ],
)
def test_persian_search_key_folds(a: str, b: str) -> None:
    assert persian_search_key(a) == persian_search_key(b)


def test_persian_search_key_keeps_distinct_letters_distinct() -> None:
    assert persian_search_key("رضا") != persian_search_key("زهرا")
    assert persian_search_key("مریم احمدی") == "مریم احمدی"


# ---- numbers inside text (issue 15): Persian digits, units glued to their number ------------------
def test_counts_use_persian_digits_in_persian_text():
    from maya_desktop.core.persian import format_count

    assert format_count(2) == "۲"
    assert f"{format_count(12)} پرونده" == "۱۲ پرونده"
    assert format_count(12, "en") == "12"


def test_degree_sign_is_isolated_with_its_number():
    from maya_desktop.core.persian import LRI, PDI, format_quantity, format_quantity_range

    assert format_quantity(133.2, "deg") == f"{LRI}۱۳۳°{PDI}"
    assert format_quantity(133.2, "deg", "en") == f"{LRI}133°{PDI}"
    assert format_quantity(2.4, "mm", "fa", 1) == f"{LRI}۲٫۴{PDI} میلی‌متر"
    assert format_quantity(40, "pct") == f"{LRI}۴۰٪{PDI}"
    text = format_quantity_range(115, 135, "deg")
    assert text == f"{LRI}۱۱۵°{PDI} تا {LRI}۱۳۵°{PDI}"
    # every degree sign sits inside an isolate, right after a digit: the bidi algorithm cannot move it away
    for index, char in enumerate(text):
        if char == "°":
            assert text[index - 1].isdigit() and text[index + 1] == PDI
    assert format_quantity_range(115, 135, "deg", "en") == f"{LRI}115°{PDI}–{LRI}135°{PDI}"
    assert not any("\u0600" <= c <= "\u06ff" for c in format_quantity_range(1, 2, "mm", "en"))
