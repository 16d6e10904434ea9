"""Aliyun API request signature V3 (``ACS3-HMAC-SHA256``).

    CanonicalRequest = METHOD \\n URI \\n canonical query \\n canonical headers \\n
                       signed header names \\n hex(SHA256(body))
    StringToSign     = "ACS3-HMAC-SHA256" \\n hex(SHA256(CanonicalRequest))
    Signature        = hex(HMAC-SHA256(AccessKeySecret, StringToSign))
    Authorization    = ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<names>,Signature=<hex>

Signed headers: ``host``, ``content-type`` when present, and every ``x-acs-*`` header;
names lower-cased and sorted, values trimmed.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from urllib.parse import quote

__all__ = [
    "ALGORITHM",
    "authorization",
    "canonical_query",
    "canonical_request",
    "hex_sha256",
    "percent_encode",
    "string_to_sign",
]

ALGORITHM = "ACS3-HMAC-SHA256"


def percent_encode(value: str) -> str:
    """RFC 3986 encoding: everything but ``A-Z a-z 0-9 - _ . ~`` as UTF-8 ``%XX``."""
    return quote(value, safe="-_.~")


def hex_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def canonical_query(params: Mapping[str, str]) -> str:
    """Sorted, encoded ``k=v`` pairs joined by ``&`` (also the query string to send)."""
    encoded = sorted((percent_encode(k), percent_encode(v)) for k, v in params.items())
    return "&".join(f"{k}={v}" for k, v in encoded)


def _signed(headers: Mapping[str, str]) -> list[tuple[str, str]]:
    picked = {
        name.lower(): value.strip()
        for name, value in headers.items()
        if name.lower() in ("host", "content-type") or name.lower().startswith("x-acs-")
    }
    return sorted(picked.items())


def canonical_request(
    *, method: str, path: str, query: Mapping[str, str], headers: Mapping[str, str], body: bytes
) -> tuple[str, str]:
    """The canonical request and the ``;``-joined signed header names."""
    signed = _signed(headers)
    names = ";".join(name for name, _ in signed)
    lines = "".join(f"{name}:{value}\n" for name, value in signed)
    request = "\n".join(
        [method.upper(), path or "/", canonical_query(query), lines, names, hex_sha256(body)]
    )
    return request, names


def string_to_sign(request: str) -> str:
    return f"{ALGORITHM}\n{hex_sha256(request.encode('utf-8'))}"


def authorization(
    *,
    access_key_id: str,
    access_key_secret: str,
    method: str,
    path: str,
    query: Mapping[str, str],
    headers: Mapping[str, str],
    body: bytes = b"",
) -> str:
    """The ``Authorization`` header value for a request carrying ``headers``.

    ``headers`` must already hold ``host``, ``x-acs-action``, ``x-acs-version``,
    ``x-acs-date``, ``x-acs-signature-nonce`` and ``x-acs-content-sha256``.
    """
    request, names = canonical_request(
        method=method, path=path, query=query, headers=headers, body=body
    )
    signature = hmac.new(
        access_key_secret.encode("utf-8"), string_to_sign(request).encode("utf-8"), hashlib.sha256
    ).hexdigest()
    return f"{ALGORITHM} Credential={access_key_id},SignedHeaders={names},Signature={signature}"
