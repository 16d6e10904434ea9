"""Stream every account (50,000 in the benchmark): items/s, CPU, and peak RSS growth."""

from __future__ import annotations

import asyncio

from bench.workers._common import Meter, Target, arguments, peak_rss_kib, report, rss_kib

PAGE = 1000


async def run_aiosdm(t: Target, prefetch: bool) -> tuple[int, Meter]:
    import aiosdm

    async with aiosdm.Client(
        t.access_key, t.secret_key, host=t.host, insecure=True, page_limit=PAGE, prefetch=prefetch
    ) as client:
        await client.accounts.get(t.user_id)
        count = 0
        with Meter() as meter:
            async for _ in client.accounts.list(""):
                count += 1
    return count, meter


def run_official(t: Target) -> tuple[int, Meter]:
    import strongdm

    client = strongdm.Client(
        t.access_key, t.secret_key, host=t.host, insecure=True, page_limit=PAGE
    )
    client.accounts.get(t.user_id)
    count = 0
    with Meter() as meter:
        for _ in client.accounts.list(""):
            count += 1
    return count, meter


def main() -> None:
    args, target = arguments()
    before = rss_kib()
    if args.client == "official":
        count, meter = run_official(target)
    else:
        count, meter = asyncio.run(run_aiosdm(target, prefetch=args.client == "aiosdm"))
    report(
        items=count,
        items_per_s=count / meter.wall,
        cpu_s=meter.cpu,
        rss_growth_mib=max(0, peak_rss_kib() - before) / 1024,
    )


if __name__ == "__main__":
    main()
