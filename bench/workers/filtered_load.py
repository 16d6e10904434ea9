"""One ``Accounts.Get`` at a time while long filtered lists keep the server busy: its latency.

``--lists N`` tasks each list every account with a many-wildcard filter that matches none
(so every call reads all the server's rows) over and over, on their own channel, while the
measured client sends ``--gets`` Gets one after another. ``--lists 0`` is the idle server.
Reports the Gets' median, p99 and max latency, and how many lists finished meanwhile (a
server that answered the Gets by starving the lists would show none).
"""

from __future__ import annotations

import asyncio
import statistics
import time

from bench.workers._common import Target, arguments, report

#: Stars between pieces that never all occur in order in the emails: every row is read and
#: matched, none returned. Wildcards like these once backtracked and held every other call.
FILTER = "email:*a*a*a*a*a*a*a*a*b"


async def run(t: Target, lists: int, gets: int) -> dict[str, float]:
    import aiosdm

    def client() -> aiosdm.Client:
        return aiosdm.Client(t.access_key, t.secret_key, host=t.host, insecure=True)

    async with client() as measured, client() as loader:
        for _ in range(20):  # connected and warm
            await measured.accounts.get(t.user_id)
        stop = asyncio.Event()
        finished = 0

        async def keep_listing() -> None:
            nonlocal finished
            while not stop.is_set():
                found = [a async for a in loader.accounts.list(FILTER, timeout=120)]
                assert found == []
                finished += 1

        listers = [asyncio.create_task(keep_listing()) for _ in range(lists)]
        await asyncio.sleep(0.5 if lists else 0)  # every list under way
        latencies: list[float] = []
        finished_before, started = finished, time.perf_counter()
        for _ in range(gets):
            before = time.perf_counter()
            await measured.accounts.get(t.user_id)
            latencies.append(time.perf_counter() - before)
        elapsed, done = time.perf_counter() - started, finished - finished_before
        stop.set()
        await asyncio.wait_for(asyncio.gather(*listers), 300)
    latencies.sort()
    return {
        "median_ms": statistics.median(latencies) * 1000,
        "p99_ms": latencies[max(0, int(len(latencies) * 0.99) - 1)] * 1000,
        "max_ms": latencies[-1] * 1000,
        "lists_per_s": done / elapsed,
    }


def main() -> None:
    args, target = arguments(
        [("--lists", {"type": int, "default": 10}), ("--gets", {"type": int, "default": 200})]
    )
    report(**asyncio.run(run(target, args.lists, args.gets)))


if __name__ == "__main__":
    main()
