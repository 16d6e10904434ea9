"""A client-wide bound on calls in flight.

Thousands of calls started at once would each do their first steps (request,
signature, gRPC call setup) in one turn of the event loop, stalling it for
hundreds of milliseconds, and would overflow what one gRPC connection carries
(calls end in CANCELLED). Calls past the limit wait their turn, first come first
served and within their deadline, before doing any of that.
"""

from __future__ import annotations

import asyncio
import time

from aiosdm import errors

__all__ = ["InFlightLimit"]


class InFlightLimit:
    """At most ``limit`` calls at a time (None: no limit), on whichever loop runs them.

    The slots belong to one event loop; used from another (a second ``asyncio.run``),
    the limit starts afresh there.
    """

    def __init__(self, limit: int | None) -> None:
        if limit is not None and limit < 1:
            raise ValueError("max_in_flight must be 1 or more, or None for no limit")
        self.limit = limit
        self._loop: asyncio.AbstractEventLoop | None = None
        self._slots: asyncio.Semaphore | None = None

    def __repr__(self) -> str:
        return f"InFlightLimit({self.limit})"

    def slot(self, deadline: float | None) -> _Slot:
        """Hold one slot for an ``async with`` block; wait for it until ``deadline``
        (monotonic) at most.

        Raises:
            aiosdm.errors.TimeoutError: the deadline passed while waiting.
        """
        return _Slot(self, deadline)

    def _semaphore(self) -> asyncio.Semaphore:
        loop = asyncio.get_running_loop()
        if self._loop is not loop or self._slots is None:
            self._loop, self._slots = loop, asyncio.Semaphore(self.limit or 1)
        return self._slots


class _Slot:
    # A plain class rather than @asynccontextmanager: it is entered on every call.
    __slots__ = ("_deadline", "_held", "_limit")

    def __init__(self, limit: InFlightLimit, deadline: float | None) -> None:
        self._limit = limit
        self._deadline = deadline
        self._held: asyncio.Semaphore | None = None

    async def __aenter__(self) -> None:
        if self._limit.limit is None:
            return
        slots = self._limit._semaphore()
        deadline = self._deadline
        if slots.locked() and deadline is not None:
            try:
                async with asyncio.timeout(deadline - time.monotonic()):
                    await slots.acquire()
            except TimeoutError:
                raise errors.TimeoutError() from None
        else:
            await slots.acquire()  # at once when a slot is free
        self._held = slots

    async def __aexit__(self, *exc_info: object) -> None:
        slots, self._held = self._held, None
        if slots is not None:
            slots.release()
