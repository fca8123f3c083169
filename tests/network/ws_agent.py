"""A real workstation process for the network tests: drives network.client from JSON lines on stdin.

Each line is a command; each answer one JSON line on stdout: {"ok": true, ...} or {"ok": false, "code": ...}.
`watch` starts the pushed-changes listener; with `refresh` it re-runs that operation on every change (as a
window does) and remembers when each answer came, for the "within 2 s" check.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from pathlib import Path
from typing import Any

from maya_desktop.core.errors import MayaError
from maya_desktop.core.operations import wire
from maya_desktop.network.client import HostClient, RemoteExecutor, pair
from tests.network import wire_ops

assert wire_ops  # registers the tests' operations and lets the codec build their dataclasses


def build(raw: Any) -> Any:
    """Requests come wire-encoded by the test (core.operations.wire), as a window's would be built."""
    return wire.decode(raw)


def main() -> None:
    folder = Path(sys.argv[1])
    client: HostClient | None = None
    executor: RemoteExecutor | None = None
    seen: list[tuple[float, Any]] = []
    links: list[tuple[float, str]] = []

    def answer(body: dict[str, Any]) -> None:
        sys.stdout.write(json.dumps(body) + "\n")
        sys.stdout.flush()

    for line in sys.stdin:
        command = json.loads(line)
        what = command["do"]
        try:
            if what == "pair":
                paired = pair(command["host"], command["code"], folder)
                answer({"ok": True, "fingerprint": paired.host_fingerprint, "workstation": paired.workstation})
                continue
            if client is None:
                client = HostClient(
                    folder,
                    call_timeout=(3.0, float(command.get("read_timeout", 60))),
                    settle_seconds=float(command.get("settle", 30)),
                )
            if what == "signin":
                staff = client.sign_in(command["user"], command["password"])
                answer({"ok": True, "role": str(staff.role), "id": staff.id})
            elif what == "call":
                result = client.call(command["op"], build(command.get("request")), request_id=command.get("rid"))
                answer({"ok": True, "result": wire.encode(result), "rid": client.last_request_id})
            elif what == "outcome":
                answer({"ok": True, "state": client.outcome(command["rid"])})
            elif what == "watch":
                executor = RemoteExecutor(client)
                refresh = command.get("refresh")

                def on_change(changes: Any, refresh: str | None = refresh, client: HostClient = client) -> None:
                    if refresh and changes.touches("orders"):
                        seen.append((time.time(), wire.encode(client.call(refresh, None))))
                    else:
                        seen.append((time.time(), sorted(changes.changed)))

                executor.subscribe(on_change)
                executor.on_link(lambda state: links.append((time.time(), state)))
                answer({"ok": True})
            elif what == "seen":
                answer({"ok": True, "seen": seen, "links": links})
            elif what == "lock":
                client.lock()
                answer({"ok": True})
            elif what == "signout":
                client.sign_out()
                answer({"ok": True})
            elif what == "new_code":
                code, fp = client.new_pairing_code(command["name"])
                answer({"ok": True, "code": code, "fingerprint": fp})
            elif what == "workstations":
                answer({"ok": True, "workstations": client.workstations()})
            elif what == "revoke":
                client.revoke(command["workstation"])
                answer({"ok": True})
            elif what == "quit":
                answer({"ok": True})
                break
            else:
                answer({"ok": False, "code": "unknown command"})
        except MayaError as exc:
            answer(
                {
                    "ok": False,
                    "code": exc.code,
                    "type": type(exc).__name__,
                    "en": exc.message_en,
                    "rid": client.last_request_id if client else None,
                }
            )
    if executor is not None:
        executor.shutdown()


if __name__ == "__main__":
    threading.current_thread().name = "agent"
    main()
