"""The chain: the first interceptor is outermost; a call's repr shows no request contents; an
interceptor's attempt link sees every attempt."""

from __future__ import annotations

from typing import Any

import grpc

from aiosdm._generated.services import SERVICES
from aiosdm.client import Client
from aiosdm.interceptors import Call, Handler, Interceptor, Outbound, RetryPolicy, build_chain

from ..client._servers import ACCESS_KEY, SECRET, Abort, Received, ScriptedServer, plain_answer

SPEC = SERVICES["ManagedSecrets"]["Create"]


class Tag(Interceptor):
    def __init__(self, name: str, trail: list[str]) -> None:
        self.name = name
        self.trail = trail

    def intercept(self, next: Handler) -> Handler:
        tag = self

        class _Outbound(Outbound):
            async def unary(self, call: Call) -> Any:
                tag.trail.append(f"{tag.name}>")
                answer = await self.next.unary(call)
                tag.trail.append(f"<{tag.name}")
                return answer

        return _Outbound(next)


class Bottom:
    def __init__(self, trail: list[str]) -> None:
        self.trail = trail

    async def unary(self, call: Call) -> Any:
        self.trail.append("transport")
        return call.method.response()


async def test_the_first_interceptor_is_outermost() -> None:
    trail: list[str] = []
    chain = build_chain([Tag("a", trail), Interceptor(), Tag("b", trail)], Bottom(trail))
    request = SPEC.request()
    answer = await chain.unary(Call(SPEC, request))
    assert isinstance(answer, SPEC.response)
    assert trail == ["a>", "b>", "transport", "<b", "<a"]


def test_a_call_shows_no_request_contents() -> None:
    request = SPEC.request()
    request.managed_secret.value = b"hunter2"
    call = Call(SPEC, request, metadata=(("x-sdm-signature", "SIGNATURE"),), body=b"hunter2")
    text = repr(call)
    assert "hunter2" not in text
    assert "SIGNATURE" not in text
    assert "ManagedSecrets.Create" in text


class Watch(Interceptor):
    """Both links of one interceptor: calls once, attempts each, and what came between."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []
        self.attempts: list[int] = []

    def intercept(self, next: Handler) -> Handler:
        watch = self

        class _Calls(Outbound):
            async def unary(self, call: Call) -> Any:
                try:
                    return await self.next.unary(call)
                finally:
                    watch.calls.append([event.name for event in call.events])

        return _Calls(next)

    def intercept_attempt(self, next: Handler) -> Handler:
        watch = self

        class _Attempts(Outbound):
            async def unary(self, call: Call) -> Any:
                watch.attempts.append(call.attempt)
                assert not any(k.startswith("x-sdm-") for k, _ in call.metadata)  # unsigned yet
                return await self.next.unary(call)

        return _Attempts(next)


async def test_an_interceptor_sees_each_call_once_and_each_attempt() -> None:
    failures = 2

    async def flaky(received: Received) -> Any:
        nonlocal failures
        if failures:
            failures -= 1
            raise Abort(grpc.StatusCode.UNAVAILABLE, "blip")
        return await plain_answer(received)

    watch = Watch()
    async with (
        ScriptedServer(flaky) as server,
        Client(
            ACCESS_KEY,
            SECRET,
            host=server.target,
            insecure=True,
            interceptors=[watch],
            retry_policy=RetryPolicy(base_delay=0.001),
        ) as client,
    ):
        await client.roles.get("r-1")
        await client.roles.get("r-2")
    assert watch.calls == [["retry", "retry"], []]
    assert watch.attempts == [0, 1, 2, 0]
