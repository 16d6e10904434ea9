"""Sessions from the AWS config and credentials files: one profile per account id."""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import botocore.session  # type: ignore[import-untyped]
from botocore.credentials import RefreshableCredentials  # type: ignore[import-untyped]
from botocore.exceptions import RefreshWithMFAUnsupportedError  # type: ignore[import-untyped]

from aiosdm._async import SingleFlight
from aiosdm._clock import Clock, utc_now
from aiosdm._refresh_policy import RefreshMoments, RefreshPolicy
from aiosdm.aws._aws_credentials import AwsCredentials
from aiosdm.aws._botocore import (
    Session,
    expiry_of,
    new_session,
    prepare,
    refreshing_session,
    set_refresh_moments,
    use_mfa_prompter,
)
from aiosdm.aws._errors import AwsAccessError, MfaRequiredError

__all__ = ["MfaCodeCallback", "ProfileSessionProvider"]

#: ``await mfa_code(mfa_serial)`` returns the current code of that MFA device.
MfaCodeCallback = Callable[[str], Awaitable[str]]

_POLL_WINDOWS = RefreshPolicy()


@dataclass
class _Refreshing:
    """botocore's refreshable credentials behind one session, and the expiry last seen."""

    source: Any
    expiry: datetime | None = None


class ProfileSessionProvider:
    """A session per account from the profile named after the account id.

    An account without its own profile gets ``default_profile`` (or, when that is None or
    absent, botocore's default credential chain: environment, default profile, ...).

    The files are read, and the profile's credentials resolved, by botocore in a worker
    thread. Credentials that botocore itself refreshes (assume-role or SSO profiles,
    ``credential_process``) are looked at again every ``poll_interval``, also in a thread,
    and renewed when ``refresh_policy`` says so.

    A profile whose role needs an MFA code (``mfa_serial``) gets it from the ``mfa_code``
    callback, asked again each time the role's credentials are renewed; without a callback
    such a profile fails with :class:`MfaRequiredError`. Nothing here ever prompts on a
    terminal.

    Args:
        default_profile: profile for accounts without their own.
        config_file: AWS config file (default: botocore's, ``~/.aws/config``).
        credentials_file: AWS credentials file (default ``~/.aws/credentials``).
        region_name: region for the sessions (default: the profile's).
        mfa_code: ``async (mfa_serial) -> code`` for profiles with ``mfa_serial``.
        mfa_timeout: how long to wait for ``mfa_code``.
        refresh_policy: when refreshable profile credentials are renewed (default: 15 and
            10 minutes before expiry).
        poll_interval: how often refreshable profile credentials are looked at.
        clock: wall clock, injectable for tests.
    """

    def __init__(
        self,
        *,
        default_profile: str | None = "default",
        config_file: str | os.PathLike[str] | None = None,
        credentials_file: str | os.PathLike[str] | None = None,
        region_name: str | None = None,
        mfa_code: MfaCodeCallback | None = None,
        mfa_timeout: timedelta = timedelta(minutes=5),
        refresh_policy: RefreshPolicy | None = None,
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
        self._mfa_code = mfa_code
        self._mfa_timeout = mfa_timeout.total_seconds()
        self._policy = refresh_policy or RefreshPolicy()
        self._poll = poll_interval
        self._clock = clock
        self._sessions: dict[tuple[str, str | None], Session] = {}
        self._flight: SingleFlight[tuple[str, str | None], Session] = SingleFlight()

    def __repr__(self) -> str:
        return f"ProfileSessionProvider(default_profile={self._default!r})"

    async def session(self, account_id: str, region_name: str | None = None) -> Session:
        """The session for ``account_id`` (built once per region, then reused).

        Raises:
            MfaRequiredError: the profile needs an MFA code and none could be had.
            AwsAccessError: the profile yields no credentials.
        """
        key = (account_id, region_name or self._region)
        session = self._sessions.get(key)
        if session is None:
            session = await self._flight.run(key, lambda: self._build(*key))
        return session

    async def profile_for(self, account_id: str) -> str | None:
        """The profile ``account_id`` maps to (None: botocore's default chain)."""
        return await asyncio.to_thread(self._pick_profile, account_id)

    async def close(self) -> None:
        """Stop any fetch in flight. Safe to call more than once."""
        await self._flight.aclose()

    async def _build(self, account_id: str, region: str | None) -> Session:
        loop = asyncio.get_running_loop()
        profile, static, refreshable = await asyncio.to_thread(self._resolve, account_id, loop)
        if refreshable is None:
            session = new_session(profile=profile)
            self._configure(session)
            session.set_credentials(
                static.access_key_id, static.secret_access_key, static.session_token
            )
        else:
            state = _Refreshing(refreshable)

            async def poll() -> AwsCredentials:
                try:
                    frozen, expiry = await asyncio.to_thread(_read, state.source)
                except RefreshWithMFAUnsupportedError:
                    # botocore asks for an MFA code once per resolution: resolve the profile
                    # again, which asks the callback for a new code.
                    _, _, state.source = await asyncio.to_thread(self._resolve, account_id, loop)
                    state.expiry = None
                    frozen, expiry = await asyncio.to_thread(_read, state.source)
                now = self._clock()
                if expiry is not None and expiry != state.expiry:
                    state.expiry = expiry
                    set_refresh_moments(state.source, self._policy.moments(now, expiry), expiry)
                # Not (always) the real expiry: the moment to look at botocore's again.
                until = now + self._poll if expiry is None else min(now + self._poll, expiry)
                return AwsCredentials(frozen.access_key, frozen.secret_key, frozen.token, until)

            session = refreshing_session(
                poll,
                clock=self._clock,
                moments=self._poll_moments,
            )
            self._configure(session, profile)
        if region is not None:
            session.set_config_variable("region", region)
        await prepare(session)
        self._sessions[(account_id, region)] = session
        return session

    def _poll_moments(self, polled: AwsCredentials) -> RefreshMoments | None:
        if polled.expiration is None:
            return None
        return _POLL_WINDOWS.moments(self._clock(), polled.expiration)

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

    def _resolve(
        self, account_id: str, loop: asyncio.AbstractEventLoop
    ) -> tuple[str | None, AwsCredentials, Any]:
        """In a worker thread: the profile, its current credentials, and the refreshable
        botocore credentials object behind them (None when they are static)."""
        profile = self._pick_profile(account_id)
        resolver = botocore.session.Session(profile=profile)
        self._configure(resolver)
        use_mfa_prompter(resolver, lambda serial: self._mfa_prompt(profile, serial, loop))
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

    def _mfa_prompt(
        self, profile: str | None, mfa_serial: str, loop: asyncio.AbstractEventLoop
    ) -> str:
        """In a worker thread, where botocore wants a code: ask the callback on the loop."""
        callback = self._mfa_code
        if callback is None:
            raise MfaRequiredError(
                profile, mfa_serial, "give ProfileSessionProvider an mfa_code callback"
            )
        future = asyncio.run_coroutine_threadsafe(_ask(callback, mfa_serial), loop)
        try:
            code = future.result(timeout=self._mfa_timeout)
        except concurrent.futures.TimeoutError:
            future.cancel()
            raise MfaRequiredError(
                profile, mfa_serial, f"the mfa_code callback gave no code in {self._mfa_timeout:g}s"
            ) from None
        except MfaRequiredError:
            raise
        except Exception as exc:
            raise MfaRequiredError(
                profile, mfa_serial, f"the mfa_code callback failed: {type(exc).__name__}"
            ) from exc
        if not code:
            raise MfaRequiredError(profile, mfa_serial, "the mfa_code callback gave no code")
        return code


async def _ask(callback: MfaCodeCallback, mfa_serial: str) -> str:
    code = await callback(mfa_serial)
    return code.strip() if isinstance(code, str) else ""


def _read(credentials: Any) -> tuple[Any, datetime | None]:
    """In a worker thread: botocore's current frozen credentials (refreshing them if its
    windows say so) and their expiry."""
    frozen = credentials.get_frozen_credentials()
    return frozen, expiry_of(credentials)
