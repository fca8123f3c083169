"""Paired workstations and one-time pairing codes of a vault host (issue 14), in <data dir>/network/.

Both files hold no personal data: a workstation's id, the name a manager gave it, its certificate's
fingerprint and dates; a pairing code (random, 60 bits, valid `CODE_MINUTES`) with who made it. They are
outside the encrypted database because the host must check a workstation's certificate while it is still
sealed. The running host re-reads them when they change, so a revocation made at the console (another
process) applies to the very next request.
"""

from __future__ import annotations

import json
import os
import secrets
import threading
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from maya_desktop.network.pki import write_private

CODE_MINUTES = 15
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud at a reception desk
MAX_BAD_PROOFS = 20  # wrong pairing attempts before every open code is dropped
SEEN_EVERY = 60.0  # the host writes a workstation's "last seen" at most once a minute


@dataclass(frozen=True)
class Workstation:
    id: str
    name: str
    fingerprint: str
    paired_at: str
    paired_by: str
    revoked_at: str | None = None
    revoked_by: str | None = None


def _now_text() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return "-".join(raw[i : i + 4] for i in range(0, 12, 4))


class Registry:
    """The host's list of workstations and open pairing codes (thread-safe; files re-read on change)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / "workstations.json"
        self.codes_path = folder / "pairing-codes.json"
        self._guard = threading.RLock()
        self._stamp: tuple[float, int] | None = None
        self._by_fp: dict[str, Workstation] = {}
        self._bad_proofs = 0
        self.seen_path = folder / "last-seen.json"  # written by the running host only (never workstations.json:
        # a console's revocation must not race with it)
        self._seen_written: dict[str, float] = {}

    # -- workstations -----------------------------------------------------------------------------------
    def _load(self) -> None:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            self._by_fp, self._stamp = {}, None
            return
        stamp = (stat.st_mtime, stat.st_size)
        if stamp == self._stamp:
            return
        raw: Any = json.loads(self.path.read_text(encoding="utf-8"))
        self._by_fp = {w["fingerprint"]: Workstation(**w) for w in raw.get("workstations", [])}
        self._stamp = stamp

    def _save(self) -> None:
        body = {"workstations": [asdict(w) for w in self._by_fp.values()]}
        write_private(self.path, json.dumps(body, indent=1).encode())
        self._stamp = None

    def all(self) -> list[Workstation]:
        with self._guard:
            self._load()
            return sorted(self._by_fp.values(), key=lambda w: w.paired_at)

    def by_fingerprint(self, fp: str) -> Workstation | None:
        with self._guard:
            self._load()
            return self._by_fp.get(fp)

    def add(self, name: str, fp: str, by: str) -> Workstation:
        with self._guard:
            self._load()
            station = Workstation("ws-" + secrets.token_hex(4), name, fp, _now_text(), by)
            self._by_fp[fp] = station
            self._save()
            return station

    def revoke(self, station_id: str, by: str) -> Workstation:
        with self._guard:
            self._load()
            for fp, station in self._by_fp.items():
                if station.id == station_id or station.name == station_id:
                    if station.revoked_at is None:
                        station = replace(station, revoked_at=_now_text(), revoked_by=by)
                        self._by_fp[fp] = station
                        self._save()
                    return station
        raise KeyError(station_id)

    # -- last seen (by the running host) ---------------------------------------------------------------------
    def seen(self, station_id: str) -> None:
        """A request from `station_id` now: kept to the minute (one small write a minute per workstation)."""
        with self._guard:
            now = time.monotonic()
            if now - self._seen_written.get(station_id, -SEEN_EVERY) < SEEN_EVERY:
                return
            self._seen_written[station_id] = now
            seen = self.last_seen()
            seen[station_id] = _now_text()
            write_private(self.seen_path, json.dumps(seen).encode())

    def last_seen(self) -> dict[str, str]:
        """Workstation id -> when the host last heard from it (UTC, ISO), for those it ever heard from."""
        try:
            raw: Any = json.loads(self.seen_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {str(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}

    # -- pairing codes --------------------------------------------------------------------------------------
    def _codes(self) -> list[dict[str, Any]]:
        try:
            raw: Any = json.loads(self.codes_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        now = time.time()
        return [c for c in raw.get("codes", []) if float(c.get("expires", 0)) > now]

    def _save_codes(self, codes: list[dict[str, Any]]) -> None:
        if not codes:
            self.codes_path.unlink(missing_ok=True)
            return
        write_private(self.codes_path, json.dumps({"codes": codes}).encode())

    def new_pairing_code(self, name: str, by: str) -> str:
        """A one-time code for a workstation to be called `name` (made by manager `by`)."""
        with self._guard:
            code = new_code()
            codes = self._codes()
            codes.append({"code": code, "name": name, "by": by, "expires": time.time() + CODE_MINUTES * 60})
            self._save_codes(codes)
            return code

    def open_codes(self) -> list[dict[str, Any]]:
        with self._guard:
            return self._codes()

    def use_code(self, code: str) -> None:
        with self._guard:
            self._save_codes([c for c in self._codes() if c["code"] != code])

    def bad_proof(self) -> None:
        """A pairing attempt whose proof matched no code: after MAX_BAD_PROOFS, every open code is dropped."""
        with self._guard:
            self._bad_proofs += 1
            if self._bad_proofs >= MAX_BAD_PROOFS:
                self._save_codes([])
                self._bad_proofs = 0


def folder_of(data_dir: Path) -> Path:
    return data_dir / "network"


def ensure_folder(folder: Path) -> None:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(folder, 0o700)
