"""Sessions for any account by assuming a role from one base account."""

from __future__ import annotations

import random
from datetime import timedelta

from aiosdm._clock import Clock, utc_now
from aiosdm._refresh_policy import RefreshPolicy
from aiosdm.aws._aws_credentials import AwsCredentials
from aiosdm.aws._botocore import Session
from aiosdm.aws._cache import CacheKey, CredentialsCache, private_or_shared
from aiosdm.aws._provider import AccountSessions, SessionProvider
from aiosdm.aws._sts import StsCaller

__all__ = ["CrossAccountSessionProvider", "default_session_name"]


def default_session_name() -> str:
    """``aiosdm`` and five random digits, as a role session name."""
    return f"aiosdm{random.randint(10000, 99999)}"


class CrossAccountSessionProvider:
    """Sessions for ``role`` in any account, assumed from ``base_account``'s session.

    Credentials are cached per (account, role, session name) and refreshed ahead of expiry;
    concurrent first requests for one account make a single ``AssumeRole`` call.

    Args:
        base_provider: gives the base account's session.
        base_account: the account to assume from.
        role: role name (not ARN) to assume in each target account.
        external_id: ``ExternalId`` passed to ``AssumeRole``, if the role requires one.
        duration: requested credential lifetime in seconds.
        role_session_name: default ``aiosdm`` + 5 random digits.
        endpoint_url: STS endpoint (tests point it at a local server).
        region_name: region for STS and for the sessions handed out.
        verify: TLS verification for STS (``False`` or a CA bundle path).
        partition: ARN partition.
        refresh_policy: when credentials are refreshed (default: 15 and 10 minutes before
            expiry; ``RefreshPolicy(advisory=0.5, mandatory=0.5)`` is awsrun's half-life).
        cache: share a cache between providers (it brings its own policy); default: a
            private one.
        clock: wall clock for a private cache.

    Raises:
        ValueError: both ``cache`` and ``refresh_policy`` were given.
    """

    def __init__(
        self,
        base_provider: SessionProvider,
        base_account: str,
        role: str,
        external_id: str | None = None,
        duration: int = 3600,
        *,
        role_session_name: str | None = None,
        endpoint_url: str | None = None,
        region_name: str | None = None,
        verify: bool | str | None = None,
        partition: str = "aws",
        refresh_policy: RefreshPolicy | None = None,
        cache: CredentialsCache | None = None,
        clock: Clock = utc_now,
    ) -> None:
        self._base = base_provider
        self._base_account = base_account
        self._role = role
        self._external_id = external_id
        self._duration = duration
        self._session_name = role_session_name or default_session_name()
        self._sts = StsCaller(
            endpoint_url=endpoint_url, region_name=region_name, verify=verify, partition=partition
        )
        self._cache = private_or_shared(cache, refresh_policy, clock)
        self._sessions = AccountSessions(self.credentials, self._cache, region_name=region_name)

    def __repr__(self) -> str:
        return (
            f"CrossAccountSessionProvider(base_account={self._base_account!r}, "
            f"role={self._role!r}, duration={self._duration})"
        )

    @property
    def duration(self) -> timedelta:
        """How long each assumed-role session lasts."""
        return timedelta(seconds=self._duration)

    async def credentials(self, account_id: str) -> AwsCredentials:
        """Current credentials for the role in ``account_id``.

        Raises:
            AssumeRoleError: STS refused or failed.
            ExpiredCredentialsError: STS returned credentials that had already expired.
        """
        key = CacheKey(account_id, self._role, self._session_name)
        return await self._cache.get(key, lambda: self._assume(account_id))

    async def session(self, account_id: str, region_name: str | None = None) -> Session:
        """A session for ``account_id`` (in ``region_name``, default the provider's) whose
        credentials refresh themselves."""
        return await self._sessions.session(account_id, region_name)

    async def close(self) -> None:
        """Close the session cache. Safe to call more than once."""
        await self._cache.aclose()

    async def _assume(self, account_id: str) -> AwsCredentials:
        base = await self._base.session(self._base_account)
        return await self._sts.assume_role(
            base,
            role_arn=self._sts.role_arn(account_id, self._role),
            session_name=self._session_name,
            external_id=self._external_id,
            duration=self._duration,
        )
