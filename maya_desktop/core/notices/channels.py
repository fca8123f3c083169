"""Delivering one rendered notice: email through the clinic's SMTP server, SMS through a gateway.

Both channels verify TLS certificates, always. Errors are turned into a ChannelError whose texts
name only what went wrong in general terms (never the address, the number, the text, the server's
answer or the API key, which sits in Kavenegar's URL path).

Idempotency across a crash between "handed over" and "marked sent": the email carries a
Message-ID made from the notice's random uid (a repeat is recognisably the same message), and the
SMS carries the provider's `localid`, which Kavenegar documents as its duplicate guard.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import smtplib
import ssl
from dataclasses import dataclass
from email.header import Header
from email.message import Message
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, formataddr
from typing import Protocol

import requests

from maya_desktop.core.notices.config import EmailConfig, SmsConfig
from maya_desktop.core.notices.templates import Rendered

DEFAULT_TIMEOUT = 20.0
USER_AGENT = "maya-desktop-notices/1"


class ChannelError(Exception):
    """A send failed. `permanent`: retrying will not help (e.g. the server refused the address)."""

    def __init__(self, message_en: str, message_fa: str, *, permanent: bool = False) -> None:
        super().__init__(message_en)
        self.message_en = message_en
        self.message_fa = message_fa
        self.permanent = permanent


@dataclass(frozen=True)
class Outgoing:
    """Everything one send needs. `uid` is the notice's stable random id."""

    uid: str
    address: str  # email address or E.164 mobile
    rendered: Rendered
    clinic: str
    marketing: bool = False
    opt_out_code: str | None = None


def tls_context(ca_file: str = "") -> ssl.SSLContext:
    """Certificate and host name always verified; the clinic may add its own CA file."""
    context = ssl.create_default_context(cafile=ca_file or None)
    context.check_hostname = True
    context.verify_mode = ssl.CERT_REQUIRED
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


def message_id(uid: str, from_address: str) -> str:
    return f"<notice-{uid}@{from_address.rsplit('@', 1)[-1]}>"


def build_email(cfg: EmailConfig, item: Outgoing) -> Message:
    """multipart/alternative (text + right-to-left HTML), UTF-8.

    Headers are encoded with `email.header.Header` (the compat32 path): the newer email policy folds
    long Persian encoded words so that spaces are lost or added on decoding ("سفارش۱", "نما یشی").
    """
    msg = MIMEMultipart("alternative")
    msg["From"] = formataddr((item.clinic, cfg.from_address), charset="utf-8")
    msg["To"] = item.address
    msg["Subject"] = Header(item.rendered.subject, "utf-8")  # type: ignore[assignment]  # compat32 takes a Header
    msg["Message-ID"] = message_id(item.uid, cfg.from_address)
    msg["Date"] = format_datetime(_now())
    msg["Content-Language"] = item.rendered.lang
    msg["Auto-Submitted"] = "auto-generated"
    if item.marketing and item.opt_out_code:
        # RFC 2369: mail programs show an "unsubscribe" button that mails the clinic the code.
        msg["List-Unsubscribe"] = f"<mailto:{cfg.from_address}?subject=opt-out%20{item.opt_out_code}>"
    msg.attach(MIMEText(item.rendered.text, "plain", "utf-8"))
    msg.attach(MIMEText(item.rendered.html, "html", "utf-8"))
    return msg


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# What the mail server's refusals mean (the first kind that matches; any other SMTP or network error is worth
# a retry): exception, English, Persian, permanent (retrying will not help).
SMTP_REFUSALS: tuple[tuple[type[Exception], str, str, bool], ...] = (
    (
        ssl.SSLCertVerificationError,
        "The mail server's certificate could not be verified.",
        "گواهی سرور ایمیل تأیید نشد.",
        False,
    ),
    (
        smtplib.SMTPNotSupportedError,
        "The mail server does not offer STARTTLS; nothing was sent.",
        "سرور ایمیل از STARTTLS پشتیبانی نمی‌کند.",
        False,
    ),
    (
        smtplib.SMTPAuthenticationError,
        "The mail server refused the login.",
        "سرور ایمیل نام کاربری یا گذرواژه را نپذیرفت.",
        False,
    ),
    (
        smtplib.SMTPRecipientsRefused,
        "The mail server refused the client's address.",
        "سرور ایمیل نشانی مشتری را نپذیرفت.",
        True,
    ),
)


def send_email(cfg: EmailConfig, item: Outgoing, *, timeout: float = DEFAULT_TIMEOUT) -> str:
    """Send one email; returns its Message-ID. STARTTLS must succeed before anything else is said."""
    msg = build_email(cfg, item)
    context = tls_context(cfg.ca_file)
    try:
        if cfg.security == "tls":
            server: smtplib.SMTP = smtplib.SMTP_SSL(cfg.host, cfg.port, timeout=timeout, context=context)
        else:
            server = smtplib.SMTP(cfg.host, cfg.port, timeout=timeout)
        with server:
            if cfg.security == "starttls":
                server.ehlo()
                server.starttls(context=context)  # raises if the server does not offer it: never plaintext
                server.ehlo()
            if cfg.username:
                server.login(cfg.username, cfg.password)
            server.send_message(msg)
    except (smtplib.SMTPException, OSError) as exc:
        for kind, message_en, message_fa, permanent in SMTP_REFUSALS:
            if isinstance(exc, kind):
                raise ChannelError(message_en, message_fa, permanent=permanent) from exc
        raise ChannelError(
            f"The mail server could not be reached or refused the message ({type(exc).__name__}).",
            "ارسال ایمیل ممکن نشد؛ دوباره تلاش می‌شود.",
        ) from exc
    return str(msg["Message-ID"])


class SmsProvider(Protocol):
    """One SMS gateway. `local_id` is stable for the notice: a provider that supports it drops repeats."""

    def send(self, receptor_e164: str, text: str, local_id: str) -> str: ...

    def close(self) -> None: ...


def national_mobile(e164: str) -> str:
    """+98912… -> 0912… (the form Iranian gateways document)."""
    return "0" + e164.removeprefix("+98") if e164.startswith("+98") else e164


def local_id_for(uid: str) -> str:
    """A numeric local id derived from the notice uid (Kavenegar's localid is a number)."""
    return str(int.from_bytes(hashlib.sha256(uid.encode()).digest()[:7], "big"))


class KavenegarProvider:
    """Kavenegar's REST API: POST {base}/{API-KEY}/sms/send.json with receptor, sender, message, localid.

    The answer is JSON `{"return": {"status": 200, "message": …}, "entries": [{"messageid": …}]}`;
    any other `return.status` (or HTTP status) is a failure. Redirects are not followed.
    """

    def __init__(self, cfg: SmsConfig, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.cfg = cfg
        self.timeout = timeout
        self.session = requests.Session()
        self.session.verify = cfg.ca_file or True
        self.session.trust_env = False  # no proxy from the environment sees the number

    def close(self) -> None:
        self.session.close()

    def send(self, receptor_e164: str, text: str, local_id: str) -> str:
        url = f"{self.cfg.base_url}/{self.cfg.api_key}/sms/send.json"
        data = {
            "receptor": national_mobile(receptor_e164),
            "sender": self.cfg.sender,
            "message": text,
            "localid": local_id,
        }
        try:
            resp = self.session.post(
                url, data=data, timeout=self.timeout, allow_redirects=False, headers={"User-Agent": USER_AGENT}
            )
        except requests.exceptions.SSLError:
            # never chained: the request's URL holds the API key
            raise ChannelError(
                "The SMS gateway's certificate could not be verified.", "گواهی درگاه پیامک تأیید نشد."
            ) from None
        except requests.exceptions.RequestException as exc:
            raise ChannelError(
                f"The SMS gateway could not be reached ({type(exc).__name__}).", "درگاه پیامک در دسترس نیست."
            ) from None
        with resp:
            try:
                body = resp.json()
                status = int(body["return"]["status"])
            except (ValueError, KeyError, TypeError):
                raise ChannelError(
                    f"The SMS gateway gave an unreadable answer (HTTP {resp.status_code}).",
                    "پاسخ درگاه پیامک نامفهوم بود.",
                ) from None
        if resp.status_code == 200 and status == 200:
            entries = body.get("entries") or [{}]
            return str(entries[0].get("messageid", ""))
        # 411: the receptor is invalid; 412/414: the sender line or the request is wrong (won't fix itself).
        raise ChannelError(
            f"The SMS gateway refused the message (status {status}).",
            f"درگاه پیامک پیام را نپذیرفت (کد {status}).",
            permanent=status in (411, 414),
        )


def sms_provider(cfg: SmsConfig, *, timeout: float = DEFAULT_TIMEOUT) -> SmsProvider:
    if cfg.provider == "kavenegar":
        return KavenegarProvider(cfg, timeout=timeout)
    raise ValueError(f"unknown SMS provider {cfg.provider!r}")
