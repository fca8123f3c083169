"""Tests for maya_desktop.core.validation."""

from __future__ import annotations

import random

import pytest

from maya_desktop.core.errors import ValidationError
from maya_desktop.core.persian import ZWNJ, to_persian_digits
from maya_desktop.core.validation import (
    check_password_strength,
    find_card_number,
    format_mobile_display,
    guard_free_text,
    luhn_valid,
    mobile_search_digits,
    parse_iran_mobile,
    validate_email,
    validate_person_name,
)

# --- helpers ------------------------------------------------------------------------------------------


def luhn_complete(prefix: str) -> str:
    """Append the check digit that makes ``prefix + d`` pass Luhn."""
    for d in "0123456789":
        if luhn_valid(prefix + d):
            return prefix + d
    raise AssertionError("unreachable")


def luhn_break(number: str) -> str:
    """Same number with a wrong check digit."""
    wrong = str((int(number[-1]) + 1) % 10)
    assert not luhn_valid(number[:-1] + wrong)
    return number[:-1] + wrong


def grouped(number: str, sep: str, sizes: tuple[int, ...] = (4, 4, 4, 4)) -> str:
    parts, i = [], 0
    for size in sizes:
        parts.append(number[i : i + size])
        i += size
    if i < len(number):
        parts.append(number[i:])
    return sep.join(parts)


def arabic_indic(s: str) -> str:
    return s.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


# Test card numbers, built to pass Luhn (never real cards).
CARD_MELLI = luhn_complete("603799759940031")  # 6037 99.. (Iranian 16-digit)
CARD_SAMAN = luhn_complete("621986123456789")
CARD_MELLAT = luhn_complete("610433000011112")
CARD_VISA_TEST = "4111111111111111"
CARD_AMEX_TEST = "378282246310005"  # 15 digits
CARD_13 = luhn_complete("422222222222")  # 13 digits
CARD_19 = luhn_complete("622126000000000000")  # 19 digits
CARDS_16 = [CARD_MELLI, CARD_SAMAN, CARD_MELLAT, CARD_VISA_TEST]


def test_test_cards_are_valid() -> None:
    for card in [*CARDS_16, CARD_AMEX_TEST, CARD_13, CARD_19]:
        assert luhn_valid(card), card
    assert (len(CARD_13), len(CARD_AMEX_TEST), len(CARD_19)) == (13, 15, 19)


# --- Luhn -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("digits", "ok"),
    [
        ("4111111111111111", True),
        ("4111111111111112", False),
        ("79927398713", True),  # the textbook example
        ("79927398710", False),
        ("0", True),
        ("", False),
        ("12a4", False),
        ("۴۱۱۱۱۱۱۱۱۱۱۱۱۱۱۱", False),  # ASCII only; find_card_number converts first
    ],
)
def test_luhn_valid(digits: str, ok: bool) -> None:
    assert luhn_valid(digits) is ok


# --- mobile parsing -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "09121234567",
        "9121234567",
        "+989121234567",
        "+98 912 123 4567",
        "+98-912-123-4567",
        "+98 (912) 123-4567",
        "0098-912-123-4567",
        "00989121234567",
        "0098 912 123 4567",
        "989121234567",
        "۰۹۱۲۱۲۳۴۵۶۷",
        "٠٩١٢١٢٣٤٥٦٧",
        "۰۹۱۲ ۱۲۳ ۴۵۶۷",
        "+۹۸۹۱۲۱۲۳۴۵۶۷",
        "(0912) 123 45 67",
        "0912.123.4567",
        "0912–123–4567",  # en dash
        "  09121234567  ",
        "0912\u00a0123\u00a04567",  # NBSP
        "\u200e09121234567\u200f",  # bidi marks from copy-paste
        "\u2066۰۹۱۲۱۲۳۴۵۶۷\u2069",
        "۰۹۱۲-١٢٣-4567",  # mixed digit scripts
    ],
)
def test_parse_iran_mobile_accepts(text: str) -> None:
    assert parse_iran_mobile(text) == "+989121234567"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09351234567", "+989351234567"),  # Irancell
        ("09901234567", "+989901234567"),
        ("09191112233", "+989191112233"),
        ("0921 000 1111", "+989210001111"),  # RighTel
    ],
)
def test_parse_iran_mobile_operators(text: str, expected: str) -> None:
    assert parse_iran_mobile(text) == expected


def test_parse_iran_mobile_is_idempotent() -> None:
    e164 = parse_iran_mobile("۰۹۱۲ ۱۲۳ ۴۵۶۷")
    assert parse_iran_mobile(e164) == e164


@pytest.mark.parametrize(
    "text",
    [
        "02188776655",  # Tehran landline
        "021 8877 6655",
        "+98 21 8877 6655",
        "03132345678",  # Isfahan landline
        "0912123456",  # too short
        "091212345678",  # too long
        "0912",
        "",
        "   ",
        "abc",
        "0912abc4567",
        "0912-ABC-4567",  # no vanity letters
        "09121234567 ext 2",
        "+1 650 253 0000",  # another country
        "+44 7911 123456",  # UK mobile
        "0044 7911 123456",
        "0912+1234567",
        "++989121234567",
        "09121234567#",
        "0912/123/4567",
        "09121234567 09121234568",
        "0" * 50,
    ],
)
def test_parse_iran_mobile_refuses(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_iran_mobile(text)
    err = info.value
    assert err.field == "mobile"
    assert err.message_en and err.message_fa
    assert err.message_fa != err.message_en


def test_parse_iran_mobile_landline_message_is_specific() -> None:
    with pytest.raises(ValidationError) as info:
        parse_iran_mobile("02188776655")
    assert "landline" in info.value.message_en
    assert "ثابت" in info.value.message_fa


def test_parse_iran_mobile_message_does_not_echo_input() -> None:
    with pytest.raises(ValidationError) as info:
        parse_iran_mobile("0912123456")
    assert "0912123456" not in info.value.message_en + info.value.message_fa


def test_parse_iran_mobile_refuses_non_str() -> None:
    with pytest.raises(TypeError):
        parse_iran_mobile(9121234567)  # type: ignore[arg-type]


# --- mobile display and search -------------------------------------------------------------------------


def test_format_mobile_display() -> None:
    assert format_mobile_display("+989121234567", "en") == "0912 123 4567"
    assert format_mobile_display("+989121234567", "fa") == "۰۹۱۲ ۱۲۳ ۴۵۶۷"
    assert format_mobile_display("+989121234567") == "۰۹۱۲ ۱۲۳ ۴۵۶۷"
    assert format_mobile_display("09351234567", "en") == "0935 123 4567"


def test_format_mobile_display_bidi_isolate() -> None:
    shown = format_mobile_display("+989121234567", "fa", bidi_isolate=True)
    assert shown == "\u2066۰۹۱۲ ۱۲۳ ۴۵۶۷\u2069"


def test_format_mobile_display_refuses_garbage() -> None:
    with pytest.raises(ValidationError):
        format_mobile_display("+982188776655", "en")
    with pytest.raises(ValueError):
        format_mobile_display("+989121234567", "de")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("۰۹۱۲۳", "9123"),
        ("09123", "9123"),
        ("0912 123", "912123"),
        ("0912-123-4567", "9121234567"),
        ("+98 912", "912"),
        ("+۹۸۹۱۲", "912"),
        ("0098912", "912"),
        ("00989121234567", "9121234567"),
        ("989121234567", "9121234567"),  # a full international number without +
        ("98", "98"),  # just digits that may appear anywhere
        ("9812", "9812"),
        ("4567", "4567"),
        ("٤٥٦٧", "4567"),
        ("123 45", "12345"),
        ("0", ""),
        ("", ""),
        ("abc", ""),
        ("\u200f۰۹۱۲\u200e", "912"),
    ],
)
def test_mobile_search_digits(text: str, expected: str) -> None:
    assert mobile_search_digits(text) == expected


@pytest.mark.parametrize("query", ["0912", "۰۹۱۲ ۱۲۳", "+98912123", "4567", "123 4567", "0098 912", "09121234567"])
def test_mobile_search_digits_matches_stored_number(query: str) -> None:
    stored = parse_iran_mobile("09121234567")
    nsn = stored.removeprefix("+98")
    assert mobile_search_digits(query) in nsn


def test_mobile_search_digits_is_suffix_of_typed_digits() -> None:
    rng = random.Random(7)
    for _ in range(500):
        digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(0, 14)))
        assert digits.endswith(mobile_search_digits(digits))


# --- email ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("maryam@example.com", "maryam@example.com"),
        ("  maryam@example.com  ", "maryam@example.com"),
        ("Maryam.Ahmadi@Example.COM", "Maryam.Ahmadi@example.com"),  # domain lower-cased, local kept
        ("m.ahmadi+clinic@mail.example.ir", "m.ahmadi+clinic@mail.example.ir"),
        ("a_b-c@sub-domain.example.co.ir", "a_b-c@sub-domain.example.co.ir"),
        ("ali۱۲۳@gmail.com", "ali123@gmail.com"),  # Persian digits from a Persian keyboard
        ("\u200ereza@yahoo.com\u200f", "reza@yahoo.com"),
        ("x@xn--mgba3a4f16a.ir", "x@xn--mgba3a4f16a.ir"),
        ("o'neil@example.com", "o'neil@example.com"),
        ("a@b.io", "a@b.io"),
        ("a" * 64 + "@example.com", "a" * 64 + "@example.com"),
    ],
)
def test_validate_email_accepts(text: str, expected: str) -> None:
    assert validate_email(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "maryam",
        "maryam.example.com",  # no @
        "maryam@",
        "@example.com",
        "maryam@@example.com",
        "mar@yam@example.com",
        "maryam@example",  # no dot in domain
        "maryam@example.",
        "maryam@.com",
        "maryam@example..com",
        "maryam@-example.com",
        "maryam@example-.com",
        "maryam@example.c",  # one-letter TLD
        "maryam@example.123",  # numeric TLD
        "maryam@[192.168.0.1]",
        "mar yam@example.com",
        "maryam@exa mple.com",
        "maryam@example.com\nBcc: x@y.com",
        ".maryam@example.com",
        "maryam.@example.com",
        "mar..yam@example.com",
        '"maryam"@example.com',
        "مریم@example.com",  # Persian letters (keyboard layout slip)
        "maryam@مثال.ایران",
        "a" * 65 + "@example.com",  # local part too long
        "a@" + "b" * 64 + ".com",  # label too long
        "a@" + ".".join(["b" * 60] * 5) + ".com",  # whole address too long
        "maryam@exa_mple.com",
        "maryam<@example.com",
    ],
)
def test_validate_email_refuses(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_email(text)
    assert info.value.field == "email"
    assert info.value.message_fa and info.value.message_en


def test_validate_email_messages_are_specific() -> None:
    with pytest.raises(ValidationError) as info:
        validate_email("maryam.example.com")
    assert "@" in info.value.message_en and "@" in info.value.message_fa
    with pytest.raises(ValidationError) as info:
        validate_email("مریم@example.com")
    assert "انگلیسی" in info.value.message_fa
    with pytest.raises(ValidationError) as info:
        validate_email("a b@example.com")
    assert "فاصله" in info.value.message_fa
    with pytest.raises(ValidationError) as info:
        validate_email("maryam@example")
    assert "نقطه" in info.value.message_fa


# --- card-number guard (policy P4) -------------------------------------------------------------------


def card_forms(card: str) -> list[str]:
    persian = to_persian_digits(card)
    return [
        card,
        grouped(card, " "),
        grouped(card, "-"),
        grouped(card, "."),
        grouped(card, "_"),
        grouped(card, " - "),
        grouped(card, "\u00a0"),  # NBSP
        grouped(card, "\u2009"),  # thin space
        grouped(card, "–"),  # en dash
        grouped(card, "\t"),
        persian,
        grouped(persian, " "),
        grouped(persian, "-"),
        arabic_indic(card),
        grouped(arabic_indic(card), " "),
        grouped(card, f"{ZWNJ} "),  # invisible marks are ignored
        "\u2066" + grouped(card, " ") + "\u2069",
        card[:6] + to_persian_digits(card[6:]),  # mixed scripts
        f"شماره کارت من {grouped(persian, '-')} است",
        f"card: {card}.",
        f"پرداخت با کارت{card}انجام شد",  # glued to letters
        f"{grouped(card, ' ')} exp 05/29",
        f"{grouped(card, ' ')} 123",  # followed by a CVV2 (rule b)
        f"{card} 123",  # contiguous card + CVV2 (rule c)
        f"12 {card}",
        f"0912 123 4567 {grouped(card, ' ')}",  # after a phone number (rule b)
        f"{grouped(card, '-')}-1405-09-04",
        f"line one\n{grouped(card, ' ')}\nline three",
    ]


@pytest.mark.parametrize("card", CARDS_16)
def test_find_card_number_sixteen_digit_forms(card: str) -> None:
    for text in card_forms(card):
        assert find_card_number(text), repr(text)


@pytest.mark.parametrize(
    "text",
    [
        CARD_AMEX_TEST,
        grouped(CARD_AMEX_TEST, " ", (4, 6, 5)),
        CARD_13,
        grouped(CARD_13, "-", (4, 4, 5)),
        CARD_19,
        grouped(CARD_19, " ", (4, 4, 4, 4, 3)),
        to_persian_digits(CARD_19),
    ],
)
def test_find_card_number_other_lengths(text: str) -> None:
    assert find_card_number(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "سلام، نوبت مشاوره برای پنجشنبه ساعت ۱۰",
        "Client prefers afternoon appointments.",
        # mobile numbers, any form
        "09121234567",
        "0912 123 4567",
        "+98 912 123 4567",
        "0098 912 123 4567",  # 14 digits, but starts with 0
        "00989121234567",
        "۰۰۹۸۹۱۲۱۲۳۴۵۶۷",
        "09121234567 09351234567",  # two mobiles, 22 digits in one run
        "0912 123 4567 0935 765 4321",
        # Iranian IDs
        "کد ملی ۰۰۱۲۳۴۵۶۷۸",
        "0012345678",
        "کد پستی 1234567890",
        # payment tracking numbers
        "شماره پیگیری ۱۲۳۴۵۶۷۸۹۰۱۲",  # 12-digit RRN
        "ref 98765432109876543210",  # 20 contiguous digits
        "tracking 1234567890123456789012345",  # 25 contiguous digits
        "IR820540102680020817909002",  # Sheba as one block
        # a 13-19 digit number that fails Luhn
        luhn_break(CARD_MELLI),
        grouped(luhn_break(CARD_MELLI), "-"),
        luhn_break(CARD_13),
        luhn_break(CARD_19),
        # broken into runs by characters that are not separators
        grouped(CARD_MELLI, ", "),
        grouped(CARD_MELLI, "/"),
        grouped(CARD_MELLI, "  "),  # two spaces
        grouped(CARD_MELLI, "\n"),
        grouped(CARD_MELLI, "--"),
        # 16 digits, passes Luhn, but starts with 0: no card starts with 0
        luhn_complete("012345678901234"),
        # dates, amounts, times
        "1405/09/04 14:30",
        "2026-11-25 14:30:00",
        "مبلغ ۱٬۲۵۰٬۰۰۰ تومان",
        "12,500,000,000,000,000 rial",
        # a card number cut by letters is not a card number
        CARD_MELLI[:8] + " and " + CARD_MELLI[8:],
        CARD_MELLI[:12],
    ],
)
def test_find_card_number_leaves_normal_text_alone(text: str) -> None:
    assert not find_card_number(text)


def test_long_run_rule_needs_whole_groups() -> None:
    # 16-digit windows are taken from whole groups only; a window cutting through a group is not
    # checked (this is what keeps two spaced mobiles and long references from being refused).
    tail_glued = f"{CARD_MELLI[:4]} {CARD_MELLI[4:8]} {CARD_MELLI[8:12]} {CARD_MELLI[12:]}9876"
    assert not luhn_valid(CARD_MELLI + "9876")
    assert not luhn_valid(CARD_MELLI[4:] + "9876")
    assert not find_card_number(tail_glued)
    # … but a contiguous block longer than 19 digits is never searched inside.
    assert not find_card_number(CARD_MELLI + "9876")


def test_random_mobiles_are_never_cards() -> None:
    rng = random.Random(1405)
    formats = ["0{}", "0098{}", "+98{}", "0{0}{1}{2} {3}{4}{5} {6}{7}{8}{9}"]
    for _ in range(2000):
        nsn = "9" + "".join(rng.choice("0123456789") for _ in range(9))
        for fmt in formats:
            text = fmt.format(*nsn) if "{0}" in fmt else fmt.format(nsn)
            assert not find_card_number(text), text
        assert not find_card_number(f"00{98}{nsn[:3]} {nsn[3:6]} {nsn[6:]}")
        assert not find_card_number(f"0{nsn} 0{nsn[::-1]}")


def test_random_long_references_are_never_cards() -> None:
    rng = random.Random(42)
    for _ in range(2000):
        ref = str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(rng.randint(19, 30)))
        assert not find_card_number(f"شماره پیگیری {ref}"), ref


def test_random_generated_cards_are_always_found() -> None:
    rng = random.Random(99)
    prefixes = ["603799", "589210", "627412", "610433", "621986", "502229", "505785", "639346"]
    for _ in range(500):
        card = luhn_complete(rng.choice(prefixes) + "".join(rng.choice("0123456789") for _ in range(9)))
        sep = rng.choice(["", " ", "-", ".", "_"])
        text = grouped(card, sep) if sep else card
        if rng.random() < 0.5:
            text = to_persian_digits(text)
        assert find_card_number(f"یادداشت: {text} لطفاً"), text


def test_find_card_number_refuses_non_str() -> None:
    with pytest.raises(TypeError):
        find_card_number(6037997599400316)  # type: ignore[arg-type]


def test_guard_free_text_refuses_card() -> None:
    text = f"پرداخت با کارت {grouped(to_persian_digits(CARD_MELLI), '-')}"
    with pytest.raises(ValidationError) as info:
        guard_free_text(text, "note")
    err = info.value
    assert err.field == "note"
    assert "شماره کارت بانکی نباید در برنامه وارد شود" in err.message_fa
    assert "card" in err.message_en.lower()
    # the message never repeats the number
    for digits in (CARD_MELLI, CARD_MELLI[:4], to_persian_digits(CARD_MELLI[:4])):
        assert digits not in err.message_fa + err.message_en


@pytest.mark.parametrize("text", ["", "مشتری ساعت ۱۰ می‌آید", "ref 123456789012", "0912 123 4567"])
def test_guard_free_text_returns_text_unchanged(text: str) -> None:
    assert guard_free_text(text, "note") == text


# --- names -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مریم", "مریم"),
        ("  علي   كاظمي ", "علی کاظمی"),
        (f"فاطمه{ZWNJ}سادات", f"فاطمه{ZWNJ}سادات"),
        (f"عبدالله{ZWNJ}", "عبدالله"),
        ("محمّد", "محمّد"),  # shadda (combining mark) kept
        ("آرش", "آرش"),
        ("Jane", "Jane"),
        ("O'Neil", "O'Neil"),
        ("O’Neil", "O’Neil"),
        ("Anne-Marie", "Anne-Marie"),
        ("Zoë", "Zoë"),
        ("Ülkü", "Ülkü"),
        ("李", "李"),
        ("x", "x"),
        ("ب" * 60, "ب" * 60),
        ("ب" * 30 + "   " + "پ" * 29, "ب" * 30 + " " + "پ" * 29),  # 60 after collapsing
    ],
)
def test_validate_person_name_accepts(text: str, expected: str) -> None:
    assert validate_person_name(text, "first_name") == expected


@pytest.mark.parametrize(
    ("text", "hint_fa"),
    [
        ("", "وارد کنید"),
        ("   ", "وارد کنید"),
        (ZWNJ, "وارد کنید"),
        ("ب" * 61, "طولانی"),
        ("مریم2", "عدد"),
        ("مریم۲", "عدد"),
        ("مریم٢", "عدد"),
        ("R2D2", "عدد"),
        ("maryam@example.com", "فقط"),
        ("مریم!", "فقط"),
        ("مریم.", "فقط"),
        ("مریم، علی", "فقط"),
        ("<script>", "فقط"),
        ("مریم 🙂", "فقط"),
        ("-مریم", "حرف"),
        ("مریم-", "حرف"),
        ("'", "حرف"),
        ("- -", "حرف"),
    ],
)
def test_validate_person_name_refuses(text: str, hint_fa: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_person_name(text, "last_name")
    assert info.value.field == "last_name"
    assert hint_fa in info.value.message_fa
    assert "نام خانوادگی" in info.value.message_fa


def test_validate_person_name_unknown_field_uses_generic_label() -> None:
    with pytest.raises(ValidationError) as info:
        validate_person_name("", "doctor_name")
    assert info.value.field == "doctor_name"
    assert info.value.message_en == "Enter the name."


# --- passwords ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("password", "username"),
    [
        ("correct-horse-battery", "admin"),
        ("Shirin&Farhad1405", "maryam"),
        ("گل‌های بهاری سبز", "reza"),  # Persian letters + spaces/ZWNJ
        ("tulip garden 7", "reza"),
        ("Zx9!kQ2#mB", "zahra"),  # exactly 10
        ("aB3aB3aB3aB3", "ab"),  # username of < 3 characters is not checked
    ],
)
def test_check_password_strength_accepts(password: str, username: str) -> None:
    assert check_password_strength(password, username) is None


@pytest.mark.parametrize(
    ("password", "username", "hint_en"),
    [
        ("", "reza", "at least 10"),
        ("Ab3!Ab3!a", "reza", "at least 10"),  # 9 characters
        ("xxadminxx123", "admin", "username"),
        ("XXADMINxx123", "admin", "username"),
        ("my-Maryam-1405", "Maryam", "username"),
        ("abcdefghijklmn", "reza", "Mix"),
        ("ABCDEFGHIJKLMN", "reza", "Mix"),
        ("98765432109876", "reza", "Mix"),
        ("!@#$%^&*()_+-=", "reza", "Mix"),
        ("رمزعبورمنخیلیقوی", "reza", "Mix"),  # Persian letters only
        ("Password123", "reza", "common"),
        ("password123!", "reza", "common"),
        ("P@ssw0rd2024", "reza", "common"),
        ("qwerty12345", "reza", "common"),
        ("1q2w3e4r5t", "reza", "common"),
        ("Maya@12345", "reza", "common"),
        ("Admin12345", "reza", "common"),
        ("Welcome123!", "reza", "common"),
        ("Tehran1405!!", "reza", "common"),
    ],
)
def test_check_password_strength_refuses(password: str, username: str, hint_en: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_password_strength(password, username)
    err = info.value
    assert err.field == "password"
    assert hint_en in err.message_en
    assert err.message_fa and "گذرواژه" in err.message_fa and "رمز عبور" not in err.message_fa  # one word (issue 15)
    assert password not in err.message_en + err.message_fa or not password


def test_check_password_strength_minimum_message_in_persian_digits() -> None:
    with pytest.raises(ValidationError) as info:
        check_password_strength("short", "reza")
    assert "۱۰" in info.value.message_fa
