"""API keys of the local control plane and the check of every call's signature.

Keys live in the database (so a restarted ``aiosdm serve`` keeps them) and in an
in-memory ring consulted on each call; the ring is only changed after the
transaction that changed the table has committed.
"""

from __future__ import annotations

import base64
import hmac
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from aiosdm import _signing
from aiosdm.testing._errors import unauthenticated
from aiosdm.testing._store import Tx

__all__ = ["REFUSED", "ApiKey", "KeyRing", "Metadata"]

#: What every failed authentication answers, whatever failed.
REFUSED = (
    "authentication failed: check the API access key and secret "
    "(the key may be unknown, revoked or suspended, or the signature wrong)"
)
_DECOY_SECRET = secrets.token_bytes(32)

#: Call metadata as grpc.aio hands it over: (key, value) pairs.
Metadata = Sequence[tuple[str, str | bytes]]

AUTH_HEADER = "x-sdm-authentication"
SIGNATURE_HEADER = "x-sdm-signature"
ADMIN_NAME = "aiosdm-admin"


@dataclass(frozen=True)
class ApiKey:
    """An access key and what it belongs to. The secret never appears in repr()."""

    access_key: str
    secret_key: str = field(repr=False)
    account_id: str = ""
    name: str = ""
    admin: bool = False
    revoked: bool = False

    @property
    def secret_bytes(self) -> bytes:
        return base64.b64decode(self.secret_key)


def _new_key(account_id: str, name: str, admin: bool) -> ApiKey:
    return ApiKey(
        access_key=f"auth-{secrets.token_hex(10)}",
        secret_key=base64.b64encode(secrets.token_bytes(32)).decode("ascii"),
        account_id=account_id,
        name=name,
        admin=admin,
    )


class KeyRing:
    """Every API key the server knows, and signature verification against them."""

    def __init__(self) -> None:
        self._keys: dict[str, ApiKey] = {}
        self._suspended: set[str] = set()

    # -- on the store thread ---------------------------------------------------

    def load(self, tx: Tx) -> ApiKey:
        """Fill the ring from the database, creating the admin key of a fresh store."""
        rows = tx.sql(
            "SELECT access_key, secret, account_id, name, admin, revoked_at FROM api_keys"
        ).fetchall()
        for access_key, secret, account_id, name, admin, revoked_at in rows:
            self._keys[access_key] = ApiKey(
                access_key, secret, account_id, name, bool(admin), revoked_at is not None
            )
        admins = [k for k in self._keys.values() if k.admin and not k.revoked]
        if admins:
            return admins[0]
        return self.issue(tx, account_id="", name=ADMIN_NAME, admin=True)

    def issue(self, tx: Tx, *, account_id: str, name: str, admin: bool = False) -> ApiKey:
        """Create a key inside ``tx``; it verifies calls as soon as ``tx`` commits."""
        key = _new_key(account_id, name, admin)
        tx.sql(
            "INSERT INTO api_keys(access_key, secret, account_id, name, admin, created_at)"
            " VALUES (?,?,?,?,?,?)",
            (key.access_key, key.secret_key, account_id, name, int(admin), tx.now),
        )
        tx.after_commit(lambda: self._keys.__setitem__(key.access_key, key))
        return key

    def revoke(self, tx: Tx, access_key: str) -> bool:
        """Revoke one key inside ``tx``; False if it is unknown or already revoked."""
        key = self._keys.get(access_key)
        if key is None or key.revoked:
            return False
        tx.sql(
            "UPDATE api_keys SET revoked_at=? WHERE access_key=?",
            (tx.now, access_key),
        )
        tx.after_commit(lambda: self._keys.__setitem__(access_key, replace(key, revoked=True)))
        return True

    def revoke_account(self, tx: Tx, account_id: str) -> None:
        for key in list(self._keys.values()):
            if key.account_id == account_id:
                self.revoke(tx, key.access_key)

    def set_suspended(self, tx: Tx, account_id: str, suspended: bool) -> None:
        def apply() -> None:
            if suspended:
                self._suspended.add(account_id)
            else:
                self._suspended.discard(account_id)

        tx.after_commit(apply)

    def mark_suspended(self, account_id: str) -> None:
        """Record a suspended account while loading (before the server serves)."""
        self._suspended.add(account_id)

    # -- on the event loop -----------------------------------------------------

    def get(self, access_key: str) -> ApiKey | None:
        return self._keys.get(access_key)

    def verify(
        self,
        metadata: Metadata,
        signing_name: str,
        body: bytes,
        now: datetime | None = None,
    ) -> ApiKey:
        """The key that signed this call.

        The signature is accepted for the current UTC day and the days either side
        (clocks near midnight disagree about the date).

        Raises:
            ServiceError: UNAUTHENTICATED, always with :data:`REFUSED`, for a missing,
                unknown, revoked or suspended key, or a signature that does not match.
        """
        headers: dict[str, str] = {}
        for key, value in metadata:
            if key in (AUTH_HEADER, SIGNATURE_HEADER):
                headers[key] = value.decode() if isinstance(value, bytes) else value
        access_key = headers.get(AUTH_HEADER, "").strip()
        signature = headers.get(SIGNATURE_HEADER, "").strip()
        api_key = self._keys.get(access_key)
        usable = (
            api_key is not None
            and not api_key.revoked
            and api_key.account_id not in self._suspended
        )
        # Check a signature even for a key that cannot be used (against a throwaway
        # secret): unknown keys then cost what known ones do, and fail the same way.
        secret = api_key.secret_bytes if usable and api_key else _DECOY_SECRET
        today = _signing.utc_day(now or datetime.now(UTC))
        matched = False
        for offset in (0, -1, 1):
            day = today + timedelta(days=offset)
            expected = _signing.sign(_signing.derive_key(secret, day), signing_name, body)
            matched |= hmac.compare_digest(expected, signature)
        if usable and matched and api_key is not None:
            return api_key
        # One message for every failure: which keys exist, or are suspended, stays unsaid.
        raise unauthenticated(REFUSED)
