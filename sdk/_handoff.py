"""Word from the transport that a request is with gRPC, for whoever started the call.

A list's next page is fetched in a task of its own; it is worth something only once
its request is really on its way. The transport calls :func:`handed_over` right after
giving a request to gRPC, which sends it from a task of its own on the next turn of the
event loop; the page iterator listens through :data:`listener` (set in the fetch
task's context only).
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar

__all__ = ["handed_over", "listener"]

#: Called by the transport each time it hands a request of the current context to gRPC.
listener: ContextVar[Callable[[], None] | None] = ContextVar("aiosdm_handoff", default=None)


def handed_over() -> None:
    """Tell the listener of the current context, if any, that a request went to gRPC."""
    notify = listener.get()
    if notify is not None:
        notify()
