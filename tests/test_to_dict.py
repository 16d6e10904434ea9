"""``to_dict()``/``from_dict()`` give the official SDK's dict layout, for every model both have.

The official object is built with the official constructor, by field name, with a distinct
value in every field; which kind of value a field takes comes from the official message
descriptors, never from our models (``tests/_twins.py``). The official SDK encodes it, our
model reads those bytes, and the two ``to_dict()`` must agree: same keys, same values, nested
models as models of the same name.
"""

from __future__ import annotations

import importlib
from datetime import UTC, datetime
from typing import Any

import pytest
import strongdm

from aiosdm import models
from aiosdm._convert import Model
from aiosdm._generated.models import binding

from ._twins import OFFICIAL_CANNOT_ENCODE, OURS_ONLY, counter, every_field, official_bytes
from ._twins import SHARED as EVERY_SHARED

SHARED = sorted(set(EVERY_SHARED) - OFFICIAL_CANNOT_ENCODE)


def official(name: str) -> Any:
    """The official ``name`` built by field name, every field holding a distinct value."""
    return every_field(name, counter()).theirs()


def plain(value: Any) -> Any:
    """``value`` with every model (of either SDK) as (class name, its to_dict())."""
    if isinstance(value, Model) or type(value).__module__ == strongdm.models.__name__:
        name = type(value).__name__
        extra = OURS_ONLY.get(name, set())
        return name, {k: plain(v) for k, v in value.to_dict().items() if k not in extra}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


# --- the tests ------------------------------------------------------------------------------


def test_every_model_the_official_sdk_has_is_covered() -> None:
    assert len(SHARED) > 150
    for name in ("User", "Token", "Role", "AccountGrant", "Postgres", "AccountCreateResponse"):
        assert name in SHARED


@pytest.mark.parametrize("name", SHARED)
def test_to_dict_matches_the_official_layout(name: str) -> None:
    theirs = official(name)
    cls = getattr(models, name)
    b = binding(cls)
    ours = b.read(b.message.FromString(official_bytes(theirs)))
    assert type(ours) is cls
    assert plain(ours) == plain(theirs)
    assert set(ours.to_dict()) == set(theirs.to_dict()) | OURS_ONLY.get(name, set())


@pytest.mark.parametrize("name", SHARED)
def test_from_dict_inverts_to_dict(name: str) -> None:
    cls = getattr(models, name)
    b = binding(cls)
    ours = b.read(b.message.FromString(official_bytes(official(name))))
    again = cls.from_dict(ours.to_dict())
    assert again == ours and again is not ours


def test_map_fields_read_like_the_official_sdk() -> None:
    queries = importlib.import_module("strongdm.queries_pb2")
    wire = queries.Query(
        id="q-1", capture=queries.QueryCapture(env={"HOME": "/root", "EMPTY": ""}, width=7)
    ).SerializeToString()
    theirs = strongdm.plumbing.convert_query_to_porcelain(queries.Query.FromString(wire))
    b = binding(models.Query)
    ours = b.read(b.message.FromString(wire))
    assert ours.capture.env == theirs.capture.env == {"HOME": "/root", "EMPTY": ""}
    assert plain(ours) == plain(theirs)
    assert models.Query.from_dict(ours.to_dict()) == ours


def test_to_dict_is_shallow_like_the_official_one() -> None:
    when = datetime(2030, 5, 6, 7, 8, 9, tzinfo=UTC)
    user = models.User(email="a@example.com", created_at=when, tags={"env": "dev"})
    response = models.AccountCreateResponse(account=user, access_key="ak")
    d = response.to_dict()
    assert d["account"] is user  # nested models stay models
    assert d["account"].to_dict()["created_at"] is when
    assert list(user.to_dict()) == sorted(user.to_dict())


def test_from_dict_defaults_missing_and_none_and_ignores_other_keys() -> None:
    # As the official from_dict does with d.get(): an absent key and None are the same.
    assert models.User.from_dict({}) == models.User()
    user = models.User.from_dict({"email": "a@example.com", "first_name": None, "other": 1})
    assert user == models.User(email="a@example.com")
    theirs = strongdm.User.from_dict({"email": "a@example.com", "first_name": None, "other": 1})
    assert (theirs.email, theirs.first_name) == (user.email, user.first_name)
    token = models.Token.from_dict({"duration": None, "permissions": None, "tags": None})
    assert token == models.Token()


def test_from_dict_keeps_the_values_given() -> None:
    when = datetime(2030, 5, 6, tzinfo=UTC)
    rules = [{"tags": {"env": "prod"}}]
    role = models.Role.from_dict({"name": "ops", "access_rules": rules, "tags": {"a": "b"}})
    assert role == models.Role(name="ops", access_rules=rules, tags={"a": "b"})
    grant = models.AccountGrant.from_dict({"start_from": when, "valid_until": when})
    assert grant.start_from is when
