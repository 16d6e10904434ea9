"""Client CPU per ``Accounts.Get`` at a fixed call rate, against a server with latency.

Calls start on a schedule (``--rate`` per second, ``--calls`` of them), each whether or not
the earlier ones have answered, as requests arriving at a service would; with the server
holding every call (its ``--latency``), about rate x latency calls are in flight and neither
side is ever saturated, so the process CPU per call is the client's own cost. A first tenth
of the calls, on the same schedule, warms up and is not counted.

Clients: ``aiosdm``, ``stub`` (bare grpc.aio, pre-signed bytes), ``stub-signed`` (the stub
building, signing and parsing each call as any SDK must: what is left is the SDK's own),
``stub-models`` (that, and the answer made into aiosdm's models), ``official`` (the sync SDK,
each call run by a 32-thread pool as it comes due), and the schedule alone, with no call:
``schedule`` (an ``asyncio.sleep`` of ``--idle`` seconds in each call's place) and
``schedule-threads`` (a ``time.sleep`` in the pool), the harness's own cost per call.
"""

from __future__ import annotations

import asyncio
import statistics
import threading
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait

from bench.workers._common import Meter, Target, arguments, percentile, presigned_get, report

THREADS = 32


def due(started: float, now: float, rate: float, calls: int) -> int:
    """How many of ``calls`` should have started by ``now``: one at ``started``, then one
    every ``1 / rate`` seconds."""
    if now < started:
        return 0
    return min(calls, int((now - started) * rate) + 1)


async def paced_async(
    call: Callable[[], Awaitable[object]], rate: float, calls: int, server_pid: int = 0
) -> tuple[Meter, list[float]]:
    """Each call started by a timer of its own on the loop (no pacing coroutine to wake)."""
    loop = asyncio.get_running_loop()
    latencies: list[float] = []
    tasks: list[asyncio.Task[None]] = []
    all_started = asyncio.Event()

    async def one() -> None:
        began = time.perf_counter()
        await call()
        latencies.append(time.perf_counter() - began)

    def start() -> None:
        tasks.append(loop.create_task(one()))
        if len(tasks) == calls:
            all_started.set()

    with Meter(server_pid) as meter:
        started = loop.time()
        for i in range(calls):
            loop.call_at(started + i / rate, start)
        await all_started.wait()
        await asyncio.gather(*tasks)
    return meter, latencies


def paced_threads(
    pool: ThreadPoolExecutor,
    call: Callable[[], object],
    rate: float,
    calls: int,
    server_pid: int = 0,
) -> tuple[Meter, list[float]]:
    latencies: list[float] = []
    lock = threading.Lock()

    def one() -> None:
        began = time.perf_counter()
        call()
        with lock:
            latencies.append(time.perf_counter() - began)

    with Meter(server_pid) as meter:
        futures: list[Future[None]] = []
        started, issued = time.perf_counter(), 0
        while issued < calls:
            now_due = due(started, time.perf_counter(), rate, calls)
            futures.extend(pool.submit(one) for _ in range(now_due - issued))
            issued = now_due
            time.sleep(max(0.0, started + issued / rate - time.perf_counter()))
        for future in wait(futures).done:
            future.result()
    return meter, latencies


async def run_async(
    client: str, t: Target, rate: float, calls: int, idle: float
) -> tuple[Meter, list[float]]:
    if client == "schedule":
        await paced_async(lambda: asyncio.sleep(idle), rate, calls // 10)
        return await paced_async(lambda: asyncio.sleep(idle), rate, calls, t.pid)
    if client == "stub":
        import grpc

        body, metadata = presigned_get(t)
        async with grpc.aio.insecure_channel(t.host) as channel:
            get = channel.unary_unary("/v1.Accounts/Get")
            await paced_async(lambda: get(body, metadata=metadata), rate, calls // 10)
            return await paced_async(lambda: get(body, metadata=metadata), rate, calls, t.pid)
    if client in ("stub-signed", "stub-models"):
        return await _run_signing_stub(t, rate, calls, models=client == "stub-models")
    import aiosdm

    async with aiosdm.Client(t.access_key, t.secret_key, host=t.host, insecure=True) as sdm:
        await paced_async(lambda: sdm.accounts.get(t.user_id), rate, calls // 10)
        return await paced_async(lambda: sdm.accounts.get(t.user_id), rate, calls, t.pid)


async def _run_signing_stub(
    t: Target, rate: float, calls: int, *, models: bool
) -> tuple[Meter, list[float]]:
    """The bare stub doing per call what no SDK can skip: build and serialize the request,
    sign it (the day key made once, as aiosdm keeps it), parse the answer; with ``models``
    also aiosdm's conversion of the answer."""
    import grpc

    from aiosdm._generated.models.accounts import read_account_get_response
    from aiosdm._generated.v1 import accounts_pb2
    from aiosdm._signing import API_VERSION, USER_AGENT, decode_secret, derive_key, sign, utc_day

    key = derive_key(decode_secret(t.secret_key), utc_day())
    parse = accounts_pb2.AccountGetResponse.FromString
    async with grpc.aio.insecure_channel(t.host) as channel:
        get = channel.unary_unary("/v1.Accounts/Get")

        async def call() -> object:
            body = accounts_pb2.AccountGetRequest(id=t.user_id).SerializeToString()
            metadata = (
                ("x-sdm-authentication", t.access_key),
                ("x-sdm-signature", sign(key, "Accounts.Get", body)),
                ("x-sdm-api-version", API_VERSION),
                ("x-sdm-user-agent", USER_AGENT),
            )
            answer = parse(await get(body, metadata=metadata, timeout=300))
            return read_account_get_response(answer) if models else answer

        await paced_async(call, rate, calls // 10)
        return await paced_async(call, rate, calls, t.pid)


def run_threads(t: Target, rate: float, calls: int, idle: float) -> tuple[Meter, list[float]]:
    with ThreadPoolExecutor(THREADS) as pool:
        paced_threads(pool, lambda: time.sleep(idle), rate, calls // 10)
        return paced_threads(pool, lambda: time.sleep(idle), rate, calls, t.pid)


def run_official(t: Target, rate: float, calls: int) -> tuple[Meter, list[float]]:
    import strongdm

    client = strongdm.Client(t.access_key, t.secret_key, host=t.host, insecure=True)
    with ThreadPoolExecutor(THREADS) as pool:  # the warm-up starts the threads it needs
        paced_threads(pool, lambda: client.accounts.get(t.user_id), rate, calls // 10)
        return paced_threads(pool, lambda: client.accounts.get(t.user_id), rate, calls, t.pid)


def main() -> None:
    args, target = arguments(
        [
            ("--rate", {"type": float, "default": 500.0}),
            ("--calls", {"type": int, "default": 3000}),
            ("--idle", {"type": float, "default": 0.03, "help": "the schedule's stand-in call"}),
        ]
    )
    if args.client == "official":
        meter, latencies = run_official(target, args.rate, args.calls)
    elif args.client == "schedule-threads":
        meter, latencies = run_threads(target, args.rate, args.calls, args.idle)
    else:
        meter, latencies = asyncio.run(
            run_async(args.client, target, args.rate, args.calls, args.idle)
        )
    report(
        calls_per_s=args.calls / meter.wall,
        cpu_us_per_call=meter.cpu / args.calls * 1e6,
        median_ms=statistics.median(latencies) * 1000,
        p99_ms=percentile(latencies, 0.99) * 1000,
        server_cpu_share=meter.server_cpu / meter.wall,
    )


if __name__ == "__main__":
    main()
