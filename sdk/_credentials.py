"""What the call chain asks for API keys: a provider with async ``get()`` and ``refresh()``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from aiosdm._public import publish
from aiosdm._signing import decode_secret

__all__ = ["Credentials", "CredentialsProvider", "StaticCredentials"]


@dataclass(frozen=True)
class Credentials:
    """One strongDM API key pair. The secret never appears in repr()."""

    access_key: str
    secret_key: str = field(repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "access_key", self.access_key.strip())
        decode_secret(self.secret_key)  # fail early, without echoing the value

    @property
    def secret_bytes(self) -> bytes:
        """The secret key decoded from base64: the HMAC key requests are signed with."""
        return decode_secret(self.secret_key)


@runtime_checkable
class CredentialsProvider(Protocol):
    """A source of credentials. The signing interceptor calls ``get()`` on every attempt;
    the refresh interceptor calls ``refresh()`` once the service says the key is no good.
    Implementations must be cheap on ``get()`` and single-flight on ``refresh()``."""

    async def get(self) -> Credentials:
        """The current credentials (cached; fetched on first use)."""

    async def refresh(self) -> Credentials:
        """Fetch the credentials anew, e.g. after the service refused the cached ones."""


class StaticCredentials:
    """Fixed credentials; ``refresh()`` returns them unchanged."""

    def __init__(self, access_key: str, secret_key: str) -> None:
        self._credentials = Credentials(access_key, secret_key)

    def __repr__(self) -> str:
        return f"StaticCredentials(access_key={self._credentials.access_key!r})"

    async def get(self) -> Credentials:
        """The credentials it was given."""
        return self._credentials

    async def refresh(self) -> Credentials:
        """The credentials it was given (they never change)."""
        return self._credentials


# Shown as aiosdm.<Name>, where users import them from.
publish(Credentials, CredentialsProvider, StaticCredentials)
