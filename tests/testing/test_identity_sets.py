"""Identity sets came from two ``.proto`` files and ``make generate`` alone: no hand-written
client class, no control-plane rule. Both SDKs get the service's semantics from the
generic engine: ids, required fields, uniqueness, update, delete, history and snapshots."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from aiosdm import IdentitySet, errors
from aiosdm._generated.services import SERVICE_SPECS
from aiosdm.testing import LocalServer
from aiosdm.testing.rules import load_rules

strongdm = pytest.importorskip("strongdm")


def test_the_service_needs_no_rule() -> None:
    assert "IdentitySets" in SERVICE_SPECS and "IdentitySetsHistory" in SERVICE_SPECS
    assert not {"IdentitySets", "IdentitySetsHistory"} & set(load_rules())


async def test_aiosdm_client_gets_the_full_semantics(server: LocalServer) -> None:
    async with server.client() as client:
        created = (await client.identity_sets.create(IdentitySet(name="on-call"))).identity_set
        assert created.id.startswith("ig-") and created.name == "on-call"
        assert (await client.identity_sets.get(created.id)).identity_set == created

        with pytest.raises(errors.AlreadyExistsError, match="identity set with name 'ON-CALL'"):
            await client.identity_sets.create(IdentitySet(name="ON-CALL"))
        with pytest.raises(errors.BadRequestError, match="name"):
            await client.identity_sets.create(IdentitySet())

        await asyncio.sleep(0.01)  # the snapshot instant must fall between the two versions
        before_rename = datetime.now(UTC)
        await asyncio.sleep(0.01)
        renamed = IdentitySet(id=created.id, name="primary")
        assert (await client.identity_sets.update(renamed)).identity_set.name == "primary"
        listed = [s async for s in client.identity_sets.list("name:?", "primary")]
        assert [s.id for s in listed] == [created.id]

        past = client.snapshot_at(before_rename)
        assert (await past.identity_sets.get(created.id)).identity_set.name == "on-call"

        await client.identity_sets.delete(created.id)
        with pytest.raises(errors.NotFoundError):
            await client.identity_sets.get(created.id)
        history = [h async for h in client.identity_sets_history.list("id:?", created.id)]
        assert [h.identity_set.name for h in history] == ["on-call", "primary", "primary"]
        assert history[-1].deleted_at is not None and history[0].deleted_at is None


def test_official_client_gets_the_same(official: Callable[..., Any]) -> None:
    client = official()
    created = client.identity_sets.create(strongdm.IdentitySet(name="responders")).identity_set
    assert created.id.startswith("ig-")
    client.identity_sets.update(strongdm.IdentitySet(id=created.id, name="first-line"))
    names = [s.name for s in client.identity_sets.list("")]
    assert names == ["first-line"]
    with pytest.raises(strongdm.AlreadyExistsError):
        client.identity_sets.create(strongdm.IdentitySet(name="FIRST-LINE"))
    client.identity_sets.delete(created.id)
    with pytest.raises(strongdm.NotFoundError):
        client.identity_sets.get(created.id)
    versions = list(client.identity_sets_history.list(""))
    assert [v.identity_set.name for v in versions] == ["responders", "first-line", "first-line"]
