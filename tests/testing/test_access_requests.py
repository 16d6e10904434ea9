"""Access requests filed through the test API: workflows decide them, approvals become
real time-bound grants, and both SDKs read the requests, their versions and events."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import grpc
import pytest

import aiosdm
from aiosdm._generated.v1 import workflows_pb2
from aiosdm.client import Client
from aiosdm.testing import LocalServer, ServiceError, ThreadedServer

strongdm = pytest.importorskip("strongdm")

Official = Callable[..., Any]
HOUR = timedelta(hours=1)


@dataclass
class World:
    """A requester in role 'engineers', an approver, a prod database, and a workflow
    for prod resources that engineers may use and the approver decides."""

    alice: str
    bob: str
    role: str
    db: str
    workflow: str


async def _world(client: Client, **workflow: Any) -> World:
    async def user(email: str) -> str:
        made = await client.accounts.create(aiosdm.User(email=email, first_name="F", last_name="L"))
        return made.account.id

    alice, bob = await user("alice@example.com"), await user("bob@example.com")
    role = (await client.roles.create(aiosdm.Role(name="engineers"))).role.id
    await client.account_attachments.create(
        aiosdm.AccountAttachment(account_id=alice, role_id=role)
    )
    db = aiosdm.RawTCP(name="prod-db", hostname="db", port=5432, tags={"env": "prod"})
    db_id = (await client.resources.create(db)).resource.id
    settings: dict[str, Any] = {
        "name": "prod access",
        "access_rules": [{"tags": {"env": "prod"}}],
        "enabled": True,
        "access_request_max_duration": timedelta(hours=4),
        **workflow,
    }
    flow = (await client.workflows.create(aiosdm.Workflow(**settings))).workflow.id
    await client.workflow_roles.create(aiosdm.WorkflowRole(workflow_id=flow, role_id=role))
    await client.workflow_approvers.create(
        aiosdm.WorkflowApprover(workflow_id=flow, account_id=bob)
    )
    return World(alice, bob, role, db_id, flow)


async def _file(server: LocalServer, world: World, **kw: Any) -> aiosdm.AccessRequest:
    args: dict[str, Any] = {"reason": "incident 42", "duration": HOUR, **kw}
    return await server.file_access_request(
        account_id=world.alice, workflow_id=world.workflow, resource_id=world.db, **args
    )


async def _events(client: Client, request_id: str) -> list[tuple[str, str]]:
    records = client.access_request_events_history.list("request_id:?", request_id)
    return [(r.access_request_event.type, r.access_request_event.actor_id) async for r in records]


async def _statuses(client: Client, request_id: str) -> list[str]:
    records = client.access_requests_history.list("id:?", request_id)
    return [r.access_request.status async for r in records]


async def _reach(client: Client, account_id: str) -> list[aiosdm.AccountResource]:
    return [r async for r in client.account_resources.list("account_id:?", account_id)]


# -- the whole flow, read by both SDKs -------------------------------------------------


def _official_world(sdk: Any) -> World:
    """The same world as :func:`_world`, made by the official client."""

    def user(email: str) -> str:
        return str(
            sdk.accounts.create(
                strongdm.User(email=email, first_name="F", last_name="L")
            ).account.id
        )

    alice, bob = user("alice@example.com"), user("bob@example.com")
    role = sdk.roles.create(strongdm.Role(name="engineers")).role.id
    sdk.account_attachments.create(strongdm.AccountAttachment(account_id=alice, role_id=role))
    db = strongdm.RawTCP(name="prod-db", hostname="db", port=5432, tags={"env": "prod"})
    db_id = sdk.resources.create(db).resource.id
    flow = sdk.workflows.create(
        strongdm.Workflow(
            name="prod access",
            access_rules=[{"tags": {"env": "prod"}}],
            enabled=True,
            access_request_max_duration=timedelta(hours=4),
        )
    ).workflow.id
    sdk.workflow_roles.create(strongdm.WorkflowRole(workflow_id=flow, role_id=role))
    sdk.workflow_approvers.create(strongdm.WorkflowApprover(workflow_id=flow, account_id=bob))
    return World(alice, bob, role, db_id, flow)


def test_official_client_reads_the_request_its_versions_events_and_grant(
    threaded: ThreadedServer, official: Official
) -> None:
    sdk = official()
    world = _official_world(sdk)
    filed = threaded.file_access_request(
        account_id=world.alice,
        workflow_id=world.workflow,
        resource_id=world.db,
        reason="incident 42",
        duration=HOUR,
    )
    [pending] = list(sdk.access_requests.list("id:?", filed.id))
    assert (pending.status, pending.account_id, pending.workflow_id) == (
        "pending",
        world.alice,
        world.workflow,
    )
    assert pending.reason == "incident 42" and pending.requestedduration == HOUR
    assert not list(sdk.account_resources.list("account_id:?", world.alice))

    approved = threaded.approve_access_request(filed.id, approver_id=world.bob, comment="ok")
    assert approved.status == "approved" and approved.grant_id

    [now] = list(sdk.access_requests.list("status:approved"))
    assert (now.id, now.grant_id, now.resultduration) == (filed.id, approved.grant_id, HOUR)
    grant = sdk.account_grants.get(now.grant_id).account_grant
    assert (grant.account_id, grant.resource_id, grant.access_request_id) == (
        world.alice,
        world.db,
        filed.id,
    )
    assert grant.valid_until - grant.start_from == HOUR
    assert grant.valid_until == now.valid_until
    [reach] = list(sdk.account_resources.list("account_id:?", world.alice))
    assert (reach.resource_id, reach.account_grant_id) == (world.db, grant.id)
    assert reach.expires_at == grant.valid_until

    versions = [h.access_request for h in sdk.access_requests_history.list("id:?", filed.id)]
    assert [v.status for v in versions] == ["pending", "approved"]
    assert [bool(v.grant_id) for v in versions] == [False, True]
    events = [
        h.access_request_event
        for h in sdk.access_request_events_history.list("request_id:?", filed.id)
    ]
    assert [(e.type, e.actor_id) for e in events] == [
        ("requested", world.alice),
        ("approved", world.bob),
        ("granted", world.bob),
    ]
    assert json.loads(events[1].metadata) == {"comment": "ok", "step": 1}
    verbs = [a.verb for a in sdk.activities.list("")][-2:]
    assert verbs == ["access requested to resource", "access request to resource granted"]


async def test_aiosdm_reads_the_request_its_versions_events_and_grant() -> None:
    async with LocalServer() as server, server.client() as client:
        world = await _world(client)
        filed = await _file(server, world)
        assert filed.status == "pending" and filed.valid_until is not None
        assert [r async for r in client.access_requests.list("status:pending")] == [filed]
        assert await _reach(client, world.alice) == []

        approved = await server.approve_access_request(filed.id, approver_id=world.bob)
        assert approved.status == "approved"
        grant = (await client.account_grants.get(approved.grant_id)).account_grant
        assert grant.access_request_id == filed.id
        assert grant.valid_until is not None and grant.start_from is not None
        assert grant.valid_until - grant.start_from == HOUR
        assert [r.resource_id for r in await _reach(client, world.alice)] == [world.db]
        assert [r async for r in client.access_requests.list("id:?", filed.id)] == [approved]
        assert await _statuses(client, filed.id) == ["pending", "approved"]
        assert await _events(client, filed.id) == [
            ("requested", world.alice),
            ("approved", world.bob),
            ("granted", world.bob),
        ]
        # The snapshot before the approval still sees the request pending.
        assert approved.status_at is not None
        before = approved.status_at - timedelta(microseconds=1)
        past = [r async for r in client.snapshot_at(before).access_requests.list("")]
        assert [r.status for r in past] == ["pending"]


async def test_the_grant_expires_with_the_requested_duration() -> None:
    async with LocalServer() as server, server.client() as client:
        world = await _world(client)
        filed = await _file(server, world, duration=timedelta(seconds=1))
        await server.approve_access_request(filed.id, approver_id=world.bob)
        assert [r.resource_id for r in await _reach(client, world.alice)] == [world.db]
        [grant] = [g async for g in client.account_grants.list("account_id:?", world.alice)]
        assert grant.valid_until is not None
        # Once its window has closed (and no sooner is asked), the access is gone.
        await asyncio.sleep((grant.valid_until - datetime.now(UTC)).total_seconds() + 0.05)
        assert await _reach(client, world.alice) == []
        # The grant itself remains, with its window in the past.
        [kept] = [g async for g in client.account_grants.list("account_id:?", world.alice)]
        assert kept.valid_until == grant.valid_until <= datetime.now(UTC)


async def test_auto_grant_workflows_grant_at_once() -> None:
    async with LocalServer() as server, server.client() as client:
        world = await _world(client, auto_grant=True)
        filed = await _file(server, world)
        assert filed.status == "approved" and filed.grant_id
        assert [r.account_grant_id for r in await _reach(client, world.alice)] == [filed.grant_id]
        assert await _statuses(client, filed.id) == ["pending", "approved"]
        assert await _events(client, filed.id) == [("requested", world.alice), ("granted", "")]
        [activity] = [a async for a in client.activities.list("")][-1:]
        assert activity.verb == "access request to resource granted automatically"
        assert activity.actor.id == world.alice


# -- filing: what the workflow allows --------------------------------------------------


async def _code(work: Any) -> tuple[grpc.StatusCode, str]:
    with pytest.raises(ServiceError) as caught:
        await work
    return caught.value.code, caught.value.message


NOT_FOUND, BAD, DENIED = (
    grpc.StatusCode.NOT_FOUND,
    grpc.StatusCode.INVALID_ARGUMENT,
    grpc.StatusCode.PERMISSION_DENIED,
)


async def test_filing_refuses_what_the_workflow_does_not_allow() -> None:
    async with LocalServer() as server, server.client() as client:
        w = await _world(client)
        carol = (
            await client.accounts.create(
                aiosdm.User(email="c@example.com", first_name="C", last_name="D")
            )
        ).account.id
        dev = aiosdm.RawTCP(name="dev-db", hostname="d", port=1, tags={"env": "dev"})
        dev_id = (await client.resources.create(dev)).resource.id
        cases: list[tuple[dict[str, Any], grpc.StatusCode, str]] = [
            ({"account_id": "a-missing"}, NOT_FOUND, "a-missing"),
            ({"workflow_id": "aw-missing"}, NOT_FOUND, "aw-missing"),
            ({"resource_id": "rs-missing"}, NOT_FOUND, "rs-missing"),
            ({"workflow_id": ""}, BAD, "workflow_id is required"),
            ({"resource_id": dev_id}, BAD, "access rules do not match"),
            ({"account_id": carol}, DENIED, "holds none of the roles"),
            ({"duration": timedelta(hours=5)}, BAD, "at most 4h, not 5h"),
            ({"duration": None}, BAD, "duration is required (workflow 'prod access' allows up"),
            ({"duration": timedelta(0)}, BAD, "duration must be positive"),
        ]
        for change, code, fragment in cases:
            args = {
                "account_id": w.alice,
                "workflow_id": w.workflow,
                "resource_id": w.db,
                "reason": "r",
                "duration": HOUR,
                **change,
            }
            got = await _code(server.file_access_request(**args))
            assert got[0] == code and fragment in got[1], (change, got)
        with pytest.raises(ValueError, match="naive datetime"):
            await _file(server, w, start_from=datetime(2030, 1, 1))
        assert [r async for r in client.access_requests.list("")] == []


async def test_workflow_settings_decide_duration_reason_and_whether_it_decides() -> None:
    async with LocalServer() as server, server.client() as client:
        w = await _world(client, access_request_max_duration=None)
        flow = (await client.workflows.get(w.workflow)).workflow

        flow.access_request_fixed_duration = timedelta(hours=2)
        await client.workflows.update(flow)
        fixed = await _file(server, w, duration=None)
        assert fixed.requestedduration == timedelta(hours=2) and fixed.duration == 120
        code, message = await _code(_file(server, w, duration=HOUR))
        assert code == BAD and "grants exactly 2h, not 1h" in message

        flow.enabled = False
        await client.workflows.update(flow)
        code, message = await _code(_file(server, w, duration=None))
        assert code == BAD and "is not enabled" in message

        # requires_reason is on the wire only (the official models lack it too).
        flow.enabled = True
        await client.workflows.update(flow)
        await _set_requires_reason(server, w.workflow)
        code, message = await _code(_file(server, w, duration=None, reason="  "))
        assert code == BAD and "requires a reason" in message
        assert (await _file(server, w, duration=None, reason="why")).status == "pending"

        [approver] = [a async for a in client.workflow_approvers.list("")]
        await client.workflow_approvers.delete(approver.id)
        code, message = await _code(_file(server, w, duration=None))
        assert code == BAD and "neither grants automatically nor has approvers" in message


async def _set_requires_reason(server: LocalServer, workflow_id: str) -> None:
    from aiosdm.testing import WireClient

    async with WireClient(server.host, server.access_key, server.secret_key) as wire:
        got = await wire.call("Workflows.Get", workflows_pb2.WorkflowGetRequest(id=workflow_id))
        request = workflows_pb2.WorkflowUpdateRequest(workflow=got.workflow)
        request.workflow.requires_reason = True
        await wire.call("Workflows.Update", request)


async def test_workflows_check_their_rules_and_durations() -> None:
    async with LocalServer() as server, server.client() as client:
        with pytest.raises(aiosdm.errors.BadRequestError, match="unknown keys"):
            await client.workflows.create(aiosdm.Workflow(name="x", access_rules=[{"env": "x"}]))
        both = aiosdm.Workflow(
            name="y", access_request_fixed_duration=HOUR, access_request_max_duration=HOUR
        )
        with pytest.raises(aiosdm.errors.BadRequestError, match="exclude each other"):
            await client.workflows.create(both)


# -- deciding --------------------------------------------------------------------------


async def test_who_may_decide_and_what_each_decision_leaves() -> None:
    async with LocalServer() as server, server.client() as client:
        w = await _world(client)
        filed = await _file(server, w)
        code, message = await _code(server.approve_access_request(filed.id, approver_id=w.alice))
        assert code == DENIED and "cannot decide its own request" in message
        carol = (
            await client.accounts.create(
                aiosdm.User(email="c@example.com", first_name="C", last_name="D")
            )
        ).account.id
        code, message = await _code(server.approve_access_request(filed.id, approver_id=carol))
        assert code == DENIED and "not an approver of workflow 'prod access'" in message
        code, _ = await _code(server.approve_access_request("aq-missing", approver_id=w.bob))
        assert code == NOT_FOUND
        code, _ = await _code(server.approve_access_request(filed.id, approver_id="a-missing"))
        assert code == NOT_FOUND

        denied = await server.deny_access_request(filed.id, approver_id=w.bob, comment="no")
        assert (denied.status, denied.grant_id) == ("denied", "")
        code, message = await _code(server.approve_access_request(filed.id, approver_id=w.bob))
        assert code == BAD and "is denied, not pending" in message
        assert await _events(client, filed.id) == [("requested", w.alice), ("denied", w.bob)]

        again = await _file(server, w)
        canceled = await server.cancel_access_request(again.id, comment="not needed")
        assert canceled.status == "canceled"
        assert await _statuses(client, again.id) == ["pending", "canceled"]
        assert await _events(client, again.id) == [("requested", w.alice), ("canceled", w.alice)]
        assert await _reach(client, w.alice) == []
        assert [g async for g in client.account_grants.list("")] == []


async def test_an_approver_role_lets_any_holder_decide_and_overlaps_are_refused() -> None:
    async with LocalServer() as server, server.client() as client:
        w = await _world(client)
        [approver] = [a async for a in client.workflow_approvers.list("")]
        await client.workflow_approvers.delete(approver.id)
        leads = (await client.roles.create(aiosdm.Role(name="leads"))).role.id
        await client.workflow_approvers.create(
            aiosdm.WorkflowApprover(workflow_id=w.workflow, role_id=leads)
        )
        filed = await _file(server, w)
        code, _ = await _code(server.approve_access_request(filed.id, approver_id=w.bob))
        assert code == DENIED  # bob does not hold 'leads' yet
        await client.account_attachments.create(
            aiosdm.AccountAttachment(account_id=w.bob, role_id=leads)
        )
        assert (await server.approve_access_request(filed.id, approver_id=w.bob)).grant_id

        # A second request for the same time would overlap the first grant.
        second = await _file(server, w)
        code, message = await _code(server.approve_access_request(second.id, approver_id=w.bob))
        assert code == grpc.StatusCode.ALREADY_EXISTS and "overlapping" in message
        assert [r async for r in client.access_requests.list("id:?", second.id)] == [second]
        assert await _events(client, second.id) == [("requested", w.alice)]


async def _people(client: Client, *names: str) -> dict[str, str]:
    out = {}
    for name in names:
        user = aiosdm.User(email=f"{name}@example.com", first_name=name, last_name="X")
        out[name] = (await client.accounts.create(user)).account.id
    return out


async def test_an_approval_flow_passes_its_steps_in_order() -> None:
    async with LocalServer() as server, server.client() as client:
        p = await _people(client, "boss", "lead", "auditor", "dev", "stranger")
        w = await _world(client)
        # alice's manager is 'boss'; 'dev' holds role 'dbas' through group 'ops'.
        alice = (await client.accounts.get(w.alice)).account
        alice.manager_id = p["boss"]
        await client.accounts.update(alice)
        dbas = (await client.roles.create(aiosdm.Role(name="dbas"))).role.id
        ops = (await client.groups.create(aiosdm.Group(name="ops"))).group.id
        await client.groups_roles.create(aiosdm.GroupRole(group_id=ops, role_id=dbas))
        await client.accounts_groups.create(aiosdm.AccountGroup(account_id=p["dev"], group_id=ops))
        flow = aiosdm.ApprovalWorkflow(
            name="two steps",
            approval_mode="manual",
            approval_workflow_steps=[
                aiosdm.ApprovalFlowStep(
                    quantifier="any",
                    approvers=[
                        aiosdm.ApprovalFlowApprover(reference="manager-of-requester"),
                        aiosdm.ApprovalFlowApprover(account_id=p["lead"]),
                    ],
                ),
                aiosdm.ApprovalFlowStep(
                    quantifier="all",
                    approvers=[
                        aiosdm.ApprovalFlowApprover(role_id=dbas),
                        aiosdm.ApprovalFlowApprover(account_id=p["auditor"]),
                    ],
                ),
            ],
        )
        flow_id = (await client.approval_workflows.create(flow)).approval_workflow.id
        workflow = (await client.workflows.get(w.workflow)).workflow
        workflow.approval_flow_id = flow_id
        await client.workflows.update(workflow)

        filed = await _file(server, w)
        code, message = await _code(server.approve_access_request(filed.id, approver_id=p["dev"]))
        assert code == DENIED and "step 1 of workflow" in message  # dev decides step 2 only
        code, _ = await _code(server.approve_access_request(filed.id, approver_id=p["stranger"]))
        assert code == DENIED
        step1 = await server.approve_access_request(filed.id, approver_id=p["boss"])
        assert step1.status == "pending"
        code, message = await _code(server.approve_access_request(filed.id, approver_id=p["lead"]))
        assert code == DENIED and "step 2" in message  # step 1 has passed
        half = await server.approve_access_request(filed.id, approver_id=p["auditor"])
        assert half.status == "pending"  # "all": the dbas role has not approved yet
        code, message = await _code(
            server.approve_access_request(filed.id, approver_id=p["auditor"])
        )
        assert code == BAD and "already approved step 2" in message
        done = await server.approve_access_request(filed.id, approver_id=p["dev"])
        assert done.status == "approved" and done.grant_id
        assert await _statuses(client, filed.id) == ["pending", "approved"]
        assert await _events(client, filed.id) == [
            ("requested", w.alice),
            ("approved", p["boss"]),
            ("approved", p["auditor"]),
            ("approved", p["dev"]),
            ("granted", p["dev"]),
        ]
        steps = [
            json.loads(r.access_request_event.metadata).get("step")
            async for r in client.access_request_events_history.list("type:approved")
        ]
        assert steps == [1, 2, 2]


async def test_stored_steps_and_automatic_flows() -> None:
    async with LocalServer() as server, server.client() as client:
        w = await _world(client)
        p = await _people(client, "first", "second")
        flow = aiosdm.ApprovalWorkflow(name="stored", approval_mode="manual")
        flow_id = (await client.approval_workflows.create(flow)).approval_workflow.id
        for name in ("first", "second"):
            step = aiosdm.ApprovalWorkflowStep(approval_flow_id=flow_id)
            step_id = (await client.approval_workflow_steps.create(step)).approval_workflow_step.id
            await client.approval_workflow_approvers.create(
                aiosdm.ApprovalWorkflowApprover(
                    approval_flow_id=flow_id, approval_step_id=step_id, account_id=p[name]
                )
            )
        workflow = (await client.workflows.get(w.workflow)).workflow
        workflow.approval_flow_id = flow_id
        await client.workflows.update(workflow)
        filed = await _file(server, w)
        code, _ = await _code(server.approve_access_request(filed.id, approver_id=p["second"]))
        assert code == DENIED  # steps go in the order they were made
        code, _ = await _code(server.approve_access_request(filed.id, approver_id=w.bob))
        assert code == DENIED  # with a flow, the workflow's own approvers do not decide
        await server.approve_access_request(filed.id, approver_id=p["first"])
        done = await server.approve_access_request(filed.id, approver_id=p["second"])
        assert done.status == "approved"

        stored = (await client.approval_workflows.get(flow_id)).approval_workflow
        stored.approval_mode = "automatic"
        await client.approval_workflows.update(stored)
        later = datetime.now(UTC) + timedelta(days=1)
        auto = await _file(server, w, start_from=later)
        assert auto.status == "approved"
        grant = (await client.account_grants.get(auto.grant_id)).account_grant
        assert grant.start_from == later
        assert grant.valid_until == later + HOUR


async def test_a_group_approver_is_any_member_of_the_group() -> None:
    async with LocalServer() as server, server.client() as client:
        w = await _world(client)
        p = await _people(client, "member", "outsider")
        ops = (await client.groups.create(aiosdm.Group(name="ops"))).group.id
        await client.accounts_groups.create(
            aiosdm.AccountGroup(account_id=p["member"], group_id=ops)
        )
        step = aiosdm.ApprovalFlowStep(approvers=[aiosdm.ApprovalFlowApprover(group_id=ops)])
        flow = aiosdm.ApprovalWorkflow(
            name="ops decides", approval_mode="manual", approval_workflow_steps=[step]
        )
        workflow = (await client.workflows.get(w.workflow)).workflow
        workflow.approval_flow_id = (
            await client.approval_workflows.create(flow)
        ).approval_workflow.id
        await client.workflows.update(workflow)
        filed = await _file(server, w)
        code, _ = await _code(server.approve_access_request(filed.id, approver_id=p["outsider"]))
        assert code == DENIED
        done = await server.approve_access_request(filed.id, approver_id=p["member"])
        assert done.status == "approved"


async def test_a_step_that_needs_everyone_counts_every_approval() -> None:
    async with LocalServer() as server, server.client() as client:
        w = await _world(client)
        people = await _people(client, *(f"p{i:02d}" for i in range(25)))
        approvers = [aiosdm.ApprovalFlowApprover(account_id=a) for a in people.values()]
        step = aiosdm.ApprovalFlowStep(quantifier="all", approvers=approvers)
        flow = aiosdm.ApprovalWorkflow(
            name="everyone", approval_mode="manual", approval_workflow_steps=[step]
        )
        workflow = (await client.workflows.get(w.workflow)).workflow
        workflow.approval_flow_id = (
            await client.approval_workflows.create(flow)
        ).approval_workflow.id
        await client.workflows.update(workflow)
        filed = await _file(server, w)
        statuses = [
            (await server.approve_access_request(filed.id, approver_id=a)).status
            for a in people.values()
        ]
        assert statuses == ["pending"] * 24 + ["approved"]
        events = await _events(client, filed.id)
        assert [kind for kind, _ in events] == ["requested"] + ["approved"] * 25 + ["granted"]
