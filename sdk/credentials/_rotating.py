"""The engine behind every rotating source: schedule, on-demand refresh, single flight.

A subclass only says how to fetch (``_fetch``). This class decides when:

- ``get()`` returns the current value; the first call fetches, and concurrent callers share
  that one fetch.
- A value that announces its expiry is refreshed as the :class:`RefreshPolicy` says: from
  its advisory moment one background fetch runs while ``get()`` keeps answering; from its
  mandatory moment ``get()`` waits for a fresh value (and raises if none can be had).
- A background task fetches again on a schedule (interval + jitter, moved by the secret's
  rotation hints and by the policy's moments). A failed scheduled fetch keeps the current
  value, logs, and retries with back-off.
- ``refresh()`` forces a fetch when the service rejected the current key. Concurrent
  demands share one fetch. Demands arriving shortly (``coalesce_window``) after a fetch
  that *changed* the value reuse it: they come from calls signed with the value it
  replaced, still in flight when it landed. Beyond that, forced fetches are rate-limited
  by a token bucket.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from types import TracebackType
from typing import Generic, Self, TypedDict, TypeVar

from aiosdm._async import SingleFlight
from aiosdm._clock import Clock, utc_now
from aiosdm._refresh_policy import RefreshMoments, RefreshPolicy
from aiosdm.credentials._errors import CredentialsError, CredentialsRefreshError
from aiosdm.credentials._schedule import next_refresh_delay, retry_delay
from aiosdm.credentials._secret_document import RotationHints
from aiosdm.credentials._token_bucket import TokenBucket

__all__ = ["Fetched", "RotatingSource", "Schedule"]

_log = logging.getLogger("aiosdm.credentials")

T = TypeVar("T")

DEFAULT_INTERVAL = timedelta(hours=6)
DEFAULT_JITTER = timedelta(minutes=10)
DEFAULT_COALESCE = timedelta(seconds=5)


class Schedule(TypedDict, total=False):
    """The keywords every rotating source takes for when it fetches (see :class:`RotatingSource`).

    Sources take them as ``**schedule`` and hand them on, so the defaults live in one place.
    """

    refresh_interval: timedelta
    jitter: timedelta
    forced_refresh_limit: TokenBucket | None
    coalesce_window: timedelta
    refresh_policy: RefreshPolicy | None
    clock: Clock


@dataclass(frozen=True)
class Fetched(Generic[T]):
    """One fetched value and what the source said about its lifetime."""

    value: T
    hints: RotationHints = field(default_factory=RotationHints)


class RotatingSource(ABC, Generic[T]):
    """A value fetched from a remote source and kept fresh. See the module docstring.

    Args:
        name: how logs and errors name this source (never a secret).
        refresh_interval: time between scheduled fetches.
        jitter: up to this much is added to each interval.
        forced_refresh_limit: token bucket for ``refresh()``; default 5 tokens, +1 per 10 min.
        coalesce_window: ``refresh()`` within this time after a fetch that changed the
            value reuses it.
        refresh_policy: when a value that announces its expiry is refreshed (default: 15
            and 10 minutes before, at most half and a quarter of its lifetime).
        clock: wall clock (for rotation and expiry hints).
        monotonic: clock for the coalescing window.
    """

    def __init__(
        self,
        *,
        name: str,
        refresh_interval: timedelta = DEFAULT_INTERVAL,
        jitter: timedelta = DEFAULT_JITTER,
        forced_refresh_limit: TokenBucket | None = None,
        coalesce_window: timedelta = DEFAULT_COALESCE,
        refresh_policy: RefreshPolicy | None = None,
        clock: Clock = utc_now,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        if refresh_interval <= timedelta(0):
            raise ValueError("refresh_interval must be positive")
        self._name = name
        self._interval = refresh_interval
        self._jitter = jitter
        self._bucket = forced_refresh_limit or TokenBucket(5, 600.0, monotonic=monotonic)
        self._coalesce = coalesce_window.total_seconds()
        self._policy = refresh_policy or RefreshPolicy()
        self._clock = clock
        self._monotonic = monotonic
        self._current: Fetched[T] | None = None
        self._changed_at = float("-inf")
        self._fetched_wall = datetime.min.replace(tzinfo=UTC)
        self._fetches = 0
        self._flight: SingleFlight[str, Fetched[T]] = SingleFlight()
        self._scheduler: asyncio.Task[None] | None = None
        self._fetched_event = asyncio.Event()
        self._advisory: asyncio.Task[None] | None = None
        self._closed = False

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self._name!r})"

    @property
    def fetch_count(self) -> int:
        """Successful fetches so far (the first one included)."""
        return self._fetches

    @abstractmethod
    async def _fetch(self) -> Fetched[T]:
        """Fetch the current value from the source."""

    async def get(self) -> T:
        """The current value, fetching it first if there is none or it has expired.

        Raises:
            CredentialsError: there is no usable value and fetching failed.
        """
        current = self._current
        due = self._due(current) if current is not None else None
        if current is None or (due is not None and self._clock() >= due.mandatory_at):
            current = await self._fetch_shared()
        elif due is not None and self._clock() >= due.advisory_at:
            self._refresh_in_background()
        self._ensure_scheduler()
        return current.value

    async def refresh(self) -> T:
        """Fetch again now because the current value was rejected (see module docstring).

        Raises:
            CredentialsError: the forced fetch failed.
        """
        current = self._current
        if current is not None and not self._flight.in_flight("fetch"):
            if self._monotonic() - self._changed_at < self._coalesce:
                return current.value
            if not self._bucket.try_take():
                _log.warning("%s: forced refresh rate-limited; keeping current value", self._name)
                return current.value
        return (await self._fetch_shared()).value

    async def start(self) -> None:
        """Fetch the first value and start the refresh schedule."""
        await self.get()

    async def close(self) -> None:
        """Stop the schedule and any fetch in flight. Idempotent."""
        self._closed = True
        for task in (self._scheduler, self._advisory):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        self._scheduler = self._advisory = None
        await self._flight.aclose()

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    def _due(self, fetched: Fetched[T]) -> RefreshMoments | None:
        """When the current value is due for refreshing; None if it announced no expiry."""
        expires_at = fetched.hints.expires_at
        # A value that was already past its announced expiry when fetched is the best the
        # source has: fetching again on every get() would only hammer it.
        if expires_at is None or expires_at <= self._fetched_wall:
            return None
        return self._policy.moments(self._fetched_wall, expires_at)

    def _refresh_in_background(self) -> None:
        """The advisory refresh: one fetch, whose failure is logged, never raised."""
        if self._closed or self._flight.in_flight("fetch"):
            return
        if self._advisory is not None and not self._advisory.done():
            return

        async def advisory() -> None:
            try:
                await self._fetch_shared()
            except Exception as exc:
                _log.warning(
                    "%s: advisory refresh failed, keeping the current value: %s", self._name, exc
                )

        self._advisory = asyncio.get_running_loop().create_task(
            advisory(), name=f"aiosdm advisory refresh {self._name}"
        )

    async def _fetch_shared(self) -> Fetched[T]:
        return await self._flight.run("fetch", self._fetch_and_store)

    async def _fetch_and_store(self) -> Fetched[T]:
        try:
            fetched = await self._fetch()
        except CredentialsError:
            raise
        except Exception as exc:
            raise CredentialsRefreshError(
                f"{self._name}: fetch failed: {type(exc).__name__}: {exc}"
            ) from exc
        previous, self._current = self._current, fetched
        self._fetched_wall = self._clock()
        expires_at = fetched.hints.expires_at
        if expires_at is not None and expires_at <= self._fetched_wall:
            _log.warning("%s: the fetched value announces it expired at %s", self._name, expires_at)
        if previous is not None and previous.value != fetched.value:
            self._changed_at = self._monotonic()
        self._fetches += 1
        self._fetched_event.set()  # the scheduler re-plans from the new hints
        _log.info("%s: fetched a fresh value", self._name)
        return fetched

    def _ensure_scheduler(self) -> None:
        if self._scheduler is None and not self._closed:
            self._scheduler = asyncio.get_running_loop().create_task(
                self._run_schedule(), name=f"aiosdm refresh {self._name}"
            )

    async def _run_schedule(self) -> None:
        failures = 0
        while True:
            if failures:
                delay = retry_delay(failures, self._interval)
            else:
                current = self._current
                delay = next_refresh_delay(
                    now=self._clock(),
                    interval=self._interval,
                    jitter=self._jitter,
                    hints=current.hints if current else RotationHints(),
                    due=self._due(current) if current else None,
                )
            self._fetched_event.clear()
            try:
                async with asyncio.timeout(delay.total_seconds()):
                    await self._fetched_event.wait()
            except TimeoutError:
                pass
            else:
                failures = 0  # someone else fetched: plan again from that
                continue
            try:
                await self._fetch_shared()
            except Exception as exc:  # keep serving the current value
                failures += 1
                _log.warning(
                    "%s: scheduled refresh failed (%d in a row), keeping the current value: %s",
                    self._name,
                    failures,
                    exc,
                )
            else:
                failures = 0
