"""``python -m bench`` (``make bench``): aiosdm beside a bare grpc.aio stub and the official SDK.

The local control plane runs in its own process and every client in its own process; each
number is the median over ``--repeats`` runs. Tables go to stdout, everything to JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import _micro
from bench._procs import ROOT, ServerProcess, worker
from bench._table import Table

SECTIONS = (
    "unary",
    "listing",
    "loop-lag",
    "burst",
    "filtered-load",
    "signing",
    "import",
    "rate-limited",
)


def median_of(repeats: int, run: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    results = [run() for _ in range(repeats)]
    return {k: statistics.median(r[k] for r in results) for k in results[0]}


def unary(server: ServerProcess, calls: int, repeats: int) -> Table:
    table = Table(
        "Unary Accounts.Get",
        ["client", "concurrency", "how", "calls/s", "CPU us/call"],
        "calls/s",
        "official",
        group="concurrency",
    )
    labels = {"stub": "grpc.aio stub (pre-signed)", "aiosdm": "aiosdm", "official": "official"}
    for concurrency in (1, 32, 256):
        for client in ("stub", "aiosdm", "official"):
            r = median_of(
                repeats,
                lambda c=client, n=concurrency: worker(
                    "unary", server, c, "--calls", str(calls), "--concurrency", str(n)
                ),
            )
            how = "asyncio tasks"
            if client == "official":
                how = "sequential" if concurrency == 1 else "32-thread pool"
            table.add(
                client=labels[client],
                concurrency=concurrency,
                how=how,
                **{"calls/s": r["calls_per_s"], "CPU us/call": r["cpu_us_per_call"]},
            )
    return table


def listing(server: ServerProcess, repeats: int, users: int) -> Table:
    table = Table(
        f"List {users:,} accounts (pages of 1,000)",
        ["client", "items/s", "CPU s", "peak RSS growth MiB"],
        "items/s",
        "official",
    )
    for client, label in (
        ("aiosdm", "aiosdm (prefetch)"),
        ("aiosdm-noprefetch", "aiosdm (no prefetch)"),
        ("official", "official"),
    ):
        r = median_of(repeats, lambda c=client: worker("listing", server, c))
        table.add(
            client=label,
            **{
                "items/s": r["items_per_s"],
                "CPU s": r["cpu_s"],
                "peak RSS growth MiB": r["rss_growth_mib"],
            },
        )
    return table


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


def rate_limited(limit: int) -> Table:
    table = Table(
        f"2,000 calls against a {limit} req/s limit",
        ["client", "seconds", "attempts", "rejected share"],
        "seconds",
        "official",
        higher_is_better=False,
    )
    for client in ("aiosdm", "official"):
        with ServerProcess(users=1, rate_limit=limit) as server:
            r = worker("rate_limited", server, client)
            attempts = server.stop().get("Accounts.Get", 0)
        rejected = (attempts - r["calls"]) / attempts if attempts else 0.0
        table.add(
            client=client,
            seconds=r["seconds"],
            attempts=attempts,
            **{"rejected share": f"{rejected:.1%}"},
        )
    return table


def machine() -> str:
    return (
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer calls and repeats")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--json", type=Path, help="where to write the results (default: results/latest.json)"
    )
    parser.add_argument("--write-readme", action="store_true", help="update bench/README.md")
    parser.add_argument(
        "--only",
        choices=SECTIONS,
        action="append",
        help="run only this section (repeatable); --write-readme then replaces only its table",
    )
    args = parser.parse_args()
    only = set(args.only or SECTIONS)
    if args.json is None:  # a partial run must not replace the full run's results
        name = "latest.json" if args.only is None else "partial.json"
        args.json = ROOT / "bench" / "results" / name
    repeats = 1 if args.quick else args.repeats
    calls = 500 if args.quick else 3000
    tables: list[Table] = []

    def show(table: Table) -> None:
        tables.append(table)
        print(table.render(), "\n", flush=True)

    print(f"aiosdm benchmarks on {machine()}\n", flush=True)
    users = 5_000 if args.quick else 50_000
    if only & {"unary", "listing", "loop-lag", "burst", "filtered-load"}:
        seeded = bool(only & {"listing", "filtered-load"})
        with ServerProcess(users=users if seeded else 1) as server:
            if "unary" in only:
                show(unary(server, calls, repeats))
            if "listing" in only:
                show(listing(server, repeats, users))
            if "loop-lag" in only:
                show(loop_lag(server, repeats))
            if "burst" in only:
                show(burst_limits(server, repeats))
            if "filtered-load" in only:
                show(filtered_load(server, repeats, users, 50 if args.quick else 200))
    if "signing" in only:
        show(_micro.signing_cost(20_000 if args.quick else 200_000))
    if "import" in only:
        show(_micro.import_time(3 if args.quick else 7))
    if "rate-limited" in only:
        show(rate_limited(200))

    result = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "quick": args.quick,
        "repeats": repeats,
        "tables": [t.as_dict() for t in tables],
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2))
    print(f"results written to {args.json}")
    if args.write_readme:
        write_readme(tables, result, partial=args.only is not None)


def write_readme(tables: list[Table], result: dict[str, Any], *, partial: bool = False) -> None:
    path = ROOT / "bench" / "README.md"
    head, _, rest = path.read_text().partition(RESULTS_START)
    old, _, tail = rest.partition(RESULTS_END)
    block = results_block(old, tables, result, partial=partial)
    path.write_text(f"{head}{RESULTS_START}\n{block}\n{RESULTS_END}{tail}")


RESULTS_START, RESULTS_END = "<!-- results:start -->", "<!-- results:end -->"


def results_block(
    old: str, tables: list[Table], result: dict[str, Any], *, partial: bool = False
) -> str:
    """What goes between README's result markers: all the tables after a full run; after a
    partial one (``--only``), each table in place of its earlier version (or after the
    others) saying when it was measured, and every other table left as it was."""
    if not partial:
        tables_text = "\n\n".join(t.render() for t in tables)
        return f"Run {result['when']} on {result['machine']}.\n\n{tables_text}"
    sections = _sections(old)
    note = f"Measured alone (`python -m bench --only`), {result['when']} on {result['machine']}."
    for table in tables:
        sections[table.title] = f"{table.render()}\n\n{note}"
    preamble = old.strip().split("\n### ", 1)[0].strip()
    return "\n\n".join([preamble, *sections.values()])


def _sections(block: str) -> dict[str, str]:
    """The tables of a results block by title (the heading without its "(key: ...)")."""
    sections: dict[str, str] = {}
    for part in block.strip().split("\n### ")[1:]:
        title = part.split("\n", 1)[0].rsplit(" (", 1)[0]
        sections[title] = f"### {part.strip()}"
    return sections


if __name__ == "__main__":
    main()
