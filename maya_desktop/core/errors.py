"""Errors the core raises. Each carries a Persian message for the GUI and an English one for the CLI.

Messages never contain personal data (names, mobiles, emails) or secrets.
"""

from __future__ import annotations

from typing import Any, Self

LOCKED_CODES = frozenset({"vault.locked", "vault.closed"})  # refusals that only mean "sign in again"


class MayaError(Exception):
    """Base of every error a person may see.

    Made with `coded(code, ...)`, it carries the catalogue code and its arguments (core/messages.py) and
    takes its texts from there; errors still made from inline texts have `code` None.
    """

    code: str | None = None
    args_of_message: dict[str, Any]

    def __init__(self, message_en: str, message_fa: str | None = None) -> None:
        super().__init__(message_en)
        self.message_en = message_en
        self.message_fa = message_fa or message_en
        self.args_of_message = {}

    @classmethod
    def coded(cls, code: str, *extra: Any, **args: Any) -> Self:
        """The error `code` of the catalogue, its texts formatted with `args`; `extra` are the class's own
        arguments after the two texts (a ValidationError's field)."""
        from maya_desktop.core.messages import texts

        en, fa = texts(code, **args)
        error = cls(en, fa, *extra)
        error.code, error.args_of_message = code, args
        return error


class ValidationError(MayaError):
    """Input a person typed or chose is not acceptable; nothing was stored."""

    def __init__(self, message_en: str, message_fa: str | None = None, field: str | None = None) -> None:
        super().__init__(message_en, message_fa)
        self.field = field


class DuplicateError(ValidationError):
    """A unique value (mobile, email, username) already belongs to another record."""

    def __init__(self, message_en: str, message_fa: str, field: str, existing_id: int) -> None:
        super().__init__(message_en, message_fa, field)
        self.existing_id = existing_id


class AuthError(MayaError):
    """Wrong username/password/TOTP, or the account is inactive."""


class TotpRequired(AuthError):
    """Password was right; this account also needs its 6-digit code."""


class PermissionDenied(MayaError):
    """The signed-in person's role may not do this. The attempt is audited."""


class VaultError(MayaError):
    """The data folder cannot be opened: missing, tampered, truncated or of an unknown version."""


class StateError(MayaError):
    """An order (or other object) is not in a state that allows this action."""


class NotFound(MayaError):
    """The record does not exist (or no longer exists)."""
