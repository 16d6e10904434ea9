"""``python -m bench`` (``make bench``): aiosdm beside a bare grpc.aio stub and the official SDK.

The benchmark server runs in its own process (one holding every call 30 ms, as a remote
service would, then one as it is) and every client in its own process; each number is the
median over ``--repeats`` runs. Tables go to stdout, everything to JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from bench import _local, _remote
from bench._plan import SECTIONS, Settings, server_plan, settings
from bench._procs import ROOT, ServerProcess
from bench._readme import RESULTS_END, RESULTS_START, results_block, write_readme
from bench._table import Table

__all__ = ["RESULTS_END", "RESULTS_START", "SECTIONS", "main", "results_block"]

#: The table (or tables) each part against a benchmark server makes.
PARTS: dict[str, Callable[[ServerProcess, Settings], Table | list[Table]]] = {
    "remote": _remote.remote,
    "client-cpu": _remote.client_cpu,
    "remote-list": _remote.remote_list,
    "list-memory": _local.list_memory,
    "startup": _local.startup,
    "loop-lag": lambda server, s: _local.loop_lag(server, s.repeats),
    "burst": lambda server, s: _local.burst_limits(server, s.repeats),
    "server": _local.server_alone,
    "filtered-load": lambda server, s: _local.filtered_load(
        server, s.repeats, s.users, s.filtered_gets
    ),
}


def machine() -> str:
    return (
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="every part, small and once")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--json", type=Path, help="where to write the results (default: results/latest.json)"
    )
    parser.add_argument("--write-readme", action="store_true", help="update bench/README.md")
    parser.add_argument(
        "--only",
        choices=SECTIONS,
        action="append",
        help="run only this part (repeatable); --write-readme then replaces only its table",
    )
    args = parser.parse_args()
    only = set(args.only or SECTIONS)
    if args.json is None:  # a partial run must not replace the full run's results
        name = "latest.json" if args.only is None else "partial.json"
        args.json = ROOT / "bench" / "results" / name
    s = settings(quick=args.quick, repeats=args.repeats)
    tables: list[Table] = []

    def show(made: Table | list[Table]) -> None:
        for table in made if isinstance(made, list) else [made]:
            tables.append(table)
            print(table.render(), "\n", flush=True)

    print(f"aiosdm benchmarks on {machine()}\n", flush=True)
    for plan in server_plan(only):
        with ServerProcess(users=s.users if plan.seeded else 1, latency=plan.latency) as server:
            for section in plan.sections:
                show(PARTS[section](server, s))
    if "rate-limited" in only:
        show(_local.rate_limited(200, s.rate_limited_calls))

    result = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "quick": args.quick,
        "repeats": s.repeats,
        "tables": [t.as_dict() for t in tables],
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2))
    print(f"results written to {args.json}")
    if args.write_readme:
        write_readme(tables, result, partial=args.only is not None)


if __name__ == "__main__":
    main()
