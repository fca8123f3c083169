"""Faults: the host restarts or dies mid-operation; answers are lost; the workstation learns done or not done."""

from __future__ import annotations

import json
import time
from typing import Any

from maya_desktop.core.operations import wire
from tests.conftest import PASSWORD
from tests.network.conftest import Clinic, HostProcess, paired
from tests.network.test_clinic_network import signed_in
from tests.network.wire_ops import Label, SlowWrite


def writes(agent: Any, label: str) -> int:
    answer = agent("call", op="nettest.count_writes", request=wire.encode(Label(label)))
    assert answer["ok"], answer
    return int(answer["result"])


def wait_for_link(agent: Any, state: str, after: float, seconds: float = 15) -> float:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for at, seen in agent("seen")["links"]:
            if seen == state and at >= after:
                return float(at)
        time.sleep(0.1)
    raise AssertionError(f"link never became {state}: {agent('seen')['links']}")


def test_reconnect_after_a_host_restart(clinic: Clinic, host: HostProcess, agents: Any) -> None:
    doctor = paired(agents, host, "doctor-room-2")
    signed_in(doctor, "admin")
    signed_in(doctor, "doctor")
    assert doctor("watch")["ok"]
    wait_for_link(doctor, "connected", 0)
    host.kill()
    down = time.time()
    wait_for_link(doctor, "unreachable", down)
    gone = doctor("call", op="nettest.cases", request=None)
    assert (gone["ok"], gone["code"]) == (False, "network.unreachable")
    assert "vault host cannot be reached" in gone["en"]
    host.start()
    # the restarted host is sealed again and knows no session: the workstation is told to sign in
    again = doctor("call", op="nettest.cases", request=None)
    assert (again["ok"], again["code"]) == (False, "network.signed_out")
    refused = doctor("signin", user="doctor", password=PASSWORD)
    assert (refused["ok"], refused["code"]) == (False, "network.sealed")
    back = time.time()
    signed_in(doctor, "admin")
    signed_in(doctor, "doctor")
    wait_for_link(doctor, "connected", back)  # the pushed changes come back by themselves
    assert doctor("call", op="nettest.cases", request=None)["ok"]


def test_killed_mid_operation_means_not_done_and_a_retry_does_it_once(
    clinic: Clinic, host: HostProcess, agents: Any
) -> None:
    reception = paired(agents, host, "reception-1")
    assert reception("signin", user="admin", password=PASSWORD, settle=3)["ok"]  # asks 3 s, then says unreachable
    rid = "kill-mid-operation-0001"
    slow = wire.encode(SlowWrite("k1", 4.0))
    reception.proc.stdin.write(  # type: ignore[union-attr]
        (json.dumps({"do": "call", "op": "nettest.slow_write", "request": slow, "rid": rid}) + "\n").encode()
    )
    reception.proc.stdin.flush()  # type: ignore[union-attr]
    time.sleep(1.5)  # the write is inside its transaction now
    host.kill()
    lost = json.loads(reception.proc.stdout.readline())  # type: ignore[union-attr]
    assert (lost["ok"], lost["code"]) == (False, "network.unreachable")
    host.start()
    signed_in(reception, "admin")
    assert reception("outcome", rid=rid)["state"] == "not_done"
    assert writes(reception, "k1") == 0  # nothing half-done
    # sent again with the same id: done now, once; sent a third time: the kept answer, not a second write
    assert reception("call", op="nettest.slow_write", request=slow, rid=rid)["result"] == "k1"
    assert reception("call", op="nettest.slow_write", request=slow, rid=rid)["result"] == "k1"
    assert writes(reception, "k1") == 1
    assert reception("outcome", rid=rid)["state"] == "done"
    # after a restart the answer is gone but the host still knows it was done: it is not done twice
    host.stop()
    host.start()
    signed_in(reception, "admin")
    assert reception("outcome", rid=rid)["state"] == "done"
    replay = reception("call", op="nettest.slow_write", request=slow, rid=rid)
    assert (replay["ok"], replay["code"]) == (False, "network.done_no_result")
    assert writes(reception, "k1") == 1


def test_an_answer_lost_on_the_way_is_fetched_not_redone(clinic: Clinic, host: HostProcess, tmp_path: Any) -> None:
    from tests.network.conftest import Agent, console_code

    agent = Agent(tmp_path / "ws-impatient")
    try:
        assert agent("pair", host=host.address, code=console_code(host.data_dir, "impatient"))["ok"]
        assert agent("signin", user="admin", password=PASSWORD, read_timeout=1.0)["ok"]
        # the client gives up reading after 1 s; the write takes 2.5 s: the client asks, waits, gets the answer
        done = agent("call", op="nettest.slow_write", request=wire.encode(SlowWrite("k2", 2.5)))
        assert done["ok"] and done["result"] == "k2", done
        assert writes(agent, "k2") == 1
    finally:
        agent.close()
