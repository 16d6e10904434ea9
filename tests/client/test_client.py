"""Client construction, lifecycle, TLS, the service attributes and user interceptors."""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import math
import time
from typing import Any

import grpc
import pytest
import strongdm
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from aiosdm import errors
from aiosdm._generated.services import SERVICES
from aiosdm._generated.v1 import spec_pb2
from aiosdm.client import DEFAULT_HOST, DEFAULT_MAX_IN_FLIGHT, DEFAULT_TIMEOUT, Client
from aiosdm.credentials import StaticCredentials
from aiosdm.interceptors import Call, Handler, Interceptor, Outbound, RetryPolicy

from ._servers import (
    ACCESS_KEY,
    SECRET,
    Abort,
    Received,
    ScriptedServer,
    plain_answer,
    timestamp,
)

NOT_BASE64 = "this-is-%%%-not-base64-secret"


def test_defaults_match_the_official_client() -> None:
    client = Client(ACCESS_KEY, SECRET)
    assert client.host == DEFAULT_HOST == "app.strongdm.com:443"
    assert client.page_limit == 0
    assert repr(client) == "Client(host='app.strongdm.com:443')"


def test_the_default_timeout_is_set_once() -> None:
    assert Client(ACCESS_KEY, SECRET).timeout == DEFAULT_TIMEOUT == 300
    assert Client(ACCESS_KEY, SECRET, timeout=None).timeout is None
    client = Client(ACCESS_KEY, SECRET, timeout=2.5)
    assert client.timeout == 2.5
    with pytest.raises(AttributeError):
        client.timeout = 3  # type: ignore[misc]
    for bad in (0, -1):
        with pytest.raises(ValueError, match="timeout"):
            Client(ACCESS_KEY, SECRET, timeout=bad)
    for bad in (0, -1):
        with pytest.raises(ValueError, match="max_in_flight"):
            Client(ACCESS_KEY, SECRET, max_in_flight=bad)
    with pytest.raises(ValueError, match="connect_timeout"):
        Client(ACCESS_KEY, SECRET, connect_timeout=0)


async def test_a_call_given_no_timeout_has_the_clients_and_can_opt_out() -> None:
    async with (
        ScriptedServer(plain_answer) as server,
        Client(ACCESS_KEY, SECRET, host=server.target, insecure=True, timeout=20) as client,
    ):
        await client.accounts.get("a-1")  # the client's default
        await client.accounts.get("a-1", timeout=5)  # its own
        await client.accounts.get("a-1", timeout=math.inf)  # none
        async with Client(ACCESS_KEY, SECRET, host=server.target, insecure=True) as default:
            await default.accounts.get("a-1")
    left = [r.time_remaining for r in server.received]
    # gRPC sends a deadline as a timeout header rounded up to a short value (for minutes,
    # whole seconds): the server may see up to a second more than the client set.
    assert left[0] is not None and 5 < left[0] <= 20 + 1
    assert left[1] is not None and left[1] <= 5 + 1
    assert left[2] is None
    assert left[3] is not None and 20 + 1 < left[3] <= DEFAULT_TIMEOUT + 1


async def test_a_stalled_call_ends_at_the_default_timeout() -> None:
    release = asyncio.Event()

    async def stall(received: Received) -> Any:
        await release.wait()
        return await plain_answer(received)

    async with (
        ScriptedServer(stall) as server,
        Client(ACCESS_KEY, SECRET, host=server.target, insecure=True, timeout=0.3) as client,
    ):
        with pytest.raises(errors.TimeoutError):
            await asyncio.wait_for(client.accounts.get("a-1"), 30)
        release.set()


async def test_calls_in_flight_are_bounded_before_any_work() -> None:
    in_flight = peak = 0

    async def slow(received: Received) -> Any:
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        await asyncio.sleep(0.01)
        in_flight -= 1
        return await plain_answer(received)

    counting = Concurrency()
    async with (
        ScriptedServer(slow) as server,
        Client(
            ACCESS_KEY,
            SECRET,
            host=server.target,
            insecure=True,
            max_in_flight=4,
            interceptors=[counting],
        ) as client,
    ):
        await asyncio.gather(*(client.accounts.get(f"a-{n}") for n in range(40)))
    assert len(server.received) == 40
    assert peak <= 4
    # Even the outermost link of the chain sees no more than the limit: the slot comes first.
    assert counting.peak <= 4
    assert DEFAULT_MAX_IN_FLIGHT == 64


async def test_a_call_waiting_for_a_slot_keeps_to_its_deadline() -> None:
    release = asyncio.Event()

    async def hold(received: Received) -> Any:
        await release.wait()
        return await plain_answer(received)

    async with (
        ScriptedServer(hold) as server,
        Client(ACCESS_KEY, SECRET, host=server.target, insecure=True, max_in_flight=1) as client,
    ):
        first = asyncio.ensure_future(client.accounts.get("a-1"))
        await asyncio.wait_for(server.wait_received(1), 30)
        with pytest.raises(errors.TimeoutError) as caught:
            await asyncio.wait_for(client.accounts.get("a-2", timeout=0.2), 30)
        release.set()
        await asyncio.wait_for(first, 30)
    assert caught.value.attempts == 0
    assert server.paths() == ["/v1.Accounts/Get"]


class Concurrency(Interceptor):
    """The most calls its link saw at once."""

    def __init__(self) -> None:
        self.now = self.peak = 0

    def intercept(self, next: Handler) -> Handler:
        outer = self

        class _Outbound(Outbound):
            async def unary(self, call: Call) -> Any:
                outer.now += 1
                outer.peak = max(outer.peak, outer.now)
                try:
                    return await self.next.unary(call)
                finally:
                    outer.now -= 1

        return _Outbound(next)


def test_bad_secret_is_a_clear_error_without_the_secret() -> None:
    with pytest.raises(ValueError, match="not valid base64") as caught:
        Client(ACCESS_KEY, NOT_BASE64)
    assert NOT_BASE64 not in str(caught.value)
    assert NOT_BASE64 not in repr(caught.value)


def test_keys_or_credentials_exactly_once() -> None:
    with pytest.raises(ValueError):
        Client()
    with pytest.raises(ValueError):
        Client(ACCESS_KEY)
    with pytest.raises(ValueError):
        Client(ACCESS_KEY, SECRET, credentials=StaticCredentials(ACCESS_KEY, SECRET))
    with pytest.raises(ValueError):
        Client(ACCESS_KEY, SECRET, page_limit=-1)
    assert Client(credentials=StaticCredentials(ACCESS_KEY, SECRET)).credentials is not None


def test_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SDM_API_ACCESS_KEY", raising=False)
    monkeypatch.setenv("SDM_API_SECRET_KEY", SECRET)
    with pytest.raises(ValueError, match="SDM_API_ACCESS_KEY") as caught:
        Client.from_env()
    assert SECRET not in str(caught.value)
    monkeypatch.setenv("SDM_API_ACCESS_KEY", ACCESS_KEY)
    assert Client.from_env().host == DEFAULT_HOST
    monkeypatch.setenv("SDM_API_HOST", "127.0.0.1:5000")
    assert Client.from_env().host == "127.0.0.1:5000"
    assert Client.from_env(host="elsewhere:1").host == "elsewhere:1"


def test_services_are_the_official_attributes() -> None:
    ours = Client(ACCESS_KEY, SECRET)
    theirs = strongdm.Client(ACCESS_KEY, SECRET, host="127.0.0.1:1", insecure=True)
    try:
        for service, methods in SERVICES.items():
            attr = next(
                name for name, value in vars(theirs).items() if type(value).__name__ == service
            )
            ours_service = getattr(ours, attr)
            official_service = getattr(theirs, attr)
            for name in dir(official_service):
                if not name.startswith("_") and name not in ("parent", "stub"):
                    assert callable(getattr(ours_service, name)), f"{attr}.{name}"
            assert len(methods) >= 1
    finally:
        theirs.close()


async def test_async_with_closes_and_close_is_idempotent() -> None:
    async with ScriptedServer(plain_answer) as server:
        client = Client(ACCESS_KEY, SECRET, host=server.target, insecure=True)
        async with client:
            await client.accounts.get("a-1")
        await client.close()
        with pytest.raises(RuntimeError, match="closed"):
            await client.accounts.get("a-1")


class Counting(Interceptor):
    """A metrics-style interceptor: counts calls per signing name."""

    def __init__(self) -> None:
        self.calls: dict[str, int] = {}

    def intercept(self, next: Handler) -> Handler:
        counts = self.calls

        class _Outbound(Outbound):
            async def unary(self, call: Call) -> Any:
                name = call.method.signing_name
                counts[name] = counts.get(name, 0) + 1
                return await self.next.unary(call)

        return _Outbound(next)


async def test_user_interceptors_see_each_logical_call_once() -> None:
    attempts = 0

    async def flaky(received: Received) -> Any:
        nonlocal attempts
        attempts += 1
        if attempts == 1:
            raise Abort(grpc.StatusCode.UNAVAILABLE, "blip")
        return await plain_answer(received)

    counting = Counting()
    async with (
        ScriptedServer(flaky) as server,
        Client(
            ACCESS_KEY,
            SECRET,
            host=server.target,
            insecure=True,
            interceptors=[counting],
            retry_policy=RetryPolicy(base_delay=0.001),
        ) as client,
    ):
        await client.accounts.get("a-1")
        [x async for x in client.roles.list("")]
    assert counting.calls == {"Accounts.Get": 1, "Roles.List": 1}
    assert attempts == 3


def _self_signed() -> tuple[bytes, bytes]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(hours=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return cert.public_bytes(serialization.Encoding.PEM), key_pem


async def test_tls_is_the_default() -> None:
    cert, key = await asyncio.to_thread(_self_signed)
    received: list[str] = []

    async def answer(r: Received) -> Any:
        received.append(r.path)
        return await plain_answer(r)

    async with ScriptedServer(answer, tls=(key, cert)) as server:
        async with Client(ACCESS_KEY, SECRET, host=server.target, root_certificates=cert) as c:
            await c.accounts.get("a-1")
        # A plaintext client cannot talk to it: the default is not plaintext.
        no_retry = RetryPolicy(max_retries=0)
        async with Client(
            ACCESS_KEY, SECRET, host=server.target, insecure=True, retry_policy=no_retry
        ) as c:
            with pytest.raises(errors.RPCError) as caught:
                await c.accounts.delete("a-1", timeout=5)
        assert caught.value.code == grpc.StatusCode.UNAVAILABLE.value[0]
    assert received == ["/v1.Accounts/Get"]


@pytest.mark.parametrize(
    ("keyword", "policy", "attempts"),
    [
        ({}, RetryPolicy(retry_rate_limit_errors=False), 1),  # the policy's choice stands
        ({"retry_rate_limit_errors": False}, RetryPolicy(), 1),  # the keyword wins
        ({}, RetryPolicy(base_delay=0.001), 2),  # default: rate limits are retried
    ],
)
async def test_rate_limit_retries_follow_the_policy_unless_the_keyword_is_given(
    keyword: dict[str, bool], policy: RetryPolicy, attempts: int
) -> None:
    seen = 0

    async def limited(received: Received) -> Any:
        nonlocal seen
        seen += 1
        if seen == 1:
            limit = spec_pb2.RateLimitMetadata(limit=1, reset_at=timestamp(time.time()), bucket="k")
            raise Abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "rate limited", rate_limit=limit)
        return await plain_answer(received)

    async with (
        ScriptedServer(limited) as server,
        Client(
            ACCESS_KEY, SECRET, host=server.target, insecure=True, retry_policy=policy, **keyword
        ) as client,
    ):
        if attempts == 1:
            with pytest.raises(errors.RateLimitError):
                await client.roles.get("r-1", timeout=5)
        else:
            await client.roles.get("r-1", timeout=5)
    assert server.paths() == ["/v1.Roles/Get"] * attempts
