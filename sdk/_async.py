"""Async helpers shared by several packages (credentials, aws, interceptors).

They live at the top of ``aiosdm``, importing nothing of ours, so that no package has to
import another just for them (``aiosdm.credentials`` and ``aiosdm.aws`` used to import
each other this way).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Coroutine, Hashable
from functools import partial
from types import TracebackType
from typing import Any, Generic, Self, TypeVar

__all__ = ["ClosesOnExit", "SingleFlight"]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class ClosesOnExit:
    """``async with thing:`` hands out ``thing`` and awaits ``thing.close()`` on the way out."""

    async def close(self) -> None:
        raise NotImplementedError

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()


class SingleFlight(Generic[K, V]):
    """Runs at most one task per key; concurrent callers await that same task.

    The task is shielded: a caller that is cancelled stops waiting, but the work carries on
    for the others. :meth:`aclose` cancels whatever is still running. A task left behind by
    another event loop (one that has since closed) is not joined: the work starts afresh.
    """

    def __init__(self) -> None:
        self._tasks: dict[K, asyncio.Task[V]] = {}

    def in_flight(self, key: K) -> bool:
        return key in self._tasks

    async def run(self, key: K, work: Callable[[], Coroutine[Any, Any, V]]) -> V:
        """Join the task running for ``key``, or start ``work()`` as that task."""
        task = self._tasks.get(key)
        loop = asyncio.get_running_loop()
        if task is None or task.get_loop() is not loop:
            task = loop.create_task(work())
            self._tasks[key] = task
            task.add_done_callback(partial(self._finished, key))
        return await asyncio.shield(task)

    def _finished(self, key: K, task: asyncio.Task[V]) -> None:
        if self._tasks.get(key) is task:
            del self._tasks[key]
        if not task.cancelled():
            # Mark the outcome as seen: when every waiter was cancelled, asyncio would
            # otherwise report "exception was never retrieved".
            task.exception()

    async def aclose(self) -> None:
        """Cancel every running task and wait until they are gone."""
        tasks = list(self._tasks.values())
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(BaseException):
                await task
