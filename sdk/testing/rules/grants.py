"""Account grants: a valid access rule and time window, and no two grants of one
account to one resource for overlapping times."""

from __future__ import annotations

from typing import Any

from aiosdm._generated.kinds import KINDS
from aiosdm.testing._derived import parse_access_rule
from aiosdm.testing._engine import Env, Rules, ServerCall
from aiosdm.testing._errors import already_exists, bad_request
from aiosdm.testing._fields import timestamp_us
from aiosdm.testing._store import Tx

__all__ = ["RULES"]

_GRANT = KINDS["account_grant"]


def _on_write(env: Env, tx: Tx, entity: Any, old: Any, call: ServerCall) -> None:
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


RULES = (Rules("AccountGrants", on_write=_on_write),)
