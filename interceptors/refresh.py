"""Credential refresh: when the service rejects the key, refresh it once and try again.

Concurrent calls that fail together share one ``provider.refresh()``; a call that
failed with a key older than the latest refresh simply retries with the new key.
Retrying is safe even for writes: a request that fails authentication is never
processed. Each refresh is logged at WARNING on ``aiosdm.credentials`` (never a key).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from aiosdm import errors
from aiosdm._async import SingleFlight
from aiosdm._credentials import CredentialsProvider
from aiosdm._status import StatusCode, is_unauthenticated
from aiosdm.interceptors._chain import (
    Call,
    CallEvent,
    Handler,
    Interceptor,
    Outbound,
    next_attempt,
)

__all__ = ["CredentialRefreshInterceptor", "is_expired"]

log = logging.getLogger("aiosdm.credentials")


#: The default test for "the key is no good any more" (UNAUTHENTICATED): the same
#: predicate as :func:`aiosdm.credentials.is_unauthenticated`, under this package's name.
is_expired = is_unauthenticated


class CredentialRefreshInterceptor(Interceptor):
    """Refreshes credentials once per call when ``expired(error)`` says so.

    Args:
        credentials: the provider the signing interceptor asks for keys.
        expired: which errors mean the credentials should be refreshed.
    """

    def __init__(
        self,
        credentials: CredentialsProvider,
        *,
        expired: Callable[[errors.RPCError], bool] = is_expired,
    ) -> None:
        self.credentials = credentials
        self.expired = expired
        self._generation = 0
        # Keyed by the generation being replaced: callers that saw the same key share one.
        self._flight: SingleFlight[int, None] = SingleFlight()

    def __repr__(self) -> str:
        return f"CredentialRefreshInterceptor(refreshes={self._generation})"

    def intercept(self, next: Handler) -> Handler:
        return _RefreshOutbound(next, self)

    async def refresh(self, seen_generation: int, reason: str = "") -> None:
        """Refresh unless that happened since ``seen_generation``; one refresh at a time.

        ``reason`` (the rejected call) goes into the log line.
        """
        if self._generation != seen_generation:
            return
        await self._flight.run(seen_generation, lambda: self._refresh(reason))

    async def _refresh(self, reason: str) -> None:
        log.warning("credentials rejected%s: refreshing them", f" ({reason})" if reason else "")
        try:
            await self.credentials.refresh()
        except Exception as exc:
            # The type only: a provider's message could quote what it read.
            log.warning("credential refresh failed: %s", type(exc).__name__)
            raise
        self._generation += 1


class _RefreshOutbound(Outbound):
    def __init__(self, next: Handler, config: CredentialRefreshInterceptor) -> None:
        super().__init__(next)
        self._config = config

    async def unary(self, call: Call) -> Any:
        config = self._config
        generation = config._generation
        try:
            return await self.next.unary(call)
        except errors.RPCError as error:
            if not config.expired(error):
                raise
            reason = f"{call.method.signing_name}: {error.msg}"
            try:
                await config.refresh(generation, reason)
            except Exception as exc:
                raise error from exc  # the original rejection says more than the refresh failure
            code = StatusCode.of(error.code)
            call.events.append(
                CallEvent("credentials_refresh", {"code": code.name if code else str(error.code)})
            )
        return await self.next.unary(next_attempt(call, call.attempt + 1))
