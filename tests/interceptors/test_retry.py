"""Retry: official backoff, reads retried, writes never repeated, budget, deadlines, pacing."""

from __future__ import annotations

import asyncio
import math
import random
import time
import types
from typing import Any

import grpc
import pytest
import strongdm

from aiosdm import errors
from aiosdm._generated import models as M
from aiosdm._generated.v1 import accounts_pb2, spec_pb2
from aiosdm.client import Client
from aiosdm.interceptors import RetryBudget, RetryPolicy

from ..client._servers import (
    ACCESS_KEY,
    SECRET,
    Abort,
    Received,
    ScriptedServer,
    empty_answer,
    timestamp,
)

FAST = RetryPolicy(base_delay=0.001, max_delay=0.01)


def connect(server: ScriptedServer, **kw: Any) -> Client:
    kw.setdefault("retry_policy", FAST)
    return Client(ACCESS_KEY, SECRET, host=server.target, insecure=True, **kw)


def test_backoff_equals_the_official_client() -> None:
    official = types.SimpleNamespace(
        base_retry_delay=1, max_retry_delay=120, retry_factor=1.6, retry_jitter=0.2
    )
    policy = RetryPolicy()
    for retry in range(1, 16):
        random.seed(retry)
        theirs = strongdm.Client.exponentialBackoff(official, retry)
        ours = policy.backoff(retry, random.Random(retry).random)
        assert math.isclose(ours, theirs)
    nominal = [policy.backoff(n, lambda: 0.5) for n in (1, 2, 3, 11)]
    assert [round(d, 2) for d in nominal] == [1.6, 2.56, 4.1, 120.0]


class Failing:
    """Fails the first ``times`` calls per path with ``code``, then answers."""

    def __init__(self, code: grpc.StatusCode, times: int = 10**9, *, after_commit: bool = True):
        self.code = code
        self.times = times
        self.committed = 0
        self.after_commit = after_commit

    async def __call__(self, received: Received) -> Any:
        if self.after_commit and received.spec.method == "Create":
            self.committed += 1  # the service did the work; then the answer is lost
        if self.times > 0:
            self.times -= 1
            raise Abort(self.code, "transient trouble")
        return await empty_answer(received)


@pytest.mark.parametrize("code", [grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.INTERNAL])
async def test_reads_are_retried_until_they_succeed(code: grpc.StatusCode) -> None:
    async with ScriptedServer(Failing(code, times=3)) as server, connect(server) as client:
        await client.accounts.get("a-1")
    assert len(server.received) == 4


async def test_reads_give_up_after_max_retries() -> None:
    failing = Failing(grpc.StatusCode.UNAVAILABLE)
    async with ScriptedServer(failing) as server, connect(server) as client:
        with pytest.raises(errors.RPCError) as caught:
            await client.accounts.get("a-1")
    assert caught.value.code == 14
    assert len(server.received) == 1 + RetryPolicy().max_retries


async def test_reads_try_as_often_as_the_official_client() -> None:
    async with ScriptedServer(Failing(grpc.StatusCode.UNAVAILABLE)) as server:
        sdk = strongdm.Client(ACCESS_KEY, SECRET, host=server.target, insecure=True)
        sdk.base_retry_delay = 0.001
        try:
            with pytest.raises(strongdm.errors.RPCError):
                await asyncio.to_thread(sdk.accounts.get, "a-1")
        finally:
            sdk.close()
        theirs = len(server.received)
        async with connect(server) as client:
            with pytest.raises(errors.RPCError):
                await client.accounts.get("a-1")
    assert len(server.received) - theirs == theirs == 5


@pytest.mark.parametrize("code", [grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.INTERNAL])
async def test_a_write_is_never_repeated_once_sent(code: grpc.StatusCode) -> None:
    failing = Failing(code, times=1)
    async with ScriptedServer(failing) as server, connect(server) as client:
        with pytest.raises(errors.RPCError):
            await client.accounts.create(M.User(email="a@b.c", first_name="A", last_name="B"))
    assert failing.committed == 1
    assert len(server.received) == 1


async def test_a_write_rejected_by_the_rate_limit_is_retried() -> None:
    reset = time.time() + 0.05
    limit = spec_pb2.RateLimitMetadata(limit=1, reset_at=timestamp(reset), bucket="k")
    attempts = 0

    async def limited(received: Received) -> Any:
        nonlocal attempts
        attempts += 1
        if attempts == 1:
            raise Abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "rate limited", rate_limit=limit)
        return await empty_answer(received)

    async with ScriptedServer(limited) as server, connect(server) as client:
        await client.roles.create(M.Role(name="r"))
    assert [r.path for r in server.received] == ["/v1.Roles/Create"] * 2


async def test_a_write_that_never_reached_the_service_is_retried() -> None:
    async with ScriptedServer(empty_answer) as probe:
        port = probe.port  # a port nothing listens on once this closes
    server = ScriptedServer(empty_answer, port=port)

    async def start_server_then_wait(delay: float) -> None:
        if server.server is None:
            await server.__aenter__()
        await asyncio.sleep(delay)

    client = Client(
        ACCESS_KEY,
        SECRET,
        host=f"127.0.0.1:{port}",
        insecure=True,
        retry_policy=RetryPolicy(base_delay=0.05),
        retry_sleep=start_server_then_wait,
        # gRPC itself waits before reconnecting; keep that short here.
        channel_options=[
            ("grpc.initial_reconnect_backoff_ms", 10),
            ("grpc.min_reconnect_backoff_ms", 10),
            ("grpc.max_reconnect_backoff_ms", 50),
        ],
    )
    try:
        async with client:
            await client.groups.create(M.Group(name="g"))
    finally:
        if server.server is not None:
            await server.__aexit__(None, None, None)
    assert [r.path for r in server.received] == ["/v1.Groups/Create"]


async def test_the_retry_budget_stops_a_storm() -> None:
    failing = Failing(grpc.StatusCode.UNAVAILABLE)
    budget = RetryBudget(max_tokens=20, token_ratio=0.5)
    async with ScriptedServer(failing) as server, connect(server, retry_budget=budget) as client:
        for _ in range(50):
            with pytest.raises(errors.RPCError):
                await client.accounts.get("a-1")
    # Without a budget: 50 * 5 attempts. With it: retries stop once half the tokens are gone.
    assert len(server.received) <= 50 + 10
    assert not budget.allows_retry()


async def test_the_deadline_covers_every_attempt() -> None:
    failing = Failing(grpc.StatusCode.UNAVAILABLE)
    patient = RetryPolicy(base_delay=0.02, factor=1.0, max_retries=10**6)
    async with ScriptedServer(failing) as server, connect(server, retry_policy=patient) as c:
        with pytest.raises(errors.RPCError):
            await c.accounts.get("a-1", timeout=0.5)
    assert 1 < len(server.received) < 10**6


class RandomFaults:
    """Fails reads at random (seeded) with UNAVAILABLE."""

    def __init__(self, rate: float, seed: int = 7) -> None:
        self.rate = rate
        self.random = random.Random(seed)
        self.ok: set[str] = set()

    async def __call__(self, received: Received) -> Any:
        if self.random.random() < self.rate:
            raise Abort(grpc.StatusCode.UNAVAILABLE, "injected fault")
        self.ok.add(received.message().id)
        response = accounts_pb2.AccountGetResponse()
        response.account.user.id = received.message().id
        return response


async def test_thirty_percent_unavailable_and_a_thousand_concurrent_gets_all_succeed() -> None:
    faults = RandomFaults(0.3)
    # More retries than the official default: with 30 % independent faults, 4 retries
    # still lose 0.3**5 = 0.24 % of calls; 15 make a loss all but impossible.
    patient = RetryPolicy(base_delay=0.001, max_delay=0.02, max_retries=15)
    async with ScriptedServer(faults) as server, connect(server, retry_policy=patient) as client:
        answers = await asyncio.gather(*(client.accounts.get(f"a-{n}") for n in range(1000)))
    assert [a.account.id for a in answers if a.account] == [f"a-{n}" for n in range(1000)]
    assert len(faults.ok) == 1000
    assert len(server.received) > 1000  # faults did happen


class FixedWindow:
    """A per-key limit of ``limit`` calls per ``window`` seconds, like the service's."""

    def __init__(self, limit: int, window: float, *, report: bool = True) -> None:
        self.limit = limit
        self.window = window
        self.report = report
        self.start: float | None = None
        self.used: dict[int, int] = {}

    def _metadata(self, remaining: int, index: int) -> spec_pb2.RateLimitMetadata:
        assert self.start is not None
        reset = self.start + (index + 1) * self.window
        return spec_pb2.RateLimitMetadata(
            limit=self.limit, remaining=remaining, reset_at=timestamp(reset), bucket="key-1"
        )

    async def __call__(self, received: Received) -> Any:
        now = time.time()
        if self.start is None:
            self.start = now
        index = int((now - self.start) // self.window)
        used = self.used.get(index, 0)
        if used >= self.limit:
            raise Abort(
                grpc.StatusCode.RESOURCE_EXHAUSTED,
                "rate limit exceeded",
                rate_limit=self._metadata(0, index),
            )
        self.used[index] = used + 1
        response: Any = received.spec.response()
        if self.report:
            response.rate_limit.CopyFrom(self._metadata(self.limit - used - 1, index))
        return response


class TokenBucket:
    """``limit`` tokens refilled continuously over ``window``; reset_at: when full again."""

    def __init__(self, limit: int, window: float) -> None:
        self.limit = limit
        self.rate = limit / window
        self.tokens = float(limit)
        self.at = time.time()

    def _metadata(self, now: float) -> spec_pb2.RateLimitMetadata:
        reset = now + (self.limit - self.tokens) / self.rate
        return spec_pb2.RateLimitMetadata(
            limit=self.limit, remaining=int(self.tokens), reset_at=timestamp(reset), bucket="key-1"
        )

    async def __call__(self, received: Received) -> Any:
        now = time.time()
        self.tokens = min(self.limit, self.tokens + (now - self.at) * self.rate)
        self.at = now
        if self.tokens < 1:
            raise Abort(
                grpc.StatusCode.RESOURCE_EXHAUSTED,
                "rate limit exceeded",
                rate_limit=self._metadata(now),
            )
        self.tokens -= 1
        response: Any = received.spec.response()
        response.rate_limit.CopyFrom(self._metadata(now))
        return response


@pytest.mark.parametrize(
    "limiter",
    [
        pytest.param(lambda: FixedWindow(50, 0.2), id="fixed-window"),
        pytest.param(lambda: FixedWindow(50, 0.2, report=False), id="fixed-window-silent"),
        pytest.param(lambda: TokenBucket(50, 0.2), id="token-bucket"),
    ],
)
async def test_rate_limited_calls_pace_themselves(limiter: Any) -> None:
    # 50 calls per 0.2 s stands for the service's 50 per second, five times faster.
    async with ScriptedServer(limiter()) as server, connect(server) as client:
        await asyncio.gather(*(client.roles.get(f"r-{n}") for n in range(500)))
    attempts = len(server.received)
    assert attempts / 500 < 2, attempts


async def test_rate_limit_errors_can_be_left_to_the_caller() -> None:
    async with (
        ScriptedServer(FixedWindow(1, 60)) as server,
        connect(server, retry_rate_limit_errors=False) as client,
    ):
        await client.roles.get("r-1")
        with pytest.raises(errors.RateLimitError) as caught:
            await client.roles.get("r-2")
    assert caught.value.rate_limit.limit == 1
    assert caught.value.rate_limit.bucket == "key-1"
    assert len(server.received) == 2


async def test_a_quota_that_returns_after_the_deadline_fails_at_once() -> None:
    silent = FixedWindow(1, 60, report=False)
    async with ScriptedServer(silent) as server, connect(server) as client:
        await client.roles.get("r-1")
        with pytest.raises(errors.RateLimitError):
            await client.roles.get("r-2", timeout=5)  # rejected: resets in a minute
        with pytest.raises(errors.RateLimitError) as caught:
            await client.roles.get("r-3", timeout=5)  # not even sent
    assert caught.value.rate_limit.bucket == "key-1"
    assert caught.value.rate_limit.reset_at is not None
    assert len(server.received) == 2


async def test_an_exhausted_quota_seen_in_an_answer_holds_later_calls() -> None:
    async with ScriptedServer(FixedWindow(1, 60)) as server, connect(server) as client:
        await client.roles.get("r-1")  # answers "remaining: 0"
        with pytest.raises(errors.RateLimitError):
            await client.roles.get("r-2", timeout=5)
    assert len(server.received) == 1
