"""Client notices (issue 19): quote ready, delivered, destruction receipt, consent recorded, and
opt-in news. Qt-free. Modules:

- the outbox table, the opt-in trigger, the client language column: core/migrations/0006_notices.sql
- `templates`  Persian/English templates, manager review, rendering (Jalali dates, Persian digits)
- `outbox`     enqueue in the order change's transaction; marketing guard; opt-out; sender bookkeeping
- `config`     SMTP / SMS gateway settings (manager only, off by default, TLS always verified)
- `channels`   SMTP (STARTTLS or TLS) and the SMS provider interface with Kavenegar
- `sender`     the background loop and the CLI's one round

Importing the package registers the client-erase hook, so an erased client's notices go with them.
"""

from __future__ import annotations

from maya_desktop.core.clients import ERASE_HOOKS
from maya_desktop.core.session import Session


def _erase_client_notices(session: Session, client_id: int) -> None:
    from maya_desktop.core.notices.outbox import erase_client_notices

    erase_client_notices(session, client_id)


if _erase_client_notices not in ERASE_HOOKS:
    ERASE_HOOKS.append(_erase_client_notices)
