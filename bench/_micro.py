"""Benchmarks that need no server: import time and signing cost."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime

from aiosdm._signing import derive_key, sign, utc_day

from ._table import Table

SECRET = b"0123456789abcdef0123456789abcdef"


_IMPORTS = {
    "import": {"strongdm": "import strongdm", "aiosdm": "import aiosdm"},
    # What a script pays before its first call: the client and every service it could use.
    "import + Client + all services": {
        "strongdm": (
            "import strongdm; strongdm.Client('k', 'c2VjcmV0', host='127.0.0.1:1', insecure=True)"
        ),
        "aiosdm": (
            "import aiosdm; c = aiosdm.Client('k', 'c2VjcmV0', host='127.0.0.1:1', insecure=True)"
            "; [getattr(c, n) for n in dir(type(c)) if type(getattr(type(c), n, None)).__name__"
            " == '_LazyService']"
        ),
    },
}


def import_time(repeats: int) -> Table:
    """Wall time of importing (and starting) each SDK in a fresh interpreter (median).

    Bytecode caching is forced on (a warm-up run writes it): an installed package always has
    its .pyc files, and PYTHONDONTWRITEBYTECODE in the environment would otherwise make the
    source checkout recompile on every run while site-packages does not.
    """
    table = Table(
        "Import time",
        ["client", "what", "median ms", "min ms"],
        "median ms",
        "strongdm",
        higher_is_better=False,
        group="what",
    )
    code = "import time; t = time.perf_counter(); {work}; print(time.perf_counter() - t)"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for what, works in _IMPORTS.items():
        for module, work in works.items():
            samples = []
            for run in range(repeats + 1):
                out = subprocess.run(
                    [sys.executable, "-c", code.format(work=work)],
                    check=True,
                    capture_output=True,
                    text=True,
                    env=env,
                ).stdout
                if run:  # the first run only warms the bytecode cache
                    samples.append(float(out) * 1000)
            table.add(
                client=module,
                what=what,
                **{"median ms": statistics.median(samples), "min ms": min(samples)},
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
