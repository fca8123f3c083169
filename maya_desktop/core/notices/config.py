"""Channel settings for client notices (manager only; both channels off by default).

Secrets (SMTP password, SMS API key) live in the encrypted settings table and never appear in an
audit entry, a log line or an error message. TLS is not optional: email is STARTTLS or implicit
TLS with the certificate verified (an optional CA file for a clinic-made certificate), and the SMS
gateway is HTTPS with verification on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from maya_desktop.core.db import transaction
from maya_desktop.core.errors import ValidationError
from maya_desktop.core.session import Session
from maya_desktop.core.settings import delete_setting, get_setting, set_setting
from maya_desktop.core.validation import validate_email

C = TypeVar("C")

KEY_EMAIL = "notices.email"
KEY_SMS = "notices.sms"
KEY_PAYMENT_URL = "notices.payment_url"
SECURITY_MODES = ("starttls", "tls")
SMS_PROVIDERS = ("kavenegar",)
KAVENEGAR_BASE_URL = "https://api.kavenegar.com/v1"
_HOST = re.compile(r"^[A-Za-z0-9.-]{1,253}$")


@dataclass(frozen=True)
class EmailConfig:
    host: str
    port: int
    security: str  # 'starttls' | 'tls'
    from_address: str
    username: str = ""
    password: str = ""
    ca_file: str = ""


@dataclass(frozen=True)
class SmsConfig:
    provider: str
    api_key: str
    sender: str
    base_url: str = KAVENEGAR_BASE_URL
    ca_file: str = ""


def _invalid(en: str, fa: str, field: str) -> ValidationError:
    return ValidationError(en, fa, field)


def _check_ca_file(ca_file: str) -> str:
    ca_file = (ca_file or "").strip()
    if ca_file and not Path(ca_file).is_file():
        raise _invalid("The CA certificate file does not exist.", "فایل گواهی مرجع (CA) پیدا نشد.", "ca_file")
    return ca_file


def check_email_config(config: EmailConfig) -> EmailConfig:
    host = config.host.strip()
    if not _HOST.match(host):
        raise _invalid("Enter the mail server's host name.", "نشانی سرور ایمیل را وارد کنید.", "host")
    if isinstance(config.port, bool) or not isinstance(config.port, int) or not 1 <= config.port <= 65535:
        raise _invalid("The port must be 1–65535.", "درگاه (پورت) باید بین ۱ تا ۶۵۵۳۵ باشد.", "port")
    if config.security not in SECURITY_MODES:
        raise _invalid(
            "Choose STARTTLS or TLS: mail is never sent unencrypted.",
            "STARTTLS یا TLS را انتخاب کنید؛ ایمیل هرگز بدون رمزگذاری فرستاده نمی‌شود.",
            "security",
        )
    return EmailConfig(
        host,
        config.port,
        config.security,
        validate_email(config.from_address),
        config.username.strip(),
        config.password,
        _check_ca_file(config.ca_file),
    )


def check_base_url(url: str) -> str:
    url = url.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname or parts.username or parts.password or parts.query:
        raise _invalid(
            "The SMS gateway address must be https://… (no user, no query).",
            "نشانی درگاه پیامک باید با https:// آغاز شود.",
            "base_url",
        )
    return url


def check_sms_config(config: SmsConfig) -> SmsConfig:
    if config.provider not in SMS_PROVIDERS:
        raise _invalid("Unknown SMS provider.", "این درگاه پیامک پشتیبانی نمی‌شود.", "provider")
    key = config.api_key.strip()
    if not re.fullmatch(r"[A-Za-z0-9+/=_-]{8,200}", key):
        raise _invalid("Enter the gateway's API key.", "کلید API درگاه پیامک را وارد کنید.", "api_key")
    sender = config.sender.strip()
    if not re.fullmatch(r"\+?[0-9]{4,20}", sender):
        raise _invalid("Enter the sender line number.", "شمارهٔ خط فرستنده را وارد کنید.", "sender")
    return SmsConfig(config.provider, key, sender, check_base_url(config.base_url), _check_ca_file(config.ca_file))


def email_config(conn: Any) -> EmailConfig | None:
    raw = get_setting(conn, KEY_EMAIL, {})
    return EmailConfig(**raw) if raw else None


def sms_config(conn: Any) -> SmsConfig | None:
    raw = get_setting(conn, KEY_SMS, {})
    return SmsConfig(**raw) if raw else None


def payment_url(conn: Any) -> str:
    return str(get_setting(conn, KEY_PAYMENT_URL, "") or "")


def enabled_channels(conn: Any) -> tuple[str, ...]:
    return tuple(name for name, cfg in (("email", email_config(conn)), ("sms", sms_config(conn))) if cfg)


def _store(session: Session, key: str, value: dict[str, Any] | None, details: dict[str, Any]) -> None:
    session.require("settings.manage")
    with transaction(session.conn):
        if value is None:
            delete_setting(session.conn, key)
        else:
            set_setting(session.conn, key, value)
        session.audit("notices.channel_configured", "settings", details)


def _configure(
    session: Session,
    key: str,
    channel: str,
    config: C | None,
    check: Callable[[C], C],
    details: Callable[[C], dict[str, Any]],
) -> None:
    """A channel on with `config` (checked first; the audit entry holds `details`, never a secret), or off."""
    session.require("settings.manage")
    if config is None:
        _store(session, key, None, {"channel": channel, "enabled": False})
        return
    clean = check(config)
    _store(session, key, clean.__dict__.copy(), {"channel": channel, "enabled": True, **details(clean)})


def configure_email(session: Session, config: EmailConfig | None) -> None:
    """Turn email notices on with these settings, or off with None. The password is never audited."""
    _configure(
        session,
        KEY_EMAIL,
        "email",
        config,
        check_email_config,
        lambda clean: {"security": clean.security, "ca_file": bool(clean.ca_file)},
    )


def configure_sms(session: Session, config: SmsConfig | None) -> None:
    """Turn SMS notices on with this gateway, or off with None. The API key is never audited."""
    _configure(session, KEY_SMS, "sms", config, check_sms_config, lambda clean: {"provider": clean.provider})


def set_payment_url(session: Session, url: str) -> None:
    """The bank gateway's payment page named in quote notices (https only; empty = pay at reception)."""
    url = (url or "").strip()
    if url:
        parts = urlsplit(url)
        if parts.scheme != "https" or not parts.hostname:
            raise _invalid(
                "The payment page must be an https:// address.", "نشانی صفحهٔ پرداخت باید https:// باشد.", "url"
            )
    session.require("settings.manage")
    with transaction(session.conn):
        set_setting(session.conn, KEY_PAYMENT_URL, url)
        session.audit("notices.payment_url_changed", "settings", {"set": bool(url)})
