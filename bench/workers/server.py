"""The local control plane for benchmarks, in its own process.

``python -m bench.workers.server --ready FILE [--users N] [--rate-limit N] [--latency S]
[--stats FILE]`` seeds N users, serves (every call held ``S`` seconds first, as a remote
service's round trip would be: the server's own fault injection), writes {"host",
"access_key", "secret_key", "user_id", "pid"} to FILE once ready, and on SIGTERM writes the
calls it served (by method) to --stats.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
from pathlib import Path

from aiosdm.models import User
from aiosdm.testing import LocalServer, RateLimit


async def serve(args: argparse.Namespace) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    rate = RateLimit(args.rate_limit) if args.rate_limit else None
    async with LocalServer(rate_limit=rate, max_page_size=1000) as server:
        ids = await server.seed(
            User(email=f"bench{i:06d}@example.com", first_name="Bench", last_name=str(i))
            for i in range(args.users)
        )
        if args.latency > 0:  # after seeding: seeding is no call
            server.faults.set_latency("*", args.latency)
        ready = {
            "host": server.host,
            "access_key": server.access_key,
            "secret_key": server.secret_key,
            "user_id": ids[0] if ids else "",
            "pid": os.getpid(),
        }
        tmp = args.ready.with_suffix(".tmp")
        tmp.write_text(json.dumps(ready))
        tmp.replace(args.ready)
        await stop.wait()
        if args.stats:
            args.stats.write_text(json.dumps(dict(server.calls)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ready", type=Path, required=True)
    parser.add_argument("--users", type=int, default=1)
    parser.add_argument("--rate-limit", type=int, default=0)
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added to each call")
    parser.add_argument("--stats", type=Path)
    asyncio.run(serve(parser.parse_args()))


if __name__ == "__main__":
    main()
