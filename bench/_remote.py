"""The parts run against a server that holds every call, as a service across the internet
would: throughput (a), client CPU at a fixed rate (b), and list throughput (c)."""

from __future__ import annotations

from bench._plan import Settings
from bench._procs import ServerProcess, in_turn, median_of, worker
from bench._table import Table


def _ms(server: ServerProcess) -> str:
    return f"{server.latency * 1000:g} ms"


def remote(server: ServerProcess, s: Settings) -> Table:
    """(a) Gets/s against a remote service: what each way of calling it gets done."""
    from aiosdm.client import DEFAULT_MAX_IN_FLIGHT

    default = str(DEFAULT_MAX_IN_FLIGHT)
    table = Table(
        f"Accounts.Get from a service {_ms(server)} away",
        ["client", "in flight", "how", "calls/s", "CPU us/call"],
        "calls/s",
        "official (32 threads)",
        note=(
            f"The server holds every call {_ms(server)} before answering it. Sequential calls "
            f"{s.sequential_calls:,}, otherwise {s.remote_calls:,} calls per run."
        ),
    )
    # (label, worker client, concurrency, aiosdm's max_in_flight, in flight, how)
    rows = [
        ("official (sequential)", "official", 1, "default", "1", "one call at a time"),
        ("official (32 threads)", "official", 32, "default", "32", "32-thread pool"),
        ("aiosdm", "aiosdm", 32, "default", "32", "32 tasks"),
        ("aiosdm", "aiosdm", 256, "default", default, "256 tasks, default max_in_flight"),
        ("aiosdm", "aiosdm", 256, "256", "256", "256 tasks, max_in_flight=256"),
        ("grpc.aio stub", "stub", 32, "default", "32", "32 tasks, pre-signed"),
        ("grpc.aio stub", "stub", 256, "default", "256", "256 tasks, pre-signed"),
    ]
    for label, client, concurrency, limit, in_flight, how in rows:
        calls = s.sequential_calls if concurrency == 1 else s.remote_calls
        r = median_of(
            s.repeats,
            lambda c=client, n=concurrency, m=limit, k=calls: worker(
                "unary",
                server,
                c,
                *("--calls", str(k), "--concurrency", str(n), "--max-in-flight", m),
            ),
        )
        table.add(
            client=label,
            **{
                "in flight": in_flight,
                "how": how,
                "calls/s": r["calls_per_s"],
                "CPU us/call": r["cpu_us_per_call"],
            },
        )
    return table


def client_cpu(server: ServerProcess, s: Settings) -> Table:
    """(b) Client CPU per call at a fixed call rate, the server far from saturated."""
    table = Table(
        f"Client CPU per Accounts.Get at {s.rate:g} calls/s, {_ms(server)} away",
        ["client", "calls/s", "median ms", "p99 ms", "server busy", "CPU us/call", "net us/call"],
        "net us/call",
        "grpc.aio stub",
        higher_is_better=False,
        note=(
            f"{s.paced_calls:,} calls started on a fixed schedule, whether or not earlier ones "
            f"have answered (about {s.rate * server.latency:.0f} in flight); each row is "
            + (
                "one run"
                if s.paced_repeats == 1
                else f"the median of {s.paced_repeats} runs, the rows taken in turn"
            )
            + ". CPU is the client "
            "process's, all threads; 'net' is that less the schedule's own cost (the "
            "'schedule alone' row of the same kind, which starts a sleep in place of each "
            "call: a timer on the loop, or a thread-pool task for the official SDK). The run "
            "is valid while calls/s matches the schedule and the median stays near "
            f"{_ms(server)}: then neither side was saturated. 'stub, signing each call' is "
            "the stub doing per call what any SDK must (build, serialize and sign the request, "
            "parse the answer); '+ models' adds aiosdm's models of the answer; from there to "
            "aiosdm is the rest of the client (its chain, retry bookkeeping, in-flight limit)."
        ),
    )
    rows = (
        ("schedule", "schedule alone (asyncio)", "schedule"),
        ("schedule-threads", "schedule alone (threads)", "schedule-threads"),
        ("stub", "grpc.aio stub", "schedule"),
        ("stub-signed", "stub, signing each call", "schedule"),
        ("stub-models", "stub, signing + models", "schedule"),
        ("aiosdm", "aiosdm", "schedule"),
        ("official", "official (32 threads)", "schedule-threads"),
    )
    reports = in_turn(
        s.paced_repeats,
        {
            client: lambda c=client: worker(
                "paced",
                server,
                c,
                *("--rate", str(s.rate), "--calls", str(s.paced_calls)),
                *("--idle", str(server.latency)),
            )
            for client, _, _ in rows
        },
    )
    cpu: dict[str, float] = {}
    for client, label, harness in rows:
        r = reports[client]
        cpu[client] = r["cpu_us_per_call"]
        table.add(
            client=label,
            **{
                "calls/s": r["calls_per_s"],
                "median ms": r["median_ms"],
                "p99 ms": r["p99_ms"],
                "server busy": f"{r['server_cpu_share']:.0%}",
                "CPU us/call": r["cpu_us_per_call"],
                "net us/call": "-" if client == harness else cpu[client] - cpu[harness],
            },
        )
    return table


def remote_list(server: ServerProcess, s: Settings) -> Table:
    """(c) Items/s listing every account with work per item: what prefetch overlaps."""
    table = Table(
        f"List {s.users:,} accounts with {s.work_us:g} us of work per item, {_ms(server)} away",
        ["client", "items/s", "CPU s"],
        "items/s",
        "aiosdm (no prefetch)",
        note=(
            f"Pages of 1,000; the server holds each page's call {_ms(server)}, and the caller "
            f"spins {s.work_us:g} us on every item. With prefetch the next page is meant to be "
            "on its way while the caller works through this one."
        ),
    )
    for client, label in (
        ("aiosdm", "aiosdm (prefetch)"),
        ("aiosdm-noprefetch", "aiosdm (no prefetch)"),
        ("official", "official"),
    ):
        r = median_of(
            s.repeats,
            lambda c=client: worker("listing", server, c, "--work-us", str(s.work_us)),
        )
        table.add(client=label, **{"items/s": r["items_per_s"], "CPU s": r["cpu_s"]})
    return table
