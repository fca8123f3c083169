"""Quality findings: a machine code, a severity and the sentence shown to people (English + Persian).

Severity "error" means the photo is refused for analysis; "warning" means the numbers are produced
but the doctor should know why they may be off; "info" is context.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from maya_desktop.core.analysis.point_names import landmark_label

SEVERITIES = ("error", "warning", "info")

# code -> (severity, English, Persian). `{detail}` is filled in with non-personal numbers only.
CATALOGUE: dict[str, tuple[str, str, str]] = {
    "not_an_image": ("error", "The file is not an image.", "این فایل تصویر نیست."),
    "truncated": (
        "error",
        "The image file is damaged or incomplete.",
        "فایل تصویر ناقص یا آسیب‌دیده است.",
    ),
    "image_too_large": (
        "error",
        "The image is too large to analyse safely ({detail}).",
        "ابعاد تصویر برای تحلیل ایمن بیش از حد بزرگ است ({detail}).",
    ),
    "no_face": ("error", "No face was found in the photo.", "هیچ چهره‌ای در عکس پیدا نشد."),
    "multiple_faces": (
        "error",
        "More than one face was found ({detail}); the photo must show one person.",
        "بیش از یک چهره در عکس است ({detail})؛ عکس باید فقط یک نفر را نشان دهد.",
    ),
    "background_faces_ignored": (
        "info",
        "Small faces in the background were ignored ({detail}).",
        "چهره‌های کوچک پس‌زمینه نادیده گرفته شدند ({detail}).",
    ),
    "face_too_small": (
        "error",
        "The face is too small: {detail} between the eyes (at least 30 px needed).",
        "چهره بیش از حد کوچک است: فاصلهٔ دو چشم {detail} (دست‌کم ۳۰ پیکسل لازم است).",
    ),
    "face_small": (
        "warning",
        "The face is small ({detail} between the eyes); measurements are less precise.",
        "چهره کوچک است (فاصلهٔ دو چشم {detail})؛ دقت اندازه‌ها کمتر است.",
    ),
    "implausible_proportions": (
        "warning",
        "The proportions are outside the human range in {detail} of 4 checks (eye distance, mouth and nose"
        " width, iris size): check that this is a real photo of a person.",
        "تناسب‌های چهره در {detail} سنجش از ۴ سنجش (فاصلهٔ چشم‌ها، پهنای دهان و بینی، اندازهٔ عنبیه) بیرون از"
        " محدودهٔ انسانی است؛ بررسی کنید که عکس واقعی یک شخص باشد.",
    ),
    "drawing_suspected": (
        "warning",
        "The face looks drawn rather than photographed (flat colour areas with hard outlines, score"
        " {detail}): check that this is a real photo of a person.",
        "چهره به نقاشی بیشتر شبیه است تا عکس (سطح‌های یک‌رنگ با خطوط مرزی تند، امتیاز {detail})؛"
        " بررسی کنید که عکس واقعی یک شخص باشد.",
    ),
    # In profile the far eye is hidden: the size is the face's height (hairline to chin, from the mesh).
    "profile_too_small": (
        "error",
        "The face is too small: {detail} tall (at least 96 px needed in profile).",
        "چهره بیش از حد کوچک است: بلندی چهره {detail} (در نیم‌رخ دست‌کم ۹۶ پیکسل لازم است).",
    ),
    "profile_small": (
        "warning",
        "The face is small ({detail} tall); measurements are less precise.",
        "چهره کوچک است (بلندی چهره {detail})؛ دقت اندازه‌ها کمتر است.",
    ),
    "partial_face": (
        "error",
        "The face is cut by the edge of the photo ({detail}).",
        "بخشی از چهره بیرون از کادر عکس است ({detail}).",
    ),
    "face_near_edge": (
        "warning",
        "The face touches the edge of the photo; outline points may be wrong.",
        "چهره به لبهٔ عکس چسبیده است؛ نقاط حاشیهٔ صورت ممکن است نادرست باشند.",
    ),
    "blurry": (
        "error",
        "The face is too blurred to place landmarks reliably (sharpness {detail}).",
        "چهره بیش از حد تار است و نقاط را نمی‌توان مطمئن تعیین کرد (وضوح {detail}).",
    ),
    "slightly_blurry": (
        "warning",
        "The face is somewhat blurred (sharpness {detail}).",
        "چهره کمی تار است (وضوح {detail}).",
    ),
    "underexposed": ("warning", "The face is too dark ({detail}).", "چهره بیش از حد تاریک است ({detail})."),
    "overexposed": ("warning", "The face is too bright ({detail}).", "چهره بیش از حد روشن است ({detail})."),
    "strong_roll": (
        "warning",
        "The head is tilted sideways by {detail}.",
        "سر به اندازهٔ {detail} به پهلو کج است.",
    ),
    "tilted_head": (
        "warning",
        "The head is tilted ({detail}); vertical proportions and the nasal axis are not measured on this photo.",
        "سر کج است ({detail})؛ تناسب‌های عمودی و محور بینی در این عکس اندازه‌گیری نمی‌شوند.",
    ),
    "forehead_covered": (
        "info",
        "Hair covers the forehead: the hairline and the facial thirds are not measurable.",
        "مو روی پیشانی را پوشانده است: خط رویش مو و یک‌سوم‌های صورت قابل اندازه‌گیری نیستند.",
    ),
    "view_mismatch": (
        "warning",
        "The photo was declared as {detail}.",
        "نمای اعلام‌شده با نمای عکس یکی نیست: {detail}.",
    ),
    "pose_off": (
        "warning",
        "The pose is off for this view ({detail}); left/right and angle values are biased.",
        "زاویهٔ سر برای این نما مناسب نیست ({detail})؛ اندازه‌های چپ/راست و زاویه‌ها خطا دارند.",
    ),
    "low_detection_confidence": (
        "warning",
        "The face was found with low confidence ({detail}); check the landmarks.",
        "چهره با اطمینان کم پیدا شد ({detail})؛ نقاط را بررسی کنید.",
    ),
    "profile_points_uncertain": (
        "warning",
        "Some profile points could not be located confidently: {detail}.",
        "برخی نقاط نیم‌رخ با اطمینان پیدا نشدند: {detail}.",
    ),
    "no_measurements_for_view": (
        "info",
        "Nothing is reliably measurable on a {detail} view; use the frontal and profile photos.",
        "در نمای {detail} اندازه‌گیری قابل اعتمادی ممکن نیست؛ از عکس‌های روبه‌رو و نیم‌رخ استفاده کنید.",
    ),
    "no_scale": (
        "info",
        "No millimetre scale: the iris is not measurable in this photo.",
        "مقیاس میلی‌متری در دسترس نیست: عنبیه در این عکس قابل اندازه‌گیری نیست.",
    ),
}


@dataclass
class Finding:
    code: str
    severity: str
    message_en: str
    message_fa: str
    detail: str = ""

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


def finding(code: str, detail: str = "", severity: str | None = None) -> Finding:
    """Build a Finding from the catalogue, filling `{detail}` in both languages."""
    sev, en, fa = CATALOGUE[code]
    return Finding(code, severity or sev, en.format(detail=detail), fa.format(detail=detail), detail)


# ---- a finding's sentence in one language, its detail in that language too -------------------------
FSI, PDI = "\u2068", "\u2069"  # FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE
_FA_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_VIEWS_FA = {
    "frontal": "روبه‌رو",
    "profile_left": "نیم‌رخ چپ",
    "profile_right": "نیم‌رخ راست",
    "profile": "نیم‌رخ",
    "oblique_left": "سه‌رخ چپ",
    "oblique_right": "سه‌رخ راست",
    "oblique": "سه‌رخ",
    "base": "قاعدهٔ بینی",
    "unknown": "نامشخص",
}
_VIEWS_EN = {
    "frontal": "frontal",
    "profile_left": "left profile",
    "profile_right": "right profile",
    "oblique_left": "left oblique",
    "oblique_right": "right oblique",
    "base": "base",
}
_VIEW_WORD = r"[a-z_]+"
# The English details the analysis writes (quality.py, engine.py) -> their Persian wording.
_DETAIL_FA: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"^(\d+) faces?$"), lambda m: f"{m[1]} چهره"),
    (re.compile(r"^(\d+) px$"), lambda m: f"{m[1]} پیکسل"),
    (re.compile(r"^(\d+)% of the face outside$"), lambda m: f"{m[1]}٪ از چهره بیرون از کادر"),
    (re.compile(r"^mean (\d+)/255$"), lambda m: f"میانگین روشنایی {m[1]} از 255"),
    (
        re.compile(r"^pitch ([+-]?\d+) deg, roll ([+-]?\d+) deg$"),
        lambda m: f"خم به جلو/عقب {_signed(m[1])} درجه، کجی به پهلو {_signed(m[2])} درجه",
    ),
    (re.compile(r"^([+-]?\d+) deg$"), lambda m: f"{_signed(m[1])} درجه"),
    (re.compile(r"^head turned ([+-]?\d+) deg$"), lambda m: f"سر {_signed(m[1])} درجه چرخیده است"),
    (
        re.compile(r"^head turned (\d+) deg, a true profile is 90$"),
        lambda m: f"سر {m[1]} درجه چرخیده است؛ نیم‌رخ کامل 90 درجه است",
    ),
    (
        re.compile(rf"^({_VIEW_WORD}) but it looks like ({_VIEW_WORD})$"),
        lambda m: f"{_view_fa(m[1])}، ولی عکس {_view_fa(m[2])} به نظر می‌رسد",
    ),
    (re.compile(r"^[\w ]+, score (\d+\.\d+)$"), lambda m: f"امتیاز {m[1]}"),
    (re.compile(r"^landmark model, face presence (\d+\.\d+)$"), lambda m: f"امتیاز حضور چهره {m[1]}"),
    (re.compile(r"^(\d+)$"), lambda m: m[1]),
    (re.compile(r"^(\d+\.\d+)$"), lambda m: m[1]),
]


def _signed(text: str) -> str:
    """A signed number inside Persian: the sign kept beside its digits (U+2212, isolated)."""
    return f"{FSI}{text.replace('-', '−')}{PDI}" if text[:1] in "+-" else text


def _view_fa(name: str) -> str:
    return _VIEWS_FA.get(name.replace(" ", "_"), name)


def _isolate_latin(text: str) -> str:
    """Runs of left-to-right text left in a Persian sentence, each in its own isolate (never scrambled)."""
    run = r"(?:[0-9][0-9.,]* ?)?[A-Za-z](?:[A-Za-z0-9_ ,.:/+%-]*[A-Za-z0-9%])?"
    return re.sub(run, lambda m: f"{FSI}{m[0]}{PDI}", text)


def _point_names(detail: str, lang: str) -> str:
    """"nasion, subnasale" (the engine's keys) -> the points' names in `lang`, in the reader's list style."""
    keys = [key.strip() for key in detail.split(",") if key.strip()]
    names = [landmark_label(key, lang) or key for key in keys]
    if lang != "fa":
        return ", ".join(names)
    return "، ".join(_isolate_latin(name) for name in names)


def detail_text(code: str, detail: str, lang: str = "fa") -> str:
    """A finding's detail in `lang`: Persian words and digits (decimal separator «٫») in Persian, with
    anything still left to right isolated; the English view names readable in English."""
    if code == "profile_points_uncertain":
        return _point_names(detail, lang)
    if lang != "fa":
        if code == "no_measurements_for_view":
            return _VIEWS_EN.get(detail.replace(" ", "_"), detail)
        if code == "view_mismatch":
            return re.sub(_VIEW_WORD, lambda m: _VIEWS_EN.get(m[0], m[0]), detail)
        return detail
    text = detail.strip()
    if code == "no_measurements_for_view":
        text = _view_fa(text)
    else:
        for pattern, wording in _DETAIL_FA:
            match = pattern.match(text)
            if match:
                text = wording(match)
                break
    text = re.sub(r"(?<=\d)\.(?=\d)", "٫", text)
    return _isolate_latin(text).translate(_FA_DIGITS)


def finding_message(data: Mapping[str, Any], lang: str = "fa") -> str:
    """The sentence of a stored finding (`Finding.to_dict`) in `lang`, rebuilt from its code and detail
    (so older analyses read as well as new ones); the stored sentence when the code is not known."""
    code = str(data.get("code") or "")
    entry = CATALOGUE.get(code)
    if entry is None:
        stored = data.get("message_fa" if lang == "fa" else "message_en") or data.get("message_en") or code
        return _isolate_latin(str(stored)) if lang == "fa" else str(stored)
    _sev, en, fa = entry
    detail = detail_text(code, str(data.get("detail") or ""), lang)
    return (fa if lang == "fa" else en).format(detail=detail)
