"""Event-loop lag seen by a 1 ms ticker while the client works: idle, during the first managed
secret retrieve (RSA-4096 key generation), and during a burst of 1,000 concurrent calls (with
the client's in-flight limit given by ``--max-in-flight``: a number, "none", or "default")."""

from __future__ import annotations

import asyncio
import os
import statistics
import time
from collections.abc import Awaitable, Callable

from bench.workers._common import Target, arguments, presigned_get, report

TICK = 0.001


async def ticker(lags: list[float], stop: asyncio.Event) -> None:
    while not stop.is_set():
        started = time.perf_counter()
        await asyncio.sleep(TICK)
        lags.append(max(0.0, time.perf_counter() - started - TICK))


async def measure(work: Callable[[], Awaitable[object]]) -> dict[str, float]:
    lags: list[float] = []
    stop = asyncio.Event()
    tick = asyncio.create_task(ticker(lags, stop))
    await asyncio.sleep(0.05)
    started = time.perf_counter()
    await work()
    seconds = time.perf_counter() - started
    stop.set()
    await tick
    lags.sort()
    p99 = lags[int(len(lags) * 0.99) - 1] if lags else 0.0
    return {
        "max_ms": max(lags, default=0.0) * 1000,
        "p99_ms": p99 * 1000,
        "median_ms": statistics.median(lags) * 1000 if lags else 0.0,
        "seconds": seconds,
    }


async def stub_burst(t: Target) -> dict[str, float]:
    import grpc

    body, metadata = presigned_get(t)
    async with grpc.aio.insecure_channel(t.host) as channel:
        get = channel.unary_unary("/v1.Accounts/Get")
        await get(body, metadata=metadata)
        return await measure(
            lambda: asyncio.gather(*(get(body, metadata=metadata) for _ in range(1000)))
        )


async def main_async(
    t: Target, scenario: str, client_name: str, max_in_flight: str = "default"
) -> dict[str, float]:
    import aiosdm

    def client() -> aiosdm.Client:
        if max_in_flight == "default":
            return aiosdm.Client(t.access_key, t.secret_key, host=t.host, insecure=True)
        limit = None if max_in_flight == "none" else int(max_in_flight)
        return aiosdm.Client(
            t.access_key, t.secret_key, host=t.host, insecure=True, max_in_flight=limit
        )

    if scenario == "idle":
        return await measure(lambda: asyncio.sleep(0.5))
    if scenario == "keygen-on-loop":
        from cryptography.hazmat.primitives.asymmetric import rsa

        async def keygen() -> None:
            rsa.generate_private_key(public_exponent=65537, key_size=4096)

        return await measure(keygen)
    if client_name == "stub":
        return await stub_burst(t)
    if scenario == "first-retrieve":
        name = f"lag-{os.getpid()}"  # one per run: repeats share the server
        async with client() as setup:
            store = (
                await setup.secret_stores.create(aiosdm.StrongVaultStore(name=name))
            ).secret_store
            engine = (
                await setup.secret_engines.create(
                    aiosdm.KeyValueEngine(
                        name=name, secret_store_id=store.id, secret_store_root_path="lag"
                    )
                )
            ).secret_engine
            secret = (
                await setup.managed_secrets.create(
                    aiosdm.ManagedSecret(name=name, secret_engine_id=engine.id, value=b"v")
                )
            ).managed_secret
        async with client() as fresh:
            await fresh.accounts.get(t.user_id)  # connected; the key is not made yet
            return await measure(lambda: fresh.managed_secrets.retrieve(secret.id))
    async with client() as c:
        await c.accounts.get(t.user_id)
        return await measure(
            lambda: asyncio.gather(*(c.accounts.get(t.user_id) for _ in range(1000)))
        )


def main() -> None:
    args, target = arguments(
        [("--scenario", {"required": True}), ("--max-in-flight", {"default": "default"})]
    )
    report(**asyncio.run(main_async(target, args.scenario, args.client, args.max_in_flight)))


if __name__ == "__main__":
    main()
