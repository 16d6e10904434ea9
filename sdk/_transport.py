"""The bottom of the call chain: one ``grpc.aio`` channel moving raw bytes.

Multicallables are made without serializers, so the bytes that signing produced
are exactly the bytes on the wire, and gRPC failures become typed errors here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import grpc
from google.protobuf.message import DecodeError

from aiosdm import errors
from aiosdm._status import StatusCode
from aiosdm.interceptors._chain import Call

__all__ = ["Transport"]


class Transport:
    """Sends calls over one channel to ``host`` (TLS unless ``insecure``).

    The channel is opened on the first call, so a client can be built outside a
    running event loop.
    """

    def __init__(
        self,
        host: str,
        *,
        insecure: bool = False,
        options: Sequence[tuple[str, Any]] = (),
        root_certificates: bytes | None = None,
    ) -> None:
        self.host = host
        self.insecure = insecure
        self._options = tuple(options)
        self._root_certificates = root_certificates
        self._channel: grpc.aio.Channel | None = None
        self._callables: dict[str, Any] = {}
        self._closed = False

    def __repr__(self) -> str:
        return f"Transport(host={self.host!r}, insecure={self.insecure})"

    def _open(self) -> grpc.aio.Channel:
        if self._closed:
            raise RuntimeError("the client is closed")
        if self._channel is None:
            if self.insecure:
                self._channel = grpc.aio.insecure_channel(self.host, options=self._options)
            else:
                tls = grpc.ssl_channel_credentials(root_certificates=self._root_certificates)
                self._channel = grpc.aio.secure_channel(self.host, tls, options=self._options)
        return self._channel

    def _callable(self, path: str) -> Any:
        multicallable = self._callables.get(path)
        if multicallable is None:
            # No serializers: requests go out as the signed bytes, responses come as bytes.
            multicallable = self._open().unary_unary(path)
            self._callables[path] = multicallable
        return multicallable

    async def unary(self, call: Call) -> Any:
        """Send ``call.body`` (or the serialized request) and parse the response."""
        multicallable = self._callable(call.method.path)
        body = call.body if call.body is not None else call.request.SerializeToString()
        timeout = call.time_left()
        if timeout is not None and timeout <= 0:
            raise errors.TimeoutError()
        try:
            raw = await multicallable(body, metadata=call.metadata, timeout=timeout)
        except grpc.aio.AioRpcError as exc:
            code = StatusCode.of(exc.code())
            raise errors.error_from_status(
                StatusCode.UNKNOWN if code is None else code,
                exc.details() or "",
                exc.trailing_metadata(),
            ) from exc
        try:
            return call.method.response.FromString(raw)
        except DecodeError as exc:
            raise errors.UnknownError(f"unreadable {call.method.signing_name} response") from exc

    async def close(self) -> None:
        """Close the channel, ending calls in flight. Safe to call more than once."""
        self._closed = True
        channel, self._channel = self._channel, None
        self._callables.clear()
        if channel is not None:
            await channel.close()
