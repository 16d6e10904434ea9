"""Who may call what on the local control plane, as the service decides it.

Every method needs one permission: ``MethodSpec.permission``, written in the protos
(``read_permission``/``write_permission`` of each service, ``permission`` on the rpcs
that differ; CONTRIBUTING.md has the table). The server refuses to start when a
method has none, or one that is not a strongDM permission string.

What an API key holds:

- the server's own key (``LocalServer.access_key``, the key ``aiosdm serve`` writes to
  ``--credentials-out``: the organization's admin key) and keys made with
  ``LocalServer.create_api_key()`` (``admin=True``, the default): every permission;
- a key made with ``create_api_key(admin=False, permissions=[...])``: those, and no
  others (none when none are given);
- a Token's key: exactly ``Token.permissions``;
- a service account's key, and a user's: what the account's permission level grants.

=========================================================  =================================
permission level                                           holds
=========================================================  =================================
``root-admin``, ``admin``                                  every permission (:data:`EVERY`)
``auditor``                                                every service's read permission
                                                           (:data:`READS`: lists and gets,
                                                           ``audit:*`` for the history
                                                           services and activities)
``database-admin``                                         the auditor's, and every
                                                           ``datasource:*`` permission
``user``, ``multi-team-leader``, ``database-operator``     ``accessrequest:requester``
``service`` (service accounts), any other level            nothing
=========================================================  =================================

:data:`EVERY` is every permission string of ``aiosdm.constants.Permission`` except the
service's own ``testing:*`` ones. Reads that hand out more than names and settings
(``managedsecret:retrieve``, health checks, probes) are not in :data:`READS`.

A call whose key lacks the permission is PERMISSION_DENIED (``PermissionError`` in both
SDKs) before anything is read or written, with one line naming the permission. A key
of an expired Token (``deadline`` passed, or ``duration`` elapsed since it was created),
of a suspended account or a deleted one is refused outright, UNAUTHENTICATED with the
message of every authentication failure (``aiosdm.testing._auth``).

``AccountPermissions.List`` answers from :func:`held_by`, the same function that decides
what a key of the account may do.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import timedelta
from types import MappingProxyType
from typing import Any

import grpc
from google.protobuf.message import Message

from aiosdm._generated.services import SERVICE_SPECS
from aiosdm._specs import MethodSpec
from aiosdm.constants import Permission
from aiosdm.testing._errors import ServiceError
from aiosdm.testing._fields import arm_name, body, timestamp_us

__all__ = [
    "ALL",
    "EVERY",
    "KNOWN",
    "LEVELS",
    "READS",
    "denied",
    "expires_us",
    "held_by",
    "holds",
    "lacking",
    "level_holds",
    "problems",
]

#: Every permission string strongDM knows (``aiosdm.constants.Permission``).
KNOWN: frozenset[str] = frozenset(
    value for name, value in vars(Permission).items() if not name.startswith("_")
)
#: What an admin holds: every permission but the service's internal ``testing:*`` ones.
EVERY: frozenset[str] = frozenset(p for p in KNOWN if not p.startswith("testing:"))
#: Every service's read permission: what an auditor holds.
READS: frozenset[str] = frozenset(
    spec.read_permission for spec in SERVICE_SPECS.values() if spec.read_permission
)
#: A ``MethodSpec.permission`` that only a key holding :data:`EVERY` satisfies (the
#: test controls of ``aiosdm.testing._control``, which act for the web UI's admin).
ALL = "*"

_USER = frozenset({Permission.ACCESS_REQUEST_REQUESTER})
#: What each permission level grants (levels not named here grant nothing).
LEVELS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "root-admin": EVERY,
        "admin": EVERY,
        "auditor": READS,
        "database-admin": READS | {p for p in EVERY if p.startswith("datasource:")},
        "user": _USER,
        "multi-team-leader": _USER,
        "database-operator": _USER,
    }
)
#: The level of a service account (it has no field for one).
SERVICE_LEVEL = "service"
_MICROSECOND = timedelta(microseconds=1)


def level_holds(level: str) -> frozenset[str]:
    """What the permission level ``level`` grants."""
    return LEVELS.get(level, frozenset())


def held_by(account: Message) -> frozenset[str]:
    """The permissions an account's keys hold: a Token's own, else its level's."""
    kind, fields = arm_name(account), body(account)
    if kind == "token":
        return frozenset(fields.permissions)
    if kind == "user":
        return level_holds(fields.permission_levelRW)
    return level_holds(SERVICE_LEVEL)


def expires_us(account: Message) -> int | None:
    """When an account's keys stop working (microseconds since the epoch), or None.

    Only Tokens expire: at their ``deadline``, or ``duration`` after they were created,
    whichever comes first.
    """
    if arm_name(account) != "token":
        return None
    fields: Any = body(account)
    ends = []
    if fields.HasField("deadline") and timestamp_us(fields.deadline) > 0:
        ends.append(timestamp_us(fields.deadline))
    lifetime = fields.duration.ToTimedelta() if fields.HasField("duration") else None
    if lifetime:
        created = timestamp_us(fields.created_at)
        ends.append(created + lifetime // _MICROSECOND)
    return min(ends) if ends else None


def holds(held: frozenset[str], permission: str) -> bool:
    """Whether a key holding ``held`` may make a call needing ``permission``."""
    if permission == ALL:
        return held >= EVERY
    return permission in held


def denied(spec: MethodSpec[Any, Any]) -> ServiceError:
    """PERMISSION_DENIED for a key that lacks what ``spec`` needs: one line naming it."""
    if spec.permission == ALL:
        return lacking(spec.signing_name, "an admin key (one holding every permission)")
    return lacking(spec.signing_name, f"the {spec.permission!r} permission")


def lacking(what: str, need: str) -> ServiceError:
    """PERMISSION_DENIED: ``what`` needs ``need``, which the caller's key lacks."""
    return ServiceError(
        grpc.StatusCode.PERMISSION_DENIED,
        f"permission denied: {what} needs {need}, which this API key lacks",
    )


def problems(specs: Iterable[MethodSpec[Any, Any]]) -> list[str]:
    """Methods that name no permission, or one strongDM does not know."""
    out = []
    for spec in specs:
        if not spec.permission:
            out.append(
                f"{spec.signing_name} needs no permission (give its service a "
                "read_permission/write_permission, or the rpc a permission, in its .proto)"
            )
        elif spec.permission != ALL and spec.permission not in KNOWN:
            out.append(f"{spec.signing_name} needs {spec.permission!r}, no strongDM permission")
    return out
