"""Lists: lazy, quoted like the official SDK, one page fetched ahead, cancelled on early exit,
one deadline across pages, and a repeated cursor stops them. Each test is bounded by its own
timeout, so a list that never ends fails here instead of hanging the run."""

from __future__ import annotations

import asyncio
import functools
import gc
from collections.abc import Awaitable, Callable
from typing import Any, ParamSpec

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strongdm import errors as official_errors
from strongdm import plumbing

from aiosdm import errors
from aiosdm._generated.v1 import accounts_pb2
from aiosdm._pagination import quote_filter_args
from aiosdm.client import Client
from aiosdm.interceptors import Call, Handler, Interceptor, Outbound

from ._servers import ACCESS_KEY, SECRET, Received, ScriptedServer

pytestmark = pytest.mark.timeout(60)  # the last resort; each test bounds itself first

P = ParamSpec("P")


def bounded(test: Callable[P, Awaitable[None]]) -> Callable[P, Awaitable[None]]:
    """Fail the test after 10 s inside its own event loop, as an ordinary failure: a list that
    never ends must not hang the run."""

    @functools.wraps(test)
    async def run(*args: P.args, **kwargs: P.kwargs) -> None:
        async with asyncio.timeout(10):
            await test(*args, **kwargs)

    return run


ARGS = st.lists(
    st.one_of(st.text(), st.integers(), st.booleans(), st.floats(allow_nan=False)), max_size=4
)


@settings(max_examples=200, deadline=None)
@given(
    parts=st.lists(st.text(alphabet=st.characters(exclude_characters="?")), min_size=1, max_size=5),
    args=ARGS,
)
def test_filter_quoting_equals_the_official_sdk(parts: list[str], args: list[Any]) -> None:
    filter = "?".join(parts)
    try:
        theirs = plumbing.quote_filter_args(filter, *args)
    except official_errors.BadRequestError as exc:
        with pytest.raises(errors.BadRequestError) as ours:
            quote_filter_args(filter, *args)
        assert ours.value.msg == exc.msg
    else:
        assert quote_filter_args(filter, *args) == theirs


def test_quoting_examples() -> None:
    assert quote_filter_args("email:?", "a@b.com") == 'email:"a@b.com"'
    assert quote_filter_args("name:?,type:?", 'x "y"', 5) == 'name:"x \\"y\\"",type:"5"'
    assert quote_filter_args("name:?", "café") == 'name:"caf\\u00e9"'
    assert quote_filter_args("") == ""


class Pages:
    """A server side list of ``count`` accounts served ``size`` per page; can hold a page."""

    def __init__(
        self, count: int, size: int, hold: int | None = None, *, delay: float = 0.0
    ) -> None:
        self.count = count
        self.size = size
        self.hold = hold
        self.delay = delay
        self.released = asyncio.Event()
        self.held = asyncio.Event()
        self.cancelled = asyncio.Event()

    async def __call__(self, received: Received) -> Any:
        cursor = received.message().meta.cursor
        start = int(cursor or 0)
        await asyncio.sleep(self.delay)
        if start // self.size + 1 == self.hold:
            self.held.set()
            try:
                await self.released.wait()
            except asyncio.CancelledError:
                self.cancelled.set()
                raise
        response = accounts_pb2.AccountListResponse()
        for n in range(start, min(start + self.size, self.count)):
            response.accounts.add().user.id = f"a-{n}"
        if start + self.size < self.count:
            response.meta.next_cursor = str(start + self.size)
        return response


class Recording(Interceptor):
    """Sees each page request start and finish (through the public interceptor API)."""

    def __init__(self) -> None:
        self.started: list[str] = []
        self.finished: list[str] = []
        self.progress = asyncio.Condition()

    async def wait_finished(self, count: int) -> None:
        async with self.progress:
            await self.progress.wait_for(lambda: len(self.finished) >= count)

    def intercept(self, next: Handler) -> Handler:
        outer = self

        class _Outbound(Outbound):
            async def unary(self, call: Call) -> Any:
                outer.started.append(call.request.meta.cursor)
                response = await self.next.unary(call)
                outer.finished.append(call.request.meta.cursor)
                async with outer.progress:
                    outer.progress.notify_all()
                return response

        return _Outbound(next)


def connect(server: ScriptedServer, **kw: Any) -> Client:
    return Client(ACCESS_KEY, SECRET, host=server.target, insecure=True, **kw)


@bounded
async def test_list_is_lazy_and_checks_placeholders_at_once() -> None:
    async with ScriptedServer(Pages(3, 10)) as server, connect(server) as client:
        items = client.accounts.list("email:?", "a@b.c")
        with pytest.raises(errors.BadRequestError, match="incorrect number of replacements"):
            client.accounts.list("email:?")
        assert server.received == []
        assert [a.id async for a in items] == ["a-0", "a-1", "a-2"]


@bounded
async def test_items_and_pages_cover_every_page_in_order() -> None:
    async with ScriptedServer(Pages(23, 5)) as server, connect(server, page_limit=5) as client:
        assert [a.id async for a in client.accounts.list("")] == [f"a-{n}" for n in range(23)]
        sizes = [len(page) async for page in client.accounts.list("").pages()]
    assert sizes == [5, 5, 5, 5, 3]
    assert [r.message().meta.limit for r in server.received] == [5] * 10


@bounded
async def test_next_page_is_fetched_while_the_current_one_is_read_and_no_further() -> None:
    recording = Recording()
    async with (
        ScriptedServer(Pages(30, 10)) as server,
        connect(server, interceptors=[recording]) as client,
    ):
        items = client.accounts.list("")
        first = await anext(items)
        assert first.id == "a-0"
        # Page 2 arrives while the caller still holds page 1...
        await asyncio.wait_for(recording.wait_finished(2), 10)
        assert recording.finished == ["", "10"]
        for _ in range(50):
            await asyncio.sleep(0)
        # ...and page 3 is not asked for until page 2 is handed out.
        assert recording.started == ["", "10"]
        rest = [a.id async for a in items]
        assert rest[-1] == "a-29" and len(rest) == 29
        assert recording.started == ["", "10", "20"]


@pytest.mark.parametrize("how", ["break", "aclose", "pages-break"])
@bounded
async def test_leaving_early_cancels_the_fetch_in_flight(how: str) -> None:
    pages = Pages(30, 10, hold=2)
    async with ScriptedServer(pages) as server, connect(server) as client:
        if how == "break":
            async for _ in client.accounts.list(""):
                await pages.held.wait()
                break
        elif how == "aclose":
            items = client.accounts.list("")
            await anext(items)
            await pages.held.wait()
            await items.aclose()
        else:
            async for _ in client.accounts.list("").pages():
                await pages.held.wait()
                break
        gc.collect()
        await asyncio.wait_for(pages.cancelled.wait(), 10)
        pages.released.set()


@bounded
async def test_one_deadline_covers_every_page() -> None:
    # Twenty pages of 50 ms each: every page fits in 0.5 s, the whole list does not.
    pages = Pages(200, 10, delay=0.05)
    async with ScriptedServer(pages) as server, connect(server) as client:
        with pytest.raises(errors.TimeoutError):
            async for _ in client.accounts.list("", timeout=0.5):
                pass
    assert 1 <= len(server.received) < 20


@bounded
async def test_without_a_timeout_each_page_gets_the_client_default() -> None:
    # The caller may take long between pages: the client's default bounds each page only.
    pages = Pages(200, 10, delay=0.05)
    async with ScriptedServer(pages) as server, connect(server, timeout=0.5) as client:
        assert len([a async for a in client.accounts.list("")]) == 200
    assert len(server.received) == 20
    # Each page had the default's 0.5 s (gRPC's timeout header rounds up a little).
    assert all(r.time_remaining is not None and r.time_remaining < 0.51 for r in server.received)


class Cycling:
    """A broken service whose cursors run in a circle: "" -> 1 -> 2 -> 1 -> ..."""

    async def __call__(self, received: Received) -> Any:
        cursor = received.message().meta.cursor
        response = accounts_pb2.AccountListResponse()
        response.accounts.add().user.id = f"a-{cursor or 0}"
        response.meta.next_cursor = "2" if cursor == "1" else "1"
        return response


@pytest.mark.parametrize("prefetch", [True, False])
@bounded
async def test_a_repeated_cursor_stops_the_list_with_a_clear_error(prefetch: bool) -> None:
    async with (
        ScriptedServer(Cycling()) as server,
        connect(server, prefetch=prefetch) as client,
    ):
        seen = []
        with pytest.raises(errors.UnknownError, match="cursor it had given before") as caught:
            async for account in client.accounts.list(""):
                seen.append(account.id)
    assert seen == ["a-0", "a-1"]
    assert [r.message().meta.cursor for r in server.received] == ["", "1", "2"]
    assert "Accounts.List" in str(caught.value)


@bounded
async def test_an_iterator_is_read_one_way_only() -> None:
    async with ScriptedServer(Pages(3, 10)) as server, connect(server) as client:
        items = client.accounts.list("")
        await anext(items)
        with pytest.raises(RuntimeError, match="already being read"):
            await anext(items.pages())
        await items.aclose()
