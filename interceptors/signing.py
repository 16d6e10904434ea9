"""Signing: serialize the request once per attempt and sign exactly those bytes."""

from __future__ import annotations

import dataclasses
from typing import Any

from aiosdm import _signing
from aiosdm._clock import Clock, utc_now
from aiosdm.credentials import CredentialsProvider
from aiosdm.interceptors._chain import Call, Handler, Interceptor, Outbound

__all__ = ["SigningInterceptor"]

_HEADERS = frozenset(
    {"x-sdm-authentication", "x-sdm-signature", "x-sdm-api-version", "x-sdm-user-agent"}
)


class SigningInterceptor(Interceptor):
    """Adds the four ``x-sdm-*`` headers, asking the provider for keys on every attempt.

    Metadata set further up the chain (e.g. by a user's interceptor) is kept and sent
    ahead of the signing headers; only entries named like those headers are replaced.

    Args:
        credentials: where the API key pair comes from; asked on every attempt so a
            rotated key is used from the next attempt on.
        user_agent: sent as ``x-sdm-user-agent``.
        clock: the current UTC time, read on every attempt: the signing key is the UTC
            day's, so a long-running client moves to the next key at midnight.
    """

    def __init__(
        self,
        credentials: CredentialsProvider,
        *,
        user_agent: str = _signing.USER_AGENT,
        clock: Clock = utc_now,
    ) -> None:
        self.credentials = credentials
        self.user_agent = user_agent
        self.clock = clock

    def intercept(self, next: Handler) -> Handler:
        return _SigningOutbound(next, self)


class _SigningOutbound(Outbound):
    def __init__(self, next: Handler, config: SigningInterceptor) -> None:
        super().__init__(next)
        self._config = config

    async def unary(self, call: Call) -> Any:
        credentials = await self._config.credentials.get()
        body = call.request.SerializeToString()
        key = _signing.derive_key(credentials.secret_bytes, _signing.utc_day(self._config.clock()))
        # Keep what outer links added; an ``x-sdm-*`` header of ours set there would be
        # sent twice and could disagree with the signature, so ours replace it.
        kept = tuple((k, v) for k, v in call.metadata if k not in _HEADERS)
        metadata = (
            *kept,
            ("x-sdm-authentication", credentials.access_key),
            ("x-sdm-signature", _signing.sign(key, call.method.signing_name, body)),
            ("x-sdm-api-version", _signing.API_VERSION),
            ("x-sdm-user-agent", self._config.user_agent),
        )
        return await self.next.unary(dataclasses.replace(call, metadata=metadata, body=body))
