"""Sessions from the AWS config and credentials files: one profile per account id."""

from __future__ import annotations

import asyncio
import os
from datetime import timedelta
from typing import Any

import botocore.session  # type: ignore[import-untyped]
from botocore.credentials import RefreshableCredentials  # type: ignore[import-untyped]

from aiosdm._async import SingleFlight
from aiosdm._clock import Clock, utc_now
from aiosdm._refresh_policy import RefreshPolicy
from aiosdm.aws._aws_credentials import AwsCredentials
from aiosdm.aws._botocore import Session, new_session, prepare, refreshing_session
from aiosdm.aws._errors import AwsAccessError

__all__ = ["ProfileSessionProvider"]


class ProfileSessionProvider:
    """A session per account from the profile named after the account id.

    An account without its own profile gets ``default_profile`` (or, when that is None or
    absent, botocore's default credential chain: environment, default profile, ...).

    The files are read, and the profile's credentials resolved, by botocore in a worker
    thread. Credentials that botocore itself refreshes (assume-role or SSO profiles,
    ``credential_process``) are asked for again every ``poll_interval``, also in a thread;
    botocore keeps them well clear of expiry.

    Args:
        default_profile: profile for accounts without their own.
        config_file: AWS config file (default: botocore's, ``~/.aws/config``).
        credentials_file: AWS credentials file (default ``~/.aws/credentials``).
        region_name: region for the sessions (default: the profile's).
        poll_interval: how often refreshable profile credentials are re-read.
        clock: wall clock, injectable for tests.
    """

    def __init__(
        self,
        *,
        default_profile: str | None = "default",
        config_file: str | os.PathLike[str] | None = None,
        credentials_file: str | os.PathLike[str] | None = None,
        region_name: str | None = None,
        poll_interval: timedelta = timedelta(minutes=5),
        clock: Clock = utc_now,
    ) -> None:
        self._default = default_profile
        self._files = {
            name: os.fspath(path)
            for name, path in (("config_file", config_file), ("credentials_file", credentials_file))
            if path is not None
        }
        self._region = region_name
        self._poll = poll_interval
        self._clock = clock
        self._sessions: dict[str, Session] = {}
        self._flight: SingleFlight[str, Session] = SingleFlight()

    def __repr__(self) -> str:
        return f"ProfileSessionProvider(default_profile={self._default!r})"

    async def session(self, account_id: str) -> Session:
        """The session for ``account_id`` (built once, then reused).

        Raises:
            AwsAccessError: the profile yields no credentials.
        """
        session = self._sessions.get(account_id)
        if session is None:
            session = await self._flight.run(account_id, lambda: self._build(account_id))
        return session

    async def profile_for(self, account_id: str) -> str | None:
        """The profile ``account_id`` maps to (None: botocore's default chain)."""
        return await asyncio.to_thread(self._pick_profile, account_id)

    async def close(self) -> None:
        await self._flight.aclose()

    async def _build(self, account_id: str) -> Session:
        profile, static, refreshable = await asyncio.to_thread(self._resolve, account_id)
        if refreshable is None:
            session = new_session(profile=profile)
            self._configure(session)
            session.set_credentials(
                static.access_key_id, static.secret_access_key, static.session_token
            )
        else:
            source = refreshable

            async def poll() -> AwsCredentials:
                frozen = await asyncio.to_thread(source.get_frozen_credentials)
                return AwsCredentials(
                    frozen.access_key,
                    frozen.secret_key,
                    frozen.token,
                    # Not the real expiry: the moment to ask botocore again.
                    expiration=self._clock() + self._poll,
                )

            session = refreshing_session(
                poll,
                clock=self._clock,
                moments=lambda polled: RefreshPolicy().moments(
                    self._clock(), polled.expiration or self._clock()
                ),
            )
            self._configure(session, profile)
        if self._region is not None:
            session.set_config_variable("region", self._region)
        await prepare(session)
        self._sessions[account_id] = session
        return session

    def _configure(self, session: Any, profile: str | None = None) -> None:
        for name, value in self._files.items():
            session.set_config_variable(name, value)
        if profile is not None:
            session.set_config_variable("profile", profile)

    def _pick_profile(self, account_id: str) -> str | None:
        probe = botocore.session.Session()
        self._configure(probe)
        profiles = probe.available_profiles
        if account_id in profiles:
            return account_id
        if self._default is not None and self._default in profiles:
            return self._default
        return None

    def _resolve(self, account_id: str) -> tuple[str | None, AwsCredentials, Any]:
        """In a worker thread: the profile, its current credentials, and the refreshable
        botocore credentials object behind them (None when they are static)."""
        profile = self._pick_profile(account_id)
        resolver = botocore.session.Session(profile=profile)
        self._configure(resolver)
        credentials = resolver.get_credentials()
        if credentials is None:
            raise AwsAccessError(
                f"no AWS credentials for account {account_id} "
                f"(profile {profile or 'from the default chain'})"
            )
        frozen = credentials.get_frozen_credentials()
        static = AwsCredentials(frozen.access_key, frozen.secret_key, frozen.token)
        refreshable = credentials if isinstance(credentials, RefreshableCredentials) else None
        return profile, static, refreshable
