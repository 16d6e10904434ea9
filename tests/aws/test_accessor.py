"""Accessor / MultiHopAccessor / AccessStep: role chains against moto."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from aiosdm.aws import (
    Accessor,
    AccessStep,
    AccountAccessError,
    AssumeRoleError,
    MultiHopAccessor,
)

BASE = "123456789012"
TARGET = "333333333333"
R = "us-east-1"

THREE_HOPS = MultiHopAccessor(
    "aiosdm-hops",
    [
        AccessStep("hop1", "111111111111"),
        AccessStep("hop2", "222222222222", external_id="ext-2"),
        AccessStep("target"),
    ],
)


async def identity(session: Any, url: str) -> tuple[str, str]:
    async with session.create_client("sts", endpoint_url=url) as client:
        answer = await client.get_caller_identity()
    return answer["Account"], answer["Arn"]


async def test_three_hop_chain(base_session: Any, sts: Any) -> None:
    accessor = Accessor(
        [THREE_HOPS], base_session=base_session, endpoint_url=sts.url, region_name=R
    )
    session = await accessor.session(TARGET)
    account, arn = await identity(session, sts.url)
    assert account == TARGET
    assert arn.endswith(":assumed-role/target/aiosdm-hops")
    assert [p["RoleArn"] for p in sts.params("AssumeRole")] == [
        "arn:aws:iam::111111111111:role/hop1",
        "arn:aws:iam::222222222222:role/hop2",
        f"arn:aws:iam::{TARGET}:role/target",
    ]
    assert sts.params("AssumeRole")[1]["ExternalId"] == "ext-2"
    assert await accessor.session(TARGET) is session
    assert sts.count("AssumeRole") == 3  # everything cached
    await accessor.close()


async def test_concurrent_first_requests_walk_the_chain_once(base_session: Any, sts: Any) -> None:
    accessor = Accessor(
        [THREE_HOPS], base_session=base_session, endpoint_url=sts.url, region_name=R
    )
    await asyncio.gather(*(accessor.session(TARGET) for _ in range(50)))
    assert sts.count("AssumeRole") == 3
    await accessor.close()


async def test_chains_are_tried_in_order(base_session: Any, sts: Any) -> None:
    sts.denied_roles.add("blocked")
    blocked = MultiHopAccessor("first", [AccessStep("blocked", "111111111111"), AccessStep("t")])
    direct = MultiHopAccessor("second", [AccessStep("target")])
    accessor = Accessor(
        [blocked, direct], base_session=base_session, endpoint_url=sts.url, region_name=R
    )
    account, arn = await identity(await accessor.session(TARGET), sts.url)
    assert account == TARGET
    assert arn.endswith(":assumed-role/target/second")
    await accessor.close()


async def test_all_chains_failing_aggregates_errors(base_session: Any, sts: Any) -> None:
    sts.denied_roles.update({"a", "b"})
    accessor = Accessor(
        [MultiHopAccessor("one", [AccessStep("a")]), MultiHopAccessor("two", [AccessStep("b")])],
        base_session=base_session,
        endpoint_url=sts.url,
        region_name=R,
    )
    with pytest.raises(AccountAccessError) as caught:
        await accessor.session(TARGET)
    assert caught.value.account_id == TARGET
    assert [type(e) for e in caught.value.errors] == [AssumeRoleError, AssumeRoleError]
    assert [e.role_arn for e in caught.value.errors if isinstance(e, AssumeRoleError)] == [
        f"arn:aws:iam::{TARGET}:role/a",
        f"arn:aws:iam::{TARGET}:role/b",
    ]
    await accessor.close()


async def test_without_chains_only_the_base_account(base_session: Any, sts: Any) -> None:
    accessor = Accessor(base_session=base_session, endpoint_url=sts.url, region_name=R)
    assert await accessor.session(BASE) is base_session
    with pytest.raises(AccountAccessError):
        await accessor.session(TARGET)
    assert sts.count("AssumeRole") == 0
    await accessor.close()


def test_chain_shape_is_validated() -> None:
    with pytest.raises(ValueError):
        MultiHopAccessor("s", [])
    with pytest.raises(ValueError):
        MultiHopAccessor("s", [AccessStep("a"), AccessStep("b")])
    with pytest.raises(ValueError):
        MultiHopAccessor("s", [AccessStep("a", "111111111111")])
