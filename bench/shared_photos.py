"""The benchmarks measure on the project's shared photo set (../shared/faces beside the clone).

Where it is absent (a fresh clone on its own), a benchmark prints {"skipped": reason} as its JSON and exits 0
instead of failing with FileNotFoundError. The tests never need it: they carry their own photos.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

# MAYA_SHARED_FACES: the set elsewhere (a git worktree is not beside the shared folder).
BESIDE_THE_CLONE = Path(__file__).resolve().parents[1].parent / "shared" / "faces"
SHARED_FACES = Path(os.environ.get("MAYA_SHARED_FACES") or BESIDE_THE_CLONE)


def require(*paths: Path) -> None:
    """Exit with a JSON "skipped" report unless every given photo exists."""
    missing = [p for p in paths if not p.exists()]
    if missing:
        reason = f"needs the shared photo set: {missing[0]} is absent (put ../shared/faces beside the clone)"
        print(json.dumps({"skipped": reason}, indent=2))
        sys.exit(0)
