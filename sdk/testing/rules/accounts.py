"""Accounts and what they may do.

A user's permission level decides whether it is suspended; a password is write-only.
Token and service accounts get an API key on create (the reply carries it, and a
service account a token too); suspending an account suspends its keys, deleting it
revokes them, and a Token's keys stop working at its ``deadline`` (set from
``duration`` on create when not given). Every committed write tells the key ring what
the account's keys may now do (``aiosdm.testing._permissions`` says who holds what).

No key hands out what it lacks. Beyond the method's own permission (``user:create``,
``user:update``):

- creating a Token needs ``user:create_admin_token``, a service account
  ``user:create_service_account``;
- a Token may only be given permissions the caller holds (and strongDM knows);
- giving a user another permission level needs ``user:set_strong_role`` (to or from
  ``suspended``: ``user:suspend``), and the caller must hold everything both the old and
  the new level grant (beyond what the ``user`` level grants everyone);
- suspending or reinstating a Token or a service account needs ``user:suspend``.

``AccountPermissions`` lists, for each account, the permissions its keys hold.
"""

from __future__ import annotations

import secrets
from typing import Any

from google.protobuf.message import Message

from aiosdm._generated.kinds import KINDS
from aiosdm._generated.v1 import account_permissions_pb2
from aiosdm.testing._engine import (
    Env,
    Page,
    Rules,
    ServerCall,
    ServerHandler,
    compile_for,
    create_in,
    entity_of,
    page_of,
    respond,
    snapshot_of,
)
from aiosdm.testing._errors import bad_request
from aiosdm.testing._fields import arm_name, body, field_names, flatten, timestamp_us, us_timestamp
from aiosdm.testing._filters import Predicate
from aiosdm.testing._permissions import KNOWN, held_by, lacking, level_holds
from aiosdm.testing._store import Tx

__all__ = ["RULES"]

_ACCOUNT = KINDS["account"]


def _on_write(env: Env, tx: Tx, entity: Any, old: Any, call: ServerCall) -> None:
    kind, fields = arm_name(entity), body(entity)
    if old is None:
        us_timestamp(tx.now, fields.created_at)
    if kind == "user":
        fields.permission_levelRW = fields.permission_levelRW or "user"
        fields.permission_level = fields.permission_levelRW
        fields.suspendedRO = fields.permission_levelRW == "suspended"
        fields.password = ""  # write-only: never kept, never returned
    elif kind == "token" and old is None:
        us_timestamp(tx.now, fields.rekeyed)
        lifetime = fields.duration.ToTimedelta()
        if lifetime and not timestamp_us(fields.deadline):
            us_timestamp(tx.now + int(lifetime.total_seconds() * 1e6), fields.deadline)
    _check_hand_out(env.keyring.held(call.key), kind, fields, old)
    if old is not None:  # a create tells the ring once its id is set (see _create)
        env.keyring.set_account(tx, entity)


_DEFAULT_LEVEL = "user"


def _check_hand_out(held: frozenset[str], kind: str | None, fields: Any, old: Any) -> None:
    """Refuse a write that would give an account more than the caller's key holds."""

    def need(permission: str, what: str) -> None:
        if permission not in held:
            raise lacking(what, f"the {permission!r} permission")

    before: Any = body(old) if old is not None else None
    if kind == "token":
        if before is None:
            need("user:create_admin_token", "creating a Token")
        added = set(fields.permissions) - set(before.permissions if before is not None else ())
        unknown = sorted(added - KNOWN)
        if unknown:
            raise bad_request(f"Token.permissions: not strongDM permissions: {', '.join(unknown)}")
        if added - held:
            raise lacking("giving a Token permissions", ", ".join(sorted(added - held)))
    elif kind == "service" and before is None:
        need("user:create_service_account", "creating a service account")
    if kind == "user":
        level = fields.permission_levelRW
        was = before.permission_levelRW if before is not None else _DEFAULT_LEVEL
        if level != was:
            if "suspended" in (level, was):
                need("user:suspend", "suspending or reinstating a user")
            else:
                need("user:set_strong_role", "changing a user's permission level")
            # What every user holds needs no holding to hand out or take away.
            beyond = (level_holds(level) | level_holds(was)) - held - level_holds(_DEFAULT_LEVEL)
            if beyond:
                raise lacking(
                    f"changing a user's permission level from {was!r} to {level!r}",
                    ", ".join(sorted(beyond)),
                )
    elif before is not None and bool(fields.suspended) != bool(before.suspended):
        need("user:suspend", f"suspending or reinstating a {kind or 'account'}")


def _on_delete(env: Env, tx: Tx, ident: str, old: Any) -> None:
    env.keyring.revoke_account(tx, ident)


def _create(env: Env) -> ServerHandler:
    async def create(call: ServerCall, request: Any) -> Message:
        account = entity_of(call.spec, request, _ACCOUNT)

        def job(tx: Tx) -> tuple[Any, Any, str]:
            stored = create_in(env, tx, _ACCOUNT, account, call)
            env.keyring.set_account(tx, stored)
            kind, fields = arm_name(stored), body(stored)
            key, token = None, ""
            if kind in ("token", "service"):
                key = env.keyring.issue(tx, account_id=fields.id, name=fields.name)
            if kind == "service":
                token = secrets.token_urlsafe(32)
            return stored, key, token

        stored, key, token = await env.store.write(job, call.actor)
        response: Any = respond(call, stored)
        if key is not None:
            response.access_key = key.access_key
            response.secret_key = key.secret_key
        response.token = token
        return response  # type: ignore[no-any-return]

    return create


def _permissions_of(account: Any) -> list[str]:
    # The same function decides what the account's keys may do.
    return sorted(held_by(account))


def _paged(fetch: Any, predicate: Predicate, page: Page) -> tuple[list[Any], str]:
    # A fetch of derived rows may return fewer rows than asked for while more
    # remain, so keep going until one comes back empty.
    out: list[Any] = []
    after = page.after
    while len(out) < page.limit:
        chunk = fetch(after, max(page.limit, 100))
        if not chunk:
            return out, ""
        for key, item in chunk:
            after = key
            if predicate(flatten(item)):
                out.append(item)
                if len(out) >= page.limit:
                    return out, page.cursor(key)
    return out, page.cursor(after)


def _list_permissions(env: Env) -> ServerHandler:
    known = field_names(account_permissions_pb2.AccountPermission.DESCRIPTOR)

    async def list_(call: ServerCall, request: Any) -> Message:
        predicate = compile_for(request.filter, known)
        page = page_of(env, call, request, request.filter)
        at = snapshot_of(request)

        def job(tx: Tx) -> tuple[list[Any], str]:
            def fetch(after: str, size: int) -> list[tuple[str, Any]]:
                # Rows are keyed "<account id>|<n>"; resume inside the cursor's account.
                start, inclusive = after.partition("|")[0], True
                rows: list[tuple[str, Any]] = []
                while True:
                    chunk = tx.scan(_ACCOUNT, after=start, limit=size, at=at, inclusive=inclusive)
                    for ident, account in chunk:
                        fields: Any = body(account)
                        for i, permission in enumerate(_permissions_of(account)):
                            key = f"{ident}|{i:04d}"
                            if key > after:
                                row = account_permissions_pb2.AccountPermission(
                                    account_id=ident, permission=permission
                                )
                                row.granted_at.CopyFrom(fields.created_at)
                                rows.append((key, row))
                    if rows or len(chunk) < size:
                        return rows
                    start, inclusive = chunk[-1][0], False

            return _paged(fetch, predicate, page)

        items, next_cursor = await env.store.read(job)
        response: Any = respond(call)
        response.meta.next_cursor = next_cursor
        getattr(response, call.spec.items).extend(items)
        return response  # type: ignore[no-any-return]

    return list_


RULES = (
    Rules("Accounts", on_write=_on_write, on_delete=_on_delete, methods={"Create": _create}),
    Rules("AccountPermissions", methods={"List": _list_permissions}),
)
