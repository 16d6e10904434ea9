"""CrossAccountSessionProvider and ProfileSessionProvider against moto, counted at the proxy."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from aiosdm.aws import (
    AssumeRoleError,
    CredentialsCache,
    CrossAccountSessionProvider,
    ExpiredCredentialsError,
    ProfileSessionProvider,
    RefreshPolicy,
    SessionProvider,
)

BASE = "123456789012"
TARGET = "222222222222"


@pytest.fixture
async def profiles(aws_files: tuple[Path, Path]) -> AsyncIterator[ProfileSessionProvider]:
    config, credentials = aws_files
    provider = ProfileSessionProvider(config_file=config, credentials_file=credentials)
    yield provider
    await provider.close()


def cross_account(base: SessionProvider, sts: Any, **kwargs: Any) -> CrossAccountSessionProvider:
    return CrossAccountSessionProvider(
        base,
        BASE,
        "reader",
        endpoint_url=sts.url,
        region_name="us-east-1",
        role_session_name="aiosdm-test",
        **kwargs,
    )


async def caller_arn(session: Any, sts: Any) -> tuple[str, str]:
    async with session.create_client("sts", endpoint_url=sts.url) as client:
        answer = await client.get_caller_identity()
    return answer["Account"], answer["Arn"]


async def test_hundred_concurrent_first_requests_assume_once(
    profiles: ProfileSessionProvider, sts: Any
) -> None:
    provider = cross_account(profiles, sts, external_id="ext-42")
    sts.release = asyncio.Event()
    pending = asyncio.gather(*(provider.session(TARGET) for _ in range(100)))
    await sts.first_call.wait()  # every caller is waiting on the one AssumeRole by now
    sts.release.set()
    sessions = await pending
    assert sts.count("AssumeRole") == 1
    (params,) = sts.params("AssumeRole")
    assert params["RoleArn"] == f"arn:aws:iam::{TARGET}:role/reader"
    assert params["ExternalId"] == "ext-42"
    assert params["RoleSessionName"] == "aiosdm-test"
    assert len({id(s) for s in sessions}) == 1
    account, arn = await caller_arn(sessions[0], sts)
    assert account == TARGET
    assert ":assumed-role/reader/aiosdm-test" in arn
    assert sts.count("AssumeRole") == 1
    await provider.close()


async def test_refreshes_ahead_of_expiry_and_never_hands_out_expired(
    profiles: ProfileSessionProvider, sts: Any, clock: Any
) -> None:
    provider = cross_account(profiles, sts, duration=900, clock=clock)
    session = await provider.session(TARGET)
    first = await provider.credentials(TARGET)
    assert first.expiration is not None

    clock.now = first.expiration - (first.expiration - clock.now) / 3  # advisory window
    second = await provider.credentials(TARGET)
    assert second.access_key_id != first.access_key_id
    assert sts.count("AssumeRole") == 2
    frozen = await (await session.get_credentials()).get_frozen_credentials()
    assert frozen.access_key == second.access_key_id  # the session follows the cache

    clock.advance(7200)  # moto issues credentials by real time: all of them are now expired
    with pytest.raises(ExpiredCredentialsError):
        await provider.credentials(TARGET)
    with pytest.raises(ExpiredCredentialsError):
        await (await session.get_credentials()).get_frozen_credentials()
    await provider.close()


async def test_advisory_failure_keeps_current_mandatory_failure_raises(
    profiles: ProfileSessionProvider, sts: Any, clock: Any
) -> None:
    provider = cross_account(profiles, sts, duration=3600, clock=clock)
    first = await provider.credentials(TARGET)
    assert first.expiration is not None
    sts.denied_roles.add("reader")
    clock.now = first.expiration - (first.expiration - clock.now) / 5  # 12 min left: advisory
    assert await provider.credentials(TARGET) == first
    clock.now = first.expiration - (first.expiration - clock.now) / 3  # 4 min left: mandatory
    with pytest.raises(AssumeRoleError) as caught:
        await provider.credentials(TARGET)
    assert caught.value.code == "AccessDenied"
    await provider.close()


async def test_awsruns_half_life_policy(
    profiles: ProfileSessionProvider, sts: Any, clock: Any
) -> None:
    half = RefreshPolicy(advisory=0.5, mandatory=0.5)
    provider = cross_account(profiles, sts, duration=3600, clock=clock, refresh_policy=half)
    session = await provider.session(TARGET)
    first = await provider.credentials(TARGET)
    assert first.expiration is not None
    issued = first.expiration - (first.expiration - clock.now)
    clock.now = issued + (first.expiration - issued) * 0.49
    assert await provider.credentials(TARGET) == first
    frozen = await (await session.get_credentials()).get_frozen_credentials()
    assert frozen.access_key == first.access_key_id
    assert sts.count("AssumeRole") == 1
    clock.now = issued + (first.expiration - issued) * 0.51
    # The session asks the cache again at the policy's moment, and gets the new credentials.
    frozen = await (await session.get_credentials()).get_frozen_credentials()
    assert frozen.access_key != first.access_key_id
    assert sts.count("AssumeRole") == 2
    await provider.close()


def test_a_shared_cache_brings_its_own_policy(profiles: ProfileSessionProvider) -> None:
    with pytest.raises(ValueError, match="not both"):
        CrossAccountSessionProvider(
            profiles, BASE, "r", cache=CredentialsCache(), refresh_policy=RefreshPolicy()
        )


async def test_denied_role_is_a_typed_error(profiles: ProfileSessionProvider, sts: Any) -> None:
    sts.denied_roles.add("reader")
    provider = cross_account(profiles, sts)
    with pytest.raises(AssumeRoleError) as caught:
        await provider.session(TARGET)
    assert caught.value.role_arn == f"arn:aws:iam::{TARGET}:role/reader"
    assert "AccessDenied" in str(caught.value)
    await provider.close()


async def test_profile_named_after_account_else_default(
    profiles: ProfileSessionProvider, sts: Any
) -> None:
    assert await profiles.profile_for(BASE) == BASE
    assert await profiles.profile_for("999999999999") == "default"
    own = await profiles.session(BASE)
    other = await profiles.session("999999999999")
    assert own is await profiles.session(BASE)
    assert (await own.get_credentials()).access_key == "AKIAPROFILEEXAMPLE01"
    assert (await other.get_credentials()).access_key == "AKIADEFAULTEXAMPLE01"
    assert other.get_config_variable("region") == "us-east-1"  # from [default] in config


async def test_profile_with_assume_role_refreshes_through_botocore(
    tmp_path: Path, sts: Any
) -> None:
    config = tmp_path / "config"
    config.write_text(
        f"[profile {TARGET}]\n"
        f"role_arn = arn:aws:iam::{TARGET}:role/from-profile\n"
        "source_profile = base\n"
        f"endpoint_url = {sts.url}\n"
        "region = us-east-1\n"
    )
    credentials = tmp_path / "credentials"
    credentials.write_text(
        "[base]\naws_access_key_id = AKIABASEEXAMPLE00002\naws_secret_access_key = not-real\n"
    )
    provider = ProfileSessionProvider(config_file=config, credentials_file=credentials)
    session = await provider.session(TARGET)
    account, arn = await caller_arn(session, sts)
    assert account == TARGET
    assert ":assumed-role/from-profile/" in arn
    assert sts.count("AssumeRole") == 1
    await provider.close()
