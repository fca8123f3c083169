"""Operations' plain data as JSON for the clinic network (issue 14): a tagged codec, never pickle.

`encode(value)` turns a request or a result (frozen dataclasses of str/int/float/bool/None, tuples, lists,
dicts with str keys, dt.date/datetime/time, bytes, enums, sets) into JSON-ready values; `decode` turns them
back. Plain JSON arrays are lists; everything else is a one-key object whose key is a tag:

    {"$t": [...]}  tuple        {"$b": "base64"}  bytes     {"$d": {...}}  dict (str keys)
    {"$fs": [...]} frozenset    {"$set": [...]}   set       {"$date"|"$dt"|"$time": iso text}
    {"$dc": "module:Name", "f": {...}}  a dataclass      {"$en": "module:Name", "v": value}  an enum member

Decoding builds only dataclasses and enums defined in modules under `maya_desktop.core` (and the report operations
module, maya_desktop.reports.operations, and the network administration's, maya_desktop.network.operations; or a
prefix added
with `allow_prefix`, e.g. by a test's operations module), checks every field name against the class, and
refuses anything else (`WireError`): what arrives from the network cannot name an arbitrary class to make.
Core errors travel as `encode_error` / `decode_error` (class name from core.errors, catalogue code, texts).
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import enum
import importlib
import json
from typing import Any

from maya_desktop.core import errors

MAX_DEPTH = 64
BLOB_AT = 4096  # bytes this long or longer travel raw in a frame (dumps_framed), not as base64
FRAMED = b"MAYA-FRAMES-1\n"
# the core's modules, and the report operations' module exactly (its requests and results: the report is
# rendered by Qt's painter, which the core may not import, and travels to a workstation as PDF/PNG bytes)
# (and the network administration's module exactly: its plain rows and codes, maya_desktop.network.operations)
_PREFIXES: list[str] = ["maya_desktop.core.", "maya_desktop.reports.operations.", "maya_desktop.network.operations."]


class WireError(ValueError):
    """Something on the wire is not what an operation's plain data can be (refused, nothing built)."""


def allow_prefix(prefix: str) -> None:
    """Let `decode` build dataclasses/enums of modules under `prefix` too (tests' own operations)."""
    if prefix not in _PREFIXES:
        _PREFIXES.append(prefix)


def _name_of(cls: type) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


def encode(value: Any, _depth: int = 0, _blobs: list[bytes] | None = None) -> Any:
    if _depth > MAX_DEPTH:
        raise WireError("nested too deeply")
    deeper = _depth + 1
    if _blobs is not None and isinstance(value, bytes | bytearray | memoryview) and len(value) >= BLOB_AT:
        _blobs.append(bytes(value))
        return {"$bx": len(_blobs) - 1}
    if isinstance(value, enum.Enum):  # before int/str: IntEnum, StrEnum
        return {"$en": _name_of(type(value)), "v": encode(value.value, deeper, _blobs)}
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, int | float):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: encode(getattr(value, f.name), deeper, _blobs) for f in dataclasses.fields(value) if f.init}
        return {"$dc": _name_of(type(value)), "f": fields}
    if isinstance(value, tuple):
        return {"$t": [encode(item, deeper, _blobs) for item in value]}
    if isinstance(value, list):
        return [encode(item, deeper, _blobs) for item in value]
    if isinstance(value, dict):
        if not all(isinstance(key, str) for key in value):
            raise WireError("dict keys must be text")
        return {"$d": {key: encode(item, deeper, _blobs) for key, item in value.items()}}
    if isinstance(value, bytes | bytearray | memoryview):
        return {"$b": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, frozenset):
        return {"$fs": [encode(item, deeper, _blobs) for item in value]}
    if isinstance(value, set):
        return {"$set": [encode(item, deeper, _blobs) for item in value]}
    if isinstance(value, dt.datetime):  # before date: a datetime is a date
        return {"$dt": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, dt.time):
        return {"$time": value.isoformat()}
    raise WireError(f"{type(value).__name__} cannot travel as plain data")


def _allowed_class(name: Any) -> type:
    if not isinstance(name, str) or name.count(":") != 1:
        raise WireError("bad class name")
    module_name, qualname = name.split(":")
    if not any(module_name.startswith(prefix) or module_name + "." == prefix for prefix in _PREFIXES):
        raise WireError("class not allowed")
    try:
        target: Any = importlib.import_module(module_name)
    except ImportError:
        raise WireError("unknown module") from None
    for part in qualname.split("."):
        if part.startswith("_") and part != "__init__":
            raise WireError("class not allowed")
        target = getattr(target, part, None)
        if target is None:
            raise WireError("unknown class")
    if not isinstance(target, type) or _name_of(target) != name:
        raise WireError("unknown class")
    return target


def _items(raw: Any) -> list[Any]:
    if not isinstance(raw, list):
        raise WireError("expected a list")
    return raw


def decode(raw: Any, _depth: int = 0, _blobs: list[bytes] | None = None) -> Any:
    if _depth > MAX_DEPTH:
        raise WireError("nested too deeply")
    deeper = _depth + 1
    if raw is None or isinstance(raw, bool | int | float | str):
        return raw
    if isinstance(raw, list):
        return [decode(item, deeper, _blobs) for item in raw]
    if not isinstance(raw, dict) or not raw:
        raise WireError("unexpected value")
    tag = next(iter(raw))
    if tag == "$dc":
        return _decode_dataclass(raw, deeper, _blobs)
    if tag == "$en":
        if set(raw) != {"$en", "v"}:
            raise WireError("bad enum")
        cls = _allowed_class(raw["$en"])
        if not issubclass(cls, enum.Enum):
            raise WireError("not an enum")
        try:
            return cls(decode(raw["v"], deeper, _blobs))
        except ValueError:
            raise WireError("bad enum value") from None
    if len(raw) != 1:
        raise WireError("unexpected value")
    body = raw[tag]
    try:
        if tag == "$t":
            return tuple(decode(item, deeper, _blobs) for item in _items(body))
        if tag == "$fs":
            return frozenset(decode(item, deeper, _blobs) for item in _items(body))
        if tag == "$set":
            return {decode(item, deeper, _blobs) for item in _items(body)}
        if tag == "$d":
            if not isinstance(body, dict):
                raise WireError("bad dict")
            return {str(key): decode(item, deeper, _blobs) for key, item in body.items()}
        if not isinstance(body, str) and tag != "$bx":
            raise WireError("bad scalar")
        if tag == "$bx":
            if _blobs is None or not isinstance(body, int) or isinstance(body, bool) or not 0 <= body < len(_blobs):
                raise WireError("bad blob reference")
            return _blobs[body]
        if tag == "$b":
            return base64.b64decode(body.encode("ascii"), validate=True)
        if tag == "$dt":
            return dt.datetime.fromisoformat(body)
        if tag == "$date":
            return dt.date.fromisoformat(body)
        if tag == "$time":
            return dt.time.fromisoformat(body)
    except (ValueError, TypeError, binascii.Error, UnicodeEncodeError) as exc:
        if isinstance(exc, WireError):
            raise
        raise WireError(f"bad {tag} value") from None
    raise WireError("unknown tag")


def _decode_dataclass(raw: dict[str, Any], depth: int, blobs: list[bytes] | None = None) -> Any:
    if set(raw) != {"$dc", "f"} or not isinstance(raw["f"], dict):
        raise WireError("bad dataclass")
    cls = _allowed_class(raw["$dc"])
    if not dataclasses.is_dataclass(cls):
        raise WireError("not a dataclass")
    accepted = {f.name for f in dataclasses.fields(cls) if f.init}
    given: dict[str, Any] = raw["f"]
    unknown = set(given) - accepted
    if unknown:
        raise WireError("unknown field")
    try:
        return cls(**{name: decode(value, depth, blobs) for name, value in given.items()})
    except (TypeError, ValueError):
        raise WireError("missing or bad field") from None


def dumps(value: Any) -> bytes:
    """One JSON document (bytes travel as base64): small requests, tests, anything read by people."""
    return json.dumps(encode(value), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def loads(body: bytes) -> Any:
    """`dumps`'s output, or `dumps_framed`'s (told apart by the frame's magic)."""
    if body[: len(FRAMED)] == FRAMED:
        return loads_framed(body)
    try:
        raw = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise WireError("not JSON") from None
    return decode(raw)


def dumps_framed(value: Any) -> bytes:
    """Photos and documents without base64: MAGIC, 4-byte header length, JSON header {"v": value, "blobs":
    [lengths]}, then the blobs (bytes of BLOB_AT or more) back to back, referenced as {"$bx": index}."""
    blobs: list[bytes] = []
    header = json.dumps(
        {"v": encode(value, 0, blobs), "blobs": [len(b) for b in blobs]}, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")
    return b"".join([FRAMED, len(header).to_bytes(4, "big"), header, *blobs])


def loads_framed(body: bytes) -> Any:
    view = memoryview(body)
    start = len(FRAMED) + 4
    if len(body) < start:
        raise WireError("short frame")
    size = int.from_bytes(view[len(FRAMED) : start], "big")
    try:
        header = json.loads(bytes(view[start : start + size]).decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise WireError("not JSON") from None
    lengths = header.get("blobs") if isinstance(header, dict) else None
    if (
        not isinstance(lengths, list)
        or set(header) != {"v", "blobs"}
        or not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in lengths)
        or start + size + sum(lengths) != len(body)
    ):
        raise WireError("bad frame")
    blobs: list[bytes] = []
    offset = start + size
    for length in lengths:
        blobs.append(bytes(view[offset : offset + length]))
        offset += length
    return decode(header["v"], 0, blobs)


# ---- errors ---------------------------------------------------------------------------------------------
def encode_error(exc: errors.MayaError) -> dict[str, Any]:
    """A core error as plain data: its class (from core.errors), catalogue code and arguments, both texts."""
    cls = type(exc)
    while cls.__module__ != errors.__name__ and cls is not errors.MayaError:
        cls = cls.__mro__[1]
    out: dict[str, Any] = {
        "type": cls.__name__,
        "code": exc.code,
        "args": encode(dict(exc.args_of_message)),
        "en": exc.message_en,
        "fa": exc.message_fa,
    }
    if isinstance(exc, errors.ValidationError):
        out["field"] = exc.field
    if isinstance(exc, errors.DuplicateError):
        out["existing_id"] = exc.existing_id
    return out


def decode_error(raw: Any) -> errors.MayaError:
    if not isinstance(raw, dict):
        raise WireError("bad error")
    cls = getattr(errors, str(raw.get("type")), None)
    if not (isinstance(cls, type) and issubclass(cls, errors.MayaError)):
        cls = errors.MayaError
    en, fa = str(raw.get("en", "")), str(raw.get("fa", "") or raw.get("en", ""))
    exc: errors.MayaError
    field = raw.get("field")
    if issubclass(cls, errors.DuplicateError):
        exc = errors.DuplicateError(en, fa, str(field or ""), int(raw.get("existing_id") or 0))
    elif issubclass(cls, errors.ValidationError):
        exc = errors.ValidationError(en, fa, field if isinstance(field, str) else None)  # its only other subclass
    else:
        exc = cls(en, fa)
    code = raw.get("code")
    exc.code = code if isinstance(code, str) else None
    args = decode(raw.get("args") or {"$d": {}})
    exc.args_of_message = args if isinstance(args, dict) else {}
    return exc
