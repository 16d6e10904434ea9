"""Client-side pacing from the service's rate-limit metadata.

The service reports ``RateLimitMetadata{limit, remaining, reset_at, bucket}`` on
answers and on RESOURCE_EXHAUSTED rejections: ``remaining`` goes back to
``limit`` at ``reset_at``. Once a bucket is seen exhausted, calls to the wire
paths that use it wait in a FIFO queue and are let through only while the
client believes the service has quota left: at most ``remaining`` (less the
calls still in flight) until ``reset_at``, then ``limit`` again. Every answer
corrects that belief. Nobody is woken just to be rejected again, so a burst of
callers is spread over the windows instead of retrying in lockstep.

When the service says nothing on successful answers, the end of a window is
found by letting one call through at a time (a probe) until one is rejected,
and its ``reset_at`` tells when to go on.

Each window that makes calls wait is logged once at INFO on ``aiosdm.pacing``
(the bucket and how long). Waiting calls belong to one event loop: when the
pacer is used from another loop it starts afresh.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable
from typing import Any

__all__ = ["Permit", "Quota", "QuotaExhausted", "RateLimitPacer"]

log = logging.getLogger("aiosdm.pacing")

# Two reset times closer than this name the same window.
_SAME_WINDOW = 0.001


def random_fraction() -> float:
    """``random.random()``: the default jitter source, importing ``random`` on first use
    (a millisecond of every client's start, and most clients never wait)."""
    import random

    return random.random()


# The classes here are plain: a dataclass costs most of a millisecond at import.


class Quota:
    """Rate-limit metadata as the pacer needs it (``reset_at`` in epoch seconds)."""

    __slots__ = ("bucket", "limit", "remaining", "reset_at")

    def __init__(self, limit: int, remaining: int, reset_at: float | None, bucket: str) -> None:
        self.limit = limit
        self.remaining = remaining
        self.reset_at = reset_at
        self.bucket = bucket

    def __repr__(self) -> str:
        return (
            f"Quota(limit={self.limit}, remaining={self.remaining}, "
            f"reset_at={self.reset_at}, bucket={self.bucket!r})"
        )

    @classmethod
    def from_message(cls, rate_limit: Any) -> Quota | None:
        """From a ``RateLimitMetadata`` message; None when it carries no limit."""
        if rate_limit is None or rate_limit.limit <= 0:
            return None
        reset = rate_limit.reset_at
        reset_at = reset.seconds + reset.nanos / 1e9 if (reset.seconds or reset.nanos) else None
        return cls(rate_limit.limit, rate_limit.remaining, reset_at, rate_limit.bucket)

    @classmethod
    def from_model(cls, rate_limit: Any) -> Quota | None:
        """From the ``RateLimitMetadata`` model of a RateLimitError."""
        if rate_limit is None or rate_limit.limit <= 0:
            return None
        reset_at = rate_limit.reset_at.timestamp() if rate_limit.reset_at else None
        return cls(rate_limit.limit, rate_limit.remaining, reset_at, rate_limit.bucket)


class QuotaExhausted(TimeoutError):
    """The bucket's quota comes back only after the call's deadline."""

    def __init__(self, bucket: str, limit: int, reset_at: float) -> None:
        super().__init__(f"rate limit of bucket {bucket!r} resets after the deadline")
        self.bucket = bucket
        self.limit = limit
        self.reset_at = reset_at  # epoch seconds


class _Bucket:
    __slots__ = (
        "announced",
        "in_flight",
        "limit",
        "name",
        "probing",
        "remaining",
        "reset_at",
        "timer",
        "timer_at",
        "waiters",
    )

    def __init__(self, name: str, limit: int) -> None:
        self.name = name
        self.limit = limit
        self.remaining = 0  # calls the client may still start before `reset_at`
        self.reset_at: float | None = None  # epoch seconds at which the service restores `limit`
        self.in_flight = 0
        self.probing = False
        self.waiters: deque[asyncio.Future[Permit]] = deque()
        self.timer: asyncio.TimerHandle | None = None
        self.timer_at = 0.0
        self.announced = -1.0  # the window last logged (0.0: while probing)

    def learn(self, quota: Quota, now: float, max_wait: float) -> bool:
        """Correct the belief with an answer's metadata (``now``: epoch seconds).

        A ``reset_at`` more than ``max_wait`` away counts as ``max_wait`` away.
        Returns False when the metadata is about a window that has already ended.
        """
        self.limit = quota.limit
        reset_at = quota.reset_at
        if reset_at is None or reset_at <= now:
            return False
        reset_at = min(reset_at, now + max_wait)
        # Calls still in flight may not be counted by the service yet: assume not.
        others = max(0, self.in_flight)
        if self.reset_at is None or reset_at > self.reset_at + _SAME_WINDOW:
            # A later window than we knew: the service's count is the news.
            self.reset_at = reset_at
            self.remaining = max(0, quota.remaining - others)
            return True
        if reset_at >= self.reset_at - _SAME_WINDOW:
            self.remaining = max(0, min(self.remaining, quota.remaining - others))
            return True
        return False


class Permit:
    """Leave to send one attempt through a paced bucket."""

    __slots__ = ("bucket", "done", "probe")

    def __init__(self, bucket: _Bucket, probe: bool = False) -> None:
        self.bucket = bucket
        self.probe = probe
        self.done = False


class RateLimitPacer:
    """Per-bucket FIFO gates, shared by all calls of one client.

    Args:
        guard: seconds added after ``reset_at`` before a window is used, against
            clock differences between service and client.
        jitter: up to this many more seconds, at random, so that clients sharing a
            bucket do not all start at the same instant.
        max_wait: a ``reset_at`` further away than this is treated as this far.
        rng: source of jitter (``random.random``).
    """

    def __init__(
        self,
        *,
        guard: float = 0.005,
        jitter: float = 0.02,
        max_wait: float = 120.0,
        rng: Callable[[], float] = random_fraction,
    ) -> None:
        self.guard = guard
        self.jitter = jitter
        self.max_wait = max_wait
        self._rng = rng
        self._bucket_of: dict[str, str] = {}
        self._buckets: dict[str, _Bucket] = {}
        self._loop: asyncio.AbstractEventLoop | None = None

    def __repr__(self) -> str:
        return f"RateLimitPacer(buckets={sorted(self._buckets)})"

    def paces(self, path: str) -> bool:
        """Whether :meth:`acquire` has anything to do for ``path``: a bucket it uses was seen
        exhausted and is not back to normal yet (or the event loop is new to the pacer)."""
        if self._loop is not asyncio.get_running_loop():
            return True  # acquire() takes up the new loop (and drops another loop's waits)
        return self._bucket_for(path) is not None

    async def acquire(self, path: str, deadline: float | None) -> Permit | None:
        """Wait for leave to send a call on ``path``; None when ``path`` is not paced.

        Args:
            path: the wire path.
            deadline: ``time.monotonic()`` instant to give up at, or None.

        Raises:
            QuotaExhausted: the quota returns only after ``deadline``.
            TimeoutError: the deadline passed while waiting.
        """
        loop = asyncio.get_running_loop()
        if loop is not self._loop:
            if self._loop is not None:
                # Timers and waiters of another loop can never fire here: start afresh.
                self._buckets.clear()
            self._loop = loop
        bucket = self._bucket_for(path)
        if bucket is None:
            return None
        self._restore(bucket)
        if not bucket.waiters and bucket.remaining > 0:
            return self._grant(bucket)
        if deadline is not None and bucket.reset_at is not None and bucket.remaining <= 0:
            left = deadline - time.monotonic()
            if bucket.reset_at - time.time() + self.guard >= left:
                raise QuotaExhausted(bucket.name, bucket.limit, bucket.reset_at)
        self._announce(bucket)
        future: asyncio.Future[Permit] = loop.create_future()
        bucket.waiters.append(future)
        self._pump(bucket)
        try:
            if deadline is None:
                return await future
            async with asyncio.timeout(deadline - time.monotonic()):
                return await future
        except BaseException:
            if future.done() and not future.cancelled():
                self.unused(future.result())
            else:
                future.cancel()
            raise

    def _announce(self, bucket: _Bucket) -> None:
        window = bucket.reset_at if bucket.reset_at is not None else 0.0
        if window == bucket.announced:
            return
        bucket.announced = window
        if bucket.reset_at is None:
            log.info(
                "rate limit on bucket %r: calls go one at a time until one is accepted",
                bucket.name,
            )
        else:
            log.info(
                "rate limit on bucket %r: calls wait %.2fs for its reset",
                bucket.name,
                max(0.0, bucket.reset_at - time.time() + self.guard),
            )

    def unused(self, permit: Permit | None) -> None:
        """Give back a permit whose attempt was never sent."""
        if permit is None or permit.done:
            return
        permit.bucket.remaining += 1
        self._finish(permit)

    def rejected(self, permit: Permit | None, path: str, quota: Quota | None) -> float | None:
        """Record a RESOURCE_EXHAUSTED answer: the bucket is empty until ``reset_at``.

        Returns:
            Seconds the next :meth:`acquire` on ``path`` may wait, or None when the
            call is not paced (no usable metadata) and should back off instead.
        """
        if quota is None or quota.reset_at is None:
            self._finish(permit)
            return None
        name = quota.bucket or f"path:{path}"
        self._bucket_of[path] = name
        bucket = self._buckets.get(name)
        if bucket is None:
            bucket = self._buckets[name] = _Bucket(name, quota.limit)
        self._finish(permit, pump=False)
        exhausted = Quota(quota.limit, 0, quota.reset_at, quota.bucket)
        current = bucket.learn(exhausted, time.time(), self.max_wait)
        self._pump(bucket)
        if not current or self._buckets.get(name) is not bucket:
            return None  # news about a window that already ended: back off instead
        if bucket.reset_at is not None and bucket.remaining <= 0:
            return max(0.0, bucket.reset_at - time.time())
        return 0.0

    def answered(self, permit: Permit | None, path: str, quota: Quota | None) -> None:
        """Record a successful answer and its rate-limit metadata, if any."""
        if quota is not None:
            name = quota.bucket or f"path:{path}"
            self._bucket_of[path] = name
            bucket = self._buckets.get(name)
            if bucket is None and quota.remaining <= 0 and quota.reset_at is not None:
                # Exhausted without a rejection yet: pace before the first one.
                bucket = self._buckets[name] = _Bucket(name, quota.limit)
            self._finish(permit, pump=False)
            if bucket is not None:
                bucket.learn(quota, time.time(), self.max_wait)
                self._pump(bucket)
            return
        if permit is not None and permit.probe and permit.bucket.reset_at is None:
            # A probe got through and the service said nothing: a fresh window began.
            permit.bucket.remaining = max(permit.bucket.remaining, permit.bucket.limit - 1)
        self._finish(permit)

    def failed(self, permit: Permit | None) -> None:
        """Record an attempt that ended without rate-limit information."""
        self._finish(permit)

    def _grant(self, bucket: _Bucket, *, probe: bool = False) -> Permit:
        if probe:
            bucket.probing = True
        else:
            bucket.remaining -= 1
        bucket.in_flight += 1
        return Permit(bucket, probe=probe)

    def _finish(self, permit: Permit | None, *, pump: bool = True) -> None:
        if permit is None or permit.done:
            return
        permit.done = True
        bucket = permit.bucket
        bucket.in_flight -= 1
        if permit.probe:
            bucket.probing = False
        if pump:
            self._pump(bucket)

    def _bucket_for(self, path: str) -> _Bucket | None:
        name = self._bucket_of.get(path)
        return None if name is None else self._buckets.get(name)

    def _restore(self, bucket: _Bucket) -> None:
        reset_at = bucket.reset_at
        if reset_at is not None and time.time() >= reset_at + self.guard:
            # Calls still in flight may land in the new window: keep room for them.
            bucket.remaining = max(0, bucket.limit - bucket.in_flight)
            bucket.reset_at = None

    def _pump(self, bucket: _Bucket) -> None:
        """Hand out what the bucket allows, then arrange for the next hand-out."""
        self._restore(bucket)
        waiters = bucket.waiters
        while waiters and bucket.remaining > 0:
            future = waiters.popleft()
            if not future.done():
                future.set_result(self._grant(bucket))
        while waiters and waiters[0].done():
            waiters.popleft()
        if not waiters:
            idle = bucket.reset_at is None and bucket.in_flight <= 0
            if idle and self._buckets.get(bucket.name) is bucket:
                del self._buckets[bucket.name]  # back to normal: stop pacing
            return
        if bucket.reset_at is not None:
            wait = bucket.reset_at - time.time() + self.guard
            self._wake_in(bucket, wait + self.jitter * self._rng())
        elif not bucket.probing and bucket.in_flight <= 0:
            # When the window ends is unknown: one call at a time finds out.
            waiters.popleft().set_result(self._grant(bucket, probe=True))

    def _wake_in(self, bucket: _Bucket, delay: float) -> None:
        when = time.monotonic() + max(0.0, delay)
        if bucket.timer is not None and bucket.timer_at <= when:
            return
        if bucket.timer is not None:
            bucket.timer.cancel()
        bucket.timer_at = when
        bucket.timer = asyncio.get_running_loop().call_later(
            max(0.0, delay), self._on_timer, bucket
        )

    def _on_timer(self, bucket: _Bucket) -> None:
        bucket.timer = None
        self._pump(bucket)
