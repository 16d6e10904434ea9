"""Who may reach what: role resources and account resources, kept as versioned rows.

A role reaches the resources its access rules match (``{"ids": [...]}``,
``{"type": "postgres"}``, ``{"tags": {"env": "dev"}}``, type and tags together
meaning both). An account reaches the resources of its grants, and of the roles
it holds directly (account attachments) or through its groups.

The rows are recomputed inside every write transaction that could change them and
stored like any entity, so snapshots and the ``*ResourcesHistory`` services answer
from real versions. Time-bounded grants are stored with their window and filtered
when read.
"""

from __future__ import annotations

import json
from typing import Any

from google.protobuf.message import Message

from aiosdm._generated.kinds import KINDS
from aiosdm._generated.v1 import account_resources_pb2, role_resources_pb2
from aiosdm.testing._fields import arm_name, body, timestamp_us, us_timestamp
from aiosdm.testing._store import Tx

__all__ = [
    "effective_at",
    "parse_access_rule",
    "parse_access_rules",
    "rule_matches",
    "update_derived",
]

_ROLE = KINDS["role"]
_RESOURCE = KINDS["resource"]
_ATTACHMENT = KINDS["account_attachment"]
_GRANT = KINDS["account_grant"]
_ACCOUNT = KINDS["account"]
_ACCOUNT_GROUP = KINDS["account_group"]
_GROUP_ROLE = KINDS["group_role"]
_ROLE_RESOURCE = KINDS["role_resource"]
_ACCOUNT_RESOURCE = KINDS["account_resource"]

_RULE_KEYS = frozenset({"ids", "type", "tags"})


def _check_rule(rule: Any, where: str) -> dict[str, Any]:
    if not isinstance(rule, dict):
        raise ValueError(f"{where} must be a JSON object")
    unknown = set(rule) - _RULE_KEYS
    if unknown:
        raise ValueError(f"{where} has unknown keys: {', '.join(sorted(unknown))}")
    if not rule:
        raise ValueError(f"{where} is empty: use ids, type or tags")
    ids = rule.get("ids", [])
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise ValueError(f"{where}: ids must be a list of resource ids")
    if "ids" in rule and len(rule) > 1:
        raise ValueError(f"{where}: ids cannot be combined with type or tags")
    if not isinstance(rule.get("type", ""), str):
        raise ValueError(f"{where}: type must be a string")
    tags = rule.get("tags", {})
    if not isinstance(tags, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in tags.items()
    ):
        raise ValueError(f"{where}: tags must map names to strings")
    return rule


#: Access rules are a list of flat objects; anything nested deeper is not a rule (and a
#: parser that recursed into 100,000 brackets would run out of stack).
_MAX_JSON_DEPTH = 16


def _check_depth(text: str, name: str) -> None:
    """Refuse JSON nested deeper than :data:`_MAX_JSON_DEPTH`, in one linear pass."""
    depth, in_string, escaped = 0, False, False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > _MAX_JSON_DEPTH:
                raise ValueError(f"{name} is nested more than {_MAX_JSON_DEPTH} levels deep")
        elif char in "]}":
            depth -= 1


def parse_access_rules(text: str) -> list[dict[str, Any]]:
    """The rules of ``Role.access_rules`` (JSON text; empty means none).

    Raises:
        ValueError: not a JSON list of rules, with a message saying what is wrong.
    """
    if not text.strip():
        return []
    _check_depth(text, "access_rules")
    try:
        rules = json.loads(text)
    except json.JSONDecodeError as err:
        raise ValueError(f"access_rules is not valid JSON: {err.msg}") from None
    if not isinstance(rules, list):
        raise ValueError("access_rules must be a JSON list of rules")
    return [_check_rule(rule, f"access rule {i}") for i, rule in enumerate(rules)]


def parse_access_rule(text: str) -> dict[str, Any]:
    """The single rule of ``AccountGrant.access_rule`` (empty means none)."""
    if not text.strip():
        return {}
    _check_depth(text, "access_rule")
    try:
        rule = json.loads(text)
    except json.JSONDecodeError as err:
        raise ValueError(f"access_rule is not valid JSON: {err.msg}") from None
    if rule == {}:
        return {}
    return _check_rule(rule, "access_rule")


def _normal_type(name: str) -> str:
    return name.lower().replace("_", "").replace("-", "")


def rule_matches(rule: dict[str, Any], resource: Message) -> bool:
    """Does one access rule reach ``resource`` (a ``Resource`` wrapper)?"""
    fields = body(resource)
    if "ids" in rule:
        return fields.id in rule["ids"]
    wanted_type = rule.get("type")
    if wanted_type:
        names = {_normal_type(arm_name(resource) or ""), _normal_type(fields.DESCRIPTOR.name)}
        if _normal_type(wanted_type) not in names:
            return False
    wanted_tags = rule.get("tags") or {}
    if wanted_tags:
        tags = {p.name: p.value for p in fields.tags.pairs}
        if any(tags.get(k) != v for k, v in wanted_tags.items()):
            return False
    return bool(wanted_type or wanted_tags)


def effective_at(row: Message, at_us: int) -> bool:
    """Is an account resource in force at ``at_us`` (its grant window, if any)?"""
    granted = timestamp_us(row.granted_at)  # type: ignore[attr-defined]
    expires = timestamp_us(row.expires_at)  # type: ignore[attr-defined]
    return granted <= at_us and (expires == 0 or at_us < expires)


def _rules_of(role: Message | None) -> list[dict[str, Any]]:
    if role is None:
        return []
    try:
        return parse_access_rules(role.access_rules)  # type: ignore[attr-defined]
    except ValueError:  # validated on write; stored garbage reaches nothing
        return []


def _set_role_pair(tx: Tx, role_id: str, resource_id: str, reaches: bool) -> bool:
    key = f"{role_id}|{resource_id}"
    present = tx.get(_ROLE_RESOURCE, key) is not None
    if reaches and not present:
        row = role_resources_pb2.RoleResource(role_id=role_id, resource_id=resource_id)
        us_timestamp(tx.now, row.granted_at)
        tx.put(_ROLE_RESOURCE, key, row)
        return True
    if present and not reaches:
        tx.delete(_ROLE_RESOURCE, key)
        return True
    return False


def _sync_role(tx: Tx, role_id: str) -> bool:
    rules = _rules_of(tx.get(_ROLE, role_id))
    wanted: set[str] = set()
    if rules and all("ids" in r for r in rules):
        for rule in rules:
            for rid in rule["ids"]:
                if tx.get(_RESOURCE, rid) is not None:
                    wanted.add(rid)
    elif rules:
        for resource in tx.iterate(_RESOURCE):
            if any(rule_matches(r, resource) for r in rules):
                wanted.add(body(resource).id)
    current = {r.resource_id for r in tx.referrers(_ROLE_RESOURCE, "role_id", role_id)}  # type: ignore[attr-defined]
    changed = False
    for rid in sorted(wanted ^ current):
        changed |= _set_role_pair(tx, role_id, rid, rid in wanted)
    return changed


def _holders(tx: Tx, role_id: str) -> set[str]:
    accounts = {a.account_id for a in tx.referrers(_ATTACHMENT, "role_id", role_id)}  # type: ignore[attr-defined]
    for group_role in tx.referrers(_GROUP_ROLE, "role_id", role_id):
        accounts |= _group_members(tx, group_role.group_id)  # type: ignore[attr-defined]
    return accounts


def _group_members(tx: Tx, group_id: str) -> set[str]:
    return {m.account_id for m in tx.referrers(_ACCOUNT_GROUP, "group_id", group_id)}  # type: ignore[attr-defined]


def _sync_account(tx: Tx, account_id: str) -> None:
    wanted: dict[str, account_resources_pb2.AccountResource] = {}
    if tx.get(_ACCOUNT, account_id) is not None:
        for grant in tx.referrers(_GRANT, "account_id", account_id):
            g: Any = grant
            row = account_resources_pb2.AccountResource(
                account_id=account_id, resource_id=g.resource_id, account_grant_id=g.id
            )
            start = timestamp_us(g.start_from)
            us_timestamp(start or tx.now, row.granted_at)
            if timestamp_us(g.valid_until):
                row.expires_at.CopyFrom(g.valid_until)
            wanted[f"{account_id}|{g.resource_id}|{g.id}"] = row
        roles = {a.role_id for a in tx.referrers(_ATTACHMENT, "account_id", account_id)}  # type: ignore[attr-defined]
        for membership in tx.referrers(_ACCOUNT_GROUP, "account_id", account_id):
            group_id = membership.group_id  # type: ignore[attr-defined]
            roles |= {gr.role_id for gr in tx.referrers(_GROUP_ROLE, "group_id", group_id)}  # type: ignore[attr-defined]
        for role_id in roles:
            for pair in tx.referrers(_ROLE_RESOURCE, "role_id", role_id):
                rid = pair.resource_id  # type: ignore[attr-defined]
                row = account_resources_pb2.AccountResource(
                    account_id=account_id, resource_id=rid, role_id=role_id
                )
                us_timestamp(tx.now, row.granted_at)
                wanted[f"{account_id}|{rid}|{role_id}"] = row
    current = set(tx.linked(_ACCOUNT_RESOURCE, "account_id", account_id))
    for key in sorted(set(wanted) - current):
        row = wanted[key]
        us_timestamp(tx.now, row.created_at)
        tx.put(_ACCOUNT_RESOURCE, key, row)
    for key in sorted(current - set(wanted)):
        tx.delete(_ACCOUNT_RESOURCE, key)


def update_derived(tx: Tx) -> None:
    """Bring role and account resources in line with the changes ``tx`` made."""
    roles: set[str] = set()
    resources: set[str] = set()
    accounts: set[str] = set()
    groups: set[str] = set()
    for change in list(tx.changes):
        entities: list[Any] = [e for e in (change.old, change.new) if e is not None]
        name = change.kind.name
        if name == "role":
            roles.add(change.id)
        elif name == "resource":
            resources.add(change.id)
        elif name in ("account_attachment", "account_grant", "account_group"):
            accounts.update(e.account_id for e in entities)
        elif name == "group_role":
            groups.update(e.group_id for e in entities)
        elif name == "account" and change.new is None:
            accounts.add(change.id)
    dirty_roles = {role_id for role_id in sorted(roles) if _sync_role(tx, role_id)}
    if resources:
        other_roles = [r for r in tx.iterate(_ROLE) if r.id not in roles]  # type: ignore[attr-defined]
        for rid in sorted(resources):
            resource = tx.get(_RESOURCE, rid)
            for role in other_roles:
                rules = _rules_of(role)
                reaches = resource is not None and any(rule_matches(r, resource) for r in rules)
                if _set_role_pair(tx, role.id, rid, reaches):  # type: ignore[attr-defined]
                    dirty_roles.add(role.id)  # type: ignore[attr-defined]
    for role_id in dirty_roles:
        accounts |= _holders(tx, role_id)
    for group_id in groups:
        accounts |= _group_members(tx, group_id)
    for account_id in sorted(accounts):
        _sync_account(tx, account_id)
