"""The asyncio client for the strongDM API, a drop-in for the official ``strongdm.Client``."""

from __future__ import annotations

import asyncio
import dataclasses
import importlib
import os
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from cryptography.hazmat.primitives.asymmetric import rsa

from aiosdm import _signing
from aiosdm._generated.services import SERVICES
from aiosdm._transport import Transport
from aiosdm.credentials import CredentialsProvider, StaticCredentials
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
from aiosdm.services._base import CallCore

if TYPE_CHECKING:
    from aiosdm.services.accounts import (
        AccountAttachments,
        AccountGrants,
        AccountPermissions,
        AccountResources,
        Accounts,
        AccountsGroups,
    )
    from aiosdm.services.activities import Activities
    from aiosdm.services.groups import Groups, GroupsRoles
    from aiosdm.services.history import (
        AccountAttachmentsHistory,
        AccountGrantsHistory,
        AccountResourcesHistory,
        AccountsGroupsHistory,
        AccountsHistory,
        GroupsHistory,
        GroupsRolesHistory,
        NodesHistory,
        ResourcesHistory,
        RoleResourcesHistory,
        RolesHistory,
        SecretStoresHistory,
    )
    from aiosdm.services.nodes import Nodes
    from aiosdm.services.resources import Resources
    from aiosdm.services.roles import RoleResources, Roles
    from aiosdm.services.secrets import ManagedSecrets, SecretEngines, SecretStores
    from aiosdm.snapshot import SnapshotClient

__all__ = ["DEFAULT_HOST", "Client"]

#: Where the official SDK connects by default.
DEFAULT_HOST = "app.strongdm.com:443"


_S = TypeVar("_S")


class _LazyService(Generic[_S]):
    """A client attribute made on first access: a service's module (and its models) load
    only when the service is used, which keeps ``import aiosdm`` and start-up cheap."""

    def __init__(self, module: str, name: str) -> None:
        self._module, self._name = module, name

    def __set_name__(self, owner: type, attribute: str) -> None:
        self._attribute = attribute

    @overload
    def __get__(self, client: None, owner: type) -> _LazyService[_S]: ...
    @overload
    def __get__(self, client: Client, owner: type) -> _S: ...
    def __get__(self, client: Client | None, owner: type) -> _LazyService[_S] | _S:
        if client is None:
            return self
        cls = getattr(importlib.import_module(f"aiosdm.services.{self._module}"), self._name)
        service: _S = cls(client._core)
        client.__dict__[self._attribute] = service  # later reads skip the descriptor
        return service


class Client:
    """An asyncio client for the strongDM API.

    Use it as ``async with Client(key, secret) as client:`` (or call
    :meth:`close`). Services are attributes named as in the official SDK
    (``client.accounts``, ``client.managed_secrets``, ...); their methods are
    coroutines, and ``list`` methods return async iterators at once.

    Args:
        api_access_key: the API access key (or give ``credentials``).
        api_secret: the base64 API secret; a value that is not base64 is a
            ValueError whose message does not contain it.
        host: ``host:port`` of the API.
        insecure: plaintext instead of TLS (for a local control plane).
        retry_rate_limit_errors: retry calls rejected by the rate limit.
        page_limit: items per page for lists (0: the service's default).
        prefetch: fetch a list's next page while the caller reads the current one.
        credentials: a provider of rotating keys instead of a fixed pair.
        interceptors: your own interceptors, outermost first (logging, metrics).
        retry_policy: backoff and retry limits (the official SDK's by default).
        retry_budget: the shared retry budget.
        expired: which errors make the client refresh ``credentials`` and retry once.
        channel_options: extra ``grpc.aio`` channel options.
        root_certificates: PEM roots for TLS instead of the system's.
        client_key_factory: makes the RSA key that retrieved secrets are encrypted
            to (runs once, in a worker thread).
        retry_sleep: how the client waits between attempts (``asyncio.sleep``).
    """

    account_attachments: _LazyService[AccountAttachments] = _LazyService(
        "accounts", "AccountAttachments"
    )
    account_attachments_history: _LazyService[AccountAttachmentsHistory] = _LazyService(
        "history", "AccountAttachmentsHistory"
    )
    account_grants: _LazyService[AccountGrants] = _LazyService("accounts", "AccountGrants")
    account_grants_history: _LazyService[AccountGrantsHistory] = _LazyService(
        "history", "AccountGrantsHistory"
    )
    account_permissions: _LazyService[AccountPermissions] = _LazyService(
        "accounts", "AccountPermissions"
    )
    account_resources: _LazyService[AccountResources] = _LazyService("accounts", "AccountResources")
    account_resources_history: _LazyService[AccountResourcesHistory] = _LazyService(
        "history", "AccountResourcesHistory"
    )
    accounts: _LazyService[Accounts] = _LazyService("accounts", "Accounts")
    accounts_groups: _LazyService[AccountsGroups] = _LazyService("accounts", "AccountsGroups")
    accounts_groups_history: _LazyService[AccountsGroupsHistory] = _LazyService(
        "history", "AccountsGroupsHistory"
    )
    accounts_history: _LazyService[AccountsHistory] = _LazyService("history", "AccountsHistory")
    activities: _LazyService[Activities] = _LazyService("activities", "Activities")
    groups: _LazyService[Groups] = _LazyService("groups", "Groups")
    groups_history: _LazyService[GroupsHistory] = _LazyService("history", "GroupsHistory")
    groups_roles: _LazyService[GroupsRoles] = _LazyService("groups", "GroupsRoles")
    groups_roles_history: _LazyService[GroupsRolesHistory] = _LazyService(
        "history", "GroupsRolesHistory"
    )
    managed_secrets: _LazyService[ManagedSecrets] = _LazyService("secrets", "ManagedSecrets")
    nodes: _LazyService[Nodes] = _LazyService("nodes", "Nodes")
    nodes_history: _LazyService[NodesHistory] = _LazyService("history", "NodesHistory")
    resources: _LazyService[Resources] = _LazyService("resources", "Resources")
    resources_history: _LazyService[ResourcesHistory] = _LazyService("history", "ResourcesHistory")
    role_resources: _LazyService[RoleResources] = _LazyService("roles", "RoleResources")
    role_resources_history: _LazyService[RoleResourcesHistory] = _LazyService(
        "history", "RoleResourcesHistory"
    )
    roles: _LazyService[Roles] = _LazyService("roles", "Roles")
    roles_history: _LazyService[RolesHistory] = _LazyService("history", "RolesHistory")
    secret_engines: _LazyService[SecretEngines] = _LazyService("secrets", "SecretEngines")
    secret_stores: _LazyService[SecretStores] = _LazyService("secrets", "SecretStores")
    secret_stores_history: _LazyService[SecretStoresHistory] = _LazyService(
        "history", "SecretStoresHistory"
    )

    def __init__(
        self,
        api_access_key: str | None = None,
        api_secret: str | None = None,
        *,
        host: str = DEFAULT_HOST,
        insecure: bool = False,
        retry_rate_limit_errors: bool = True,
        page_limit: int = 0,
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
    ) -> None:
        if credentials is None:
            if api_access_key is None or api_secret is None:
                raise ValueError("give api_access_key and api_secret, or credentials")
            credentials = StaticCredentials(api_access_key, api_secret)
        elif api_access_key is not None or api_secret is not None:
            raise ValueError("give either api_access_key/api_secret or credentials, not both")
        if page_limit < 0:
            raise ValueError("page_limit must be 0 (the service's default) or more")
        self.host = host
        self.page_limit = page_limit
        self.credentials = credentials
        policy = dataclasses.replace(
            retry_policy or RetryPolicy(), retry_rate_limit_errors=retry_rate_limit_errors
        )
        self._transport = Transport(
            host, insecure=insecure, options=channel_options, root_certificates=root_certificates
        )
        self._encryption = EncryptionInterceptor(self._fetch_engine, key_factory=client_key_factory)
        chain = [
            *interceptors,
            RetryInterceptor(
                policy, budget=retry_budget, pacer=RateLimitPacer(), sleep=retry_sleep
            ),
            CredentialRefreshInterceptor(credentials, expired=expired),
            self._encryption,
            SigningInterceptor(credentials, user_agent=_signing.USER_AGENT),
        ]
        self._core = CallCore(
            build_chain(chain, self._transport), page_limit=page_limit, prefetch=prefetch
        )

    @classmethod
    def from_env(cls, **kwargs: Any) -> Client:
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

    async def __aenter__(self) -> Client:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

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
        spec = SERVICES["SecretEngines"]["Get"]
        request = spec.request()
        request.id = engine_id
        await self._core.unary(spec, request, deadline)
