"""A successful create, get or update always carries its entity: the models type it as present,
and an answer without it is refused with a clear error instead of read as None or an empty model.
"""

from __future__ import annotations

import dataclasses
import typing
from typing import Any

import pytest

import aiosdm
from aiosdm import errors
from aiosdm._generated import models
from aiosdm._generated.services import SERVICES
from aiosdm._generated.v1 import accounts_pb2, roles_pb2
from aiosdm.client import Client

from ._servers import ACCESS_KEY, SECRET, Received, ScriptedServer, response_of

RESULTS = sorted(
    (spec.response.DESCRIPTOR.name, spec.result_field)
    for methods in SERVICES.values()
    for spec in methods.values()
    if spec.result_field and not spec.hidden
)


def test_every_create_get_and_update_types_its_entity_as_present() -> None:
    assert len(RESULTS) > 70
    for response, field in RESULTS:
        cls = getattr(models, response)
        hint = typing.get_type_hints(cls)[field]
        assert type(None) not in typing.get_args(hint), f"{response}.{field}: {hint}"
    # The polymorphic ones (no empty default to make) must be given.
    (account,) = [
        f for f in dataclasses.fields(models.AccountCreateResponse) if f.name == "account"
    ]
    assert account.default is dataclasses.MISSING and account.default_factory is dataclasses.MISSING
    with pytest.raises(TypeError, match="account"):
        models.AccountCreateResponse()  # type: ignore[call-arg]


@pytest.mark.parametrize(
    "message",
    [
        accounts_pb2.AccountGetResponse(),  # no account at all
        accounts_pb2.AccountGetResponse(account=accounts_pb2.Account()),  # one of no kind
    ],
    ids=["absent", "no kind"],
)
def test_an_answer_without_its_entity_is_refused(message: Any) -> None:
    read = models.binding(models.AccountGetResponse).read
    with pytest.raises(ValueError, match="AccountGetResponse without its account"):
        read(message)
    with pytest.raises(ValueError, match="RoleGetResponse without its role"):
        models.binding(models.RoleGetResponse).read(roles_pb2.RoleGetResponse())
    # Present, even empty, it reads.
    assert (
        models.binding(models.RoleGetResponse)
        .read(roles_pb2.RoleGetResponse(role=roles_pb2.Role()))
        .role
        == models.Role()
    )


async def test_a_call_answered_without_its_entity_raises_unknown_error() -> None:
    async def answer(received: Received) -> Any:
        if received.path == "/v1.Accounts/Get":
            return accounts_pb2.AccountGetResponse()
        return response_of(received.spec)

    async with (
        ScriptedServer(answer) as server,
        Client(ACCESS_KEY, SECRET, server.target, insecure=True) as client,
    ):
        created = await client.accounts.create(aiosdm.User(email="a@example.com"))
        assert isinstance(created.account, aiosdm.User)
        with pytest.raises(errors.UnknownError) as caught:
            await client.accounts.get("a-1")
    assert caught.value.code == errors.StatusCode.UNKNOWN
    assert str(caught.value) == "the service answered AccountGetResponse without its account"
