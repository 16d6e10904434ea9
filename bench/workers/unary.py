"""``Accounts.Get`` throughput for one client at one concurrency, as fast as it goes.

Clients: ``aiosdm`` (the full chain; ``--max-in-flight`` sets the client's limit on calls in
flight: a number, "none", or "default"), ``stub`` (bare grpc.aio sending pre-signed bytes: the
transport's limit), ``official`` (the sync SDK; sequential at concurrency 1, else a thread
pool of that many threads). Reports calls/s and the CPU per call of the client and of the
server.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor

from bench.workers._common import Meter, Target, arguments, presigned_get, report


async def closed_loop(
    call: Callable[[], Awaitable[object]], calls: int, concurrency: int, server_pid: int
) -> Meter:
    """``calls`` calls from ``concurrency`` tasks, each starting its next when one ends."""
    remaining = calls

    async def worker() -> None:
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            await call()

    with Meter(server_pid) as meter:
        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return meter


async def run_aiosdm(t: Target, calls: int, concurrency: int, max_in_flight: str) -> Meter:
    import aiosdm

    options = {} if max_in_flight == "default" else {"max_in_flight": _limit(max_in_flight)}
    async with aiosdm.Client(
        t.access_key, t.secret_key, host=t.host, insecure=True, **options
    ) as client:
        await client.accounts.get(t.user_id)  # connect and warm up
        return await closed_loop(lambda: client.accounts.get(t.user_id), calls, concurrency, t.pid)


async def run_stub(t: Target, calls: int, concurrency: int) -> Meter:
    import grpc

    body, metadata = presigned_get(t)
    async with grpc.aio.insecure_channel(t.host) as channel:
        get = channel.unary_unary("/v1.Accounts/Get")
        await get(body, metadata=metadata)
        return await closed_loop(lambda: get(body, metadata=metadata), calls, concurrency, t.pid)


def run_official(t: Target, calls: int, concurrency: int) -> Meter:
    import strongdm

    client = strongdm.Client(t.access_key, t.secret_key, host=t.host, insecure=True)
    client.accounts.get(t.user_id)
    if concurrency == 1:
        with Meter(t.pid) as meter:
            for _ in range(calls):
                client.accounts.get(t.user_id)
        return meter
    with ThreadPoolExecutor(concurrency) as pool, Meter(t.pid) as meter:
        list(pool.map(lambda _: client.accounts.get(t.user_id), range(calls)))
    return meter


def _limit(text: str) -> int | None:
    return None if text == "none" else int(text)


def main() -> None:
    args, target = arguments(
        [
            ("--calls", {"type": int, "default": 2000}),
            ("--concurrency", {"type": int, "default": 1}),
            ("--max-in-flight", {"default": "default"}),
        ]
    )
    if args.client == "official":
        meter = run_official(target, args.calls, args.concurrency)
    elif args.client == "aiosdm":
        meter = asyncio.run(run_aiosdm(target, args.calls, args.concurrency, args.max_in_flight))
    else:
        meter = asyncio.run(run_stub(target, args.calls, args.concurrency))
    report(
        calls_per_s=args.calls / meter.wall,
        cpu_us_per_call=meter.cpu / args.calls * 1e6,
        server_cpu_us_per_call=meter.server_cpu / args.calls * 1e6,
        server_cpu_share=meter.server_cpu / meter.wall,
    )


if __name__ == "__main__":
    main()
