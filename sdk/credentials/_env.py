"""API keys from environment variables."""

from __future__ import annotations

import os
from collections.abc import Mapping

from aiosdm._credentials import Credentials
from aiosdm.credentials._errors import CredentialsNotFoundError, SecretFormatError

__all__ = ["EnvCredentials"]

ACCESS_KEY_VAR = "SDM_API_ACCESS_KEY"
SECRET_KEY_VAR = "SDM_API_SECRET_KEY"


class EnvCredentials:
    """Keys read from the environment on every ``get()``, so a changed variable is seen.

    Args:
        access_key_var: variable holding the access key.
        secret_key_var: variable holding the base64 secret key.
        environ: where to read; ``os.environ`` by default.
    """

    def __init__(
        self,
        access_key_var: str = ACCESS_KEY_VAR,
        secret_key_var: str = SECRET_KEY_VAR,
        *,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        self._access_var = access_key_var
        self._secret_var = secret_key_var
        self._environ = os.environ if environ is None else environ
        self._cached: tuple[str, str, Credentials] | None = None

    def __repr__(self) -> str:
        return f"EnvCredentials({self._access_var!r}, {self._secret_var!r})"

    async def get(self) -> Credentials:
        """The keys currently in the environment.

        Raises:
            CredentialsNotFoundError: a variable is unset or empty.
            SecretFormatError: the secret is not base64.
        """
        access_key = self._read(self._access_var)
        secret_key = self._read(self._secret_var)
        cached = self._cached
        if cached is not None and cached[0] == access_key and cached[1] == secret_key:
            return cached[2]
        try:
            credentials = Credentials(access_key, secret_key)
        except ValueError:
            raise SecretFormatError(f"${self._secret_var} is not a base64 API secret") from None
        self._cached = (access_key, secret_key, credentials)
        return credentials

    async def refresh(self) -> Credentials:
        """Read the environment again (it is read on every ``get()`` anyway)."""
        return await self.get()

    def _read(self, name: str) -> str:
        value = self._environ.get(name, "").strip()
        if not value:
            raise CredentialsNotFoundError(f"${name} is not set")
        return value
