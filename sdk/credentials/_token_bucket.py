"""A token bucket: how often a caller may force work that costs something remote."""

from __future__ import annotations

import time
from collections.abc import Callable

__all__ = ["TokenBucket"]


class TokenBucket:
    """Holds up to ``capacity`` tokens and gains one every ``refill_every`` seconds.

    Args:
        capacity: tokens available at start and at most.
        refill_every: seconds to earn one token back.
        monotonic: the clock, injectable for tests.
    """

    def __init__(
        self,
        capacity: int = 5,
        refill_every: float = 600.0,
        *,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        if capacity < 1 or refill_every <= 0:
            raise ValueError("capacity must be >= 1 and refill_every > 0")
        self._capacity = float(capacity)
        self._refill_every = refill_every
        self._monotonic = monotonic
        self._tokens = float(capacity)
        self._updated = monotonic()

    def __repr__(self) -> str:
        return f"TokenBucket(capacity={int(self._capacity)}, refill_every={self._refill_every})"

    @property
    def tokens(self) -> float:
        """Tokens available now (fractional while refilling)."""
        self._refill()
        return self._tokens

    def try_take(self) -> bool:
        """Take one token if there is one; never waits."""
        self._refill()
        if self._tokens >= 1.0:
            self._tokens -= 1.0
            return True
        return False

    def _refill(self) -> None:
        now = self._monotonic()
        earned = (now - self._updated) / self._refill_every
        self._tokens = min(self._capacity, self._tokens + max(earned, 0.0))
        self._updated = now
