"""What every client worker shares: reading the server's details, measuring, reporting."""

from __future__ import annotations

import argparse
import json
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
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


class Meter:
    """Wall time and process CPU (all threads) of a measured section."""

    def __enter__(self) -> Meter:
        self.wall0, self.cpu0 = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.wall0
        self.cpu = time.process_time() - self.cpu0


def report(**values: Any) -> None:
    sys.stdout.write(json.dumps(values) + "\n")
