"""The strongDM v1 request signature, shared by the client and the local control plane.

key       = HMAC-SHA256(HMAC-SHA256(secret, "YYYY-MM-DD" of the UTC day), "sdm_api_v1")
signature = base64(HMAC-SHA256(key, SHA256(signing_name + "\\n" + request bytes)))

The derived key only changes once a day: :func:`derive_key` caches it per (secret,
day) for the local control plane; the client's signing link keeps only its current
key pair's (:func:`day_key`), so a rotated-away secret is not kept, as a :class:`Signer`.
"""

from __future__ import annotations

import base64
import binascii
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING

from aiosdm._version import __version__

if TYPE_CHECKING:
    import hashlib

# hashlib and hmac load OpenSSL (a millisecond or two): they are imported by the functions
# that hash, so that making a client does not pay for them before its first call.

__all__ = [
    "API_VERSION",
    "USER_AGENT",
    "Signer",
    "day_key",
    "decode_secret",
    "derive_key",
    "sign",
    "utc_day",
]

#: Sent as ``x-sdm-api-version``: the API revision these protos describe.
API_VERSION = "2025-04-14"
#: Sent as ``x-sdm-user-agent``.
USER_AGENT = f"aiosdm-python/{__version__}"

_KEY_LABEL = b"sdm_api_v1"
_BLOCK = 64  # SHA-256's block size: HMAC pads its key to it
_INNER_PAD = bytes(b ^ 0x36 for b in range(256))
_OUTER_PAD = bytes(b ^ 0x5C for b in range(256))


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


def day_key(secret: bytes, day: date) -> bytes:
    """The signing key of ``secret`` for the UTC ``day`` (not cached)."""
    import hmac

    dated = hmac.digest(secret, day.isoformat().encode("ascii"), "sha256")
    return hmac.digest(dated, _KEY_LABEL, "sha256")


@lru_cache(maxsize=64)
def derive_key(secret: bytes, day: date) -> bytes:
    """The per-day signing key (cached: it changes once a day per secret)."""
    return day_key(secret, day)


def sign(key: bytes, signing_name: str, body: bytes) -> str:
    """Signature of one request: ``key`` from :func:`derive_key`, ``body`` the exact bytes sent.

    For one signature; what signs many with one key keeps a :class:`Signer`.
    """
    return Signer(key).sign(signing_name, body)


@lru_cache(maxsize=256)
def _name_hash(signing_name: str) -> hashlib._Hash:
    # The digest of "signing_name\n", to copy and feed the body into: one per method.
    import hashlib

    return hashlib.sha256(signing_name.encode("utf-8") + b"\n")


class Signer:
    """Signs requests with one day's key (HMAC-SHA256, see the module docstring).

    HMAC hashes the padded key before anything else: those two hash states are made once
    here, so a signature is three copies of hash states and three short updates, where
    ``hmac.digest`` would look the digest up and key it afresh each time. It holds nothing
    the day's key would not give; its repr shows none of it.
    """

    __slots__ = ("_inner", "_outer")

    def __init__(self, key: bytes) -> None:
        import hashlib

        if len(key) > _BLOCK:
            key = hashlib.sha256(key).digest()
        block = key.ljust(_BLOCK, b"\0")
        self._inner = hashlib.sha256(block.translate(_INNER_PAD))
        self._outer = hashlib.sha256(block.translate(_OUTER_PAD))

    def __repr__(self) -> str:
        return "Signer(<day key not shown>)"

    def sign(self, signing_name: str, body: bytes) -> str:
        """The signature of ``body`` sent to ``signing_name`` (base64)."""
        digest = _name_hash(signing_name).copy()
        digest.update(body)
        inner = self._inner.copy()
        inner.update(digest.digest())
        outer = self._outer.copy()
        outer.update(inner.digest())
        return binascii.b2a_base64(outer.digest(), newline=False).decode("ascii")
