"""API keys of the local control plane, the check of every call's signature, and what
each key may do.

Keys live in the database (so a restarted ``aiosdm serve`` keeps them) and in an
in-memory ring consulted on each call; the ring is only changed after the
transaction that changed the table has committed. Beside the keys the ring keeps what
each account's keys may do (:class:`Access`: permissions, suspension, expiry), set
from the account whenever a write to it commits, so checking a call costs a few
dictionary lookups on the event loop and a change takes effect with the next call.
Who holds which permission is spelled out in ``aiosdm.testing._permissions``.
"""

from __future__ import annotations

import base64
import hmac
import secrets
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from google.protobuf.message import Message

from aiosdm import _signing
from aiosdm._specs import MethodSpec
from aiosdm.testing._errors import unauthenticated
from aiosdm.testing._fields import arm_name, body
from aiosdm.testing._permissions import EVERY, denied, expires_us, held_by, holds
from aiosdm.testing._store import Tx

__all__ = ["REFUSED", "Access", "ApiKey", "KeyRing", "Metadata"]

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
    """An access key and what it belongs to. The secret never appears in repr().

    A key of an account (``account_id``) may do what the account may; a key of none
    holds every permission when ``admin``, else ``permissions``.
    """

    access_key: str
    secret_key: str = field(repr=False)
    account_id: str = ""
    name: str = ""
    admin: bool = False
    revoked: bool = False
    permissions: frozenset[str] = frozenset()

    @property
    def secret_bytes(self) -> bytes:
        """The secret key decoded from base64 (the HMAC key)."""
        return base64.b64decode(self.secret_key)


@dataclass(frozen=True)
class Access:
    """What the keys of one account may do, as its current version says."""

    permissions: frozenset[str] = frozenset()
    suspended: bool = False
    #: When its keys stop working (microseconds since the epoch); None: never.
    expires_us: int | None = None

    @classmethod
    def of(cls, account: Message) -> Access:
        kind, fields = arm_name(account), body(account)
        suspended = fields.suspendedRO if kind == "user" else fields.suspended
        return cls(held_by(account), bool(suspended), expires_us(account))


def _new_key(account_id: str, name: str, admin: bool, permissions: frozenset[str]) -> ApiKey:
    return ApiKey(
        access_key=f"auth-{secrets.token_hex(10)}",
        secret_key=base64.b64encode(secrets.token_bytes(32)).decode("ascii"),
        account_id=account_id,
        name=name,
        admin=admin,
        permissions=frozenset() if admin else permissions,
    )


def _now_us(now: datetime | None) -> int:
    return time.time_ns() // 1000 if now is None else int(now.timestamp() * 1_000_000)


class KeyRing:
    """Every API key the server knows, and signature verification against them."""

    def __init__(self) -> None:
        self._keys: dict[str, ApiKey] = {}
        self._accounts: dict[str, Access] = {}

    # -- on the store thread ---------------------------------------------------

    def load(self, tx: Tx) -> ApiKey:
        """Fill the ring's keys from the database, creating the admin key of a fresh
        store (the server then adds its accounts with :meth:`note_account`)."""
        rows = tx.sql(
            "SELECT access_key, secret, account_id, name, admin, revoked_at, permissions"
            " FROM api_keys"
        ).fetchall()
        for access_key, secret, account_id, name, admin, revoked_at, held in rows:
            self._keys[access_key] = ApiKey(
                access_key,
                secret,
                account_id,
                name,
                bool(admin),
                revoked_at is not None,
                frozenset(held.split()),
            )
        admins = [k for k in self._keys.values() if k.admin and not k.revoked]
        if admins:
            return admins[0]
        return self.issue(tx, account_id="", name=ADMIN_NAME, admin=True)

    def issue(
        self,
        tx: Tx,
        *,
        account_id: str,
        name: str,
        admin: bool = False,
        permissions: Iterable[str] = (),
    ) -> ApiKey:
        """Create a key inside ``tx``; it verifies calls as soon as ``tx`` commits.

        ``permissions`` are what a key of no account holds when it is not ``admin``.
        """
        key = _new_key(account_id, name, admin, frozenset(permissions))
        tx.sql(
            "INSERT INTO api_keys(access_key, secret, account_id, name, admin, created_at,"
            " permissions) VALUES (?,?,?,?,?,?,?)",
            (
                key.access_key,
                key.secret_key,
                account_id,
                name,
                int(admin),
                tx.now,
                " ".join(sorted(key.permissions)),
            ),
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
        """Revoke every key of a deleted account and forget what it could do."""
        for key in list(self._keys.values()):
            if key.account_id == account_id:
                self.revoke(tx, key.access_key)

        def forget() -> None:
            self._accounts.pop(account_id, None)

        tx.after_commit(forget)

    def set_account(self, tx: Tx, account: Message) -> None:
        """Take what an account's keys may do from the version ``tx`` writes, once it
        commits (a create, once its id is set, or an update)."""
        ident, access = body(account).id, Access.of(account)
        tx.after_commit(lambda: self._accounts.__setitem__(ident, access))

    def note_account(self, account: Message) -> None:
        """Record a stored account while loading (before the server serves)."""
        self._accounts[body(account).id] = Access.of(account)

    # -- on the event loop (and read by rules on the store thread) -------------

    def get(self, access_key: str) -> ApiKey | None:
        return self._keys.get(access_key)

    def held(self, key: ApiKey) -> frozenset[str]:
        """The permissions ``key`` holds now."""
        if key.admin:
            return EVERY
        if not key.account_id:
            return key.permissions
        access = self._accounts.get(key.account_id)
        return access.permissions if access is not None else frozenset()

    def authorize(self, key: ApiKey, spec: MethodSpec[Any, Any]) -> None:
        """Let the call through if ``key`` holds what ``spec`` needs.

        Raises:
            ServiceError: PERMISSION_DENIED naming the permission.
        """
        if not holds(self.held(key), spec.permission):
            raise denied(spec)

    def _usable(self, key: ApiKey | None, now_us: int) -> bool:
        if key is None or key.revoked:
            return False
        if not key.account_id:
            return True
        access = self._accounts.get(key.account_id)
        return (
            access is not None
            and not access.suspended
            and (access.expires_us is None or now_us < access.expires_us)
        )

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
                unknown or revoked key, a key of a suspended, deleted or expired account,
                or a signature that does not match.
        """
        headers: dict[str, str] = {}
        for key, value in metadata:
            if key in (AUTH_HEADER, SIGNATURE_HEADER):
                headers[key] = value.decode() if isinstance(value, bytes) else value
        access_key = headers.get(AUTH_HEADER, "").strip()
        signature = headers.get(SIGNATURE_HEADER, "").strip()
        api_key = self._keys.get(access_key)
        usable = self._usable(api_key, _now_us(now))
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
