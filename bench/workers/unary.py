"""Unary ``Accounts.Get`` throughput for one client at one concurrency.

Clients: ``aiosdm`` (the full chain), ``stub`` (bare grpc.aio sending pre-signed bytes: the
transport's limit), ``official`` (the sync SDK; sequential at concurrency 1, else a 32-thread
pool).
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from bench.workers._common import Meter, Target, arguments, presigned_get, report


async def run_aiosdm(t: Target, calls: int, concurrency: int) -> Meter:
    import aiosdm

    async with aiosdm.Client(t.access_key, t.secret_key, host=t.host, insecure=True) as client:
        await client.accounts.get(t.user_id)  # connect and warm up
        remaining = calls

        async def worker() -> None:
            nonlocal remaining
            while remaining > 0:
                remaining -= 1
                await client.accounts.get(t.user_id)

        with Meter() as meter:
            await asyncio.gather(*(worker() for _ in range(concurrency)))
    return meter


async def run_stub(t: Target, calls: int, concurrency: int) -> Meter:
    import grpc

    body, metadata = presigned_get(t)
    async with grpc.aio.insecure_channel(t.host) as channel:
        get = channel.unary_unary("/v1.Accounts/Get")
        await get(body, metadata=metadata)
        remaining = calls

        async def worker() -> None:
            nonlocal remaining
            while remaining > 0:
                remaining -= 1
                await get(body, metadata=metadata)

        with Meter() as meter:
            await asyncio.gather(*(worker() for _ in range(concurrency)))
    return meter


def run_official(t: Target, calls: int, concurrency: int) -> Meter:
    import strongdm

    client = strongdm.Client(t.access_key, t.secret_key, host=t.host, insecure=True)
    client.accounts.get(t.user_id)
    if concurrency == 1:
        with Meter() as meter:
            for _ in range(calls):
                client.accounts.get(t.user_id)
        return meter
    with ThreadPoolExecutor(32) as pool, Meter() as meter:
        list(pool.map(lambda _: client.accounts.get(t.user_id), range(calls)))
    return meter


def main() -> None:
    args, target = arguments(
        [
            ("--calls", {"type": int, "default": 2000}),
            ("--concurrency", {"type": int, "default": 1}),
        ]
    )
    if args.client == "official":
        meter = run_official(target, args.calls, args.concurrency)
    else:
        run = run_aiosdm if args.client == "aiosdm" else run_stub
        meter = asyncio.run(run(target, args.calls, args.concurrency))
    report(calls_per_s=args.calls / meter.wall, cpu_us_per_call=meter.cpu / args.calls * 1e6)


if __name__ == "__main__":
    main()
