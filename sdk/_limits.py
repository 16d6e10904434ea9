"""A client-wide bound on calls in flight.

Thousands of calls started at once would each do their first steps (request,
signature, gRPC call setup) in one turn of the event loop, stalling it for
hundreds of milliseconds, and would overflow what one gRPC connection carries
(calls end in CANCELLED). Calls past the limit wait their turn, first come first
served and within their deadline, before doing any of that.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator

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

    @contextlib.asynccontextmanager
    async def slot(self, deadline: float | None) -> AsyncIterator[None]:
        """Hold one slot for the block; wait for it until ``deadline`` (monotonic) at most.

        Raises:
            aiosdm.errors.TimeoutError: the deadline passed while waiting.
        """
        if self.limit is None:
            yield
            return
        loop = asyncio.get_running_loop()
        if self._loop is not loop or self._slots is None:
            self._loop, self._slots = loop, asyncio.Semaphore(self.limit)
        slots = self._slots
        if slots.locked() and deadline is not None:
            try:
                async with asyncio.timeout(deadline - time.monotonic()):
                    await slots.acquire()
            except TimeoutError:
                raise errors.TimeoutError() from None
        else:
            await slots.acquire()  # at once when a slot is free
        try:
            yield
        finally:
            slots.release()
