"""Orders end to end (DESIGN §5): state machine, encrypted files, quotes, payments, consent,
delivery and destruction. Short modules with one job each:

- `states`       states, actions and the transition table (pure data)
- `lifecycle`    `advance()`: the one place a status changes (role + state + audit + sync event)
- `orders`       create / get / list (a doctor only ever sees orders with live consent)
- `keys`         per-order data keys (crypto-shredding)
- `photos` (core.photos) / `documents`   importing files
- `access`       who may decrypt what right now (consent, break-glass, import phase)
- `quotes`, `payments`, `consent`, `breakglass`, `report`, `destruction`, `events`

Importing this package registers the client-erase hook, so `clients.erase_client` destroys every
order of the client. `core.migrations` imports this package, so the hook is in place whenever a
vault can be opened.
"""

from __future__ import annotations

from maya_desktop.core.clients import ERASE_HOOKS
from maya_desktop.core.session import Session


def _erase_client_orders(session: Session, client_id: int) -> None:
    from maya_desktop.core.orders.destruction import destroy_client_orders

    destroy_client_orders(session, client_id)


if _erase_client_orders not in ERASE_HOOKS:
    ERASE_HOOKS.append(_erase_client_orders)
