"""Permissions as the service has them, in-process with aiosdm's client: every method needs
its permission, keys hold what their account (or their own grant) holds, expired,
suspended and deleted accounts' keys are refused at once, and AccountPermissions.List
says what the keys hold. The same against an ``aiosdm serve`` process with the official
client: tests/cli/test_serve_permissions.py."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from aiosdm import errors
from aiosdm._generated import models as M
from aiosdm._generated.services import SERVICES
from aiosdm.client import Client
from aiosdm.constants import Permission, PermissionLevel
from aiosdm.testing import LocalServer, _handlers
from aiosdm.testing._auth import REFUSED, KeyRing
from aiosdm.testing._control import DECIDE, FILE
from aiosdm.testing._engine import Env
from aiosdm.testing._permissions import EVERY, READS, holds, problems
from aiosdm.testing._store import Store
from aiosdm.testing.rules import load_rules


@pytest.fixture
async def admin(server: LocalServer) -> AsyncIterator[Client]:
    async with server.client() as client:
        yield client


def as_key(server: LocalServer, access_key: str, secret_key: str) -> Client:
    return Client(access_key, secret_key, host=server.host, insecure=True)


async def token(admin: Client, *permissions: str, **fields: Any) -> M.AccountCreateResponse:
    return await admin.accounts.create(
        M.Token(
            name=fields.pop("name", "ci"), account_type="api", permissions=[*permissions], **fields
        )
    )


async def ids(items: Any) -> list[str]:
    return [item.id async for item in items]


async def held(admin: Client, account_id: str) -> list[str]:
    rows = admin.account_permissions.list("account_id:?", account_id)
    return [row.permission async for row in rows]


async def test_a_token_may_make_the_calls_it_holds_and_nothing_else(
    server: LocalServer, admin: Client
) -> None:
    user = await admin.accounts.create(M.User(email="a@x.io", first_name="A", last_name="B"))
    created = await token(admin, Permission.USER_LIST)
    async with as_key(server, created.access_key, created.secret_key) as ci:
        assert user.account.id in await ids(ci.accounts.list("type:user"))
        before = await ids(admin.activities.list(""))
        with pytest.raises(errors.PermissionError) as caught:
            await ci.roles.create(M.Role(name="sneaky"))
        assert "Roles.Create" in str(caught.value) and "'role:create'" in str(caught.value)
        with pytest.raises(errors.PermissionError, match="'role:list'"):
            await ids(ci.roles.list(""))
    # Nothing changed: no role, and no activity recorded.
    assert await ids(admin.roles.list("")) == []
    assert await ids(admin.activities.list("")) == before


async def test_account_permissions_list_what_the_keys_hold(
    server: LocalServer, admin: Client
) -> None:
    created = await token(admin, Permission.ROLE_LIST, Permission.USER_LIST)
    assert await held(admin, created.account.id) == ["role:list", "user:list"]
    auditor = await admin.accounts.create(
        M.User(email="au@x.io", first_name="A", last_name="U", permission_level="auditor")
    )
    assert await held(admin, auditor.account.id) == sorted(READS)
    boss = await admin.accounts.create(
        M.User(email="b@x.io", first_name="B", last_name="B", permission_level="admin")
    )
    assert await held(admin, boss.account.id) == sorted(EVERY)
    robot = await admin.accounts.create(M.Service(name="robot"))
    assert await held(admin, robot.account.id) == []


async def test_a_changed_grant_holds_from_the_next_call(server: LocalServer, admin: Client) -> None:
    created = await token(admin, Permission.ROLE_LIST)
    async with as_key(server, created.access_key, created.secret_key) as ci:
        with pytest.raises(errors.PermissionError):
            await ci.roles.create(M.Role(name="later"))
        account = created.account
        assert isinstance(account, M.Token)
        account.permissions = [Permission.ROLE_LIST, Permission.ROLE_CREATE]
        await admin.accounts.update(account)
        await ci.roles.create(M.Role(name="later"))
        account.permissions = []
        await admin.accounts.update(account)
        with pytest.raises(errors.PermissionError):
            await ids(ci.roles.list(""))
    assert await held(admin, account.id) == []


async def test_an_expired_token_is_refused(server: LocalServer, admin: Client) -> None:
    past = datetime.now(UTC) - timedelta(seconds=1)
    late = await token(admin, Permission.USER_LIST, deadline=past)
    async with as_key(server, late.access_key, late.secret_key) as ci:
        with pytest.raises(errors.AuthenticationError) as caught:
            await ids(ci.accounts.list(""))
        assert str(caught.value) == REFUSED

    brief = await token(admin, Permission.USER_LIST, name="brief", duration=timedelta(seconds=2))
    account = brief.account
    assert isinstance(account, M.Token) and account.created_at and account.deadline
    async with as_key(server, brief.access_key, brief.secret_key) as ci:
        await ids(ci.accounts.list(""))
        ends = account.created_at + timedelta(seconds=2)
        await asyncio.sleep((ends - datetime.now(UTC)).total_seconds() + 0.05)
        with pytest.raises(errors.AuthenticationError):
            await ids(ci.accounts.list(""))


async def test_the_earlier_of_deadline_and_duration_ends_a_token(
    server: LocalServer, admin: Client
) -> None:
    created = await token(
        admin,
        Permission.USER_LIST,
        deadline=datetime.now(UTC) + timedelta(days=1),
        duration=timedelta(seconds=1),
    )
    account = created.account
    assert isinstance(account, M.Token) and account.created_at
    async with as_key(server, created.access_key, created.secret_key) as ci:
        ends = account.created_at + timedelta(seconds=1)
        await asyncio.sleep((ends - datetime.now(UTC)).total_seconds() + 0.05)
        with pytest.raises(errors.AuthenticationError):
            await ids(ci.accounts.list(""))


async def test_a_suspended_tokens_key_is_refused_until_reinstated(
    server: LocalServer, admin: Client
) -> None:
    created = await token(admin, Permission.USER_LIST)
    account = created.account
    assert isinstance(account, M.Token)
    async with as_key(server, created.access_key, created.secret_key) as ci:
        await ids(ci.accounts.list(""))
        account.suspended = True
        await admin.accounts.update(account)
        with pytest.raises(errors.AuthenticationError):
            await ids(ci.accounts.list(""))
        account.suspended = False
        await admin.accounts.update(account)
        await ids(ci.accounts.list(""))


async def test_a_deleted_tokens_key_is_refused_at_once(server: LocalServer, admin: Client) -> None:
    created = await token(admin, Permission.USER_LIST)
    async with as_key(server, created.access_key, created.secret_key) as ci:
        await ids(ci.accounts.list(""))
        await admin.accounts.delete(created.account.id)
        with pytest.raises(errors.AuthenticationError):
            await ids(ci.accounts.list(""))


async def test_keys_of_no_account_hold_what_they_were_given(server: LocalServer) -> None:
    bare = await server.create_api_key(name="bare", admin=False)
    async with as_key(server, bare.access_key, bare.secret_key) as client:
        with pytest.raises(errors.PermissionError):
            await ids(client.roles.list(""))
        with pytest.raises(errors.PermissionError):
            await client.accounts.create(M.Token(name="mine", account_type="api"))
    reader = await server.create_api_key(name="reader", admin=False, permissions=["role:list"])
    async with as_key(server, reader.access_key, reader.secret_key) as client:
        assert await ids(client.roles.list("")) == []
        with pytest.raises(errors.PermissionError):
            await client.roles.create(M.Role(name="nope"))
        rotated = await server.rotate_api_key(reader.access_key)
        assert rotated.permissions == frozenset({"role:list"})
    with pytest.raises(ValueError, match="role:lsit"):
        await server.create_api_key(admin=False, permissions=["role:lsit"])
    with pytest.raises(ValueError, match="admin=False"):
        await server.create_api_key(permissions=["role:list"])


async def test_the_admin_key_holds_every_permission(server: LocalServer, admin: Client) -> None:
    # Every method of every service and every test control is open to it (what each
    # answers with the admin key: tests/cli/test_every_official_method.py).
    key = server._keyring.get(server.access_key)
    assert key is not None
    have = server._keyring.held(key)
    for spec in [FILE, DECIDE, *(s for m in SERVICES.values() for s in m.values())]:
        assert holds(have, spec.permission), spec.signing_name
    created = await token(admin, *sorted(EVERY))
    assert await held(admin, created.account.id) == sorted(EVERY)


async def test_no_key_hands_out_what_it_lacks(server: LocalServer, admin: Client) -> None:
    minter = await token(
        admin, Permission.USER_CREATE, Permission.USER_CREATE_ADMIN_TOKEN, Permission.USER_LIST
    )
    async with as_key(server, minter.access_key, minter.secret_key) as ci:
        made = await token(ci, Permission.USER_LIST, name="narrower")
        assert await held(admin, made.account.id) == ["user:list"]
        with pytest.raises(errors.PermissionError, match="role:create"):
            await token(ci, Permission.ROLE_CREATE, name="wider")
        with pytest.raises(errors.PermissionError, match="user:create_service_account"):
            await ci.accounts.create(M.Service(name="robot"))
        with pytest.raises(errors.PermissionError, match="user:set_strong_role"):
            await ci.accounts.create(
                M.User(email="x@x.io", first_name="X", last_name="Y", permission_level="admin")
            )
        plain = await ci.accounts.create(M.User(email="p@x.io", first_name="P", last_name="Q"))
        assert isinstance(plain.account, M.User) and plain.account.permission_level == "user"
        with pytest.raises(errors.BadRequestError, match="not strongDM permissions: god:mode"):
            await token(ci, "god:mode", name="typo")
    names = sorted([a.name async for a in admin.accounts.list("type:token")])
    assert names == ["ci", "narrower"]


async def test_changing_a_users_level_needs_what_both_levels_grant(
    server: LocalServer, admin: Client
) -> None:
    boss = (
        await admin.accounts.create(
            M.User(email="b@x.io", first_name="B", last_name="B", permission_level="admin")
        )
    ).account
    manager = await token(
        admin,
        Permission.USER_LIST,
        Permission.USER_UPDATE,
        Permission.USER_SET_PERMISSION_LEVEL,
        Permission.USER_SUSPEND,
        *READS,
    )
    assert isinstance(boss, M.User)
    async with as_key(server, manager.access_key, manager.secret_key) as ci:
        boss.permission_level = PermissionLevel.USER
        with pytest.raises(errors.PermissionError, match="from 'admin' to 'user'"):
            await ci.accounts.update(boss)
        auditor = (
            await admin.accounts.create(M.User(email="c@x.io", first_name="C", last_name="C"))
        ).account
        assert isinstance(auditor, M.User)
        auditor.permission_level = PermissionLevel.AUDITOR
        await ci.accounts.update(auditor)  # it holds every read the auditor gets
        auditor.permission_level = PermissionLevel.SUSPENDED
        await ci.accounts.update(auditor)
    assert (await admin.accounts.get(boss.id)).account.permission_level == "admin"
    assert (await admin.accounts.get(auditor.id)).account.suspended


async def test_suspending_a_token_needs_user_suspend(server: LocalServer, admin: Client) -> None:
    target = (await token(admin, name="target")).account
    editor = await token(admin, Permission.USER_UPDATE, Permission.USER_LIST, name="editor")
    assert isinstance(target, M.Token)
    async with as_key(server, editor.access_key, editor.secret_key) as ci:
        target.tags = {"team": "ops"}
        await ci.accounts.update(target)  # other changes need only user:update
        target.suspended = True
        with pytest.raises(errors.PermissionError, match="user:suspend"):
            await ci.accounts.update(target)
    assert not (await admin.accounts.get(target.id)).account.suspended


def _serving(specs: Iterable[Any]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for spec in specs:
        out.setdefault(spec.service, {})[spec.method] = spec
    return out


def test_a_method_without_a_permission_stops_the_server(monkeypatch: pytest.MonkeyPatch) -> None:
    specs = [s for m in SERVICES.values() for s in m.values()]
    broken = [
        s.replace(permission="")
        if s.signing_name == "Roles.Create"
        else s.replace(permission="role:lsit")
        if s.signing_name == "Roles.Get"
        else s
        for s in specs
    ]
    monkeypatch.setattr(_handlers, "SERVICES", _serving(broken))
    env = Env(store=Store(None), keyring=KeyRing(), rules=load_rules())
    with pytest.raises(RuntimeError) as caught:
        _handlers.build_handlers(env)
    message = str(caught.value)
    assert "Roles.Create needs no permission" in message
    assert "Roles.Get needs 'role:lsit', no strongDM permission" in message


def test_every_method_needs_a_known_permission() -> None:
    assert problems(s for m in SERVICES.values() for s in m.values()) == []
    assert problems([FILE, DECIDE]) == []


async def test_grants_survive_a_restart_and_old_files_gain_them(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    async with LocalServer(db=db) as server, server.client() as admin:
        created = await token(
            admin, Permission.ROLE_LIST, deadline=datetime.now(UTC) - timedelta(days=1)
        )
        live = await token(admin, Permission.ROLE_LIST, name="live")
        reader = await server.create_api_key(admin=False, permissions=["role:list"])
    async with LocalServer(db=db) as server:
        async with as_key(server, live.access_key, live.secret_key) as ci:
            assert await ids(ci.roles.list("")) == []
            with pytest.raises(errors.PermissionError):
                await ci.roles.create(M.Role(name="x"))
        async with as_key(server, created.access_key, created.secret_key) as ci:
            with pytest.raises(errors.AuthenticationError):
                await ids(ci.roles.list(""))
        async with as_key(server, reader.access_key, reader.secret_key) as key:
            assert await ids(key.roles.list("")) == []
    # A file from before keys of no account held permissions: the column is added, and
    # such keys hold none.
    with sqlite3.connect(db) as conn:
        conn.execute("ALTER TABLE api_keys DROP COLUMN permissions")
    conn.close()
    async with LocalServer(db=db) as server:
        async with as_key(server, reader.access_key, reader.secret_key) as key:
            with pytest.raises(errors.PermissionError):
                await ids(key.roles.list(""))
        async with server.client() as admin:
            assert await ids(admin.roles.list("")) == []


def _contributing_table() -> dict[str, tuple[str, str, dict[str, str]]]:
    text = (Path(__file__).resolve().parents[2] / "CONTRIBUTING.md").read_text()
    section = text.split("## Permissions", 1)[1].split("\n## ", 1)[0]
    rows: dict[str, tuple[str, str, dict[str, str]]] = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 4 or cells[0] in ("services", "---"):
            continue
        names, reads, writes, own = cells
        methods = {}
        for item in filter(None, (i.strip() for i in own.split(","))):
            method, permission = item.split(" ")
            methods[method.rstrip("*")] = permission.strip("`")
        for name in names.split(","):
            service = name.strip().rstrip("*")
            assert service not in rows, f"{service} twice in CONTRIBUTING.md"
            rows[service] = (reads.strip("`"), writes.strip("`"), methods)
    return rows


def test_contributing_lists_the_permissions_the_protos_give() -> None:
    from aiosdm._generated.services import SERVICE_SPECS

    table = _contributing_table()
    assert set(table) == set(SERVICE_SPECS)
    for name, spec in SERVICE_SPECS.items():
        own = {
            method: m.permission
            for method, m in spec.methods.items()
            if m.permission != (spec.read_permission if m.idempotent else spec.write_permission)
        }
        assert table[name] == (spec.read_permission, spec.write_permission, own), name
