"""What every session provider offers, and the per-account session registry they share."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol, runtime_checkable

from aiosdm.aws._aws_credentials import AwsCredentials
from aiosdm.aws._botocore import Session, prepare, refreshing_session
from aiosdm.aws._cache import CredentialsCache

__all__ = ["SessionProvider"]


@runtime_checkable
class SessionProvider(Protocol):
    """Gives an ``aiobotocore`` session for an AWS account id."""

    async def session(self, account_id: str) -> Session:
        """A session for the AWS account ``account_id``."""


class AccountSessions:
    """One refreshing session per (account, region), its credentials asked from
    ``credentials`` and refreshed when ``cache`` says they are due."""

    def __init__(
        self,
        credentials: Callable[[str], Awaitable[AwsCredentials]],
        cache: CredentialsCache,
        *,
        region_name: str | None,
    ) -> None:
        self._credentials = credentials
        self._cache = cache
        self._region = region_name
        self._sessions: dict[tuple[str, str | None], Session] = {}

    async def session(self, account_id: str, region_name: str | None = None) -> Session:
        # Fetch first: errors surface here, and concurrent first callers share one fetch.
        await self._credentials(account_id)
        region = region_name or self._region
        session = self._sessions.get((account_id, region))
        if session is None:
            session = refreshing_session(
                lambda: self._credentials(account_id),
                clock=self._cache.clock,
                moments=self._cache.moments,
                region_name=region,
            )
            await prepare(session)
            session = self._sessions.setdefault((account_id, region), session)
        return session
