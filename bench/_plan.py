"""Which parts run, how big, and against which server: no measuring here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

#: Every part, in the order they run and print (``--only NAME`` picks some).
SECTIONS = (
    "remote",  # (a) Gets against a server 30 ms away
    "client-cpu",  # (b) client CPU per call at a fixed call rate
    "remote-list",  # (c) list throughput with per-item work, 30 ms away
    "list-memory",  # (d) set-up RSS, then what streaming a list adds
    "startup",  # (e) import, Client(), first call
    "loop-lag",  # (f) event-loop lag
    "burst",  # (f) the burst by calls in flight
    "server",  # (g) the local control plane's own Gets/s and CPU per call
    "filtered-load",
    "rate-limited",
)

#: Parts measured against a server that holds every call (``LATENCY``), as a remote one would.
REMOTE = frozenset({"remote", "client-cpu", "remote-list"})
#: Parts that need the server seeded with ``users`` accounts.
SEEDED = frozenset({"remote-list", "list-memory", "filtered-load"})
#: Parts that start servers of their own.
OWN_SERVER = frozenset({"rate-limited"})

#: Seconds the remote-service server holds every call: a round trip across the internet.
LATENCY = 0.030


@dataclass(frozen=True)
class Settings:
    """How much each part does: ``--quick`` runs everything small."""

    repeats: int
    users: int  # accounts seeded for the list parts
    remote_calls: int  # Gets per concurrent client in "remote"
    sequential_calls: int  # Gets for the official SDK one at a time (30 ms each)
    rate: float  # calls/s in "client-cpu"
    paced_calls: int
    paced_repeats: int  # runs per client in "client-cpu", taken in turn (see _procs.in_turn)
    work_us: float  # the caller's work per listed item
    startup_runs: int  # fresh interpreters per client in "startup"
    server_calls: int
    filtered_gets: int
    rate_limited_calls: int  # against a 200 calls/s limit
    latency: float = LATENCY


def settings(*, quick: bool, repeats: int) -> Settings:
    if quick:
        return Settings(
            repeats=1,
            users=5_000,
            remote_calls=300,
            sequential_calls=20,
            rate=200.0,
            paced_calls=400,
            paced_repeats=1,
            work_us=10.0,
            startup_runs=3,
            server_calls=500,
            filtered_gets=50,
            rate_limited_calls=400,
        )
    return Settings(
        repeats=repeats,
        users=50_000,
        remote_calls=2_000,
        sequential_calls=100,
        rate=500.0,
        paced_calls=3_000,
        paced_repeats=max(repeats, 5),
        work_us=10.0,
        startup_runs=7,
        server_calls=3_000,
        filtered_gets=200,
        rate_limited_calls=2_000,
    )


@dataclass(frozen=True)
class ServerPlan:
    """One benchmark server and the parts run against it, in order."""

    latency: float
    seeded: bool
    sections: tuple[str, ...]


def server_plan(only: Iterable[str]) -> list[ServerPlan]:
    """The servers the chosen parts need, each started once: the remote one (with latency)
    first, then the local one; a server is seeded only if one of its parts lists."""
    chosen = set(only)
    unknown = chosen - set(SECTIONS)
    if unknown:
        raise ValueError(f"unknown parts: {sorted(unknown)}")
    plans = []
    for latency, group in (
        (LATENCY, REMOTE),
        (0.0, frozenset(SECTIONS) - REMOTE - OWN_SERVER),
    ):
        sections = tuple(s for s in SECTIONS if s in chosen and s in group)
        if sections:
            plans.append(ServerPlan(latency, bool(SEEDED & set(sections)), sections))
    return plans
