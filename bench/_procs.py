"""Starting the benchmark's server and worker processes."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


class ServerProcess:
    """``with ServerProcess(users=50_000) as server:`` -> ``server.ready`` is the ready file.

    ``latency`` (seconds) holds every call that long at the server before it is served: a
    remote service's round trip, on loopback.
    """

    def __init__(self, *, users: int = 1, rate_limit: int = 0, latency: float = 0.0) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="aiosdm-bench-")
        self.ready = Path(self._dir.name) / "server.json"
        self.stats_file = Path(self._dir.name) / "stats.json"
        self.latency = latency
        self._args = [
            "--users",
            str(users),
            "--rate-limit",
            str(rate_limit),
            "--latency",
            str(latency),
        ]
        self._process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> ServerProcess:
        self._process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bench.workers.server",
                "--ready",
                str(self.ready),
                "--stats",
                str(self.stats_file),
                *self._args,
            ],
            cwd=ROOT,
        )
        deadline = time.monotonic() + 300
        while not self.ready.exists():
            if self._process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the benchmark server did not start")
            time.sleep(0.05)
        return self

    def stop(self) -> dict[str, int]:
        """Stop the server; returns the calls it served, by method."""
        if self._process is not None:
            self._process.terminate()
            self._process.wait(timeout=60)
            self._process = None
        return json.loads(self.stats_file.read_text()) if self.stats_file.exists() else {}

    def __exit__(self, *exc: object) -> None:
        self.stop()
        self._dir.cleanup()


def worker(module: str, server: ServerProcess, client: str, *args: str) -> dict[str, Any]:
    """Run one client worker in its own process; returns its JSON report."""
    # Bytecode is cached, as it is for an installed package: a source checkout compiling on
    # every run (PYTHONDONTWRITEBYTECODE) would skew import times and set-up memory.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONHASHSEED"] = "0"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            f"bench.workers.{module}",
            "--server",
            str(server.ready),
            "--client",
            client,
            *args,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{module} {client} failed:\n{done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def median_of(repeats: int, run: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Each number of ``run``'s report, the median over ``repeats`` runs."""
    return _medians([run() for _ in range(repeats)])


def in_turn(
    repeats: int, runs: dict[str, Callable[[], dict[str, Any]]]
) -> dict[str, dict[str, Any]]:
    """Like :func:`median_of` for each of ``runs``, but taking them in turn (one run of each,
    ``repeats`` times over): a machine that gets busier or quieter during the part then
    weighs on every row alike, instead of on whichever rows ran at the time."""
    results: dict[str, list[dict[str, Any]]] = {name: [] for name in runs}
    for _ in range(repeats):
        for name, run in runs.items():
            results[name].append(run())
    return {name: _medians(reports) for name, reports in results.items()}


def _medians(reports: list[dict[str, Any]]) -> dict[str, Any]:
    return {k: statistics.median(r[k] for r in reports) for k in reports[0]}
