"""Raw signed calls: any method, any request message, no SDK in between."""

from __future__ import annotations

from typing import Any

import grpc
import grpc.aio
from google.protobuf.message import Message

from aiosdm import _signing
from aiosdm._async import ClosesOnExit
from aiosdm._generated.services import SERVICES
from aiosdm._specs import MethodSpec

__all__ = ["WireClient"]


def _spec(signing_name: str) -> MethodSpec[Any, Any]:
    service, _, method = signing_name.partition(".")
    try:
        return SERVICES[service][method]
    except KeyError:
        raise ValueError(f"unknown method {signing_name!r}") from None


class WireClient(ClosesOnExit):
    """Signed unary calls over a plaintext channel, for wire-level tests.

    Example::

        async with WireClient(server.host, server.access_key, server.secret_key) as wire:
            reply = await wire.call("Accounts.List", AccountListRequest(meta=...))

    Errors surface as ``grpc.aio.AioRpcError`` with the server's trailers intact.
    """

    def __init__(self, host: str, access_key: str, secret_key: str) -> None:
        self._host = host
        self._access_key = access_key.strip()
        self._secret = _signing.decode_secret(secret_key)
        self._channel: grpc.aio.Channel | None = None

    def __repr__(self) -> str:
        return f"WireClient(host={self._host!r}, access_key={self._access_key!r})"

    def metadata(self, signing_name: str, body: bytes) -> tuple[tuple[str, str], ...]:
        """The four signing headers for ``body`` sent as ``signing_name``."""
        key = _signing.derive_key(self._secret, _signing.utc_day())
        return (
            ("x-sdm-authentication", self._access_key),
            ("x-sdm-signature", _signing.sign(key, signing_name, body)),
            ("x-sdm-api-version", _signing.API_VERSION),
            ("x-sdm-user-agent", _signing.USER_AGENT),
        )

    async def call(self, signing_name: str, request: Message) -> Any:
        """Send ``request`` to the method ``signing_name`` (``"Accounts.Create"``)."""
        spec = _spec(signing_name)
        body = request.SerializeToString()
        raw = await self.call_bytes(signing_name, body, metadata=self.metadata(signing_name, body))
        return spec.response.FromString(raw)

    async def call_bytes(
        self,
        signing_name: str,
        body: bytes,
        *,
        metadata: tuple[tuple[str, str], ...] = (),
    ) -> bytes:
        """Send exactly ``body`` with exactly ``metadata``; returns the raw reply."""
        if self._channel is None:
            self._channel = grpc.aio.insecure_channel(self._host)
        multicallable = self._channel.unary_unary(_spec(signing_name).path)
        reply: bytes = await multicallable(body, metadata=metadata)
        return reply

    async def close(self) -> None:
        """Close the channel. Safe to call more than once."""
        channel, self._channel = self._channel, None
        if channel is not None:
            await channel.close()
