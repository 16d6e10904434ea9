"""Every method of every service: the generic shapes plus what is special per kind."""

from __future__ import annotations

import asyncio
import bisect
import secrets
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from google.protobuf.message import Message

from aiosdm._generated.kinds import KINDS
from aiosdm._generated.services import SERVICES
from aiosdm._generated.v1 import (
    account_permissions_pb2,
    accounts_groups_pb2,
    activities_pb2,
    groups_pb2,
    groups_roles_pb2,
    tags_pb2,
)
from aiosdm.testing._derived import effective_at, parse_access_rule, parse_access_rules
from aiosdm.testing._engine import (
    Env,
    Hook,
    Page,
    ServerCall,
    ServerHandler,
    compile_for,
    create_handler,
    create_in,
    delete_handler,
    entity_of,
    get_handler,
    history_handler,
    list_handler,
    list_page,
    page_of,
    respond,
    snapshot_of,
    update_handler,
)
from aiosdm.testing._errors import already_exists, bad_request, not_found
from aiosdm.testing._fields import (
    FieldValue,
    arm_name,
    body,
    field_names,
    flatten,
    timestamp_us,
    us_timestamp,
)
from aiosdm.testing._filters import Predicate
from aiosdm.testing._secrets import secret_handlers
from aiosdm.testing._store import Tx

__all__ = ["build_handlers"]

_ACCOUNT = KINDS["account"]
_RESOURCE = KINDS["resource"]
_ROLE = KINDS["role"]
_GROUP = KINDS["group"]
_ATTACHMENT = KINDS["account_attachment"]
_GRANT = KINDS["account_grant"]
_ACCOUNT_GROUP = KINDS["account_group"]
_GROUP_ROLE = KINDS["group_role"]
_NODE = KINDS["node"]
_SECRET_STORE = KINDS["secret_store"]

_HISTORY = {
    "AccountAttachmentsHistory": "account_attachment",
    "AccountGrantsHistory": "account_grant",
    "AccountResourcesHistory": "account_resource",
    "AccountsGroupsHistory": "account_group",
    "AccountsHistory": "account",
    "GroupsHistory": "group",
    "GroupsRolesHistory": "group_role",
    "NodesHistory": "node",
    "ResourcesHistory": "resource",
    "RoleResourcesHistory": "role_resource",
    "RolesHistory": "role",
    "SecretStoresHistory": "secret_store",
}

_PROBE_TIMEOUT = 5.0


def _standard(env: Env, kind_name: str, hook: Any = None) -> dict[str, ServerHandler]:
    kind = KINDS[kind_name]
    return {
        "Create": create_handler(env, kind, hook),
        "Get": get_handler(env, kind),
        "Update": update_handler(env, kind, hook),
        "Delete": delete_handler(env, kind),
        "List": list_handler(env, kind),
    }


# -- kind rules ------------------------------------------------------------------------


def _account_rules(env: Env) -> Any:
    def hook(tx: Tx, entity: Any, old: Any, call: ServerCall) -> None:
        kind, fields = arm_name(entity), body(entity)
        if old is None:
            us_timestamp(tx.now, fields.created_at)
        if kind == "user":
            fields.permission_levelRW = fields.permission_levelRW or "user"
            fields.permission_level = fields.permission_levelRW
            fields.suspendedRO = fields.permission_levelRW == "suspended"
            fields.password = ""  # write-only: never kept, never returned
            suspended = fields.suspendedRO
        else:
            suspended = fields.suspended
            if kind == "token" and old is None:
                us_timestamp(tx.now, fields.rekeyed)
                lifetime = fields.duration.ToTimedelta()
                if lifetime and not timestamp_us(fields.deadline):
                    us_timestamp(tx.now + int(lifetime.total_seconds() * 1e6), fields.deadline)
        if old is not None:
            env.keyring.set_suspended(tx, fields.id, suspended)

    return hook


def _role_rules(tx: Tx, entity: Any, old: Any, call: ServerCall) -> None:
    try:
        parse_access_rules(entity.access_rules)
    except ValueError as err:
        raise bad_request(str(err)) from None


def _grant_rules(tx: Tx, entity: Any, old: Any, call: ServerCall) -> None:
    try:
        parse_access_rule(entity.access_rule)
    except ValueError as err:
        raise bad_request(str(err)) from None
    start = timestamp_us(entity.start_from)
    end = timestamp_us(entity.valid_until) or None
    if end is not None and end <= start:
        raise bad_request("valid_until must be later than start_from")
    for other in tx.referrers(_GRANT, "account_id", entity.account_id):
        o: Any = other
        if o.resource_id != entity.resource_id:
            continue
        o_start, o_end = timestamp_us(o.start_from), timestamp_us(o.valid_until) or None
        if (o_end is None or start < o_end) and (end is None or o_start < end):
            raise already_exists(
                f"account {entity.account_id} already has grant {o.id} to resource "
                f"{entity.resource_id} for an overlapping time"
            )


def _resource_rules(tx: Tx, entity: Any, old: Any, call: ServerCall) -> None:
    if old is None:
        body(entity).healthy = True


def _node_rules(tx: Tx, entity: Any, old: Any, call: ServerCall) -> None:
    fields = body(entity)
    if not fields.name:
        fields.name = f"{arm_name(entity)}-{secrets.token_hex(4)}"
    if "state" in fields.DESCRIPTOR.fields_by_name and old is None:
        fields.state = "new"


def _group_role_rules(tx: Tx, entity: Any, old: Any, call: ServerCall) -> None:
    group: Any = tx.get(_GROUP, entity.group_id)
    role: Any = tx.get(_ROLE, entity.role_id)
    entity.group_name = group.name if group is not None else ""
    entity.role_name = role.name if role is not None else ""


def create_hooks(env: Env) -> dict[str, Hook]:
    """The rules each kind applies on Create and Update, by kind name."""
    return {
        "account": _account_rules(env),
        "resource": _resource_rules,
        "role": _role_rules,
        "account_grant": _grant_rules,
        "node": _node_rules,
        "group_role": _group_role_rules,
    }


# -- special methods -------------------------------------------------------------------


def _accounts(env: Env) -> dict[str, ServerHandler]:
    hook = _account_rules(env)
    handlers = _standard(env, "account", hook)

    async def create(call: ServerCall, request: Any) -> Message:
        account = entity_of(call.spec, request, _ACCOUNT)

        def job(tx: Tx) -> tuple[Any, Any, str]:
            stored = create_in(tx, _ACCOUNT, account, call, hook)
            kind, fields = arm_name(stored), body(stored)
            key, token = None, ""
            if kind in ("token", "service"):
                key = env.keyring.issue(tx, account_id=fields.id, name=fields.name)
            if kind == "service":
                token = secrets.token_urlsafe(32)
            return stored, key, token

        stored, key, token = await env.store.write(job, call.actor)
        response: Any = respond(call, account=stored)
        if key is not None:
            response.access_key = key.access_key
            response.secret_key = key.secret_key
        response.token = token
        return response  # type: ignore[no-any-return]

    handlers["Create"] = create
    return handlers


def _nodes(env: Env) -> dict[str, ServerHandler]:
    handlers = _standard(env, "node", _node_rules)

    async def create(call: ServerCall, request: Any) -> Message:
        node = entity_of(call.spec, request, _NODE)
        stored = await env.store.write(
            lambda tx: create_in(tx, _NODE, node, call, _node_rules), call.actor
        )
        return respond(call, node=stored, token=secrets.token_urlsafe(32))

    async def tcp_probe(call: ServerCall, request: Any) -> Message:
        node_id = request.node_id
        if not node_id:
            raise bad_request("node_id is required")
        if not request.host or not 0 < request.port < 65536:
            raise bad_request("host and a port in 1..65535 are required")
        if await env.store.read(lambda tx: tx.get(_NODE, node_id)) is None:
            raise not_found(_NODE.noun, node_id)
        try:
            _, writer = await asyncio.wait_for(
                asyncio.open_connection(request.host, request.port), _PROBE_TIMEOUT
            )
        except (OSError, TimeoutError) as err:
            return respond(call, succeeded=False, error=str(err) or type(err).__name__)
        writer.close()
        await writer.wait_closed()
        return respond(call, succeeded=True)

    handlers["Create"] = create
    handlers["TCPProbe"] = tcp_probe
    return handlers


def _resources(env: Env) -> dict[str, ServerHandler]:
    handlers = _standard(env, "resource", _resource_rules)
    tag_fields = field_names(tags_pb2.Tag.DESCRIPTOR)

    async def enumerate_tags(call: ServerCall, request: Any) -> Message:
        predicate = compile_for(request.filter, tag_fields)
        page = page_of(env, call, request, request.filter)
        at = snapshot_of(request)

        def job(tx: Tx) -> tuple[list[Any], str]:
            pairs: set[tuple[str, str]] = set()
            for resource in tx.iterate(_RESOURCE, at=at):
                pairs.update((p.name, p.value) for p in body(resource).tags.pairs)
            keyed = sorted((f"{n}\x00{v}", tags_pb2.Tag(name=n, value=v)) for n, v in pairs)
            keys = [k for k, _ in keyed]
            return list_page(
                lambda after, size: (
                    keyed[bisect.bisect_right(keys, after) :][:size] if after else keyed[:size]
                ),
                lambda tag: predicate(flatten(tag)),
                page,
            )

        tags, next_cursor = await env.store.read(job)
        response: Any = respond(call)
        response.meta.next_cursor = next_cursor
        response.matches.extend(tags)
        return response  # type: ignore[no-any-return]

    async def healthcheck(call: ServerCall, request: Any) -> Message:
        ident = request.id
        if await env.store.read(lambda tx: tx.get(_RESOURCE, ident)) is None:
            raise not_found(_RESOURCE.noun, ident)
        return respond(call)

    handlers["EnumerateTags"] = enumerate_tags
    handlers["Healthcheck"] = healthcheck
    return handlers


def _groups(env: Env) -> dict[str, ServerHandler]:
    handlers = _standard(env, "group")

    async def create_from_roles(call: ServerCall, request: Any) -> Message:
        role_ids, commit = list(request.role_ids), request.commit
        if not role_ids:
            raise bad_request("role_ids is required")

        def job(tx: Tx) -> list[Any]:
            out = []
            for role_id in role_ids:
                role: Any = tx.get(_ROLE, role_id)
                if role is None:
                    raise not_found(_ROLE.noun, role_id)
                members = [a.account_id for a in tx.referrers(_ATTACHMENT, "role_id", role_id)]  # type: ignore[attr-defined]
                result = groups_pb2.GroupFromRole(role=role)
                result.group.name = role.name
                result.group.description = f"created from role {role.name}"
                for account_id in members:
                    account = tx.get(_ACCOUNT, account_id)
                    if account is not None and arm_name(account) == "user":
                        result.accounts.append(body(account))
                if commit:
                    create_in(tx, _GROUP, result.group, call, None)
                    link = groups_roles_pb2.GroupRole(group_id=result.group.id, role_id=role_id)
                    create_in(tx, _GROUP_ROLE, link, call, _group_role_rules)
                    for account_id in members:
                        member = accounts_groups_pb2.AccountGroup(
                            account_id=account_id, group_id=result.group.id
                        )
                        create_in(tx, _ACCOUNT_GROUP, member, call, None)
                out.append(result)
            return out

        if commit:
            results = await env.store.write(job, call.actor)
        else:
            results = await env.store.read(job)
        response: Any = respond(call)
        response.group_from_role.extend(results)
        return response  # type: ignore[no-any-return]

    handlers["CreateFromRoles"] = create_from_roles
    return handlers


def _account_permissions(env: Env) -> ServerHandler:
    known = field_names(account_permissions_pb2.AccountPermission.DESCRIPTOR)

    def permissions_of(account: Any) -> list[str]:
        kind, fields = arm_name(account), body(account)
        if kind == "user":
            return [fields.permission_levelRW] if fields.permission_levelRW else []
        if kind == "token":
            return sorted(fields.permissions)
        return []

    async def handle(call: ServerCall, request: Any) -> Message:
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
                        for i, permission in enumerate(permissions_of(account)):
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
        response.permissions.extend(items)
        return response  # type: ignore[no-any-return]

    return handle


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


def _time_term(field: str, before: bool) -> Any:
    def build(value: str) -> Predicate:
        try:
            bound = datetime.fromisoformat(value.strip())
        except ValueError:
            raise bad_request(f"invalid filter: {value!r} is not an RFC 3339 time") from None
        if bound.tzinfo is None:
            bound = bound.replace(tzinfo=UTC)

        def check(record: Mapping[str, FieldValue]) -> bool:
            text = record.get(field)
            if not isinstance(text, str) or not text:
                return False
            when = datetime.fromisoformat(text)
            return when < bound if before else when >= bound

        return check

    return build


def _activities(env: Env) -> dict[str, ServerHandler]:
    known = field_names(activities_pb2.Activity.DESCRIPTOR)
    special = {
        "before": _time_term("completed_at", before=True),
        "after": _time_term("completed_at", before=False),
    }

    async def get(call: ServerCall, request: Any) -> Message:
        ident = request.id
        row = await env.store.read(
            lambda tx: tx.sql("SELECT data FROM activities WHERE id=?", (ident,)).fetchone()
        )
        if row is None:
            raise not_found("activity", ident)
        return respond(call, activity=activities_pb2.Activity.FromString(row[0]))

    async def list_(call: ServerCall, request: Any) -> Message:
        predicate = compile_for(request.filter, known, special)
        page = page_of(env, call, request, request.filter)
        if page.after and not page.after.isdigit():
            raise bad_request("invalid cursor")

        def job(tx: Tx) -> tuple[list[Any], str]:
            def fetch(after: str, size: int) -> list[tuple[str, Any]]:
                rows = tx.sql(
                    "SELECT seq, data FROM activities WHERE seq>? ORDER BY seq LIMIT ?",
                    (int(after or 0), size),
                ).fetchall()
                return [(str(s), activities_pb2.Activity.FromString(d)) for s, d in rows]

            return list_page(fetch, lambda a: predicate(flatten(a)), page)

        items, next_cursor = await env.store.read(job)
        response: Any = respond(call)
        response.meta.next_cursor = next_cursor
        response.activities.extend(items)
        return response  # type: ignore[no-any-return]

    return {"Get": get, "List": list_}


def build_handlers(env: Env) -> dict[str, dict[str, ServerHandler]]:
    """A handler for every method in ``SERVICES``."""
    handlers: dict[str, dict[str, ServerHandler]] = {
        "Accounts": _accounts(env),
        "Resources": _resources(env),
        "Roles": _standard(env, "role", _role_rules),
        "Groups": _groups(env),
        "Nodes": _nodes(env),
        "SecretStores": _standard(env, "secret_store"),
        "AccountAttachments": _standard(env, "account_attachment"),
        "AccountGrants": _standard(env, "account_grant", _grant_rules),
        "AccountsGroups": _standard(env, "account_group"),
        "GroupsRoles": _standard(env, "group_role", _group_role_rules),
        "AccountResources": {
            "List": list_handler(env, KINDS["account_resource"], keep=effective_at)
        },
        "RoleResources": {"List": list_handler(env, KINDS["role_resource"])},
        "AccountPermissions": {"List": _account_permissions(env)},
        "Activities": _activities(env),
    }
    handlers.update(secret_handlers(env))
    for service, kind_name in _HISTORY.items():
        handlers[service] = {"List": history_handler(env, KINDS[kind_name])}

    env.on_delete["account"] = lambda tx, ident, old: env.keyring.revoke_account(tx, ident)
    for service, methods in SERVICES.items():
        for method in methods:
            if method not in handlers.get(service, {}):
                raise RuntimeError(f"no handler for {service}.{method}")
    return {s: {m: handlers[s][m] for m in SERVICES[s]} for s in SERVICES}
