"""Reaching accounts through chains of role assumptions, trying several chains in order.

An :class:`Accessor` holds :class:`MultiHopAccessor` chains; each chain is a list of
:class:`AccessStep` hops. Every hop but the last names its account; the last one is
taken in whichever account was asked for. Each hop's credentials are cached (per account,
role and session name) and refreshed on their own, so a long chain does not re-walk every
hop when only the last credentials near expiry. Chains can also be read from a file in
altimeter's JSON layout (:meth:`Accessor.from_file`).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiosdm._async import SingleFlight
from aiosdm._clock import Clock, utc_now
from aiosdm._refresh_policy import RefreshPolicy
from aiosdm.aws._accessor_file import AccessorDefinition, load_definition, parse_definition
from aiosdm.aws._aws_credentials import AwsCredentials
from aiosdm.aws._botocore import (
    Session,
    new_session,
    prepare,
    refreshing_session,
    session_with_region,
)
from aiosdm.aws._cache import CacheKey, CredentialsCache, private_or_shared
from aiosdm.aws._errors import AccessorDefinitionError, AccountAccessError
from aiosdm.aws._provider import AccountSessions
from aiosdm.aws._sts import StsCaller

__all__ = ["AccessStep", "Accessor", "MultiHopAccessor"]


@dataclass(frozen=True)
class AccessStep:
    """One hop: assume ``role_name`` in ``account_id`` (None for the final, target hop).

    ``external_id`` is kept out of ``repr()``: it may come from the environment.
    """

    role_name: str
    account_id: str | None = None
    external_id: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class MultiHopAccessor:
    """A chain of hops from the base session to a target account.

    Raises:
        ValueError: no steps, a middle step without an account, or a last step with one.
    """

    role_session_name: str
    access_steps: Sequence[AccessStep]

    def __post_init__(self) -> None:
        steps = tuple(self.access_steps)
        object.__setattr__(self, "access_steps", steps)
        if not steps:
            raise ValueError("a MultiHopAccessor needs at least one AccessStep")
        if any(step.account_id is None for step in steps[:-1]):
            raise ValueError("every AccessStep but the last needs an account_id")
        if steps[-1].account_id is not None:
            raise ValueError("the last AccessStep is the target: leave its account_id unset")

    def __str__(self) -> str:
        hops = ",".join(f"{s.role_name}@{s.account_id or 'target'}" for s in self.access_steps)
        return f"accessor:{self.role_session_name}:{hops}"

    def hops(self, account_id: str) -> list[tuple[str, AccessStep]]:
        """(account, step) for each hop when the target is ``account_id``."""
        return [(step.account_id or account_id, step) for step in self.access_steps]


class Accessor:
    """Sessions for accounts reached through the first chain that works.

    With no chains, the base session itself is used, for its own account only.

    Args:
        multi_hop_accessors: chains, tried in order.
        cache_creds: keep each hop's credentials for later calls (and refresh them ahead of
            expiry). False walks the whole chain again for every session asked for.
        base_session: where every chain starts; default: a session with aiobotocore's
            default credential chain.
        duration: requested lifetime of each hop's credentials, in seconds.
        endpoint_url: STS endpoint (tests point it at a local server).
        region_name: region for STS and, unless a call says otherwise, for sessions.
        verify: TLS verification for STS.
        partition: ARN partition.
        refresh_policy: when cached credentials are refreshed (default: 15 and 10 minutes
            before expiry).
        cache: share a credentials cache (it brings its own policy); default: a private one.
        clock: wall clock for a private cache.

    Raises:
        ValueError: both ``cache`` and ``refresh_policy`` were given.
    """

    def __init__(
        self,
        multi_hop_accessors: Sequence[MultiHopAccessor] = (),
        *,
        cache_creds: bool = True,
        base_session: Session | None = None,
        duration: int = 3600,
        endpoint_url: str | None = None,
        region_name: str | None = None,
        verify: bool | str | None = None,
        partition: str = "aws",
        refresh_policy: RefreshPolicy | None = None,
        cache: CredentialsCache | None = None,
        clock: Clock = utc_now,
    ) -> None:
        self._chains = tuple(multi_hop_accessors)
        self._cache_creds = cache_creds
        self._base = base_session if base_session is not None else new_session()
        self._duration = duration
        self._region = region_name
        self._sts = StsCaller(
            endpoint_url=endpoint_url, region_name=region_name, verify=verify, partition=partition
        )
        self._cache = private_or_shared(cache, refresh_policy, clock)
        self._winners: dict[str, MultiHopAccessor] = {}
        self._base_account: SingleFlight[str, str] = SingleFlight()
        self._base_account_id: str | None = None
        self._base_in_region: dict[str, Session] = {}
        self._sessions = AccountSessions(self.credentials, self._cache, region_name=region_name)

    def __repr__(self) -> str:
        return f"Accessor(chains={len(self._chains)}, cache_creds={self._cache_creds})"

    def __str__(self) -> str:
        return ",".join(str(chain) for chain in self._chains)

    @property
    def multi_hop_accessors(self) -> tuple[MultiHopAccessor, ...]:
        """The chains of role hops this accessor reaches accounts through."""
        return self._chains

    @property
    def cache_creds(self) -> bool:
        """Whether assumed-role credentials are cached until shortly before they expire."""
        return self._cache_creds

    @classmethod
    async def from_file(
        cls,
        path: str | os.PathLike[str],
        cache_creds: bool | None = None,
        *,
        environ: Mapping[str, str] | None = None,
        **options: Any,
    ) -> Accessor:
        """An accessor defined by a JSON file in altimeter's layout (read in a worker thread).

        Example file::

            {"multi_hop_accessors": [
              {"role_session_name": "inventory",
               "access_steps": [
                 {"role_name": "hub", "account_id": "111111111111",
                  "external_id": "{{ env.HUB_EXTERNAL_ID }}"},
                 {"role_name": "reader"}]}]}

        Args:
            path: the file.
            cache_creds: overrides the file's ``cache_creds`` (default: the file's, else True).
            environ: where ``{{ env.NAME }}`` is looked up; default ``os.environ``.
            options: the constructor's keyword arguments (``base_session``, ``region_name``,
                ``endpoint_url``, ``refresh_policy``...).

        Raises:
            AccessorDefinitionError: the file cannot be read, is not JSON, or a field is
                missing, unknown or malformed (the message names the file and the field).
        """
        source = os.fspath(path)
        try:
            text = await asyncio.to_thread(Path(path).read_bytes)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise AccessorDefinitionError(source, None, f"cannot be read: {reason}") from exc
        definition = load_definition(
            text, source=source, environ=os.environ if environ is None else environ
        )
        return cls._from_definition(definition, cache_creds, options)

    @classmethod
    def from_dict(
        cls,
        definition: Mapping[str, Any],
        cache_creds: bool | None = None,
        *,
        source: str = "accessor definition",
        environ: Mapping[str, str] | None = None,
        **options: Any,
    ) -> Accessor:
        """Like :meth:`from_file`, from an already-decoded definition.

        Raises:
            AccessorDefinitionError: a field is missing, unknown or malformed.
        """
        parsed = parse_definition(
            dict(definition), source=source, environ=os.environ if environ is None else environ
        )
        return cls._from_definition(parsed, cache_creds, options)

    @classmethod
    def _from_definition(
        cls, definition: AccessorDefinition, cache_creds: bool | None, options: dict[str, Any]
    ) -> Accessor:
        chains = [
            MultiHopAccessor(
                name, [AccessStep(s.role_name, s.account_id, s.external_id) for s in steps]
            )
            for name, steps in definition.chains
        ]
        if cache_creds is None:
            cache_creds = True if definition.cache_creds is None else definition.cache_creds
        return cls(chains, cache_creds=cache_creds, **options)

    async def session(self, account_id: str, region_name: str | None = None) -> Session:
        """A session for ``account_id`` whose credentials refresh themselves.

        Args:
            account_id: the target account.
            region_name: the session's region; default: the accessor's.

        Raises:
            AccountAccessError: no chain reached the account (every error is attached).
        """
        if not self._chains:
            account = await self._own_account()
            if account != account_id:
                raise AccountAccessError(
                    account_id,
                    [ValueError(f"the base session belongs to account {account}")],
                )
            return await self._base_session(region_name)
        if self._cache_creds:
            return await self._sessions.session(account_id, region_name)
        await self.credentials(account_id)  # errors surface here
        session = refreshing_session(
            lambda: self.credentials(account_id),
            clock=self._cache.clock,
            moments=self._cache.moments,
            region_name=region_name or self._region,
        )
        await prepare(session)
        return session

    async def credentials(self, account_id: str) -> AwsCredentials:
        """Current credentials for ``account_id`` through the first chain that works.

        Raises:
            AccountAccessError: no chain reached the account (every error is attached).
        """
        winner = self._winners.get(account_id)
        chains = self._chains
        if winner is not None:
            # The chain that worked last time goes first; the others remain fallbacks.
            chains = (winner, *(chain for chain in self._chains if chain is not winner))
        errors: list[BaseException] = []
        for chain in chains:
            # Without caching, each walk still shares its own hops, and nothing more.
            cache = self._cache if self._cache_creds else CredentialsCache(clock=self._cache.clock)
            try:
                credentials = await self._walk(chain, account_id, cache)
            except Exception as exc:
                errors.append(exc)
                continue
            self._winners[account_id] = chain
            return credentials
        raise AccountAccessError(account_id, errors)

    async def close(self) -> None:
        """Close the sessions and caches it holds. Safe to call more than once."""
        await self._base_account.aclose()
        await self._cache.aclose()

    async def _walk(
        self, chain: MultiHopAccessor, account_id: str, cache: CredentialsCache
    ) -> AwsCredentials:
        return await self._hop(chain, chain.hops(account_id), len(chain.access_steps) - 1, cache)

    async def _hop(
        self,
        chain: MultiHopAccessor,
        hops: list[tuple[str, AccessStep]],
        index: int,
        cache: CredentialsCache,
    ) -> AwsCredentials:
        account, step = hops[index]

        async def assume() -> AwsCredentials:
            source = self._base if index == 0 else await self._hop(chain, hops, index - 1, cache)
            return await self._sts.assume_role(
                source,
                role_arn=self._sts.role_arn(account, step.role_name),
                session_name=chain.role_session_name,
                external_id=step.external_id,
                duration=self._duration,
            )

        key = CacheKey(account, step.role_name, chain.role_session_name)
        return await cache.get(key, assume)

    async def _base_session(self, region_name: str | None) -> Session:
        if region_name is None:
            return self._base
        session = self._base_in_region.get(region_name)
        if session is None:
            session = session_with_region(self._base, region_name)
            await prepare(session)
            session = self._base_in_region.setdefault(region_name, session)
        return session

    async def _own_account(self) -> str:
        if self._base_account_id is None:
            self._base_account_id = await self._base_account.run(
                "self", lambda: self._sts.account_id(self._base)
            )
        return self._base_account_id
