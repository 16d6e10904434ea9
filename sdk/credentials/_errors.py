"""Errors raised while obtaining API keys. None of them ever carries a secret value.

The hierarchy::

    CredentialsError
    ├── CredentialsNotFoundError   the source holds no keys (variable unset, file missing)
    ├── SecretFormatError          the source holds something that is not a key pair
    └── CredentialsRefreshError    fetching from a remote source failed
"""

from __future__ import annotations

__all__ = [
    "CredentialsError",
    "CredentialsNotFoundError",
    "CredentialsRefreshError",
    "SecretFormatError",
]


class CredentialsError(Exception):
    """Root of every error raised by a credentials provider."""


class CredentialsNotFoundError(CredentialsError):
    """The configured source does not hold credentials."""


class SecretFormatError(CredentialsError):
    """The source holds a value that cannot be read as an API key pair.

    The message names the source and the missing or malformed field, never the value.
    """


class CredentialsRefreshError(CredentialsError):
    """Fetching credentials from a remote source failed (the cause is chained)."""
