"""Everything that touches aiobotocore's (untyped) internals lives here.

- Sessions share one botocore data loader, and the service models are loaded in a worker
  thread before first use, so creating clients does not read model files on the event loop.
- A "refreshing session" is an ``AioSession`` whose credentials come from an async fetch
  function (usually a :class:`CredentialsCache` lookup), asked again as expiry nears.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any, TypeAlias

from aiobotocore.credentials import (  # type: ignore[import-untyped]
    AioDeferredRefreshableCredentials,
)
from aiobotocore.session import AioSession  # type: ignore[import-untyped]
from botocore.loaders import create_loader  # type: ignore[import-untyped]

from aiosdm._clock import Clock
from aiosdm.aws._aws_credentials import AwsCredentials

__all__ = ["Session", "new_session", "prepare", "refreshing_session", "static_session"]

#: An ``aiobotocore.session.AioSession`` (aiobotocore ships no type information).
Session: TypeAlias = Any

_loader: Any = None
_warmed: weakref.WeakKeyDictionary[Any, set[str]] = weakref.WeakKeyDictionary()
_configured: weakref.WeakSet[Any] = weakref.WeakSet()


def _shared_loader() -> Any:
    global _loader
    if _loader is None:
        _loader = create_loader()
    return _loader


def new_session(*, profile: str | None = None) -> Session:
    """A fresh ``AioSession`` using the shared model loader."""
    session = AioSession(profile=profile)
    session.register_component("data_loader", _shared_loader())
    return session


async def prepare(session: Session, *services: str) -> None:
    """Read the session's config files and ``services``' models in a worker thread.

    botocore reads both lazily and synchronously, on first use, and then caches them.
    """
    if session not in _configured:
        await asyncio.to_thread(getattr, session, "full_config")
        _configured.add(session)
    loaded = _warmed.setdefault(session.get_component("data_loader"), set())
    for service in services:
        if service not in loaded:
            await asyncio.to_thread(session.warm_up_loader_caches, service)
            loaded.add(service)


def refreshing_session(
    fetch: Callable[[], Awaitable[AwsCredentials]],
    *,
    clock: Clock,
    advisory_window: timedelta,
    mandatory_window: timedelta,
    region_name: str | None = None,
    method: str = "aiosdm",
) -> Session:
    """An ``AioSession`` whose credentials are ``await fetch()``, asked again near expiry.

    ``fetch`` must return credentials with an expiration.
    """

    async def refresh() -> dict[str, Any]:
        credentials = await fetch()
        if credentials.expiration is None:
            raise ValueError("refreshing sessions need expiring credentials")
        return {
            "access_key": credentials.access_key_id,
            "secret_key": credentials.secret_access_key,
            "token": credentials.session_token,
            "expiry_time": credentials.expiration.isoformat(),
        }

    credentials = AioDeferredRefreshableCredentials(
        refresh_using=refresh, method=method, time_fetcher=clock
    )
    # botocore reads its refresh windows from these attributes; align them with ours so it
    # asks ``fetch`` (a cheap cache lookup) whenever our cache may hold something newer.
    credentials._advisory_refresh_timeout = int(advisory_window.total_seconds())
    credentials._mandatory_refresh_timeout = int(mandatory_window.total_seconds())
    session = new_session()
    session.register_component("credential_provider", _FixedResolver(credentials))
    if region_name is not None:
        session.set_config_variable("region", region_name)
    return session


def static_session(credentials: AwsCredentials, *, region_name: str | None = None) -> Session:
    """An ``AioSession`` with fixed credentials."""
    session = new_session()
    session.set_credentials(
        credentials.access_key_id, credentials.secret_access_key, credentials.session_token
    )
    if region_name is not None:
        session.set_config_variable("region", region_name)
    return session


class _FixedResolver:
    """Stands in for aiobotocore's credential chain: always answers our credentials."""

    def __init__(self, credentials: Any) -> None:
        self._credentials = credentials

    async def load_credentials(self) -> Any:
        return self._credentials
