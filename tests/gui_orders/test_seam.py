"""Issue 13: the order screens reach the core only through operations. From the core they import data
types, constants and pure helpers (states, roles, Persian formatting), never a function that reads or
writes the vault; they never touch `session.conn` nor the old `call_core` shortcut."""

from __future__ import annotations

import ast
from pathlib import Path

GUI = Path(__file__).resolve().parents[2] / "maya_desktop" / "gui"
SCREENS = [*sorted((GUI / "orders").glob("*.py")), GUI / "orders_page.py"]
# what a screen may import from the core: plain data, constants and pure functions (no database)
ALLOWED = {
    "maya_desktop.core.clients": {"Client"},
    "maya_desktop.core.errors": {"MayaError", "ValidationError"},
    "maya_desktop.core.orders.breakglass": {"MAX_MINUTES", "BreakGlass"},
    "maya_desktop.core.orders.consent": {"METHODS"},
    "maya_desktop.core.orders.model": {"Order"},
    "maya_desktop.core.orders.quotes": {"FINDING_PREFIX", "RULE_NAMES", "Quote"},
    "maya_desktop.core.orders.states": {"*"},
    "maya_desktop.core.persian": {"*"},
    "maya_desktop.core.photos": {"IMAGE_SUFFIXES", "PhotoInfo", "ImportedPhoto", "collect_image_files"},
    "maya_desktop.core.roles": {"Role", "allowed"},
    "maya_desktop.core.session": {"Session"},
    "maya_desktop.core.operations.orders": {"*"},  # requests, results, is_conflict
    "maya_desktop.core.operations.catalogue": {"NoRequest", "OrderRef", "ClientRef"},  # the shared requests
    "maya_desktop.core.operations.prices": {"*"},
}


def test_the_order_screens_import_no_core_function_that_touches_the_vault() -> None:
    found = []
    for path in SCREENS:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("maya_desktop.core"):
                allowed = ALLOWED.get(node.module or "", set())
                found += [
                    f"{path.name}: {node.module}.{a.name}"
                    for a in node.names
                    if "*" not in allowed and a.name not in allowed
                ]
            if isinstance(node, ast.Attribute) and node.attr == "conn":
                found.append(f"{path.name}:{node.lineno}: .conn")
            if isinstance(node, ast.Name) and node.id == "call_core":
                found.append(f"{path.name}:{node.lineno}: call_core")
    assert found == []


def test_the_check_sees_a_window_reaching_around(tmp_path: Path) -> None:
    tree = ast.parse("from maya_desktop.core.orders.records import get_order\nx = session.conn\n")
    modules = [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert modules == ["maya_desktop.core.orders.records"] and "maya_desktop.core.orders.records" not in ALLOWED
    assert any(isinstance(n, ast.Attribute) and n.attr == "conn" for n in ast.walk(tree))
