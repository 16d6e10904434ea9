"""One set of AWS credentials, possibly temporary."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

__all__ = ["AwsCredentials"]


@dataclass(frozen=True)
class AwsCredentials:
    """AWS keys; the secret and the token never appear in ``repr()``.

    ``expiration`` is None for long-lived keys.
    """

    access_key_id: str
    secret_access_key: str = field(repr=False)
    session_token: str | None = field(default=None, repr=False)
    expiration: datetime | None = None

    def expired(self, now: datetime) -> bool:
        """Whether the credentials have expired at ``now`` (never, without an expiration)."""
        return self.expiration is not None and self.expiration <= now

    @classmethod
    def from_sts(cls, answer: dict[str, Any]) -> AwsCredentials:
        """From the ``Credentials`` member of an STS AssumeRole* answer."""
        return cls(
            access_key_id=answer["AccessKeyId"],
            secret_access_key=answer["SecretAccessKey"],
            session_token=answer.get("SessionToken"),
            expiration=answer.get("Expiration"),
        )

    def client_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for ``session.create_client()``."""
        return {
            "aws_access_key_id": self.access_key_id,
            "aws_secret_access_key": self.secret_access_key,
            "aws_session_token": self.session_token,
        }
