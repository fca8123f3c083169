"""The seam between windows and core (issue 13), for EVERY module under maya_desktop/gui:

- no line runs SQL, opens a transaction, takes the vault's lock, reaches a connection (`.conn`), imports
  SQLCipher or uses the old `call_core` shortcut (a regular expression over the source);
- from the core a window imports only plain data, constants and pure helpers (`PURE`), and the operations
  (`maya_desktop.core.operations.*`); a function that reads or writes the vault is called through an operation.

What must stay is listed in `EXCEPTIONS`, each with its reason: signing in, creating the clinic and the lock's
lifecycle happen when there is no open vault for the operations' executor; background loops (sync, notices,
the 10-minute purge) and the doctor's photo decoders run on their own connections by design. An entry no longer
needed fails the test, so the list only shrinks.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

GUI = Path(__file__).resolve().parents[2] / "maya_desktop" / "gui"

FORBIDDEN = re.compile(
    r"\.execute\(|\btransaction\(|vault\.lock\b|\bwith\s+[\w.]*\block\s*:|\.conn\b|import sqlcipher3|\bcall_core\b"
)

# What any window may import from the core: plain data, constants and pure functions (no database).
PURE: dict[str, set[str]] = {
    "maya_desktop.core.errors": {"*"},
    "maya_desktop.core.persian": {"*"},
    # the EXIF orientation table and the region arithmetic the viewer's decoders turn a photo upright with
    "maya_desktop.core.colour": {"EXIF_TRANSPOSE", "dest_box"},
    "maya_desktop.core.session": {"Session", "StaffMember"},
    "maya_desktop.core.roles": {"Role", "allowed"},
    "maya_desktop.core.validation": {"format_mobile_display"},
    "maya_desktop.core.clients": {"Client"},
    "maya_desktop.core.clinic_settings": {"EDITABLE_BOOLS", "EDITABLE_INTS"},
    "maya_desktop.core.audit": {"AuditEntry", "AuditQuery"},
    # the agreement's text is a file shipped with the program; needs_agreement reads the session's staff record
    "maya_desktop.core.staff": {"agreement_text", "needs_agreement"},
    "maya_desktop.core.legal.requests": {"LegalRequest", "ScopeOrder"},
    "maya_desktop.core.legal.schema": {"SCOPE_KINDS", "Scope"},
    # the notices page uses the settings' dataclasses/constants and the pure template substitution
    "maya_desktop.core.notices": {"config", "templates"},
    "maya_desktop.core.notices.templates": {"TemplateReview"},
    "maya_desktop.core.orders.model": {"Order"},
    "maya_desktop.core.orders.states": {"*"},
    "maya_desktop.core.orders.quotes": {"FINDING_PREFIX", "RULE_NAMES", "Quote"},
    "maya_desktop.core.orders.consent": {"METHODS"},
    "maya_desktop.core.orders.breakglass": {"MAX_MINUTES", "REASON_MIN", "BreakGlass"},
    "maya_desktop.core.orders.findings": {"PROCEDURES", "REGIONS", "Findings", "RegionFinding"},
    "maya_desktop.core.orders.cases": {"CaseRow", "ComparablePhoto", "OpenedCase"},
    # measurements and scale recomputed from landmarks in memory; the clinic clock (time only)
    "maya_desktop.core.orders.corrections": {"analysis_view", "landmarks_of", "live_measurements", "scale_of"},
    "maya_desktop.core.orders": {"clock"},
    "maya_desktop.core.photos": {"IMAGE_SUFFIXES", "PhotoInfo", "ImportedPhoto", "collect_image_files"},
    "maya_desktop.core.analysis": {"Landmark"},
    # laying a compared photo on the face: a similarity from two sets of landmarks already in memory
    "maya_desktop.core.analysis.align": {"Similarity", "face_alignment"},
    # image geometry on pixels already in memory (no vault)
    "maya_desktop.core.analysis.simulation": {"LIMITS", "NoseChange", "Simulation", "SimulationError", "simulate_nose"},
    # the sync dialog validates addresses/tokens/pins with these pure functions; test connection is network only
    "maya_desktop.core.sync": {"settings"},
    "maya_desktop.core.sync.runner": {"ConnectionCheck", "SyncStatus", "check_connection"},
    # where the data folder is, the interface language (a preferences file outside the vault, nothing personal)
    "maya_desktop.core.paths": {"DataDir"},
    "maya_desktop.core.prefs": {"load_language", "save_language"},
    "maya_desktop.core.integrity_gate": {"FAILED"},
}

# The report layer (maya_desktop.reports) paints with Qt; what a window may take from it: painting and
# formatting only. Reading a report's data from the vault is an operation (`reports.collect`, `reports.printable`:
# the signed report laid out where the vault is, painted by the window from memory with `paint_printable`).
REPORTS: dict[str, set[str]] = {
    "maya_desktop.reports.annotate": {"*"},  # the overlay's geometry and labels
    "maya_desktop.reports.pdf": {"pdf_font"},
    "maya_desktop.reports.access_report": {"render_access_report"},
    "maya_desktop.reports.order_documents": {"document_html", "paint_order_document", "render_order_document"},
    "maya_desktop.reports.clinical_report": {
        "STATUS_FA",
        "STATUS_EN",
        "format_range",
        "format_value",
        "reason_text",
        "paint_printable",
    },
    "maya_desktop.reports.operations": {"SignReport", "CollectReport", "PreviewReport", "PrintReport"},
}

# module (relative to gui/) -> {core module: (names, reason)}
LIFECYCLE = "no open vault for the executor: signing in, creating the clinic, locking and unlocking"
EXCEPTIONS: dict[str, dict[str, tuple[set[str], str]]] = {
    "login.py": {
        "maya_desktop.core.signin": ({"SignInRequest", "sign_in"}, LIFECYCLE + " (in a worker thread)"),
        "maya_desktop.core.vault": ({"*"}, "imported in the worker so the login window shows first"),
    },
    "setup_wizard.py": {"maya_desktop.core.vault": ({"Vault"}, LIFECYCLE + " (Vault.create in a worker thread)")},
    "lock.py": {"maya_desktop.core.signin": ({"finish_lock", "unlock"}, LIFECYCLE + " (on the lifecycle thread)")},
    "main_window.py": {
        "maya_desktop.core.signin": ({"begin_lock", "wait_lock_finished"}, LIFECYCLE),
        # the purge and the daily backup take minutes: they would hold the one database thread
        "maya_desktop.core.periodic": ({"periodic_housekeeping"}, "background job on its own worker connection"),
    },
    "sync_status.py": {"maya_desktop.core.sync.runner": ({"SyncLoop"}, "sync loop: own connection and thread")},
    "notice_sender.py": {"maya_desktop.core.notices.sender": ({"NoticeLoop"}, "notice loop: own connection")},
    "doctor/photo_loader.py": {
        "maya_desktop.core.photos": (
            {"get_analysis", "open_photo_stored", "open_thumbnail"},
            "decoders on own connections",
        )
    },
}
LINE_EXCEPTIONS: dict[str, tuple[int, str]] = {}  # module -> (how many forbidden lines, reason)


def _allowed(names: set[str], name: str) -> bool:
    return "*" in names or name in names


def import_violations(path: Path, source: str) -> list[str]:
    relative = path.relative_to(GUI).as_posix() if path.is_relative_to(GUI) else path.name
    excepted = EXCEPTIONS.get(relative, {})
    found = []
    for node in ast.walk(ast.parse(source)):
        pairs: list[tuple[str, str]] = []
        watched = ("maya_desktop.core", "maya_desktop.reports")
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(watched):
            pairs = [(node.module or "", alias.name) for alias in node.names]
        elif isinstance(node, ast.Import):
            pairs = [(alias.name, "*") for alias in node.names if alias.name.startswith(watched)]
        for module, name in pairs:
            if module == "maya_desktop.core.operations" or module.startswith("maya_desktop.core.operations."):
                continue
            known = PURE.get(module, set()) | REPORTS.get(module, set())
            if _allowed(known, name) or _allowed(excepted.get(module, (set(), ""))[0], name):
                continue
            found.append(f"{relative}:{node.lineno}: {module}.{name}")
    return found


def line_violations(path: Path, source: str) -> list[str]:
    relative = path.relative_to(GUI).as_posix() if path.is_relative_to(GUI) else path.name
    return [
        f"{relative}:{number}: {line.strip()}"
        for number, line in enumerate(source.splitlines(), start=1)
        if FORBIDDEN.search(line) and not line.lstrip().startswith("#")
    ]


def test_no_window_reaches_around_the_operations_layer() -> None:
    imports, lines = [], []
    for path in sorted(GUI.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        imports += import_violations(path, source)
        found = line_violations(path, source)
        relative = path.relative_to(GUI).as_posix()
        allowed_count = LINE_EXCEPTIONS.get(relative, (0, ""))[0]
        if len(found) > allowed_count:
            lines += found
    assert imports == [], "a window imports a core function that touches the vault:\n" + "\n".join(imports)
    assert lines == [], "a window runs SQL / takes a lock / reaches a connection:\n" + "\n".join(lines)


def test_the_allow_list_only_names_what_is_still_there() -> None:
    """An exception no longer needed must be removed (the list only shrinks)."""
    stale = []
    for relative, modules in EXCEPTIONS.items():
        source = (GUI / relative).read_text(encoding="utf-8")
        for module, (names, reason) in modules.items():
            assert reason, (relative, module)
            for name in names - {"*"}:
                if not re.search(rf"\b{re.escape(name)}\b", source):
                    stale.append(f"{relative}: {module}.{name}")
    for relative, (count, _reason) in LINE_EXCEPTIONS.items():
        found = line_violations(GUI / relative, (GUI / relative).read_text(encoding="utf-8"))
        if len(found) < count:
            stale.append(f"{relative}: {count} lines allowed, {len(found)} found")
    assert stale == []


def test_the_people_screens_need_no_exception() -> None:
    people = [
        "clients_page.py",
        "client_dialog.py",
        "client_picker.py",
        "client_history.py",
        "staff_page.py",
        "settings_page.py",
        "account_dialog.py",
        "agreement.py",
        "sync_settings.py",
    ]
    assert not set(people) & (set(EXCEPTIONS) | set(LINE_EXCEPTIONS))


def test_the_check_sees_a_window_reaching_around(tmp_path: Path) -> None:
    planted = tmp_path / "window.py"
    source = (
        "from maya_desktop.core.clients import search_clients, Client\n"
        "import maya_desktop.core.vault\n"
        "from maya_desktop.reports.clinical_report import collect_report\n"
        "from maya_desktop.core.operations.clients import SearchClients\n"
        "x = session.conn\n"
        "with session.vault.lock:\n"
        "    pass\n"
        'conn.execute("SELECT 1")\n'
        "with transaction(c):\n"
        "    pass\n"
        "call_core(session, f)\n"
    )
    planted.write_text(source, encoding="utf-8")
    assert import_violations(planted, source) == [
        "window.py:1: maya_desktop.core.clients.search_clients",
        "window.py:2: maya_desktop.core.vault.*",
        "window.py:3: maya_desktop.reports.clinical_report.collect_report",
    ]
    assert [v.split(":")[1] for v in line_violations(planted, source)] == ["5", "6", "8", "9", "11"]
