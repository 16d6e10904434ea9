"""The asyncio client for the strongDM API, a drop-in for the official ``strongdm.Client``."""

from __future__ import annotations

import asyncio
import dataclasses
import os
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Unpack

from aiosdm import _signing
from aiosdm._async import ClosesOnExit
from aiosdm._credentials import CredentialsProvider, StaticCredentials
from aiosdm._generated.client_services import ClientServices
from aiosdm._generated.methods import methods_of
from aiosdm._limits import InFlightLimit
from aiosdm._public import publish
from aiosdm._service import CallCore
from aiosdm._transport import Transport
from aiosdm.errors import RPCError
from aiosdm.interceptors import (
    CredentialRefreshInterceptor,
    EncryptionInterceptor,
    Interceptor,
    RateLimitPacer,
    RetryBudget,
    RetryInterceptor,
    RetryPolicy,
    SigningInterceptor,
    build_chain,
    generate_client_key,
    is_expired,
)
from aiosdm.interceptors._chain import attempt_links

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric import rsa

    from aiosdm._client_options import ClientOptions
    from aiosdm.snapshot import SnapshotClient

__all__ = [
    "DEFAULT_CONNECT_TIMEOUT",
    "DEFAULT_HOST",
    "DEFAULT_MAX_IN_FLIGHT",
    "DEFAULT_TIMEOUT",
    "Client",
]

#: Where the official SDK connects by default.
DEFAULT_HOST = "app.strongdm.com:443"
#: Seconds a call may take, all attempts and waits included, unless it is given a timeout.
#: Longer than the longest backoff (120 s + 20 %) and than a rate-limit window, so the
#: default never cuts short a wait the official SDK (which has no default) would make; a
#: bound all the same, so no call waits forever.
DEFAULT_TIMEOUT = 300.0
#: Seconds a call waits for a connection to the host before failing with the reason.
DEFAULT_CONNECT_TIMEOUT = 5.0
#: Calls in flight at once per client. Measured (bench/, the 1,000-call burst): with 64 the
#: event loop's worst stall is about a sixth of the bare grpc.aio stub's (18 ms against
#: 120 ms), with no loss of throughput against one server; unbounded, a burst stalls the
#: loop longer than the stub's and thousands at once make gRPC cancel calls.
DEFAULT_MAX_IN_FLIGHT = 64


class Client(ClientServices, ClosesOnExit):
    """An asyncio client for the strongDM API.

    Use it as ``async with Client(key, secret) as client:`` (or call
    :meth:`close`). Services are attributes named as in the official SDK
    (``client.accounts``, ``client.managed_secrets``, ...); their methods are
    coroutines, and ``list`` methods return async iterators at once.

    The first six parameters are the official client's, in its order, so
    ``Client(key, secret, host, insecure)`` ports unchanged; the rest are keyword-only.

    Args:
        api_access_key: the API access key (or give ``credentials``).
        api_secret: the base64 API secret; a value that is not base64 is a
            ValueError whose message does not contain it.
        host: ``host:port`` of the API.
        insecure: plaintext instead of TLS (for a local control plane).
        retry_rate_limit_errors: retry calls rejected by the rate limit (default on);
            when given (not None), it overrides the same setting of ``retry_policy``.
        page_limit: items per page for lists (0: the service's default).
        prefetch: fetch a list's next page while the caller reads the current one.
        credentials: a provider of rotating keys instead of a fixed pair.
        interceptors: your own interceptors, outermost first (logging, metrics, tracing):
            each one's ``intercept`` link sees every call once, its ``intercept_attempt``
            link every attempt.
        retry_policy: backoff and retry limits (the official SDK's by default).
        retry_budget: the shared retry budget.
        expired: which errors make the client refresh ``credentials`` and retry once.
        channel_options: extra ``grpc.aio`` channel options.
        root_certificates: PEM roots for TLS instead of the system's.
        client_key_factory: makes the RSA key that retrieved secrets are encrypted
            to (runs once, in a worker thread).
        retry_sleep: how the client waits between attempts (``asyncio.sleep``).
        timeout: seconds a call may take when it is given no ``timeout`` (all attempts
            and waits included; for a list, each page); None: no deadline. A call's own
            ``timeout=math.inf`` means no deadline for that call.
        connect_timeout: seconds a call waits for a connection before it fails with a
            :class:`~aiosdm.errors.ConnectError` that says why.
        max_in_flight: calls in flight at once; more wait their turn (within their
            deadline) before doing anything. None: no limit.
    """

    def __init__(
        self,
        api_access_key: str | None = None,
        api_secret: str | None = None,
        host: str = DEFAULT_HOST,
        insecure: bool = False,
        retry_rate_limit_errors: bool | None = None,
        page_limit: int = 0,
        *,
        prefetch: bool = True,
        credentials: CredentialsProvider | None = None,
        interceptors: Sequence[Interceptor] = (),
        retry_policy: RetryPolicy | None = None,
        retry_budget: RetryBudget | None = None,
        expired: Callable[[RPCError], bool] = is_expired,
        channel_options: Sequence[tuple[str, Any]] = (),
        root_certificates: bytes | None = None,
        client_key_factory: Callable[[], rsa.RSAPrivateKey] = generate_client_key,
        retry_sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
        timeout: float | None = DEFAULT_TIMEOUT,
        connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
        max_in_flight: int | None = DEFAULT_MAX_IN_FLIGHT,
    ) -> None:
        if credentials is None:
            if api_access_key is None or api_secret is None:
                raise ValueError("give api_access_key and api_secret, or credentials")
            credentials = StaticCredentials(api_access_key, api_secret)
        elif api_access_key is not None or api_secret is not None:
            raise ValueError("give either api_access_key/api_secret or credentials, not both")
        if page_limit < 0:
            raise ValueError("page_limit must be 0 (the service's default) or more")
        if timeout is not None and not timeout > 0:
            raise ValueError("timeout must be a positive number of seconds, or None")
        self.host = host
        self.page_limit = page_limit
        self.credentials = credentials
        policy = retry_policy or RetryPolicy()
        if retry_rate_limit_errors is not None:  # only a keyword the caller gave wins
            policy = dataclasses.replace(policy, retry_rate_limit_errors=retry_rate_limit_errors)
        self._timeout = timeout
        self._transport = Transport(
            host,
            insecure=insecure,
            options=channel_options,
            root_certificates=root_certificates,
            connect_timeout=connect_timeout,
        )
        self._encryption = EncryptionInterceptor(self._fetch_engine, key_factory=client_key_factory)
        chain = [
            *interceptors,
            RetryInterceptor(
                policy, budget=retry_budget, pacer=RateLimitPacer(), sleep=retry_sleep
            ),
            CredentialRefreshInterceptor(credentials, expired=expired),
            *attempt_links(interceptors),
            self._encryption,
            SigningInterceptor(credentials, user_agent=_signing.USER_AGENT),
        ]
        self._core = CallCore(
            build_chain(chain, self._transport),
            page_limit=page_limit,
            prefetch=prefetch,
            timeout=timeout,
            limit=InFlightLimit(max_in_flight),
        )

    @classmethod
    def from_env(cls, **kwargs: Unpack[ClientOptions]) -> Client:
        """A client from ``SDM_API_ACCESS_KEY``, ``SDM_API_SECRET_KEY`` and ``SDM_API_HOST``.

        ``SDM_API_HOST`` is optional; ``kwargs`` go to the constructor and win.

        Raises:
            ValueError: a required variable is missing (named, never echoed).
        """
        missing = [n for n in ("SDM_API_ACCESS_KEY", "SDM_API_SECRET_KEY") if not os.environ.get(n)]
        if missing:
            raise ValueError("environment variable(s) not set: " + ", ".join(missing))
        host = os.environ.get("SDM_API_HOST")
        if host and "host" not in kwargs:
            kwargs["host"] = host
        return cls(os.environ["SDM_API_ACCESS_KEY"], os.environ["SDM_API_SECRET_KEY"], **kwargs)

    def __repr__(self) -> str:
        return f"Client(host={self.host!r})"

    @property
    def timeout(self) -> float | None:
        """The default timeout of calls given none (set once, when the client is made)."""
        return self._timeout

    async def close(self) -> None:
        """Close the connection, ending calls in flight. Safe to call more than once."""
        await self._transport.close()

    def snapshot_at(self, snapshot_at: datetime) -> SnapshotClient:
        """A read-only view of the snapshot-capable services as they were at ``snapshot_at``.

        Raises:
            ValueError: ``snapshot_at`` is naive (has no time zone).
        """
        from aiosdm.snapshot import SnapshotClient  # loads the snapshot services on first use

        return SnapshotClient(self._core, snapshot_at)

    async def _fetch_engine(self, engine_id: str, deadline: float | None) -> None:
        # Through the whole chain, so the encryption interceptor caches the engine's key.
        spec = methods_of("SecretEngines")["Get"]
        request = spec.request()
        request.id = engine_id
        await self._core.unary(spec, request, deadline)


# Shown as aiosdm.<Name>, where users import them from.
publish(Client)
