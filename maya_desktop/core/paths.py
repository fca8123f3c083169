"""Where an installation keeps its files. One data folder per installation (DESIGN §4)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "MayaDesktop"
APP_AUTHOR = "MayaBeautyCollection"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


@dataclass(frozen=True)
class DataDir:
    root: Path

    @classmethod
    def at(cls, root: str | Path | None) -> DataDir:
        return cls(Path(root).expanduser().resolve() if root else default_data_dir())

    @property
    def db(self) -> Path:
        return self.root / "maya.db"

    @property
    def keyslots(self) -> Path:
        return self.root / "keyslots"

    @property
    def blobs(self) -> Path:
        """Encrypted photo, report and document files."""
        return self.root / "photos"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    def is_initialized(self) -> bool:
        return self.db.exists() and self.keyslots.exists()

    def ensure(self) -> None:
        for folder in (self.root, self.blobs, self.backups):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
