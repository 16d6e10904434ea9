"""Issue 12's attacks, replayed against a real ``aiosdm serve`` process.

Each test names what the server once did wrong: inputs that ended in INTERNAL (or were
stored and then broke every list of grants in both SDKs), a wildcard filter and ten long
lists that held up an unrelated Get, a read budget (``--read-budget``) that let a scan run
on, and UNAUTHENTICATED messages that told keys apart; and what must hold for overlong
names, filters and messages. The server's own log is read at the end: no traceback may be
in it.
"""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import grpc
import grpc.aio
import pytest

from aiosdm import (
    AccountGrant,
    Client,
    KeyValueEngine,
    ManagedSecret,
    Postgres,
    Role,
    Token,
    User,
    VaultTokenStore,
    errors,
)
from aiosdm._generated.v1 import (
    account_grants_pb2,
    account_resources_pb2,
    accounts_history_pb2,
    accounts_pb2,
    activities_pb2,
    managed_secrets_pb2,
    nodes_pb2,
    roles_history_pb2,
    roles_pb2,
)
from aiosdm.testing import LocalServer, WireClient

from .._serve import Served, serving, stop, wire_client

strongdm = pytest.importorskip("strongdm")

#: Every call here is one round trip on loopback: far more than enough, and never forever.
CALL_TIMEOUT = 30
YEAR_36812 = 1_099_511_627_776  # seconds: past 9999-12-31
HUGE = 2**62


def serving_logged(tmp_path: Path, *extra: str) -> AbstractAsyncContextManager[Served]:
    """``aiosdm serve`` with its stderr in ``tmp_path/serve.log``; yields (process, credentials)."""
    return serving(tmp_path, *extra, log=tmp_path / "serve.log")


async def _stop_and_read_log(proc: asyncio.subprocess.Process, tmp_path: Path) -> str:
    assert await stop(proc) == 0
    return await asyncio.to_thread((tmp_path / "serve.log").read_text)


def _client(creds: dict[str, str]) -> Client:
    return Client(creds["access_key"], creds["secret_key"], host=creds["host"], insecure=True)


def _official(creds: dict[str, str]) -> Any:
    return strongdm.Client(
        creds["access_key"], creds["secret_key"], host=creds["host"], insecure=True
    )


async def _refusal(call: Awaitable[Any]) -> grpc.aio.AioRpcError:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await asyncio.wait_for(call, CALL_TIMEOUT)
    return caught.value


def _moved(cursor: str, position: str) -> str:
    """A real cursor of a listing, resumed at another position (the listing unchanged)."""
    decoded = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    decoded["a"] = position
    raw = json.dumps(decoded, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


#: (account id, resource id) a grant may really link: refused, it must be for its window alone.
Target = tuple[str, str]


def _grant(
    target: Target, seconds: int, nanos: int, field: str
) -> account_grants_pb2.AccountGrantCreateRequest:
    request = account_grants_pb2.AccountGrantCreateRequest()
    request.account_grant.account_id, request.account_grant.resource_id = target
    stamp = getattr(request.account_grant, field)
    stamp.seconds, stamp.nanos = seconds, nanos
    return request


def _token(seconds: int) -> accounts_pb2.AccountCreateRequest:
    request = accounts_pb2.AccountCreateRequest()
    request.account.token.name = "t"
    request.account.token.duration.seconds = seconds
    return request


def _at(seconds: int, request: Any) -> Any:
    request.meta.snapshot_at.seconds = seconds
    return request


def _deep_rules() -> roles_pb2.RoleCreateRequest:
    request = roles_pb2.RoleCreateRequest()
    request.role.name, request.role.access_rules = "deep", "[" * 100_000 + "]" * 100_000
    return request


def _role(name: str = "r", tag: str = "") -> roles_pb2.RoleCreateRequest:
    request = roles_pb2.RoleCreateRequest()
    request.role.name = name
    if tag:
        request.role.tags.pairs.add(name=tag, value="v")
    return request


def _listed(filter_text: str) -> roles_pb2.RoleListRequest:
    return roles_pb2.RoleListRequest(filter=filter_text)


def _probe(host: str) -> nodes_pb2.NodeTCPProbeRequest:
    return nodes_pb2.NodeTCPProbeRequest(node_id="n-1", host=host, port=22)


GRANTS, ROLES = "AccountGrants.Create", "Roles.Create"
START, UNTIL = "account_grant.start_from", "account_grant.valid_until"
AT = "meta.snapshot_at"

#: (what, method, request, what the one-line refusal names): the inputs issue 12 found
#: answered INTERNAL, or stored beyond what either SDK can read back.
BAD_INPUTS: list[tuple[str, str, Callable[[Target], Any], str]] = [
    ("grant in year 36812", GRANTS, lambda t: _grant(t, YEAR_36812, 0, "start_from"), START),
    ("grant in a negative year", GRANTS, lambda t: _grant(t, -YEAR_36812, 0, "valid_until"), UNTIL),
    ("grant with nanos=-5", GRANTS, lambda t: _grant(t, 1_700_000_000, -5, "start_from"), START),
    ("token duration 2^62 s", "Accounts.Create", lambda _: _token(HUGE), "account.token.duration"),
    ("roles at 2^62 s", "Roles.List", lambda _: _at(HUGE, roles_pb2.RoleListRequest()), AT),
    (
        "account resources at 2^62 s",
        "AccountResources.List",
        lambda _: _at(HUGE, account_resources_pb2.AccountResourceListRequest()),
        AT,
    ),
    ("access rules 100,000 deep", ROLES, lambda _: _deep_rules(), "access_rules"),
    ("probe host, 64-character label", "Nodes.TCPProbe", lambda _: _probe("a" * 64 + ".x"), "host"),
    ("probe host with a NUL", "Nodes.TCPProbe", lambda _: _probe("db\x00.internal"), "host"),
    ("name of 256 characters", ROLES, lambda _: _role(name="n" * 256), "role.name: at most 255"),
    ("name with a NUL", ROLES, lambda _: _role(name="a\x00b"), "role.name: must not contain NUL"),
    ("tag name of 256 characters", ROLES, lambda _: _role(tag="t" * 256), "role.tags.pairs.name"),
    ("filter of 5,000 characters", "Roles.List", lambda _: _listed("name:" + "x" * 5000), "filter"),
    ("filter of 33 terms", "Roles.List", lambda _: _listed(",".join(["name:x"] * 33)), "filter"),
]


#: Lists whose cursors carry a row number: a huge one or a non-ASCII digit was INTERNAL.
LOGGED_LISTS: list[tuple[str, Callable[[], Any]]] = [
    ("AccountsHistory.List", accounts_history_pb2.AccountHistoryListRequest),
    ("RolesHistory.List", roles_history_pb2.RoleHistoryListRequest),
    ("Activities.List", activities_pb2.ActivityListRequest),
    ("ManagedSecrets.Logs", managed_secrets_pb2.ManagedSecretLogsRequest),
]


async def _some_of_everything(creds: dict[str, str]) -> Target:
    """Rows for every list above to page through: users, a grant, a role, secret logs.
    Returns a user without grants and the resource."""
    now = datetime.now(UTC)
    async with _client(creds) as client:
        users = [
            (
                await client.accounts.create(
                    User(email=f"u{i}@x.com", first_name="U", last_name="V")
                )
            ).account
            for i in range(2)
        ]
        db = (
            await client.resources.create(
                Postgres(
                    name="pg", hostname="h", username="u", password="p", database="d", port=5432
                )
            )
        ).resource
        assert users[0] is not None and db is not None
        await client.account_grants.create(
            AccountGrant(
                account_id=users[0].id,
                resource_id=db.id,
                start_from=now - timedelta(minutes=1),
                valid_until=now + timedelta(hours=1),
            )
        )
        await client.roles.create(Role(name="r1"))
        await client.roles.create(Role(name="r2"))
        store = (
            await client.secret_stores.create(VaultTokenStore(name="v", server_address="https://v"))
        ).secret_store
        assert store is not None
        engine = (
            await client.secret_engines.create(
                KeyValueEngine(name="kv", secret_store_id=store.id, secret_store_root_path="kv/")
            )
        ).secret_engine
        assert engine is not None
        secret = await client.managed_secrets.create(
            ManagedSecret(name="s", secret_engine_id=engine.id, value=b"v")
        )
        for _ in range(2):
            await client.managed_secrets.retrieve(secret.managed_secret.id)
    return users[1].id, db.id


async def _readable_in_both_sdks(creds: dict[str, str]) -> None:
    """Grants, account resources, accounts and roles list alike in both SDKs."""
    async with _client(creds) as client:
        ours = {
            "grants": sorted([g.id async for g in client.account_grants.list("")]),
            "reach": sorted([r.resource_id async for r in client.account_resources.list("")]),
            "accounts": sorted([a.id async for a in client.accounts.list("")]),
            "roles": sorted([r.id async for r in client.roles.list("")]),
        }

    def official_lists() -> dict[str, list[str]]:
        sdk = _official(creds)
        try:
            return {
                "grants": sorted(g.id for g in sdk.account_grants.list("")),
                "reach": sorted(r.resource_id for r in sdk.account_resources.list("")),
                "accounts": sorted(a.id for a in sdk.accounts.list("")),
                "roles": sorted(r.id for r in sdk.roles.list("")),
            }
        finally:
            sdk.close()

    theirs = await asyncio.to_thread(official_lists)
    assert ours == theirs
    assert len(ours["grants"]) == 1 and len(ours["reach"]) == 1
    assert len(ours["accounts"]) == 2 and len(ours["roles"]) == 2


async def test_bad_input_is_one_line_never_internal_and_nothing_breaks(tmp_path: Path) -> None:
    async with serving_logged(tmp_path) as (proc, creds):
        target = await _some_of_everything(creds)
        async with wire_client(creds) as wire:
            for what, method, build, field in BAD_INPUTS:
                refused = await _refusal(wire.call(method, build(target)))
                assert refused.code() == grpc.StatusCode.INVALID_ARGUMENT, what
                details = refused.details() or ""
                assert field in details and "\n" not in details, (what, details)
            for method, make in LOGGED_LISTS:
                first = make()
                first.meta.limit = 1
                reply = await asyncio.wait_for(wire.call(method, first), CALL_TIMEOUT)
                assert reply.meta.next_cursor, method  # more than one row to list
                for position in ("9" * 40, "٣", "-1"):
                    moved = make()
                    moved.meta.cursor = _moved(reply.meta.next_cursor, position)
                    refused = await _refusal(wire.call(method, moved))
                    assert refused.code() == grpc.StatusCode.INVALID_ARGUMENT, (method, position)
                    assert refused.details() == "invalid cursor"
        await _readable_in_both_sdks(creds)
        log = await _stop_and_read_log(proc, tmp_path)
    assert "Traceback" not in log and "INTERNAL" not in log, log[-2000:]


#: gRPC's own default is 4 MiB; the server sets its receive limit to 64 MiB on purpose.
RECEIVE_LIMIT = 64 * 1024 * 1024


async def test_message_size_past_the_field_limits_and_past_the_receive_limit(
    tmp_path: Path,
) -> None:
    async with serving_logged(tmp_path) as (proc, creds), wire_client(creds) as wire:
        # Above gRPC's default limit, below the server's: it arrives, and the field is named.
        big = roles_pb2.RoleCreateRequest(role={"name": "big", "access_rules": "x" * 5_000_000})
        refused = await _refusal(wire.call("Roles.Create", big))
        assert refused.code() == grpc.StatusCode.INVALID_ARGUMENT
        assert refused.details() == "role.access_rules: at most 65536 characters"
        # Past the server's limit: gRPC refuses it before any handler runs.
        huge = roles_pb2.RoleCreateRequest(role={"name": "h", "access_rules": "x" * RECEIVE_LIMIT})
        refused = await _refusal(wire.call("Roles.Create", huge))
        assert refused.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
        del big, huge
        listed = await asyncio.wait_for(
            wire.call("Roles.List", roles_pb2.RoleListRequest()), CALL_TIMEOUT
        )
        assert list(listed.roles) == []  # nothing stored, and still serving
        log = await _stop_and_read_log(proc, tmp_path)
    assert "Traceback" not in log, log[-2000:]


#: Twelve stars: a backtracking matcher needs about 255 ** 12 steps on the name below.
MANY_STARS = "name:*a*a*a*a*a*a*a*a*a*a*a*a*b"


async def test_a_many_wildcard_filter_holds_up_nothing(tmp_path: Path) -> None:
    async with serving_logged(tmp_path) as (_, creds), wire_client(creds) as wire:
        long_name = await wire.call(
            "Roles.Create", roles_pb2.RoleCreateRequest(role={"name": "a" * 255})
        )
        other = await wire.call("Roles.Create", roles_pb2.RoleCreateRequest(role={"name": "x"}))
        listing = asyncio.create_task(
            wire.call("Roles.List", roles_pb2.RoleListRequest(filter=MANY_STARS))
        )
        try:
            got = await asyncio.wait_for(
                wire.call("Roles.Get", roles_pb2.RoleGetRequest(id=other.role.id)), CALL_TIMEOUT
            )
            assert got.role.name == "x"
            listed = await asyncio.wait_for(listing, CALL_TIMEOUT)
        finally:
            listing.cancel()
        assert list(listed.roles) == []
        both = roles_pb2.RoleListRequest(filter=MANY_STARS[:-1] + "a")  # now it matches
        listed = await asyncio.wait_for(wire.call("Roles.List", both), CALL_TIMEOUT)
        assert [r.id for r in listed.roles] == [long_name.role.id]


ROWS = 50_000  # as many as issue 12 had


async def test_a_get_waits_for_none_of_ten_long_lists(tmp_path: Path) -> None:
    db = tmp_path / "big.db"
    async with LocalServer(db=db) as setup:  # the rows go in fast, then serve takes the file
        ids = await setup.seed([Role(name=f"role-{i:05d}") for i in range(ROWS)])
    async with serving_logged(tmp_path, "--db", str(db)) as (_, creds), wire_client(creds) as wire:
        nothing = roles_pb2.RoleListRequest(filter="name:*a*a*a*a*a*a*a*a*z")
        scans = [asyncio.create_task(wire.call("Roles.List", nothing)) for _ in range(10)]
        try:
            await asyncio.sleep(0.2)  # sent, and reading (each reads every row: ~0.3 s alone)
            got = await asyncio.wait_for(
                wire.call("Roles.Get", roles_pb2.RoleGetRequest(id=ids[-1])), CALL_TIMEOUT
            )
            running = sum(not task.done() for task in scans)
            replies = await asyncio.wait_for(asyncio.gather(*scans), 120)
        finally:
            for task in scans:
                task.cancel()
    assert got.role.id == ids[-1]
    assert [list(r.roles) for r in replies] == [[]] * 10
    # A get queued behind the lists would come back after most of them.
    assert running >= 8, running


BUDGET_ROWS = 20_000


async def test_a_read_over_the_servers_budget_ends_in_deadline_exceeded(tmp_path: Path) -> None:
    db = tmp_path / "budget.db"
    async with LocalServer(db=db) as setup:
        ids = await setup.seed([Role(name=f"role-{i:05d}") for i in range(BUDGET_ROWS)])
    # 1 ms: no scan of 20,000 rows ends within it, while a get reads a row or two.
    budget = ("--db", str(db), "--read-budget", "0.001")
    async with serving_logged(tmp_path, *budget) as (proc, creds):
        async with wire_client(creds) as wire:
            scan = roles_pb2.RoleListRequest(filter="name:nothing-like-this")
            refused = await _refusal(wire.call("Roles.List", scan))
            got = await asyncio.wait_for(
                wire.call("Roles.Get", roles_pb2.RoleGetRequest(id=ids[0])), CALL_TIMEOUT
            )
        # The server's budget ended it, not the caller's (30 s, far from spent); it says why.
        assert refused.code() == grpc.StatusCode.DEADLINE_EXCEEDED
        assert refused.details() == "the query ran longer than 0.001 s: narrow the filter"
        assert got.role.name == "role-00000"  # and the server is still serving

        def official_scan() -> None:
            sdk = _official(creds)
            try:
                list(sdk.roles.list("name:nothing-like-this", timeout=CALL_TIMEOUT))
            finally:
                sdk.close()

        with pytest.raises(strongdm.errors.TimeoutError):
            await asyncio.to_thread(official_scan)
        async with _client(creds) as client:
            with pytest.raises(errors.TimeoutError):
                [r async for r in client.roles.list("name:nothing-like-this", timeout=30)]
        log = await _stop_and_read_log(proc, tmp_path)
    assert "Traceback" not in log, log[-2000:]


async def test_every_authentication_failure_reads_the_same(tmp_path: Path) -> None:
    async with serving_logged(tmp_path) as (_, creds), wire_client(creds) as wire:
        create = accounts_pb2.AccountCreateRequest()
        create.account.token.name = "short-lived"
        create.account.token.permissions.append("role:list")  # what the call below needs
        token = await wire.call("Accounts.Create", create)
        async with WireClient(creds["host"], token.access_key, token.secret_key) as gone:
            await gone.call("Roles.List", roles_pb2.RoleListRequest())  # works while it exists
            await wire.call(
                "Accounts.Delete", accounts_pb2.AccountDeleteRequest(id=token.account.token.id)
            )
            deleted = await _refusal(gone.call("Roles.List", roles_pb2.RoleListRequest()))
        wrong_secret = base64.b64encode(b"not the secret" * 3).decode()
        async with WireClient(creds["host"], creds["access_key"], wrong_secret) as forged:
            bad_signature = await _refusal(forged.call("Roles.List", roles_pb2.RoleListRequest()))
        async with WireClient(creds["host"], "AKnobody", wrong_secret) as stranger:
            unknown = await _refusal(stranger.call("Roles.List", roles_pb2.RoleListRequest()))
        async with _client(creds) as client:
            lapsed = await client.accounts.create(
                Token(
                    name="lapsed",
                    account_type="api",
                    permissions=["role:list"],
                    deadline=datetime.now(UTC) - timedelta(minutes=1),
                )
            )
            held = await client.accounts.create(
                Token(name="held", account_type="api", permissions=["role:list"])
            )
            assert isinstance(held.account, Token)
            held.account.suspended = True
            await client.accounts.update(held.account)
        refused = []
        for made in (lapsed, held):
            async with WireClient(creds["host"], made.access_key, made.secret_key) as key:
                refused.append(await _refusal(key.call("Roles.List", roles_pb2.RoleListRequest())))
    answers = {(e.code(), e.details()) for e in (deleted, bad_signature, unknown, *refused)}
    assert len(answers) == 1
    [(code, _)] = answers
    assert code == grpc.StatusCode.UNAUTHENTICATED
