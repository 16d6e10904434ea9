"""What every service client shares: building calls and sending them down the chain.

Requests are built exactly like the official SDK builds them (the signature
covers the bytes, so this matters): a Get carries ``meta`` only for snapshot
reads, a List always carries ``meta`` (with ``limit`` when a page limit is set
and ``snapshot_at`` for snapshot reads), an Update carries the entity but not
the ``id`` field.

Every call a caller makes takes a slot of the client's in-flight limit before
anything else (the request is built once it has one); calls the chain makes on
its own (an engine key fetched for encryption) go straight down, so they never
wait behind the calls that need them.

Timeouts: ``timeout=None`` (not given) means the client's default; ``math.inf``
means no deadline. A call's deadline covers all its attempts. A list given a
``timeout`` has one deadline for all its pages; a list given none gives each page
the client's default, since how long the caller takes between pages is not the
service's doing.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Coroutine, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from datetime import datetime
from typing import Any, ClassVar, TypeVar

from aiosdm._convert import MissingPayloadError
from aiosdm._limits import InFlightLimit
from aiosdm._pagination import ListIterator, quote_filter_args
from aiosdm._specs import MethodSpec
from aiosdm.errors import UnknownError
from aiosdm.interceptors._chain import Call, Handler

__all__ = ["CallCore", "Service"]

T = TypeVar("T")


class CallCore:
    """The client's side of every service: its chain, page limit, snapshot time, default
    timeout and in-flight limit."""

    def __init__(
        self,
        handler: Handler,
        *,
        page_limit: int = 0,
        snapshot_at: datetime | None = None,
        prefetch: bool = True,
        timeout: float | None = None,
        limit: InFlightLimit | None = None,
    ) -> None:
        self.handler = handler
        self.page_limit = page_limit
        self.snapshot_at = snapshot_at
        self.prefetch = prefetch
        self.timeout = timeout
        self.limit = limit or InFlightLimit(None)

    def at(self, snapshot_at: datetime) -> CallCore:
        """The same client reading the past at ``snapshot_at``."""
        return CallCore(
            self.handler,
            page_limit=self.page_limit,
            snapshot_at=snapshot_at,
            prefetch=self.prefetch,
            timeout=self.timeout,
            limit=self.limit,
        )

    def deadline(self, timeout: float | None) -> float | None:
        """The ``time.monotonic()`` deadline of a call given ``timeout`` (see the module)."""
        if timeout is None:
            timeout = self.timeout
        if timeout is None or math.isinf(timeout):
            return None
        return time.monotonic() + timeout

    def slot(self, deadline: float | None) -> AbstractAsyncContextManager[None]:
        """One slot of the client's in-flight limit, waited for until ``deadline``."""
        return self.limit.slot(deadline)

    def unary(
        self, spec: MethodSpec[Any, Any], request: Any, deadline: float | None
    ) -> Coroutine[Any, Any, Any]:
        """Send one request down the chain; awaiting it gives the response message."""
        call = Call(
            method=spec,
            request=request,
            deadline=deadline,
            idempotent=spec.idempotent,
        )
        return self.handler.unary(call)


def _read(read: Callable[[Any], T], response: Any) -> T:
    """``read(response)``; an answer lacking the entity it always carries is an UnknownError
    (a failure that came as no gRPC status), like any other unreadable answer."""
    try:
        return read(response)
    except MissingPayloadError as missing:
        raise UnknownError(str(missing)) from None


class Service:
    """Base of the generated service clients (``client.accounts`` etc.): the request
    layouts every method shape shares."""

    #: The service's methods by rpc name (its row of the generated wire table).
    _methods: ClassVar[Mapping[str, MethodSpec[Any, Any]]]

    def __init__(self, core: CallCore) -> None:
        self._core = core

    def __repr__(self) -> str:
        return f"<{type(self).__name__} service>"

    def _spec(self, method: str) -> MethodSpec[Any, Any]:
        return self._methods[method]

    def _request(self, method: str) -> Any:
        return self._spec(method).request()

    async def _call(self, method: str, request: Any, timeout: float | None) -> Any:
        core = self._core
        deadline = core.deadline(timeout)
        async with core.slot(deadline):
            return await core.unary(self._spec(method), request, deadline)

    async def _write(
        self,
        method: str,
        field: str,
        write: Callable[[Any, Any], None],
        entity: Any,
        read: Callable[[Any], T],
        timeout: float | None,
    ) -> T:
        """Create/Update-shaped calls: the entity goes into ``field``, nothing else is set."""
        core = self._core
        deadline = core.deadline(timeout)
        async with core.slot(deadline):
            request = self._request(method)
            write(entity, getattr(request, field))
            response = await core.unary(self._spec(method), request, deadline)
        return _read(read, response)

    async def _by_id(
        self,
        method: str,
        id: str,
        read: Callable[[Any], T],
        timeout: float | None,
        *,
        field: str = "id",
    ) -> T:
        """Calls that carry only an id (Delete, Rotate, ...): no meta."""
        core = self._core
        deadline = core.deadline(timeout)
        async with core.slot(deadline):
            request = self._request(method)
            setattr(request, field, id)
            response = await core.unary(self._spec(method), request, deadline)
        return _read(read, response)

    async def _get(
        self, method: str, id: str, read: Callable[[Any], T], timeout: float | None
    ) -> T:
        """Get: ``meta`` only when reading a snapshot, then the id."""
        core = self._core
        deadline = core.deadline(timeout)
        async with core.slot(deadline):
            request = self._request(method)
            snapshot_at = core.snapshot_at
            if snapshot_at is not None:
                request.meta.SetInParent()
                request.meta.snapshot_at.FromDatetime(snapshot_at)
            request.id = id
            response = await core.unary(self._spec(method), request, deadline)
        return _read(read, response)

    def _list(
        self,
        method: str,
        filter: str,
        args: Sequence[object],
        timeout: float | None,
        items: Callable[[Any], list[T]],
        fields: Mapping[str, object] | None = None,
    ) -> ListIterator[T]:
        """A lazily paged list; the filter is checked (and quoted) right away.

        ``fields`` are further request fields some lists take (whose entitlements).
        """
        request = self._request(method)
        for name, value in (fields or {}).items():
            setattr(request, name, value)
        request.meta.SetInParent()
        if self._core.page_limit > 0:
            request.meta.limit = self._core.page_limit
        if self._core.snapshot_at is not None:
            request.meta.snapshot_at.FromDatetime(self._core.snapshot_at)
        request.filter = quote_filter_args(filter, *args)
        spec = self._spec(method)
        core = self._core
        # An explicit timeout is one deadline for every page; the default bounds each page.
        whole = None if timeout is None else core.deadline(timeout)

        async def fetch(cursor: str) -> tuple[Any, str]:
            # The wire page: the iterator starts the next request before making models.
            deadline = core.deadline(None) if timeout is None else whole
            async with core.slot(deadline):
                page = type(request)()
                page.CopyFrom(request)
                if cursor:
                    page.meta.cursor = cursor
                response = await core.unary(spec, page, deadline)
            return response, response.meta.next_cursor

        return ListIterator(fetch, items, prefetch=core.prefetch, name=spec.signing_name)
