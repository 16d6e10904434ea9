"""Retry: official backoff, reads retried until their deadline, writes never repeated, budget,
deadlines, pacing, and what is logged."""

from __future__ import annotations

import asyncio
import logging
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
    plain_answer,
    response_of,
    timestamp,
)

FAST = RetryPolicy(base_delay=0.001, max_delay=0.01)


def connect(server: ScriptedServer, **kw: Any) -> Client:
    kw.setdefault("retry_policy", FAST)
    return Client(ACCESS_KEY, SECRET, host=server.target, insecure=True, **kw)


class RecordingSleep:
    """A ``retry_sleep`` that records each wait; waits for real only when ``real``, and then
    ``overrun`` seconds longer than asked."""

    def __init__(self, *, real: bool = False, overrun: float = 0.0) -> None:
        self.delays: list[float] = []
        self.real = real
        self.overrun = overrun

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)
        await asyncio.sleep(delay + self.overrun if self.real else 0)


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
        return await plain_answer(received)


@pytest.mark.parametrize("code", [grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.INTERNAL])
async def test_reads_are_retried_until_they_succeed(code: grpc.StatusCode) -> None:
    async with ScriptedServer(Failing(code, times=3)) as server, connect(server) as client:
        await client.accounts.get("a-1")
    assert len(server.received) == 4


async def test_a_read_retries_until_its_deadline_not_a_count() -> None:
    # Twenty failures in a row: far more than max_retries, well within the deadline.
    sleep = RecordingSleep()
    async with (
        ScriptedServer(Failing(grpc.StatusCode.UNAVAILABLE, times=20)) as server,
        connect(server, retry_policy=RetryPolicy(), retry_sleep=sleep) as client,
    ):
        await client.accounts.get("a-1", timeout=600)
    assert len(server.received) == 21
    assert len(sleep.delays) == 20
    assert [round(d, 2) for d in sleep.delays[:2]] != [0, 0]  # the official backoff


async def test_a_read_without_a_deadline_tries_as_often_as_the_official_client() -> None:
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
            with pytest.raises(errors.RPCError) as caught:
                await client.accounts.get("a-1", timeout=math.inf)
    assert len(server.received) - theirs == theirs == 1 + RetryPolicy().max_retries
    assert caught.value.code == 14
    assert caught.value.attempts == theirs


async def test_every_attempt_shares_the_one_deadline() -> None:
    sleep = RecordingSleep(real=True)
    steady = RetryPolicy(base_delay=0.05, factor=1.0, jitter=0.0)
    async with (
        ScriptedServer(Failing(grpc.StatusCode.UNAVAILABLE)) as server,
        connect(server, retry_policy=steady, retry_sleep=sleep) as client,
    ):
        with pytest.raises(errors.RPCError) as caught:
            await asyncio.wait_for(client.accounts.get("a-1", timeout=0.5), 30)
    assert caught.value.code == 14
    # The waits fit in the one deadline, so there cannot be more than 0.5 / 0.05 of them...
    assert sum(sleep.delays) < 0.5
    assert caught.value.attempts == len(server.received) <= 11
    # ...and each attempt got what the attempts and waits before it left, not 0.5 again.
    for n, received in enumerate(server.received):
        assert received.time_remaining is not None
        assert received.time_remaining <= 0.5 - sum(sleep.delays[:n]) + 0.01


async def test_no_wait_is_started_that_would_end_past_the_deadline() -> None:
    sleep = RecordingSleep(real=True)
    async with (
        ScriptedServer(Failing(grpc.StatusCode.UNAVAILABLE)) as server,
        connect(server, retry_policy=RetryPolicy(), retry_sleep=sleep) as client,
    ):
        # The first retry would wait about 1.6 s: more than the 0.5 s the call has.
        with pytest.raises(errors.RPCError) as caught:
            await asyncio.wait_for(client.accounts.get("a-1", timeout=0.5), 30)
    assert sleep.delays == []
    assert caught.value.code == 14 and caught.value.attempts == 1
    assert len(server.received) == 1


async def test_no_attempt_is_sent_after_a_wait_that_overran_the_deadline() -> None:
    sleep = RecordingSleep(real=True, overrun=0.5)  # a loop too busy to wake up in time
    steady = RetryPolicy(base_delay=0.05, factor=1.0, jitter=0.0)
    async with (
        ScriptedServer(Failing(grpc.StatusCode.UNAVAILABLE)) as server,
        connect(server, retry_policy=steady, retry_sleep=sleep) as client,
    ):
        with pytest.raises(errors.RPCError) as caught:
            await asyncio.wait_for(client.accounts.get("a-1", timeout=0.3), 30)
    # The failure the caller gets is the service's, not a deadline the client ran into.
    assert type(caught.value) is errors.RPCError and caught.value.code == 14
    assert len(sleep.delays) == 1 and len(server.received) == caught.value.attempts == 1


NOT_TRANSIENT = [
    c
    for c in grpc.StatusCode
    if c.name
    not in {
        "OK",
        "CANCELLED",
        "INTERNAL",
        "UNAVAILABLE",
        "RESOURCE_EXHAUSTED",  # the rate-limit rules
        "UNAUTHENTICATED",  # refreshed and retried once: tests/interceptors/test_refresh.py
    }
]


@pytest.mark.parametrize("code", NOT_TRANSIENT, ids=lambda c: c.name)
async def test_a_read_that_is_refused_reaches_the_service_exactly_once(
    code: grpc.StatusCode,
) -> None:
    async def refuse(received: Received) -> Any:
        raise Abort(code, "no")

    sleep = RecordingSleep()  # a retry would show here at once, not after a backoff
    async with ScriptedServer(refuse) as server, connect(server, retry_sleep=sleep) as client:
        with pytest.raises(errors.RPCError) as caught:
            await client.accounts.get("a-1", timeout=30)
        with pytest.raises(errors.RPCError):
            [a async for a in client.accounts.list("", timeout=30)]
    assert caught.value.code == code.value[0]
    assert caught.value.attempts == 1
    assert server.paths() == ["/v1.Accounts/Get", "/v1.Accounts/List"]
    assert sleep.delays == []


async def test_cancelled_by_grpc_is_retried_for_reads_never_for_writes() -> None:
    async def cancel_first_attempts(received: Received) -> Any:
        if received.spec.method == "Create" or server.paths().count(received.path) == 1:
            raise Abort(grpc.StatusCode.CANCELLED, "stream cancelled")
        return await plain_answer(received)

    async with ScriptedServer(cancel_first_attempts) as server, connect(server) as client:
        await client.accounts.get("a-1")  # first attempt CANCELLED, the second answered
        with pytest.raises(errors.RPCError) as caught:
            await client.roles.create(M.Role(name="r"))
    assert caught.value.code == 1 and caught.value.attempts == 1
    assert server.paths() == ["/v1.Accounts/Get"] * 2 + ["/v1.Roles/Create"]


async def test_each_retry_is_logged_and_the_error_counts_the_attempts(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="aiosdm.retry")
    async with (
        ScriptedServer(Failing(grpc.StatusCode.INTERNAL, times=2)) as server,
        connect(server, retry_sleep=RecordingSleep()) as client,
    ):
        await client.accounts.get("a-1")
    retries = [r for r in caplog.records if r.name == "aiosdm.retry"]
    assert [r.levelno for r in retries] == [logging.DEBUG] * 2
    first = retries[0].getMessage()
    assert "Accounts.Get" in first and "INTERNAL" in first and "attempt 1" in first
    assert "attempt 2" in retries[1].getMessage()
    assert SECRET not in caplog.text


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
        return await plain_answer(received)

    async with ScriptedServer(limited) as server, connect(server) as client:
        await client.roles.create(M.Role(name="r"))
    assert [r.path for r in server.received] == ["/v1.Roles/Create"] * 2


async def test_a_write_waits_for_a_connection_that_comes_back() -> None:
    server = ScriptedServer(plain_answer)
    await server.__aenter__()
    port = server.port
    client = Client(
        ACCESS_KEY,
        SECRET,
        host=f"127.0.0.1:{port}",
        insecure=True,
        connect_timeout=30,
        # gRPC itself waits before reconnecting; keep that short here.
        channel_options=[
            ("grpc.initial_reconnect_backoff_ms", 10),
            ("grpc.min_reconnect_backoff_ms", 10),
            ("grpc.max_reconnect_backoff_ms", 50),
        ],
    )
    try:
        async with client:
            await client.accounts.get("a-1")  # connected once
            await server.__aexit__(None, None, None)
            write = asyncio.ensure_future(client.groups.create(M.Group(name="g"), timeout=60))
            await asyncio.sleep(0.2)  # the host is gone: the write waits, unsent
            assert not write.done()
            server = ScriptedServer(plain_answer, port=port)
            await server.__aenter__()
            await asyncio.wait_for(write, 30)
    finally:
        await server.__aexit__(None, None, None)
    assert server.paths() == ["/v1.Groups/Create"]


async def test_the_budget_running_dry_is_a_warning_once(caplog: pytest.LogCaptureFixture) -> None:
    budget = RetryBudget(max_tokens=4, token_ratio=1)
    async with (
        ScriptedServer(Failing(grpc.StatusCode.UNAVAILABLE, times=4)) as server,
        connect(server, retry_budget=budget) as client,
    ):
        for _ in range(3):
            with pytest.raises(errors.RPCError):
                await client.accounts.get("a-1")
        for _ in range(3):
            await client.accounts.get("a-1")
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and warnings[0].name == "aiosdm.retry"
    assert "retry budget exhausted" in warnings[0].getMessage()
    assert budget.allows_retry()


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
    # The default policy and budget; only the waits are skipped. With 30 % independent
    # faults, five attempts would still lose 0.3**5 = 0.24 % of calls: reads go on until
    # their deadline instead.
    async with (
        ScriptedServer(faults) as server,
        connect(server, retry_policy=RetryPolicy(), retry_sleep=RecordingSleep()) as client,
    ):
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
        response: Any = response_of(received.spec)
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
        response: Any = response_of(received.spec)
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
