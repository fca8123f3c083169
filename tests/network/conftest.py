"""A real vault host process and real workstation processes on loopback (issue 14)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PASSWORD

REPO = Path(__file__).resolve().parents[2]
PHOTOS = REPO / "tests" / "photos"
CLIENT = ("Shirin", "Farahani-Zzq", "+989121234567", "shirin.zzq@example.com")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def child_env(home: Path | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAYA_")}
    env["PYTHONPATH"] = str(REPO)
    if home is not None:  # everything a workstation could write lands under `home` (the scan test reads it)
        env.update(pc_folders(home))
    return env


def pc_folders(home: Path) -> dict[str, str]:
    """HOME, TMPDIR and the XDG folders of one "PC" under `home` (made here): what its app may write to."""
    folders = {"HOME": "home", "TMPDIR": "tmp", "XDG_CACHE_HOME": "cache", "XDG_DATA_HOME": "data"}
    folders["XDG_CONFIG_HOME"] = "config"
    for sub in folders.values():
        (home / sub).mkdir(parents=True, exist_ok=True)
    return {var: str(home / sub) for var, sub in folders.items()}


@dataclass
class Clinic:
    root: Path
    order_id: int
    doctor_id: int
    photo_bytes: tuple[bytes, ...]


def make_clinic(
    root: Path, photos: int = 2, *, analysis: bool = False, client: tuple[str, str, str, str | None] = CLIENT
) -> Clinic:
    from maya_desktop.core.clients import create_client
    from maya_desktop.core.demo import create_demo_clinic
    from maya_desktop.core.orders.states import Status
    from maya_desktop.core.staff import accept_agreement
    from maya_desktop.core.vault import Vault
    from tests.factories import walk_order

    manager = create_demo_clinic(root, PASSWORD, clients=5)
    manager.vault.close()
    reception = Vault.open(root, "reception", PASSWORD)
    doctor = Vault.open(root, "doctor", PASSWORD)
    accept_agreement(doctor)
    client = create_client(reception, *client)
    data = tuple((PHOTOS / name).read_bytes() for name in ("obama.jpg", "biden.jpg")[:photos])
    order_id = walk_order(reception, doctor, client.id, Status.PAID, data, analysis=analysis)
    doctor_id = doctor.staff.id
    reception.vault.close()
    doctor.vault.close()
    return Clinic(root, order_id, doctor_id, data)


@dataclass
class HostProcess:
    data_dir: Path
    log: Path
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self, *extra: str) -> None:
        command = [
            sys.executable,
            "-m",
            "maya_desktop",
            "serve",
            "--data-dir",
            str(self.data_dir),
            "--listen",
            self.address,
            "--extra-operations",
            "tests.network.wire_ops",
            *extra,
        ]
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(command, env=child_env(), stdout=log, stderr=log, cwd=REPO)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("host exited: " + self.log.read_text(errors="replace")[-2000:])
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("host did not listen")

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()


class Agent:
    """One workstation process (tests/network/ws_agent.py), with its own config folder and home."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.config = home / "config" / "maya-network"
        self.config.parent.mkdir(parents=True, exist_ok=True)
        self.stderr = (home / "agent.err").open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.network.ws_agent", str(self.config)],
            env=child_env(home),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.stderr,
            cwd=REPO,
        )

    def __call__(self, do: str, **args: Any) -> dict[str, Any]:
        self.send(do, **args)
        return self.receive()

    def send(self, do: str, **args: Any) -> None:
        """Hand the agent a command without waiting (several agents then act at the same moment)."""
        assert self.proc.stdin is not None
        self.proc.stdin.write((json.dumps({"do": do, **args}) + "\n").encode())
        self.proc.stdin.flush()

    def receive(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("agent died: " + (self.home / "agent.err").read_text(errors="replace")[-3000:])
        return dict(json.loads(line))

    def close(self) -> None:
        if self.proc.poll() is None:
            try:
                self("quit")
                self.proc.wait(10)
            except Exception:
                self.proc.kill()
        self.stderr.close()


def console_code(data_dir: Path, name: str) -> str:
    """A manager makes a pairing code at the host's console (the real CLI, in its own process)."""
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "maya_desktop",
            "network",
            "code",
            "--data-dir",
            str(data_dir),
            "--username",
            "admin",
            "--password",
            PASSWORD,
            "--name",
            name,
        ],
        env=child_env(),
        capture_output=True,
        cwd=REPO,
        timeout=120,
        check=True,
    ).stdout.decode()
    return out.split("pairing code:")[1].split()[0]


@pytest.fixture
def clinic(tmp_path: Path) -> Clinic:
    return make_clinic(tmp_path / "host-data")


@pytest.fixture
def host(clinic: Clinic, tmp_path: Path) -> Iterator[HostProcess]:
    process = HostProcess(clinic.root, tmp_path / "host.log")
    process.start()
    yield process
    process.stop()


@pytest.fixture
def agents(tmp_path: Path) -> Iterator[Any]:
    made: list[Agent] = []

    def new(name: str) -> Agent:
        agent = Agent(tmp_path / f"ws-{name}")
        made.append(agent)
        return agent

    yield new
    for agent in made:
        agent.close()


def paired(agents: Any, host: HostProcess, name: str) -> Agent:
    agent = agents(name)
    answer = agent("pair", host=host.address, code=console_code(host.data_dir, name))
    assert answer["ok"], answer
    return agent
