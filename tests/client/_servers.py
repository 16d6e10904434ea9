"""Small real gRPC servers on loopback for client tests.

``ScriptedServer`` answers every wire path with a handler coroutine that gets the
raw request bytes and metadata, and records what it received. ``Abort`` makes it
answer with a status, with the ``grpc-status-details-bin`` trailer the service sends.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import grpc
from google.protobuf.any_pb2 import Any as AnyPb
from google.protobuf.message import Message
from google.protobuf.timestamp_pb2 import Timestamp
from google.rpc import status_pb2

from aiosdm._generated.services import BY_PATH, MethodSpec
from aiosdm._generated.v1 import spec_pb2

ACCESS_KEY = "test-access-key"
SECRET = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="  # base64 of 32 ASCII bytes


@dataclass
class Received:
    """One request as it arrived: path, exact bytes, metadata in order, and the seconds its
    deadline left it (None: no deadline)."""

    path: str
    body: bytes
    metadata: list[tuple[str, Any]]
    time_remaining: float | None = None

    @property
    def spec(self) -> MethodSpec:
        return BY_PATH[self.path]

    def message(self) -> Any:
        return self.spec.request.FromString(self.body)

    def header(self, key: str) -> Any:
        return dict(self.metadata)[key]

    def sdm_headers(self) -> list[tuple[str, Any]]:
        return [(k, v) for k, v in self.metadata if k.startswith("x-sdm-")]


class Abort(Exception):
    """Raise from a handler to answer with ``code`` (and a Status trailer unless bare)."""

    def __init__(
        self,
        code: grpc.StatusCode,
        message: str = "",
        *,
        bare: bool = False,
        rate_limit: spec_pb2.RateLimitMetadata | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.bare = bare
        self.rate_limit = rate_limit

    def trailers(self) -> tuple[tuple[str, bytes], ...]:
        if self.bare:
            return ()
        status = status_pb2.Status(code=self.code.value[0], message=self.message)
        if self.rate_limit is not None:
            status.details.append(
                AnyPb(
                    type_url="type.googleapis.com/v1.RateLimitMetadata",
                    value=self.rate_limit.SerializeToString(),
                )
            )
        return (("grpc-status-details-bin", status.SerializeToString()),)


Handler = Callable[[Received], Awaitable[Message | bytes]]


@dataclass
class ScriptedServer:
    """A grpc.aio server on 127.0.0.1 that hands every call to ``handler``."""

    handler: Handler
    tls: tuple[bytes, bytes] | None = None  # (private key PEM, certificate PEM)
    received: list[Received] = field(default_factory=list)
    server: Any = None
    port: int = 0  # 0: any free port
    arrivals: asyncio.Condition = field(default_factory=asyncio.Condition)

    @property
    def target(self) -> str:
        return f"127.0.0.1:{self.port}"

    def paths(self) -> list[str]:
        return [r.path for r in self.received]

    async def wait_received(self, count: int) -> None:
        """Until at least ``count`` requests have arrived."""
        async with self.arrivals:
            await self.arrivals.wait_for(lambda: len(self.received) >= count)

    async def __aenter__(self) -> ScriptedServer:
        self.server = grpc.aio.server()
        self.server.add_generic_rpc_handlers([_Generic(self)])
        if self.tls is None:
            self.port = self.server.add_insecure_port(f"127.0.0.1:{self.port}")
        else:
            credentials = grpc.ssl_server_credentials([self.tls])
            self.port = self.server.add_secure_port(f"127.0.0.1:{self.port}", credentials)
        await self.server.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.server.stop(None)


class _Generic(grpc.GenericRpcHandler):
    def __init__(self, owner: ScriptedServer) -> None:
        self.owner = owner

    def service(self, details: Any) -> Any:
        path = details.method
        if path not in BY_PATH:
            return None

        async def behaviour(body: bytes, context: grpc.aio.ServicerContext) -> bytes:
            metadata = [(m.key, m.value) for m in context.invocation_metadata() or ()]
            received = Received(path, body, metadata, context.time_remaining())
            self.owner.received.append(received)
            async with self.owner.arrivals:
                self.owner.arrivals.notify_all()
            try:
                answer = await self.owner.handler(received)
            except Abort as abort:
                await context.abort(abort.code, abort.message, trailing_metadata=abort.trailers())
                raise AssertionError("unreachable") from None
            return answer if isinstance(answer, bytes) else answer.SerializeToString()

        return grpc.unary_unary_rpc_method_handler(behaviour)


def response_of(spec: MethodSpec) -> Any:
    """``spec``'s response as the service sends it on success, with nothing set but the entity
    a create, get or update always returns (empty; of the first kind when it has kinds)."""
    response: Any = spec.response()
    if spec.result_field:
        entity = getattr(response, spec.result_field)
        kinds = entity.DESCRIPTOR.oneofs
        if kinds and len(kinds[0].fields) == len(entity.DESCRIPTOR.fields):
            getattr(entity, kinds[0].fields[0].name).SetInParent()
        else:
            entity.SetInParent()
    return response


async def plain_answer(received: Received) -> Message:
    """The called method's success response (see :func:`response_of`)."""
    response: Message = response_of(received.spec)
    return response


def timestamp(epoch: float) -> Timestamp:
    """A protobuf Timestamp for ``epoch`` seconds."""
    return Timestamp(seconds=int(epoch), nanos=int(epoch % 1 * 1e9))
