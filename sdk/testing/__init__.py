"""The local control plane: a strongDM-compatible gRPC server for demos and tests.

``LocalServer`` speaks the same wire protocol as the service (signed calls on
``/v1.<Service>/<Method>``), keeps versioned state in SQLite so snapshots and the
history services work, enforces the permission each method needs (keys hold what
their Token or account level grants; the server's own key holds every permission),
and can rate-limit or inject faults. The official ``strongdm`` client works against
it unchanged::

    async with LocalServer() as server:
        async with server.client() as client:
            ...

From synchronous code, ``with ThreadedServer() as server:`` runs one in a thread.
``WireClient`` makes raw signed calls (any method, any message) for wire-level tests.

Users file access requests outside the API: ``server.file_access_request(...)`` and
``approve_``/``deny_``/``cancel_access_request`` do it in-process, and ``ControlClient``
(or the ``aiosdm access-request`` command) against a running ``aiosdm serve``.
"""

from __future__ import annotations

from aiosdm.testing._auth import ApiKey
from aiosdm.testing._control import ControlClient
from aiosdm.testing._errors import RATE_LIMIT_TYPE_URL, ServiceError
from aiosdm.testing._faults import Fault, Faults
from aiosdm.testing._ratelimit import RateLimit
from aiosdm.testing._server import LocalServer
from aiosdm.testing._store import StoreError
from aiosdm.testing._threaded import ThreadedServer
from aiosdm.testing._wire import WireClient

__all__ = [
    "RATE_LIMIT_TYPE_URL",
    "ApiKey",
    "ControlClient",
    "Fault",
    "Faults",
    "LocalServer",
    "RateLimit",
    "ServiceError",
    "StoreError",
    "ThreadedServer",
    "WireClient",
]
