"""The keyword options of :class:`aiosdm.Client`, as TypedDicts for ``**kwargs: Unpack[...]``.

``Client.from_env(**kwargs)`` and ``LocalServer.client(**kwargs)`` pass their keywords on to the
constructor; typed this way a misspelt option is a type error, not a runtime surprise. A test
holds these to ``Client.__init__``'s parameters.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Any, TypedDict

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric import rsa

    from aiosdm.errors import RPCError
    from aiosdm.interceptors import Interceptor, RetryBudget, RetryPolicy

__all__ = ["ClientOptions", "ConnectedClientOptions"]


class ConnectedClientOptions(TypedDict, total=False):
    """What ``Client`` takes besides the keys and where to connect (``LocalServer.client``)."""

    retry_rate_limit_errors: bool | None
    page_limit: int
    prefetch: bool
    interceptors: Sequence[Interceptor]
    retry_policy: RetryPolicy | None
    retry_budget: RetryBudget | None
    expired: Callable[[RPCError], bool]
    channel_options: Sequence[tuple[str, Any]]
    root_certificates: bytes | None
    client_key_factory: Callable[[], rsa.RSAPrivateKey]
    retry_sleep: Callable[[float], Awaitable[object]]
    timeout: float | None
    connect_timeout: float
    max_in_flight: int | None


class ClientOptions(ConnectedClientOptions, total=False):
    """What ``Client`` takes besides the keys (``Client.from_env``)."""

    host: str
    insecure: bool
