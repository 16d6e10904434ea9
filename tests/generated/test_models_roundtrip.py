"""Properties of the generated models: model -> message -> model is the identity, unknown oneof
arms survive byte for byte, and secrets stay out of repr()."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aiosdm._generated import models
from aiosdm._generated.models import drivers
from aiosdm._generated.v1 import drivers_pb2, resources_pb2

from .strategies import model, varint

ALL_MODELS = sorted(models.BINDINGS, key=lambda c: c.__name__)


@pytest.mark.parametrize("cls", ALL_MODELS, ids=lambda c: c.__name__)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_model_message_model_is_identity(cls: type[models.Model], data: st.DataObject) -> None:
    value = data.draw(model(cls))
    message = models.to_message(value)
    again = models.from_message(
        type(value) if not type(value).__name__.startswith("Unknown") else cls, message
    )
    assert again == value
    # And the bytes are stable: encoding the decoded value gives the same wire bytes
    # (map entries in key order: protobuf leaves their order to the encoder otherwise).
    stable = models.to_message(again).SerializeToString(deterministic=True)
    assert stable == message.SerializeToString(deterministic=True)


def test_every_porcelain_model_is_covered() -> None:
    assert len(ALL_MODELS) > 150
    for name in (
        "User",
        "Service",
        "Token",
        "Role",
        "AccountGrant",
        "Postgres",
        "Relay",
        "ManagedSecret",
        "KeyValueEngine",
        "UnknownResource",
        "UnknownAccount",
    ):
        assert name in {c.__name__ for c in ALL_MODELS}


@settings(max_examples=50, deadline=None)
@given(
    number=st.integers(4000, 5000).filter(
        lambda n: n not in {f.number for f in drivers_pb2.Resource.DESCRIPTOR.fields}
    ),
    payload=st.binary(max_size=64),
)
def test_unknown_resource_arm_survives_byte_for_byte(number: int, payload: bytes) -> None:
    wire = varint(number << 3 | 2) + varint(len(payload)) + payload
    listing = resources_pb2.ResourceListResponse()
    listing.resources.add().MergeFromString(wire)
    listing.resources.add().postgres.name = "known"
    decoded = [
        drivers.read_resource_item(r)
        for r in resources_pb2.ResourceListResponse.FromString(
            listing.SerializeToString()
        ).resources
    ]
    unknown, known = decoded
    assert isinstance(unknown, drivers.UnknownResource)
    assert unknown.field_number == number
    assert isinstance(known, drivers.Postgres) and known.name == "known"
    back = drivers_pb2.Resource()
    drivers.write_resource(unknown, back)
    assert back.SerializeToString() == wire


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def test_a_driver_newer_than_this_sdk_keeps_its_common_fields() -> None:
    strongdm = pytest.importorskip("strongdm")
    arm = strongdm.plumbing.convert_resource_to_plumbing(
        strongdm.Aerospike(name="aero", hostname="h", port=3000, tags={"env": "dev"})
    ).aerospike.SerializeToString()
    number = 65_000  # an arm no release of either SDK knows yet
    newer = _varint(number << 3 | 2) + _varint(len(arm)) + arm
    ours = drivers.read_resource(drivers_pb2.Resource.FromString(newer))
    assert isinstance(ours, drivers.UnknownResource) and ours.field_number == number
    assert (ours.name, ours.tags) == ("aero", {"env": "dev"})
    back = drivers_pb2.Resource()
    drivers.write_resource(ours, back)
    assert back.SerializeToString() == newer


def test_secrets_stay_out_of_repr() -> None:
    pg = models.Postgres(name="db", hostname="h", username="u", password="hunter2")
    user = models.User(email="a@example.com", password="s3cr3t-pass")
    secret = models.ManagedSecret(name="k", value=b"top-secret-value")
    for value, leaked in ((pg, "hunter2"), (user, "s3cr3t-pass"), (secret, "top-secret-value")):
        assert leaked not in repr(value)
        assert leaked not in str(value)


def test_naive_datetimes_are_refused() -> None:
    from datetime import datetime

    grant = models.AccountGrant(
        resource_id="rs-1", account_id="a-1", start_from=datetime(2026, 1, 1)
    )
    with pytest.raises(ValueError, match="naive datetime"):
        models.to_message(grant)
