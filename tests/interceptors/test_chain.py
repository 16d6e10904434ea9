"""The chain: the first interceptor is outermost; a call's repr shows no request contents."""

from __future__ import annotations

from typing import Any

from aiosdm._generated.services import SERVICES
from aiosdm.interceptors import Call, Handler, Interceptor, Outbound, build_chain

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
