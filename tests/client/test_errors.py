"""Failed calls raise the same error classes, messages and codes as the official SDK."""

from __future__ import annotations

import asyncio
from typing import Any

import grpc
import pytest
import strongdm
from google.protobuf.timestamp_pb2 import Timestamp

from aiosdm import errors
from aiosdm._generated import models as M
from aiosdm._generated.v1 import spec_pb2
from aiosdm.client import Client

from ._servers import ACCESS_KEY, SECRET, Abort, Received, ScriptedServer

RATE_LIMIT = spec_pb2.RateLimitMetadata(
    limit=100, remaining=0, reset_at=Timestamp(seconds=1893456000), bucket="b1"
)

ABORTS = {
    "not found": Abort(grpc.StatusCode.NOT_FOUND, "cannot find account 'a-1'"),
    "not found, bare": Abort(grpc.StatusCode.NOT_FOUND, "gone", bare=True),
    "bad request": Abort(grpc.StatusCode.INVALID_ARGUMENT, "email is required"),
    "already exists": Abort(grpc.StatusCode.ALREADY_EXISTS, "email taken"),
    "permission": Abort(grpc.StatusCode.PERMISSION_DENIED, "not allowed"),
    "internal": Abort(grpc.StatusCode.INTERNAL, "boom"),
    "unauthenticated": Abort(grpc.StatusCode.UNAUTHENTICATED, "bad signature"),
    "rate limit": Abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "slow down", rate_limit=RATE_LIMIT),
    "exhausted without detail": Abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "quota"),
    "unavailable, bare": Abort(grpc.StatusCode.UNAVAILABLE, "down", bare=True),
    "failed precondition": Abort(grpc.StatusCode.FAILED_PRECONDITION, "not yet"),
    "deadline from server": Abort(grpc.StatusCode.DEADLINE_EXCEEDED, "too slow"),
    "cancelled": Abort(grpc.StatusCode.CANCELLED, "stopped"),
    "unknown": Abort(grpc.StatusCode.UNKNOWN, "no idea"),
    "aborted": Abort(grpc.StatusCode.ABORTED, "conflict"),
    "out of range": Abort(grpc.StatusCode.OUT_OF_RANGE, "too far"),
    "unimplemented": Abort(grpc.StatusCode.UNIMPLEMENTED, "not here"),
    "unavailable": Abort(grpc.StatusCode.UNAVAILABLE, "down"),
    "data loss": Abort(grpc.StatusCode.DATA_LOSS, "lost"),
    "unauthenticated, bare": Abort(grpc.StatusCode.UNAUTHENTICATED, "who", bare=True),
    "deadline, bare": Abort(grpc.StatusCode.DEADLINE_EXCEEDED, "slow", bare=True),
}


def describe(error: Any) -> tuple[str, str, int]:
    return type(error).__name__, error.msg, error.code


@pytest.mark.parametrize("name", ABORTS)
async def test_error_mapping_equals_the_official_sdk(name: str) -> None:
    abort = ABORTS[name]

    async def fail(received: Received) -> bytes:
        raise abort

    async with ScriptedServer(fail) as server:
        # A delete: neither client retries it for long (the official one backs off briefly).
        client = Client(
            ACCESS_KEY, SECRET, host=server.target, insecure=True, retry_rate_limit_errors=False
        )
        async with client:
            with pytest.raises(errors.RPCError) as ours:
                await client.accounts.delete("a-1")
        sdk = strongdm.Client(
            ACCESS_KEY, SECRET, host=server.target, insecure=True, retry_rate_limit_errors=False
        )
        sdk.base_retry_delay = 0.001
        try:
            with pytest.raises(strongdm.errors.RPCError) as theirs:
                await asyncio.to_thread(sdk.accounts.delete, "a-1")
        finally:
            sdk.close()
    if name == "rate limit":
        assert isinstance(ours.value, errors.RateLimitError)
    assert describe(ours.value) == describe(theirs.value)
    if isinstance(ours.value, errors.RateLimitError):
        rate_limit = theirs.value.rate_limit
        assert ours.value.rate_limit == M.RateLimitMetadata(
            limit=rate_limit.limit,
            remaining=rate_limit.remaining,
            reset_at=rate_limit.reset_at,
            bucket=rate_limit.bucket,
        )
        assert ours.value.rate_limit.bucket == "b1"


async def test_a_call_past_its_deadline_is_a_timeout_error() -> None:
    release = asyncio.Event()

    async def stall(received: Received) -> bytes:
        await release.wait()
        return b""

    async with ScriptedServer(stall) as server:
        client = Client(ACCESS_KEY, SECRET, host=server.target, insecure=True)
        async with client:
            with pytest.raises(errors.TimeoutError) as caught:
                await client.accounts.get("a-1", timeout=0.2)
        release.set()
    assert describe(caught.value) == ("TimeoutError", "deadline exceeded", 4)


def test_errors_never_carry_request_contents() -> None:
    error = errors.error_from_status(3, "details", [])
    assert repr(error) == "RPCError(msg='invalid argument', code=3)"
    assert str(errors.NotFoundError("cannot find x")) == "cannot find x"


def test_each_class_declares_its_status_and_the_registry_picks_it() -> None:
    trailer = [("grpc-status-details-bin", b"")]  # an empty Status: message ""
    official = {
        "BadRequestError": 3,
        "TimeoutError": 4,
        "NotFoundError": 5,
        "AlreadyExistsError": 6,
        "PermissionError": 7,
        "InternalError": 13,
        "AuthenticationError": 16,
    }
    for code in errors.StatusCode:
        error = errors.error_from_status(code.value, "", trailer)
        assert error.code is code
        assert type(error).status_code in (None, code)
        if code.value in official.values():
            assert official[type(error).__name__] == code.value
        else:
            assert type(error) is errors.RPCError, code
    assert errors.UnknownError("x").code is errors.StatusCode.UNKNOWN
    assert errors.EncryptionError("x").code is errors.StatusCode.FAILED_PRECONDITION
    assert errors.RPCError("odd", 99).code == 99
