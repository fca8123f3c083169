"""Scanning files for plaintext: personal values (UTF-8, UTF-16 LE/BE) and image data.

Shared by the robustness suite. Image data is looked for three ways: a file that *starts* with JPEG
or PNG magic (FF D8 FF / 89 50 4E 47 0D 0A 1A 0A), a full JPEG JFIF/Exif or PNG signature anywhere,
and 48-byte samples of the actual photo bytes (original and cleaned). The bare 3-byte FF D8 FF is
not searched inside files: in megabytes of ciphertext it occurs by chance (about once per 16 MB).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

JPEG_MAGIC = b"\xff\xd8\xff"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
FULL_SIGNATURES = (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", b"\xff\xd8\xff\xe1", PNG_MAGIC)
SAMPLE_BYTES = 48


def encodings(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]


def photo_samples(data: bytes, spacing: int = 16 * 1024) -> list[bytes]:
    """48-byte windows every `spacing` bytes (at least 8): any leaked fragment of 32 KB is found."""
    if len(data) < SAMPLE_BYTES * 4:
        return [data]
    count = max(8, len(data) // spacing)
    step = (len(data) - SAMPLE_BYTES) // (count + 1)
    return [data[i * step : i * step + SAMPLE_BYTES] for i in range(1, count + 1)]


@dataclass
class ScanReport:
    files: int = 0
    bytes: int = 0
    hits: list[str] = field(default_factory=list)


def scan_files(
    folders: Iterable[Path], values: Iterable[str] = (), photos: Iterable[bytes] = (), *, images: bool = True
) -> ScanReport:
    """Every file under `folders`: personal values in 3 encodings, image magic/signatures, photo samples."""
    patterns = [(repr(v), enc) for v in set(values) if v for enc in encodings(v)]
    samples = [s for p in photos for s in photo_samples(p)]
    report = ScanReport()
    for folder in folders:
        if not folder.exists():
            continue
        for path in [folder] if folder.is_file() else sorted(folder.rglob("*")):
            if not path.is_file():
                continue
            try:
                data = path.read_bytes()
            except OSError:
                continue
            report.files += 1
            report.bytes += len(data)
            where = path.name
            report.hits += [f"{where}: {label}" for label, enc in patterns if enc in data]
            if images:
                if data.startswith(JPEG_MAGIC) or data.startswith(PNG_MAGIC):
                    report.hits.append(f"{where}: starts with image magic")
                report.hits += [f"{where}: image signature {sig[:4]!r}" for sig in FULL_SIGNATURES if sig in data]
                report.hits += [f"{where}: photo bytes" for s in samples if s in data][:1]
    return report


def mobile_forms(e164: str) -> set[str]:
    """+98912..., 0912..., 912..., and the same in Persian digits."""
    from maya_desktop.core.persian import to_persian_digits

    national = e164.removeprefix("+98")
    forms = {e164, "0" + national, national}
    return forms | {to_persian_digits(f) for f in forms}


def client_needles(first: str, last: str, mobile_e164: str, email: str | None) -> set[str]:
    values = {first, last, f"{first} {last}"} | mobile_forms(mobile_e164)
    if email:
        values |= {email, email.split("@")[0]}
    return values


def held_values(holder: object, _depth: int = 0) -> Iterable[tuple[object, object]]:
    """(container, value) for what `holder` references, going on into the dicts, tuples and lists it holds that the
    garbage collector does not track: CPython stops tracking a container of atomic values only (a dict of
    photo id -> JPEG bytes, a tuple of bytes), so such a container is never in `gc.get_objects()` itself and a
    memory scan that looks one level below the tracked objects misses what it holds."""
    import gc

    for value in gc.get_referents(holder):
        yield holder, value
        if _depth < 4 and isinstance(value, dict | tuple | list) and not gc.is_tracked(value):
            yield from held_values(value, _depth + 1)
