"""The client-notices page's operations (issue 19; plain data in and out). Who may receive what is decided
in core.notices (marketing only with the opt-in, refused in core and by a DB trigger); every change here is
a manager's (settings.manage), checked and audited there."""

from __future__ import annotations

from dataclasses import dataclass

from maya_desktop.core.notices import config, outbox, templates
from maya_desktop.core.notices.config import EmailConfig, SmsConfig
from maya_desktop.core.notices.sender import clinic_name
from maya_desktop.core.notices.templates import TemplateReview
from maya_desktop.core.operations.catalogue import NoRequest, marketing_opt_in_count
from maya_desktop.core.operations.registry import operation
from maya_desktop.core.session import Session

PERMISSION = "settings.manage"


@dataclass(frozen=True)
class NoticeSettings:
    email: EmailConfig | None  # None: email notices are off
    sms: SmsConfig | None  # None: SMS notices are off
    payment_url: str
    review: TemplateReview
    clinic: str  # for the template preview
    opted_in: int  # clients who agreed to receive news (a count, no names)


@dataclass(frozen=True)
class TemplateRef:
    """One kind of notice (templates.KINDS) in one language ("fa" or "en")."""

    kind: str
    lang: str


@dataclass(frozen=True)
class TemplateTexts:
    """The three parts of a template: the email's subject and text, and the SMS."""

    subject: str
    email: str
    sms: str


@dataclass(frozen=True)
class SaveTemplates:
    template: TemplateRef
    texts: TemplateTexts


@dataclass(frozen=True)
class ConfigureEmail:
    """Email notices on with these settings (checked in core: TLS only, a verified server), or off."""

    config: EmailConfig | None  # None turns email notices off


@dataclass(frozen=True)
class ConfigureSms:
    config: SmsConfig | None  # None turns SMS notices off


@dataclass(frozen=True)
class SetPaymentUrl:
    """The bank gateway's payment page named in quote notices (https only; empty: pay at reception)."""

    url: str


@dataclass(frozen=True)
class SendMarketing:
    message: str


@dataclass(frozen=True)
class OptOut:
    """A client's opt-out from news, by the code printed in the message (Persian digits accepted)."""

    code: str


@operation("notices.settings")
def settings(session: Session, request: NoRequest) -> NoticeSettings:
    """Everything the page shows (the channels' secrets included: managers only)."""
    session.require(PERMISSION)
    conn = session.conn
    return NoticeSettings(
        config.email_config(conn),
        config.sms_config(conn),
        config.payment_url(conn),
        templates.review(conn),
        clinic_name(conn),
        marketing_opt_in_count(session, request),
    )


@operation("notices.template")
def template(session: Session, request: TemplateRef) -> TemplateTexts:
    """The texts in force for one kind and language (the manager's, else the shipped default)."""
    session.require(PERMISSION)
    lang = request.lang
    parts = [templates.template(session.conn, request.kind, lang, part) for part in ("subject", "email", "sms")]  # type: ignore[arg-type]
    return TemplateTexts(*parts)


@operation("notices.save_templates", changes={"notices", "audit"})
def save_templates(session: Session, request: SaveTemplates) -> TemplateReview:
    """Save (and so review) one kind's templates in one language; unknown fields and card numbers refused."""
    texts = {"subject": request.texts.subject, "email": request.texts.email, "sms": request.texts.sms}
    templates.save_templates(session, request.template.kind, request.template.lang, texts)  # type: ignore[arg-type]
    return templates.review(session.conn)


@operation("notices.configure_email", changes={"notices", "audit"})
def configure_email(session: Session, request: ConfigureEmail) -> None:
    config.configure_email(session, request.config)


@operation("notices.configure_sms", changes={"notices", "audit"})
def configure_sms(session: Session, request: ConfigureSms) -> None:
    config.configure_sms(session, request.config)


@operation("notices.set_payment_url", changes={"notices", "audit"})
def set_payment_url(session: Session, request: SetPaymentUrl) -> None:
    config.set_payment_url(session, request.url)


@operation("notices.send_marketing", changes={"notices", "audit"})
def send_marketing(session: Session, request: SendMarketing) -> int:
    """Queue the news for every client who opted in; returns how many notices were queued."""
    return outbox.send_marketing(session, request.message)


@operation("notices.opt_out", changes={"notices", "clients", "audit"})
def opt_out(session: Session, request: OptOut) -> int:
    return outbox.opt_out(session, request.code)
