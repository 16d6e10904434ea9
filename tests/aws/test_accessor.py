"""Accessor / MultiHopAccessor / AccessStep: role chains against moto."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from aiosdm.aws import (
    Accessor,
    AccessorDefinitionError,
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


# --- altimeter's JSON definitions -------------------------------------------------------


def altimeter_file(tmp_path: Any, document: object, name: str = "accessor.json") -> Any:
    path = tmp_path / name
    path.write_text(document if isinstance(document, str) else json.dumps(document))
    return path


async def test_altimeter_file_with_a_failing_first_chain(
    base_session: Any, sts: Any, tmp_path: Any
) -> None:
    sts.denied_roles.add("gone")
    path = altimeter_file(
        tmp_path,
        {
            "multi_hop_accessors": [
                {
                    "role_session_name": "first",
                    "access_steps": [
                        {"role_name": "gone", "account_id": "111111111111"},
                        {"role_name": "target"},
                    ],
                },
                {
                    "role_session_name": "second",
                    "access_steps": [
                        {
                            "role_name": "hub",
                            "account_id": "222222222222",
                            "external_id": "{{ env.HUB_EXTERNAL_ID }}",
                        },
                        {"role_name": "target", "external_id": "static-{{env['TARGET_ID']}}"},
                    ],
                },
            ]
        },
    )
    environ = {"HUB_EXTERNAL_ID": "hub-secret-id", "TARGET_ID": "42"}
    accessor = await Accessor.from_file(
        path, environ=environ, base_session=base_session, endpoint_url=sts.url, region_name=R
    )
    assert accessor.cache_creds
    assert [str(chain) for chain in accessor.multi_hop_accessors] == [
        "accessor:first:gone@111111111111,target@target",
        "accessor:second:hub@222222222222,target@target",
    ]
    assert "hub-secret-id" not in repr(accessor.multi_hop_accessors)

    account, arn = await identity(await accessor.session(TARGET), sts.url)
    assert account == TARGET
    assert arn.endswith(":assumed-role/target/second")
    calls = sts.params("AssumeRole")
    assert [c["RoleArn"].rpartition(":")[2] for c in calls] == [
        "role/gone",
        "role/hub",
        "role/target",
    ]
    assert [c.get("ExternalId") for c in calls] == [None, "hub-secret-id", "static-42"]

    # The chain that worked goes first next time; everything is cached.
    await accessor.session(TARGET)
    assert sts.count("AssumeRole") == 3
    await accessor.close()


async def test_per_call_region_shares_the_credentials(base_session: Any, sts: Any) -> None:
    accessor = Accessor(
        [THREE_HOPS], base_session=base_session, endpoint_url=sts.url, region_name=R
    )
    default = await accessor.session(TARGET)
    europe = await accessor.session(TARGET, region_name="eu-west-1")
    assert default.get_config_variable("region") == R
    assert europe.get_config_variable("region") == "eu-west-1"
    assert europe is await accessor.session(TARGET, region_name="eu-west-1")
    assert (await identity(europe, sts.url))[0] == TARGET
    assert sts.count("AssumeRole") == 3
    await accessor.close()


async def test_without_chains_a_region_borrows_the_base_credentials(
    base_session: Any, sts: Any
) -> None:
    accessor = Accessor(base_session=base_session, endpoint_url=sts.url, region_name=R)
    elsewhere = await accessor.session(BASE, region_name="ap-southeast-2")
    assert elsewhere is not base_session
    assert elsewhere.get_config_variable("region") == "ap-southeast-2"
    assert (await elsewhere.get_credentials()).access_key == "AKIABASEEXAMPLE00001"
    await accessor.close()


async def test_cache_creds_false_walks_the_chain_every_time(
    base_session: Any, sts: Any, tmp_path: Any
) -> None:
    path = altimeter_file(
        tmp_path,
        {
            "cache_creds": True,
            "multi_hop_accessors": [
                {"role_session_name": "inventory", "access_steps": [{"role_name": "target"}]}
            ],
        },
    )
    options = {"base_session": base_session, "endpoint_url": sts.url, "region_name": R}
    cached = await Accessor.from_file(path, **options)
    uncached = await Accessor.from_file(path, cache_creds=False, **options)
    assert cached.cache_creds and not uncached.cache_creds
    for _ in range(2):
        await cached.session(TARGET)
    assert sts.count("AssumeRole") == 1
    first = await uncached.session(TARGET)
    second = await uncached.session(TARGET)
    assert first is not second
    assert sts.count("AssumeRole") == 3
    assert (await identity(second, sts.url))[0] == TARGET
    await cached.close()
    await uncached.close()


def chain(*steps: dict[str, object]) -> dict[str, object]:
    return {"multi_hop_accessors": [{"role_session_name": "job", "access_steps": list(steps)}]}


@pytest.mark.parametrize(
    ("document", "field", "problem"),
    [
        ("{not json", None, "not JSON"),
        ([], None, "must be a JSON object"),
        ({"multi_hop_accessor": []}, "multi_hop_accessor", "not a known field"),
        ({"multi_hop_accessors": {}}, "multi_hop_accessors", "JSON array"),
        ({"cache_creds": "yes"}, "cache_creds", "true or false"),
        (
            {"multi_hop_accessors": [{"access_steps": [{"role_name": "t"}]}]},
            "multi_hop_accessors[0].role_session_name",
            "missing",
        ),
        (
            {"multi_hop_accessors": [{"role_session_name": "a b", "access_steps": []}]},
            "multi_hop_accessors[0].role_session_name",
            "2 to 64",
        ),
        (
            {"multi_hop_accessors": [{"role_session_name": "job", "access_steps": []}]},
            "multi_hop_accessors[0].access_steps",
            "at least one step",
        ),
        (chain({"account_id": "111111111111"}), "access_steps[0].role_name", "missing"),
        (chain({"role_name": "a"}, {"role_name": "b"}), "access_steps[0].account_id", "missing"),
        (
            chain({"role_name": "a", "account_id": "111111111111"}),
            "access_steps[0].account_id",
            "must be left out",
        ),
        (
            chain({"role_name": "a", "account_id": 111111111111}, {"role_name": "b"}),
            "access_steps[0].account_id",
            "non-empty string",
        ),
        (
            chain({"role_name": "a", "account_id": "1111"}, {"role_name": "b"}),
            "access_steps[0].account_id",
            "12-digit",
        ),
        (
            chain({"role_name": "t", "external_id": "{{ env.NOT_SET_ANYWHERE }}"}),
            "access_steps[0].external_id",
            "$NOT_SET_ANYWHERE",
        ),
        (
            chain({"role_name": "t", "external_id": "{{ env.X | upper }}"}),
            "access_steps[0].external_id",
            "template",
        ),
        (chain({"role_name": "t", "region": "x"}), "access_steps[0].region", "not a known field"),
    ],
)
async def test_bad_definitions_name_the_file_and_the_field(
    tmp_path: Any, document: object, field: str | None, problem: str
) -> None:
    path = altimeter_file(tmp_path, document, "team-accessor.json")
    with pytest.raises(AccessorDefinitionError) as caught:
        await Accessor.from_file(path, environ={"X": "x"})
    message = str(caught.value)
    assert message.startswith(str(path))
    assert problem in message
    if field is not None:
        assert caught.value.field is not None and caught.value.field.endswith(field)
        assert field in message
    assert isinstance(caught.value, ValueError)


async def test_unreadable_file_and_secrets_never_echoed(tmp_path: Any) -> None:
    with pytest.raises(AccessorDefinitionError, match="cannot be read"):
        await Accessor.from_file(tmp_path / "missing.json")
    path = altimeter_file(
        tmp_path, '{"multi_hop_accessors": [{"role_session_name": "job", "external_id": "hunter2"'
    )
    with pytest.raises(AccessorDefinitionError) as caught:
        await Accessor.from_file(path)
    assert "hunter2" not in str(caught.value) and "line 1" in str(caught.value)


def test_from_dict_reads_the_same_layout() -> None:
    accessor = Accessor.from_dict(
        chain({"role_name": "hub", "account_id": "111111111111"}, {"role_name": "t"}),
        cache_creds=False,
    )
    assert not accessor.cache_creds
    assert str(accessor) == "accessor:job:hub@111111111111,t@target"
