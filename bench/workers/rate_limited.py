"""``--calls`` calls (2,000 by default) against a rate-limited server: completion time
(the attempts are counted by the server)."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from bench.workers._common import Meter, Target, arguments, report


async def run_aiosdm(t: Target, calls: int) -> Meter:
    import aiosdm

    async with aiosdm.Client(t.access_key, t.secret_key, host=t.host, insecure=True) as client:
        gate = asyncio.Semaphore(256)

        async def one() -> None:
            async with gate:
                await client.accounts.get(t.user_id)

        with Meter() as meter:
            await asyncio.gather(*(one() for _ in range(calls)))
    return meter


def run_official(t: Target, calls: int) -> Meter:
    import strongdm

    client = strongdm.Client(t.access_key, t.secret_key, host=t.host, insecure=True)
    with ThreadPoolExecutor(32) as pool, Meter() as meter:
        list(pool.map(lambda _: client.accounts.get(t.user_id), range(calls)))
    return meter


def main() -> None:
    args, target = arguments([("--calls", {"type": int, "default": 2000})])
    if args.client == "official":
        meter = run_official(target, args.calls)
    else:
        meter = asyncio.run(run_aiosdm(target, args.calls))
    report(calls=args.calls, seconds=meter.wall)


if __name__ == "__main__":
    main()
