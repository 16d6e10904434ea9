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
from collections import deque

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
        self._line: _Line | None = None

    def __repr__(self) -> str:
        return f"InFlightLimit({self.limit})"

    def slot(self, deadline: float | None) -> _Slot:
        """Hold one slot for an ``async with`` block; wait for it until ``deadline``
        (monotonic) at most.

        Raises:
            aiosdm.errors.TimeoutError: the deadline passed while waiting.
        """
        return _Slot(self, deadline)

    def line(self) -> _Line:
        """The slots of the running loop's calls."""
        loop = asyncio.get_running_loop()
        line = self._line
        if line is None or line.loop is not loop:
            line = self._line = _Line(loop, self.limit or 1)
        return line


class _Line:
    """One loop's slots and the calls waiting for one, first come first served.

    A free slot is taken without awaiting anything; a freed slot goes straight to the
    longest waiter.
    """

    __slots__ = ("free", "loop", "waiters")

    def __init__(self, loop: asyncio.AbstractEventLoop, slots: int) -> None:
        self.loop = loop
        self.free = slots
        self.waiters: deque[asyncio.Future[None]] = deque()

    def take_now(self) -> bool:
        """Take a slot if one is free; False otherwise. (No slot is free while calls wait:
        :meth:`give` hands a freed slot to the longest waiter.)"""
        if self.free:
            self.free -= 1
            return True
        return False

    async def take(self, deadline: float | None) -> None:
        """Take a slot, waiting in line until ``deadline`` at most."""
        if self.take_now():
            return
        waiter: asyncio.Future[None] = self.loop.create_future()
        self.waiters.append(waiter)
        try:
            async with asyncio.timeout(None if deadline is None else deadline - time.monotonic()):
                await waiter
        except BaseException as exc:
            if waiter.done() and not waiter.cancelled():
                self.give()  # handed a slot it will not use: the next in line has it
            else:
                waiter.cancel()
                self.waiters.remove(waiter)
            if isinstance(exc, TimeoutError):
                raise errors.TimeoutError() from None
            raise

    def give(self) -> None:
        """Return a slot: to the longest waiter if there is one, else to the free ones."""
        waiters = self.waiters
        while waiters:
            waiter = waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return
        self.free += 1


class _Slot:
    # A plain class rather than @asynccontextmanager: it is entered on every call.
    __slots__ = ("_deadline", "_held", "_limit")

    def __init__(self, limit: InFlightLimit, deadline: float | None) -> None:
        self._limit = limit
        self._deadline = deadline
        self._held: _Line | None = None

    async def __aenter__(self) -> None:
        if self._limit.limit is None:
            return
        line = self._limit.line()
        if not line.take_now():
            await line.take(self._deadline)
        self._held = line

    async def __aexit__(self, *exc_info: object) -> None:
        line, self._held = self._held, None
        if line is not None:
            line.give()
