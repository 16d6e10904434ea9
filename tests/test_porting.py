"""Code written for the official client ports by changing the import: ``Client`` takes the
official positional arguments, in the official order, with the same meaning."""

from __future__ import annotations

import asyncio
import inspect
import os
import subprocess
import sys
import time
from datetime import datetime
from typing import Any

import grpc
import pytest
import strongdm

import aiosdm
from aiosdm._generated.v1 import spec_pb2

from .client._servers import (
    ACCESS_KEY,
    SECRET,
    Abort,
    Received,
    ScriptedServer,
    plain_answer,
    response_of,
    timestamp,
)

OFFICIAL = inspect.signature(strongdm.Client).parameters
OURS = inspect.signature(aiosdm.Client).parameters


def test_the_official_parameters_come_first_in_the_official_order() -> None:
    names = list(OFFICIAL)
    assert names == [
        "api_access_key",
        "api_secret",
        "host",
        "insecure",
        "retry_rate_limit_errors",
        "page_limit",
    ]
    assert list(OURS)[: len(names)] == names
    for name in names:
        assert OURS[name].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD, name
    for name in ("host", "insecure", "page_limit"):
        assert OURS[name].default == OFFICIAL[name].default, name
    # Ours means "not given" (retry_policy's setting stands, which is True by default).
    assert OURS["retry_rate_limit_errors"].default is None
    assert OFFICIAL["retry_rate_limit_errors"].default is True


def test_our_own_options_stay_keyword_only() -> None:
    extra = [p for name, p in OURS.items() if name not in OFFICIAL]
    assert extra
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in extra)
    with pytest.raises(TypeError):
        aiosdm.Client(ACCESS_KEY, SECRET, "127.0.0.1:1", True, None, 0, False)  # type: ignore[misc]


async def test_the_same_positional_arguments_mean_the_same_to_both_clients() -> None:
    # Every call is rate limited. With (key, secret, host, insecure=True,
    # retry_rate_limit_errors=False, page_limit=7) both clients reach the plaintext server,
    # send the same list request (page size 7) and give up after one attempt.
    async def limited(received: Received) -> Any:
        limit = spec_pb2.RateLimitMetadata(limit=1, reset_at=timestamp(time.time()), bucket="k")
        raise Abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "rate limited", rate_limit=limit)

    async with ScriptedServer(limited) as server:
        args = (ACCESS_KEY, SECRET, server.target, True, False, 7)

        theirs = strongdm.Client(*args)
        try:
            with pytest.raises(strongdm.RateLimitError):
                await asyncio.to_thread(lambda: list(theirs.roles.list("name:?", "ops")))
        finally:
            theirs.close()

        async with aiosdm.Client(*args) as ours:
            with pytest.raises(aiosdm.RateLimitError):
                [r async for r in ours.roles.list("name:?", "ops", timeout=10)]

    official_request, our_request = server.received
    assert official_request.path == our_request.path == "/v1.Roles/List"
    assert our_request.message().meta.limit == 7
    assert our_request.body == official_request.body


async def test_retry_rate_limit_errors_given_positionally_overrides_the_policy() -> None:
    seen = 0

    async def limited_once(received: Received) -> Any:
        nonlocal seen
        seen += 1
        if seen == 1:
            limit = spec_pb2.RateLimitMetadata(limit=1, reset_at=timestamp(time.time()), bucket="k")
            raise Abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "rate limited", rate_limit=limit)
        return response_of(received.spec)

    policy = aiosdm.RetryPolicy(retry_rate_limit_errors=False, base_delay=0.001)
    async with (
        ScriptedServer(limited_once) as server,
        aiosdm.Client(ACCESS_KEY, SECRET, server.target, True, True, retry_policy=policy) as c,
    ):
        await c.roles.get("r-1", timeout=10)
    assert server.paths() == ["/v1.Roles/Get"] * 2


NAIVE = datetime(2026, 1, 1, 12, 0)


async def test_a_naive_datetime_is_refused_before_sending_saying_what_to_pass() -> None:
    grant = aiosdm.AccountGrant(resource_id="rs-1", account_id="a-1", start_from=NAIVE)
    async with (
        ScriptedServer(plain_answer) as server,
        aiosdm.Client(ACCESS_KEY, SECRET, server.target, True) as client,
    ):
        with pytest.raises(ValueError, match="naive datetime") as caught:
            await client.account_grants.create(grant)
        with pytest.raises(ValueError, match="for snapshot_at") as caught_snapshot:
            client.snapshot_at(NAIVE)
    assert server.received == []
    for error in (caught.value, caught_snapshot.value):
        assert "2026-01-01T12:00:00" in str(error)
        assert "datetime.now(timezone.utc)" in str(error)
        assert "replace(tzinfo=timezone.utc)" in str(error)


OFFICIAL_NAIVE = """
from datetime import datetime
from strongdm import plumbing
print(plumbing.convert_timestamp_to_plumbing(datetime(2026, 1, 1, 12, 0)).ToJsonString())
"""


def test_the_official_sdk_reads_a_naive_datetime_as_local_time() -> None:
    # Why we refuse instead (the README says so): datetime.utcnow() shifts by the UTC offset.
    out = subprocess.run(
        [sys.executable, "-c", OFFICIAL_NAIVE],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env={**os.environ, "TZ": "America/New_York"},
    ).stdout
    assert out.strip() == "2026-01-01T17:00:00Z"
