"""snapshot_at: only the snapshot-capable services we have, with get/list only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
import strongdm

from aiosdm._generated.services import SERVICE_SPECS, SERVICES
from aiosdm.client import Client
from aiosdm.snapshot import SnapshotClient

from ._servers import ACCESS_KEY, SECRET, ScriptedServer, plain_answer

WHEN = datetime(2025, 6, 1, 12, tzinfo=UTC)


def _public(obj: object) -> set[str]:
    return {name for name in dir(obj) if not name.startswith("_")}


def test_naive_datetime_is_refused() -> None:
    client = Client(ACCESS_KEY, SECRET)
    with pytest.raises(ValueError, match="naive"):
        client.snapshot_at(datetime(2025, 1, 1))


def test_exactly_the_snapshot_capable_services_we_have() -> None:
    theirs = strongdm.Client(ACCESS_KEY, SECRET, host="127.0.0.1:1", insecure=True)
    try:
        official = theirs.snapshot_at(WHEN)
        ours = Client(ACCESS_KEY, SECRET).snapshot_at(WHEN)
        ours_client = Client(ACCESS_KEY, SECRET)
        ours_attrs = {
            name
            for name in _public(ours_client)
            if type(getattr(ours_client, name)).__name__ in SERVICES
        }
        expected = _public(official) & ours_attrs
        assert _public(ours) - {"snapshot_at"} == expected
        # ... and exactly the services the protos mark as snapshot-capable.
        assert expected == {s.attribute for s in SERVICE_SPECS.values() if s.snapshot}
        for name in expected:
            methods = _public(getattr(ours, name))
            assert methods == _public(getattr(official, name)) - {name}
            assert methods <= {"get", "list"}
            assert not {"create", "update", "delete"} & methods
    finally:
        theirs.close()


async def test_snapshot_reads_carry_the_instant() -> None:
    other_zone = WHEN.astimezone(timezone(timedelta(hours=-5)))
    async with (
        ScriptedServer(plain_answer) as server,
        Client(ACCESS_KEY, SECRET, host=server.target, insecure=True) as client,
    ):
        past = client.snapshot_at(other_zone)
        assert isinstance(past, SnapshotClient)
        await past.accounts.get("a-1")
        [x async for x in past.roles.list("")]
        await client.accounts.get("a-1")
    get, listed, now = (r.message() for r in server.received)
    assert get.meta.snapshot_at.ToDatetime(tzinfo=UTC) == WHEN
    assert listed.meta.snapshot_at.ToDatetime(tzinfo=UTC) == WHEN
    assert not now.HasField("meta")
