"""2,000 calls against a rate-limited server: completion time (attempts come from the server)."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from bench.workers._common import Meter, Target, arguments, report

CALLS = 2000


async def run_aiosdm(t: Target) -> Meter:
    import aiosdm

    async with aiosdm.Client(t.access_key, t.secret_key, host=t.host, insecure=True) as client:
        gate = asyncio.Semaphore(256)

        async def one() -> None:
            async with gate:
                await client.accounts.get(t.user_id)

        with Meter() as meter:
            await asyncio.gather(*(one() for _ in range(CALLS)))
    return meter


def run_official(t: Target) -> Meter:
    import strongdm

    client = strongdm.Client(t.access_key, t.secret_key, host=t.host, insecure=True)
    with ThreadPoolExecutor(32) as pool, Meter() as meter:
        list(pool.map(lambda _: client.accounts.get(t.user_id), range(CALLS)))
    return meter


def main() -> None:
    args, target = arguments()
    meter = run_official(target) if args.client == "official" else asyncio.run(run_aiosdm(target))
    report(calls=CALLS, seconds=meter.wall)


if __name__ == "__main__":
    main()
