"""A two-node Ray cluster on this machine, for the tests: separate ``ray start`` processes on 127.0.0.1.

Each node is one ``ray start --block`` process (the head, then a second node joining it), with
its own ports, chosen free at start, so it never meets another Ray on the machine.  Stopping
sends each ``ray start`` SIGTERM (it then stops the processes of its node), and ends whatever
of its node is still running after that; never ``ray stop``, which would stop every Ray on the
machine, other users' included.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from wirecoder.engines import lifeline

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"

#: ``ray start`` from the interpreter running the tests.  Ray's multi-node mode makes its servers
#: listen on every interface (its loopback switch also refuses a second node), so the nodes are
#: given 127.0.0.1 as their address and a token of their own (see :func:`node_env`).
RAY_START = [str(Path(sys.executable).with_name("ray")), "start"]

#: Seconds to wait for a node to start, and for a node to stop.
START_S, STOP_S = 180.0, 30.0

_NODE_PORTS = ("node-manager", "object-manager", "dashboard-agent-listen", "dashboard-agent-grpc",
               "metrics-export", "runtime-env-agent")  # fmt: skip
_WORKER_PORTS = 12  # per node: actors and Ray's helper workers each take one


def free_ports(count: int) -> list[int]:
    """Ports free on loopback right now (held open together, so they are distinct)."""
    sockets = []
    try:
        for _ in range(count):
            s = socket.socket()
            s.bind((HOST, 0))
            sockets.append(s)
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def free_range(size: int) -> tuple[int, int]:
    """A run of ``size`` consecutive free ports (for Ray's worker port range)."""
    for base in range(21000 + os.getpid() % 5000, 60000, size):
        try:
            with contextlib.ExitStack() as stack:
                for port in range(base, base + size):
                    s = stack.enter_context(socket.socket())
                    s.bind((HOST, port))
            return base, base + size - 1
        except OSError:
            continue
    raise RuntimeError("no free port range for Ray's workers")


def node_env(token: str) -> dict[str, str]:
    """What the nodes (and the driver) run with: this source tree importable, no usage reports,
    the multi-node switch on (a private Ray earlier in the session turns it off), and the
    cluster's own authentication token (never the user's ~/.ray/auth_token)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "RAY_USAGE_STATS_ENABLED": "0"}
    env.update({"RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": token})
    for name in ("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "RAY_ADDRESS", "RAY_AUTH_TOKEN_PATH"):
        env.pop(name, None)
    return env


def _node_command(head_port: int, head: bool, temp_dir: str) -> list[str]:
    ports = dict(zip(_NODE_PORTS, free_ports(len(_NODE_PORTS)), strict=True))
    low, high = free_range(_WORKER_PORTS)
    command = [*RAY_START, "--block", f"--node-ip-address={HOST}", "--num-cpus=1", "--disable-usage-stats"]
    command += [f"--{name}-port={port}" for name, port in ports.items()]
    command += [f"--min-worker-port={low}", f"--max-worker-port={high}", "--log-style=record"]
    if head:
        # (no Ray Client server: it needs ray[client], which wirecoder does not use)
        command += ["--head", f"--port={head_port}"]
        command += ["--include-dashboard=false", f"--temp-dir={temp_dir}"]
    else:
        command += [f"--address={HOST}:{head_port}"]
    return command


class Cluster:
    """The head and one more node; ``address`` is what ``--address`` takes."""

    def __init__(self, logs: Path) -> None:
        self.logs = logs
        self.port = free_ports(1)[0]
        self.address = f"{HOST}:{self.port}"
        self.nodes: list[subprocess.Popen] = []
        self.seen: dict[int, lifeline.Identity] = {}
        self.env = node_env(secrets.token_hex(32))
        # Short: Ray's socket paths live under it and must stay within the kernel's limit.
        self.temp_dir = tempfile.mkdtemp(prefix="wcray-", dir="/tmp")

    def start(self) -> None:
        for head in (True, False):
            log = (self.logs / f"node-{len(self.nodes)}.log").open("w")
            command = _node_command(self.port, head, self.temp_dir)
            node = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                                    start_new_session=True)  # fmt: skip
            self.nodes.append(node)
            self._wait_for_nodes(len(self.nodes), START_S)

    def _wait_for_nodes(self, count: int, timeout: float) -> None:
        """Until ``count`` nodes have said "Ray runtime started" (a worker node says it once it
        has registered with the head), or ``timeout``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.remember()
            if any(node.poll() is not None for node in self.nodes):
                raise RuntimeError(f"a ray start process ended; see {self.logs}")
            if self.started_nodes() >= count:
                return
            time.sleep(0.5)
        raise RuntimeError(f"the cluster did not reach {count} nodes in {timeout:.0f} s; see {self.logs}")

    def started_nodes(self) -> int:
        return sum("Ray runtime started" in log.read_text() for log in sorted(self.logs.glob("node-*.log")))

    def remember(self) -> None:
        """Note every process of the nodes, so that stopping can end what outlives ``ray start``."""
        for node in self.nodes:
            self.seen.update(lifeline.descendants(node.pid))

    def processes(self, marker: str, node: int) -> list[int]:
        """Running processes of one node whose command line holds ``marker``."""
        found = []
        for pid in lifeline.descendants(self.nodes[node].pid):
            with contextlib.suppress(OSError):
                if marker.encode() in Path(f"/proc/{pid}/cmdline").read_bytes():
                    found.append(pid)
        return found

    def stop(self) -> None:
        self.remember()
        for node in reversed(self.nodes):
            if node.poll() is None:
                node.send_signal(signal.SIGTERM)
        for node in reversed(self.nodes):
            try:
                node.wait(timeout=STOP_S)
            except subprocess.TimeoutExpired:
                node.kill()
                node.wait(timeout=STOP_S)
        deadline = time.monotonic() + 5
        while any(lifeline.is_alive(i) for i in self.seen.values()) and time.monotonic() < deadline:
            time.sleep(0.2)
        for pid, ident in self.seen.items():
            if lifeline.is_alive(ident):
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
        shutil.rmtree(self.temp_dir, ignore_errors=True)  # the session's sockets and logs

    def leftovers(self) -> list[int]:
        return [pid for pid, ident in self.seen.items() if lifeline.is_alive(ident)]


@contextlib.contextmanager
def two_node_cluster(logs: Path) -> Iterator[Cluster]:
    cluster = Cluster(logs)
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()
