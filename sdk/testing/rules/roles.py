"""Roles: their access rules must parse (what they reach is in ``derived_access``)."""

from __future__ import annotations

from typing import Any

from aiosdm.testing._derived import parse_access_rules
from aiosdm.testing._engine import Env, Rules, ServerCall
from aiosdm.testing._errors import bad_request
from aiosdm.testing._store import Tx

__all__ = ["RULES"]


def _on_write(env: Env, tx: Tx, entity: Any, old: Any, call: ServerCall) -> None:
    try:
        parse_access_rules(entity.access_rules)
    except ValueError as err:
        raise bad_request(str(err)) from None


RULES = (Rules("Roles", on_write=_on_write),)
