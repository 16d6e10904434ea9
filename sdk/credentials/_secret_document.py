"""Reading a key pair and rotation hints out of a secret's JSON document.

Hints understood (all optional; unreadable hints are ignored, never fatal):

- ``refreshInterval`` / ``refresh_interval``: ``"3600s"`` or a number of seconds.
- ``scheduleRotateTimestamp`` / ``next_rotation``: epoch seconds or an ISO 8601 time.
- ``ExpireTimestamp`` / ``expires_at``: ``"2026-01-01T00:00:00Z"``, ISO 8601 or epoch seconds.

The ``camelCase`` names are those of Aliyun managed RAM credentials.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from aiosdm._credentials import Credentials
from aiosdm.credentials._errors import SecretFormatError

__all__ = ["RotationHints", "credentials_from", "load_json_object", "read_text_field"]

_log = logging.getLogger("aiosdm.credentials")

_INTERVAL_KEYS = ("refreshInterval", "refresh_interval")
_ROTATION_KEYS = ("scheduleRotateTimestamp", "next_rotation")
_EXPIRY_KEYS = ("ExpireTimestamp", "expires_at")
T = TypeVar("T")
_SECONDS = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*s?\s*$")


@dataclass(frozen=True)
class RotationHints:
    """When the source says its value will change or stop working."""

    refresh_interval: timedelta | None = None
    next_rotation: datetime | None = None
    expires_at: datetime | None = None

    @classmethod
    def from_document(cls, document: Mapping[str, Any]) -> RotationHints:
        """Hints found in a secret's JSON object."""
        return cls(
            refresh_interval=_first(document, _INTERVAL_KEYS, parse_interval),
            next_rotation=_first(document, _ROTATION_KEYS, parse_time),
            expires_at=_first(document, _EXPIRY_KEYS, parse_time),
        )

    def merged(self, other: RotationHints) -> RotationHints:
        """These hints, with gaps filled from ``other``."""
        return RotationHints(
            refresh_interval=self.refresh_interval or other.refresh_interval,
            next_rotation=self.next_rotation or other.next_rotation,
            expires_at=self.expires_at or other.expires_at,
        )


def load_json_object(text: str | bytes, *, source: str) -> dict[str, Any]:
    """Parse a secret value that must be a JSON object.

    Raises:
        SecretFormatError: not JSON, or not an object. The value is never quoted.
    """
    try:
        document = json.loads(text)
    except (ValueError, UnicodeDecodeError):
        # JSONDecodeError keeps the whole document on the exception: drop it.
        raise SecretFormatError(f"{source}: the secret value is not JSON") from None
    if not isinstance(document, dict):
        raise SecretFormatError(f"{source}: the secret value is not a JSON object")
    return document


def read_text_field(document: Mapping[str, Any], name: str, *, source: str) -> str:
    """A required non-empty string field.

    Raises:
        SecretFormatError: the field is missing, empty or not a string.
    """
    value = document.get(name)
    if not isinstance(value, str) or not value.strip():
        raise SecretFormatError(f"{source}: field {name!r} is missing or not a non-empty string")
    return value


def credentials_from(
    document: Mapping[str, Any], *, access_key_field: str, secret_key_field: str, source: str
) -> Credentials:
    """The strongDM key pair held in ``document`` under the given field names."""
    access_key = read_text_field(document, access_key_field, source=source)
    secret_key = read_text_field(document, secret_key_field, source=source)
    try:
        return Credentials(access_key, secret_key)
    except ValueError:
        raise SecretFormatError(
            f"{source}: field {secret_key_field!r} is not a base64 API secret"
        ) from None


def parse_interval(value: object) -> timedelta | None:
    """``"3600s"``, ``"3600"`` or ``3600`` -> one hour; anything else -> None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        seconds = float(value)
    elif isinstance(value, str) and (match := _SECONDS.match(value)):
        seconds = float(match.group(1))
    else:
        return None
    return timedelta(seconds=seconds) if seconds > 0 else None


def parse_time(value: object) -> datetime | None:
    """Epoch seconds (number or digits) or ISO 8601 -> an aware UTC datetime; else None."""
    if isinstance(value, bool):
        return None
    try:
        if isinstance(value, int | float):
            return datetime.fromtimestamp(float(value), UTC)
        if isinstance(value, str):
            text = value.strip()
            if text.isdigit():
                return datetime.fromtimestamp(float(text), UTC)
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    except (ValueError, OverflowError, OSError):
        return None
    return None


def _first(
    document: Mapping[str, Any], keys: tuple[str, ...], parse: Callable[[object], T | None]
) -> T | None:
    for key in keys:
        if key in document:
            parsed = parse(document[key])
            if parsed is None:
                _log.debug("ignoring unreadable rotation hint %r", key)
            return parsed
    return None
