"""Signatures equal the official SDK's; every attempt is signed afresh over the bytes sent."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import hmac
import types
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import grpc
import strongdm
from hypothesis import example, given, settings
from hypothesis import strategies as st

from aiosdm import _signing
from aiosdm._generated.services import SERVICES
from aiosdm._service import CallCore
from aiosdm._transport import Transport
from aiosdm.client import Client
from aiosdm.credentials import Credentials, StaticCredentials
from aiosdm.interceptors import (
    Call,
    Handler,
    Interceptor,
    Outbound,
    RetryPolicy,
    SigningInterceptor,
    build_chain,
)

from ..client._servers import ACCESS_KEY, SECRET, Abort, Received, ScriptedServer, plain_answer

NAMES = st.from_regex(r"[A-Z][A-Za-z]{1,20}\.[A-Z][A-Za-z]{1,20}", fullmatch=True)


def official_signature(secret_b64: str, name: str, body: bytes) -> str:
    fake_client = types.SimpleNamespace(api_secret=base64.b64decode(secret_b64))
    signature: bytes = strongdm.Client.sign(fake_client, name, body)
    return signature.decode("ascii")


@settings(max_examples=300, deadline=None)
@given(secret=st.binary(min_size=1, max_size=64), name=NAMES | st.text(), body=st.binary())
def test_signature_equals_the_official_client(secret: bytes, name: str, body: bytes) -> None:
    secret_b64 = base64.b64encode(secret).decode()
    day_before = _signing.utc_day()
    theirs = official_signature(secret_b64, name, body)
    day_after = _signing.utc_day()  # both sides read the clock: allow for midnight
    ours = {
        _signing.sign(_signing.derive_key(_signing.decode_secret(secret_b64), day), name, body)
        for day in (day_before, day_after)
    }
    assert theirs in ours


def test_reference_vectors() -> None:
    key = _signing.derive_key(_signing.decode_secret(SECRET), date(2025, 1, 1))
    list_body = bytes.fromhex("0a00")
    get_body = bytes.fromhex("1212612d30303030303030303030303030303031")
    assert _signing.sign(key, "Accounts.List", list_body) == (
        "EX3ZeiohKmqsZADfp+8lpbZki0uJL42pZWdCvYFQdZs="
    )
    assert _signing.sign(key, "Accounts.Get", get_body) == (
        "Jlys95cXxQJXutIEnI0cx5zxdiYuGciP7OSDVNKsdeM="
    )


@settings(max_examples=300, deadline=None)
@given(key=st.binary(max_size=200), name=NAMES | st.text(), body=st.binary())
@example(key=b"k" * 64, name="Accounts.Get", body=b"")  # a key that fills the block
@example(key=b"k" * 65, name="Accounts.Get", body=b"")  # the shortest one hashed first
def test_a_signer_computes_the_standard_hmac(key: bytes, name: str, body: bytes) -> None:
    # The signer builds HMAC from hash states of its own; the standard library's says what
    # it must give, for keys past SHA-256's 64-byte block (hashed first) too.
    digest = hashlib.sha256(name.encode("utf-8") + b"\n" + body).digest()
    expected = base64.b64encode(hmac.digest(key, digest, "sha256")).decode("ascii")
    assert _signing.Signer(key).sign(name, body) == expected


def test_a_signer_shows_nothing_of_its_key() -> None:
    key = _signing.derive_key(_signing.decode_secret(SECRET), date(2025, 1, 1))
    signer = _signing.Signer(key)
    assert repr(signer) == "Signer(<day key not shown>)"
    assert signer.sign("Accounts.List", bytes.fromhex("0a00")) == (
        "EX3ZeiohKmqsZADfp+8lpbZki0uJL42pZWdCvYFQdZs="
    )


def expected_signature(received: Received, secret: str = SECRET) -> str:
    key = _signing.derive_key(_signing.decode_secret(secret), _signing.utc_day())
    return _signing.sign(key, received.spec.signing_name, received.body)


async def test_headers_are_sent_in_order_and_sign_the_exact_bytes() -> None:
    async with ScriptedServer(plain_answer) as server:
        client = Client(f"  {ACCESS_KEY} ", SECRET, host=server.target, insecure=True)
        async with client:
            await client.roles.get("r-1")
            await client.roles.delete("r-1")
    for received in server.received:
        assert [k for k, _ in received.sdm_headers()] == [
            "x-sdm-authentication",
            "x-sdm-signature",
            "x-sdm-api-version",
            "x-sdm-user-agent",
        ]
        assert received.header("x-sdm-authentication") == ACCESS_KEY
        assert received.header("x-sdm-signature") == expected_signature(received)
        assert received.header("x-sdm-api-version") == "2025-04-14"
        assert received.header("x-sdm-user-agent") == _signing.USER_AGENT


class RotatingProvider:
    """Hands out a new key pair on every get(), to see which attempt used which."""

    def __init__(self) -> None:
        self.gets = 0

    async def get(self) -> Credentials:
        self.gets += 1
        return Credentials(f"key-{self.gets}", base64.b64encode(b"s%d" % self.gets).decode())

    async def refresh(self) -> Credentials:
        return await self.get()


async def test_every_attempt_asks_the_provider_and_is_signed_again() -> None:
    async def flaky(received: Received) -> object:
        if len(server.received) < 3:
            raise Abort(grpc.StatusCode.UNAVAILABLE, "try again")
        return await plain_answer(received)

    provider = RotatingProvider()
    fast = RetryPolicy(base_delay=0.001)
    async with (
        ScriptedServer(flaky) as server,
        Client(
            credentials=provider, host=server.target, insecure=True, retry_policy=fast
        ) as client,
    ):
        await client.accounts.get("a-1")
    assert provider.gets == 3
    for attempt, received in enumerate(server.received, start=1):
        secret = base64.b64encode(b"s%d" % attempt).decode()
        assert received.header("x-sdm-authentication") == f"key-{attempt}"
        assert received.header("x-sdm-signature") == expected_signature(received, secret)


class RequestId(Interceptor):
    """A user's interceptor: tags every call with its own metadata (and a stale signature)."""

    def intercept(self, next: Handler) -> Handler:
        return _RequestIdOutbound(next)


class _RequestIdOutbound(Outbound):
    async def unary(self, call: Call) -> Any:
        metadata = (
            *call.metadata,
            ("x-request-id", "req-42"),
            ("x-sdm-signature", "forged"),
            ("x-tenant", "blue"),
        )
        return await self.next.unary(dataclasses.replace(call, metadata=metadata))


async def test_metadata_from_a_user_interceptor_travels_with_the_signing_headers() -> None:
    async def flaky(received: Received) -> object:
        if len(server.received) < 2:
            raise Abort(grpc.StatusCode.UNAVAILABLE, "try again")
        return await plain_answer(received)

    fast = RetryPolicy(base_delay=0.001)
    async with (
        ScriptedServer(flaky) as server,
        Client(
            ACCESS_KEY,
            SECRET,
            host=server.target,
            insecure=True,
            retry_policy=fast,
            interceptors=[RequestId()],
        ) as client,
    ):
        await client.accounts.get("a-1")
    assert len(server.received) == 2  # the retried attempt keeps the user's metadata too
    for received in server.received:
        assert received.header("x-request-id") == "req-42"
        assert received.header("x-tenant") == "blue"
        assert [k for k, _ in received.sdm_headers()] == [
            "x-sdm-authentication",
            "x-sdm-signature",
            "x-sdm-api-version",
            "x-sdm-user-agent",
        ]
        assert received.header("x-sdm-authentication") == ACCESS_KEY
        assert received.header("x-sdm-signature") == expected_signature(received)


class MovableClock:
    """A clock a test can move: what the signing interceptor reads as "now"."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


async def test_the_signing_key_is_the_current_utc_days() -> None:
    # One second before midnight UTC, then after it: a long-running client must move on to
    # the new day's key (the service accepts only keys of days near its own).
    clock = MovableClock(datetime(2026, 3, 1, 23, 59, 59, tzinfo=UTC))
    spec = SERVICES["Accounts"]["Get"]
    async with ScriptedServer(plain_answer) as server:
        transport = Transport(server.target, insecure=True)
        signing = SigningInterceptor(StaticCredentials(ACCESS_KEY, SECRET), clock=clock)
        core = CallCore(build_chain([signing], transport))
        try:
            for moved in (timedelta(0), timedelta(0), timedelta(seconds=2), timedelta(days=1)):
                clock.now += moved
                await core.unary(spec, spec.request(id="a-1"), None)
            # A clock in another zone is read as the UTC instant it is: still March 3rd.
            clock.now = datetime(2026, 3, 4, 1, 0, tzinfo=timezone(timedelta(hours=2)))
            await core.unary(spec, spec.request(id="a-1"), None)
            # A clock set back a day gets that day's key, not the one kept for a later day.
            clock.now = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
            await core.unary(spec, spec.request(id="a-1"), None)
        finally:
            await transport.close()
    days = [date(2026, 3, d) for d in (1, 1, 2, 3, 3, 2)]
    assert len(server.received) == len(days)
    for received, day in zip(server.received, days, strict=True):
        key = _signing.derive_key(_signing.decode_secret(SECRET), day)
        assert received.header("x-sdm-signature") == _signing.sign(
            key, "Accounts.Get", received.body
        )
