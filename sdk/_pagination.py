"""Paged lists as async iterators that keep exactly one page in flight ahead.

While the caller works through page *n*, page *n + 1* is already being fetched;
page *n + 2* is only asked for once page *n + 1* is handed out. The next request
is started from the wire page's cursor before page *n* is turned into models, and
page *n* is handed out only once that request is with gRPC (or waits for something
else: a slot, a rate limit, a connection), so it travels while the caller works even
when the caller's work never gives the event loop a turn. Leaving the loop early
(``break``, an exception, ``aclose()`` or dropping the iterator) cancels the fetch in
flight. A cursor the service hands out a second time stops the list with an error
instead of reading the same pages forever.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

from aiosdm import _handoff, errors

__all__ = ["ListIterator", "PageFetcher", "quote_filter_args"]

T = TypeVar("T")

#: Fetches the page at a cursor ("" for the first): returns the wire page and the next cursor.
PageFetcher = Callable[[str], Awaitable[tuple[Any, str]]]

# Loop turns a page waits, at most, for the next page's request to reach gRPC: the fetch
# usually gets there in one; when it waits for a slot or a rate limit, it is not worth more.
_HANDOFF_TURNS = 8


def quote_filter_args(filter: str, *args: object) -> str:
    """Fill each ``?`` in ``filter`` with the next argument as a JSON string.

    ``("email:?", "a@b.com")`` gives ``email:"a@b.com"``; non-strings are
    converted with ``str()`` first, exactly like the official SDK.

    Raises:
        BadRequestError: the number of ``?`` differs from the number of arguments.
    """
    parts = filter.split("?")
    if len(parts) != len(args) + 1:
        raise errors.BadRequestError("incorrect number of replacements")
    quoted = [json.dumps(str(arg)) for arg in args]
    out = [parts[0]]
    for value, part in zip(quoted, parts[1:], strict=True):
        out.append(value)
        out.append(part)
    return "".join(out)


def _consume_outcome(task: asyncio.Task[object]) -> None:
    # A prefetch nobody awaits any more must not be reported as an unseen error.
    if not task.cancelled():
        task.exception()


class _Handoff:
    """Set by the transport (see :mod:`aiosdm._handoff`) once the fetch's request is with gRPC."""

    __slots__ = ("done",)

    def __init__(self) -> None:
        self.done = False

    def __call__(self) -> None:
        self.done = True


class ListIterator(AsyncIterator[T]):
    """The items of a paged list: ``async for item in it`` or ``async for page in it.pages()``.

    An iterator is consumed once, either by items or by pages. ``fetch`` gets wire pages,
    ``items`` turns one into its models; ``name`` (the method) goes into errors.
    """

    def __init__(
        self,
        fetch: PageFetcher,
        items: Callable[[Any], list[T]],
        *,
        prefetch: bool = True,
        name: str = "",
    ) -> None:
        self._fetch = fetch
        self._convert = items
        self._prefetch = prefetch
        self._name = name or "the list"
        self._seen: set[str] = set()  # cursors handed out so far
        self._cursor = ""  # where the next page starts, when it is not fetched ahead
        self._task: asyncio.Task[tuple[Any, str]] | None = None
        self._started = False
        self._finished = False
        self._mode: str | None = None
        self._items: deque[T] = deque()

    def __repr__(self) -> str:
        state = "finished" if self._finished else "running" if self._started else "new"
        return f"<ListIterator {state}>"

    def __aiter__(self) -> ListIterator[T]:
        self._claim("items")
        return self

    async def __anext__(self) -> T:
        self._claim("items")
        while not self._items:
            page = await self._next_page()
            if page is None:
                raise StopAsyncIteration
            self._items.extend(page)
        return self._items.popleft()

    async def pages(self) -> AsyncIterator[list[T]]:
        """Whole pages, as lists, in order."""
        self._claim("pages")
        try:
            while (page := await self._next_page()) is not None:
                yield page
        finally:
            self._cancel()

    async def aclose(self) -> None:
        """Stop: cancel the page fetch in flight, if any."""
        self._finished = True
        self._cancel()

    async def __aenter__(self) -> ListIterator[T]:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    def __del__(self) -> None:
        # A loop left with `break` drops the iterator: cancel its prefetch now.
        self._cancel()

    def _claim(self, mode: str) -> None:
        if self._mode is None:
            self._mode = mode
        elif self._mode != mode:
            raise RuntimeError("this list is already being read by " + self._mode)

    async def _next_page(self) -> list[T] | None:
        if self._finished:
            return None
        if not self._started:
            self._started = True
            self._task = self._spawn("")
        elif self._task is None and self._cursor:
            self._task = self._spawn(self._cursor)  # without prefetch: ask only when needed
            self._cursor = ""
        task = self._task
        if task is None:
            self._finished = True
            return None
        try:
            page, cursor = await task
            if cursor in self._seen:
                self._finished = True
                # The cursor itself is left out: it is opaque and means nothing to the reader.
                raise errors.UnknownError(
                    f"{self._name} answered a page cursor it had given before; "
                    "stopped instead of reading the same pages again"
                )
            if cursor:
                self._seen.add(cursor)
            if cursor and self._prefetch:
                handoff = _Handoff()
                self._task = self._spawn(cursor, handoff)
                await _until_handed_over(self._task, handoff)
            else:
                self._task, self._cursor = None, cursor
            # Converted only now: the next request travels meanwhile.
            return self._convert(page)
        except BaseException:
            self._finished = True
            self._cancel()
            raise

    def _spawn(self, cursor: str, handoff: _Handoff | None = None) -> asyncio.Task[tuple[Any, str]]:
        # The task copies the context as it is now: only this fetch reports its hand-over.
        token = _handoff.listener.set(handoff)
        try:
            task = asyncio.ensure_future(self._fetch(cursor))
        finally:
            _handoff.listener.reset(token)
        task.add_done_callback(_consume_outcome)
        return task

    def _cancel(self) -> None:
        task, self._task = getattr(self, "_task", None), None
        if task is not None and not task.done():
            with contextlib.suppress(RuntimeError):  # the event loop is already closed
                task.cancel()


async def _until_handed_over(task: asyncio.Task[Any], handoff: _Handoff) -> None:
    """Give ``task`` loop turns until its request is with gRPC, then one more for gRPC's
    own task to send it (it was scheduled before ours: the loop runs callbacks in order)."""
    for _ in range(_HANDOFF_TURNS):
        if handoff.done or task.done():
            break
        await asyncio.sleep(0)
    if handoff.done and not task.done():
        await asyncio.sleep(0)
