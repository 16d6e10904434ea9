"""Access requests: an account asks a workflow for time-bound access to one resource.

Users file requests outside the API (the web UI, the ``sdm`` CLI), so the local control
plane takes them through its test API (``LocalServer.file_access_request`` and friends,
and the ``aiosdm access-request`` command); the API only lists the requests, their
versions and their events. This module holds what the server does, as far as the
messages tell:

Filing
    The account, the workflow and the resource exist, and the account is not suspended.
    The workflow is enabled and can decide: it grants automatically (``auto_grant``, or
    an approval flow in ``automatic`` mode) or names someone who can approve. Its
    ``access_rules`` match the resource. When roles are linked to it (WorkflowRoles),
    the requester holds one of them, directly or through a group; a workflow without
    linked roles takes requests from anyone. The duration is positive; it equals
    ``access_request_fixed_duration`` when that is set (and may then be left out), is at
    most ``access_request_max_duration`` when that is set, and is required otherwise.
    A reason is required when the workflow says so (``requires_reason``).

Deciding
    Without an approval flow, any WorkflowApprover (an account, or any holder of a role)
    decides alone. With one, its steps are passed in order: the ApprovalWorkflow's own
    ``approval_workflow_steps``, or else its ApprovalWorkflowSteps (by ``step_order``)
    with their ApprovalWorkflowApprovers. A step passes with one approval (quantifier
    ``any``, the default) or once every approver entry has approved (``all``); an entry
    names an account, a role or a group (any member), or the requester's manager
    (``manager-of-requester``) or that manager's manager. ``skip_after`` is not modelled.
    The requester cannot decide its own request but may cancel it while it is pending.
    The last approval creates an AccountGrant (its ``access_request_id`` set) starting at
    ``start_from`` or now, whichever is later, for the requested duration; an overlapping
    grant refuses the approval (ALREADY_EXISTS) and the request stays pending.

Records
    Statuses are ``pending``, ``approved``, ``denied`` and ``canceled``; each change of
    status writes a new AccessRequest version (AccessRequestsHistory). Each action writes
    an AccessRequestEvent (AccessRequestEventsHistory) whose ``metadata`` is a JSON
    object: ``requested``, ``approved`` (one per approval, with its step), ``granted``,
    ``denied``, ``canceled``. The activity of each write uses the service's verbs. When
    the grant's window closes the request stays ``approved`` and AccountResources stops
    listing the access. The deprecated ``duration`` field holds whole minutes.

Workflows also get their own checks here: ``access_rules`` must parse like a role's, and
a fixed duration excludes a maximum one.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import grpc
from google.protobuf.duration_pb2 import Duration
from google.protobuf.message import Message

from aiosdm._convert import require_aware
from aiosdm._generated.kinds import KINDS
from aiosdm._generated.services import SERVICES
from aiosdm._generated.v1 import access_requests_pb2, account_grants_pb2
from aiosdm.constants import ActivityVerb, ApproverReference
from aiosdm.testing._auth import ApiKey
from aiosdm.testing._derived import parse_access_rules, rule_matches
from aiosdm.testing._engine import Env, Rules, ServerCall, create_in, update_in
from aiosdm.testing._errors import ServiceError, bad_request, not_found
from aiosdm.testing._fields import arm_name, body, timestamp_us, us_timestamp
from aiosdm.testing._kinds import describe
from aiosdm.testing._store import Actor, Tx

__all__ = [
    "APPROVE",
    "APPROVED",
    "CANCEL",
    "CANCELED",
    "DENIED",
    "DENY",
    "PENDING",
    "RULES",
    "decide_request",
    "file_request",
    "request_message",
]

PENDING, APPROVED, DENIED, CANCELED = "pending", "approved", "denied", "canceled"
#: What an account can do to a pending request (``decide_request``'s ``action``).
APPROVE, DENY, CANCEL = "approve", "deny", "cancel"

_ACCOUNT = KINDS["account"]
_RESOURCE = KINDS["resource"]
_WORKFLOW = KINDS["workflow"]
_WORKFLOW_ROLE = KINDS["workflow_role"]
_WORKFLOW_APPROVER = KINDS["workflow_approver"]
_FLOW = KINDS["approval_workflow"]
_FLOW_STEP = KINDS["approval_workflow_step"]
_FLOW_APPROVER = KINDS["approval_workflow_approver"]
_REQUEST = KINDS["access_request"]
_EVENT = KINDS["access_request_event"]
_GRANT = KINDS["account_grant"]
_ATTACHMENT = KINDS["account_attachment"]
_ACCOUNT_GROUP = KINDS["account_group"]
_GROUP_ROLE = KINDS["group_role"]

_EVENT_PREFIX = "are-"
_EVENT_CHUNK = 20  # a request has a handful of events; the scan stops at the next one's


def _permission_denied(message: str) -> ServiceError:
    return ServiceError(grpc.StatusCode.PERMISSION_DENIED, message)


def _duration_us(value: Duration) -> int:
    return int(value.seconds) * 1_000_000 + int(value.nanos) // 1000


def _shown(us: int) -> str:
    """A duration for messages: ``4h``, ``90m``, ``45s``."""
    seconds = us // 1_000_000
    for unit, size in (("h", 3600), ("m", 60)):
        if seconds and seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{us / 1e6:g}s"


# -- who is who ------------------------------------------------------------------------


def _account(tx: Tx, account_id: str, what: str = "account") -> Message:
    if not account_id:
        raise bad_request(f"{what} is required")
    account = tx.get(_ACCOUNT, account_id)
    if account is None:
        raise not_found(_ACCOUNT.noun, account_id)
    fields = body(account)
    if fields.suspendedRO if arm_name(account) == "user" else fields.suspended:
        raise bad_request(f"account {account_id} is suspended")
    return account


def _actor(account: Message) -> Actor:
    """The activity's actor: the account that acted (not the key that asked us to)."""
    fields = body(account)
    return Actor(
        account_id=fields.id,
        email=getattr(fields, "email", ""),
        first_name=getattr(fields, "first_name", "") or getattr(fields, "name", ""),
        last_name=getattr(fields, "last_name", ""),
    )


@dataclass(frozen=True)
class _Member:
    """The roles and groups an account holds, directly or through its groups."""

    roles: frozenset[str]
    groups: frozenset[str]

    @classmethod
    def of(cls, tx: Tx, account_id: str) -> _Member:
        groups = {m.group_id for m in tx.referrers(_ACCOUNT_GROUP, "account_id", account_id)}  # type: ignore[attr-defined]
        roles = {a.role_id for a in tx.referrers(_ATTACHMENT, "account_id", account_id)}  # type: ignore[attr-defined]
        for group_id in groups:
            roles |= {g.role_id for g in tx.referrers(_GROUP_ROLE, "group_id", group_id)}  # type: ignore[attr-defined]
        return cls(frozenset(roles), frozenset(groups))


def _manager_of(tx: Tx, account_id: str) -> str:
    account = tx.get(_ACCOUNT, account_id) if account_id else None
    if account is None or arm_name(account) != "user":
        return ""
    fields = body(account)
    return str(fields.manager_id or fields.resolved_manager_id)


# -- who decides -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    """One approver entry: an account, a role, a group, or a relation to the requester."""

    account_id: str = ""
    role_id: str = ""
    group_id: str = ""
    reference: str = ""

    def met_by(self, tx: Tx, approver_id: str, member: _Member, requester_id: str) -> bool:
        if self.account_id:
            return self.account_id == approver_id
        if self.role_id:
            return self.role_id in member.roles
        if self.group_id:
            return self.group_id in member.groups
        if self.reference == ApproverReference.MANAGER_OF_REQUESTER:
            return _manager_of(tx, requester_id) == approver_id
        if self.reference == ApproverReference.MANAGER_OF_MANAGER_OF_REQUESTER:
            return _manager_of(tx, _manager_of(tx, requester_id)) == approver_id
        return False


@dataclass(frozen=True)
class _Step:
    entries: tuple[_Entry, ...]
    everyone: bool  # quantifier "all": every entry must approve, not just one


def _entry(approver: Any) -> _Entry:
    return _Entry(approver.account_id, approver.role_id, approver.group_id, approver.reference)


def _steps(tx: Tx, workflow: Any) -> list[_Step] | None:
    """The approval steps of a workflow, in order; None when it decides automatically."""
    if workflow.auto_grant:
        return None
    if not workflow.approval_flow_id:
        approvers = tx.referrers(_WORKFLOW_APPROVER, "workflow_id", workflow.id)
        entries = tuple(_Entry(a.account_id, a.role_id) for a in approvers)  # type: ignore[attr-defined]
        return [_Step(entries, everyone=False)] if entries else []
    flow: Any = tx.get(_FLOW, workflow.approval_flow_id)
    if flow is None:
        raise not_found(_FLOW.noun, workflow.approval_flow_id)
    if flow.approval_mode.lower() == "automatic":
        return None
    found: list[_Step] = []
    if flow.approval_workflow_steps:
        for step in flow.approval_workflow_steps:
            entries = tuple(_entry(a) for a in step.approvers)
            found.append(_Step(entries, step.quantifier.lower() == "all"))
    else:
        stored: list[Any] = tx.referrers(_FLOW_STEP, "approval_flow_id", flow.id)
        for step in sorted(stored, key=lambda s: (s.step_order, s.id)):
            approvers = tx.referrers(_FLOW_APPROVER, "approval_step_id", step.id)
            found.append(_Step(tuple(map(_entry, approvers)), step.quantifier.lower() == "all"))
    # A step nobody can approve would hold every request forever: it does not count.
    return [step for step in found if step.entries]


def _events(tx: Tx, request_id: str) -> list[Any]:
    """The events of a request, oldest first: their ids extend the request's, so they
    sort together and one range scan finds them."""
    base = after = _event_base(request_id)
    found: list[Any] = []
    while True:
        chunk = tx.scan(_EVENT, after=after, limit=_EVENT_CHUNK)
        for ident, event in chunk:
            if not ident.startswith(base):
                return found
            found.append(event)
        if len(chunk) < _EVENT_CHUNK:
            return found
        after = chunk[-1][0]


def _event_base(request_id: str) -> str:
    return f"{_EVENT_PREFIX}{request_id.removeprefix(_REQUEST.prefix)}-"


def _approvals(events: list[Any]) -> dict[int, set[str]]:
    """Who approved each step (1-based) so far."""
    out: dict[int, set[str]] = {}
    for event in events:
        if event.type == "approved":
            step = int(json.loads(event.metadata or "{}").get("step", 1))
            out.setdefault(step, set()).add(event.actor_id)
    return out


def _passed(tx: Tx, step: _Step, approvers: set[str], requester_id: str) -> bool:
    members = {a: _Member.of(tx, a) for a in approvers}
    met = [any(e.met_by(tx, a, m, requester_id) for a, m in members.items()) for e in step.entries]
    return all(met) if step.everyone else any(met)


# -- writing ---------------------------------------------------------------------------


def _calls(key: ApiKey, actor: Actor) -> tuple[ServerCall, ServerCall]:
    """The calls our writes stand for: the request as the service records it, the grant
    as AccountGrants.Create makes it (write hooks see these)."""
    return (
        ServerCall(SERVICES["AccessRequests"]["List"], key, actor),
        ServerCall(SERVICES["AccountGrants"]["Create"], key, actor),
    )


def _add_event(
    tx: Tx, request_id: str, actor_id: str, kind: str, **metadata: Any
) -> access_requests_pb2.AccessRequestEvent:
    base = _event_base(request_id)
    event = access_requests_pb2.AccessRequestEvent(
        id=f"{base}{len(_events(tx, request_id)) + 1:03d}",
        request_id=request_id,
        actor_id=actor_id,
        type=kind,
        metadata=json.dumps(metadata, sort_keys=True),
    )
    us_timestamp(tx.now, event.time)
    tx.put(_EVENT, event.id, event)
    return event


def _set_status(env: Env, tx: Tx, call: ServerCall, request: Any, status: str) -> Any:
    request.status = status
    us_timestamp(tx.now, request.status_at)
    return update_in(env, tx, _REQUEST, request.id, request, call)


def _grant(env: Env, tx: Tx, key: ApiKey, request: Any, approver_id: str) -> Any:
    """Turn an approved request into its AccountGrant; returns the request's new version."""
    request_call, grant_call = _calls(key, tx.actor or Actor())
    length = _duration_us(request.requestedDuration)
    start = max(timestamp_us(request.start_from), tx.now)
    grant = account_grants_pb2.AccountGrant(
        account_id=request.account_id, resource_id=request.resource_id
    )
    us_timestamp(start, grant.start_from)
    us_timestamp(start + length, grant.valid_until)

    def link(tx: Tx, entity: Any, old: Any) -> None:
        entity.access_request_id = request.id  # read-only: set after the generic checks

    stored: Any = create_in(env, tx, _GRANT, grant, grant_call, extra=link)
    request.grant_id = stored.id
    request.valid_until.CopyFrom(stored.valid_until)
    request.resultDuration.CopyFrom(request.requestedDuration)
    _add_event(tx, request.id, approver_id, "granted", grant_id=stored.id)
    return _set_status(env, tx, request_call, request, APPROVED)


# -- filing ----------------------------------------------------------------------------


def request_message(
    *,
    account_id: str,
    workflow_id: str,
    resource_id: str,
    reason: str = "",
    duration: timedelta | None = None,
    start_from: datetime | None = None,
) -> access_requests_pb2.AccessRequest:
    """The ``AccessRequest`` a user would file (a naive ``start_from`` is a ValueError)."""
    wanted = access_requests_pb2.AccessRequest(
        account_id=account_id, workflow_id=workflow_id, resource_id=resource_id, reason=reason
    )
    if duration is not None:
        wanted.requestedDuration.FromTimedelta(duration)
    if start_from is not None:
        require_aware(start_from, "start_from")
        wanted.start_from.FromDatetime(start_from)
    return wanted


def _check_duration(workflow: Any, wanted: Any) -> int:
    """The request's length in microseconds, under the workflow's limits."""
    fixed = _duration_us(workflow.access_request_fixed_duration)
    longest = _duration_us(workflow.access_request_max_duration)
    given = wanted.HasField("requestedDuration")
    length = _duration_us(wanted.requestedDuration)
    name = workflow.name
    if not given:
        if fixed:
            return fixed
        limit = f" (workflow {name!r} allows up to {_shown(longest)})" if longest else ""
        raise bad_request(f"duration is required{limit}")
    if length <= 0:
        raise bad_request("duration must be positive")
    if fixed and length != fixed:
        raise bad_request(f"workflow {name!r} grants exactly {_shown(fixed)}, not {_shown(length)}")
    if longest and length > longest:
        raise bad_request(
            f"workflow {name!r} grants at most {_shown(longest)}, not {_shown(length)}"
        )
    return length


def _requestable(tx: Tx, workflow: Any, resource: Message) -> None:
    try:
        rules = parse_access_rules(workflow.access_rules)
    except ValueError:  # checked on write; a stored bad value reaches nothing
        rules = []
    if not any(rule_matches(rule, resource) for rule in rules):
        raise bad_request(
            f"resource {describe(resource)!r} cannot be requested through workflow "
            f"{workflow.name!r}: its access rules do not match it"
        )


def _may_request(tx: Tx, workflow: Any, account_id: str) -> None:
    linked = {r.role_id for r in tx.referrers(_WORKFLOW_ROLE, "workflow_id", workflow.id)}  # type: ignore[attr-defined]
    if linked and not linked & _Member.of(tx, account_id).roles:
        raise _permission_denied(
            f"account {account_id} holds none of the roles that may request through "
            f"workflow {workflow.name!r}"
        )


def file_request(env: Env, key: ApiKey, wanted: Any) -> Callable[[Tx], Any]:
    """A store job filing ``wanted`` (an ``AccessRequest`` naming the account, workflow
    and resource, with a reason, ``requestedDuration`` and ``start_from`` as given);
    returns the stored request, already approved when the workflow grants at once.

    Raises (from the job):
        ServiceError: NOT_FOUND for a missing account, workflow or resource;
            INVALID_ARGUMENT for what the workflow does not allow; PERMISSION_DENIED
            when the account holds none of the workflow's roles.
    """

    def job(tx: Tx) -> Any:
        account = _account(tx, wanted.account_id, "account_id")
        tx.actor = _actor(account)  # the requester files it, whoever holds the key
        if not wanted.workflow_id:
            raise bad_request("workflow_id is required")
        workflow: Any = tx.get(_WORKFLOW, wanted.workflow_id)
        if workflow is None:
            raise not_found(_WORKFLOW.noun, wanted.workflow_id)
        if not wanted.resource_id:
            raise bad_request("resource_id is required")
        resource = tx.get(_RESOURCE, wanted.resource_id)
        if resource is None:
            raise not_found(_RESOURCE.noun, wanted.resource_id)
        if not workflow.enabled:
            raise bad_request(f"workflow {workflow.name!r} is not enabled")
        steps = _steps(tx, workflow)
        if steps == []:
            raise bad_request(
                f"workflow {workflow.name!r} neither grants automatically nor has approvers"
            )
        _requestable(tx, workflow, resource)
        _may_request(tx, workflow, wanted.account_id)
        length = _check_duration(workflow, wanted)
        if workflow.requires_reason and not wanted.reason.strip():
            raise bad_request(f"workflow {workflow.name!r} requires a reason")

        request_call, _ = _calls(key, tx.actor)
        start = timestamp_us(wanted.start_from) or tx.now
        request = access_requests_pb2.AccessRequest(
            account_id=wanted.account_id,
            workflow_id=workflow.id,
            resource_id=wanted.resource_id,
            reason=wanted.reason,
            status=PENDING,
            duration=length // 60_000_000,
            requester_name=describe(account),
        )
        us_timestamp(start, request.start_from)
        us_timestamp(start + length, request.valid_until)
        us_timestamp(tx.now, request.status_at)
        request.requestedDuration.FromMicroseconds(length)
        stored: Any = create_in(env, tx, _REQUEST, request, request_call)
        _add_event(tx, stored.id, wanted.account_id, "requested", reason=wanted.reason)
        label = f"{describe(account)} requested {describe(resource)} through {workflow.name!r}"
        if steps is None:
            tx.describe(ActivityVerb.ACCESS_REQUEST_TO_RESOURCE_GRANTED_AUTOMATICALLY, label)
            return _grant(env, tx, key, stored, "")
        tx.describe(ActivityVerb.ACCESS_REQUESTED_TO_RESOURCE, label)
        return stored

    return job


# -- deciding --------------------------------------------------------------------------


def decide_request(
    env: Env, key: ApiKey, request_id: str, account_id: str, action: str, comment: str = ""
) -> Callable[[Tx], Any]:
    """A store job in which ``account_id`` approves, denies or cancels (``action``) a
    pending request (a cancel with no account is the requester's); returns the request
    as it now stands.

    Raises (from the job):
        ServiceError: NOT_FOUND for a missing request or account; INVALID_ARGUMENT for
            a request no longer pending or an unknown action; PERMISSION_DENIED for an
            account that may not take this decision; ALREADY_EXISTS when the grant
            would overlap one the account has.
    """
    if action not in (APPROVE, DENY, CANCEL):
        raise bad_request(f"unknown decision {action!r}: use approve, deny or cancel")

    def job(tx: Tx) -> Any:
        if not request_id:
            raise bad_request("request id is required")
        request: Any = tx.get(_REQUEST, request_id)
        if request is None:
            raise not_found(_REQUEST.noun, request_id)
        # A cancel names nobody by default: it is the requester's to make.
        acting = account_id or (request.account_id if action == CANCEL else "")
        account = _account(tx, acting, "approver_id")
        tx.actor = _actor(account)
        request_call, _ = _calls(key, tx.actor)
        if request.status != PENDING:
            raise bad_request(f"access request {request_id} is {request.status}, not pending")
        resource = tx.get(_RESOURCE, request.resource_id)
        target = describe(resource) if resource is not None else request.resource_id
        who, what = describe(account), f"{request_id} for {target}"
        if action == CANCEL:
            if acting != request.account_id:
                raise _permission_denied(f"only the requester may cancel access request {what}")
            _add_event(tx, request_id, acting, "canceled", comment=comment)
            tx.describe(ActivityVerb.ACCESS_REQUEST_TO_RESOURCE_CANCELED, f"{who} canceled {what}")
            return _set_status(env, tx, request_call, request, CANCELED)
        if account_id == request.account_id:
            raise _permission_denied(f"account {account_id} cannot decide its own request")
        workflow: Any = tx.get(_WORKFLOW, request.workflow_id)
        if workflow is None:
            raise not_found(_WORKFLOW.noun, request.workflow_id)
        steps = _steps(tx, workflow) or []
        approvals = _approvals(_events(tx, request_id))
        number = 1  # the first step not yet passed is the one being decided
        while number <= len(steps) and _passed(
            tx, steps[number - 1], approvals.get(number, set()), request.account_id
        ):
            number += 1
        member = _Member.of(tx, account_id)
        step = steps[number - 1] if number <= len(steps) else None
        if step is None or not any(
            e.met_by(tx, account_id, member, request.account_id) for e in step.entries
        ):
            where = f"step {number} of " if len(steps) > 1 else ""
            raise _permission_denied(
                f"account {account_id} is not an approver of {where}workflow {workflow.name!r}"
            )
        if action == DENY:
            _add_event(tx, request_id, account_id, "denied", step=number, comment=comment)
            tx.describe(ActivityVerb.ACCESS_REQUEST_TO_RESOURCE_DENIED, f"{who} denied {what}")
            return _set_status(env, tx, request_call, request, DENIED)
        if account_id in approvals.get(number, set()):
            raise bad_request(f"account {account_id} already approved step {number} of {what}")
        _add_event(tx, request_id, account_id, "approved", step=number, comment=comment)
        approvals.setdefault(number, set()).add(account_id)
        if number < len(steps) or not _passed(tx, step, approvals[number], request.account_id):
            tx.describe(
                ActivityVerb.ACCESS_REQUEST_TO_RESOURCE_APPROVAL_ADDED, f"{who} approved {what}"
            )
            return request  # more approvals to come: the request itself is unchanged
        tx.describe(ActivityVerb.ACCESS_REQUEST_TO_RESOURCE_GRANTED, f"{who} approved {what}")
        return _grant(env, tx, key, request, account_id)

    return job


# -- workflows -------------------------------------------------------------------------


def _check_workflow(env: Env, tx: Tx, entity: Any, old: Any, call: ServerCall) -> None:
    try:
        parse_access_rules(entity.access_rules)
    except ValueError as err:
        raise bad_request(str(err)) from None
    fixed = _duration_us(entity.access_request_fixed_duration)
    longest = _duration_us(entity.access_request_max_duration)
    if fixed < 0 or longest < 0:
        raise bad_request("access request durations must not be negative")
    if fixed and longest:
        raise bad_request(
            "access_request_fixed_duration and access_request_max_duration exclude each other"
        )


RULES = (Rules("Workflows", on_write=_check_workflow),)
