"""The parts run against the local control plane as it is (no latency added): memory (d),
start-up (e), event-loop lag and the burst (f), the server's own capacity (g), Gets under
filtered lists, and a rate-limited server."""

from __future__ import annotations

from bench._plan import Settings
from bench._procs import ServerProcess, median_of, worker
from bench._table import Table


def loop_lag(server: ServerProcess, repeats: int) -> Table:
    table = Table(
        "Event-loop lag (1 ms ticker)",
        ["client", "max ms", "p99 ms", "median ms"],
        "max ms",
        "idle loop",
        higher_is_better=False,
    )
    for client, scenario, label in (
        ("aiosdm", "idle", "idle loop"),
        ("aiosdm", "first-retrieve", "aiosdm: first managed-secret retrieve"),
        ("naive", "keygen-on-loop", "for contrast: RSA-4096 made on the loop"),
        ("aiosdm", "burst", "aiosdm: 1,000-call burst"),
        ("stub", "burst", "grpc.aio stub: 1,000-call burst"),
    ):
        r = median_of(
            repeats,
            lambda c=client, s=scenario: worker("loop_lag", server, c, "--scenario", s),
        )
        table.add(
            client=label,
            **{"max ms": r["max_ms"], "p99 ms": r["p99_ms"], "median ms": r["median_ms"]},
        )
    return table


def burst_limits(server: ServerProcess, repeats: int) -> Table:
    """The 1,000-call burst by in-flight limit, beside the bare stub: how the default was chosen."""
    from aiosdm.client import DEFAULT_MAX_IN_FLIGHT

    table = Table(
        "1,000-call burst by calls in flight",
        ["client", "max in flight", "max ms", "p99 ms", "calls/s"],
        "max ms",
        "grpc.aio stub",
        higher_is_better=False,
    )
    rows = [("stub", "none", "grpc.aio stub")]
    for limit in ("none", "16", "32", "64", "128", "256"):
        default = limit == str(DEFAULT_MAX_IN_FLIGHT)
        rows.append(("aiosdm", limit, "aiosdm (default)" if default else "aiosdm"))
    for client, limit, label in rows:
        r = median_of(
            repeats,
            lambda c=client, n=limit: worker(
                "loop_lag", server, c, "--scenario", "burst", "--max-in-flight", n
            ),
        )
        table.add(
            client=label,
            **{
                "max in flight": "unbounded" if limit == "none" else limit,
                "max ms": r["max_ms"],
                "p99 ms": r["p99_ms"],
                "calls/s": 1000 / r["seconds"],
            },
        )
    return table


def filtered_load(server: ServerProcess, repeats: int, users: int, gets: int) -> Table:
    table = Table(
        f"Accounts.Get while many-wildcard lists read {users:,} rows",
        ["client", "median ms", "p99 ms", "max ms", "lists/s"],
        "median ms",
        "idle server",
        higher_is_better=False,
    )
    for lists, label in (
        (0, "idle server"),
        (1, "1 list running"),
        (10, "10 lists running"),
    ):
        r = median_of(
            repeats,
            lambda n=lists: worker(
                "filtered_load", server, "aiosdm", "--lists", str(n), "--gets", str(gets)
            ),
        )
        table.add(
            client=label,
            **{
                "median ms": r["median_ms"],
                "p99 ms": r["p99_ms"],
                "max ms": r["max_ms"],
                "lists/s": r["lists_per_s"],
            },
        )
    return table


def rate_limited(limit: int, calls: int) -> Table:
    table = Table(
        f"{calls:,} calls against a {limit} req/s limit",
        ["client", "seconds", "attempts", "rejected share"],
        "seconds",
        "official",
        higher_is_better=False,
    )
    for client in ("aiosdm", "official"):
        with ServerProcess(users=1, rate_limit=limit) as server:
            r = worker("rate_limited", server, client, "--calls", str(calls))
            attempts = server.stop().get("Accounts.Get", 0)
        rejected = (attempts - r["calls"]) / attempts if attempts else 0.0
        table.add(
            client=client,
            seconds=r["seconds"],
            attempts=attempts,
            **{"rejected share": f"{rejected:.1%}"},
        )
    return table


def list_memory(server: ServerProcess, s: Settings) -> list[Table]:
    """(d) What set-up adds to a process's RSS, then what streaming a whole list adds."""
    setup = Table(
        "Set-up memory: import, Client(), one Get",
        ["client", "before import MiB", "set-up RSS MiB", "set-up adds MiB"],
        "set-up adds MiB",
        "official",
        higher_is_better=False,
        note=(
            "In a fresh process: 'before import' is the interpreter, the benchmark's harness and "
            "asyncio (which both SDKs load, the official one through grpc); 'set-up adds' is "
            "the RSS after importing the SDK, making a client and one Get (garbage collected "
            "first), less that."
        ),
    )
    streaming = Table(
        f"Memory streaming {s.users:,} accounts after set-up",
        ["client", "items/s", "streaming adds MiB"],
        "streaming adds MiB",
        "official",
        higher_is_better=False,
        note=(
            "Same processes: once set-up is done the peak RSS is reset (Linux `clear_refs`), "
            "so 'streaming adds' is the peak while listing every account (pages of 1,000, each "
            "item dropped as it comes) above the RSS set-up left, and nothing of set-up."
        ),
    )
    for client, label in (
        ("aiosdm", "aiosdm (prefetch)"),
        ("aiosdm-noprefetch", "aiosdm (no prefetch)"),
        ("official", "official"),
    ):
        r = median_of(s.repeats, lambda c=client: worker("listing", server, c))
        if client != "aiosdm-noprefetch":  # set-up is the same either way
            setup.add(
                client=label.split(" ")[0],
                **{
                    "before import MiB": r["before_import_mib"],
                    "set-up RSS MiB": r["setup_rss_mib"],
                    "set-up adds MiB": r["setup_adds_mib"],
                },
            )
        streaming.add(
            client=label,
            **{"items/s": r["items_per_s"], "streaming adds MiB": r["growth_mib"]},
        )
    return [setup, streaming]


def startup(server: ServerProcess, s: Settings) -> Table:
    """(e) Import, ``Client()`` and the first call, each in a fresh interpreter."""
    table = Table(
        "Start-up: import, Client(), first call",
        ["client", "import ms", "Client() ms", "import + Client() ms", "first call ms"],
        "import + Client() ms",
        "official",
        higher_is_better=False,
        note=(
            f"Medians of {s.startup_runs} fresh interpreters each, bytecode cached (as after "
            "`pip install`). The first call is one `Accounts.Get` to the local server: it "
            "includes connecting and whatever the SDK loads or derives on first use."
        ),
    )
    for client in ("aiosdm", "official"):
        worker("startup", server, client)  # writes the bytecode caches; not counted
        r = median_of(s.startup_runs, lambda c=client: _startup_run(server, c))
        table.add(
            client=client,
            **{
                "import ms": r["import_ms"],
                "Client() ms": r["client_ms"],
                "import + Client() ms": r["import_client_ms"],
                "first call ms": r["first_call_ms"],
            },
        )
    return table


def _startup_run(server: ServerProcess, client: str) -> dict[str, float]:
    r = worker("startup", server, client)
    return {**r, "import_client_ms": r["import_ms"] + r["client_ms"]}


def server_alone(server: ServerProcess, s: Settings) -> Table:
    """(g) How many Gets/s the local control plane serves, and its CPU per call."""
    table = Table(
        "The local control plane's own Accounts.Get capacity",
        ["client", "Gets/s", "server busy", "server CPU us/call", "client CPU us/call"],
        "Gets/s",
        "1 in flight",
        note=(
            f"{s.server_calls:,} Gets per run from the bare grpc.aio stub (pre-signed bytes, the "
            "cheapest client), no latency added. Server CPU is the server process's (all "
            "threads, from /proc); 'server busy' is that CPU over the run's wall time "
            "(100% is one core)."
        ),
    )
    for in_flight in (1, 32, 256):
        r = median_of(
            s.repeats,
            lambda n=in_flight: worker(
                "unary", server, "stub", "--calls", str(s.server_calls), "--concurrency", str(n)
            ),
        )
        table.add(
            client=f"{in_flight} in flight",
            **{
                "Gets/s": r["calls_per_s"],
                "server busy": f"{r['server_cpu_share']:.0%}",
                "server CPU us/call": r["server_cpu_us_per_call"],
                "client CPU us/call": r["cpu_us_per_call"],
            },
        )
    return table
