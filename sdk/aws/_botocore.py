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
from datetime import datetime
from typing import Any, TypeAlias

from aiobotocore.credentials import (  # type: ignore[import-untyped]
    AioDeferredRefreshableCredentials,
)
from aiobotocore.session import AioSession  # type: ignore[import-untyped]
from botocore.loaders import create_loader  # type: ignore[import-untyped]

from aiosdm._clock import Clock
from aiosdm._refresh_policy import RefreshMoments
from aiosdm.aws._aws_credentials import AwsCredentials

__all__ = [
    "Session",
    "expiry_of",
    "new_session",
    "prepare",
    "refreshing_session",
    "session_with_region",
    "set_refresh_moments",
    "static_session",
    "use_mfa_prompter",
]

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
    moments: Callable[[AwsCredentials], RefreshMoments | None],
    region_name: str | None = None,
    method: str = "aiosdm",
) -> Session:
    """An ``AioSession`` whose credentials are ``await fetch()``, asked again when due.

    ``fetch`` must return credentials with an expiration; ``moments`` says when they are due
    for refreshing (usually what the cache that ``fetch`` reads decided for them).
    """

    async def refresh() -> dict[str, Any]:
        credentials = await fetch()
        if credentials.expiration is None:
            raise ValueError("refreshing sessions need expiring credentials")
        due = moments(credentials)
        if due is not None:
            # botocore asks ``fetch`` again (a cheap cache lookup) once these are reached.
            set_refresh_moments(refreshable, due, credentials.expiration)
        return {
            "access_key": credentials.access_key_id,
            "secret_key": credentials.secret_access_key,
            "token": credentials.session_token,
            "expiry_time": credentials.expiration.isoformat(),
        }

    refreshable = AioDeferredRefreshableCredentials(
        refresh_using=refresh, method=method, time_fetcher=clock
    )
    session = new_session()
    session.register_component("credential_provider", _FixedResolver(refreshable))
    if region_name is not None:
        session.set_config_variable("region", region_name)
    return session


def set_refresh_moments(credentials: Any, moments: RefreshMoments, expires_at: datetime) -> None:
    """Make botocore (or aiobotocore) refreshable ``credentials`` refresh at ``moments``.

    botocore reads its two windows, in seconds before expiry, from these attributes.
    """
    credentials._advisory_refresh_timeout = (expires_at - moments.advisory_at).total_seconds()
    credentials._mandatory_refresh_timeout = (expires_at - moments.mandatory_at).total_seconds()


def expiry_of(credentials: Any) -> datetime | None:
    """When botocore refreshable ``credentials`` expire (None if unknown)."""
    expiry = getattr(credentials, "_expiry_time", None)
    return expiry if isinstance(expiry, datetime) else None


def session_with_region(base: Session, region_name: str) -> Session:
    """A session using ``base``'s credentials (and their refreshing) in another region."""
    session = new_session()
    session.register_component("credential_provider", _BorrowedResolver(base))
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


class _BorrowedResolver:
    """Stands in for aiobotocore's credential chain: answers another session's credentials."""

    def __init__(self, session: Session) -> None:
        self._session = session

    async def load_credentials(self) -> Any:
        return await self._session.get_credentials()


class _FixedResolver:
    """Stands in for aiobotocore's credential chain: always answers our credentials."""

    def __init__(self, credentials: Any) -> None:
        self._credentials = credentials

    async def load_credentials(self) -> Any:
        return self._credentials


def use_mfa_prompter(botocore_session: Any, prompter: Callable[[str], str]) -> None:
    """Make ``botocore_session``'s assume-role profiles ask ``prompter(mfa_serial)`` for MFA
    codes, instead of botocore's default: a terminal prompt (``getpass``)."""
    provider = botocore_session.get_component("credential_provider").get_provider("assume-role")
    serials = _MfaSerials(prompter)
    provider._prompter = serials


class _MfaSerials:
    """botocore calls its prompter with a sentence; ours wants the device's serial."""

    _PREFIX = "Enter MFA code for "

    def __init__(self, prompter: Callable[[str], str]) -> None:
        self._prompter = prompter

    def __call__(self, prompt: str) -> str:
        serial = prompt.removeprefix(self._PREFIX).rstrip().removesuffix(":")
        return self._prompter(serial)
