"""A list's next page is on the wire while the caller works through the current one.

The server runs on gRPC's own threads, so it sees a request arrive even while the
caller's event loop is busy; the caller's work here never gives the loop a turn, as
CPU-bound work on each item would not.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import grpc
import pytest

from aiosdm import Client
from aiosdm._generated.v1 import accounts_pb2
from tests.client._servers import ACCESS_KEY, SECRET

PAGES, SIZE = 3, 5
# Bounds a wait for something that happens at once when the code is right.
ENOUGH = 10.0


class PagedAccounts:
    """Serves ``Accounts.List`` in ``PAGES`` pages of ``SIZE``, noting each request as it
    arrives, in order, next to what the caller notes (one shared log)."""

    def __init__(self) -> None:
        self.log: list[str] = []
        self._lock = threading.Lock()
        self.arrived = [threading.Event() for _ in range(PAGES)]

    def note(self, what: str) -> None:
        with self._lock:
            self.log.append(what)

    def list(self, body: bytes, context: grpc.ServicerContext) -> bytes:
        cursor = accounts_pb2.AccountListRequest.FromString(body).meta.cursor
        page = int(cursor or 0)
        self.note(f"request {page + 1} arrived")
        self.arrived[page].set()
        response = accounts_pb2.AccountListResponse()
        for n in range(SIZE):
            response.accounts.add().user.id = f"a-{page * SIZE + n}"
        if page + 1 < PAGES:
            response.meta.next_cursor = str(page + 1)
        return response.SerializeToString()


@contextmanager
def serving(pages: PagedAccounts) -> Iterator[str]:
    """A plain (thread-pool) gRPC server on loopback: it needs no event loop of ours."""
    server = grpc.server(ThreadPoolExecutor(2))
    handler = grpc.unary_unary_rpc_method_handler(pages.list)
    server.add_generic_rpc_handlers(
        (grpc.method_handlers_generic_handler("v1.Accounts", {"List": handler}),)
    )
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    try:
        yield f"127.0.0.1:{port}"
    finally:
        server.stop(None).wait(ENOUGH)


@pytest.mark.parametrize("by", ["items", "pages"])
async def test_the_next_request_arrives_while_the_caller_works_without_yielding(by: str) -> None:
    pages = PagedAccounts()
    with serving(pages) as host:
        async with Client(ACCESS_KEY, SECRET, host=host, insecure=True) as client:
            listed = client.accounts.list("")
            if by == "items":
                first = [await anext(listed)]
                # Page 1 is in hand; the rest of it comes from memory, without a loop turn.
                first += [await anext(listed) for _ in range(SIZE - 1)]
            else:
                whole = listed.pages()
                first = await anext(whole)
            # Busy with page 1 and never yielding: the event loop is blocked on purpose, as
            # CPU-bound work would block it. Page 2's request must get out all the same.
            arrived = pages.arrived[1].wait(ENOUGH)
            pages.note("caller done with page 1")
            assert arrived, "page 2 was not requested while the caller worked on page 1"
            if by == "items":
                rest = [a async for a in listed]
            else:
                rest = [a async for page in whole for a in page]
    assert [a.id for a in first] == [f"a-{n}" for n in range(SIZE)]
    assert [a.id for a in rest] == [f"a-{n}" for n in range(SIZE, PAGES * SIZE)]
    assert pages.log == [
        "request 1 arrived",
        "request 2 arrived",
        "caller done with page 1",
        "request 3 arrived",
    ]
