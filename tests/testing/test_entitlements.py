"""Granted and requestable entitlements on the local control plane, computed from the
state (grants, roles, groups, workflows, recorded queries) now and at snapshot times,
driven by the official client and by aiosdm."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

import aiosdm
from aiosdm import errors
from aiosdm.testing import LocalServer, ThreadedServer

strongdm = pytest.importorskip("strongdm")

Official = Callable[..., Any]
USED_AT = datetime(2026, 2, 3, 4, 5, 6, tzinfo=UTC)


@dataclass
class World:
    alice: str  # holds role dbas directly
    bob: str  # holds role prod through group oncall
    carol: str  # has a grant to tcp_dev
    pg: str  # postgres, env=prod
    tcp_dev: str
    tcp_prod: str
    dbas: str  # reaches postgres
    prod: str  # reaches env=prod
    oncall: str
    grant: str
    open_flow: str  # enabled, offers env=dev, open to dbas
    shut_flow: str  # disabled, offers env=prod, open to prod


def _build(sdk: Any, seed: Callable[[list[Any]], Any]) -> World:
    def user(email: str) -> str:
        made = sdk.accounts.create(strongdm.User(email=email, first_name="F", last_name="L"))
        return str(made.account.id)

    def resource(driver: Any) -> str:
        return str(sdk.resources.create(driver).resource.id)

    def role(name: str, rules: list[Any]) -> str:
        return str(sdk.roles.create(strongdm.Role(name=name, access_rules=rules)).role.id)

    def flow(name: str, rules: list[Any], enabled: bool, role_id: str) -> str:
        made = sdk.workflows.create(strongdm.Workflow(name=name, access_rules=rules)).workflow
        made.enabled = enabled
        sdk.workflows.update(made)
        sdk.workflow_roles.create(strongdm.WorkflowRole(workflow_id=made.id, role_id=role_id))
        return str(made.id)

    alice, bob, carol = user("alice@example.com"), user("bob@example.com"), user("c@example.com")
    pg = resource(
        strongdm.Postgres(
            name="pg", hostname="db", username="u", password="p", database="d", tags={"env": "prod"}
        )
    )
    tcp_dev = resource(strongdm.RawTCP(name="dev", hostname="h", port=1, tags={"env": "dev"}))
    tcp_prod = resource(strongdm.RawTCP(name="prod", hostname="h", port=2, tags={"env": "prod"}))
    dbas = role("dbas", [{"type": "postgres"}])
    prod = role("prod", [{"tags": {"env": "prod"}}])
    sdk.account_attachments.create(strongdm.AccountAttachment(account_id=alice, role_id=dbas))
    oncall = sdk.groups.create(strongdm.Group(name="oncall")).group.id
    sdk.groups_roles.create(strongdm.GroupRole(group_id=oncall, role_id=prod))
    sdk.accounts_groups.create(strongdm.AccountGroup(account_id=bob, group_id=oncall))
    now = datetime.now(UTC)
    grant = sdk.account_grants.create(
        strongdm.AccountGrant(
            account_id=carol,
            resource_id=tcp_dev,
            start_from=now - timedelta(minutes=1),
            valid_until=now + timedelta(hours=1),
        )
    ).account_grant.id
    open_flow = flow("break-glass", [{"tags": {"env": "dev"}}], True, dbas)
    shut_flow = flow("prod-access", [{"tags": {"env": "prod"}}], False, prod)
    seed([aiosdm.Query(account_id=alice, resource_id=pg, timestamp=USED_AT, query_body="select")])
    return World(
        alice, bob, carol, pg, tcp_dev, tcp_prod, dbas, prod, oncall, grant, open_flow, shut_flow
    )


def _granted(sdk: Any, service: str, whose: str, *filter: Any) -> set[tuple[str, ...]]:
    rows = getattr(sdk, service).list(whose, *(filter or ("",)), timeout=30)
    return {
        tuple(
            str(getattr(r, f, "")) for f in ("resource_id", "account_id", "origin_id", "group_id")
        )
        for r in rows
    }


def test_official_client_lists_granted_entitlements(
    official: Official, threaded: ThreadedServer
) -> None:
    sdk = official()
    w = _build(sdk, lambda items: threaded.call(threaded.server.seed, items))
    account = "granted_account_entitlements"
    assert _granted(sdk, account, w.alice) == {(w.pg, "", w.dbas, "")}
    assert _granted(sdk, account, w.bob) == {
        (w.pg, "", w.prod, w.oncall),
        (w.tcp_prod, "", w.prod, w.oncall),
    }
    assert _granted(sdk, account, w.carol) == {(w.tcp_dev, "", w.grant, "")}
    # Grants whose window has not opened yet, or has closed, give nothing now.
    now = datetime.now(UTC)
    for start in (now + timedelta(hours=1), now - timedelta(hours=2)):
        sdk.account_grants.create(
            strongdm.AccountGrant(
                account_id=w.carol,
                resource_id=w.tcp_prod,
                start_from=start,
                valid_until=start + timedelta(hours=1),
            ),
            timeout=30,
        )
    assert _granted(sdk, account, w.carol) == {(w.tcp_dev, "", w.grant, "")}
    assert _granted(sdk, "granted_resource_entitlements", w.tcp_prod) == {
        ("", w.bob, w.prod, w.oncall)
    }
    assert _granted(sdk, account, w.bob, "resource_id:?", w.pg) == {(w.pg, "", w.prod, w.oncall)}
    [used] = sdk.granted_account_entitlements.list(w.alice, "", timeout=30)
    assert used.last_accessed == USED_AT

    assert _granted(sdk, "granted_resource_entitlements", w.pg) == {
        ("", w.alice, w.dbas, ""),
        ("", w.bob, w.prod, w.oncall),
    }
    assert _granted(sdk, "granted_resource_entitlements", w.tcp_dev) == {("", w.carol, w.grant, "")}
    roles = {r.resource_id: r for r in sdk.granted_role_entitlements.list(w.prod, "", timeout=30)}
    assert set(roles) == {w.pg, w.tcp_prod} and roles[w.pg].last_accessed is None
    [dba] = sdk.granted_role_entitlements.list(w.dbas, "", timeout=30)
    assert (dba.resource_id, dba.last_accessed) == (w.pg, USED_AT)


def test_official_client_lists_requestable_entitlements(
    official: Official, threaded: ThreadedServer
) -> None:
    sdk = official()
    w = _build(sdk, lambda items: threaded.call(threaded.server.seed, items))
    account, resource = "requestable_account_entitlements", "requestable_resource_entitlements"
    assert _granted(sdk, account, w.alice) == {(w.tcp_dev, "", w.open_flow, "")}
    assert _granted(sdk, account, w.bob) == set()  # its workflow is disabled
    assert _granted(sdk, resource, w.tcp_dev) == {("", w.alice, w.open_flow, "")}
    assert _granted(sdk, resource, w.pg) == set()  # offered only by the disabled workflow
    assert _granted(sdk, "requestable_role_entitlements", w.dbas) == {
        (w.tcp_dev, "", w.open_flow, "")
    }

    shut = sdk.workflows.get(w.shut_flow, timeout=30).workflow
    shut.enabled = True
    sdk.workflows.update(shut, timeout=30)
    assert _granted(sdk, account, w.bob) == {
        (w.pg, "", w.shut_flow, w.oncall),
        (w.tcp_prod, "", w.shut_flow, w.oncall),
    }
    assert _granted(sdk, resource, w.pg) == {("", w.bob, w.shut_flow, w.oncall)}
    assert _granted(sdk, "requestable_role_entitlements", w.prod) == {
        (w.pg, "", w.shut_flow, ""),
        (w.tcp_prod, "", w.shut_flow, ""),
    }
    assert _granted(sdk, account, w.carol) == set()  # holds no role of any workflow


def test_official_client_gets_typed_errors_for_bad_input(official: Official) -> None:
    sdk = official()
    for service in ("granted_account_entitlements", "requestable_account_entitlements"):
        with pytest.raises(strongdm.NotFoundError):
            list(getattr(sdk, service).list("a-missing", "", timeout=30))
        with pytest.raises(strongdm.BadRequestError, match="account_id is required"):
            list(getattr(sdk, service).list("", "", timeout=30))
    for service in ("granted_resource_entitlements", "requestable_resource_entitlements"):
        with pytest.raises(strongdm.NotFoundError):
            list(getattr(sdk, service).list("rs-missing", "", timeout=30))
    for service in ("granted_role_entitlements", "requestable_role_entitlements"):
        with pytest.raises(strongdm.NotFoundError):
            list(getattr(sdk, service).list("r-missing", "", timeout=30))
    role = sdk.roles.create(strongdm.Role(name="r"), timeout=30).role
    with pytest.raises(strongdm.BadRequestError, match="invalid filter"):
        list(sdk.granted_role_entitlements.list(role.id, "nosuchfield:1", timeout=30))


def test_official_client_reads_entitlements_at_a_snapshot(
    official: Official, threaded: ThreadedServer
) -> None:
    sdk = official()
    w = _build(sdk, lambda items: threaded.call(threaded.server.seed, items))
    before = datetime.now(UTC)
    for attachment in sdk.account_attachments.list("account_id:?", w.alice, timeout=30):
        sdk.account_attachments.delete(attachment.id, timeout=30)
    assert _granted(sdk, "granted_account_entitlements", w.alice) == set()
    past = sdk.snapshot_at(before)
    assert _granted(past, "granted_account_entitlements", w.alice) == {(w.pg, "", w.dbas, "")}
    assert _granted(past, "requestable_account_entitlements", w.alice) == {
        (w.tcp_dev, "", w.open_flow, "")
    }


async def test_aiosdm_lists_entitlements_now_and_in_the_past() -> None:
    async with LocalServer() as server, server.client(page_limit=1) as client:
        user = (
            await client.accounts.create(
                aiosdm.User(email="dana@example.com", first_name="D", last_name="L")
            )
        ).account
        dbs = [
            (
                await client.resources.create(
                    aiosdm.RawTCP(name=f"db{i}", hostname="h", port=i + 1, tags={"env": "dev"})
                )
            ).resource.id
            for i in range(3)
        ]
        role = (
            await client.roles.create(
                aiosdm.Role(name="dev", access_rules=[{"tags": {"env": "dev"}}])
            )
        ).role
        await client.account_attachments.create(
            aiosdm.AccountAttachment(account_id=user.id, role_id=role.id)
        )
        flow = (
            await client.workflows.create(
                aiosdm.Workflow(name="ask", enabled=True, access_rules=[{"ids": [dbs[0]]}])
            )
        ).workflow
        await client.workflow_roles.create(
            aiosdm.WorkflowRole(workflow_id=flow.id, role_id=role.id)
        )
        granted = [e async for e in client.granted_account_entitlements.list(user.id, "")]
        assert sorted(e.resource_id for e in granted) == sorted(dbs)  # one per page, all of them
        before = datetime.now(UTC)

        await client.resources.delete(dbs[1])
        await client.workflows.delete(flow.id)
        now = {e.resource_id async for e in client.granted_account_entitlements.list(user.id, "")}
        assert now == {dbs[0], dbs[2]}
        assert [e async for e in client.requestable_role_entitlements.list(role.id, "")] == []

        past = client.snapshot_at(before)
        then = {e.resource_id async for e in past.granted_account_entitlements.list(user.id, "")}
        assert then == set(dbs)
        asked = [e async for e in past.requestable_role_entitlements.list(role.id, "")]
        assert [(e.resource_id, e.origin_id) for e in asked] == [(dbs[0], flow.id)]
        holders = [e async for e in past.granted_resource_entitlements.list(dbs[1], "")]
        assert [(e.account_id, e.origin_id) for e in holders] == [(user.id, role.id)]
        with pytest.raises(errors.NotFoundError):
            [e async for e in client.granted_resource_entitlements.list(dbs[1], "")]
        # Before the account existed, there was no such account to ask about.
        early = client.snapshot_at(datetime(2000, 1, 1, tzinfo=UTC))
        with pytest.raises(errors.NotFoundError):
            [e async for e in early.granted_account_entitlements.list(user.id, "")]
