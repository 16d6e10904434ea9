"""The organization's own keys: the SSH and RDP certificate authorities and the key that
signs the JWTs ``ControlPanel.VerifyJWT`` accepts.

Each key is made once per server, off the event loop (RSA generation takes long enough
to stall every other call), by the first call that needs it while concurrent callers
wait for that same generation. Private halves are kept in the store, so a server with a
database file answers with the same keys after a restart; they never leave it.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import json
import secrets
import time
from collections.abc import Callable, Mapping
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, padding, rsa

from aiosdm.testing._store import Store, Tx

__all__ = ["JWT_SIGNER", "RDP_CA", "SSH_CA", "Authority", "key_id", "mint_jwt", "verify_jwt"]

PrivateKey = ed25519.Ed25519PrivateKey | rsa.RSAPrivateKey

SSH_CA = "ssh-ca"
RDP_CA = "rdp-ca"
JWT_SIGNER = "jwt"

# Ed25519 is what current OpenSSH CAs use; RDP smart-card logins need an RSA CA, and RS256
# is the JWT algorithm every verifier supports.
_MAKERS: dict[str, Callable[[], PrivateKey]] = {
    SSH_CA: ed25519.Ed25519PrivateKey.generate,
    RDP_CA: lambda: rsa.generate_private_key(public_exponent=65537, key_size=2048),
    JWT_SIGNER: lambda: rsa.generate_private_key(public_exponent=65537, key_size=2048),
}
#: Longer tokens are refused unread (no JWT we sign comes close).
_MAX_TOKEN = 16 * 1024


def _pem(key: PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _load(pem: bytes) -> PrivateKey:
    key = serialization.load_pem_private_key(pem, password=None)
    if not isinstance(key, ed25519.Ed25519PrivateKey | rsa.RSAPrivateKey):
        raise ValueError("stored server key of an unexpected type")
    return key


def _fresh(name: str) -> tuple[PrivateKey, bytes]:
    key = _MAKERS[name]()
    return key, _pem(key)


def _keep(tx: Tx, name: str, pem: bytes) -> bytes:
    # The first key stored wins, should two servers share one database file.
    tx.sql("INSERT OR IGNORE INTO server_keys(name, private_pem) VALUES (?,?)", (name, pem))
    return bytes(tx.sql("SELECT private_pem FROM server_keys WHERE name=?", (name,)).fetchone()[0])


class Authority:
    """This server's keys by name, loaded or made on first use (one per server through
    ``Env.shared``)."""

    def __init__(self) -> None:
        self._keys: dict[str, PrivateKey] = {}
        self._loading: dict[str, asyncio.Future[PrivateKey]] = {}

    async def key(self, store: Store, name: str) -> PrivateKey:
        """The private key ``name`` (``SSH_CA``, ``RDP_CA``, ``JWT_SIGNER``)."""
        found = self._keys.get(name)
        if found is not None:
            return found
        loading = self._loading.get(name)
        if loading is None:
            loading = self._loading[name] = asyncio.ensure_future(self._load(store, name))
            # A failed load is forgotten, so the next caller tries again.
            loading.add_done_callback(lambda _: self._loading.pop(name, None))
        # Shielded: a caller giving up must not cancel the load others are waiting for.
        return await asyncio.shield(loading)

    async def _load(self, store: Store, name: str) -> PrivateKey:
        row = await store.read(
            lambda tx: tx.sql(
                "SELECT private_pem FROM server_keys WHERE name=?", (name,)
            ).fetchone()
        )
        if row is not None:
            key = await asyncio.to_thread(_load, bytes(row[0]))
        else:
            key, pem = await asyncio.to_thread(_fresh, name)
            kept = await store.write(lambda tx: _keep(tx, name, pem))
            if kept != pem:
                key = await asyncio.to_thread(_load, kept)
        self._keys[name] = key
        return key

    async def signer(self, store: Store) -> rsa.RSAPrivateKey:
        """The key JWTs are signed with."""
        key = await self.key(store, JWT_SIGNER)
        assert isinstance(key, rsa.RSAPrivateKey)
        return key

    async def ssh_public_key(self, store: Store) -> str:
        """The SSH CA's public key as one OpenSSH line (``ssh-ed25519 AAAA...``)."""
        key = await self.key(store, SSH_CA)
        return (
            key.public_key()
            .public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH)
            .decode()
        )

    async def public_pem(self, store: Store, name: str) -> str:
        """The public half of key ``name``, PEM (SubjectPublicKeyInfo)."""
        key = await self.key(store, name)
        return (
            key.public_key()
            .public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
            )
            .decode()
        )


# -- JWT (RS256) -------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def key_id(key: rsa.RSAPrivateKey) -> str:
    """A stable name of the signing key (``kid``): a digest of its public half."""
    der = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return _b64(hashlib.sha256(der).digest()[:12])


def mint_jwt(
    key: rsa.RSAPrivateKey,
    *,
    issuer: str,
    subject: str,
    lifetime_s: float,
    claims: Mapping[str, Any],
    now: float | None = None,
) -> str:
    """A compact RS256 JWT; ``claims`` are added last, so they may replace the standard ones."""
    issued = int(time.time() if now is None else now)
    header = {"alg": "RS256", "typ": "JWT", "kid": key_id(key)}
    payload: dict[str, Any] = {
        "iss": issuer,
        "iat": issued,
        "nbf": min(issued, issued + int(lifetime_s)),
        "exp": issued + int(lifetime_s),
        "jti": secrets.token_urlsafe(12),
    }
    if subject:
        payload["sub"] = subject
    payload.update(claims)
    signing_input = ".".join(
        _b64(json.dumps(part, separators=(",", ":")).encode()) for part in (header, payload)
    )
    signature = key.sign(signing_input.encode(), padding.PKCS1v15(), hashes.SHA256())
    return f"{signing_input}.{_b64(signature)}"


def _number(claims: Mapping[str, Any], name: str) -> float | None:
    value = claims.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name} is not a number")
    return float(value)


def verify_jwt(key: rsa.RSAPrivateKey, token: str, now: float | None = None) -> bool:
    """Whether ``token`` is an RS256 JWT signed by ``key`` and in force at ``now``.

    Only RS256 is accepted (never ``none`` nor an HMAC keyed with the public key), and a
    token must say when it expires.
    """
    if len(token) > _MAX_TOKEN or token.count(".") != 2:
        return False
    head, body, signature = token.split(".")
    try:
        header = json.loads(_unb64(head))
        claims = json.loads(_unb64(body))
        if not isinstance(header, dict) or not isinstance(claims, dict):
            return False
        if header.get("alg") != "RS256":
            return False
        key.public_key().verify(
            _unb64(signature), f"{head}.{body}".encode(), padding.PKCS1v15(), hashes.SHA256()
        )
        expires, not_before = _number(claims, "exp"), _number(claims, "nbf")
    except (ValueError, binascii.Error, RecursionError, InvalidSignature):
        # Malformed, nested past reason, or signed by another key: not ours.
        return False
    at = time.time() if now is None else now
    return expires is not None and at < expires and (not_before is None or not_before <= at)
