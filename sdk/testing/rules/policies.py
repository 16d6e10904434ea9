"""Policies: the policy text is what a policy is, so an empty one is refused; it is
stored and answered exactly as sent."""

from __future__ import annotations

from typing import Any

from aiosdm.testing._engine import Env, Rules, ServerCall
from aiosdm.testing._errors import bad_request
from aiosdm.testing._store import Tx

__all__ = ["RULES"]


def _on_write(env: Env, tx: Tx, entity: Any, old: Any, call: ServerCall) -> None:
    if not entity.policy.strip():
        raise bad_request("policy: the policy text is required (it says what is permitted)")


RULES = (Rules("Policies", on_write=_on_write),)
