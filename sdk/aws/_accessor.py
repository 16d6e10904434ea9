"""Reaching accounts through chains of role assumptions, trying several chains in order.

An :class:`Accessor` holds :class:`MultiHopAccessor` chains; each chain is a list of
:class:`AccessStep` hops. Every hop but the last names its account; the last one is
taken in whichever account was asked for. Each hop's credentials are cached (per account,
role and session name) and refreshed on their own, so a long chain does not re-walk every
hop when only the last credentials near expiry.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from aiosdm._async import SingleFlight
from aiosdm._clock import Clock, utc_now
from aiosdm.aws._aws_credentials import AwsCredentials
from aiosdm.aws._botocore import Session, new_session
from aiosdm.aws._cache import CacheKey, CredentialsCache
from aiosdm.aws._errors import AccountAccessError
from aiosdm.aws._provider import AccountSessions
from aiosdm.aws._sts import StsCaller

__all__ = ["AccessStep", "Accessor", "MultiHopAccessor"]


@dataclass(frozen=True)
class AccessStep:
    """One hop: assume ``role_name`` in ``account_id`` (None for the final, target hop)."""

    role_name: str
    account_id: str | None = None
    external_id: str | None = None


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

    def hops(self, account_id: str) -> list[tuple[str, AccessStep]]:
        """(account, step) for each hop when the target is ``account_id``."""
        return [(step.account_id or account_id, step) for step in self.access_steps]


class Accessor:
    """Sessions for accounts reached through the first chain that works.

    With no chains, the base session itself is returned for its own account only.

    Args:
        multi_hop_accessors: chains, tried in order.
        base_session: where every chain starts; default: a session with aiobotocore's
            default credential chain.
        duration: requested lifetime of each hop's credentials, in seconds.
        endpoint_url: STS endpoint (tests point it at a local server).
        region_name: region for STS and for the sessions handed out.
        verify: TLS verification for STS.
        partition: ARN partition.
        cache: share a credentials cache; default: a private one.
        clock: wall clock for a private cache.
    """

    def __init__(
        self,
        multi_hop_accessors: Sequence[MultiHopAccessor] = (),
        *,
        base_session: Session | None = None,
        duration: int = 3600,
        endpoint_url: str | None = None,
        region_name: str | None = None,
        verify: bool | str | None = None,
        partition: str = "aws",
        cache: CredentialsCache | None = None,
        clock: Clock = utc_now,
    ) -> None:
        self._chains = tuple(multi_hop_accessors)
        self._base = base_session if base_session is not None else new_session()
        self._duration = duration
        self._sts = StsCaller(
            endpoint_url=endpoint_url, region_name=region_name, verify=verify, partition=partition
        )
        self._cache = cache or CredentialsCache(clock=clock)
        self._winners: dict[str, MultiHopAccessor] = {}
        self._base_account: SingleFlight[str, str] = SingleFlight()
        self._base_account_id: str | None = None
        self._sessions = AccountSessions(self.credentials, self._cache, region_name=region_name)

    def __repr__(self) -> str:
        return f"Accessor(chains={len(self._chains)})"

    async def session(self, account_id: str) -> Session:
        """A session for ``account_id`` whose credentials refresh themselves.

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
            return self._base
        return await self._sessions.session(account_id)

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
            try:
                credentials = await self._walk(chain, account_id)
            except Exception as exc:
                errors.append(exc)
                continue
            self._winners[account_id] = chain
            return credentials
        raise AccountAccessError(account_id, errors)

    async def close(self) -> None:
        await self._base_account.aclose()
        await self._cache.aclose()

    async def _walk(self, chain: MultiHopAccessor, account_id: str) -> AwsCredentials:
        return await self._hop(chain, chain.hops(account_id), len(chain.access_steps) - 1)

    async def _hop(
        self, chain: MultiHopAccessor, hops: list[tuple[str, AccessStep]], index: int
    ) -> AwsCredentials:
        account, step = hops[index]

        async def assume() -> AwsCredentials:
            source = self._base if index == 0 else await self._hop(chain, hops, index - 1)
            return await self._sts.assume_role(
                source,
                role_arn=self._sts.role_arn(account, step.role_name),
                session_name=chain.role_session_name,
                external_id=step.external_id,
                duration=self._duration,
            )

        key = CacheKey(account, step.role_name, chain.role_session_name)
        return await self._cache.get(key, assume)

    async def _own_account(self) -> str:
        if self._base_account_id is None:
            self._base_account_id = await self._base_account.run(
                "self", lambda: self._sts.account_id(self._base)
            )
        return self._base_account_id
