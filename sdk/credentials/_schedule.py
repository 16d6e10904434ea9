"""When a rotating source should fetch again."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta

from aiosdm._refresh_policy import RefreshMoments, RefreshPolicy
from aiosdm.credentials._secret_document import RotationHints

__all__ = ["ROTATION_GRACE", "next_refresh_delay", "retry_delay"]

#: Fetch this long after an announced rotation, so the new version is surely current.
ROTATION_GRACE = timedelta(minutes=5)
#: First wait after a failed scheduled fetch; doubles per failure up to the interval.
FIRST_RETRY = timedelta(seconds=30)


def next_refresh_delay(
    *,
    now: datetime,
    interval: timedelta,
    jitter: timedelta,
    hints: RotationHints,
    due: RefreshMoments | None = None,
    rand: Callable[[], float] = random.random,
) -> timedelta:
    """How long to wait before the next scheduled fetch.

    The interval (the secret's own ``refreshInterval`` wins over ``interval``) plus up to
    ``jitter``, so a fleet does not fetch in lockstep. A rotation announced before then moves
    the fetch to just after it; a value that expires (``due``, from the refresh policy) is
    fetched again at its advisory moment, and never after its expiry (an expiry already past
    is ignored, or the schedule would spin).
    """
    delay = (hints.refresh_interval or interval) + jitter * rand()
    if hints.next_rotation is not None and now < hints.next_rotation <= now + delay:
        delay = hints.next_rotation - now + ROTATION_GRACE
    if hints.expires_at is not None and hints.expires_at > now:  # a past expiry: no hint
        if due is None:
            due = RefreshPolicy().moments(now, hints.expires_at)
        advisory_at = due.advisory_at
        # Never past the expiry itself, even when the advisory moment has already gone by.
        target = advisory_at if advisory_at > now else now + (hints.expires_at - now) / 2
        delay = min(delay, target - now)
    return max(delay, timedelta(0))


def retry_delay(failures: int, interval: timedelta) -> timedelta:
    """Back-off after ``failures`` consecutive failed scheduled fetches (>= 1)."""
    return min(interval, FIRST_RETRY * (1 << min(failures - 1, 16)))
