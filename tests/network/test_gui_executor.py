"""Network mode's seam in the windows: gui.operations.Operations over a RemoteExecutor (a real host process)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from maya_desktop.core.operations.catalogue import KeepDraft, ListDrafts
from maya_desktop.gui.operations import Operations
from maya_desktop.network.client import HostClient, RemoteExecutor, pair
from tests.conftest import PASSWORD
from tests.network.conftest import Clinic, HostProcess, console_code


def test_windows_run_named_operations_on_the_host_and_hear_its_changes(
    clinic: Clinic, host: HostProcess, tmp_path: Path, qtbot: Any
) -> None:
    pair(host.address, console_code(host.data_dir, "office"), tmp_path / "ws")
    client = HostClient(tmp_path / "ws")
    client.sign_in("admin", PASSWORD)
    remote = RemoteExecutor(client)
    links: list[str] = []
    remote.on_link(links.append)
    ops = Operations(None, executor=remote)  # type: ignore[arg-type]  (network mode: no local vault session)
    try:
        deadline = time.monotonic() + 10
        while "connected" not in links and time.monotonic() < deadline:
            qtbot.wait(50)
        assert "connected" in links
        done: list[Any] = []
        with qtbot.waitSignal(ops.changed, timeout=5000) as changed:
            ops.run("drafts.keep", KeepDraft("form", "client:1", {"notes": "x"}), done.append)
        assert changed.args[0].touches("drafts")  # pushed by the host, delivered on the GUI thread
        qtbot.waitUntil(lambda: done == [None], timeout=5000)
        assert len(ops.call("drafts.list", ListDrafts("form"))) == 1
        failed: list[BaseException] = []
        ops.run(lambda session, request: 1, None, None, failed.append)  # a window's ad-hoc function stays local
        qtbot.waitUntil(lambda: bool(failed), timeout=5000)
        assert getattr(failed[0], "code", None) == "network.unknown_operation"
    finally:
        ops.shutdown()
        client.sign_out()
