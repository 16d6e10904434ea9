"""What every client worker shares: reading the server's details, measuring, reporting."""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class Target:
    host: str
    access_key: str
    secret_key: str
    user_id: str
    pid: int = 0  # the server's process, whose CPU time /proc shows


def arguments(
    extra: Sequence[tuple[str, dict[str, Any]]] = (),
) -> tuple[argparse.Namespace, Target]:
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", type=Path, required=True, help="the server's ready file")
    parser.add_argument("--client", required=True)
    for name, options in extra:
        parser.add_argument(name, **options)
    args = parser.parse_args()
    return args, Target(**json.loads(args.server.read_text()))


def presigned_get(t: Target) -> tuple[bytes, tuple[tuple[str, str], ...]]:
    """The bytes and signed metadata of ``Accounts.Get(t.user_id)``, made once: what the bare
    grpc.aio stub sends over and over (the transport's limit, no chain, no models)."""
    from aiosdm._generated.v1 import accounts_pb2
    from aiosdm._signing import API_VERSION, USER_AGENT, decode_secret, derive_key, sign, utc_day

    body = accounts_pb2.AccountGetRequest(id=t.user_id).SerializeToString()
    key = derive_key(decode_secret(t.secret_key), utc_day())
    metadata = (
        ("x-sdm-authentication", t.access_key),
        ("x-sdm-signature", sign(key, "Accounts.Get", body)),
        ("x-sdm-api-version", API_VERSION),
        ("x-sdm-user-agent", USER_AGENT),
    )
    return body, metadata


def rss_kib() -> int:
    """Resident set size now (KiB), from /proc."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * resource.getpagesize() // 1024


def peak_rss_kib() -> int:
    """The highest resident set size since start, or since :func:`reset_peak_rss` (KiB)."""
    try:
        with open("/proc/self/status") as f:
            found = re.search(r"^VmHWM:\s+(\d+) kB", f.read(), re.MULTILINE)
    except OSError:
        found = None
    if found is None:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(found.group(1))


def reset_peak_rss() -> bool:
    """Start the peak RSS over from the RSS now (Linux: ``clear_refs`` 5), so that a peak
    reached during set-up does not hide what comes after. False where that is not possible."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        return False
    return True


def proc_cpu_seconds(stat: str, ticks_per_second: int) -> float:
    """User plus system CPU of a process (all its threads) from its ``/proc/PID/stat`` line.

    The command name (field 2) is in parentheses and may itself hold spaces or parentheses,
    so fields are counted from the last ``)``: utime and stime are fields 14 and 15.
    """
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / ticks_per_second


def server_cpu_seconds(pid: int) -> float:
    """CPU seconds the server process has used so far; 0.0 where /proc cannot tell."""
    if not pid:
        return 0.0
    try:
        with open(f"/proc/{pid}/stat") as f:
            return proc_cpu_seconds(f.read(), os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError):
        return 0.0


class Meter:
    """Wall time and process CPU (all threads) of a measured section, and the server's CPU
    over it when given the server's pid."""

    def __init__(self, server_pid: int = 0) -> None:
        self.server_pid = server_pid

    def __enter__(self) -> Meter:
        self.server0 = server_cpu_seconds(self.server_pid)
        self.wall0, self.cpu0 = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.wall0
        self.cpu = time.process_time() - self.cpu0
        self.server_cpu = server_cpu_seconds(self.server_pid) - self.server0


def busy(seconds: float) -> None:
    """Spin for ``seconds`` of CPU: the work a caller does per item or per answer."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def percentile(values: Sequence[float], share: float) -> float:
    """The value below which ``share`` (0..1) of ``values`` lie (nearest rank); 0.0 if none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * share // 1))  # ceil, at least the first
    return ordered[min(len(ordered), int(rank)) - 1]


def report(**values: Any) -> None:
    sys.stdout.write(json.dumps(values) + "\n")
