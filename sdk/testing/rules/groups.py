"""Groups: a group role names its group and role, and ``CreateFromRoles`` turns roles
into groups (with the role's user members), or only shows what it would make."""

from __future__ import annotations

from typing import Any

from google.protobuf.message import Message

from aiosdm._generated.kinds import KINDS
from aiosdm._generated.v1 import accounts_groups_pb2, groups_pb2, groups_roles_pb2
from aiosdm.testing._engine import Env, Rules, ServerCall, ServerHandler, create_in, respond
from aiosdm.testing._errors import bad_request, not_found
from aiosdm.testing._fields import arm_name, body
from aiosdm.testing._store import Tx

__all__ = ["RULES"]

_ACCOUNT = KINDS["account"]
_ROLE = KINDS["role"]
_GROUP = KINDS["group"]
_ATTACHMENT = KINDS["account_attachment"]
_ACCOUNT_GROUP = KINDS["account_group"]
_GROUP_ROLE = KINDS["group_role"]


def _name_group_role(env: Env, tx: Tx, entity: Any, old: Any, call: ServerCall) -> None:
    group: Any = tx.get(_GROUP, entity.group_id)
    role: Any = tx.get(_ROLE, entity.role_id)
    entity.group_name = group.name if group is not None else ""
    entity.role_name = role.name if role is not None else ""


def _create_from_roles(env: Env) -> ServerHandler:
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
                    create_in(env, tx, _GROUP, result.group, call)
                    link = groups_roles_pb2.GroupRole(group_id=result.group.id, role_id=role_id)
                    create_in(env, tx, _GROUP_ROLE, link, call)
                    for account_id in members:
                        member = accounts_groups_pb2.AccountGroup(
                            account_id=account_id, group_id=result.group.id
                        )
                        create_in(env, tx, _ACCOUNT_GROUP, member, call)
                out.append(result)
            return out

        if commit:
            results = await env.store.write(job, call.actor)
        else:
            results = await env.store.read(job)
        response: Any = respond(call)
        response.group_from_role.extend(results)
        return response  # type: ignore[no-any-return]

    return create_from_roles


RULES = (
    Rules("Groups", methods={"CreateFromRoles": _create_from_roles}),
    Rules("GroupsRoles", on_write=_name_group_role),
)
