"""The core's message catalogue (core/messages.py, issue 13): coded errors carry their code and arguments and
take both texts from the catalogue; every code used exists and every entry is used; the core's inline
English/Persian pairs do not grow back."""

from __future__ import annotations

import ast
import re
import string

import pytest

from maya_desktop.core.errors import ValidationError, VaultError
from maya_desktop.core.messages import CATALOGUE, texts
from maya_desktop.core.sync.client import SyncTransportError
from maya_desktop.core.sync.settings import validate_endpoint
from tests.conftest import REPO

CORE = REPO / "maya_desktop" / "core"
PERSIAN = re.compile("[\u0600-\u06ff]")
# Inline en/fa pairs left in the core (220 before the catalogue). Lower it as modules
# move their texts to the catalogue; it may never rise.
INLINE_PAIRS_AT_MOST = 150
# Calls whose first argument is a catalogue code (the errors, and a module's own one-line maker of its errors).
CODED_CALLS = {"coded", "SyncTransportError", "texts", "_refuse"}
CODE = re.compile(r"[a-z0-9_]+\.[a-z0-9_]+")


def _persian(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(PERSIAN.search(node.value))
    return isinstance(node, ast.JoinedStr) and any(_persian(v) for v in node.values)


def _calls():
    for path in sorted(CORE.rglob("*.py")):
        if path.name != "messages.py":
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call):
                    yield path, node


def test_inline_pairs_in_the_core_do_not_grow() -> None:
    pairs = [
        f"{path.relative_to(REPO)}:{call.lineno}"
        for path, call in _calls()
        if len(call.args) >= 2
        and isinstance(call.args[0], ast.Constant | ast.JoinedStr)
        and not _persian(call.args[0])
        and _persian(call.args[1])
    ]
    assert 0 < len(pairs) <= INLINE_PAIRS_AT_MOST, f"{len(pairs)} inline en/fa pairs; add new texts to core/messages.py"


def test_every_code_used_exists_and_every_entry_is_used() -> None:
    used = set()
    for _path, call in _calls():
        name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
        first = call.args[0] if call.args else None
        if name in CODED_CALLS and isinstance(first, ast.Constant) and CODE.fullmatch(str(first.value)):
            used.add(first.value)
    assert used - set(CATALOGUE) == set()
    assert set(CATALOGUE) - used == set()


def test_each_entry_has_an_english_and_a_persian_text_that_format() -> None:
    fields = string.Formatter()
    for code, entry in CATALOGUE.items():
        assert entry.en and PERSIAN.search(entry.fa), code
        en_args = {name for _t, name, _s, _c in fields.parse(entry.en) if name}
        fa_args = {name for _t, name, _s, _c in fields.parse(entry.fa) if name}
        assert not PERSIAN.search(entry.en), code
        names = {name: 1 for name in en_args | fa_args}
        assert texts(code, **names)  # both format with the arguments either names


def test_a_coded_error_carries_code_arguments_and_the_catalogue_texts() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_endpoint("http://hq.example/v1/events")
    error = caught.value
    assert (error.code, error.field) == ("sync.endpoint_not_https", "sync.endpoint")
    assert (error.message_en, error.message_fa) == texts("sync.endpoint_not_https")
    newer = VaultError.coded("migrations.newer_schema", version=99)
    assert newer.args_of_message == {"version": 99} and "schema 99" in newer.message_en
    assert str(newer) == newer.message_en
    transport = SyncTransportError("sync.unreachable", kind="ConnectionError")
    assert transport.code == "sync.unreachable" and "(ConnectionError)" in transport.message_en
    with pytest.raises(KeyError):
        texts("no.such.code")
