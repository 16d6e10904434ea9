"""The call chain's types: the per-call object, interceptors and outbound links.

A call travels outermost first through ``Outbound`` links, each made by an
``Interceptor`` around the next one, down to the transport::

    user interceptors → Retry → CredentialRefresh → user attempt links → Encryption
        → Signing → Transport

Each link receives a :class:`Call` and awaits ``self.next.unary(call)``; it may
look at or replace the request, metadata or response, retry, or fail the call.
An interceptor's :meth:`Interceptor.intercept` link sees each call once; its
:meth:`Interceptor.intercept_attempt` link sees every attempt sent (retries and
the retry after a credential refresh included).
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from aiosdm._public import publish
from aiosdm._specs import MethodSpec

__all__ = ["Call", "CallEvent", "Handler", "Interceptor", "Outbound", "build_chain"]


@dataclass(frozen=True, slots=True)
class CallEvent:
    """Something the chain did on a call's behalf between its attempts.

    Attributes:
        name: ``"retry"`` (an attempt failed and another follows: ``code``, ``attempt``,
            ``delay``), ``"rate_limit_wait"`` (the call waited for a rate-limit window:
            ``bucket``, ``wait``) or ``"credentials_refresh"`` (rejected credentials were
            refreshed: ``code``).
        attributes: what happened, as plain values (never a secret).
        time_ns: when, as ``time.time_ns()``.
    """

    name: str
    attributes: Mapping[str, str | int | float] = field(default_factory=dict)
    time_ns: int = field(default_factory=time.time_ns)


@dataclass(slots=True)
class Call:
    """One RPC on its way down the chain (one object per attempt below Retry).

    Attributes:
        method: what is called: wire ``path``, ``signing_name``, message types.
        request: the request message. Interceptors that change it work on a copy.
        deadline: ``time.monotonic()`` instant after which the call fails, or None.
        idempotent: True when sending the request twice is harmless (reads).
        attempt: 0 for the first try, counting up with each retry.
        metadata: gRPC metadata to send, in order; signing appends its headers.
        body: the serialized request, exactly the bytes signed and sent.
        events: what the chain did between attempts, in order (shared by every attempt
            of the call, so an outer link reads them once the call is over).
    """

    method: MethodSpec[Any, Any]
    request: Any = field(repr=False)
    deadline: float | None = None
    idempotent: bool = False
    attempt: int = 0
    metadata: tuple[tuple[str, str], ...] = field(default=(), repr=False)
    body: bytes | None = field(default=None, repr=False)
    events: list[CallEvent] = field(default_factory=list, repr=False)

    def time_left(self) -> float | None:
        """Seconds until the deadline (may be negative), or None without one."""
        if self.deadline is None:
            return None
        return self.deadline - time.monotonic()


def next_attempt(call: Call, attempt: int) -> Call:
    """A copy of ``call`` for attempt number ``attempt``."""
    return _copy(call, attempt, call.metadata, call.body)


def signed(call: Call, metadata: tuple[tuple[str, str], ...], body: bytes) -> Call:
    """A copy of ``call`` carrying the signed ``body`` and its ``metadata``."""
    return _copy(call, call.attempt, metadata, body)


def _copy(
    call: Call, attempt: int, metadata: tuple[tuple[str, str], ...], body: bytes | None
) -> Call:
    # Made on every attempt: a direct constructor call costs a fraction of dataclasses.replace.
    if type(call) is not Call:  # a subclass may carry fields of its own
        return dataclasses.replace(call, attempt=attempt, metadata=metadata, body=body)
    return Call(
        call.method,
        call.request,
        call.deadline,
        call.idempotent,
        attempt,
        metadata,
        body,
        call.events,
    )


class Handler(Protocol):
    """Anything that can carry a call further: an :class:`Outbound` or the transport."""

    async def unary(self, call: Call) -> Any:
        """Send ``call`` and return the response message, or raise an RPCError."""
        ...


class Outbound:
    """One link of the chain. The default passes the call on unchanged."""

    def __init__(self, next: Handler) -> None:
        self.next = next

    async def unary(self, call: Call) -> Any:
        """Send ``call`` and return the response message, or raise an RPCError."""
        return await self.next.unary(call)


class Interceptor:
    """Makes :class:`Outbound` links around the next one.

    Subclass it (and :class:`Outbound`) to observe or change calls, e.g. for
    logging or metrics; pass instances as ``Client(interceptors=[...])``.
    """

    def intercept(self, next: Handler) -> Handler:
        """The link that sees each call once, outside retries (the default adds nothing)."""
        return next

    def intercept_attempt(self, next: Handler) -> Handler:
        """The link that sees each attempt sent, below retries (the default adds nothing).

        ``call.attempt`` tells which attempt it is; the link is not given the
        signing headers or the encrypted secret values, which come after it.
        """
        return next


class _AttemptLinks(Interceptor):
    # Places an interceptor's per-attempt link where build_chain puts this one.
    def __init__(self, interceptor: Interceptor) -> None:
        self.interceptor = interceptor

    def intercept(self, next: Handler) -> Handler:
        return self.interceptor.intercept_attempt(next)


def attempt_links(interceptors: Sequence[Interceptor]) -> list[Interceptor]:
    """The per-attempt links of ``interceptors``, in order, to place below Retry."""
    return [_AttemptLinks(i) for i in interceptors]


def build_chain(interceptors: Sequence[Interceptor], transport: Handler) -> Handler:
    """Wrap ``transport`` so that ``interceptors[0]`` is the outermost link."""
    outbound = transport
    for interceptor in reversed(interceptors):
        outbound = interceptor.intercept(outbound)
    return outbound


# Shown as aiosdm.<Name>, where users import them from.
publish(Call, Handler, Interceptor, Outbound)
