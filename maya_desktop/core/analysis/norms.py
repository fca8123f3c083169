"""Normal ranges for every measurement, with labels and the literature source of each norm.

Ranges are the usual "ideal" or mean +/- 2 SD bands of the cited studies. Most were measured on
North-American / European adults; Iranian norms differ somewhat (wider alar base, for example), so
`status` is a prompt for the doctor's eye, not a diagnosis.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Norm:
    unit: str  # deg | ratio | pct | mm
    label_en: str
    label_fa: str
    ranges: dict[str, tuple[float, float]] = field(default_factory=dict)  # any | female | male
    source: str = ""

    def range_for(self, sex: str | None) -> tuple[float, float] | None:
        if sex in self.ranges:
            return self.ranges[sex]
        if "any" in self.ranges:
            return self.ranges["any"]
        if self.ranges:  # sex unknown and only per-sex ranges: the union of both
            lows, highs = zip(*self.ranges.values(), strict=True)
            return (min(lows), max(highs))
        return None


_THIRDS = "Neoclassical canon of equal thirds; Farkas LG et al., Plast Reconstr Surg 1985;75:328"
_FIFTHS = "Canon of fifths; Powell N, Humphreys B. Proportions of the Aesthetic Face, Thieme 1984"
_FARKAS = "Farkas LG. Anthropometry of the Head and Face, 2nd ed., Raven 1994 (mean +/- 2 SD)"
_PH = "Powell N, Humphreys B. Proportions of the Aesthetic Face, Thieme 1984"

NORMS: dict[str, Norm] = {
    # --- frontal -------------------------------------------------------------------------------
    "upper_third_pct": Norm("pct", "Upper facial third", "یک‌سوم بالایی صورت", {"any": (30, 36)}, _THIRDS),
    "middle_third_pct": Norm("pct", "Middle facial third", "یک‌سوم میانی صورت", {"any": (30, 36)}, _THIRDS),
    "lower_third_pct": Norm("pct", "Lower facial third", "یک‌سوم پایینی صورت", {"any": (30, 36)}, _THIRDS),
    "lower_middle_third_ratio": Norm(
        "ratio", "Lower / middle third", "نسبت یک‌سوم پایینی به میانی", {"any": (0.9, 1.1)}, _THIRDS
    ),
    "fifth_lateral_r_pct": Norm("pct", "Fifth: right lateral", "یک‌پنجم: کنارهٔ راست", {"any": (17, 23)}, _FIFTHS),
    "fifth_eye_r_pct": Norm("pct", "Fifth: right eye", "یک‌پنجم: چشم راست", {"any": (17, 23)}, _FIFTHS),
    "fifth_intercanthal_pct": Norm("pct", "Fifth: between the eyes", "یک‌پنجم: میان دو چشم", {"any": (17, 23)}, _FIFTHS),
    "fifth_eye_l_pct": Norm("pct", "Fifth: left eye", "یک‌پنجم: چشم چپ", {"any": (17, 23)}, _FIFTHS),
    "fifth_lateral_l_pct": Norm("pct", "Fifth: left lateral", "یک‌پنجم: کنارهٔ چپ", {"any": (17, 23)}, _FIFTHS),
    # Alar width ~= intercanthal width (Farkas 1994); Iranian noses are often slightly wider.
    "alar_intercanthal_ratio": Norm(
        "ratio", "Alar width / intercanthal", "پهنای پره‌ها به فاصلهٔ داخلی چشم‌ها", {"any": (0.9, 1.2)}, _FARKAS
    ),
    # al-al 31-35 mm over zy-zy 130-137 mm (Farkas 1994): about a quarter of the face width.
    "nasal_face_width_ratio": Norm(
        "ratio", "Nasal width / face width", "پهنای بینی به پهنای صورت", {"any": (0.22, 0.3)}, _FARKAS
    ),
    # Positive = tip toward the patient's LEFT. Deviation over ~2 mm (~6% of the intercanthal width)
    # is visible (Rohrich RJ et al., Plast Reconstr Surg 2002;110:1509, crooked nose).
    "nasal_tip_deviation_pct": Norm(
        "pct",
        "Nasal tip deviation from midline",
        "انحراف نوک بینی از خط میانی",
        {"any": (-6, 6)},
        "Rohrich RJ et al., Plast Reconstr Surg 2002;110:1509",
    ),
    "nasal_axis_deviation_deg": Norm(
        "deg",
        "Nasal axis deviation",
        "انحراف محور بینی",
        {"any": (-4, 4)},
        "Rohrich RJ et al., Plast Reconstr Surg 2002;110:1509",
    ),
    # Mouth width ~0.8 x interpupillary distance (ch-ch 50-53 mm vs IPD 62-64 mm, Farkas 1994).
    "mouth_iris_ratio": Norm(
        "ratio", "Mouth width / inter-iris", "پهنای دهان به فاصلهٔ دو عنبیه", {"any": (0.72, 0.95)}, _FARKAS
    ),
    "lip_upper_lower_ratio": Norm(
        "ratio",
        "Upper / lower lip height",
        "نسبت ارتفاع لب بالا به پایین",
        {"any": (0.5, 0.8)},
        "Popenko NA et al., JAMA Facial Plast Surg 2017;19:261 (ideal ~1:1.6-1:2)",
    ),
    "chin_height_share": Norm(
        "ratio", "Stomion-menton / lower third", "سهم چانه از یک‌سوم پایینی", {"any": (0.62, 0.7)}, _PH
    ),
    "symmetry_index": Norm(
        "pct",
        "Overall symmetry index",
        "شاخص کلی تقارن",
        {"any": (95, 100)},
        "Clinical convention; mean bilateral asymmetry ~3% in normals (Farkas LG, Cheung G 1981)",
    ),
    "intercanthal_mm": Norm(
        "mm", "Intercanthal width", "فاصلهٔ داخلی دو چشم", {"female": (27, 36.5), "male": (28, 38.5)}, _FARKAS
    ),
    "alar_width_mm": Norm(
        "mm", "Alar width", "پهنای پره‌های بینی", {"female": (27.5, 35.5), "male": (30.5, 39)}, _FARKAS
    ),
    "mouth_width_mm": Norm("mm", "Mouth width", "پهنای دهان", {"female": (44, 56.5), "male": (46.5, 60)}, _FARKAS),
    # --- profile -------------------------------------------------------------------------------
    "nasofrontal_angle": Norm("deg", "Nasofrontal angle", "زاویهٔ بینی-پیشانی", {"any": (115, 135)}, _PH),
    "nasolabial_angle": Norm(
        "deg",
        "Nasolabial angle",
        "زاویهٔ بینی-لب",
        {"female": (95, 110), "male": (90, 95)},
        "Rohrich RJ, Ahmad J. Plast Reconstr Surg 2011;128:49e; Sinno HH et al. 2016",
    ),
    "nasofacial_angle": Norm("deg", "Nasofacial angle", "زاویهٔ بینی-صورت", {"any": (30, 40)}, _PH),
    "nasomental_angle": Norm("deg", "Nasomental angle", "زاویهٔ بینی-چانه", {"any": (120, 132)}, _PH),
    "goode_ratio": Norm(
        "ratio",
        "Tip projection (Goode)",
        "برجستگی نوک بینی (نسبت گود)",
        {"any": (0.55, 0.6)},
        "Goode RL, in Powell & Humphreys 1984; Byrd HS, Hobar PC, Plast Reconstr Surg 1993;91:642",
    ),
    "tip_rotation_angle": Norm(
        "deg",
        "Tip rotation (columella vs facial vertical)",
        "چرخش نوک بینی",
        {"female": (95, 110), "male": (90, 95)},
        "Columella-vertical angle; Rohrich RJ, Ahmad J. Plast Reconstr Surg 2011;128:49e",
    ),
    # Ideal dorsum: about 2 mm behind the nasion-tip line in women, on it in men (Byrd & Hobar 1993).
    "dorsal_hump_pct": Norm(
        "pct",
        "Dorsal hump (vs nasion-tip line)",
        "قوز پشت بینی",
        {"female": (-7, 0), "male": (-4, 2)},
        "Byrd HS, Hobar PC, Plast Reconstr Surg 1993;91:642",
    ),
    "upper_lip_e_line_mm": Norm(
        "mm",
        "Upper lip to E-line",
        "فاصلهٔ لب بالا تا خط E",
        {"any": (-6, -2)},
        "Ricketts RM, Am J Orthod 1968;54:272",
    ),
    "lower_lip_e_line_mm": Norm(
        "mm",
        "Lower lip to E-line",
        "فاصلهٔ لب پایین تا خط E",
        {"any": (-4, 0)},
        "Ricketts RM, Am J Orthod 1968;54:272",
    ),
    "chin_riedel_mm": Norm(
        "mm",
        "Chin to Riedel's plane",
        "فاصلهٔ چانه تا صفحهٔ ریدل",
        {"any": (-2, 2)},
        "Riedel RA, Angle Orthod 1957;27:14 (pogonion on the line through both lips)",
    ),
}

SYMMETRY_PAIRS_FA = {
    "exocanthion": "گوشهٔ بیرونی چشم",
    "endocanthion": "گوشهٔ داخلی چشم",
    "iris": "مرکز عنبیه",
    "alar_crest": "پرهٔ بینی",
    "cheilion": "گوشهٔ دهان",
    "zygion": "گونه",
    "gonion": "زاویهٔ فک",
}
for _pair, _fa in SYMMETRY_PAIRS_FA.items():
    NORMS[f"symmetry_{_pair}_pct"] = Norm(
        "pct",
        f"Asymmetry: {_pair.replace('_', ' ')}",
        f"عدم تقارن: {_fa}",
        {"any": (-5, 5)},
        "Clinical convention (positive = left side farther from the midline); Farkas & Cheung 1981",
    )
