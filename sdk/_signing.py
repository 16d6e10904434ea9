"""The strongDM v1 request signature, shared by the client and the local control plane.

key       = HMAC-SHA256(HMAC-SHA256(secret, "YYYY-MM-DD" of the UTC day), "sdm_api_v1")
signature = base64(HMAC-SHA256(key, SHA256(signing_name + "\\n" + request bytes)))

The derived key only changes once a day, so it is cached per (secret, day).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from datetime import UTC, date, datetime
from functools import lru_cache

from aiosdm._version import __version__

__all__ = ["API_VERSION", "USER_AGENT", "decode_secret", "derive_key", "sign", "utc_day"]

#: Sent as ``x-sdm-api-version``: the API revision these protos describe.
API_VERSION = "2025-04-14"
#: Sent as ``x-sdm-user-agent``.
USER_AGENT = f"aiosdm-python/{__version__}"

_KEY_LABEL = b"sdm_api_v1"


def decode_secret(secret: str) -> bytes:
    """The raw HMAC key behind a base64 API secret.

    Raises:
        ValueError: the secret is not base64. The message never contains the secret.
    """
    try:
        return base64.b64decode(secret.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("API secret is not valid base64 (value not shown)") from None


def utc_day(now: datetime | None = None) -> date:
    return (now or datetime.now(UTC)).astimezone(UTC).date()


@lru_cache(maxsize=64)
def derive_key(secret: bytes, day: date) -> bytes:
    """The per-day signing key (cached: it changes once a day per secret)."""
    day_key = hmac.new(secret, day.isoformat().encode("ascii"), hashlib.sha256).digest()
    return hmac.new(day_key, _KEY_LABEL, hashlib.sha256).digest()


def sign(key: bytes, signing_name: str, body: bytes) -> str:
    """Signature of one request: ``key`` from :func:`derive_key`, ``body`` the exact bytes sent."""
    digest = hashlib.sha256(signing_name.encode("utf-8") + b"\n" + body).digest()
    return base64.b64encode(hmac.new(key, digest, hashlib.sha256).digest()).decode("ascii")
