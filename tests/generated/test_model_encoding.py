"""Our models encode to the official SDK's bytes, for every model both SDKs have.

Each object is built twice by field name (``tests/_twins.py``): the official one by the official
constructors, ours by ours, with a distinct value in every field, or with only the fields the
service always requires. Then the official converter and our generated writer encode them. A
writer that puts a value in another field, or leaves out (or adds) a message the official SDK
sends, fails here.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import strongdm
from strongdm import plumbing

from aiosdm import models
from aiosdm._generated.models import binding
from aiosdm._generated.v1 import drivers_pb2, secret_engine_types_pb2

from .._twins import (
    OFFICIAL_CANNOT_ENCODE,
    OURS_ONLY,
    SHARED,
    Twin,
    counter,
    every_field,
    official_bytes,
    official_fields,
    our_bytes,
    our_fields,
    required_only,
)

ENCODED = sorted(set(SHARED) - OFFICIAL_CANNOT_ENCODE)


def test_every_model_the_official_sdk_has_is_compared() -> None:
    assert len(ENCODED) > 400
    for name in ("User", "Postgres", "HTTPNoAuth", "ManagedSecret", "PostgresEngine", "Relay"):
        assert name in ENCODED


@pytest.mark.parametrize("name", SHARED)
def test_our_models_take_the_official_fields(name: str) -> None:
    """Field lists come from the official descriptors and our dataclasses, never a list here."""
    assert our_fields(name) - OURS_ONLY.get(name, frozenset()) == set(official_fields(name))


@pytest.mark.parametrize("build", [every_field, required_only], ids=["every field", "required"])
@pytest.mark.parametrize("name", ENCODED)
def test_our_encoding_is_the_official_one(name: str, build: Callable[..., Twin]) -> None:
    both = build(name, counter())
    assert our_bytes(both.ours()) == official_bytes(both.theirs())


def test_custom_headers_left_out_are_sent_as_an_empty_message() -> None:
    """The official SDK sends HTTP resources' custom_headers (field 13) even when none are
    given; leaving it out changes the signed bytes."""
    for name in ("HTTPNoAuth", "HTTPBasicAuth", "HTTPAuth"):
        given = {"name": "web", "url": "https://web.internal", "subdomain": "web"}
        ours, theirs = getattr(models, name)(**given), getattr(strongdm, name)(**given)
        sent = our_bytes(ours)
        assert sent == official_bytes(theirs), name
        message = getattr(drivers_pb2, name).FromString(sent)
        assert message.HasField("custom_headers"), name
        assert message.custom_headers.ByteSize() == 0, name


def test_a_nested_model_left_out_is_sent_as_the_official_none_is() -> None:
    """An engine's policy left out: the official SDK holds None and sends an empty message,
    not the nested password policy our default model holds."""
    given = {"name": "pg", "hostname": "db", "secret_store_id": "se-1"}
    ours, theirs = models.PostgresEngine(**given), strongdm.PostgresEngine(**given)
    sent = our_bytes(ours)
    assert sent == official_bytes(theirs)
    message = secret_engine_types_pb2.PostgresEngine.FromString(sent)
    assert message.HasField("policy") and message.policy.ByteSize() == 0
    # Our in-memory default is still an empty model, equal to one built by hand.
    assert ours.policy == models.SecretEnginePolicy()


def test_a_nested_model_given_or_changed_is_sent_field_by_field() -> None:
    given = {"name": "pg", "secret_store_id": "se-1"}
    # Given explicitly, even empty: the official SDK then sends its nested message too.
    ours = models.PostgresEngine(**given, policy=models.SecretEnginePolicy())
    theirs = strongdm.PostgresEngine(**given, policy=strongdm.SecretEnginePolicy())
    assert our_bytes(ours) == official_bytes(theirs)
    assert secret_engine_types_pb2.PostgresEngine.FromString(our_bytes(ours)).policy.ByteSize()
    # The default changed in place is no longer a default: what it holds is sent.
    changed = models.PostgresEngine(**given)
    changed.policy.password_policy = models.SecretEnginePasswordPolicy(length=12)
    policy = strongdm.SecretEnginePolicy(
        password_policy=strongdm.SecretEnginePasswordPolicy(length=12)
    )
    assert our_bytes(changed) == official_bytes(strongdm.PostgresEngine(**given, policy=policy))


@pytest.mark.parametrize("policy", [False, True], ids=["no policy on the wire", "policy"])
def test_a_model_read_from_the_wire_is_sent_back_as_the_official_sdk_does(policy: bool) -> None:
    wire = secret_engine_types_pb2.PostgresEngine(name="pg")
    if policy:
        wire.policy.SetInParent()
    data = wire.SerializeToString()
    b = binding(models.PostgresEngine)
    ours = b.read(b.message.FromString(data))
    theirs = plumbing.convert_postgres_engine_to_porcelain(
        strongdm.secret_engine_types_pb2.PostgresEngine.FromString(data)
    )
    assert our_bytes(ours) == official_bytes(theirs)
