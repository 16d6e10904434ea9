"""Signing: serialize the request once per attempt and sign exactly those bytes."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

from aiosdm import _signing
from aiosdm._clock import Clock, utc_now
from aiosdm._credentials import Credentials, CredentialsProvider
from aiosdm.interceptors._chain import Call, Handler, Interceptor, Outbound, signed

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

    The day's signer of the current credentials is kept, and made again only when the day or
    the credentials change (a rotated key pair replaces it: no old secret is kept).
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
        self._kept: tuple[Credentials, datetime, datetime, _signing.Signer] | None = None

    def intercept(self, next: Handler) -> Handler:
        return _SigningOutbound(next, self)

    def signer(self, credentials: Credentials) -> _signing.Signer:
        """The signer of ``credentials`` for the current UTC day."""
        now = self.clock()
        if now.tzinfo is None:  # a naive time is local, as astimezone reads it
            now = now.astimezone(UTC)
        kept = self._kept
        # Within the day's UTC midnights, comparisons say the day's signer still holds.
        if kept is not None and kept[0] is credentials and kept[1] <= now < kept[2]:
            return kept[3]
        day = now.astimezone(UTC).date()
        start = datetime.combine(day, time(), UTC)
        signer = _signing.Signer(_signing.day_key(credentials.secret_bytes, day))
        self._kept = (credentials, start, start + timedelta(days=1), signer)
        return signer


class _SigningOutbound(Outbound):
    def __init__(self, next: Handler, config: SigningInterceptor) -> None:
        super().__init__(next)
        self._config = config

    async def unary(self, call: Call) -> Any:
        config = self._config
        credentials = await config.credentials.get()
        body = call.request.SerializeToString()
        signer = config.signer(credentials)
        # Keep what outer links added; an ``x-sdm-*`` header of ours set there would be
        # sent twice and could disagree with the signature, so ours replace it.
        kept = tuple((k, v) for k, v in call.metadata if k not in _HEADERS) if call.metadata else ()
        metadata = (
            *kept,
            ("x-sdm-authentication", credentials.access_key),
            ("x-sdm-signature", signer.sign(call.method.signing_name, body)),
            ("x-sdm-api-version", _signing.API_VERSION),
            ("x-sdm-user-agent", config.user_agent),
        )
        return await self.next.unary(signed(call, metadata, body))
