"""Encrypted, integrity-checked backups of a whole data folder, and restoring them (DESIGN §4).

What a backup holds: a consistent copy of ``maya.db`` (still SQLCipher-encrypted with the DB key),
the ``keyslots`` file, the DB key, and every encrypted file of ``photos/`` (ciphertext as-is).
All of it is one stream, encrypted again with the backup's own random 256-bit key K.

Who can open it (K is wrapped once per "recipient" in the header):

- the **recovery code** (manual backups): a fresh random 256-bit secret shown once to the manager
  who made the backup, as 14 groups of 4 base32 characters (the last 3 bytes are a checksum, so a
  mistyped code is told apart from a wrong one). K is sealed with HKDF(code, backup id).
- every **active manager's password**: K is wrapped to the public half of that manager's key slot
  (the same X25519 pair the ``keyslots`` file uses), and the slot's password-sealed private half is
  copied into the header. So scheduled backups need nobody's password, and a manager opens a backup
  with the password they had *when it was made*. Staff removed before the backup are not recipients,
  and the DB key inside it is the rotated one, so their old key slot opens nothing in it.

File format (version 1)::

    b"MAYABAK1" | header_len:u32 | header (UTF-8 JSON, no personal data) | { sealed_len:u32 | sealed }*

Each sealed chunk is AES-256-GCM (core.crypto.seal) of up to ``chunk_size`` plaintext bytes, with
associated data = "maya-backup-v1|" + SHA-256(magic + header) + chunk index (u64) + last-chunk flag (u8).
So altering the header, altering / re-ordering / dropping a chunk, truncating the file or appending to
it is detected. Inside, the plaintext stream is a list of entries ``type:u8 | name_len:u16 | name |
size:u64 | data`` ending with an end entry; names are checked against a fixed pattern on restore.

The header is not secret: it names the managers who can open the backup (usernames, never client data)
and holds their Argon2id-sealed private keys, exactly as the ``keyslots`` file beside the database does.

Consistency while the app runs: a second connection takes the database's write lock (``BEGIN
IMMEDIATE``: app writes wait, reads go on) for the short time it takes to copy the database with the
SQLite backup API and to hard-link the referenced ciphertext files into a staging folder inside the
data folder's ``backups/``. Since order files are only deleted after a commit, none can vanish from
under the copy. Everything in the staging folder is ciphertext, but together with the database copy it
opens every order of the moment: it is removed when the backup is done, and what a crash leaves (the
staging folder, the partial ``<out>.tmp-*``) is removed at the next login and by ``purge``
(`core.leftovers`). Orders already due for destruction are destroyed before anything is copied.

Restore decrypts into a hidden folder beside the target, checks every page of the database, the audit
chain and the file list, and only then renames the folder into place: a tampered, truncated or wrong
file leaves nothing behind.

A backup is a copy of data the clinic promised to destroy: it keeps orders (and their keys) until the
backup itself is deleted. Scheduled backups therefore have a short retention (``backup.retention_days``,
default 7) and are deleted when it passes.

The package: `format` (the file format and its stream), `recipients` (recovery code, managers' key slots),
`create`, `restore`, `schedule`. Callers import from `maya_desktop.core.backup` as before.
"""

from __future__ import annotations

from maya_desktop.core.backup.create import BackupResult, create_backup
from maya_desktop.core.backup.format import (
    CHUNK_SIZE,
    DEFAULT_RETENTION_DAYS,
    FORMAT,
    MAGIC,
    SCHEDULED_PREFIX,
    STAGING_PREFIX,
    SUFFIX,
    TMP_MARK,
    VERSION,
    BackupInfo,
    read_info,
)
from maya_desktop.core.backup.recipients import format_recovery_code, parse_recovery_code
from maya_desktop.core.backup.restore import RestoreResult, restore_backup
from maya_desktop.core.backup.schedule import (
    ScheduledResult,
    configure_scheduled_backup,
    prune_backups,
    run_scheduled_backup,
    scheduled_name,
)

__all__ = [
    "CHUNK_SIZE",
    "DEFAULT_RETENTION_DAYS",
    "FORMAT",
    "MAGIC",
    "SCHEDULED_PREFIX",
    "STAGING_PREFIX",
    "SUFFIX",
    "TMP_MARK",
    "VERSION",
    "BackupInfo",
    "BackupResult",
    "RestoreResult",
    "ScheduledResult",
    "configure_scheduled_backup",
    "create_backup",
    "format_recovery_code",
    "parse_recovery_code",
    "prune_backups",
    "read_info",
    "restore_backup",
    "run_scheduled_backup",
    "scheduled_name",
]
