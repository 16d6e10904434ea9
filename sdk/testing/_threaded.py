"""Run a ``LocalServer`` from synchronous code (e.g. tests of the official sync SDK)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable, Mapping
from concurrent.futures import Future
from datetime import datetime, timedelta
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, TypeVar

from aiosdm.testing._server import LocalServer

if TYPE_CHECKING:
    from aiosdm._generated.models import AccessRequest

__all__ = ["ThreadedServer"]

T = TypeVar("T")

_START_TIMEOUT = 30.0


class ThreadedServer:
    """A :class:`LocalServer` on its own event loop in a background thread.

    Example::

        with ThreadedServer() as server:
            client = strongdm.Client(server.access_key, server.secret_key,
                                     host=server.host, insecure=True)

    Keyword arguments are those of :class:`LocalServer`.
    """

    def __init__(self, **kwargs: Any) -> None:
        self._kwargs = kwargs
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: LocalServer | None = None

    @property
    def server(self) -> LocalServer:
        """The server itself; touch its async API only through :meth:`call`."""
        if self._server is None:
            raise RuntimeError("server not started")
        return self._server

    @property
    def host(self) -> str:
        """``"127.0.0.1:PORT"``: what clients connect to."""
        return self.server.host

    @property
    def access_key(self) -> str:
        """The admin API key's access key."""
        return self.server.access_key

    @property
    def secret_key(self) -> str:
        """The admin API key's secret key."""
        return self.server.secret_key

    def call(self, fn: Callable[..., Awaitable[T]], *args: Any, **kwargs: Any) -> T:
        """Run ``await fn(*args, **kwargs)`` on the server's loop and return its result."""
        if self._loop is None:
            raise RuntimeError("server not started")

        async def run() -> T:
            return await fn(*args, **kwargs)

        return asyncio.run_coroutine_threadsafe(run(), self._loop).result()

    # The access-request methods of LocalServer, from synchronous code.

    def file_access_request(
        self,
        *,
        account_id: str,
        workflow_id: str,
        resource_id: str,
        reason: str = "",
        duration: timedelta | None = None,
        start_from: datetime | None = None,
    ) -> AccessRequest:
        """See :meth:`LocalServer.file_access_request`."""
        return self.call(
            self.server.file_access_request,
            account_id=account_id,
            workflow_id=workflow_id,
            resource_id=resource_id,
            reason=reason,
            duration=duration,
            start_from=start_from,
        )

    def approve_access_request(
        self, request_id: str, *, approver_id: str, comment: str = ""
    ) -> AccessRequest:
        """See :meth:`LocalServer.approve_access_request`."""
        return self.call(
            self.server.approve_access_request,
            request_id,
            approver_id=approver_id,
            comment=comment,
        )

    def deny_access_request(
        self, request_id: str, *, approver_id: str, comment: str = ""
    ) -> AccessRequest:
        """See :meth:`LocalServer.deny_access_request`."""
        return self.call(
            self.server.deny_access_request, request_id, approver_id=approver_id, comment=comment
        )

    def cancel_access_request(self, request_id: str, *, comment: str = "") -> AccessRequest:
        """See :meth:`LocalServer.cancel_access_request`."""
        return self.call(self.server.cancel_access_request, request_id, comment=comment)

    def mint_jwt(
        self,
        subject: str = "",
        *,
        expires_in: timedelta = timedelta(minutes=5),
        claims: Mapping[str, Any] | None = None,
    ) -> str:
        """:meth:`LocalServer.mint_jwt`, from synchronous code."""
        return self.call(self.server.mint_jwt, subject, expires_in=expires_in, claims=claims)

    def start(self) -> None:
        """Start the server on a new event loop in a background thread; returns once it listens."""
        ready: Future[LocalServer] = Future()
        loop = asyncio.new_event_loop()

        def main() -> None:
            asyncio.set_event_loop(loop)

            async def boot() -> None:
                server = LocalServer(**self._kwargs)
                try:
                    await server.start()
                except BaseException as err:
                    ready.set_exception(err)
                    return
                ready.set_result(server)

            loop.run_until_complete(boot())
            if ready.exception() is None:
                loop.run_forever()
            loop.close()

        self._loop = loop
        self._thread = threading.Thread(target=main, name="aiosdm-local-server", daemon=True)
        self._thread.start()
        self._server = ready.result(timeout=_START_TIMEOUT)

    def stop(self) -> None:
        """Stop the server and its thread. Safe to call more than once."""
        loop, thread, server = self._loop, self._thread, self._server
        if loop is None or thread is None:
            return
        if server is not None:
            asyncio.run_coroutine_threadsafe(server.stop(), loop).result()
        loop.call_soon_threadsafe(loop.stop)
        thread.join()
        self._loop = self._thread = self._server = None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
