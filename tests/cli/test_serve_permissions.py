"""Acceptance: permissions as the service has them, with the official ``strongdm`` client
against an ``aiosdm serve`` process. A Token's key may make the calls its permissions
allow and gets ``PermissionError`` (changing nothing) for the rest; expired, suspended
and deleted Tokens' keys get ``AuthenticationError`` at once; AccountPermissions lists
what the Token holds; the admin key ``aiosdm serve`` writes does everything (every
method with it: test_every_official_method.py). aiosdm's client gets ``PermissionError``
alike, and no key hands out more than it holds."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import grpc
import grpc.aio
import pytest

from aiosdm import Client, errors
from aiosdm._generated import models as M
from aiosdm._generated.services import SERVICE_SPECS
from aiosdm._generated.v1 import accounts_pb2, activities_pb2
from aiosdm.testing import WireClient
from aiosdm.testing._permissions import EVERY

from .._serve import serving, serving_sync
from .test_serve_official_client import official

strongdm = pytest.importorskip("strongdm")


def test_a_tokens_key_may_do_what_its_permissions_allow_and_no_more(tmp_path: Path) -> None:
    with serving_sync(tmp_path) as (_, creds):
        admin = official(creds)
        alice = admin.accounts.create(
            strongdm.User(email="alice@example.com", first_name="Alice", last_name="L")
        ).account
        created = admin.accounts.create(
            strongdm.Token(name="reader", account_type="api", permissions=["user:list"])
        )
        reader = official(creds, access_key=created.access_key, secret_key=created.secret_key)
        assert [u.id for u in reader.accounts.list("type:user")] == [alice.id]

        with pytest.raises(strongdm.errors.PermissionError) as caught:
            reader.roles.create(strongdm.Role(name="sneaky"))
        assert "role:create" in str(caught.value)
        with pytest.raises(strongdm.errors.PermissionError):
            reader.accounts.create(strongdm.Token(name="mine", account_type="api"))
        with pytest.raises(strongdm.errors.PermissionError):
            reader.accounts.delete(alice.id)
        assert list(admin.roles.list("")) == []
        assert [a.name for a in admin.accounts.list("type:token")] == ["reader"]
        assert admin.accounts.get(alice.id).account.id == alice.id

        rows = admin.account_permissions.list("account_id:?", created.account.id)
        assert [r.permission for r in rows] == ["user:list"]

        admin.accounts.delete(created.account.id)
        with pytest.raises(strongdm.errors.AuthenticationError):
            list(reader.accounts.list(""))


def test_expired_and_suspended_tokens_are_refused(tmp_path: Path) -> None:
    with serving_sync(tmp_path) as (_, creds):
        admin = official(creds)
        past = admin.accounts.create(
            strongdm.Token(
                name="past",
                account_type="api",
                permissions=["user:list"],
                deadline=datetime.now(UTC) - timedelta(minutes=1),
            )
        )
        late = official(creds, access_key=past.access_key, secret_key=past.secret_key)
        with pytest.raises(strongdm.errors.AuthenticationError):
            list(late.accounts.list(""))

        brief = admin.accounts.create(
            strongdm.Token(
                name="brief",
                account_type="api",
                permissions=["user:list"],
                duration=timedelta(seconds=2),
            )
        )
        short = official(creds, access_key=brief.access_key, secret_key=brief.secret_key)
        assert len(list(short.accounts.list("type:token"))) == 2
        ends = brief.account.created_at + timedelta(seconds=2)
        time.sleep(max(0.0, (ends - datetime.now(UTC)).total_seconds()) + 0.05)
        with pytest.raises(strongdm.errors.AuthenticationError):
            list(short.accounts.list(""))

        live = admin.accounts.create(
            strongdm.Token(name="live", account_type="api", permissions=["user:list"])
        )
        key = official(creds, access_key=live.access_key, secret_key=live.secret_key)
        list(key.accounts.list(""))
        live.account.suspended = True
        admin.accounts.update(live.account)
        with pytest.raises(strongdm.errors.AuthenticationError):
            list(key.accounts.list(""))


async def test_our_client_too_and_no_key_hands_out_what_it_lacks(tmp_path: Path) -> None:
    """What issue 12 did with keys that held next to nothing, now with aiosdm's client."""
    async with serving(tmp_path) as (_, creds):
        admin = Client(creds["access_key"], creds["secret_key"], host=creds["host"], insecure=True)
        async with admin:
            viewer = await admin.accounts.create(
                M.Token(
                    name="viewer", account_type="api", permissions=["organization:view_settings"]
                )
            )
            minter = await admin.accounts.create(
                M.Token(
                    name="minter",
                    account_type="api",
                    permissions=["user:create", "user:create_admin_token", "user:list"],
                )
            )
            before = [a.id async for a in admin.activities.list("")]
            async with _as(creds, viewer) as key:
                with pytest.raises(errors.PermissionError, match="'user:create'"):
                    await key.accounts.create(M.User(email="x@x.io", first_name="X", last_name="Y"))
                with pytest.raises(errors.PermissionError):
                    await key.accounts.create(M.Token(name="mine", account_type="api"))
                with pytest.raises(errors.PermissionError, match="'role:create'"):
                    await key.roles.create(M.Role(name="sneaky"))
            assert [a.id async for a in admin.activities.list("")] == before  # nothing changed
            async with _as(creds, minter) as key:
                made = await key.accounts.create(
                    M.Token(name="narrower", account_type="api", permissions=["user:list"])
                )
                with pytest.raises(errors.PermissionError, match="role:create"):
                    await key.accounts.create(
                        M.Token(name="wider", account_type="api", permissions=["role:create"])
                    )
                with pytest.raises(errors.PermissionError, match="user:create_service_account"):
                    await key.accounts.create(M.Service(name="robot"))
            tokens = sorted([a.name async for a in admin.accounts.list("type:token")])
            assert tokens == ["minter", "narrower", "viewer"]
            assert [r async for r in admin.roles.list("")] == []
            held = admin.account_permissions.list("account_id:?", made.account.id)
            assert [r.permission async for r in held] == ["user:list"]
            # A user's permission level is what it holds: an auditor reads, an admin does all.
            levels = {}
            for level in ("auditor", "admin"):
                user = await admin.accounts.create(
                    M.User(
                        email=f"{level}@x.io", first_name="L", last_name="V", permission_level=level
                    )
                )
                rows = admin.account_permissions.list("account_id:?", user.account.id)
                levels[level] = {r.permission async for r in rows}
    assert {"role:list", "user:list", "audit:activities"} <= levels["auditor"]
    assert not {"role:create", "user:create"} & levels["auditor"]
    assert levels["admin"] == EVERY


def _as(creds: dict[str, str], created: M.AccountCreateResponse) -> Client:
    return Client(created.access_key, created.secret_key, host=creds["host"], insecure=True)


async def test_a_key_holding_nothing_is_refused_by_every_method(tmp_path: Path) -> None:
    """Every method of the wire table needs a permission: a Token holding none gets
    PERMISSION_DENIED from each (checked before the request is even decoded), and nothing
    changes."""
    methods = [m for spec in SERVICE_SPECS.values() for m in spec.methods.values()]
    async with (
        serving(tmp_path) as (_, creds),
        WireClient(creds["host"], creds["access_key"], creds["secret_key"]) as admin,
    ):
        create = accounts_pb2.AccountCreateRequest()
        create.account.token.name = "nothing"
        made = await admin.call("Accounts.Create", create)
        before = await admin.call("Activities.List", activities_pb2.ActivityListRequest())
        codes: dict[str, str] = {}
        async with WireClient(creds["host"], made.access_key, made.secret_key) as bare:
            for method in methods:
                body = b""  # an empty request: every field at its default
                call = bare.call_bytes(
                    method.signing_name, body, metadata=bare.metadata(method.signing_name, body)
                )
                with pytest.raises(grpc.aio.AioRpcError) as caught:
                    await asyncio.wait_for(call, 30)
                codes[method.signing_name] = caught.value.code().name
        after = await admin.call("Activities.List", activities_pb2.ActivityListRequest())
    assert len(methods) > 150  # the whole wire table
    assert {name for name, code in codes.items() if code != "PERMISSION_DENIED"} == set()
    assert list(after.activities) == list(before.activities)
