"""Benchmarks that need no server: import time and signing cost."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime

from aiosdm._signing import derive_key, sign, utc_day

from ._table import Table

SECRET = b"0123456789abcdef0123456789abcdef"


def import_time(repeats: int) -> Table:
    """Wall time of ``import X`` in a fresh interpreter (median of ``repeats``)."""
    table = Table(
        "Import time",
        ["client", "median ms", "min ms"],
        "median ms",
        "strongdm",
        higher_is_better=False,
    )
    code = "import time; t = time.perf_counter(); import {m}; print(time.perf_counter() - t)"
    for module in ("strongdm", "aiosdm"):
        samples = []
        for _ in range(repeats):
            out = subprocess.run(
                [sys.executable, "-c", code.format(m=module)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            samples.append(float(out) * 1000)
        table.add(
            client=module, **{"median ms": statistics.median(samples), "min ms": min(samples)}
        )
    return table


def signing_cost(calls: int) -> Table:
    """Microseconds per signature, with the per-day key cache and deriving the key each call."""
    table = Table(
        "Signing cost per call",
        ["client", "body bytes", "us per call"],
        "us per call",
        "no key cache",
        higher_is_better=False,
        group="body bytes",
    )
    uncached = derive_key.__wrapped__
    for size in (32, 1024):
        body = bytes(size)
        for label, derive in (("no key cache", uncached), ("per-day key cache", derive_key)):
            start = time.perf_counter()
            for _ in range(calls):
                sign(derive(SECRET, utc_day(datetime.now(UTC))), "Accounts.Get", body)
            per_call = (time.perf_counter() - start) / calls * 1e6
            table.add(client=label, **{"body bytes": size, "us per call": per_call})
    return table
