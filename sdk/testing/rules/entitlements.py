"""Granted and requestable entitlements: who can reach what, and who could ask for what,
computed from the state at the time asked (``meta.snapshot_at``, else now).

Granted: an account reaches a resource through each account grant in force (its window
open at that time; ``origin_id`` is the grant), and through each role that reaches the
resource (``RoleResources``) which the account holds directly (``origin_id`` is the role)
or through a group (``group_id`` is that group). A role grants what it reaches.

Requestable: a workflow that is enabled offers the resources its access rules match (the
rule language of roles); the accounts that may request through it are those holding one
of its roles (``WorkflowRoles``), directly or through a group. Each row names the workflow
as ``origin_id``; what is offered is listed whether or not it is already granted.

``last_accessed`` is the time of the latest recorded query (``Queries``) by that account
on that resource; for a role, by any account holding it.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from google.protobuf.message import Message
from google.protobuf.timestamp_pb2 import Timestamp

from aiosdm._generated.kinds import KINDS
from aiosdm._generated.v1 import (
    granted_account_entitlements_pb2,
    granted_resource_entitlements_pb2,
    granted_role_entitlements_pb2,
    requestable_account_entitlements_pb2,
    requestable_resource_entitlements_pb2,
    requestable_role_entitlements_pb2,
)
from aiosdm._specs import Kind
from aiosdm.testing._derived import parse_access_rules, rule_matches
from aiosdm.testing._engine import (
    Env,
    Rules,
    ServerCall,
    ServerHandler,
    compile_for,
    list_page,
    page_of,
    respond,
    snapshot_of,
)
from aiosdm.testing._errors import bad_request, not_found
from aiosdm.testing._fields import body, field_names, flatten, timestamp_us
from aiosdm.testing._store import Tx

__all__ = ["RULES"]

_ACCOUNT = KINDS["account"]
_RESOURCE = KINDS["resource"]
_ROLE = KINDS["role"]
_GRANT = KINDS["account_grant"]
_ATTACHMENT = KINDS["account_attachment"]
_MEMBERSHIP = KINDS["account_group"]
_GROUP_ROLE = KINDS["group_role"]
_ROLE_RESOURCE = KINDS["role_resource"]
_WORKFLOW = KINDS["workflow"]
_WORKFLOW_ROLE = KINDS["workflow_role"]
_QUERY = KINDS["query"]


@dataclass
class _State:
    """Reads as of one time: now through the indexes, the past by scanning its versions."""

    tx: Tx
    at: int | None
    _every: dict[str, list[Any]] = field(default_factory=dict)
    _last: dict[tuple[str, str], int] | None = None

    @property
    def when(self) -> int:
        return self.at if self.at is not None else self.tx.now

    def get(self, kind: Kind, ident: str) -> Any:
        return self.tx.get(kind, ident, self.at)

    def every(self, kind: Kind) -> list[Any]:
        found = self._every.get(kind.name)
        if found is None:
            found = self._every[kind.name] = list(self.tx.iterate(kind, at=self.at))
        return found

    def where(self, kind: Kind, name: str, value: str) -> list[Any]:
        """Entities of ``kind`` whose field ``name`` is ``value``."""
        indexed = name in kind.indexed or any(r.field == name for r in kind.refs)
        if self.at is None and indexed:
            return self.tx.referrers(kind, name, value)
        return [e for e in self.every(kind) if getattr(body(e), name) == value]

    # -- who holds what ----------------------------------------------------------------

    def roles_of(self, account_id: str) -> list[tuple[str, str]]:
        """(role, group it comes through or "") of every role the account holds."""
        held = [(a.role_id, "") for a in self.where(_ATTACHMENT, "account_id", account_id)]
        for membership in self.where(_MEMBERSHIP, "account_id", account_id):
            group_id = membership.group_id
            held += [(g.role_id, group_id) for g in self.where(_GROUP_ROLE, "group_id", group_id)]
        return held

    def holders_of(self, role_id: str) -> list[tuple[str, str]]:
        """(account, group it holds the role through or "") of every holder of a role."""
        held = [(a.account_id, "") for a in self.where(_ATTACHMENT, "role_id", role_id)]
        for group_role in self.where(_GROUP_ROLE, "role_id", role_id):
            group_id = group_role.group_id
            members = self.where(_MEMBERSHIP, "group_id", group_id)
            held += [(m.account_id, group_id) for m in members]
        return held

    def reached_by(self, role_id: str) -> list[str]:
        return [r.resource_id for r in self.where(_ROLE_RESOURCE, "role_id", role_id)]

    def roles_reaching(self, resource_id: str) -> list[str]:
        return [r.role_id for r in self.where(_ROLE_RESOURCE, "resource_id", resource_id)]

    def grants(self, name: str, value: str) -> list[Any]:
        """Account grants whose ``name`` is ``value`` and whose window is open."""
        when = self.when
        return [
            g
            for g in self.where(_GRANT, name, value)
            if timestamp_us(g.start_from) <= when
            and (not timestamp_us(g.valid_until) or when < timestamp_us(g.valid_until))
        ]

    # -- workflows ---------------------------------------------------------------------

    def workflows_of(self, role_id: str) -> list[Any]:
        """The enabled workflows open to holders of a role."""
        links = self.where(_WORKFLOW_ROLE, "role_id", role_id)
        flows = [self.get(_WORKFLOW, link.workflow_id) for link in links]
        return [w for w in flows if w is not None and w.enabled]

    def offered_by(self, workflow: Any) -> list[str]:
        """The resources a workflow's access rules match."""
        try:
            rules = parse_access_rules(workflow.access_rules)
        except ValueError:  # unreadable rules offer nothing
            return []
        return [
            body(r).id
            for r in self.every(_RESOURCE)
            if any(rule_matches(rule, r) for rule in rules)
        ]

    def offering(self, resource: Any) -> list[Any]:
        """The enabled workflows whose access rules match a resource."""
        out = []
        for workflow in self.every(_WORKFLOW):
            if not workflow.enabled:
                continue
            try:
                rules = parse_access_rules(workflow.access_rules)
            except ValueError:
                continue
            if any(rule_matches(rule, resource) for rule in rules):
                out.append(workflow)
        return out

    # -- use ---------------------------------------------------------------------------

    def last_accessed(self, account_ids: Iterable[str], resource_id: str) -> int:
        """The latest recorded query by any of ``account_ids`` on a resource (0: none)."""
        if self._last is None:
            self._last = {}
            for query in self.every(_QUERY):
                pair = (query.account_id, query.resource_id)
                self._last[pair] = max(self._last.get(pair, 0), timestamp_us(query.timestamp))
        return max((self._last.get((a, resource_id), 0) for a in account_ids), default=0)


# -- the rows of each list, by key ---------------------------------------------------------

Rows = dict[str, Message]


def _stamp(row: Any, us: int) -> Any:
    if us:
        row.last_accessed.CopyFrom(Timestamp(seconds=us // 1_000_000, nanos=us % 1_000_000 * 1000))
    return row


def _granted_account(state: _State, account_id: str) -> Rows:
    rows: Rows = {}

    def add(resource_id: str, origin_id: str, group_id: str) -> None:
        row = granted_account_entitlements_pb2.GrantedAccountEntitlement(
            resource_id=resource_id, origin_id=origin_id, group_id=group_id
        )
        rows[f"{resource_id}|{origin_id}|{group_id}"] = _stamp(
            row, state.last_accessed([account_id], resource_id)
        )

    for grant in state.grants("account_id", account_id):
        add(grant.resource_id, grant.id, "")
    for role_id, group_id in state.roles_of(account_id):
        for resource_id in state.reached_by(role_id):
            add(resource_id, role_id, group_id)
    return rows


def _granted_resource(state: _State, resource_id: str) -> Rows:
    rows: Rows = {}

    def add(account_id: str, origin_id: str, group_id: str) -> None:
        row = granted_resource_entitlements_pb2.GrantedResourceEntitlement(
            account_id=account_id, origin_id=origin_id, group_id=group_id
        )
        rows[f"{account_id}|{origin_id}|{group_id}"] = _stamp(
            row, state.last_accessed([account_id], resource_id)
        )

    for grant in state.grants("resource_id", resource_id):
        add(grant.account_id, grant.id, "")
    for role_id in state.roles_reaching(resource_id):
        for account_id, group_id in state.holders_of(role_id):
            add(account_id, role_id, group_id)
    return rows


def _granted_role(state: _State, role_id: str) -> Rows:
    holders = {account_id for account_id, _ in state.holders_of(role_id)}
    rows: Rows = {}
    for resource_id in state.reached_by(role_id):
        row = granted_role_entitlements_pb2.GrantedRoleEntitlement(resource_id=resource_id)
        rows[resource_id] = _stamp(row, state.last_accessed(holders, resource_id))
    return rows


def _requestable_account(state: _State, account_id: str) -> Rows:
    rows: Rows = {}
    for role_id, group_id in state.roles_of(account_id):
        for workflow in state.workflows_of(role_id):
            for resource_id in state.offered_by(workflow):
                rows[f"{resource_id}|{workflow.id}|{group_id}"] = (
                    requestable_account_entitlements_pb2.RequestableAccountEntitlement(
                        resource_id=resource_id, origin_id=workflow.id, group_id=group_id
                    )
                )
    return rows


def _requestable_resource(state: _State, resource_id: str) -> Rows:
    rows: Rows = {}
    resource = state.get(_RESOURCE, resource_id)
    for workflow in state.offering(resource):
        for link in state.where(_WORKFLOW_ROLE, "workflow_id", workflow.id):
            for account_id, group_id in state.holders_of(link.role_id):
                rows[f"{account_id}|{workflow.id}|{group_id}"] = (
                    requestable_resource_entitlements_pb2.RequestableResourceEntitlement(
                        account_id=account_id, origin_id=workflow.id, group_id=group_id
                    )
                )
    return rows


def _requestable_role(state: _State, role_id: str) -> Rows:
    rows: Rows = {}
    for workflow in state.workflows_of(role_id):
        for resource_id in state.offered_by(workflow):
            rows[f"{resource_id}|{workflow.id}"] = (
                requestable_role_entitlements_pb2.RequestableRoleEntitlement(
                    resource_id=resource_id, origin_id=workflow.id
                )
            )
    return rows


# -- the handler ---------------------------------------------------------------------------

Compute = Callable[[_State, str], Rows]


def _lister(
    whose: str, kind: Kind, compute: Compute, item: type[Message]
) -> Callable[[Env], ServerHandler]:
    """A List of the rows (``item`` messages) that ``compute`` finds for the ``kind`` entity
    named in request field ``whose``."""
    known = field_names(item.DESCRIPTOR)

    def factory(env: Env) -> ServerHandler:
        async def list_(call: ServerCall, request: Any) -> Message:
            ident = getattr(request, whose)
            if not ident:
                raise bad_request(f"{whose} is required")
            predicate = compile_for(request.filter, known)
            page = page_of(env, call, request, f"{ident}|{request.filter}")
            at = snapshot_of(request)

            def job(tx: Tx) -> tuple[list[Any], str]:
                state = _State(tx, at)
                if state.get(kind, ident) is None:
                    raise not_found(kind.noun, ident)
                rows = compute(state, ident)
                keys = sorted(rows)

                def fetch(after: str, size: int) -> list[tuple[str, Any]]:
                    start = bisect.bisect_right(keys, after)
                    return [(k, rows[k]) for k in keys[start : start + size]]

                return list_page(fetch, lambda row: predicate(flatten(row)), page)

            found, next_cursor = await env.store.read(job)
            response: Any = respond(call)
            response.meta.next_cursor = next_cursor
            getattr(response, call.spec.items).extend(found)
            return response  # type: ignore[no-any-return]

        return list_

    return factory


RULES = (
    Rules(
        "GrantedAccountEntitlements",
        methods={
            "List": _lister(
                "account_id",
                _ACCOUNT,
                _granted_account,
                granted_account_entitlements_pb2.GrantedAccountEntitlement,
            )
        },
    ),
    Rules(
        "GrantedResourceEntitlements",
        methods={
            "List": _lister(
                "resource_id",
                _RESOURCE,
                _granted_resource,
                granted_resource_entitlements_pb2.GrantedResourceEntitlement,
            )
        },
    ),
    Rules(
        "GrantedRoleEntitlements",
        methods={
            "List": _lister(
                "role_id",
                _ROLE,
                _granted_role,
                granted_role_entitlements_pb2.GrantedRoleEntitlement,
            )
        },
    ),
    Rules(
        "RequestableAccountEntitlements",
        methods={
            "List": _lister(
                "account_id",
                _ACCOUNT,
                _requestable_account,
                requestable_account_entitlements_pb2.RequestableAccountEntitlement,
            )
        },
    ),
    Rules(
        "RequestableResourceEntitlements",
        methods={
            "List": _lister(
                "resource_id",
                _RESOURCE,
                _requestable_resource,
                requestable_resource_entitlements_pb2.RequestableResourceEntitlement,
            )
        },
    ),
    Rules(
        "RequestableRoleEntitlements",
        methods={
            "List": _lister(
                "role_id",
                _ROLE,
                _requestable_role,
                requestable_role_entitlements_pb2.RequestableRoleEntitlement,
            )
        },
    ),
)
