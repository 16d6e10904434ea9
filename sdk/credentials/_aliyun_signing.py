"""Aliyun API request signatures: V3 (``ACS3-HMAC-SHA256``) for access keys, and the RPC
signature V1 with ``SHA256withRSA`` for client keys (RSA key pairs).

V3:

    CanonicalRequest = METHOD \\n URI \\n canonical query \\n canonical headers \\n
                       signed header names \\n hex(SHA256(body))
    StringToSign     = "ACS3-HMAC-SHA256" \\n hex(SHA256(CanonicalRequest))
    Signature        = hex(HMAC-SHA256(AccessKeySecret, StringToSign))
    Authorization    = ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<names>,Signature=<hex>

Signed headers: ``host``, ``content-type`` when present, and every ``x-acs-*`` header;
names lower-cased and sorted, values trimmed.

V1 with a client key (all parameters in the query, ``SignatureMethod=SHA256withRSA``,
``SignatureType=PRIVATEKEY``, ``AccessKeyId`` = the client key's id)::

    StringToSign = METHOD & percent("/") & percent(canonical query)
    Signature    = base64(RSASSA-PKCS1-v1_5(SHA-256, private key, StringToSign))
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Mapping
from urllib.parse import quote

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

__all__ = [
    "ALGORITHM",
    "authorization",
    "canonical_query",
    "canonical_request",
    "hex_sha256",
    "percent_encode",
    "rpc_rsa_signature",
    "rpc_string_to_sign",
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


def rpc_string_to_sign(method: str, params: Mapping[str, str]) -> str:
    """The RPC (V1) string to sign over every query parameter but ``Signature``."""
    return f"{method.upper()}&{percent_encode('/')}&{percent_encode(canonical_query(params))}"


def rpc_rsa_signature(method: str, params: Mapping[str, str], key: rsa.RSAPrivateKey) -> str:
    """``Signature`` for a V1 request signed with a client key (``SHA256withRSA``)."""
    signed = key.sign(
        rpc_string_to_sign(method, params).encode("utf-8"), padding.PKCS1v15(), hashes.SHA256()
    )
    return base64.b64encode(signed).decode("ascii")
