"""The services the protos gained beyond the first 28, driven by the official client (as a
porting user would) and by aiosdm against the local control plane: CRUD, references,
link uniqueness, history, snapshots, rules, seeded read-only records, and required
fields that hold only while their condition does."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

import aiosdm
from aiosdm import errors
from aiosdm.testing import LocalServer, ThreadedServer

strongdm = pytest.importorskip("strongdm")

Official = Callable[..., Any]


def _user(client: Any, email: str) -> Any:
    user = strongdm.User(email=email, first_name="F", last_name="L")
    return client.accounts.create(user).account


def test_workflows_with_roles_approvers_and_history(official: Official) -> None:
    client = official()
    role = client.roles.create(strongdm.Role(name="dbas")).role
    approver = _user(client, "boss@example.com")
    flow = client.workflows.create(
        strongdm.Workflow(
            name="db access",
            description="on-call databases",
            access_rules=[{"tags": {"env": "prod"}}],
            access_request_max_duration=timedelta(hours=4),
            weight=3,
        )
    ).workflow
    assert flow.id.startswith("aw-") and flow.access_rules == [{"tags": {"env": "prod"}}]
    assert flow.access_request_max_duration == timedelta(hours=4)
    link = client.workflow_roles.create(
        strongdm.WorkflowRole(workflow_id=flow.id, role_id=role.id)
    ).workflow_role
    assert link.id.startswith("wr-")
    with pytest.raises(strongdm.AlreadyExistsError):
        client.workflow_roles.create(strongdm.WorkflowRole(workflow_id=flow.id, role_id=role.id))
    with pytest.raises(strongdm.NotFoundError):
        client.workflow_roles.create(strongdm.WorkflowRole(workflow_id="aw-nope", role_id=role.id))
    client.workflow_approvers.create(
        strongdm.WorkflowApprover(workflow_id=flow.id, account_id=approver.id)
    )
    flow.enabled = True
    client.workflows.update(flow)
    assert client.workflows.get(flow.id).workflow.enabled is True
    # Deleting the workflow takes its links with it.
    client.workflows.delete(flow.id)
    assert list(client.workflow_roles.list("")) == []
    assert list(client.workflow_approvers.list("")) == []
    versions = [h.workflow.enabled for h in client.workflows_history.list("id:?", flow.id)]
    assert versions == [False, True, True]


def test_approval_workflows_with_steps_and_approvers(official: Official) -> None:
    client = official()
    approver = _user(client, "approver@example.com")
    flow = client.approval_workflows.create(
        strongdm.ApprovalWorkflow(name="two-step", approval_mode="manual")
    ).approval_workflow
    assert flow.id.startswith("af-")
    step = client.approval_workflow_steps.create(
        strongdm.ApprovalWorkflowStep(approval_flow_id=flow.id)
    ).approval_workflow_step
    assert step.id.startswith("afs-")
    who = client.approval_workflow_approvers.create(
        strongdm.ApprovalWorkflowApprover(
            approval_flow_id=flow.id, approval_step_id=step.id, account_id=approver.id
        )
    ).approval_workflow_approver
    assert who.id.startswith("afa-")
    with pytest.raises(strongdm.BadRequestError, match="approval_mode"):
        client.approval_workflows.create(strongdm.ApprovalWorkflow(name="no mode"))
    flow.description = "reviewed"
    client.approval_workflows.update(flow)
    assert client.approval_workflows.get(flow.id).approval_workflow.description == "reviewed"
    client.approval_workflows.delete(flow.id)
    assert list(client.approval_workflow_steps.list("")) == []
    assert list(client.approval_workflow_approvers.list("")) == []


def test_identity_aliases_one_per_account_and_set(official: Official) -> None:
    client = official()
    user = _user(client, "alias@example.com")
    identity_set = client.identity_sets.create(strongdm.IdentitySet(name="ops")).identity_set
    alias = client.identity_aliases.create(
        strongdm.IdentityAlias(account_id=user.id, identity_set_id=identity_set.id, username="al")
    ).identity_alias
    assert alias.id.startswith("i-")
    with pytest.raises(strongdm.AlreadyExistsError):
        client.identity_aliases.create(
            strongdm.IdentityAlias(
                account_id=user.id, identity_set_id=identity_set.id, username="other"
            )
        )
    with pytest.raises(strongdm.BadRequestError, match="username"):
        client.identity_aliases.create(
            strongdm.IdentityAlias(account_id=user.id, identity_set_id=identity_set.id)
        )
    client.accounts.delete(user.id)
    with pytest.raises(strongdm.NotFoundError):
        client.identity_aliases.get(alias.id)


def test_peering_groups_link_nodes_peers_and_resources(official: Official) -> None:
    client = official()
    east = client.peering_groups.create(strongdm.PeeringGroup(name="east")).peering_group
    west = client.peering_groups.create(strongdm.PeeringGroup(name="west")).peering_group
    relay = client.nodes.create(strongdm.Relay(name="relay-east")).node
    db = client.resources.create(
        strongdm.RawTCP(name="tcp", hostname="db.internal", port=5432)
    ).resource
    client.peering_group_nodes.create(strongdm.PeeringGroupNode(group_id=east.id, node_id=relay.id))
    client.peering_group_resources.create(
        strongdm.PeeringGroupResource(group_id=east.id, resource_id=db.id)
    )
    client.peering_group_peers.create(
        strongdm.PeeringGroupPeer(group_id=east.id, peers_with_group_id=west.id)
    )
    # A group of accounts is not a peering group.
    group = client.groups.create(strongdm.Group(name="people")).group
    with pytest.raises(strongdm.NotFoundError):
        client.peering_group_nodes.create(
            strongdm.PeeringGroupNode(group_id=group.id, node_id=relay.id)
        )
    client.peering_groups.delete(west.id)
    assert list(client.peering_group_peers.list("")) == []
    assert [link.node_id for link in client.peering_group_nodes.list("")] == [relay.id]


def test_policies_keep_their_text_and_refuse_an_empty_one(official: Official) -> None:
    client = official()
    text = 'forbid(principal, action == StrongDM::Action::"connect", resource);'
    policy = client.policies.create(strongdm.Policy(name="no-connect", policy=text)).policy
    assert policy.id.startswith("po-") and client.policies.get(policy.id).policy.policy == text
    with pytest.raises(strongdm.BadRequestError, match="policy text is required"):
        client.policies.create(strongdm.Policy(name="empty", policy="  "))
    with pytest.raises(strongdm.AlreadyExistsError):
        client.policies.create(strongdm.Policy(name="NO-CONNECT", policy=text))


def test_proxy_cluster_keys_answer_their_secret_once(official: Official) -> None:
    client = official()
    cluster = client.nodes.create(
        strongdm.ProxyCluster(name="pc", address="pc.example.com:443")
    ).node
    relay = client.nodes.create(strongdm.Relay(name="relay")).node
    made = client.proxy_cluster_keys.create(strongdm.ProxyClusterKey(proxy_cluster_id=cluster.id))
    assert made.proxy_cluster_key.id.startswith("gk-") and len(made.secret_key) >= 32
    assert made.proxy_cluster_key.created_at is not None
    again = client.proxy_cluster_keys.get(made.proxy_cluster_key.id)
    assert not hasattr(again, "secret_key") or not again.secret_key
    with pytest.raises(strongdm.BadRequestError, match="not a proxy cluster"):
        client.proxy_cluster_keys.create(strongdm.ProxyClusterKey(proxy_cluster_id=relay.id))


def test_discovery_connectors_of_each_cloud(official: Official) -> None:
    client = official()
    aws = client.discovery_connectors.create(
        strongdm.AWSConnector(name="aws", role_name="scanner", account_ids=["111111111111"])
    ).connector
    assert aws.id.startswith("con-") and isinstance(aws, strongdm.AWSConnector)
    assert aws.account_ids == ["111111111111"]
    names = sorted(type(c).__name__ for c in client.discovery_connectors.list(""))
    assert names == ["AWSConnector"]


def test_drivers_new_to_aiosdm_are_created_by_the_official_client(official: Official) -> None:
    client = official()
    made = client.resources.create(
        strongdm.Aerospike(name="aero", hostname="h", port=3000, tags={"env": "dev"})
    ).resource
    assert isinstance(made, strongdm.Aerospike) and made.tags == {"env": "dev"}
    assert isinstance(client.resources.get(made.id).resource, strongdm.Aerospike)


def test_required_fields_hold_only_while_their_condition_does(official: Official) -> None:
    client = official()
    plain = strongdm.RDP(name="rdp", hostname="h", username="u", password="p", port=3389)
    assert client.resources.create(plain).resource.id.startswith("rs-")
    identity_set = client.identity_sets.create(strongdm.IdentitySet(name="ids")).identity_set
    aliased = strongdm.RDP(
        name="rdp-aliased",
        hostname="h",
        username="u",
        password="p",
        identity_set_id=identity_set.id,
    )
    with pytest.raises(strongdm.BadRequestError, match="identity_alias_healthcheck_username"):
        client.resources.create(aliased)
    aliased.identity_alias_healthcheck_username = "checker"
    assert client.resources.create(aliased).resource.id.startswith("rs-")

    eks = strongdm.AmazonEKS(
        name="eks",
        endpoint="https://eks",
        region="us-east-1",
        cluster_name="c",
        access_key="AKIA",
        secret_access_key="s",
    )
    assert client.resources.create(eks).resource.id.startswith("rs-")
    eks.name, eks.discovery_enabled = "eks-discovery", True
    with pytest.raises(strongdm.BadRequestError, match="discovery_username"):
        client.resources.create(eks)


async def test_seeded_records_are_read_back_by_both_sdks() -> None:
    when = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)
    async with LocalServer() as server:
        await server.seed(
            [
                aiosdm.Query(query_body="select 1", resource_name="db", timestamp=when),
                aiosdm.RemoteIdentityGroup(name="legacy"),
            ]
        )
        async with server.client() as client:
            queries = [q async for q in client.queries.list("")]
            assert [(q.query_body, q.timestamp) for q in queries] == [("select 1", when)]
            groups = [g async for g in client.remote_identity_groups.list("")]
            assert [g.name for g in groups] == ["legacy"]
            with pytest.raises(errors.NotFoundError):
                await client.remote_identity_groups.get("ig-missing")


def test_official_client_reads_seeded_records() -> None:
    with ThreadedServer() as server:
        server.call(server.server.seed, [aiosdm.Query(query_body="select 2", resource_name="db")])
        sdk = strongdm.Client(server.access_key, server.secret_key, host=server.host, insecure=True)
        try:
            assert [q.query_body for q in sdk.queries.list("")] == ["select 2"]
            assert list(sdk.replays.list("")) == []
            assert list(sdk.health_checks.list("")) == []
            assert list(sdk.access_requests.list("")) == []
        finally:
            sdk.close()
