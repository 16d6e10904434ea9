"""Temporary credentials cached per (account, role, session name), refreshed ahead of expiry.

Each entry has two moments before it expires:

- advisory: one caller refreshes while everyone else keeps using the current credentials;
  if that refresh fails it is logged and the current credentials are still served;
- mandatory: every caller waits for the one shared refresh; if it fails, they get the error.

The windows shrink for short-lived credentials (at most half and a quarter of the lifetime),
so 15-minute credentials are not refreshed on every use. Credentials at or past their
expiration are never returned: :class:`ExpiredCredentialsError` is raised instead.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from aiosdm._async import SingleFlight
from aiosdm._clock import Clock, utc_now
from aiosdm.aws._aws_credentials import AwsCredentials
from aiosdm.aws._errors import ExpiredCredentialsError

__all__ = ["CacheKey", "CredentialsCache"]

_log = logging.getLogger("aiosdm.aws")

ADVISORY_WINDOW = timedelta(minutes=15)
MANDATORY_WINDOW = timedelta(minutes=10)

Fetch = Callable[[], Coroutine[Any, Any, AwsCredentials]]


class CacheKey(NamedTuple):
    account_id: str
    role: str
    session_name: str


@dataclass(frozen=True)
class _Entry:
    credentials: AwsCredentials
    advisory_at: datetime | None  # None: long-lived, never refreshed
    mandatory_at: datetime | None


class CredentialsCache:
    """See the module docstring.

    Args:
        advisory_window: refresh opportunistically this long before expiry.
        mandatory_window: refresh before use this long before expiry.
        clock: wall clock, injectable for tests.
    """

    def __init__(
        self,
        *,
        advisory_window: timedelta = ADVISORY_WINDOW,
        mandatory_window: timedelta = MANDATORY_WINDOW,
        clock: Clock = utc_now,
    ) -> None:
        if not timedelta(0) < mandatory_window <= advisory_window:
            raise ValueError("need 0 < mandatory_window <= advisory_window")
        self.advisory_window = advisory_window
        self.mandatory_window = mandatory_window
        self.clock = clock
        self._entries: dict[CacheKey, _Entry] = {}
        self._flight: SingleFlight[CacheKey, AwsCredentials] = SingleFlight()

    def __repr__(self) -> str:
        return f"CredentialsCache(entries={len(self._entries)})"

    async def get(self, key: CacheKey, fetch: Fetch) -> AwsCredentials:
        """Cached credentials for ``key``, calling ``fetch()`` when they need refreshing.

        Raises:
            ExpiredCredentialsError: ``fetch()`` returned credentials already expired.
            Exception: whatever ``fetch()`` raised, when no usable credentials remain.
        """
        entry = self._entries.get(key)
        now = self.clock()
        if entry is not None and (entry.advisory_at is None or now < entry.advisory_at):
            return entry.credentials
        if entry is not None and entry.mandatory_at is not None and now < entry.mandatory_at:
            if self._flight.in_flight(key):
                return entry.credentials  # someone is already refreshing: do not wait
            try:
                return await self._refresh(key, fetch)
            except Exception as exc:
                _log.warning("advisory refresh of %s failed, using current: %s", key, exc)
                return self._unexpired(entry.credentials)
        return await self._refresh(key, fetch)

    def invalidate(self, key: CacheKey) -> None:
        """Forget ``key``: the next ``get()`` fetches."""
        self._entries.pop(key, None)

    async def aclose(self) -> None:
        """Cancel refreshes in flight."""
        await self._flight.aclose()

    async def _refresh(self, key: CacheKey, fetch: Fetch) -> AwsCredentials:
        async def fetch_and_store() -> AwsCredentials:
            credentials = self._unexpired(await fetch())
            self._entries[key] = self._entry(credentials)
            return credentials

        return self._unexpired(await self._flight.run(key, fetch_and_store))

    def _entry(self, credentials: AwsCredentials) -> _Entry:
        if credentials.expiration is None:
            return _Entry(credentials, None, None)
        lifetime = credentials.expiration - self.clock()
        advisory = min(self.advisory_window, lifetime / 2)
        mandatory = min(self.mandatory_window, lifetime / 4)
        return _Entry(
            credentials, credentials.expiration - advisory, credentials.expiration - mandatory
        )

    def _unexpired(self, credentials: AwsCredentials) -> AwsCredentials:
        if credentials.expired(self.clock()):
            raise ExpiredCredentialsError(
                f"credentials {credentials.access_key_id} expired at {credentials.expiration}"
            )
        return credentials
