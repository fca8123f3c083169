"""Where an installation keeps its files. One data folder per installation (DESIGN §4)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, overload

import platformdirs

APP_NAME = "MayaDesktop"
APP_AUTHOR = "MayaBeautyCollection"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


class FileIn:
    """A fixed name inside an object's folder, read as a path attribute: `db = FileIn("maya.db", "root")` makes
    `obj.db` mean `obj.root / "maya.db"` (the folder is the attribute `folder_attr` of the object)."""

    def __init__(self, name: str, folder_attr: str = "folder") -> None:
        self.name = name
        self.folder_attr = folder_attr

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> FileIn: ...
    @overload
    def __get__(self, obj: object, owner: type | None = None) -> Path: ...
    def __get__(self, obj: Any, owner: type | None = None) -> FileIn | Path:
        if obj is None:
            return self
        folder: Path = getattr(obj, self.folder_attr)
        return folder / self.name


@dataclass(frozen=True)
class DataDir:
    root: Path

    @classmethod
    def at(cls, root: str | Path | None) -> DataDir:
        return cls(Path(root).expanduser().resolve() if root else default_data_dir())

    db = FileIn("maya.db", "root")
    keyslots = FileIn("keyslots", "root")
    blobs = FileIn("photos", "root")  # encrypted photo, report and document files
    backups = FileIn("backups", "root")

    def is_initialized(self) -> bool:
        return self.db.exists() and self.keyslots.exists()

    def ensure(self) -> None:
        for folder in (self.root, self.blobs, self.backups):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
