"""Quality findings: a machine code, a severity and the sentence shown to people (English + Persian).

Severity "error" means the photo is refused for analysis; "warning" means the numbers are produced
but the doctor should know why they may be off; "info" is context.
"""

from __future__ import annotations

from dataclasses import dataclass

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
        return {
            "code": self.code,
            "severity": self.severity,
            "message_en": self.message_en,
            "message_fa": self.message_fa,
            "detail": self.detail,
        }


def finding(code: str, detail: str = "", severity: str | None = None) -> Finding:
    """Build a Finding from the catalogue, filling `{detail}` in both languages."""
    sev, en, fa = CATALOGUE[code]
    return Finding(code, severity or sev, en.format(detail=detail), fa.format(detail=detail), detail)
