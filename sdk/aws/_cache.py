"""Temporary credentials cached per (account, role, session name), refreshed ahead of expiry.

Each entry has two moments before it expires, set by a :class:`~aiosdm.aws.RefreshPolicy`
(botocore's 15 and 10 minutes before expiry by default, or shares of the lifetime):

- advisory: one caller refreshes while everyone else keeps using the current credentials;
  if that refresh fails it is logged and the current credentials are still served;
- mandatory: every caller waits for the one shared refresh; if it fails, they get the error.

Credentials at or past their expiration are never returned: :class:`ExpiredCredentialsError`
is raised instead.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any, NamedTuple

from aiosdm._async import SingleFlight
from aiosdm._clock import Clock, utc_now
from aiosdm._refresh_policy import RefreshMoments, RefreshPolicy
from aiosdm.aws._aws_credentials import AwsCredentials
from aiosdm.aws._errors import ExpiredCredentialsError

__all__ = ["CacheKey", "CredentialsCache"]

_log = logging.getLogger("aiosdm.aws")

Fetch = Callable[[], Coroutine[Any, Any, AwsCredentials]]


class CacheKey(NamedTuple):
    account_id: str
    role: str
    session_name: str


@dataclass(frozen=True)
class _Entry:
    credentials: AwsCredentials
    moments: RefreshMoments | None  # None: long-lived, never refreshed


class CredentialsCache:
    """See the module docstring.

    Args:
        refresh_policy: when entries are refreshed (default: 15 and 10 minutes before expiry).
        clock: wall clock, injectable for tests.
    """

    def __init__(
        self, *, refresh_policy: RefreshPolicy | None = None, clock: Clock = utc_now
    ) -> None:
        self.refresh_policy = refresh_policy or RefreshPolicy()
        self.clock = clock
        self._entries: dict[CacheKey, _Entry] = {}
        self._flight: SingleFlight[CacheKey, AwsCredentials] = SingleFlight()
        # The moments of every credentials object handed out, for the sessions that ask.
        self._moments: weakref.WeakKeyDictionary[AwsCredentials, RefreshMoments] = (
            weakref.WeakKeyDictionary()
        )

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
        if entry is not None and (entry.moments is None or now < entry.moments.advisory_at):
            return entry.credentials
        if entry is not None and entry.moments is not None and now < entry.moments.mandatory_at:
            if self._flight.in_flight(key):
                return entry.credentials  # someone is already refreshing: do not wait
            try:
                return await self._refresh(key, fetch)
            except Exception as exc:
                _log.warning("advisory refresh of %s failed, using current: %s", key, exc)
                return self._unexpired(entry.credentials)
        return await self._refresh(key, fetch)

    def moments(self, credentials: AwsCredentials) -> RefreshMoments | None:
        """When ``credentials`` (as handed out by this cache) are due for refreshing; None for
        long-lived credentials. Credentials this cache never handed out get the policy's
        moments as if issued now."""
        known = self._moments.get(credentials)
        if known is not None or credentials.expiration is None:
            return known
        return self.refresh_policy.moments(self.clock(), credentials.expiration)

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
            return _Entry(credentials, None)
        moments = self.refresh_policy.moments(self.clock(), credentials.expiration)
        self._moments[credentials] = moments
        return _Entry(credentials, moments)

    def _unexpired(self, credentials: AwsCredentials) -> AwsCredentials:
        if credentials.expired(self.clock()):
            raise ExpiredCredentialsError(
                f"credentials {credentials.access_key_id} expired at {credentials.expiration}"
            )
        return credentials


def private_or_shared(
    cache: CredentialsCache | None, refresh_policy: RefreshPolicy | None, clock: Clock
) -> CredentialsCache:
    """``cache`` if given, else a private cache with ``refresh_policy``.

    Raises:
        ValueError: both were given (a shared cache brings its own policy).
    """
    if cache is None:
        return CredentialsCache(refresh_policy=refresh_policy, clock=clock)
    if refresh_policy is not None:
        raise ValueError("give cache= or refresh_policy=, not both: a cache has its own policy")
    return cache
